//! The workbench state and `update`, where every action changes it (the event loop only
//! records the terminal size and the time of the last input, `event.rs`). `update` never
//! touches the store: it returns an `Effect` for the loop to perform.

mod changes;
mod command;
mod departments;
mod edit;
mod leave;
mod mouse;
mod open;
mod queue;
mod undo;

use super::action::{Action, Refresh};
use super::effect::{Effect, Save};
use super::labels::{self, Lang};
use super::mode::Mode;
use super::screens::by_chapter::ByChapterScreen;
use super::screens::by_department::ByDepartmentScreen;
use super::screens::by_owner::ByOwnerScreen;
use super::screens::changes::ChangesScreen;
use super::screens::indicators::IndicatorsScreen;
use super::screens::item_detail::DetailScreen;
use super::screens::items::ItemsScreen;
use super::screens::overview::OverviewScreen;
use super::screens::{Ctx, Navigate, ScreenId};
use super::snapshot::{Item, Snapshot};
use super::theme::Theme;
use super::view::View;
use super::widgets::status_line::Tone;
use chrono::NaiveDate;
pub use edit::parse_milestone;

/// Settings fixed for a session.
#[derive(Debug, Clone)]
pub struct Session {
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub user: String,
    /// Where the journal of edits waiting for the lock is kept (the XDG state directory);
    /// `None`: waiting edits are kept in memory only.
    pub journal: Option<std::path::PathBuf>,
    /// Where exports named without a directory go (`--export-dir`, `PLANTRACK_EXPORT_DIR`,
    /// else the directory the workbench was started in).
    pub export_dir: std::path::PathBuf,
}

/// The screens' states.
#[derive(Debug, Clone, Default)]
pub struct Screens {
    pub overview: OverviewScreen,
    pub items: ItemsScreen,
    pub detail: DetailScreen,
    pub by_chapter: ByChapterScreen,
    pub by_department: ByDepartmentScreen,
    pub by_owner: ByOwnerScreen,
    pub indicators: IndicatorsScreen,
    pub changes: ChangesScreen,
}

impl Screens {
    /// The screen `id`, for its movement keys.
    fn navigator(&mut self, id: ScreenId) -> &mut dyn Navigate {
        match id {
            ScreenId::Overview => &mut self.overview,
            ScreenId::Items => &mut self.items,
            ScreenId::Detail => &mut self.detail,
            ScreenId::ByChapter => &mut self.by_chapter,
            ScreenId::ByDepartment => &mut self.by_department,
            ScreenId::ByOwner => &mut self.by_owner,
            ScreenId::Indicators => &mut self.indicators,
            ScreenId::Changes => &mut self.changes,
        }
    }
}

pub struct App {
    pub session: Session,
    pub screen: ScreenId,
    pub history: Vec<ScreenId>,
    pub data: Snapshot,
    pub screens: Screens,
    pub mode: Mode,
    pub message: Option<(Tone, String)>,
    /// Edits the store could not save yet (another process held the lock), in the order
    /// they were made: journalled, retried on the tick, never dropped.
    pub queue: Vec<Save>,
    /// How many of the waiting edits a previous workbench left (0 once all are saved).
    pub recovered: usize,
    /// Notes closed with Esc before they were saved, per item: `n` goes on from them.
    pub drafts: std::collections::HashMap<i64, String>,
    /// The terminal's size as last drawn (recorded by the loop), for mouse clicks.
    pub size: (u16, u16),
    /// The mouse is captured (clicks and the wheel); off, the terminal selects text.
    pub mouse: bool,
    pub quit: bool,
}

impl App {
    pub fn new(session: Session) -> App {
        App {
            session,
            screen: ScreenId::Overview,
            history: Vec::new(),
            data: Snapshot::default(),
            screens: Screens::default(),
            mode: Mode::Normal,
            message: None,
            queue: Vec::new(),
            recovered: 0,
            drafts: std::collections::HashMap::new(),
            size: (80, 24),
            mouse: true,
            quit: false,
        }
    }

