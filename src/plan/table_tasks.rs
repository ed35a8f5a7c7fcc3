//! Task lists written as tables (序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限): one task per
//! row, the columns found by their headers (`columns.rs`). A row with one filled cell is a
//! group heading for the rows below it; a 类别 column is carried down over empty cells.
//! Rows whose cells did not line up with the header (cells lost or split, as copies from PDF
//! give) are fitted by what each cell looks like: a time at the end, department lists before
//! it, the text in between.

use super::columns::{Column, column_of, is_task_header};
use super::deadlines::{deadlines_of_time, find_deadlines_in};
use super::lines::{clause_title, collapse_spaces};
use super::normalize::Line;
use super::responsibility::{Clause, cell_departments, is_department_list, split_names};
use super::tables::TableBlock;
use super::Task;

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

/// Cells of a row that does not have one cell per column, fitted to the columns by shape.
fn fit(row: &[String], columns: &[Option<Column>]) -> Vec<String> {
    let mut fitted = vec![String::new(); columns.len()];
    let mut cells: Vec<&str> = row.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
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
    let who: Vec<usize> = (0..columns.len())
        .filter(|&i| matches!(columns[i], Some(Column::Lead | Column::Co | Column::Responsible)))
        .collect();
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
    let text: Vec<usize> = (0..columns.len())
        .filter(|&i| fitted[i].is_empty() && !who.contains(&i) && columns[i] != Some(Column::Time))
        .collect();
    for (slot, cell) in text.iter().zip(cells.iter()) {
        fitted[*slot] = cell.to_string();
    }
    // Cells beyond the text columns are the last text cell wrapped over several lines.
    if let Some(&last) = text.last() {
        for cell in cells.iter().skip(text.len()) {
            fitted[last].push_str(cell);
        }
    }
    fitted
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
    let title_column = columns
        .iter()
        .position(|c| *c == Some(Column::Task))
        .or_else(|| columns.iter().position(|c| *c == Some(Column::Content)));
    let Some(title_column) = title_column else {
        return Vec::new();
    };
    let has_lead = columns.contains(&Some(Column::Lead));
    let mut group: Option<String> = None;
    let mut category: Option<String> = None;
    let mut tasks = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let filled: Vec<&String> = row.iter().filter(|c| !c.trim().is_empty()).collect();
        if filled.len() == 1 && columns.len() > 2 {
            group = Some(collapse_spaces(filled[0]));
            continue;
        }
        let cells = if row.len() == columns.len() {
            row.clone()
        } else {
            fit(row, &columns)
        };
        let mut clause = Clause::default();
        let mut text = String::new();
        let mut time = String::new();
        let mut number = String::new();
        for (column, cell) in columns.iter().zip(&cells) {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            match column {
                Some(Column::Number) => number = cell.trim_end_matches(['.', '．', '、']).to_string(),
                Some(Column::Category) => category = Some(collapse_spaces(cell)),
                Some(Column::Lead) => {
                    let names = split_names(cell);
                    clause.merge(Clause { lead: names, ..Clause::default() });
                }
                Some(Column::Co) => {
                    let names = split_names(cell);
                    clause.merge(Clause { co: names, ..Clause::default() });
                }
                Some(Column::Responsible) if has_lead => {
                    let names = split_names(cell);
                    clause.merge(Clause { co: names, ..Clause::default() });
                }
                Some(Column::Responsible) => clause.merge(cell_departments(cell)),
                Some(Column::Time) => time = cell.to_string(),
                Some(Column::Task | Column::Content) | None => {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(cell);
                }
                _ => {}
            }
        }
        let title_cell = cells.get(title_column).map_or("", |c| c.trim());
        if title_cell.is_empty() && text.is_empty() {
            continue;
        }
        let body = collapse_spaces(&text);
        let mut deadlines = find_deadlines_in(&body, year);
        for d in deadlines_of_time(&time, year) {
            if !deadlines.iter().any(|e| e.due == d.due) {
                deadlines.push(d);
            }
        }
        let title_source = if title_cell.is_empty() { body.as_str() } else { title_cell };
        tasks.push(Task {
            number,
            group: category.clone().or_else(|| group.clone()),
            chapter: chapter.clone(),
            title: collapse_spaces(clause_title(title_source)),
            body,
            departments: clause.departments(),
            deadlines,
            line: row_lines.get(i).copied(),
        });
    }
    tasks
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
                row(&["1", "扩大有效投资。实施项目。", "市发改委", "市财政局、市住建局", "2024年12月底前"]),
                row(&["2", "促进消费。", "市商务局", "长期坚持"]),
            ],
            starts: vec![0, 1, 2, 3],
            consumed: 4,
        };
        let lines: Vec<Line> = (1..=4)
            .map(|no| Line { no, indented: false, text: String::new(), marked: false })
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
