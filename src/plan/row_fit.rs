//! Rows of a table that do not have one cell per column, fitted to the columns by what each
//! cell looks like.
//!
//! Fewer cells than columns: a merged cell (row-span) is written once, on the first row it
//! covers, and renditions that drop the cells it covers (Markdown from web pages, copies from
//! PDF) leave the rows below short — without their 序号 and 重点任务, their 领域, or their
//! 牵头单位. The cells kept are matched to the columns in order, each where it fits best (a
//! bare number in 序号, a time in 完成时限, a list of units in a department column, a
//! sentence in the text columns — the measure column first), and the columns left over are
//! marked as omitted: a caller takes the value of the row above where the column holds a
//! merged cell (the lead of a group of measures).
//!
//! More cells than columns (a cell split over several lines): the time at the end, the
//! department lists before it, the text in the columns just before those, the rest of the
//! text joined to the last text column.

use super::columns::Column;
use super::names::is_department_list;

/// A row fitted to the columns: one cell per column, and which columns the row left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub cells: Vec<String>,
    pub omitted: Vec<bool>,
}

pub fn looks_like_time(cell: &str) -> bool {
    let cell = cell.trim();
    cell.chars().count() <= 24
        && ["年", "月", "季度", "长期", "持续", "常态", "每年", "节点"]
            .iter()
            .any(|w| cell.contains(w))
}

pub fn is_who(column: Option<Column>) -> bool {
    matches!(
        column,
        Some(Column::Lead | Column::Co | Column::Responsible)
    )
}

pub fn is_text(column: Option<Column>) -> bool {
    matches!(column, Some(Column::Task | Column::Content) | None)
}

/// "——", "—", "/", "无": a cell that says it holds nothing.
pub fn is_empty_marker(cell: &str) -> bool {
    let cell = cell.trim();
    cell.is_empty()
        || cell
            .chars()
            .all(|c| matches!(c, '—' | '-' | '－' | '/' | '／' | '–'))
        || cell == "无"
}

/// How well a cell fits a column (higher is better).
fn fitness(cell: &str, column: Option<Column>, measure: bool) -> i32 {
    let cell = cell.trim();
    if is_empty_marker(cell) {
        return if is_who(column) { 10 } else { 0 };
    }
    let digits = cell.chars().all(|c| c.is_ascii_digit()) && cell.len() <= 3;
    let sentence = cell.contains(['。', '；']) || cell.chars().count() > 24;
    let departments = !sentence && is_department_list(cell);
    let time = !sentence && looks_like_time(cell);
    match column {
        Some(Column::Number) if digits => 40,
        Some(Column::Number) => -60,
        Some(Column::Time) if time => 40,
        Some(Column::Time) => -40,
        Some(Column::Lead | Column::Co | Column::Responsible) if departments => 40,
        Some(Column::Lead | Column::Co | Column::Responsible) if sentence => -60,
        Some(Column::Lead | Column::Co | Column::Responsible) => -10,
        Some(Column::Category) if digits || sentence => -30,
        Some(Column::Category) if departments => -20,
        Some(Column::Category) => 10,
        Some(Column::Note) => 0,
        _ if digits => -40,
        _ if departments || time => -30,
        _ if measure => 25,
        _ => 20,
    }
}

/// Fit a row with fewer cells than columns: each cell in order to the column it fits best
/// (ties go to the measure column, then to the leftmost department column).
fn fit_short(row: &[String], columns: &[Option<Column>], measure: Option<usize>) -> Fitted {
    let (m, n) = (row.len(), columns.len());
    // best[i][j]: best score placing the first i cells in the first j columns.
    let mut best = vec![vec![i32::MIN; n + 1]; m + 1];
    for slot in best[0].iter_mut() {
        *slot = 0;
    }
    for i in 1..=m {
        for j in i..=n {
            let skip = best[i][j - 1];
            let take = best[i - 1][j - 1].saturating_add(fitness(
                &row[i - 1],
                columns[j - 1],
                measure == Some(j - 1),
            ));
            best[i][j] = skip.max(take);
        }
    }
    let mut cells = vec![String::new(); n];
    let mut omitted = vec![true; n];
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if best[i][j] == best[i][j - 1] && j > i {
            j -= 1;
            continue;
        }
        cells[j - 1] = row[i - 1].trim().to_string();
        omitted[j - 1] = false;
        i -= 1;
        j -= 1;
    }
    Fitted { cells, omitted }
}

/// Fit a row with more cells than columns (cells split over several lines).
fn fit_long(row: &[String], columns: &[Option<Column>]) -> Vec<String> {
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

/// One cell per column: the row as it is when it has one per column, else fitted.
pub fn fit(row: &[String], columns: &[Option<Column>], measure: Option<usize>) -> Fitted {
    let n = columns.len();
    if row.len() == n {
        return Fitted {
            cells: row.to_vec(),
            omitted: vec![false; n],
        };
    }
    if row.len() < n {
        return fit_short(row, columns, measure);
    }
    Fitted {
        cells: fit_long(row, columns),
        omitted: vec![false; n],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::columns::column_of;

    fn columns(header: &[&str]) -> Vec<Option<Column>> {
        header.iter().map(|h| column_of(h)).collect()
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn rows_left_short_by_merged_cells() {
        let header = columns(&[
            "序号",
            "重点任务",
            "工作措施",
            "完成时限",
            "牵头部门",
            "配合单位",
        ]);
        // A continuation row: 序号 and 重点任务 merged with the row above, 配合单位 empty.
        let fitted = fit(
            &row(&["推进节能改造。", "年底前", "区发展改革委"]),
            &header,
            Some(2),
        );
        assert_eq!(fitted.cells[2], "推进节能改造。");
        assert_eq!(fitted.cells[3], "年底前");
        assert_eq!(fitted.cells[4], "区发展改革委");
        assert_eq!(fitted.omitted, vec![true, true, false, false, false, true]);
        // A row whose 牵头单位 is merged with the row above's.
        let header = columns(&["序号", "领域", "2024年推进任务", "牵头责任部门"]);
        let fitted = fit(&row(&["4", "建设电源项目。"]), &header, Some(2));
        assert_eq!(fitted.cells, vec!["4", "", "建设电源项目。", ""]);
        assert_eq!(fitted.omitted, vec![false, true, false, true]);
        // The text column right of the department column.
        let header = columns(&["序号", "部门", "职责清单"]);
        let fitted = fit(&row(&["3", "梳理典型案例。"]), &header, Some(2));
        assert_eq!(fitted.cells, vec!["3", "", "梳理典型案例。"]);
    }

    #[test]
    fn rows_split_over_more_cells() {
        let header = columns(&["序号", "重点任务", "牵头单位", "完成时限"]);
        let fitted = fit(
            &row(&["2", "扩大投资，", "推进项目。", "市财政局", "2024年12月"]),
            &header,
            Some(1),
        );
        assert_eq!(
            fitted.cells,
            vec!["2", "扩大投资，推进项目。", "市财政局", "2024年12月"]
        );
    }
}
