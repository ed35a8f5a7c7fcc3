//! The 变化 screen's actions: open it on a date, move the date by months, and open the
//! item of the selected change. (New data read while it is shown reads its changes again:
//! `App::after_new_data`.)

use super::App;
use crate::tui::effect::Effect;
use crate::tui::screens::ScreenId;
use crate::tui::screens::changes::{month_start, shifted};
use crate::tui::widgets::status_line::Tone;
use chrono::NaiveDate;

impl App {
    /// Show the changes since `since` (default: the date shown last, else the first of
    /// this month), reading them afresh.
    pub(super) fn open_changes(&mut self, since: Option<NaiveDate>) -> Effect {
        let since = since
            .or(self.screens.changes.since)
            .unwrap_or_else(|| month_start(self.session.today));
        if self.screen != ScreenId::Changes {
            self.history.push(self.screen);
            self.screen = ScreenId::Changes;
        }
        Effect::LoadChanges(since)
    }

    pub(super) fn shift_changes(&mut self, months: i32) -> Effect {
        let since = self
            .screens
            .changes
            .since
            .unwrap_or_else(|| month_start(self.session.today));
        self.open_changes(Some(shifted(since, months)))
    }

    /// `:changes 2026-10-01`.
    pub(super) fn changes_command(&mut self, command: &str) -> Effect {
        let date = command.split_once(' ').map_or("", |(_, date)| date.trim());
        match crate::track::limits::parse_date(date) {
            Some(since) => self.open_changes(Some(since)),
            None => {
                let text = match self.lang() {
                    crate::tui::Lang::Zh => format!("日期“{date}”无效，格式：changes YYYY-MM-DD"),
                    crate::tui::Lang::En => {
                        format!("“{date}” is not a date: changes YYYY-MM-DD")
                    }
                };
                self.message = Some((Tone::Error, text));
                Effect::None
            }
        }
    }

    /// Enter: the selected change's item, on the detail screen.
    pub(super) fn open_changed_item(&mut self) -> Effect {
        let lang = self.lang();
        match self
            .screens
            .changes
            .current(&self.data, lang)
            .and_then(|entry| entry.item)
        {
            Some(id) if self.data.item(id).is_some() => {
                self.history.push(self.screen);
                self.screen = ScreenId::Detail;
                Effect::LoadDetail(id)
            }
            _ => Effect::None,
        }
    }
}
