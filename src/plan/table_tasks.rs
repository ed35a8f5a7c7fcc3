//! Task lists written as tables (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限): one task per
//! row, the columns found by their headers (`columns.rs`). The task is the text column next
//! to the departments (the most specific: a 落实措施 beside the 部署任务 it implements); text
//! columns further left, a 类别 column, or a row with one filled cell are the group of the
//! rows below them. Rows whose cells did not line up with the header (cells lost to merged
//! cells, or split, as copies from PDF give) are fitted by what each cell looks like: a time
//! at the end, department lists before it, the text in the columns just before those.

use super::columns::{Column, column_of, is_task_header};
use super::deadlines::{deadlines_of_time, find_deadlines_in};
use super::lines::{Kind, classify, clause_title, collapse_spaces, is_heading_text, numbering};
use super::names::split_names;
use super::normalize::Line;
use super::patterns::YEAR_HEADER;
use super::responsibility::{Clause, cell_departments};
use super::row_fit::{fit, is_empty_marker, is_who};
use super::tables::TableBlock;
use super::{BoxItem, Deadline, Task};

/// Whether a table's first row is the header of a task list.
pub fn is_task_table(rows: &[Vec<String>]) -> bool {
    rows.first().is_some_and(|h| is_task_header(h))
}

/// A measure that carries its own number ("(1)全面…", "2.推进…"): the number and the rest.
fn own_number(text: &str) -> Option<(String, String)> {
    let line = Line {
        boxed: false,
        no: 0,
        indented: false,
        text: text.to_string(),
        marked: false,
    };
    let kind = classify(&line);
    let n = numbering(&kind).filter(|_| !matches!(kind, Kind::BoxHead(_)))?;
    Some((n.number.to_string(), n.rest.clone()))
}

/// The column holding the measure: the text column next to the departments (left of them,
/// else right of them).
fn measure_column(columns: &[Option<Column>]) -> Option<usize> {
    let is_what = |c: &Option<Column>| matches!(c, Some(Column::Task | Column::Content));
    let first_who = columns
        .iter()
        .position(|c| is_who(*c))
        .unwrap_or(columns.len());
    (0..first_who)
        .rev()
        .find(|&i| is_what(&columns[i]))
        .or_else(|| (first_who..columns.len()).find(|&i| is_what(&columns[i])))
}

/// A row of one filled cell that heads the rows below it ("一、扩大有效需求"), not a measure
/// whose other cells were merged away.
fn group_of(row: &[String], width: usize) -> Option<String> {
    let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
    let first = row.first().is_some_and(|c| !c.trim().is_empty());
    match filled.as_slice() {
        [cell] if width > 2 && first && is_heading_text(cell.trim()) => Some(collapse_spaces(cell)),
        _ => None,
    }
}

/// Columns whose merged cell a short row shares with the row above: the lead and the time.
fn inherits(column: Option<Column>, has_lead: bool) -> bool {
    matches!(column, Some(Column::Lead | Column::Time))
        || !has_lead && column == Some(Column::Responsible)
}

/// The deadline a column header dates its rows with ("2024年推进任务": the end of 2024).
fn header_deadline(header: &str) -> Option<Deadline> {
    let year: i32 = YEAR_HEADER
        .captures(header)?
        .get(1)?
        .as_str()
        .parse()
        .ok()?;
    deadlines_of_time(&format!("{year}年"), None)
        .into_iter()
        .next()
}

/// Every task of a task table.
pub fn tasks_from_table(
    table: &TableBlock,
    lines: &[Line],
    year: Option<i32>,
    chapter: Option<String>,
) -> Vec<Task> {
    let Some(header) = table.rows.first() else {
        return Vec::new();
    };
    let columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    let row_lines = table.row_lines(lines);
    let Some(measure) = measure_column(&columns) else {
        return Vec::new();
    };
    let dated = header_deadline(&header[measure]);
    let has_lead = columns.contains(&Some(Column::Lead));
    let mut group: Option<String> = None;
    let mut above: Vec<String> = vec![String::new(); columns.len()];
    let mut tasks = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        if let Some(heading) = group_of(row, columns.len()) {
            group = Some(heading);
            continue;
        }
        let fitted = fit(row, &columns, Some(measure));
        let mut cells = fitted.cells;
        for (at, column) in columns.iter().enumerate() {
            if fitted.omitted[at] && inherits(*column, has_lead) {
                cells[at] = above[at].clone();
            }
        }
        above.clone_from(&cells);
        let mut clause = Clause::default();
        let mut time = String::new();
        let mut number = String::new();
        for (at, (column, cell)) in columns.iter().zip(&cells).enumerate() {
            let cell = cell.trim();
            if is_empty_marker(cell) {
                continue;
            }
            match column {
                Some(Column::Number)
                    if cell
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '．' | '、')) =>
                {
                    number = cell.trim_end_matches(['.', '．', '、']).to_string();
                }
                Some(Column::Lead) => clause.merge(Clause {
                    lead: split_names(cell),
                    ..Clause::default()
                }),
                Some(Column::Co) => clause.merge(Clause {
                    co: split_names(cell),
                    ..Clause::default()
                }),
                Some(Column::Responsible) if has_lead => clause.merge(Clause {
                    co: split_names(cell),
                    ..Clause::default()
                }),
                Some(Column::Responsible) => clause.merge(cell_departments(cell)),
                Some(Column::Time) => time = cell.to_string(),
                // Text left of the measure, a 类别, a 序号 holding a heading: the group.
                _ if at < measure && !matches!(column, Some(Column::Note)) => {
                    group = Some(collapse_spaces(cell));
                }
                _ => {}
            }
        }
        let measure_text = cells.get(measure).map_or("", |c| c.trim());
        if measure_text.is_empty() {
            continue;
        }
        let (own, text) = match own_number(measure_text) {
            Some((n, rest)) => (Some(n), rest),
            None => (None, measure_text.to_string()),
        };
        if number.is_empty() {
            number = own.unwrap_or_default();
        }
        let body = collapse_spaces(&text);
        let mut deadlines = find_deadlines_in(&body, year);
        for d in deadlines_of_time(&time, year) {
            if !deadlines.iter().any(|e| e.due == d.due) {
                deadlines.push(d);
            }
        }
        if deadlines.is_empty() {
            deadlines.extend(dated.clone());
        }
        tasks.push(Task {
            number,
            group: group.clone(),
            chapter: chapter.clone(),
            title: collapse_spaces(clause_title(&body)),
            body,
            departments: clause.departments(),
            deadlines,
            line: row_lines.get(i).copied(),
        });
    }
    tasks
}

