//! Task lists written as tables (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限): one task per
//! row, the columns found by their headers (`columns.rs`). The task is the text column next
//! to the departments (the most specific: a 落实措施 beside the 部署任务 it implements); text
//! columns further left, a 类别 column, or a row with one filled cell are the group of the
//! rows below them. Rows whose cells did not line up with the header (cells lost to merged
//! cells, or split, as copies from PDF give) are fitted by what each cell looks like: a time
//! at the end, department lists before it, the text in the columns just before those.

use super::columns::{Column, column_of, is_task_header};
use super::deadlines::{deadlines_of_time, find_deadlines_in};
use super::lines::{Kind, classify, clause_title, collapse_spaces, numbering};
use super::names::{is_department_list, split_names};
use super::normalize::Line;
use super::responsibility::{Clause, cell_departments};
use super::tables::TableBlock;
use super::{BoxItem, Task};

/// Whether a table's first row is the header of a task list.
pub fn is_task_table(rows: &[Vec<String>]) -> bool {
    rows.first().is_some_and(|h| is_task_header(h))
}

fn looks_like_time(cell: &str) -> bool {
    let cell = cell.trim();
    cell.chars().count() <= 24
        && ["年", "月", "季度", "长期", "持续", "常态", "每年"]
            .iter()
            .any(|w| cell.contains(w))
}

fn is_who(column: Option<Column>) -> bool {
    matches!(
        column,
        Some(Column::Lead | Column::Co | Column::Responsible)
    )
}

fn is_text(column: Option<Column>) -> bool {
    matches!(column, Some(Column::Task | Column::Content) | None)
}

/// Cells of a row that does not have one cell per column, fitted to the columns by shape.
fn fit(row: &[String], columns: &[Option<Column>]) -> Vec<String> {
    let mut fitted = vec![String::new(); columns.len()];
    let mut cells: Vec<&str> = row
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect();
    let position = |wanted: Column| columns.iter().position(|c| *c == Some(wanted));
    if let (Some(at), Some(first)) = (position(Column::Number), cells.first())
        && first.chars().all(|c| c.is_ascii_digit())
    {
        fitted[at] = first.to_string();
        cells.remove(0);
    }
    if let (Some(at), Some(last)) = (position(Column::Time), cells.last())
        && looks_like_time(last)
    {
        fitted[at] = last.to_string();
        cells.pop();
    }
    let who: Vec<usize> = (0..columns.len()).filter(|&i| is_who(columns[i])).collect();
    // Trailing department lists fill the department columns in order (a lost 配合单位 cell
    // leaves the 牵头单位 filled, not the other way round).
    let mut lists: Vec<&str> = Vec::new();
    while lists.len() < who.len()
        && cells.len() > 1
        && cells.last().is_some_and(|last| is_department_list(last))
    {
        lists.extend(cells.pop());
    }
    for (&at, list) in who.iter().zip(lists.iter().rev()) {
        fitted[at] = list.to_string();
    }
    // The text cells left are the text columns just before the departments: the columns
    // further left are the merged cells the row did not repeat.
    let before = who.first().copied().unwrap_or(columns.len());
    let text: Vec<usize> = (0..before)
        .filter(|&i| fitted[i].is_empty() && is_text(columns[i]))
        .collect();
    let skip = text.len().saturating_sub(cells.len());
    for (slot, cell) in text.iter().skip(skip).zip(cells.iter()) {
        fitted[*slot] = cell.to_string();
    }
    // More cells than text columns: the last text cell wrapped over several lines.
    if let Some(&last) = text.last() {
        for cell in cells.iter().skip(text.len()) {
            fitted[last].push_str(cell);
        }
    }
    fitted
}

/// A measure that carries its own number ("(1)全面…", "2.推进…"): the number and the rest.
fn own_number(text: &str) -> Option<(String, String)> {
    let line = Line {
        no: 0,
        indented: false,
        text: text.to_string(),
        marked: false,
    };
    let kind = classify(&line);
    let n = numbering(&kind).filter(|_| !matches!(kind, Kind::BoxHead(_)))?;
    Some((n.number.to_string(), n.rest.clone()))
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
    let first_who = columns
        .iter()
        .position(|c| is_who(*c))
        .unwrap_or(columns.len());
    let Some(measure) = (0..first_who)
        .rev()
        .find(|&i| matches!(columns[i], Some(Column::Task | Column::Content)))
    else {
        return Vec::new();
    };
    let has_lead = columns.contains(&Some(Column::Lead));
    let mut group: Option<String> = None;
    let mut tasks = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.len() == 1
            && columns.len() > 2
            && row.first().is_some_and(|c| !c.trim().is_empty())
        {
            group = Some(collapse_spaces(filled[0]));
            continue;
        }
        let cells = if row.len() == columns.len() {
            row.clone()
        } else {
            fit(row, &columns)
        };
        let mut clause = Clause::default();
        let mut time = String::new();
        let mut number = String::new();
        for (at, (column, cell)) in columns.iter().zip(&cells).enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
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
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.len() == 1
            && columns.len() > 2
            && row.first().is_some_and(|c| !c.trim().is_empty())
        {
            group = Some(collapse_spaces(filled[0]));
            continue;
        }
        let cells = if row.len() == columns.len() {
            row.clone()
        } else {
            fit(row, &columns)
        };
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
