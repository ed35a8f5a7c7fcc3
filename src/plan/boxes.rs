//! 专栏 boxes: the heading, then a table or a list of items (`box_items.rs`).
//!
//! A heading is "专栏2 title", "专栏 2：title", "专栏二、title", or one of these as a
//! Markdown heading or in bold (`normalize` strips the marks). Its content is a table (one
//! cell per line with tabs, tab-separated rows, Markdown rows, or plain cells under a run of
//! header cells), a list of items, or — in flattened sources — items run together on the
//! heading line itself.

use super::box_items::{ParsedItems, item, label_items, parse_items};
use super::columns::{Column, column_of};
use super::indicators::{indicators_from_rows, is_indicator_table};
use super::lines::{Kind, Numbered, classify, collapse_spaces};
use super::normalize::Line;
use super::patterns::INLINE_NUMBER;
use super::plain_tables::{PlainHeader, parse_plain_table, plain_header};
use super::run_together::{is_run_together_row, parse_run_together};
use super::table_tasks::items_from_table;
use super::tables::{TableBlock, is_tab_row, parse_cell_table, parse_tab_table, starts_cell_table};
use super::{BoxKind, Indicator, PlanBox};

/// Where a box sits in the outline, and the year its deadlines without a year belong to.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub chapter: Option<String>,
    pub section: Option<String>,
    pub year: Option<i32>,
}

/// A box read from the text, and how many lines it used after its first line.
#[derive(Debug)]
pub struct ParsedBox {
    pub plan_box: PlanBox,
    pub indicators: Vec<Indicator>,
    pub consumed: usize,
    /// Line indices of the items.
    pub item_lines: Vec<usize>,
    /// Line indices of indicator rows.
    pub indicator_lines: Vec<usize>,
}

/// Split a heading's text into the box title and items run together after it (" 1.…").
fn split_inline_items(rest: &str) -> (String, Vec<(String, String)>) {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    let mut expected = 1;
    for caps in INLINE_NUMBER.captures_iter(rest) {
        let (Some(whole), Some(number)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if number.as_str().parse::<usize>().ok() == Some(expected) {
            starts.push((whole.start(), whole.end(), number.as_str().to_string()));
            expected += 1;
        }
    }
    let Some(first) = starts.first() else {
        return (collapse_spaces(rest), Vec::new());
    };
    let title = collapse_spaces(&rest[..first.0]);
    let items = starts
        .iter()
        .enumerate()
        .map(|(i, (_, body_start, number))| {
            let end = starts.get(i + 1).map_or(rest.len(), |next| next.0);
            (number.clone(), rest[*body_start..end].trim().to_string())
        })
        .collect();
    (title, items)
}

/// A box title on a line of its own: short, no sentence, not numbered, not a table header.
fn is_title_line(line: &Line) -> bool {
    let text = line.text.as_str();
    // A short table header cell (类别, 序号) starts the box's table, not its title.
    let header_cell = text.chars().count() <= 4 && column_of(text).is_some();
    !line.indented
        && !text.is_empty()
        && text.chars().count() <= MAX_BOX_TITLE_CHARS
        && !text.contains(['。', '，', '；', '：', ':', '\t'])
        && matches!(classify(line), Kind::Text)
        && !header_cell
}

/// Longest title of a box written on the line after its heading.
const MAX_BOX_TITLE_CHARS: usize = 30;

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !lines[i].text.is_empty() || lines[i].indented)
}

/// Whether plain header cells head an indicator table (指标 with years or 属性).
fn is_indicator_header(header: &PlainHeader) -> bool {
    is_indicator_table(std::slice::from_ref(&header.cells))
        || header
            .cells
            .iter()
            .any(|c| column_of(c) == Some(Column::Attribute))
}

