//! Overview: per plan, items, % done, warning-light counts, overdue milestones, unassigned
//! items; milestones due in the next 30 days; recent changes by others; my items.
//!
//! Enter opens what the cursor is on (Tab moves between the plans, the due milestones and
//! the changes; Left/Right between the plans' columns): a plan its items, a count of red,
//! yellow…, overdue or unassigned items those items, a due milestone or a colleague's
//! change its item.

use super::super::labels;
use super::super::view::View;
use crate::text::width::truncate;
use crate::track::{Light, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget};

#[derive(Debug, Clone, Default)]
pub struct OverviewScreen {
    pub focus: OverviewFocus,
    /// The plans table's row (the last one is the total).
    pub row: usize,
    /// The plans table's column: 0 the plan, then the lights, 逾期, 未分配 (see [`Opens`]).
    pub column: usize,
    pub due_row: usize,
    pub recent_row: usize,
}

/// Which part of the Overview has the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OverviewFocus {
    #[default]
    Plans,
    Due,
    Recent,
}

/// What Enter on the Overview opens.
#[derive(Debug, Clone, PartialEq)]
pub enum Opens {
    /// Items of a plan (`None`: every plan) kept by a filter.
    Items {
        plan: Option<String>,
        filter: crate::track::filter::Filter,
    },
    Item(i64),
}

/// The plans-table columns the cursor stops at (the counts of items a filter can show).
const STOPS: [usize; 8] = [0, 3, 4, 5, 6, 7, 8, 9];

impl OverviewScreen {
    /// What Enter opens where the cursor is.
    pub fn opens(&self, view: &View<'_>) -> Option<Opens> {
        use crate::track::filter::Filter;
        match self.focus {
            OverviewFocus::Plans => {
                let rows = view.data.by_plan();
                let plan = match rows.get(self.row) {
                    Some(row) => Some(
                        view.data
                            .plans
                            .iter()
                            .find(|p| p.name == row.key)?
                            .key
                            .clone(),
                    ),
                    None => None,
                };
                let column = STOPS.get(self.column).copied().unwrap_or(0);
                let filter = match column {
                    3..=7 => Filter {
                        light: Light::ALL.get(column - 3).copied(),
                        ..Filter::default()
                    },
                    8 => Filter {
                        overdue: true,
                        ..Filter::default()
                    },
                    9 => Filter {
                        unassigned: true,
                        ..Filter::default()
                    },
                    _ => Filter::default(),
                };
                Some(Opens::Items { plan, filter })
            }
            OverviewFocus::Due => view
                .data
                .due_soon
                .get(self.due_row)
                .map(|d| Opens::Item(d.item)),
            OverviewFocus::Recent => view
                .data
                .recent_by_others
                .get(self.recent_row)
                .and_then(|h| h.item)
                .map(Opens::Item),
        }
    }

    /// Left/Right: the plans table's column.
    pub fn step_column(&mut self, delta: isize) {
        self.focus = OverviewFocus::Plans;
        self.column = super::step(self.column, delta, STOPS.len());
    }
}

