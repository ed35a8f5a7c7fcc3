//! Indicator tables → indicator rows (name, unit, baseline, target, 预期性/约束性).
//!
//! Columns are recognised by their header: 序号, 类别, 指标名称, 单位, 属性, and year
//! columns (2020年, 基期值（2025年）, 目标值（2030年）, 规划目标 …). Headers split over two
//! rows (merged cells) are combined first.

use super::patterns::{TRAILING_UNIT, YEAR_HEADER};
use super::{Attribute, Indicator, Measure};

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the first row of a table is the header of an indicator table.
pub fn is_indicator_table(rows: &[Vec<String>]) -> bool {
    let Some(header) = rows.first() else {
        return false;
    };
    let header: Vec<String> = header.iter().map(|c| squash(c)).collect();
    let named = header.iter().any(|c| c.contains("指标"));
    let attribute = header.iter().any(|c| c.contains("属性"));
    let dated = header
        .iter()
        .any(|c| YEAR_HEADER.is_match(c) || c.contains("目标"));
    named && (attribute || dated)
}

#[derive(Debug, Default)]
struct Columns {
    number: Option<usize>,
    category: Option<usize>,
    name: Option<usize>,
    unit: Option<usize>,
    attribute: Option<usize>,
    baseline: Option<usize>,
    targets: Vec<usize>,
}

fn header_year(header: &str) -> Option<i32> {
    YEAR_HEADER.captures(header)?.get(1)?.as_str().parse().ok()
}

fn is_header_row(row: &[String]) -> bool {
    row.iter().any(|c| {
        let c = squash(c);
        c.contains("指标名称") || c == "指标" || c.contains("序号") || c == "类别"
    })
}

/// A header row of years only ("2024年 | 2025年 | 2026年"): the second row under a cell
/// spanning the years (目标).
fn is_year_row(row: &[String]) -> bool {
    let filled: Vec<String> = row
        .iter()
        .map(|c| squash(c))
        .filter(|c| !c.is_empty())
        .collect();
    filled.len() >= 2
        && filled
            .iter()
            .all(|c| YEAR_HEADER.is_match(c) && c.chars().count() <= 10)
}

/// Two header rows, both shorter than the table, where one cell of the first spans the
/// whole second row ("序号 | 指标 | 目标" over "2024年 | 2025年 | 2026年"): a label per
/// column, the spanning cell's joined with each cell under it.
fn spanned_headers(headers: &[&Vec<String>], width: usize) -> Option<Vec<String>> {
    let [top, bottom] = headers else {
        return None;
    };
    if top.len() >= width || bottom.len() >= width || top.len() + bottom.len() != width + 1 {
        return None;
    }
    let top: Vec<String> = top.iter().map(|c| squash(c)).collect();
    let span = top
        .iter()
        .position(|c| c.contains("目标") || c.contains("规划") || c.contains("预期"))
        .unwrap_or(top.len() - 1);
    let mut combined = Vec::with_capacity(width);
    for (i, cell) in top.iter().enumerate() {
        if i != span {
            combined.push(cell.clone());
            continue;
        }
        for under in bottom.iter() {
            let mut label = cell.clone();
            join_label(&mut label, &squash(under));
            combined.push(label);
        }
    }
    Some(combined)
}

/// Combine header rows into one label per data column.
fn combined_headers(headers: &[&Vec<String>], width: usize) -> Vec<String> {
    let mut combined = vec![String::new(); width];
    for header in headers {
        let cells: Vec<String> = header.iter().map(|c| squash(c)).collect();
        if cells.len() == width {
            for (slot, cell) in combined.iter_mut().zip(&cells) {
                join_label(slot, cell);
            }
            continue;
        }
        // A shorter header row has merged cells: its leading cells cover the columns that
        // the full-width header leaves empty, the rest share the remaining columns evenly.
        let full = headers.iter().find(|h| h.len() == width);
        let lead = full.map_or(0, |f| f.iter().take_while(|c| c.trim().is_empty()).count());
        let lead = lead.min(cells.len());
        for (slot, cell) in combined.iter_mut().zip(cells.iter().take(lead)) {
            join_label(slot, cell);
        }
        let rest = &cells[lead..];
        if rest.is_empty() {
            continue;
        }
        let span = ((width - lead) / rest.len()).max(1);
        for (offset, cell) in rest.iter().enumerate() {
            for slot in combined.iter_mut().skip(lead + offset * span).take(span) {
                join_label(slot, cell);
            }
        }
    }
    combined
}

fn join_label(slot: &mut String, cell: &str) {
    if cell.is_empty() || slot.contains(cell) {
        return;
    }
    if !slot.is_empty() {
        slot.push(' ');
    }
    slot.push_str(cell);
}

