//! Undo and redo in the workbench: `u` (or `U`/Ctrl-R for redo) first shows what would be
//! reverted and asks; `y` does it, anything else leaves everything as it is.

use super::App;
use crate::store::{ChangePreview, ChangeSummary};
use crate::tui::changes;
use crate::tui::effect::Effect;
use crate::tui::labels::Lang;
use crate::tui::mode::Mode;
use crate::tui::widgets::status_line::Tone;

impl App {
    pub(super) fn undo_preview(&mut self, redo: bool, preview: Option<ChangePreview>) -> Effect {
        let lang = self.lang();
        let Some(preview) = preview else {
            let text = match (redo, lang) {
                (false, Lang::Zh) => "没有可撤销的修改",
                (false, Lang::En) => "Nothing of yours to undo",
                (true, Lang::Zh) => "没有可重做的修改",
                (true, Lang::En) => "Nothing to redo",
            };
            self.message = Some((Tone::Hint, text.to_string()));
            return Effect::None;
        };
        let what = changes::summary(&preview.entries, lang, changes::reverted);
        let question = match (redo, lang) {
            (false, Lang::Zh) => format!("撤销：{what}？y/n"),
            (false, Lang::En) => format!("Undo: {what}? y/n"),
            (true, Lang::Zh) => format!("重做：{what}？y/n"),
            (true, Lang::En) => format!("Redo: {what}? y/n"),
        };
        self.message = Some((Tone::Hint, question.clone()));
        let effect = if redo {
            Effect::Redo(preview.change)
        } else {
            Effect::Undo(preview.change)
        };
        self.mode = Mode::Confirm {
            question,
            effect: Box::new(effect),
        };
        Effect::None
    }

    pub(super) fn reverted(&mut self, redo: bool, summary: ChangeSummary) -> Effect {
        let lang = self.lang();
        let what = changes::summary(&summary.entries, lang, changes::made);
        let text = match (redo, lang) {
            (false, Lang::Zh) => format!("已撤销：{what}"),
            (false, Lang::En) => format!("Undone: {what}"),
            (true, Lang::Zh) => format!("已重做：{what}"),
            (true, Lang::En) => format!("Redone: {what}"),
        };
        self.message = Some((Tone::Info, text));
        Effect::Refresh(self.data.mark)
    }
}
