//! The 名词解释 glossary: "term：definition" entries after its heading (名词解释 in any
//! heading style: bold, 附录一：名词解释, 名词解释：), numbered (1.… （1）… ①…) or not.

use super::GlossaryEntry;
use super::lines::{Kind, classify, collapse_spaces};
use super::normalize::Line;

/// Longest term of an unnumbered entry.
const MAX_TERM_CHARS: usize = 24;

/// "term：definition" split at the first colon.
fn split_entry(text: &str) -> (String, String) {
    let text = collapse_spaces(text);
    match text.find(['：', ':']) {
        Some(at) => {
            let colon = text[at..].chars().next().map_or(1, char::len_utf8);
            (
                text[..at].trim().to_string(),
                text[at + colon..].trim().to_string(),
            )
        }
        None => (text, String::new()),
    }
}

/// An unnumbered entry: a short term (no sentence in it) before a colon.
fn unnumbered_term(text: &str) -> bool {
    text.find(['：', ':']).is_some_and(|at| {
        let term = &text[..at];
        !term.is_empty()
            && term.chars().count() <= MAX_TERM_CHARS
            && !term.contains(['。', '，', '；'])
    })
}

/// Header cells of a glossary table.
const HEADER_CELLS: &[&str] = &[
    "序号", "编号", "名词", "术语", "名称", "解释", "释义", "含义", "说明",
];

/// A row of a glossary table: `Some(None)` for its header, `Some(Some((term, definition)))`
/// for an entry (a leading 序号 cell dropped), `None` for a row of another table.
fn table_entry(row: &str) -> Option<Option<(String, String)>> {
    let cells: Vec<&str> = row
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if cells
        .iter()
        .all(|c| HEADER_CELLS.iter().any(|h| c.contains(h)))
    {
        return Some(None);
    }
    let cells = match cells.split_first() {
        Some((first, rest)) if first.chars().all(|c| c.is_ascii_digit()) => rest,
        _ => &cells[..],
    };
    let (term, definition) = cells.split_first()?;
    if definition.is_empty() || term.chars().count() > MAX_TERM_CHARS {
        return None;
    }
    Some(Some((
        term.to_string(),
        collapse_spaces(&definition.join(" ")),
    )))
}

/// Glossary entries from `lines[from]` (the line after the 名词解释 heading) to the end of
/// the glossary; returns them and the number of lines used.
pub fn parse_glossary(lines: &[Line], from: usize) -> (Vec<GlossaryEntry>, usize) {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    let mut end = from;
    for (offset, line) in lines[from..].iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        if line.text.contains('\t') {
            // A glossary written as a table: 序号 | 名词 | 解释.
            let Some(row) = table_entry(&line.text) else {
                break;
            };
            if let Some((term, definition)) = row {
                let number = entries.len() as u32 + 1;
                entries.push(GlossaryEntry {
                    number,
                    term,
                    definition,
                    line: Some(line.no),
                });
            }
            end = from + offset + 1;
            continue;
        }
        let (number, text) = match classify(line) {
            Kind::Num(n) | Kind::ParenNum(n) | Kind::Circled(n) => (Some(n.number), n.rest),
            Kind::Text | Kind::Bullet(_) if unnumbered_term(&line.text) => {
                let text = line.text.trim_start_matches(['■', '●', '◆', '•', '·']);
                (None, text.to_string())
            }
            Kind::Text if !entries.is_empty() => {
                if let Some(last) = entries.last_mut() {
                    last.definition.push_str(&collapse_spaces(&line.text));
                }
                end = from + offset + 1;
                continue;
            }
            _ => break,
        };
        let (term, definition) = split_entry(&text);
        let number = number.unwrap_or(entries.len() as u32 + 1);
        entries.push(GlossaryEntry {
            number,
            term,
            definition,
            line: Some(line.no),
        });
        end = from + offset + 1;
    }
    (entries, end - from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_terms_with_both_dot_styles() {
        let lines: Vec<Line> = [
            "1.“三高四新”美好蓝图：2020年9月，考察。",
            "3．工业经济增长“第二曲线”：在传统工业动能减弱时。",
            "续行。",
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
        let (entries, used) = parse_glossary(&lines, 0);
        assert_eq!(used, 3);
        assert_eq!(entries[0].term, "“三高四新”美好蓝图");
        assert_eq!(entries[0].definition, "2020年9月，考察。");
        assert_eq!(entries[1].number, 3);
        assert_eq!(entries[1].definition, "在传统工业动能减弱时。续行。");
        assert_eq!(entries[1].line, Some(2));
    }

    #[test]
    fn unnumbered_terms() {
        let lines: Vec<Line> = [
            "新型基础设施：以新发展理念为引领的基础设施体系。",
            "“双碳”目标：碳达峰、碳中和。",
            "一、附则",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            boxed: false,
            no: i + 10,
            indented: false,
            marked: false,
            text: t.to_string(),
        })
        .collect();
        let (entries, used) = parse_glossary(&lines, 0);
        assert_eq!(used, 2);
        assert_eq!(entries[1].term, "“双碳”目标");
        assert_eq!(entries[1].number, 2);
    }
}