fn columns(headers: &[String]) -> Columns {
    let mut columns = Columns::default();
    for (index, header) in headers.iter().enumerate() {
        let h = header.as_str();
        if h.contains("序号") {
            columns.number = Some(index);
        } else if h.contains("类别") {
            columns.category = Some(index);
        } else if h.contains("指标") && !h.contains("属性") {
            columns.name = Some(index);
        } else if h.contains("单位") {
            columns.unit = Some(index);
        } else if h.contains("属性") {
            columns.attribute = Some(index);
        } else if h.contains("目标") || h.contains("规划") || h.contains("预期值") {
            columns.targets.push(index);
        } else if h.contains("基期") || (header_year(h).is_some() && columns.baseline.is_none()) {
            columns.baseline = Some(index);
        } else if header_year(h).is_some() && columns.targets.is_empty() {
            columns.targets.push(index);
        }
    }
    columns
}

fn is_empty_value(value: &str) -> bool {
    matches!(value.trim(), "" | "-" | "－" | "—" | "/")
}

/// Split "＜604（以国家下达为准）" into the value and its note.
fn split_note(cell: &str) -> (String, Option<String>) {
    let cell = cell.trim();
    for open in ['（', '('] {
        if let Some(at) = cell.rfind(open)
            && at > 0
            && cell.ends_with(['）', ')'])
        {
            let note = &cell[at..];
            if note.chars().count() > 3 && !note.chars().any(|c| c.is_ascii_digit()) {
                return (cell[..at].trim().to_string(), Some(note.to_string()));
            }
        }
    }
    (cell.to_string(), None)
}

fn measure(cell: &str, year: Option<i32>, notes: &mut Vec<String>) -> Option<Measure> {
    let (value, note) = split_note(cell);
    notes.extend(note);
    if value.is_empty() {
        return None;
    }
    let cumulative = value.contains(['[', '［', '〔']) || value.contains("累计");
    Some(Measure {
        year,
        value,
        cumulative,
    })
}

/// What a bracket after an indicator's name says when it is no unit: "（累计）", "（年均）".
const NOT_UNITS: &[&str] = &["累计", "年均"];

fn name_and_unit(cell: &str) -> (String, Option<String>) {
    let cell = cell.split_whitespace().collect::<String>();
    match TRAILING_UNIT.captures(&cell) {
        Some(caps)
            if !NOT_UNITS
                .iter()
                .any(|w| caps.get(2).is_some_and(|u| u.as_str().contains(w))) =>
        {
            let name = caps.get(1).map_or("", |m| m.as_str()).to_string();
            let unit = caps.get(2).map(|m| m.as_str().to_string());
            (name, unit)
        }
        _ => (cell, None),
    }
}

