//! The workbench state and `update`, the only place it changes. `update` never touches
//! the store: it returns an `Effect` for the loop to perform.

use super::action::{Action, AskKind, InputPurpose};
use super::effect::{Effect, Save};
use super::labels::{self, Lang};
use super::mode::{Input, Mode};
use super::screens::ScreenId;
use super::screens::by_chapter::ByChapterScreen;
use super::screens::by_department::ByDepartmentScreen;
use super::screens::indicators::IndicatorsScreen;
use super::screens::item_detail::DetailScreen;
use super::screens::items::{Focus, ItemsFilter, ItemsScreen};
use super::screens::overview::OverviewScreen;
use super::snapshot::Snapshot;
use super::theme::Theme;
use super::view::View;
use super::widgets::status_line::Tone;
use crate::plan::Role;
use crate::store::{ItemEdit, ItemRow};
use crate::track::Status;
use chrono::NaiveDate;

/// Settings fixed for a session.
#[derive(Debug, Clone)]
pub struct Session {
    pub lang: Lang,
    pub theme: Theme,
    pub today: NaiveDate,
    pub user: String,
}

/// The screens' states.
#[derive(Debug, Clone, Default)]
pub struct Screens {
    pub overview: OverviewScreen,
    pub items: ItemsScreen,
    pub detail: DetailScreen,
    pub by_chapter: ByChapterScreen,
    pub by_department: ByDepartmentScreen,
    pub indicators: IndicatorsScreen,
}