impl OverviewScreen {
    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let plans = view.data.by_plan().len() as u16;
        let [plans_area, lower] =
            Layout::vertical([Constraint::Length(plans + 4), Constraint::Fill(1)]).areas(area);
        self.render_plans(view, plans_area, buf);
        let [due_area, side] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lower);
        self.render_due(view, due_area, buf);
        let [mine_area, recent_area] =
            Layout::vertical([Constraint::Length(4), Constraint::Fill(1)]).areas(side);
        self.render_mine(view, mine_area, buf);
        self.render_recent(view, recent_area, buf);
    }

    fn render_plans(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let lang = view.lang;
        let name_width = usize::from(area.width.saturating_sub(2 + 6 + 7 + 5 * 4 + 6 + 6 + 9));
        let mut header = vec![
            labels::PLAN.get(lang).to_string(),
            labels::COUNT.get(lang).to_string(),
            labels::DONE_SHARE.get(lang).to_string(),
        ];
        header.extend(
            Light::ALL
                .iter()
                .map(|l| super::super::widgets::cells::light_short(*l, lang).to_string()),
        );
        header.push(labels::OVERDUE.get(lang).to_string());
        header.push(labels::UNASSIGNED.get(lang).to_string());
        let rows = view
            .data
            .by_plan()
            .iter()
            .chain(view.data.total())
            .map(|r| {
                let done = r.by_status[Status::Done.index()];
                let share = (done * 100).checked_div(r.items).unwrap_or(0);
                let mut cells = vec![
                    Cell::from(truncate(&r.label, name_width).into_owned()),
                    Cell::from(r.items.to_string()),
                    Cell::from(format!("{share}%")),
                ];
                for (light, n) in Light::ALL.iter().zip(r.by_light.iter()) {
                    cells.push(Cell::from(Span::styled(
                        n.to_string(),
                        view.theme.light(*light),
                    )));
                }
                cells.push(Cell::from(r.overdue_milestones.to_string()));
                cells.push(Cell::from(r.no_owner.to_string()));
                cells
            })
            .enumerate()
            .map(|(index, mut cells)| {
                if self.focus == OverviewFocus::Plans && index == self.row {
                    let column = STOPS.get(self.column).copied().unwrap_or(0);
                    if let Some(cell) = cells.get_mut(column) {
                        *cell = cell.clone().style(view.theme.selected());
                    }
                }
                Row::new(cells)
            });
        let mut widths = vec![
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(6),
        ];
        widths.extend([Constraint::Length(4); 5]);
        widths.extend([Constraint::Length(5), Constraint::Length(8)]);
        Table::new(rows, widths)
            .header(Row::new(header).style(view.theme.title()))
            .block(view.theme.block().title(labels::OVERVIEW.get(lang)))
            .render(area, buf);
    }

    fn render_due(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2 + 11 + 7));
        let lines: Vec<Line> = view
            .data
            .due_soon
            .iter()
            .enumerate()
            .map(|(index, d)| {
                let line = Line::from(format!(
                    "{} #{:<4} {}",
                    d.due,
                    d.item,
                    truncate(&d.item_title, width)
                ));
                if self.focus == OverviewFocus::Due && index == self.due_row {
                    line.style(view.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        boxed_lines(lines, labels::UPCOMING.get(view.lang), view, area, buf);
    }

    fn render_mine(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let (mine, late) = view
            .data
            .names
            .find(view.user)
            .and_then(|user| view.data.owner_counts.get(&user))
            .copied()
            .unwrap_or_default();
        let text = match view.lang {
            labels::Lang::Zh => format!("{}：{} 项，其中红灯 {} 项", view.user, mine, late),
            labels::Lang::En => format!("{}: {} items, {} red", view.user, mine, late),
        };
        Paragraph::new(text)
            .block(view.theme.block().title(labels::MY_ITEMS.get(view.lang)))
            .render(area, buf);
    }

    fn render_recent(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let width = usize::from(area.width.saturating_sub(2));
        let lines: Vec<Line> = view
            .data
            .recent_by_others
            .iter()
            .enumerate()
            .map(|(index, h)| {
                let when = h.at.get(5..16).unwrap_or(&h.at).replace('T', " ");
                // In words of the session's language, as Detail's history says it.
                let text = format!(
                    "{when} {} {}",
                    h.who,
                    super::super::changes::made(h, view.lang)
                );
                let line = Line::from(truncate(&text, width).into_owned());
                if self.focus == OverviewFocus::Recent && index == self.recent_row {
                    line.style(view.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        boxed_lines(lines, labels::RECENT_OTHERS.get(view.lang), view, area, buf);
    }
}

/// A bordered list of lines, or "（无）" when there are none.
fn boxed_lines(lines: Vec<Line<'_>>, title: &str, view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let lines = if lines.is_empty() {
        vec![Line::from(labels::NONE.get(view.lang))]
    } else {
        lines
    };
    Paragraph::new(lines)
        .block(view.theme.block().title(title.to_string()))
        .render(area, buf);
}

impl super::Navigate for OverviewScreen {
    /// Up and down the part with the cursor (the plans and their total).
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        let data = ctx.data;
        match self.focus {
            OverviewFocus::Plans => {
                let rows = data.by_plan().len() + usize::from(data.total().is_some());
                self.row = super::step(self.row, delta, rows);
            }
            OverviewFocus::Due => {
                self.due_row = super::step(self.due_row, delta, data.due_soon.len());
            }
            OverviewFocus::Recent => {
                self.recent_row = super::step(self.recent_row, delta, data.recent_by_others.len());
            }
        }
    }

    /// The plans, the due milestones, the changes by others, in turn.
    fn focus_next(&mut self, _ctx: &super::Ctx<'_>) {
        self.focus = match self.focus {
            OverviewFocus::Plans => OverviewFocus::Due,
            OverviewFocus::Due => OverviewFocus::Recent,
            OverviewFocus::Recent => OverviewFocus::Plans,
        };
    }

    fn clamp(&mut self, ctx: &super::Ctx<'_>) {
        self.move_by(0, ctx);
    }
}
