//! Edits waiting for another process's write lock: kept in order, journalled before the
//! person is told they are kept, saved in order when the lock is released; a refused one
//! (a conflict) is reported and the others still go.

use super::App;
use crate::tui::changes;
use crate::tui::effect::{Effect, Outcome, Save, Saved};
use crate::tui::labels::Lang;
use crate::tui::widgets::status_line::Tone;

impl App {
    /// Every save goes behind the edits already waiting: an edit is never saved before
    /// one made earlier.
    pub(super) fn route(&mut self, effect: Effect) -> Effect {
        match effect {
            Effect::Save(save) if !self.queue.is_empty() => {
                self.queue.push(save);
                Effect::Persist(self.queue.clone())
            }
            Effect::Many(effects) => {
                Effect::Many(effects.into_iter().map(|e| self.route(e)).collect())
            }
            other => other,
        }
    }

    /// The lock was busy: keep the edit (written to the journal before anything is said).
    pub(super) fn pending(&mut self, save: Save) -> Effect {
        self.queue.push(save);
        Effect::Persist(self.queue.clone())
    }

    /// The journal holds the waiting edits now (or could not be written).
    pub(super) fn persisted(&mut self, count: usize, error: Option<String>) -> Effect {
        if count == 0 {
            return Effect::None;
        }
        let text = match (self.lang(), error) {
            (Lang::Zh, None) => format!(
                "数据库正忙（他人正在写入）：{count} 项修改已保留并记录在磁盘上，锁释放后按顺序自动保存"
            ),
            (Lang::En, None) => format!(
                "The database is busy (someone else is writing): {count} edit(s) kept on disk, saved in order when the lock is released"
            ),
            (Lang::Zh, Some(e)) => format!(
                "数据库正忙：{count} 项修改仅保留在内存中（无法写入 {e}），请勿关闭工作台，锁释放后自动保存"
            ),
            (Lang::En, Some(e)) => format!(
                "The database is busy: {count} edit(s) kept in memory only (cannot write {e}); keep the workbench open, they are saved when the lock is released"
            ),
        };
        self.message = Some((Tone::Error, text));
        Effect::None
    }

    /// Edits a previous workbench left unsaved: they wait first, and are tried at once.
    pub(super) fn recovered(&mut self, saves: Vec<Save>) -> Effect {
        if saves.is_empty() {
            return Effect::None;
        }
        let text = match self.lang() {
            Lang::Zh => format!(
                "上次工作台关闭时有 {} 项修改尚未保存，现在按顺序保存",
                saves.len()
            ),
            Lang::En => format!(
                "{} edit(s) were still waiting when the workbench last closed: saving them now, in order",
                saves.len()
            ),
        };
        self.message = Some((Tone::Info, text));
        self.recovered = self.queue.len() + saves.len();
        let mut waiting = saves;
        waiting.append(&mut self.queue);
        self.queue = waiting;
        Effect::Flush(self.queue.clone())
    }

    /// Some waiting edits were tried: those dealt with leave the queue, the journal follows.
    pub(super) fn flushed(&mut self, outcomes: Vec<Outcome>) -> Effect {
        let done = outcomes.len().min(self.queue.len());
        self.queue.drain(..done);
        let lang = self.lang();
        let mut saved: Vec<Saved> = Vec::new();
        let mut refused = Vec::new();
        for outcome in outcomes {
            match outcome {
                Outcome::Saved(s) => saved.push(s),
                Outcome::Refused(action) => refused.push(*action),
            }
        }
        // A refusal is reported as any refused save is (with who, when and what), and
        // says how many others were saved.
        let mut effects = vec![Effect::Persist(self.queue.clone())];
        if let Some(action) = refused.into_iter().next() {
            let _ = self.update(action);
            if let Some((tone, text)) = self.message.take() {
                let others = match lang {
                    Lang::Zh => format!("（其余 {} 项已保存）", saved.len()),
                    Lang::En => format!(" ({} other edit(s) saved)", saved.len()),
                };
                self.message = Some((tone, format!("{text}{others}")));
            }
        } else if !saved.is_empty() {
            let last = saved.last().map(|s| describe(s, lang)).unwrap_or_default();
            let (n, left) = (saved.len(), self.recovered);
            let text = match (lang, left > 0) {
                (Lang::Zh, false) => format!("锁已释放：{n} 项等待中的修改已按顺序保存（{last}）"),
                (Lang::En, false) => {
                    format!("Lock released: {n} waiting edit(s) saved in order ({last})")
                }
                (Lang::Zh, true) => format!(
                    "上次工作台关闭时有 {left} 项修改尚未保存：已按顺序保存 {n} 项（{last}）"
                ),
                (Lang::En, true) => format!(
                    "{left} edit(s) were still waiting when the workbench last closed: {n} saved in order ({last})"
                ),
            };
            self.message = Some((Tone::Info, text));
        }
        if self.queue.is_empty() {
            self.recovered = 0;
        }
        if !saved.is_empty() {
            effects.push(Effect::Refresh(self.data.mark));
        }
        Effect::Many(effects)
    }
}

/// What a save did, in words.
pub(super) fn describe(saved: &Saved, lang: Lang) -> String {
    if saved.rows.is_empty() {
        saved.what.clone()
    } else {
        changes::summary(&saved.rows, lang, changes::made)
    }
}
