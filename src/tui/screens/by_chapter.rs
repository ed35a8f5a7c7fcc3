//! By chapter: the chapter roll-up with a bar of mean progress; Enter shows its items.

use super::super::labels;
use super::super::view::View;
use super::super::widgets::{rollup_chart, rollup_table};
use super::rollup_sort::RollupSort;
use crate::track::rollup::RollupRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};
use std::borrow::Cow;

#[derive(Debug, Clone, Default)]
pub struct ByChapterScreen {
    pub selected: usize,
    pub sort: RollupSort,
}

impl ByChapterScreen {
    pub fn rows<'a>(&self, view: &View<'a>) -> Cow<'a, [RollupRow]> {
        self.sort.apply(view.data.by_chapter())
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.selected = 0;
    }

    /// (plan key, chapter) of the selected row, for drilling in.
    pub fn selected_chapter(&self, view: &View<'_>) -> Option<(String, String)> {
        let rows = self.rows(view);
        let row = rows.get(self.selected)?;
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
        let rows = self.rows(view);
        let title = match self.sort {
            RollupSort::Counted => labels::BY_CHAPTER.get(view.lang).to_string(),
            sort => format!(
                "{} | {}",
                labels::BY_CHAPTER.get(view.lang),
                sort.label(view.lang)
            ),
        };
        rollup_table::render(&rows, self.selected, &title, view, table, buf);
        rollup_chart::render(rows.get(self.selected), view, chart, buf);
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
