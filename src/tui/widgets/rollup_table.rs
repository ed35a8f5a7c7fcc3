//! A roll-up table (by chapter, by department …) with a bar of mean progress per row.

use super::super::labels;
use super::super::view::View;
use super::cells;
use crate::text::width::truncate;
use crate::track::rollup::RollupRow;
use crate::track::{Light, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};

pub fn render(
    rows: &[RollupRow],
    selected: usize,
    title: &str,
    view: &View<'_>,
    area: Rect,
    buf: &mut Buffer,
) {
    let lang = view.lang;
    let wide = area.width >= 110;
    let name_width =
        usize::from(
            area.width
                .saturating_sub(if wide { 2 + 80 + 12 } else { 2 + 45 + 6 }),
        );
    let mut header = vec![
        labels::GROUP.get(lang).to_string(),
        labels::COUNT.get(lang).to_string(),
    ];
    if wide {
        header.extend(
            Status::ALL
                .iter()
                .map(|s| lang.pick(s.label_zh(), s.label_en()).to_string()),
        );
    }
    header.extend(
        Light::ALL
            .iter()
            .map(|l| super::cells::light_short(*l, lang).to_string()),
    );
    header.push(labels::MEAN_PROGRESS.get(lang).to_string());
    header.push(labels::OVERDUE.get(lang).to_string());
    if wide {
        header.push(labels::NO_OWNER.get(lang).to_string());
        header.push(labels::NO_LEAD.get(lang).to_string());
    }
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let first = super::super::screens::first_shown(selected, height);
    let body: Vec<Row> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|r| {
            let mut cells = vec![
                Cell::from(truncate(&r.label, name_width).into_owned()),
                Cell::from(r.items.to_string()),
            ];
            if wide {
                cells.extend(r.by_status.iter().map(|n| Cell::from(n.to_string())));
            }
            for (light, n) in Light::ALL.iter().zip(r.by_light.iter()) {
                cells.push(Cell::from(Span::styled(
                    n.to_string(),
                    view.theme.light(*light),
                )));
            }
            let mean = r.mean_progress.round().clamp(0.0, 100.0) as u8;
            cells.push(Cell::from(Line::from(cells::progress(
                mean,
                if wide { 14 } else { 10 },
                view.theme,
            ))));
            cells.push(Cell::from(r.overdue_milestones.to_string()));
            if wide {
                cells.push(Cell::from(r.no_owner.to_string()));
                cells.push(Cell::from(r.no_lead.to_string()));
            }
            Row::new(cells)
        })
        .collect();
    let mut widths = vec![Constraint::Fill(1), Constraint::Length(5)];
    if wide {
        widths.extend([Constraint::Length(6); 4]);
    }
    widths.extend([Constraint::Length(3); 5]);
    widths.push(Constraint::Length(if wide { 14 } else { 10 }));
    widths.push(Constraint::Length(5));
    if wide {
        widths.extend([Constraint::Length(8), Constraint::Length(8)]);
    }
    let table = Table::new(body, widths)
        .header(Row::new(header).style(view.theme.title()))
        .block(view.theme.block().title(title.to_string()))
        .row_highlight_style(view.theme.selected());
    let mut state = TableState::default().with_selected(if rows.is_empty() {
        None
    } else {
        Some(selected - first)
    });
    StatefulWidget::render(table, area, buf, &mut state);
}