/// Indicator rows of a table whose first row(s) are its header.
pub fn indicators_from_rows(rows: &[Vec<String>], box_number: Option<u32>) -> Vec<Indicator> {
    let header_rows: Vec<&Vec<String>> = rows
        .iter()
        .take_while(|r| is_header_row(r) || is_blank_lead(r) || is_year_row(r))
        .collect();
    let data: Vec<&Vec<String>> = rows
        .iter()
        .skip(header_rows.len())
        .filter(|r| !is_header_row(r))
        .collect();
    let width = usual_width(&data);
    let spanned = spanned_headers(&header_rows, width);
    let yearly = spanned.is_some();
    let headers = spanned.unwrap_or_else(|| combined_headers(&header_rows, width));
    let columns = columns(&headers);
    let Some(name_column) = columns.name else {
        return Vec::new();
    };
    // Targets for each year of the plan under one 目标 ("2024年 | 2025年 | 2026年"): the
    // plan's target is the last year's, the earlier ones are milestones on the way (kept as
    // notes).
    let mut targets = columns.targets.clone();
    let years: Vec<Option<i32>> = targets.iter().map(|&c| header_year(&headers[c])).collect();
    if yearly && years.iter().flatten().count() >= 2 {
        let mut order: Vec<usize> = (0..targets.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(years[i]));
        targets = order.into_iter().map(|i| targets[i]).collect();
    }
    let target_year = targets.iter().find_map(|&c| header_year(&headers[c]));
    let mut category: Option<String> = None;
    let mut parent: Option<(String, String)> = None;
    let mut indicators = Vec::new();
    for row in data.iter().copied() {
        if let [group, rest @ ..] = row.as_slice()
            && rest.iter().all(|c| c.trim().is_empty())
            && !group.trim().is_empty()
            && width > 2
        {
            // A group row spanning the table ("一、经济发展"): the category of the rows below.
            category = Some(group.trim().to_string());
            continue;
        }
        let row = &without_merged_category(row, width, columns.category);
        let row = &split_name_row(row, width, name_column, &mut parent);
        let cell = |column: Option<usize>| {
            column
                .and_then(|c| row.get(c))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let raw_name = cell(Some(name_column));
        if raw_name.is_empty() {
            continue;
        }
        let category_cell = cell(columns.category);
        if !category_cell.is_empty() {
            category = Some(category_cell.to_string());
        }
        let (name, unit_in_name) = name_and_unit(raw_name);
        let unit = match cell(columns.unit) {
            "" => unit_in_name,
            unit => Some(unit.to_string()),
        };
        let mut notes = Vec::new();
        let baseline = columns.baseline.and_then(|c| {
            let year = header_year(&headers[c]);
            measure(row.get(c).map_or("", String::as_str), year, &mut notes)
        });
        let target_at = targets
            .iter()
            .copied()
            .find(|&c| row.get(c).is_some_and(|v| !is_empty_value(v)))
            .or_else(|| targets.first().copied());
        let target_cell = target_at.and_then(|c| row.get(c));
        let year = target_at
            .and_then(|c| header_year(&headers[c]))
            .or(target_year);
        let target = target_cell.and_then(|value| measure(value, year, &mut notes));
        let attribute = row.iter().find_map(|c| {
            if c.contains("约束性") {
                Some(Attribute::Binding)
            } else if c.contains("预期性") {
                Some(Attribute::Expected)
            } else {
                None
            }
        });
        let used = [
            columns.number,
            columns.category,
            Some(name_column),
            columns.unit,
            columns.attribute,
            columns.baseline,
        ];
        for (index, value) in row.iter().enumerate() {
            let is_target_used = target_cell.is_some_and(|t| std::ptr::eq(t, value));
            if used.contains(&Some(index)) || is_target_used || is_empty_value(value) {
                continue;
            }
            let label = headers.get(index).map_or("", String::as_str);
            notes.push(if label.is_empty() {
                value.clone()
            } else {
                format!("{label}: {value}")
            });
        }
        indicators.push(Indicator {
            box_number,
            number: cell(columns.number).parse().ok(),
            category: category.clone(),
            name,
            unit,
            baseline,
            target,
            attribute,
            notes,
        });
    }
    indicators
}

/// A row one cell short whose 类别 cell was merged with the row above's (a rendition that
/// leaves merged cells out): an empty cell where the 类别 column is.
fn without_merged_category(row: &[String], width: usize, category: Option<usize>) -> Vec<String> {
    match category {
        Some(at) if row.len() + 1 == width && at <= row.len() => {
            let mut cells = row.to_vec();
            cells.insert(at, String::new());
            cells
        }
        _ => row.to_vec(),
    }
}

/// The number of cells most data rows have.
fn usual_width(data: &[&Vec<String>]) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for row in data {
        match counts.iter_mut().find(|(len, _)| *len == row.len()) {
            Some((_, n)) => *n += 1,
            None => counts.push((row.len(), 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(len, n)| (n, len))
        .map_or(0, |(len, _)| len)
}

/// An indicator split into sub-indicators has one extra cell: the parent name (written on
/// the first sub-row only) and the sub-name. Join them into one name column; later
/// sub-rows inherit the parent's name and number.
fn split_name_row(
    row: &[String],
    width: usize,
    name: usize,
    parent: &mut Option<(String, String)>,
) -> Vec<String> {
    if row.len() != width + 1 || name + 1 >= row.len() {
        *parent = None;
        return row.to_vec();
    }
    let number_column = name.checked_sub(1);
    let mut cells = row.to_vec();
    let sub = cells.remove(name + 1);
    if cells[name].trim().is_empty() {
        if let Some((number, parent_name)) = parent.as_ref() {
            cells[name] = parent_name.clone();
            if let Some(column) = number_column.filter(|&c| cells[c].trim().is_empty()) {
                cells[column] = number.clone();
            }
        }
    } else {
        let number = number_column.map(|c| cells[c].clone()).unwrap_or_default();
        *parent = Some((number, cells[name].clone()));
    }
    cells[name] = format!("{}：{}", cells[name].trim(), sub.trim());
    cells
}

/// A second header row of merged cells starts with empty cells.
fn is_blank_lead(row: &[String]) -> bool {
    row.first().is_some_and(|c| c.trim().is_empty())
        && row
            .iter()
            .any(|c| YEAR_HEADER.is_match(c) || c.contains("增速"))
        && !row
            .iter()
            .any(|c| c.trim().chars().all(|ch| ch.is_ascii_digit()) && !c.trim().is_empty())
}

#[cfg(test)]
mod tests;