/// Parse a box whose heading is `lines[start]`.
pub fn parse_box(
    lines: &[Line],
    start: usize,
    heading: &Numbered,
    placement: &Placement,
) -> ParsedBox {
    // "专栏 1" alone, its title on the next line (copies from PDF break them apart).
    let title_line = heading
        .rest
        .trim()
        .is_empty()
        .then(|| next_content(lines, start + 1))
        .flatten()
        .filter(|&next| is_title_line(&lines[next]));
    let Some(title_at) = title_line else {
        return parse_box_at(lines, start, heading, placement);
    };
    let titled = Numbered {
        rest: collapse_spaces(&lines[title_at].text),
        ..heading.clone()
    };
    let mut parsed = parse_box_at(lines, title_at, &titled, placement);
    parsed.plan_box.line = lines.get(start).map(|l| l.no);
    parsed.consumed += title_at - start;
    parsed
}

/// Parse a box whose heading (with its title) is `lines[start]`.
fn parse_box_at(
    lines: &[Line],
    start: usize,
    heading: &Numbered,
    placement: &Placement,
) -> ParsedBox {
    let (title, inline) = split_inline_items(&heading.rest);
    let line_no = lines.get(start).map(|l| l.no);
    let mut parsed = ParsedBox {
        plan_box: PlanBox {
            number: heading.number,
            title: (!title.is_empty()).then_some(title),
            chapter: placement.chapter.clone(),
            section: placement.section.clone(),
            kind: BoxKind::Items,
            items: inline
                .iter()
                .map(|(n, text)| item(Some(n.clone()), None, text, line_no, placement.year))
                .collect(),
            rows: Vec::new(),
            notes: Vec::new(),
            line: line_no,
        },
        indicators: Vec::new(),
        consumed: 0,
        item_lines: Vec::new(),
        indicator_lines: Vec::new(),
    };
    if !parsed.plan_box.items.is_empty() {
        parsed.item_lines.push(start);
        return parsed;
    }
    let Some(first) = next_content(lines, start + 1) else {
        return parsed;
    };
    // A box drawn around its text (a table of one column) ends where the drawing ends.
    let lines = match lines[first].boxed {
        true => {
            let end = (first..lines.len())
                .find(|&i| !lines[i].boxed)
                .unwrap_or(lines.len());
            &lines[..end]
        }
        false => lines,
    };
    let header = plain_header(lines, first, 2);
    let table = if starts_cell_table(lines, first) {
        Some(parse_cell_table(lines, first))
    } else if is_tab_row(&lines[first]) {
        Some(parse_tab_table(lines, first))
    } else if header.as_ref().is_some_and(is_indicator_header) {
        Some(parse_plain_table(lines, first, 2))
    } else {
        // Rows run together, under a header run together as well (指标名称2020年2025年属性).
        (first..lines.len().min(first + 2))
            .find(|&i| is_run_together_row(&lines[i]))
            .map(|row| parse_run_together(lines, row))
    };
    if let Some(table) = table {
        table_box(&mut parsed, table, lines, placement, first, start);
        return parsed;
    }
    let span = header.map_or(0, |h| h.span);
    let items: ParsedItems = if span > 0 {
        label_items(lines, first + span, placement.year)
    } else {
        parse_items(lines, start + 1, placement.year)
    };
    parsed.consumed = if span > 0 {
        first + span + items.consumed - start - 1
    } else {
        items.consumed
    };
    parsed.plan_box.items = items.items;
    parsed.item_lines = items.item_lines;
    parsed
}

/// A box holding a table: indicator rows, or rows kept as they are.
fn table_box(
    parsed: &mut ParsedBox,
    table: TableBlock,
    lines: &[Line],
    placement: &Placement,
    first: usize,
    start: usize,
) {
    if is_indicator_table(&table.rows) {
        parsed.plan_box.kind = BoxKind::IndicatorTable;
        parsed.indicators = indicators_from_rows(&table.rows, Some(parsed.plan_box.number));
        parsed.indicator_lines = table.starts.iter().skip(1).copied().collect();
    } else if let Some((items, rows)) = items_from_table(&table, lines, placement.year) {
        // A table whose header names its items (项目名称 | 建设内容 | 责任单位): one item a row.
        parsed.plan_box.items = items;
        parsed.item_lines = rows;
    } else {
        parsed.plan_box.kind = BoxKind::Table;
    }
    parsed.plan_box.rows = table.rows;
    parsed.consumed = first + table.consumed - start - 1;
}

#[cfg(test)]
mod tests;
