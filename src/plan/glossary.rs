//! The 名词解释 glossary: "term：definition" entries after its heading (名词解释 in any
//! heading style: bold, 附录一：名词解释, 名词解释：), numbered (1.… （1）… ①…) or not.

use super::GlossaryEntry;
use super::lines::{Kind, classify, collapse_spaces, decimal_like_number};
use super::normalize::Line;

/// Longest term of an unnumbered entry.
const MAX_TERM_CHARS: usize = 24;

/// "term：definition" split at the first colon; else at a dash ("term——definition") or, for a
/// short term, at the first full stop ("碳达峰。指…"); else the whole text is the term.
fn split_entry(text: &str) -> (String, String) {
    let text = collapse_spaces(text);
    let split = |at: usize, separator: &str| {
        (
            text[..at].trim().to_string(),
            text[at + separator.len()..].trim().to_string(),
        )
    };
    if let Some(at) = text.find('：') {
        return split(at, "：");
    }
    if let Some(at) = text.find(':') {
        return split(at, ":");
    }
    if let Some(at) = text.find("——").filter(|&at| at > 0) {
        return split(at, "——");
    }
    match text.find('。') {
        Some(at) if short_term(&text[..at]) && at + '。'.len_utf8() < text.len() => {
            split(at, "。")
        }
        _ => (text, String::new()),
    }
}

/// A term: short, no sentence in it.
fn short_term(term: &str) -> bool {
    !term.is_empty() && term.chars().count() <= MAX_TERM_CHARS && !term.contains(['。', '，', '；'])
}

/// A heading that groups the entries below it (一、经济发展类) rather than ending the glossary:
/// a short heading with entries after it.
fn groups_entries(lines: &[Line], index: usize) -> bool {
    let kind = classify(&lines[index]);
    let heading = match &kind {
        Kind::CnEnum(n)
        | Kind::ParenCn(n)
        | Kind::Part(n)
        | Kind::Chapter(n)
        | Kind::Section(n) => {
            n.rest.chars().count() <= MAX_TERM_CHARS && !n.rest.contains(['：', ':', '。'])
        }
        _ => false,
    };
    heading
        && lines[index + 1..]
            .iter()
            .find(|l| !l.is_blank())
            .is_some_and(|next| match classify(next) {
                Kind::Num(_) | Kind::ParenNum(_) | Kind::Circled(_) => true,
                Kind::Text => unnumbered_term(&next.text),
                _ => false,
            })
}

/// An unnumbered entry: a short term (no sentence in it) before a colon.
fn unnumbered_term(text: &str) -> bool {
    text.find(['：', ':'])
        .is_some_and(|at| short_term(&text[..at]))
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
        if groups_entries(lines, from + offset) {
            end = from + offset + 1;
            continue;
        }
        // "7．15分钟…服务圈。": a term that starts with a figure reads like a decimal; it is
        // the next entry when its number follows the last one's.
        let next = entries.last().map_or(1, |e| e.number + 1);
        let decimal = decimal_like_number(&line.text).filter(|n| n.number == next);
        let kind = match (classify(line), decimal) {
            (Kind::Text, Some(n)) => Kind::Num(n),
            (kind, _) => kind,
        };
        let (number, text) = match kind {
            Kind::Num(n) | Kind::ParenNum(n) | Kind::Circled(n) => (Some(n.number), n.rest),
            // "一、碳达峰：…": numbered like a heading, written like an entry.
            Kind::CnEnum(n) | Kind::ParenCn(n) if unnumbered_term(&n.rest) => {
                (Some(n.number), n.rest)
            }
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
    fn entries_in_groups_and_other_separators() {
        let lines: Vec<Line> = [
            "一、经济发展",
            "1.碳达峰。指二氧化碳排放量达到峰值。",
            "2.“双碳”——碳达峰、碳中和。",
            "二、社会民生",
            "（1）一老一小：老年人和婴幼儿。",
            "二、下一部分",
            "正文继续。",
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
        let terms: Vec<&str> = entries.iter().map(|e| e.term.as_str()).collect();
        assert_eq!(terms, vec!["碳达峰", "“双碳”", "一老一小"]);
        assert_eq!(entries[0].definition, "指二氧化碳排放量达到峰值。");
        assert_eq!(used, 5);
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
