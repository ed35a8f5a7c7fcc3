//! The `:` commands (`:12`, `:quit`, `:lang en`, …), jumping to an item, and what `x`
//! exports on each screen (a further `impl App`).

use super::App;
use crate::tui::action::{ExportWhat, InputPurpose};
use crate::tui::effect::Effect;
use crate::tui::labels::Lang;
use crate::tui::screens::ScreenId;

impl App {
    /// `:` commands: the less common actions; `:12` or `:#12` (and `#12`) opens item 12.
    pub(super) fn command(&mut self, command: &str) -> Effect {
        if let Some(id) = item_number(command) {
            return self.jump(id);
        }
        match command {
            "q" | "quit" => self.quit_unless_pending(),
            "reload" => Effect::Reload,
            "undo" => Effect::PreviewUndo,
            "redo" => Effect::PreviewRedo,
            "clear" => {
                self.screens.items.clear(&self.data, &self.session.user);
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
            "changes" | "变化" => self.open_changes(None),
            other if other.starts_with("changes ") || other.starts_with("变化 ") => {
                self.changes_command(other)
            }
            other => self.fail(format!(
                "{}: {other} (12 #12, quit, reload, undo, clear, mine, changes [DATE], lang zh|en)",
                self.lang().pick("未知命令", "unknown command")
            )),
        }
    }

    /// What `x` exports on the current screen: the rows or the item shown, the roll-up,
    /// the indicators.
    pub(super) fn what_to_export(&self) -> ExportWhat {
        use crate::track::rollup::RollupBy;
        match self.screen {
            ScreenId::Items => ExportWhat::Items(
                self.screens
                    .items
                    .visible()
                    .iter()
                    .map(|&i| self.data.items[i].id)
                    .collect(),
            ),
            ScreenId::Detail => ExportWhat::Items(
                self.screens
                    .detail
                    .detail
                    .as_ref()
                    .map(|d| vec![d.row.id])
                    .unwrap_or_default(),
            ),
            ScreenId::Overview => ExportWhat::Rollup(RollupBy::Plan),
            ScreenId::ByChapter => ExportWhat::Rollup(RollupBy::Chapter),
            ScreenId::ByDepartment if self.screens.by_department.co => {
                ExportWhat::Rollup(RollupBy::CoDepartment)
            }
            ScreenId::ByDepartment => ExportWhat::Rollup(RollupBy::LeadDepartment),
            ScreenId::ByOwner => ExportWhat::Rollup(RollupBy::Owner),
            ScreenId::Indicators => ExportWhat::Indicators,
            ScreenId::Changes => ExportWhat::Items(self.screens.changes.item_ids()),
        }
    }

    /// Open item `id` in Detail, or say there is no such item.
    pub(super) fn jump(&mut self, id: i64) -> Effect {
        if self.data.item(id).is_none() {
            return self.fail(match self.lang() {
                Lang::Zh => format!("没有事项 #{id}"),
                Lang::En => format!("No item #{id}"),
            });
        }
        if self.screen != ScreenId::Detail {
            self.history.push(self.screen);
            self.screen = ScreenId::Detail;
        }
        Effect::LoadDetail(id)
    }
}

/// `12`, `#12` or `＃12`: an item number typed to jump to.
fn item_number(command: &str) -> Option<i64> {
    let digits = command
        .strip_prefix('#')
        .or_else(|| command.strip_prefix('＃'))
        .unwrap_or(command);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
