//! Tables as plan texts carry them.
//!
//! Two layouts are read here: one cell per line marked by a tab (Word exports: a blank line
//! separates rows, and a cell may continue on following unindented short lines — flattened
//! sources write `cell |` and a lone `|` between rows, which `normalize` maps to the same
//! shape); and one row per line with tab-separated cells (copies from Word or Excel, and
//! Markdown `| a | b |` rows, which `normalize` turns into tabs). Cells with nothing marking
//! them are read by `plain_tables.rs`.

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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(spec: &[&str]) -> Vec<Line> {
        spec.iter()
            .enumerate()
            .map(|(i, s)| Line {
                boxed: false,
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
    fn tab_separated_rows() {
        let input = vec![
            Line {
                boxed: false,
                no: 1,
                indented: false,
                marked: false,
                text: "指标名称\t单位\t2020 年".into(),
            },
            Line {
                boxed: false,
                no: 2,
                indented: false,
                marked: false,
                text: "常住人口城镇化率\t%\t71.26".into(),
            },
            Line {
                boxed: false,
                no: 3,
                indented: false,
                marked: false,
                text: "".into(),
            },
            Line {
                boxed: false,
                no: 4,
                indented: false,
                marked: false,
                text: "----\t--".into(),
            },
            Line {
                boxed: false,
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