/// The items of a 专栏 written as a table whose header names them (序号 | 项目名称 | 建设内容 |
/// 责任单位 | 建设期限): the name column is the title, the text columns the body; `None`
/// when no column names the items. Returns the items and the line index of each.
pub fn items_from_table(
    table: &TableBlock,
    lines: &[Line],
    year: Option<i32>,
) -> Option<(Vec<BoxItem>, Vec<usize>)> {
    let header = table.rows.first()?;
    let columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    let name = columns
        .iter()
        .position(|c| *c == Some(Column::Task))
        .or_else(|| columns.iter().position(|c| *c == Some(Column::Content)))?;
    let row_lines = table.row_lines(lines);
    let mut items = Vec::new();
    let mut item_lines = Vec::new();
    let mut group: Option<String> = None;
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        if let Some(heading) = group_of(row, columns.len()) {
            group = Some(heading);
            continue;
        }
        let cells = fit(row, &columns, Some(name)).cells;
        let title = cells.get(name).map_or("", |c| c.trim());
        if title.is_empty() {
            continue;
        }
        let mut body = Vec::new();
        let mut clause = Clause::default();
        let mut time = String::new();
        let mut number = None;
        for (column, cell) in columns.iter().zip(&cells) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match column {
                Some(Column::Number) => {
                    number = Some(cell.trim_end_matches(['.', '．', '、']).to_string())
                }
                Some(Column::Category) => group = Some(collapse_spaces(cell)),
                Some(Column::Lead) => clause.merge(Clause {
                    lead: split_names(cell),
                    ..Clause::default()
                }),
                Some(Column::Co) => clause.merge(Clause {
                    co: split_names(cell),
                    ..Clause::default()
                }),
                Some(Column::Responsible) => clause.merge(cell_departments(cell)),
                Some(Column::Time) => time = cell.to_string(),
                Some(Column::Task | Column::Content) | None => {
                    body.push(cell.trim_end_matches('。').to_string())
                }
                _ => {}
            }
        }
        let body = collapse_spaces(&body.join("。"));
        let mut deadlines = find_deadlines_in(&body, year);
        for d in deadlines_of_time(&time, year) {
            if !deadlines.iter().any(|e| e.due == d.due) {
                deadlines.push(d);
            }
        }
        items.push(BoxItem {
            number,
            group: group.clone(),
            title: collapse_spaces(clause_title(title)),
            body,
            deadlines,
            departments: clause.departments(),
            line: row_lines.get(i).copied(),
        });
        item_lines.extend(table.starts.get(i).copied());
    }
    (!items.is_empty()).then_some((items, item_lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Role;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn one_task_per_row_with_groups_and_departments() {
        let table = TableBlock {
            rows: vec![
                row(&["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]),
                row(&["一、扩大有效需求"]),
                row(&[
                    "1",
                    "扩大有效投资。实施项目。",
                    "市发改委",
                    "市财政局、市住建局",
                    "2024年12月底前",
                ]),
                row(&["2", "促进消费。", "市商务局", "长期坚持"]),
            ],
            starts: vec![0, 1, 2, 3],
            consumed: 4,
        };
        let lines: Vec<Line> = (1..=4)
            .map(|no| Line {
                boxed: false,
                no,
                indented: false,
                text: String::new(),
                marked: false,
            })
            .collect();
        let tasks = tasks_from_table(&table, &lines, Some(2024), None);
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].number, "1");
        assert_eq!(tasks[0].title, "扩大有效投资");
        assert_eq!(tasks[0].group.as_deref(), Some("一、扩大有效需求"));
        assert_eq!(tasks[0].departments[0].name, "市发改委");
        assert_eq!(tasks[0].departments[0].role, Role::Lead);
        assert_eq!(tasks[0].departments.len(), 3);
        assert_eq!(tasks[0].deadlines[0].due.to_string(), "2024-12-31");
        assert_eq!(tasks[0].line, Some(3));
        // A row that lost its 配合单位 cell: fitted by shape.
        assert_eq!(tasks[1].departments.len(), 1);
        assert_eq!(tasks[1].departments[0].name, "市商务局");
        assert!(tasks[1].deadlines.is_empty());
    }
}