    pub fn view(&self) -> View<'_> {
        View {
            data: &self.data,
            lang: self.session.lang,
            theme: self.session.theme,
            today: self.session.today,
            user: &self.session.user,
        }
    }

    fn lang(&self) -> Lang {
        self.session.lang
    }

    /// The item the editing keys apply to: the detail's item, or the Items cursor.
    pub fn current_item(&self) -> Option<&Item> {
        match self.screen {
            ScreenId::Detail => {
                let id = self.screens.detail.detail.as_ref()?.row.id;
                self.data.item(id)
            }
            _ => self.screens.items.current(&self.data),
        }
    }

    fn go(&mut self, screen: ScreenId) -> Effect {
        if screen != self.screen {
            self.history.push(self.screen);
            self.screen = screen;
        }
        match (
            screen,
            self.screens.detail.detail.as_ref(),
            self.screens.items.current(&self.data),
        ) {
            (ScreenId::Detail, None, Some(item)) => Effect::LoadDetail(item.id),
            _ => Effect::None,
        }
    }

    /// Apply one action; returns what the loop must do with the store. A save goes
    /// behind the edits already waiting for the lock.
    pub fn update(&mut self, action: Action) -> Effect {
        let effect = self.apply(action);
        self.route(effect)
    }

    fn apply(&mut self, action: Action) -> Effect {
        // Results and ticks do not answer an open question: they are applied as usual.
        let background = matches!(
            action,
            Action::Loaded(_)
                | Action::Refreshed(_)
                | Action::DetailLoaded(_)
                | Action::SearchHits(..)
                | Action::Saved(_)
                | Action::Failed(_)
                | Action::Conflicted(_)
                | Action::Refused(_)
                | Action::Pending(_)
                | Action::Persisted { .. }
                | Action::Flushed(_)
                | Action::Recovered(_)
                | Action::UndoPreview(..)
                | Action::Reverted(..)
                | Action::Exported(_)
                | Action::Tick
                | Action::Hint(_)
                | Action::Resize
                | Action::OthersChanged
                | Action::ChangesLoaded(..)
        );
        if !background && matches!(self.mode, Mode::Confirm { .. }) {
            return self.update_confirm(action);
        }
        match action {
            Action::Quit => self.quit_asking(),
            Action::Back => self.back(),
            Action::CloseInput => self.close_input(),
            Action::Hint(text) => {
                self.message = Some((Tone::Hint, text));
                Effect::None
            }
            Action::ToggleRules => {
                self.mode = if self.mode == Mode::Rules {
                    Mode::Normal
                } else {
                    Mode::Rules
                };
                Effect::None
            }
            Action::ToggleBody => {
                self.screens.detail.toggle_body();
                Effect::None
            }
            Action::ToggleFold => {
                self.screens.items.toggle_fold(&self.data);
                Effect::None
            }
            Action::ClearFilters => {
                self.screens.items.clear(&self.data, &self.session.user);
                self.message = Some((
                    Tone::Info,
                    self.lang()
                        .pick("已清除全部筛选", "Every filter cleared")
                        .into(),
                ));
                Effect::None
            }
            Action::PickStatus => self.pick_status(),
            Action::Mouse(event) => self.mouse(event),
            Action::RemoveMilestone => self.remove_milestone(),
            Action::LeadChoice(answer) => {
                let mode = std::mem::replace(&mut self.mode, Mode::Normal);
                match (mode, answer) {
                    (Mode::LeadChoice { keep, .. }, Some(true)) => *keep,
                    (Mode::LeadChoice { drop, .. }, Some(false)) => *drop,
                    _ => {
                        self.message =
                            Some((Tone::Hint, self.lang().pick("已取消", "cancelled").into()));
                        Effect::None
                    }
                }
            }
            Action::ToggleMouse => {
                self.mouse = !self.mouse;
                self.message = Some((
                    Tone::Info,
                    match (self.mouse, self.lang()) {
                        (true, Lang::Zh) => "鼠标已开启（Ctrl-O 关闭以便选择文字复制）",
                        (false, Lang::Zh) => "鼠标已关闭：可用鼠标选择文字复制（Ctrl-O 重新开启）",
                        (true, Lang::En) => "Mouse on (Ctrl-O turns it off to select text)",
                        (false, Lang::En) => "Mouse off: select text to copy (Ctrl-O turns it on)",
                    }
                    .into(),
                ));
                Effect::None
            }
            Action::Column(delta) => {
                self.screens.overview.step_column(isize::from(delta));
                Effect::None
            }
            Action::SetStatus(status) => {
                self.mode = Mode::Normal;
                self.edit(crate::store::ItemEdit {
                    status: Some(status),
                    ..crate::store::ItemEdit::default()
                })
            }
            Action::Switch(screen) => self.go(screen),
            Action::ToggleHelp => {
                self.mode = if self.mode == Mode::Help {
                    Mode::Normal
                } else {
                    Mode::Help
                };
                Effect::None
            }
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-15),
            Action::PageDown => self.move_by(15),
            Action::Top => self.move_by(-1_000_000),
            Action::Bottom => self.move_by(1_000_000),
            Action::FocusNext => self.focus_next(),
            Action::Open => self.open(),
            Action::CycleSort => {
                match self.screen {
                    ScreenId::ByChapter => self.screens.by_chapter.cycle_sort(),
                    ScreenId::ByDepartment => self.screens.by_department.cycle_sort(),
                    ScreenId::ByOwner => self.screens.by_owner.cycle_sort(),
                    _ => self
                        .screens
                        .items
                        .cycle_sort(&self.data, &self.session.user),
                }
                Effect::None
            }
            Action::ToggleSelect => self.toggle_mark(),
            Action::Ask(kind) => self.ask(kind),
            Action::ProgressStep(step) => self.progress_step(step),
            Action::CompleteNextMilestone => self.complete_next_milestone(),
            Action::Undo => Effect::PreviewUndo,
            Action::Redo => Effect::PreviewRedo,
            Action::UndoPreview(redo, preview) => self.undo_preview(redo, preview.map(|p| *p)),
            Action::Reverted(redo, summary) => self.reverted(redo, *summary),
            Action::Reload => Effect::Reload,
            Action::OpenChanges(since) => self.open_changes(since),
            Action::ShiftChanges(months) => self.shift_changes(months),
            Action::ChangesLoaded(since, entries, departments) => {
                self.screens.changes.loaded(since, entries, departments);
                Effect::None
            }
            Action::ConfirmYes | Action::ConfirmNo => Effect::None,
            Action::Submitted(purpose, text) => {
                self.mode = Mode::Normal;
                if let super::action::InputPurpose::Note(id) = &purpose {
                    self.drafts.remove(id);
                }
                self.submitted(purpose, text)
            }
            Action::SearchChanged(text) => self.search_changed(text, false),
            Action::Tick if self.queue.is_empty() => Effect::None,
            Action::Tick => Effect::Flush(self.queue.clone()),
            Action::Persisted { count, error } => self.persisted(count, error),
            Action::Flushed(outcomes) => self.flushed(outcomes),
            Action::Recovered(saves) => self.recovered(saves),
            Action::Resize => Effect::None,
            Action::Exported(what) => {
                let done = self.lang().pick("已导出", "Exported");
                self.message = Some((Tone::Info, format!("{done} {what}")));
                Effect::None
            }
            Action::Pending(save) => self.pending(*save),
            Action::Loaded(snapshot) => {
                let place = self.screens.items.place(&self.data);
                self.data = *snapshot;
                self.screens
                    .items
                    .refresh(&self.data, &self.session.user, place);
                self.after_new_data()
            }
            Action::Refreshed(refresh) => {
                let place = self.screens.items.place(&self.data);
                let Refresh { mark, rows, lists } = *refresh;
                if !self.data.apply(mark, &rows, lists) {
                    return Effect::Reload;
                }
                let changed: Vec<usize> = rows
                    .iter()
                    .filter_map(|r| self.data.index_of(r.id))
                    .collect();
                self.screens
                    .items
                    .rows_changed(&self.data, &self.session.user, &changed, place);
                self.after_new_data()
            }
            Action::DetailLoaded(detail) => {
                self.screens.detail.show(*detail);
                Effect::None
            }
            Action::SearchHits(text, hits) => {
                self.screens
                    .items
                    .body_hits(&text, hits, &self.data, &self.session.user);
                Effect::None
            }
            Action::Saved(saved) => {
                let what = queue::describe(&saved, self.lang());
                self.message = Some((
                    Tone::Info,
                    format!("{} {what}", labels::SAVED.get(self.lang())),
                ));
                Effect::Refresh(self.data.mark)
            }
            Action::Failed(error) => {
                self.message = Some((Tone::Error, error));
                Effect::None
            }
            Action::Conflicted(conflict) => {
                let text = format!(
                    "{}{}{}",
                    labels::CONFLICT.get(self.lang()),
                    self.lang().pick("：", ": "),
                    conflict.describe(self.lang() == Lang::Zh)
                );
                self.message = Some((Tone::Error, text));
                Effect::None
            }
            Action::Refused(refused) => {
                let zh = self.lang() == Lang::Zh;
                let text = format!(
                    "{}{}",
                    refused.describe(zh),
                    self.lang().pick("；未保存", "; nothing was saved")
                );
                self.message = Some((Tone::Error, text));
                Effect::None
            }
            Action::OthersChanged => {
                self.message = Some((Tone::Info, labels::RELOADED.get(self.lang()).to_string()));
                Effect::Refresh(self.data.mark)
            }
        }
    }

    /// A yes/no question is open: "y" performs its effect, any other key cancels it.
    fn update_confirm(&mut self, action: Action) -> Effect {
        let Mode::Confirm { effect, .. } = std::mem::replace(&mut self.mode, Mode::Normal) else {
            return Effect::None;
        };
        if let Action::ConfirmYes = action {
            if *effect == Effect::Quit {
                self.quit = true;
            }
            return *effect;
        }
        self.message = Some((
            Tone::Hint,
            self.lang().pick("已取消", "cancelled").to_string(),
        ));
        Effect::None
    }

    fn move_by(&mut self, delta: isize) -> Effect {
        let ctx = Ctx {
            data: &self.data,
            user: &self.session.user,
        };
        self.screens.navigator(self.screen).move_by(delta, &ctx);
        Effect::None
    }

    fn focus_next(&mut self) -> Effect {
        let ctx = Ctx {
            data: &self.data,
            user: &self.session.user,
        };
        self.screens.navigator(self.screen).focus_next(&ctx);
        Effect::None
    }

    /// Keep the cursors in range and the open detail (and 变化 screen) current.
    fn after_new_data(&mut self) -> Effect {
        self.clamp_selections();
        let detail = match self.screens.detail.detail.as_ref() {
            Some(d) => Effect::LoadDetail(d.row.id),
            None => Effect::None,
        };
        match (self.screen, self.screens.changes.since) {
            (ScreenId::Changes, Some(since)) => {
                Effect::Many(vec![detail, Effect::LoadChanges(since)])
            }
            _ => detail,
        }
    }

    fn clamp_selections(&mut self) {
        let ctx = Ctx {
            data: &self.data,
            user: &self.session.user,
        };
        for screen in ScreenId::ALL {
            self.screens.navigator(screen).clamp(&ctx);
        }
    }
}
