//! By chapter: the chapter roll-up with a bar of mean progress; Enter shows its items.

use super::super::labels;
use super::super::view::View;
use super::super::widgets::{rollup_chart, rollup_table};
use crate::track::rollup::RollupRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};

#[derive(Debug, Clone, Default)]
pub struct ByChapterScreen {
    pub selected: usize,
}

impl ByChapterScreen {
    pub fn rows<'a>(&self, view: &View<'a>) -> &'a [RollupRow] {
        view.data.by_chapter()
    }

    /// (plan key, chapter) of the selected row, for drilling in.
    pub fn selected_chapter(&self, view: &View<'_>) -> Option<(String, String)> {
        let row = view.data.by_chapter().get(self.selected)?;
        let (plan, chapter) = row.key.split_once(" / ")?;
        let plan_key = view.data.plans.iter().find(|p| p.name == plan)?.key.clone();
        Some((plan_key, chapter.to_string()))
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let [table, chart] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(rollup_chart::HEIGHT),
        ])
        .areas(area);
        rollup_table::render(
            self.rows(view),
            self.selected,
            labels::BY_CHAPTER.get(view.lang),
            view,
            table,
            buf,
        );
        rollup_chart::render(self.rows(view).get(self.selected), view, chart, buf);
    }
}

impl super::Navigate for ByChapterScreen {
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        self.selected = super::step(self.selected, delta, ctx.data.by_chapter().len());
    }

    fn clamp(&mut self, ctx: &super::Ctx<'_>) {
        self.move_by(0, ctx);
    }
}
