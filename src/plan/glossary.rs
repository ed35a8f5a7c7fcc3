//! The 名词解释 glossary: numbered "term：definition" entries after its heading.

use super::GlossaryEntry;
use super::lines::{Kind, classify, collapse_spaces};
use super::normalize::Line;

/// Glossary entries from `lines[from]` (the line after the 名词解释 heading) to the end of
/// the glossary; returns them and the number of lines used.
pub fn parse_glossary(lines: &[Line], from: usize) -> (Vec<GlossaryEntry>, usize) {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    let mut end = from;
    for (offset, line) in lines[from..].iter().enumerate() {
        if line.text.is_empty() {
            continue;
        }
        match classify(line) {
            Kind::Num(n) => {
                let text = collapse_spaces(&n.rest);
                let (term, definition) = match text.find(['：', ':']) {
                    Some(at) => {
                        let colon = text[at..].chars().next().map_or(1, char::len_utf8);
                        (
                            text[..at].trim().to_string(),
                            text[at + colon..].trim().to_string(),
                        )
                    }
                    None => (text.clone(), String::new()),
                };
                entries.push(GlossaryEntry {
                    number: n.number,
                    term,
                    definition,
                });
            }
            Kind::Text if !entries.is_empty() => {
                if let Some(last) = entries.last_mut() {
                    last.definition.push_str(&collapse_spaces(&line.text));
                }
            }
            _ => break,
        }
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
            no: i + 1,
            indented: false,
            text: t.to_string(),
        })
        .collect();
        let (entries, used) = parse_glossary(&lines, 0);
        assert_eq!(used, 3);
        assert_eq!(entries[0].term, "“三高四新”美好蓝图");
        assert_eq!(entries[0].definition, "2020年9月，考察。");
        assert_eq!(entries[1].number, 3);
        assert_eq!(entries[1].definition, "在传统工业动能减弱时。续行。");
    }
}
