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
use super::names::is_department_list;
use super::names::split_names;
use super::normalize::Line;
use super::patterns::YEAR_HEADER;
use super::responsibility::{Clause, cell_departments};
use super::row_fit::{Fitted, fit, is_empty_marker, is_who};
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

/// The years whose targets a row sets: one per filled column headed by a year's target
/// ("2024年目标", "2025年": each filled cell is due at that year's end).
fn year_columns(header: &[String], columns: &[Option<Column>]) -> Vec<Option<Deadline>> {
    header
        .iter()
        .zip(columns)
        .map(|(h, c)| match c {
            Some(Column::Target | Column::Year) => header_deadline(h),
            _ => None,
        })
        .collect()
}

/// A row as long as the header: cells a copy added past the last column are dropped when
/// empty, and so are empty cells that pushed the row's last cells out of line (a page's
/// table drawn with one more, empty, column). A row that lost its first cells (merged with
/// the row above) but was padded to the table's width at its end is short again, so that
/// its cells are fitted where they belong.
fn trimmed(row: &[String], columns: &[Option<Column>]) -> Vec<String> {
    let width = columns.len();
    let mut row = row.to_vec();
    let first_misfits = columns.first() == Some(&Some(Column::Number))
        && row
            .first()
            .is_some_and(|c| !c.trim().is_empty() && row_number(c).is_none());
    let padded = row.len() > width || first_misfits && row.len() > 1;
    while padded && row.last().is_some_and(|c| c.trim().is_empty()) {
        row.pop();
    }
    while row.len() > width {
        let Some(empty) = row.iter().rposition(|c| c.trim().is_empty()) else {
            break;
        };
        row.remove(empty);
    }
    row
}

/// A row's number as its 序号 cell writes it ("12", "3.", "一", "（二）"), without the marks
/// around it.
fn row_number(cell: &str) -> Option<String> {
    let number = cell
        .trim()
        .trim_end_matches(['.', '．', '、'])
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    super::numerals::parse_numeral(number).map(|_| number.to_string())
}

/// A short row without a number that ends with the departments: the rest of the measure
/// above, whose number and text cells it shares.
fn continues(row: &[String], width: usize) -> bool {
    let numbered = row.first().is_some_and(|c| row_number(c).is_some());
    row.len() > 1
        && row.len() < width
        && !numbered
        && row.last().is_some_and(|c| is_department_list(c))
}

/// The header written again (a table continued on the next page repeats it).
fn repeats_header(row: &[String], header: &[String]) -> bool {
    let squash = |c: &String| -> String { c.split_whitespace().collect() };
    row.len() == header.len() && row.iter().map(squash).eq(header.iter().map(squash))
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
    let years = year_columns(header, &columns);
    let has_lead = columns.contains(&Some(Column::Lead));
    // The number is the measure's own (序号 | 任务内容 | …): a row without one continues the
    // measure above it (its merged cells omitted), it is no measure of its own.
    let numbered_measures = measure > 0 && columns[measure - 1] == Some(Column::Number);
    let mut group: Option<String> = None;
    let mut above: Vec<String> = vec![String::new(); columns.len()];
    let mut tasks: Vec<Task> = Vec::new();
    for (i, row) in table.rows.iter().enumerate().skip(1) {
        let row = &trimmed(row, &columns);
        if repeats_header(row, header) {
            continue;
        }
        // Where rows number their measures, a lone cell that names figures and numbers no
        // group ("到2027年完成设施大棚更新1000亩") is a note to the measure above.
        let note = |heading: &String| {
            numbered_measures
                && own_number(heading).is_none()
                && heading.contains(|c: char| c.is_ascii_digit())
        };
        match group_of(row, columns.len()) {
            Some(text) if note(&text) => {
                if let Some(previous) = tasks.last_mut() {
                    let dated = find_deadlines_in(&text, year);
                    continue_measure(
                        previous,
                        &[text],
                        &[Some(Column::Task)],
                        Clause::default(),
                        dated,
                    );
                }
                continue;
            }
            Some(heading) => {
                group = Some(heading);
                continue;
            }
            None => {}
        }
        let fitted = if numbered_measures && continues(row, columns.len()) {
            // Its merged cells (number, measure) are the first ones: the rest are in line
            // with the last columns.
            let skipped = columns.len() - row.len();
            let mut cells = vec![String::new(); skipped];
            cells.extend(row.iter().cloned());
            Fitted {
                cells,
                omitted: (0..columns.len()).map(|c| c < skipped).collect(),
            }
        } else {
            fit(row, &columns, Some(measure))
        };
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
        let mut targets: Vec<Deadline> = Vec::new();
        for (at, (column, cell)) in columns.iter().zip(&cells).enumerate() {
            let cell = cell.trim();
            if is_empty_marker(cell) {
                continue;
            }
            if let Some(due) = &years[at] {
                targets.extend(find_deadlines_in(cell, year));
                targets.push(due.clone());
                continue;
            }
            match column {
                Some(Column::Number) if row_number(cell).is_some() => {
                    number = row_number(cell).unwrap_or_default();
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
        let numbered_text = cells
            .get(measure)
            .is_some_and(|c| own_number(c.trim()).is_some());
        if numbered_measures && number.is_empty() && !numbered_text {
            if let Some(previous) = tasks.last_mut() {
                continue_measure(previous, &cells, &columns, clause, targets);
            }
            continue;
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
        add_deadlines(&mut deadlines, targets);
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

fn add_deadlines(deadlines: &mut Vec<Deadline>, more: Vec<Deadline>) {
    for d in more {
        if !deadlines.iter().any(|e| e.due == d.due) {
            deadlines.push(d);
        }
    }
}

/// A row that continues the measure above it: its departments and dated targets are the
/// measure's too, its text (a note left in the first cell) part of its body.
fn continue_measure(
    task: &mut Task,
    cells: &[String],
    columns: &[Option<Column>],
    clause: Clause,
    targets: Vec<Deadline>,
) {
    for d in clause.departments() {
        if !task.departments.iter().any(|e| e.name == d.name) {
            task.departments.push(d);
        }
    }
    add_deadlines(&mut task.deadlines, targets);
    for (column, cell) in columns.iter().zip(cells) {
        let cell = cell.trim();
        if matches!(column, Some(Column::Number | Column::Task)) && !is_empty_marker(cell) {
            task.body.push('。');
            task.body.push_str(&collapse_spaces(cell));
        }
    }
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
