//! Overview: per plan, items, % done, warning-light counts, overdue milestones, unassigned
//! items; milestones due in the next 30 days; recent changes by others; my items.

use super::super::labels;
use super::super::view::View;
use crate::text::width::truncate;
use crate::track::{Light, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget};

#[derive(Debug, Clone, Default)]
pub struct OverviewScreen;

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
            .map(|d| {
                Line::from(format!(
                    "{} #{:<4} {}",
                    d.due,
                    d.item,
                    truncate(&d.item_title, width)
                ))
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
            .map(|h| {
                let when = h.at.get(5..16).unwrap_or(&h.at).replace('T', " ");
                let item = h.item.map(|i| format!("#{i} ")).unwrap_or_default();
                let text = format!(
                    "{when} {} {item}{} {}",
                    h.who,
                    h.field,
                    h.new.as_deref().unwrap_or("-")
                );
                Line::from(truncate(&text, width).into_owned())
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
    /// The overview has no cursor.
    fn move_by(&mut self, _delta: isize, _ctx: &super::Ctx<'_>) {}
}
