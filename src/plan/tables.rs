//! Tables as plan texts carry them.
//!
//! Three layouts occur: one cell per line marked by a tab (Word exports: a blank line
//! separates rows, and a cell may continue on following unindented short lines — flattened
//! sources write `cell |` and a lone `|` between rows, which `normalize` maps to the same
//! shape); one row per line with tab-separated cells (copies from Word or Excel, and
//! Markdown `| a | b |` rows, which `normalize` turns into tabs); and one cell per line with
//! nothing marking the cells (copies from PDF and web pages), recognised by a run of header
//! cells (序号 / 重点任务 / 牵头单位 …, `columns.rs`) — its rows are found by their 序号, or by
//! the 属性 cell that ends each row of an indicator table.

use super::columns::{Column, column_of};
use super::lines::{Kind, classify};
use super::normalize::Line;

/// Rows of cells read from the text, and how many lines they used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableBlock {
    pub rows: Vec<Vec<String>>,
    /// Line index where each row starts.
    pub starts: Vec<usize>,
    pub consumed: usize,
}

impl TableBlock {
    /// The 1-based source line of each row.
    pub fn row_lines(&self, lines: &[Line]) -> Vec<usize> {
        self.starts
            .iter()
            .map(|&i| lines.get(i).map_or(0, |l| l.no))
            .collect()
    }
}

/// Longest line that can continue a cell (longer unindented text is body text again).
const MAX_CONTINUATION_CHARS: usize = 24;

fn is_cell(line: &Line) -> bool {
    line.indented && !is_note(line)
}

/// "注：…" under a table is a note about it, not a cell.
pub fn is_note(line: &Line) -> bool {
    line.text.starts_with("注：") || line.text.starts_with("注:")
}

fn is_gap(line: &Line) -> bool {
    !line.indented && line.text.is_empty()
}

fn is_continuation(line: &Line) -> bool {
    !line.indented
        && !line.text.is_empty()
        && line.text.chars().count() <= MAX_CONTINUATION_CHARS
        && !line.text.starts_with('注')
        && matches!(classify(line), Kind::Text)
}

/// Whether a one-cell-per-line table starts at `lines[start]` (the first non-blank line):
/// two short tab-indented lines in a row.
pub fn starts_cell_table(lines: &[Line], start: usize) -> bool {
    let short_cell = |l: &Line| is_cell(l) && l.text.chars().count() <= 30;
    let mut cells = lines[start..].iter().filter(|l| !is_gap(l)).take(2);
    matches!((cells.next(), cells.next()), (Some(a), Some(b)) if short_cell(a) && short_cell(b))
}

