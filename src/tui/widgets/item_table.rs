//! The item table: number, title, lead department, owner, status, progress bar, pace and
//! light, next milestone. Only visible rows are drawn.

use super::super::labels;
use super::super::view::View;
use super::cells;
use crate::text::width::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};
use std::collections::BTreeSet;

/// "2.3" for item 3 of 专栏2, "12" for a task.
pub fn number(box_number: Option<u32>, number: Option<&str>) -> String {
    match (box_number, number) {
        (Some(b), Some(n)) => format!("{b}.{n}"),
        (Some(b), None) => format!("{b}"),
        (None, Some(n)) => n.to_string(),
        (None, None) => String::new(),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn render(
    rows: &[usize],
    selected: usize,
    marked: &BTreeSet<i64>,
    focused: bool,
    title: &str,
    view: &View<'_>,
    area: Rect,
    buf: &mut Buffer,
) {
    let lang = view.lang;
    let wide = area.width >= 110;
    // Borders, the fixed columns and one space between columns (see `widths`).
    let title_width =
        usize::from(
            area.width
                .saturating_sub(if wide { 2 + 68 + 9 } else { 2 + 35 + 5 }),
        );
    let header_cells: Vec<&str> = if wide {
        vec![
            "ID",
            labels::NUMBER.get(lang),
            labels::TITLE.get(lang),
            labels::LEAD.get(lang),
            labels::OWNER.get(lang),
            labels::STATUS.get(lang),
            labels::PROGRESS.get(lang),
            labels::PACE.get(lang),
            labels::LIGHT.get(lang),
            labels::NEXT_DUE.get(lang),
        ]
    } else {
        vec![
            "ID",
            labels::TITLE.get(lang),
            labels::LEAD.get(lang),
            labels::OWNER.get(lang),
            labels::PROGRESS.get(lang),
            labels::LIGHT.get(lang),
        ]
    };
    let header = Row::new(header_cells).style(view.theme.title());
    // Draw only the rows that fit, around the cursor.
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let first = selected.saturating_sub(height.saturating_sub(1));
    let data = view.data;
    let shown: Vec<Row> = rows
        .iter()
        .skip(first)
        .take(height)
        .filter_map(|&index| data.items.get(index))
        .map(|item| {
            let mark = if marked.contains(&item.id) { "*" } else { "" };
            let id = format!("{mark}#{}", item.id);
            let lead = truncate(
                data.name(item.lead).unwrap_or("-"),
                if wide { 14 } else { 10 },
            )
            .into_owned();
            let owner = truncate(data.name(item.owner).unwrap_or("-"), 8).into_owned();
            let title_text = truncate(&item.title, title_width).into_owned();
            let progress = Line::from(cells::progress(
                item.progress,
                if wide { 11 } else { 9 },
                view.theme,
            ));
            let light = Line::from(cells::light(item.health.light, lang, view.theme));
            if wide {
                let next = item
                    .health
                    .next_due
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                Row::new(vec![
                    Cell::from(id),
                    Cell::from(number(
                        data.box_of(item).map(|b| b.number),
                        data.name(item.number),
                    )),
                    Cell::from(title_text),
                    Cell::from(lead),
                    Cell::from(owner),
                    Cell::from(Line::from(cells::status(item.status, lang, view.theme))),
                    Cell::from(progress),
                    Cell::from(Span::raw(cells::pace(item.health.pace, lang))),
                    Cell::from(light),
                    Cell::from(next),
                ])
            } else {
                Row::new(vec![
                    Cell::from(id),
                    Cell::from(title_text),
                    Cell::from(lead),
                    Cell::from(owner),
                    Cell::from(progress),
                    Cell::from(light),
                ])
            }
        })
        .collect();
    let widths: Vec<Constraint> = if wide {
        vec![
            Constraint::Length(6),
            Constraint::Length(5),
            Constraint::Fill(1),
            Constraint::Length(14),
            Constraint::Length(8),
            Constraint::Length(6),
            Constraint::Length(11),
            Constraint::Length(6),
            Constraint::Length(2),
            Constraint::Length(10),
        ]
    } else {
        vec![
            Constraint::Length(6),
            Constraint::Fill(1),
            Constraint::Length(10),
            Constraint::Length(8),
            Constraint::Length(9),
            Constraint::Length(2),
        ]
    };
    let border = if focused {
        view.theme.title()
    } else {
        view.theme.dim()
    };
    let table = Table::new(shown, widths)
        .header(header)
        .block(
            view.theme
                .block()
                .border_style(border)
                .title(title.to_string()),
        )
        .row_highlight_style(view.theme.selected());
    let mut state = TableState::default().with_selected(if rows.is_empty() {
        None
    } else {
        Some(selected - first)
    });
    StatefulWidget::render(table, area, buf, &mut state);
}
