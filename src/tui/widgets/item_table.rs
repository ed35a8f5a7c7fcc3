//! The item table: the workbench's columns of the item list (`report::columns`: number,
//! title, lead department, owner, status, progress bar, pace and light, next milestone;
//! the project stage where items have one). Only visible rows are drawn.

use super::super::snapshot::{Item, Snapshot};
use super::super::view::View;
use super::cells;
use crate::report::columns::{
    Form, ItemCells, ItemColumn, Value, WORKBENCH_NARROW, WORKBENCH_WIDE, Width,
};
use crate::text::width::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Row, StatefulWidget, Table, TableState};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Widest terminal that still gets the narrow table.
const ROOMY: u16 = 110;
/// Cells between columns.
const SPACING: u16 = 1;

/// "2.3" for item 3 of 专栏2, "12" for a task.
pub fn number(box_number: Option<u32>, number: Option<&str>) -> String {
    Value::Position { box_number, number }
        .text(Form::Workbench(crate::text::lang::Lang::Zh))
        .into_owned()
}

/// An item of the snapshot with the names it refers to.
pub struct Shown<'a> {
    pub item: &'a Item,
    pub data: &'a Snapshot,
}

impl ItemCells for Shown<'_> {
    fn value(&self, column: ItemColumn) -> Value<'_> {
        let (item, data) = (self.item, self.data);
        let name = |id| Value::Text(Cow::Borrowed(data.name(id).unwrap_or("")));
        let project = item.project.as_deref();
        match column {
            ItemColumn::Id => Value::Id(item.id),
            ItemColumn::Plan => Value::Text(Cow::Borrowed(
                data.plan_of(item).map_or("", |p| p.name.as_str()),
            )),
            ItemColumn::Chapter => name(item.chapter),
            ItemColumn::Box => Value::Text(Cow::Borrowed(
                data.box_of(item).map_or("", |b| b.title.as_str()),
            )),
            ItemColumn::Number => Value::Position {
                box_number: data.box_of(item).map(|b| b.number),
                number: data.name(item.number),
            },
            ItemColumn::Title => Value::Text(Cow::Borrowed(&item.title)),
            ItemColumn::Lead => name(item.lead),
            ItemColumn::Co => Value::Text(Cow::Owned(
                item.co
                    .iter()
                    .filter_map(|&d| data.name(d))
                    .collect::<Vec<_>>()
                    .join("、"),
            )),
            ItemColumn::Owner => name(item.owner),
            ItemColumn::Status => Value::Status(item.status),
            ItemColumn::Progress => Value::Percent(item.progress),
            ItemColumn::Scheduled => Value::Percent(item.health.scheduled),
            ItemColumn::Pace => Value::Pace(item.health.pace),
            ItemColumn::Light => Value::Light(item.health.light),
            ItemColumn::Overdue => Value::Count(item.health.overdue),
            ItemColumn::NextDue => Value::Date(item.health.next_due),
            ItemColumn::NextMilestone | ItemColumn::LatestNote => Value::Text(Cow::Borrowed("")),
            ItemColumn::Stage => Value::Stage(project.and_then(|p| p.stage)),
            ItemColumn::InvestTotal => Value::Amount(project.and_then(|p| p.invest_total)),
            ItemColumn::InvestYearPlan => Value::Amount(project.and_then(|p| p.invest_year_plan)),
            ItemColumn::InvestYearDone => Value::Amount(project.and_then(|p| p.invest_year_done)),
            ItemColumn::CompletionRate => Value::Rate(project.and_then(|p| p.completion_rate)),
        }
    }
}

/// The columns for a table `width` cells wide: the narrow set at 80 columns, the wide
/// set (with the project stage after the status when items have one) from [`ROOMY`].
pub fn columns(width: u16, data: &Snapshot) -> (bool, Vec<ItemColumn>) {
    let roomy = width >= ROOMY;
    if !roomy {
        return (false, WORKBENCH_NARROW.to_vec());
    }
    let mut columns = WORKBENCH_WIDE.to_vec();
    if data.projects > 0
        && let Some(at) = columns.iter().position(|&c| c == ItemColumn::Status)
    {
        columns.insert(at + 1, ItemColumn::Stage);
    }
    (true, columns)
}

