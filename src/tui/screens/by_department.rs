//! By department: lead (牵头) and co-responsible (配合) roll-ups, switched with Tab;
//! Enter shows the department's items.

use super::super::labels::{self, Lang};
use super::super::view::View;
use super::super::widgets::{rollup_chart, rollup_table};
use super::rollup_sort::RollupSort;
use crate::track::rollup::RollupRow;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::layout::{Constraint, Layout};
use std::borrow::Cow;

#[derive(Debug, Clone, Default)]
pub struct ByDepartmentScreen {
    pub selected: usize,
    /// Showing co-responsible rather than lead departments.
    pub co: bool,
    pub sort: RollupSort,
}

impl ByDepartmentScreen {
    pub fn rows<'a>(&self, view: &View<'a>) -> Cow<'a, [RollupRow]> {
        self.sort.apply(if self.co {
            view.data.by_co()
        } else {
            view.data.by_lead()
        })
    }

    pub fn cycle_sort(&mut self) {
        self.sort = self.sort.next();
        self.selected = 0;
    }

    pub fn selected_department(&self, view: &View<'_>) -> Option<String> {
        let rows = self.rows(view);
        let row = rows.get(self.selected)?;
        (!row.key.starts_with('（')).then(|| row.key.clone())
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let role = match (view.lang, self.co) {
            (Lang::Zh, false) => "牵头（Tab 切换配合）",
            (Lang::Zh, true) => "配合（Tab 切换牵头）",
            (Lang::En, false) => "lead (Tab: co-responsible)",
            (Lang::En, true) => "co-responsible (Tab: lead)",
        };
        let title = match self.sort {
            RollupSort::Counted => format!("{} | {role}", labels::BY_DEPARTMENT.get(view.lang)),
            sort => format!(
                "{} | {role} | {}",
                labels::BY_DEPARTMENT.get(view.lang),
                sort.label(view.lang)
            ),
        };
        let returns = returns_line(view);
        let [table, returns_area, chart] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::from(returns.is_some())),
            Constraint::Length(rollup_chart::HEIGHT),
        ])
        .areas(area);
        let rows = self.rows(view);
        rollup_table::render(&rows, self.selected, &title, view, table, buf);
        if let Some(line) = returns {
            let line = crate::text::width::truncate(&line, usize::from(returns_area.width));
            buf.set_string(returns_area.x, returns_area.y, line, view.theme.dim());
        }
        rollup_chart::render(rows.get(self.selected), view, chart, buf);
    }
}

/// Which departments' returns are in and which are missing (of those sent a workbook),
/// or None when no return was sent.
fn returns_line(view: &View<'_>) -> Option<String> {
    let states = &view.data.returns;
    if states.is_empty() {
        return None;
    }
    let back = states.iter().filter(|s| s.collected_at.is_some()).count();
    let missing: Vec<&str> = states
        .iter()
        .filter(|s| s.collected_at.is_none())
        .map(|s| s.department.as_str())
        .collect();
    let names = missing.join("、");
    let n = states.len();
    let done: Vec<&str> = states
        .iter()
        .filter(|s| s.collected_at.is_some())
        .map(|s| s.department.as_str())
        .collect();
    let done = done.join("、");
    Some(match (view.lang, missing.is_empty()) {
        (Lang::Zh, true) => format!("报表：已交 {back}/{n}，全部收回"),
        (Lang::Zh, false) => format!("报表：未交 {}/{n}：{names}；已交：{done}", n - back),
        (Lang::En, true) => format!("Returns: {back}/{n} in, none missing"),
        (Lang::En, false) => format!("Returns missing {}/{n}: {names}; in: {done}", n - back),
    })
}

impl ByDepartmentScreen {
    fn len(&self, ctx: &super::Ctx<'_>) -> usize {
        if self.co {
            ctx.data.by_co().len()
        } else {
            ctx.data.by_lead().len()
        }
    }
}

impl super::Navigate for ByDepartmentScreen {
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        self.selected = super::step(self.selected, delta, self.len(ctx));
    }

    /// Lead (牵头) and co (配合) departments in turn.
    fn focus_next(&mut self, _ctx: &super::Ctx<'_>) {
        self.co = !self.co;
        self.selected = 0;
    }

    fn clamp(&mut self, ctx: &super::Ctx<'_>) {
        self.move_by(0, ctx);
    }
}
