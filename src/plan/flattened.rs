//! Texts whose paragraphs were flattened into a few very long lines (web copies that lost
//! their line breaks): such a line is split before each numbering or heading that follows
//! the end of a sentence, so the rest of the importer sees one paragraph per line again.

use super::Warning;
use super::normalize::Line;
use super::patterns::FLATTENED_BREAK;

/// A line this long is not one paragraph of an official document.
const FLATTENED_MIN_CHARS: usize = 1000;
/// Fewer break points than this: a long paragraph, left alone.
const MIN_BREAKS: usize = 3;

/// Byte offsets where a flattened line breaks: before a numbering ("二、", "（三）", "4.",
/// "专栏5", "第六章") that follows a sentence end or a space, and not before a decimal.
fn break_points(text: &str) -> Vec<usize> {
    FLATTENED_BREAK
        .captures_iter(text)
        .filter_map(|caps| {
            let label = caps.get(1)?;
            let next = text[label.end()..].chars().next();
            (!next.is_some_and(|c| c.is_ascii_digit())).then_some(label.start())
        })
        .collect()
}

/// Split every flattened line into paragraphs (they keep the line's number).
pub fn split_flattened(lines: Vec<Line>, warnings: &mut Vec<Warning>) -> Vec<Line> {
    if !lines.iter().any(|l| l.text.len() > FLATTENED_MIN_CHARS * 3) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.text.len() <= FLATTENED_MIN_CHARS * 3
            || line.text.chars().count() <= FLATTENED_MIN_CHARS
        {
            out.push(line);
            continue;
        }
        let points = break_points(&line.text);
        if points.len() < MIN_BREAKS {
            out.push(line);
            continue;
        }
        warnings.push(Warning {
            line: Some(line.no),
            message: format!(
                "a flattened line of {} characters was split on its numbering into {} paragraphs",
                line.text.chars().count(),
                points.len() + 1
            ),
        });
        let mut start = 0;
        for at in points.into_iter().chain(std::iter::once(line.text.len())) {
            let piece = line.text[start..at].trim();
            if !piece.is_empty() {
                out.push(Line {
                    boxed: line.boxed,
                    no: line.no,
                    indented: false,
                    text: piece.to_string(),
                    marked: false,
                });
            }
            start = at;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flattened_line_splits_on_its_numbering() {
        let filler = "推进各项工作落实见效，".repeat(120);
        let text = format!(
            "一、总体要求 {filler}。二、重点任务 （一）稳定增长。1.扩大投资。{filler}（责任单位：市发改委）2.促进消费，增长2.5个百分点。专栏1 重点工程 内容。"
        );
        let lines = vec![Line {
            boxed: false,
            no: 7,
            indented: false,
            text,
            marked: false,
        }];
        let mut warnings = Vec::new();
        let out = split_flattened(lines, &mut warnings);
        let starts: Vec<String> = out
            .iter()
            .map(|l| l.text.chars().take(4).collect())
            .collect();
        assert_eq!(
            starts,
            vec![
                "一、总体",
                "二、重点",
                "（一）稳",
                "1.扩大",
                "2.促进",
                "专栏1 "
            ]
        );
        assert!(out.iter().all(|l| l.no == 7));
        assert_eq!(warnings.len(), 1);
    }
}