/// Each column's width inside `inner`, as the table lays them out.
fn widths(
    columns: &[ItemColumn],
    form: Form,
    roomy: bool,
    data: &Snapshot,
    inner: Rect,
) -> Vec<u16> {
    let largest = data.largest_id();
    let constraints: Vec<Constraint> = columns
        .iter()
        .map(|c| {
            c.cells(form, roomy, largest)
                .map_or(Constraint::Fill(1), Constraint::Length)
        })
        .collect();
    Layout::horizontal(constraints)
        .spacing(SPACING)
        .split(Rect::new(0, 0, inner.width, 1))
        .iter()
        .map(|r| r.width)
        .collect()
}

/// A title cut to `width` cells with the characters `search` matched marked.
fn title_cell<'a>(title: &str, search: &str, width: u16, view: &View<'_>) -> Cell<'a> {
    let text = truncate(title, usize::from(width)).into_owned();
    let Some((start, len)) = crate::tui::screens::items::rank::matched(title, search) else {
        return Cell::from(text);
    };
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = (start + len).min(chars.len());
    let piece = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    Cell::from(Line::from(vec![
        Span::raw(piece(0, start)),
        Span::styled(piece(start, end), view.theme.matched()),
        Span::raw(piece(end, chars.len())),
    ]))
}

/// One cell of `column`, `width` cells wide.
fn cell<'a>(
    column: ItemColumn,
    shown: &Shown<'_>,
    marked: bool,
    width: u16,
    search: &str,
    view: &View<'_>,
) -> Cell<'a> {
    let form = Form::Workbench(view.lang);
    let value = shown.value(column);
    match (&value, column.def().width) {
        (Value::Text(title), _) if column == ItemColumn::Title && !search.is_empty() => {
            title_cell(title, search, width, view)
        }
        (Value::Percent(p), Width::Bar { .. }) => Cell::from(Line::from(cells::progress(
            *p,
            usize::from(width),
            view.theme,
        ))),
        (Value::Status(s), _) => Cell::from(Line::from(cells::status(*s, view.lang, view.theme))),
        (Value::Light(l), _) => Cell::from(Line::from(cells::light(*l, view.lang, view.theme))),
        (Value::Id(_), _) => {
            let mark = if marked { "*" } else { "" };
            Cell::from(format!("{mark}{}", value.text(form)))
        }
        (Value::Text(text), Width::Text { .. }) if text.is_empty() => Cell::from("-"),
        _ => Cell::from(Span::raw(
            truncate(&value.text(form), usize::from(width)).into_owned(),
        )),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn render(
    rows: &[usize],
    selected: usize,
    marked: &BTreeSet<i64>,
    focused: bool,
    title: &str,
    search: &str,
    view: &View<'_>,
    area: Rect,
    buf: &mut Buffer,
) {
    let data = view.data;
    let form = Form::Workbench(view.lang);
    let border = if focused {
        view.theme.title()
    } else {
        view.theme.dim()
    };
    let block: Block = view
        .theme
        .block()
        .border_style(border)
        .title(title.to_string());
    let (roomy, columns) = columns(area.width, data);
    let widths = widths(&columns, form, roomy, data, block.inner(area));
    let header = Row::new(columns.iter().map(|c| c.header(form))).style(view.theme.title());
    // Draw only the rows that fit, around the cursor.
    let height = usize::from(area.height.saturating_sub(3)).max(1);
    let first = super::super::screens::first_shown(selected, height);
    let shown: Vec<Row> = rows
        .iter()
        .skip(first)
        .take(height)
        .filter_map(|&index| data.items.get(index))
        .map(|item| {
            let shown = Shown { item, data };
            let marked = marked.contains(&item.id);
            Row::new(
                columns
                    .iter()
                    .zip(&widths)
                    .map(|(&column, &width)| cell(column, &shown, marked, width, search, view)),
            )
        })
        .collect();
    let table = Table::new(shown, widths.iter().map(|&w| Constraint::Length(w)))
        .column_spacing(SPACING)
        .header(header)
        .block(block)
        .row_highlight_style(view.theme.selected());
    let mut state = TableState::default().with_selected(if rows.is_empty() {
        None
    } else {
        Some(selected - first)
    });
    StatefulWidget::render(table, area, buf, &mut state);
}