pub struct App {
    pub session: Session,
    pub screen: ScreenId,
    pub history: Vec<ScreenId>,
    pub data: Snapshot,
    pub screens: Screens,
    pub mode: Mode,
    pub message: Option<(Tone, String)>,
    /// An edit the store could not save yet (another process held the lock): retried
    /// on the next tick, never dropped.
    pub pending: Option<Save>,
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
            pending: None,
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
    pub fn current_item(&self) -> Option<&ItemRow> {
        match self.screen {
            ScreenId::Detail => {
                let id = self.screens.detail.detail.as_ref()?.row.id;
                self.data.items.iter().find(|i| i.id == id)
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

    /// Apply one action; returns what the loop must do with the store.
    pub fn update(&mut self, action: Action) -> Effect {
        // Results and ticks do not answer an open question: they are applied as usual.
        let background = matches!(
            action,
            Action::Loaded(_)
                | Action::DetailLoaded(_)
                | Action::SearchHits(..)
                | Action::Saved(_)
                | Action::Failed(_)
                | Action::Conflicted(_)
                | Action::Pending(_)
                | Action::Exported(_)
                | Action::Tick
                | Action::Resize
                | Action::OthersChanged
        );
        if !background && matches!(self.mode, Mode::Confirm { .. }) {
            return self.update_confirm(action);
        }
        match action {
            Action::Quit => self.quit_unless_pending(),
            Action::Back => self.back(),
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
                self.screens
                    .items
                    .cycle_sort(&self.data, &self.session.user);
                Effect::None
            }
            Action::ToggleSelect => self.toggle_mark(),
            Action::Ask(kind) => self.ask(kind),
            Action::CycleStatus => self.cycle_status(),
            Action::ProgressStep(step) => self.progress_step(step),
            Action::CompleteNextMilestone => self.complete_next_milestone(),
            Action::Undo => Effect::Undo,
            Action::Reload => Effect::Reload,
            Action::ConfirmYes | Action::ConfirmNo => Effect::None,
            Action::Submitted(purpose, text) => {
                self.mode = Mode::Normal;
                self.submitted(purpose, text)
            }
            Action::SearchChanged(text) => self.search_changed(text),
            Action::Tick => match self.pending.take() {
                Some(save) => Effect::Save(save),
                None => Effect::None,
            },
            Action::Resize => Effect::None,
            Action::Exported(what) => {
                let done = self.lang().pick("已导出", "Exported");
                self.message = Some((Tone::Info, format!("{done} {what}")));
                Effect::None
            }
            Action::Pending(save) => {
                let text = self.lang().pick(
                    "数据库正忙（他人正在写入）：您的修改已保留，锁释放后自动保存",
                    "The database is busy (someone else is writing): your edit is kept and will be saved when the lock is released",
                );
                self.message = Some((Tone::Error, text.to_string()));
                self.pending = Some(*save);
                Effect::None
            }
            Action::Loaded(snapshot) => {
                self.data = *snapshot;
                self.screens.items.refresh(&self.data, &self.session.user);
                self.clamp_selections();
                match self.screens.detail.detail.as_ref() {
                    Some(d) => Effect::LoadDetail(d.row.id),
                    None => Effect::None,
                }
            }
            Action::DetailLoaded(detail) => {
                self.screens.detail.show(*detail);
                Effect::None
            }
            Action::SearchHits(text, hits) => {
                if text == self.screens.items.search {
                    self.screens.items.search_hits = hits;
                    self.screens.items.recompute(&self.data, &self.session.user);
                }
                Effect::None
            }
            Action::Saved(what) => {
                self.message = Some((
                    Tone::Info,
                    format!("{} {what}", labels::SAVED.get(self.lang())),
                ));
                Effect::Reload
            }
            Action::Failed(error) => {
                self.message = Some((Tone::Error, error));
                Effect::None
            }
            Action::Conflicted(conflict) => {
                let text = match self.lang() {
                    Lang::Zh => format!(
                        "{}：#{} 的 {} 已被 {} 于 {} 改为“{}”。按 r 刷新后再改。",
                        labels::CONFLICT.get(Lang::Zh),
                        conflict.item,
                        conflict.field,
                        conflict.who,
                        conflict
                            .at
                            .get(..16)
                            .unwrap_or(&conflict.at)
                            .replace('T', " "),
                        conflict.value.as_deref().unwrap_or("（空）")
                    ),
                    Lang::En => conflict.to_string(),
                };
                self.message = Some((Tone::Error, text));
                Effect::None
            }
            Action::OthersChanged => {
                self.message = Some((Tone::Info, labels::RELOADED.get(self.lang()).to_string()));
                Effect::Reload
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

    fn back(&mut self) -> Effect {
        if self.mode == Mode::Help {
            self.mode = Mode::Normal;
            return Effect::None;
        }
        match self.history.pop() {
            Some(previous) => {
                self.screen = previous;
                Effect::None
            }
            None => self.quit_unless_pending(),
        }
    }

    /// Quit, unless an edit is still waiting to be saved: then ask first.
    fn quit_unless_pending(&mut self) -> Effect {
        if self.pending.is_none() {
            self.quit = true;
            return Effect::Quit;
        }
        let question = self.lang().pick(
            "有一项修改尚未保存（数据库正忙），仍要退出并放弃它？y/n",
            "One edit is not saved yet (the database is busy). Quit and drop it? y/n",
        );
        self.message = Some((Tone::Error, question.to_string()));
        self.mode = Mode::Confirm {
            question: question.to_string(),
            effect: Box::new(Effect::Quit),
        };
        Effect::None
    }

    fn move_by(&mut self, delta: isize) -> Effect {
        let step = |current: usize, len: usize| {
            if len == 0 {
                0
            } else {
                current.saturating_add_signed(delta).min(len - 1)
            }
        };
        let user = self.session.user.clone();
        match self.screen {
            ScreenId::Items => self.screens.items.move_by(delta, &self.data, &user),
            ScreenId::Detail => {
                let scroll = i64::from(self.screens.detail.scroll) + delta as i64;
                self.screens.detail.scroll = scroll.clamp(0, 10_000) as u16;
            }
            ScreenId::ByChapter => {
                self.screens.by_chapter.selected =
                    step(self.screens.by_chapter.selected, self.data.by_chapter.len())
            }
            ScreenId::ByDepartment => {
                let len = if self.screens.by_department.co {
                    self.data.by_co.len()
                } else {
                    self.data.by_lead.len()
                };
                self.screens.by_department.selected =
                    step(self.screens.by_department.selected, len);
            }
            ScreenId::Indicators => {
                self.screens.indicators.selected =
                    step(self.screens.indicators.selected, self.data.indicators.len())
            }
            ScreenId::Overview => {}
        }
        Effect::None
    }

    fn focus_next(&mut self) -> Effect {
        match self.screen {
            ScreenId::Items => {
                let items = &mut self.screens.items;
                items.focus = if items.focus == Focus::Tree {
                    Focus::Table
                } else {
                    Focus::Tree
                };
            }
            ScreenId::ByDepartment => {
                let screen = &mut self.screens.by_department;
                screen.co = !screen.co;
                screen.selected = 0;
            }
            ScreenId::Detail => {
                let detail = &mut self.screens.detail;
                let count = detail.detail.as_ref().map_or(0, |d| d.milestones.len());
                detail.milestone = if count == 0 {
                    0
                } else {
                    (detail.milestone + 1) % count
                };
            }
            _ => {}
        }
        Effect::None
    }

    fn open(&mut self) -> Effect {
        let user = self.session.user.clone();
        match self.screen {
            ScreenId::Items if self.screens.items.focus == Focus::Tree => {
                self.screens.items.focus = Focus::Table;
                Effect::None
            }
            ScreenId::Items => match self.screens.items.current(&self.data) {
                Some(item) => {
                    let id = item.id;
                    self.history.push(self.screen);
                    self.screen = ScreenId::Detail;
                    Effect::LoadDetail(id)
                }
                None => Effect::None,
            },
            ScreenId::ByChapter => {
                let chapter = self.screens.by_chapter.selected_chapter(&self.view());
                self.screens.items.drill(&self.data, &user, chapter, None);
                self.go(ScreenId::Items)
            }
            ScreenId::ByDepartment => {
                let department = self.screens.by_department.selected_department(&self.view());
                self.screens
                    .items
                    .drill(&self.data, &user, None, department);
                self.go(ScreenId::Items)
            }
            _ => Effect::None,
        }
    }

    fn toggle_mark(&mut self) -> Effect {
        if let Some(id) = self.screens.items.current(&self.data).map(|i| i.id) {
            let marked = &mut self.screens.items.marked;
            if !marked.remove(&id) {
                marked.insert(id);
            }
            self.screens.items.selected += 1;
            self.screens.items.recompute(&self.data, &self.session.user);
        }
        Effect::None
    }

    fn stamp(&self) -> crate::store::Stamp {
        self.data.stamp.unwrap_or(crate::store::Stamp(0))
    }

    fn edit(&self, edit: ItemEdit) -> Effect {
        match self.current_item() {
            Some(item) => Effect::Save(Save::Edit {
                id: item.id,
                stamp: self.stamp(),
                edit,
            }),
            None => Effect::None,
        }
    }

    fn cycle_status(&mut self) -> Effect {
        let Some(item) = self.current_item() else {
            return Effect::None;
        };
        let next = match item.status {
            Status::NotStarted => Status::InProgress,
            Status::InProgress => Status::Done,
            Status::Done => Status::Paused,
            Status::Paused => Status::NotStarted,
        };
        self.edit(ItemEdit {
            status: Some(next),
            ..ItemEdit::default()
        })
    }

    fn progress_step(&mut self, step: i8) -> Effect {
        let Some(item) = self.current_item() else {
            return Effect::None;
        };
        let progress = (i16::from(item.progress) + i16::from(step)).clamp(0, 100) as u8;
        self.edit(ItemEdit {
            progress: Some(progress),
            ..ItemEdit::default()
        })
    }

    /// The open milestone under the Detail cursor (with a hint when there is none).
    fn selected_open_milestone(&mut self) -> Option<crate::store::Milestone> {
        let selected = self
            .screens
            .detail
            .selected_milestone()
            .filter(|m| self.screen == ScreenId::Detail && m.done_on.is_none())
            .cloned();
        if selected.is_none() {
            let hint = self.lang().pick(
                "请在详情页用 Tab 选择一个未完成的节点",
                "On the Detail screen, select an open milestone with Tab",
            );
            self.message = Some((Tone::Hint, hint.into()));
        }
        selected
    }

    fn complete_next_milestone(&mut self) -> Effect {
        let Some(next) = self.selected_open_milestone() else {
            return Effect::None;
        };
        let question = match self.lang() {
            Lang::Zh => format!(
                "将节点“{}”（{}）标记为今天完成？y/n",
                next.title, next.due_on
            ),
            Lang::En => format!(
                "Mark milestone “{}” ({}) done today? y/n",
                next.title, next.due_on
            ),
        };
        self.message = Some((Tone::Hint, question.clone()));
        self.mode = Mode::Confirm {
            question,
            effect: Box::new(Effect::Save(Save::CompleteMilestone {
                milestone: next.id,
                on: self.session.today,
            })),
        };
        Effect::None
    }

    fn ask(&mut self, kind: AskKind) -> Effect {
        let lang = self.lang();
        let item = self.current_item().map(|i| (i.id, i.owner.clone()));
        let purpose = match (kind, item.as_ref().map(|i| i.0)) {
            (AskKind::Search, _) => InputPurpose::Search,
            (AskKind::Filter, _) => InputPurpose::Filter,
            (AskKind::Command, _) => InputPurpose::Command,
            (AskKind::Export, _) => {
                let ids = self
                    .screens
                    .items
                    .visible
                    .iter()
                    .map(|&i| self.data.items[i].id)
                    .collect();
                InputPurpose::Export(ids)
            }
            (AskKind::BulkOwner, _) => {
                InputPurpose::BulkOwner(self.screens.items.targets(&self.data))
            }
            (AskKind::Indicator, _) => match self.screens.indicators.current(&self.view()) {
                Some(indicator) => InputPurpose::Indicator(indicator.id),
                None => return Effect::None,
            },
            (AskKind::Owner, Some(id)) => InputPurpose::Owner(id),
            (AskKind::Progress, Some(id)) => InputPurpose::Progress(id),
            (AskKind::Lead, Some(id)) => InputPurpose::Department(id, Role::Lead),
            (AskKind::Co, Some(id)) => InputPurpose::Department(id, Role::Co),
            (AskKind::Milestone, Some(id)) => InputPurpose::Milestone(id),
            (AskKind::Note, Some(id)) => InputPurpose::Note(id),
            (AskKind::Extend, Some(_)) => match self.selected_open_milestone() {
                Some(milestone) => InputPurpose::Extend(milestone.id),
                None => return Effect::None,
            },
            (AskKind::RenameMilestone, Some(_)) => match self.selected_open_milestone() {
                Some(milestone) => InputPurpose::RenameMilestone(milestone.id),
                None => return Effect::None,
            },
            (_, None) => {
                self.message = Some((
                    Tone::Hint,
                    lang.pick("请先选择一个事项", "Select an item first").into(),
                ));
                return Effect::None;
            }
        };
        // Search and filter reopen with what is in force (a filter grows word by word);
        // other prompts start empty, with the current value offered first by Tab.
        let initial = match &purpose {
            InputPurpose::Search => self.screens.items.search.clone(),
            InputPurpose::Export(_) => format!("plantrack-{}.xlsx", self.session.today),
            InputPurpose::Filter if !self.screens.items.filter_text.is_empty() => {
                format!("{} ", self.screens.items.filter_text)
            }
            _ => String::new(),
        };
        let current_owner = item.and_then(|i| i.1);
        let suggestions = match &purpose {
            InputPurpose::Owner(_) => current_owner
                .into_iter()
                .chain(self.data.owners.iter().cloned())
                .collect(),
            InputPurpose::BulkOwner(_) => self.data.owners.clone(),
            InputPurpose::Department(..) => self.data.departments.clone(),
            _ => Vec::new(),
        };
        if matches!(purpose, InputPurpose::Search | InputPurpose::Filter)
            && self.screen != ScreenId::Items
        {
            self.go(ScreenId::Items);
        }
        self.mode = Mode::Input(Box::new(Input::new(purpose, &initial, suggestions)));
        Effect::None
    }

    fn search_changed(&mut self, text: String) -> Effect {
        let items = &mut self.screens.items;
        items.search = text.clone();
        items.search_hits.clear();
        items.selected = 0;
        items.recompute(&self.data, &self.session.user);
        if text.trim().is_empty() {
            Effect::None
        } else {
            Effect::Search(text)
        }
    }

    fn submitted(&mut self, purpose: InputPurpose, text: String) -> Effect {
        let lang = self.lang();
        let trimmed = text.trim().to_string();
        let stamp = self.stamp();
        match purpose {
            InputPurpose::Search => self.search_changed(trimmed),
            InputPurpose::Filter => match ItemsFilter::parse(&trimmed) {
                Ok(filter) => {
                    let items = &mut self.screens.items;
                    items.filter = filter;
                    items.filter_text = trimmed;
                    items.selected = 0;
                    items.recompute(&self.data, &self.session.user);
                    Effect::None
                }
                Err(message) => self.fail(message),
            },
            InputPurpose::Owner(id) => {
                let owner = (!trimmed.is_empty()).then_some(trimmed);
                Effect::Save(Save::Edit {
                    id,
                    stamp,
                    edit: ItemEdit {
                        owner: Some(owner),
                        ..ItemEdit::default()
                    },
                })
            }
            InputPurpose::Progress(id) => match trimmed.parse::<crate::track::Progress>() {
                Ok(progress) => Effect::Save(Save::Edit {
                    id,
                    stamp,
                    edit: ItemEdit {
                        progress: Some(progress.value()),
                        ..ItemEdit::default()
                    },
                }),
                Err(e) => self.fail(e.to_string()),
            },
            InputPurpose::Department(id, role) if !trimmed.is_empty() => {
                Effect::Save(Save::Department {
                    id,
                    name: trimmed,
                    role,
                    stamp,
                })
            }
            InputPurpose::Milestone(id) => match parse_milestone(&trimmed, lang) {
                Ok((due, title)) => Effect::Save(Save::Milestone { id, title, due }),
                Err(message) => self.fail(message),
            },
            InputPurpose::Note(id) if !trimmed.is_empty() => Effect::Save(Save::Note { id, text }),
            InputPurpose::Extend(milestone) => match parse_milestone(&trimmed, lang) {
                Ok((to, reason)) => Effect::Save(Save::Extend {
                    milestone,
                    to,
                    reason,
                }),
                Err(message) => self.fail(message),
            },
            InputPurpose::BulkOwner(ids) if !trimmed.is_empty() && !ids.is_empty() => {
                let question = match lang {
                    Lang::Zh => format!("将 {} 个事项的负责人设为“{trimmed}”？y/n", ids.len()),
                    Lang::En => format!("Set the owner of {} items to “{trimmed}”? y/n", ids.len()),
                };
                self.message = Some((Tone::Hint, question.clone()));
                self.mode = Mode::Confirm {
                    question,
                    effect: Box::new(Effect::Save(Save::BulkOwner {
                        ids,
                        owner: trimmed,
                    })),
                };
                Effect::None
            }
            InputPurpose::Indicator(id) => match trimmed.split_once(char::is_whitespace) {
                Some((period, value)) => Effect::Save(Save::Indicator {
                    id,
                    period: period.to_string(),
                    value: value.trim().to_string(),
                }),
                None => self.fail(
                    lang.pick(
                        "格式：期间 数值，例如 2025 63.5",
                        "Format: PERIOD VALUE, e.g. 2025 63.5",
                    )
                    .into(),
                ),
            },
            InputPurpose::RenameMilestone(milestone) if !trimmed.is_empty() => {
                Effect::Save(Save::RenameMilestone {
                    milestone,
                    title: trimmed,
                })
            }
            InputPurpose::Export(ids) if !trimmed.is_empty() => Effect::Export {
                ids,
                path: std::path::PathBuf::from(trimmed),
            },
            InputPurpose::Command => self.command(&trimmed),
            _ => Effect::None,
        }
    }

    /// `:` commands: the less common actions.
    fn command(&mut self, command: &str) -> Effect {
        match command {
            "q" | "quit" => {
                self.quit = true;
                Effect::Quit
            }
            "reload" => Effect::Reload,
            "undo" => Effect::Undo,
            "clear" => {
                let items = &mut self.screens.items;
                items.filter = ItemsFilter::default();
                items.filter_text.clear();
                items.search.clear();
                items.search_hits.clear();
                items.marked.clear();
                items.recompute(&self.data, &self.session.user);
                Effect::None
            }
            "lang zh" => {
                self.session.lang = Lang::Zh;
                Effect::None
            }
            "lang en" => {
                self.session.lang = Lang::En;
                Effect::None
            }
            "mine" => self.submitted(InputPurpose::Filter, "mine".into()),
            other => self.fail(format!(
                "{}: {other} (quit, reload, undo, clear, mine, lang zh|en)",
                self.lang().pick("未知命令", "unknown command")
            )),
        }
    }

    fn fail(&mut self, message: String) -> Effect {
        self.message = Some((Tone::Error, message));
        Effect::None
    }

    fn clamp_selections(&mut self) {
        let s = &mut self.screens;
        s.by_chapter.selected = s
            .by_chapter
            .selected
            .min(self.data.by_chapter.len().saturating_sub(1));
        let departments = if s.by_department.co {
            self.data.by_co.len()
        } else {
            self.data.by_lead.len()
        };
        s.by_department.selected = s.by_department.selected.min(departments.saturating_sub(1));
        s.indicators.selected = s
            .indicators
            .selected
            .min(self.data.indicators.len().saturating_sub(1));
    }
}

/// "2026-06-30 完成可研批复" → (date, title), with a message naming the expected format.
pub fn parse_milestone(text: &str, lang: Lang) -> Result<(NaiveDate, String), String> {
    let (date, title) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let format_hint = lang.pick(
        "格式：YYYY-MM-DD 节点名称，例如 2026-06-30 完成可研批复",
        "Format: YYYY-MM-DD TITLE, e.g. 2026-06-30 feasibility approved",
    );
    let due = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| match lang {
        Lang::Zh => format!("日期“{date}”无效。{format_hint}"),
        Lang::En => format!("“{date}” is not a valid date. {format_hint}"),
    })?;
    let title = title.trim();
    if title.is_empty() {
        return Err(format_hint.to_string());
    }
    Ok((due, title.to_string()))
}
