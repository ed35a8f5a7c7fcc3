//! Tables whose cells nothing marks: one cell per line (copies from PDF and web pages), blank
//! lines between cells or not. Such a table is recognised by its header, a run of header
//! cells (序号 / 重点任务 / 牵头单位 …, `columns.rs`). Its rows are found by their 序号 (1, 2, 3 …
//! in order: the cells from one number to the next, a cell of a column left of 序号 — a
//! 类别 written once per group — going to the row after), by the 属性 cell that ends each
//! row of an indicator table, or else by the width of the header.

use super::columns::{Column, column_of};
use super::lines::{Kind, classify};
use super::normalize::Line;
use super::tables::TableBlock;

/// The header of a table of plain cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainHeader {
    pub cells: Vec<String>,
    /// Lines from the first header cell to the line after the last one.
    pub span: usize,
}

/// The header starting at `lines[start]`, when it has at least `min` cells.
pub fn plain_header(lines: &[Line], start: usize, min: usize) -> Option<PlainHeader> {
    let mut cells = Vec::new();
    let mut span = 0;
    for (offset, line) in lines[start..].iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if line.indented || line.text.contains('\t') || column_of(&line.text).is_none() {
            break;
        }
        cells.push(line.text.clone());
        span = offset + 1;
    }
    (cells.len() >= min).then_some(PlainHeader { cells, span })
}

