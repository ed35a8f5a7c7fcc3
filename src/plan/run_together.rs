//! Indicator rows whose cells ran together on one line, as web copies that lost a table's
//! cell boundaries give them: `城镇化率（%）58.7665预期性` is the name (with its unit), the
//! baseline 58.76, the target 65 and the attribute. The values are read as written where
//! something separates them (a bracket, a dash, a comparison sign); two numbers glued
//! together are split where the two halves are closest in size (a target is of the same
//! order as its baseline: 58.76 and 65, not 58.7 and 665).

use super::normalize::Line;
use super::patterns::RUN_TOGETHER_ROW;
use super::patterns::YEAR_HEADER;
use super::tables::TableBlock;

/// Whether a line is an indicator row run together.
pub fn is_run_together_row(line: &Line) -> bool {
    !line.indented
        && (line.text.ends_with("预期性") || line.text.ends_with("约束性"))
        && RUN_TOGETHER_ROW.is_match(&line.text)
}

/// The value tokens of a glued value string: bracketed values, dashes, numbers.
fn tokens(values: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut depth = 0;
    for c in values.chars() {
        match c {
            '[' | '［' | '〔' => {
                if depth == 0 && !current.is_empty() && !is_sign(&current) {
                    tokens.push(std::mem::take(&mut current));
                }
                depth += 1;
                current.push(c);
            }
            ']' | '］' | '〕' => {
                current.push(c);
                depth -= 1;
                if depth == 0 {
                    tokens.push(std::mem::take(&mut current));
                }
            }
            '—' | '-' | '－' if depth == 0 => {
                if !current.is_empty() {
                    tokens.push(std::mem::take(&mut current));
                }
                tokens.push(c.to_string());
            }
            '>' | '<' | '＞' | '＜' | '≥' | '≤' if depth == 0 => {
                if !current.is_empty() && !is_sign(&current) {
                    tokens.push(std::mem::take(&mut current));
                }
                current.push(c);
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens
}

fn is_sign(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '>' | '<' | '＞' | '＜' | '≥' | '≤'))
}

fn number(text: &str) -> Option<f64> {
    // "05" is no number; "0.5" is.
    let leading_zero = text.len() > 1 && text.starts_with('0') && !text.starts_with("0.");
    let valid = !text.is_empty() && !text.starts_with('.') && !text.ends_with('.') && !leading_zero;
    valid
        .then(|| text.parse().ok())
        .flatten()
        .filter(|v: &f64| *v > 0.0)
}

/// Two numbers glued together ("58.7665"): split where the halves are closest in size.
fn split_glued(digits: &str) -> Option<(String, String)> {
    (1..digits.len())
        .filter_map(|at| {
            let (a, b) = (&digits[..at], &digits[at..]);
            let ratio = (number(a)? / number(b)?).ln().abs();
            Some((ratio, a, b))
        })
        .min_by(|x, y| x.0.total_cmp(&y.0))
        .map(|(_, a, b)| (a.to_string(), b.to_string()))
}

/// The cells of a run-together row: name, baseline, target, attribute.
pub fn row_cells(text: &str) -> Option<Vec<String>> {
    let caps = RUN_TOGETHER_ROW.captures(text)?;
    let name = caps.name("name")?.as_str().trim().to_string();
    let values = caps.name("values")?.as_str();
    let attribute = caps.name("attribute")?.as_str().to_string();
    let mut values = tokens(values);
    if values.len() == 1 && values[0].chars().all(|c| c.is_ascii_digit() || c == '.') {
        let (a, b) = split_glued(&values[0])?;
        values = vec![a, b];
    }
    let (baseline, target) = match values.as_slice() {
        [target] => (String::new(), target.clone()),
        [baseline, .., target] => (baseline.clone(), target.clone()),
        [] => return None,
    };
    Some(vec![name, baseline, target, attribute])
}

/// A block of run-together rows starting at `lines[start]`, with a header: the years of the
/// line before it when it names them (指标名称2020年2025年属性), else none.
pub fn parse_run_together(lines: &[Line], start: usize) -> TableBlock {
    let years: Vec<String> = start
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .map(|l| {
            YEAR_HEADER
                .find_iter(&l.text)
                .map(|m| m.as_str().to_string())
                .collect()
        })
        .unwrap_or_default();
    let year = |i: usize, fallback: &str| years.get(i).cloned().unwrap_or(fallback.to_string());
    let header = vec![
        "指标名称".to_string(),
        year(0, "基期"),
        year(1, "目标"),
        "属性".to_string(),
    ];
    let mut table = TableBlock {
        rows: vec![header],
        starts: vec![start],
        consumed: 0,
    };
    for (index, line) in lines.iter().enumerate().skip(start) {
        if line.is_blank() {
            continue;
        }
        let Some(cells) = row_cells(&line.text).filter(|_| is_run_together_row(line)) else {
            break;
        };
        table.rows.push(cells);
        table.starts.push(index);
        table.consumed = index + 1 - start;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<String> {
        row_cells(text).unwrap_or_default()
    }

    #[test]
    fn glued_numbers_split_where_they_are_closest() {
        assert_eq!(
            cells("城镇化率（%）58.7665预期性"),
            vec!["城镇化率（%）", "58.76", "65", "预期性"]
        );
        assert_eq!(
            cells("常住人口城镇化率（%）71.2680约束性"),
            vec!["常住人口城镇化率（%）", "71.26", "80", "约束性"]
        );
        assert_eq!(
            cells("城镇新增就业人数（万人）[385]＞[325]预期性"),
            vec!["城镇新增就业人数（万人）", "[385]", "＞[325]", "预期性"]
        );
        assert_eq!(
            cells("新增建设用地（平方公里）—＜604约束性"),
            vec!["新增建设用地（平方公里）", "—", "＜604", "约束性"]
        );
        assert_eq!(
            cells("累计造林面积（万亩）〔120〕〔150〕约束性")[2],
            "〔150〕"
        );
    }

    #[test]
    fn a_block_of_rows_with_its_years() {
        let lines: Vec<Line> = [
            "指标名称2020年2025年属性",
            "城镇化率（%）58.7665预期性",
            "研发投入强度（%）2.12.5预期性",
            "正文。",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            boxed: false,
            no: i + 1,
            indented: false,
            marked: false,
            text: t.to_string(),
        })
        .collect();
        assert!(is_run_together_row(&lines[1]));
        let table = parse_run_together(&lines, 1);
        assert_eq!(table.rows[0], vec!["指标名称", "2020年", "2025年", "属性"]);
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.rows[2][1..3], ["2.1".to_string(), "2.5".to_string()]);
        assert_eq!(table.consumed, 2);
    }
}
