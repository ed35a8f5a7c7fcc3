//! By owner (按负责人): the owner roll-up, like 按单位; Enter shows the owner's items
//! (the unassigned row: the items without an owner); `s` orders the rows.

use super::super::view::View;
use super::super::widgets::{rollup_chart, rollup_table};
use super::rollup_sort::RollupSort;
use crate::track::rollup::{NO_OWNER, RollupRow};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};
use std::borrow::Cow;

#[derive(Debug, Clone, Default)]
pub struct ByOwnerScreen {
    pub selected: usize,
    pub sort: RollupSort,
}

/// Whom the selected row stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwnerRow {
    Owner(String),
    Unassigned,
}

impl ByOwnerScreen {
    pub fn rows<'a>(&self, view: &View<'a>) -> Cow<'a, [RollupRow]> {
        self.sort.apply(view.data.by_owner())
    }

    pub fn selected_owner(&self, view: &View<'_>) -> Option<OwnerRow> {
        let rows = self.rows(view);
        let row = rows.get(self.selected)?;
        Some(if row.key == NO_OWNER {
            OwnerRow::Unassigned
        } else {
            OwnerRow::Owner(row.key.clone())
        })
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let lang = view.lang;
        let title = format!(
            "{} | {} {}",
            lang.pick("按负责人", "By owner"),
            lang.pick("s 排序：", "s sorts:"),
            self.sort.label(lang)
        );
        let [table, chart] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(rollup_chart::HEIGHT),
        ])
        .areas(area);
        let rows = self.rows(view);
        rollup_table::render(&rows, self.selected, &title, view, table, buf);
        rollup_chart::render(rows.get(self.selected), view, chart, buf);
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.selected = 0;
    }
}

impl super::Navigate for ByOwnerScreen {
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        self.selected = super::step(self.selected, delta, ctx.data.by_owner().len());
    }

    fn clamp(&mut self, ctx: &super::Ctx<'_>) {
        self.move_by(0, ctx);
    }
}