/// Whether a line ends a table of plain cells: a heading, a box, a note, a caption.
pub fn ends_plain_table(line: &Line) -> bool {
    !matches!(classify(line), Kind::Text | Kind::Blank | Kind::Num(_))
        || line.text.starts_with("注")
        || line.text.starts_with('表')
            && line.text.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
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

/// Read a table of plain cells whose header starts at `lines[start]`.
pub fn parse_plain_table(lines: &[Line], start: usize, min: usize) -> TableBlock {
    let Some(header) = plain_header(lines, start, min) else {
        return TableBlock::default();
    };
    let columns: Vec<Option<Column>> = header.cells.iter().map(|c| column_of(c)).collect();
    // The cells after the header, up to the first line that ends the table (a 序号 cell
    // never does).
    let mut cells: Vec<usize> = Vec::new();
    for (index, line) in lines.iter().enumerate().skip(start + header.span) {
        if line.is_blank() {
            continue;
        }
        if ends_plain_table(line) && row_number(&line.text).is_none() {
            break;
        }
        cells.push(index);
    }
    let mut table = TableBlock {
        rows: vec![header.cells.clone()],
        starts: vec![start],
        consumed: header.span,
    };
    let rows = match columns.iter().position(|c| *c == Some(Column::Number)) {
        Some(at) => numbered_rows(lines, &cells, at, columns.len()),
        None if columns.last() == Some(&Some(Column::Attribute)) => {
            rows_ending(lines, &cells, columns.len())
        }
        None => fixed_rows(&cells, columns.len()),
    };
    for (first, row) in rows {
        let Some(last) = row.iter().flatten().max() else {
            continue;
        };
        table.consumed = last + 1 - start;
        table.starts.push(first);
        table.rows.push(
            row.iter()
                .map(|cell| cell.map_or_else(String::new, |i| lines[i].text.clone()))
                .collect(),
        );
    }
    table
}

/// A row: the line it starts at, and the line of each cell (`None`: a cell left empty).
type Row = (usize, Vec<Option<usize>>);

fn row_of(cells: &[usize]) -> Option<Row> {
    Some((*cells.first()?, cells.iter().copied().map(Some).collect()))
}

/// Rows found by their 序号 cell (`at` is the 序号 column); a row starts at its 序号 line, and
/// the cells left of 序号 that a row does not repeat are left empty.
fn numbered_rows(lines: &[Line], cells: &[usize], at: usize, width: usize) -> Vec<Row> {
    let mut anchors: Vec<usize> = Vec::new();
    for (position, &index) in cells.iter().enumerate() {
        if row_number(&lines[index].text) == Some(anchors.len() as u32 + 1) {
            anchors.push(position);
        }
    }
    let after = width - at;
    let mut rows = Vec::new();
    let mut prefix: Vec<usize> = cells[..anchors.first().copied().unwrap_or(0)].to_vec();
    prefix.truncate(at);
    for (k, &anchor) in anchors.iter().enumerate() {
        let next = anchors.get(k + 1).copied();
        let end = next.unwrap_or_else(|| (anchor + after).min(cells.len()));
        let mut segment: Vec<usize> = cells[anchor..end].to_vec();
        // Cells beyond the row's width before the next 序号 are the next row's leading cells.
        let mut next_prefix = Vec::new();
        if next.is_some() && at > 0 && segment.len() > after {
            let extra = (segment.len() - after).min(at);
            next_prefix = segment.split_off(segment.len() - extra);
        }
        let leading = std::mem::take(&mut prefix);
        let mut row: Vec<Option<usize>> = vec![None; at.saturating_sub(leading.len())];
        row.extend(leading.into_iter().map(Some));
        row.extend(segment.into_iter().map(Some));
        rows.push((cells[anchor], row));
        prefix = next_prefix;
    }
    rows
}

/// Rows of an indicator table, each ending at its 属性 cell.
fn rows_ending(lines: &[Line], cells: &[usize], width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    for &index in cells {
        row.push(index);
        if is_attribute(&lines[index].text) {
            rows.extend(row_of(&row));
            row.clear();
        } else if row.len() > 2 * width {
            break;
        }
    }
    rows
}

/// Rows of as many cells as the header has.
fn fixed_rows(cells: &[usize], width: usize) -> Vec<Row> {
    cells
        .chunks(width.max(1))
        .filter(|row| row.len() == width)
        .filter_map(row_of)
        .collect()
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
                indented: false,
                marked: false,
                text: s.to_string(),
            })
            .collect()
    }

    #[test]
    fn indicator_rows_end_at_their_attribute() {
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
        assert_eq!(plain_header(&input, 1, 3).map(|h| h.span), Some(4));
        let table = parse_plain_table(&input, 1, 3);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(
            table.rows[2],
            vec!["研发投入比重（%）", "-", ">3", "约束性"]
        );
        assert_eq!(table.starts, vec![1, 5, 9]);
        assert_eq!(table.consumed, 12);
    }

    #[test]
    fn task_rows_by_their_number() {
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
        assert_eq!(
            table.rows[2],
            vec!["2", "扩大投资，", "推进项目。", "市财政局"]
        );
        assert_eq!(table.consumed, 12);
    }

    #[test]
    fn a_group_cell_left_of_the_number_goes_to_the_next_row() {
        let input = lines(&[
            "分类",
            "",
            "序号",
            "",
            "事项",
            "",
            "责任单位",
            "",
            "牵头单位",
            "",
            "发展目标",
            "",
            "1",
            "",
            "增长6.5%。",
            "",
            "区农业局、区发改局",
            "",
            "区发改局",
            "",
            "2",
            "",
            "投资增长。",
            "",
            "区发改局",
            "",
            "区发改局",
            "",
            "改革开放",
            "",
            "3",
            "",
            "深化改革。",
            "",
            "区改革办",
            "",
            "区改革办",
        ]);
        let table = parse_plain_table(&input, 0, 3);
        assert_eq!(table.rows.len(), 4);
        assert_eq!(
            table.rows[1],
            vec![
                "发展目标",
                "1",
                "增长6.5%。",
                "区农业局、区发改局",
                "区发改局"
            ]
        );
        assert_eq!(
            table.rows[2],
            vec!["", "2", "投资增长。", "区发改局", "区发改局"]
        );
        assert_eq!(
            table.rows[3],
            vec!["改革开放", "3", "深化改革。", "区改革办", "区改革办"]
        );
        assert_eq!(table.starts[1], 12);
    }
}
