//! Leaving things: Esc and `q` go back, inputs close (a note stays as a draft), the
//! workbench quits — asking first when a note or waiting edits would be left (a third
//! `impl App`; `update` in app.rs routes to these).

use super::App;
use crate::tui::effect::Effect;
use crate::tui::labels::Lang;
use crate::tui::mode::Mode;
use crate::tui::widgets::status_line::Tone;

impl App {
    /// Esc and `q` off the Overview: close an overlay, else go back a screen. Never
    /// quits: on the Overview it only clears the message.
    pub(super) fn back(&mut self) -> Effect {
        if matches!(self.mode, Mode::Help | Mode::Rules | Mode::Status(_)) {
            self.mode = Mode::Normal;
            return Effect::None;
        }
        match self.history.pop() {
            Some(previous) => self.screen = previous,
            None => self.message = None,
        }
        Effect::None
    }

    /// Close the open input or list; a note with text stays as a draft.
    pub(super) fn close_input(&mut self) -> Effect {
        if let Mode::Input(input) = &self.mode
            && let Some(id) = input.note_of()
            && !input.is_blank()
        {
            self.drafts.insert(id, input.text());
            self.message = Some((
                Tone::Hint,
                self.lang()
                    .pick(
                        "备注已留作草稿：按 n 接着写",
                        "The note is kept as a draft: n goes on",
                    )
                    .into(),
            ));
        }
        self.mode = Mode::Normal;
        Effect::None
    }

    /// `q` on the Overview and Ctrl-C anywhere: quit, asking first when a note being
    /// written would be lost or edits still wait for the lock.
    pub(super) fn quit_asking(&mut self) -> Effect {
        if let Mode::Input(input) = &self.mode
            && let Some(id) = input.note_of()
            && !input.is_blank()
        {
            self.drafts.insert(id, input.text());
            let question = self
                .lang()
                .pick(
                    "备注还没有保存。丢弃它并退出？y 退出 / 其他键取消（取消后按 n 接着写）",
                    "The note is not saved. Discard it and quit? y quits, any other key cancels (then n goes on)",
                )
                .to_string();
            self.message = Some((Tone::Error, question.clone()));
            self.mode = Mode::Confirm {
                question,
                effect: Box::new(Effect::Quit),
            };
            return Effect::None;
        }
        self.mode = Mode::Normal;
        self.quit_unless_pending()
    }

    /// `t`: the status list for the current item.
    pub(super) fn pick_status(&mut self) -> Effect {
        match self.current_item().map(|i| i.id) {
            Some(id) => self.mode = Mode::Status(id),
            None => {
                self.message = Some((
                    Tone::Hint,
                    self.lang()
                        .pick("请先选择一个事项", "Select an item first")
                        .into(),
                ));
            }
        }
        Effect::None
    }

    /// Quit, unless edits are still waiting to be saved: then ask first. They stay in the
    /// journal either way, and the next start saves them.
    pub(super) fn quit_unless_pending(&mut self) -> Effect {
        if self.queue.is_empty() {
            self.quit = true;
            return Effect::Quit;
        }
        let question = match self.lang() {
            Lang::Zh => format!(
                "有 {} 项修改尚未保存（数据库正忙）。仍要退出？它们已记录在磁盘上，下次打开工作台时保存。y/n",
                self.queue.len()
            ),
            Lang::En => format!(
                "{} edit(s) not saved yet (the database is busy). Quit anyway? They are kept on disk and saved when the workbench next starts. y/n",
                self.queue.len()
            ),
        };
        self.message = Some((Tone::Error, question.clone()));
        self.mode = Mode::Confirm {
            question,
            effect: Box::new(Effect::Quit),
        };
        Effect::None
    }
}