/// Read a one-cell-per-line table starting at `lines[start]`.
pub fn parse_cell_table(lines: &[Line], start: usize) -> TableBlock {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut starts = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut index = start;
    let mut end = start;
    while index < lines.len() {
        let line = &lines[index];
        if is_cell(line) {
            if row.is_empty() {
                starts.push(index);
            }
            row.push(line.text.clone());
            index += 1;
            end = index;
            continue;
        }
        let next = if is_gap(line) {
            match lines[index..].iter().position(|l| !is_gap(l)) {
                Some(offset) => index + offset,
                None => break,
            }
        } else {
            index
        };
        if is_cell(&lines[next]) {
            if next > index && !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            index = next;
        } else if is_continuation(&lines[next]) && !row.is_empty() {
            append_to_last_cell(&mut row, &lines[next].text);
            index = next + 1;
            end = index;
        } else {
            break;
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    TableBlock {
        rows,
        starts,
        consumed: end - start,
    }
}

fn append_to_last_cell(row: &mut [String], text: &str) {
    if let Some(cell) = row.last_mut() {
        // Merged cells are sometimes written twice ("经济发展" … "经济发展").
        if !cell.ends_with(text) {
            cell.push_str(text);
        }
    }
}

/// Whether `line` is a row of a one-row-per-line table (tab-separated cells).
pub fn is_tab_row(line: &Line) -> bool {
    line.text.contains('\t')
}

/// Read a one-row-per-line table starting at `lines[start]`; blank lines between rows
/// are allowed, dash-only separator rows dropped.
pub fn parse_tab_table(lines: &[Line], start: usize) -> TableBlock {
    let mut rows = Vec::new();
    let mut starts = Vec::new();
    let mut index = start;
    let mut end = start;
    while index < lines.len() {
        let line = &lines[index];
        if line.text.is_empty() {
            index += 1;
            continue;
        }
        if !is_tab_row(line) {
            break;
        }
        let cells: Vec<String> = line
            .text
            .split('\t')
            .map(|c| c.trim().to_string())
            .collect();
        let separator = cells
            .iter()
            .all(|c| c.chars().all(|ch| matches!(ch, '-' | '—' | '－')));
        if !separator {
            rows.push(cells);
            starts.push(index);
        }
        index += 1;
        end = index;
    }
    TableBlock {
        rows,
        starts,
        consumed: end - start,
    }
}

/// The number of header cells (one per line, no tab) starting at `lines[start]`, when there
/// are at least `min` of them; else 0.
pub fn header_run(lines: &[Line], start: usize, min: usize) -> usize {
    let run = lines[start..]
        .iter()
        .take_while(|l| !l.indented && !l.text.contains('\t') && column_of(&l.text).is_some())
        .count();
    if run >= min { run } else { 0 }
}

/// Whether a line ends a table of plain cells: a heading, a box, a caption.
pub fn ends_plain_table(line: &Line) -> bool {
    !matches!(classify(line), Kind::Text | Kind::Blank | Kind::Num(_))
        || line.text.starts_with("注")
        || line.text.starts_with('表') && line.text.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

fn is_attribute(cell: &str) -> bool {
    matches!(cell.trim(), "预期性" | "约束性")
}

/// A 序号 cell: a bare number.
fn row_number(cell: &str) -> Option<u32> {
    let cell = cell.trim().trim_end_matches(['.', '．', '、']);
    (!cell.is_empty() && cell.len() <= 3 && cell.chars().all(|c| c.is_ascii_digit()))
        .then(|| cell.parse().ok())
        .flatten()
}

/// Read a table of plain cells (one per line) whose header starts at `lines[start]` (at
/// least `min` header cells). Rows start at their 序号 (1, 2, 3 … in order) when the header
/// has one; rows of an indicator table end at their 属性 cell; otherwise every row has as
/// many cells as the header.
pub fn parse_plain_table(lines: &[Line], start: usize, min: usize) -> TableBlock {
    let width = header_run(lines, start, min);
    if width == 0 {
        return TableBlock::default();
    }
    let header: Vec<Option<Column>> = lines[start..start + width]
        .iter()
        .map(|l| column_of(&l.text))
        .collect();
    let mut table = TableBlock {
        rows: vec![lines[start..start + width].iter().map(|l| l.text.clone()).collect()],
        starts: vec![start],
        consumed: width,
    };
    let numbered = header.first() == Some(&Some(Column::Number));
    let attribute_last = header.last() == Some(&Some(Column::Attribute));
    let mut row: Vec<String> = Vec::new();
    let mut row_start = start + width;
    let mut index = start + width;
    let mut next_number = 1;
    while index < lines.len() {
        let line = &lines[index];
        if line.is_blank() {
            index += 1;
            continue;
        }
        let new_row = numbered && row_number(&line.text) == Some(next_number);
        if ends_plain_table(line) && !new_row {
            break;
        }
        if new_row {
            if !row.is_empty() {
                table.rows.push(std::mem::take(&mut row));
                table.starts.push(row_start);
            }
            row_start = index;
            next_number += 1;
        } else if numbered && row.is_empty() {
            break;
        }
        if row.is_empty() {
            row_start = index;
        }
        row.push(line.text.clone());
        index += 1;
        table.consumed = index - start;
        let complete = if attribute_last {
            is_attribute(&line.text)
        } else {
            !numbered && row.len() == width
        };
        if complete {
            table.rows.push(std::mem::take(&mut row));
            table.starts.push(row_start);
        } else if !numbered && row.len() > 2 * width {
            break;
        }
    }
    if !row.is_empty() && (numbered || row.len() == width) {
        table.rows.push(row);
        table.starts.push(row_start);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(spec: &[&str]) -> Vec<Line> {
        spec.iter()
            .enumerate()
            .map(|(i, s)| Line {
                no: i + 1,
                indented: s.starts_with('\t'),
                marked: false,
                text: s.trim_matches(|c: char| c == '\t' || c == ' ').to_string(),
            })
            .collect()
    }

    #[test]
    fn cell_per_line_rows_with_continuations() {
        let input = lines(&[
            "\t序号",
            "\t指标名称",
            "\t2025年",
            "",
            "\t1",
            "\t特大城市",
            "",
            "（500-1000万）",
            "\t5",
            "",
            "\t2",
            "\t新增建设用地面积",
            "\t＜604",
            "",
            "（以国家下达为准）",
            "",
            "",
            "下一段正文，很长很长的正文内容在这里继续并且超过续行长度。",
        ]);
        assert!(starts_cell_table(&input, 0));
        let table = parse_cell_table(&input, 0);
        assert_eq!(
            table.rows,
            vec![
                vec!["序号", "指标名称", "2025年"],
                vec!["1", "特大城市（500-1000万）", "5"],
                vec!["2", "新增建设用地面积", "＜604（以国家下达为准）"],
            ]
        );
        assert_eq!(table.consumed, 15);
    }

    #[test]
    fn plain_cells_by_their_header() {
        let input = lines(&[
            "表1 主要目标",
            "指标",
            "2015年",
            "2020年",
            "属性",
            "技术人员比重（%）",
            "16.1",
            "25",
            "预期性",
            "研发投入比重（%）",
            "-",
            ">3",
            "约束性",
            "四、主要任务",
        ]);
        assert_eq!(header_run(&input, 1, 3), 4);
        let table = parse_plain_table(&input, 1, 3);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2], vec!["研发投入比重（%）", "-", ">3", "约束性"]);
        assert_eq!(table.starts, vec![1, 5, 9]);
        assert_eq!(table.consumed, 12);
        let tasks = lines(&[
            "序号",
            "重点任务",
            "牵头单位",
            "完成时限",
            "1",
            "建设园区。",
            "市发改委",
            "2024年12月",
            "2",
            "扩大投资，",
            "推进项目。",
            "市财政局",
            "三、保障措施",
        ]);
        let table = parse_plain_table(&tasks, 0, 3);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2], vec!["2", "扩大投资，", "推进项目。", "市财政局"]);
        assert_eq!(table.consumed, 12);
    }

    #[test]
    fn tab_separated_rows() {
        let input = vec![
            Line {
                no: 1,
                indented: false,
                marked: false,
                text: "指标名称\t单位\t2020 年".into(),
            },
            Line {
                no: 2,
                indented: false,
                marked: false,
                text: "常住人口城镇化率\t%\t71.26".into(),
            },
            Line {
                no: 3,
                indented: false,
                marked: false,
                text: "".into(),
            },
            Line {
                no: 4,
                indented: false,
                marked: false,
                text: "----\t--".into(),
            },
            Line {
                no: 5,
                indented: false,
                marked: false,
                text: "正文。".into(),
            },
        ];
        let table = parse_tab_table(&input, 0);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.consumed, 4);
    }
}
