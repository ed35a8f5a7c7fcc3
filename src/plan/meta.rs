//! Plan metadata from the first page: title, issuer, document number, issue date.

use super::lines::collapse_spaces;
use super::normalize::Line;
use super::patterns::{DATE, DOC_NUMBER};
use chrono::NaiveDate;

/// How far into the text the first page's metadata is looked for.
const FRONT_LINES: usize = 80;
const PLAN_WORDS: &[&str] = &["规划纲要", "规划", "方案", "纲要", "计划", "意见"];
const ISSUER_SUFFIXES: &[&str] = &["政府", "委员会", "办公厅", "办公室", "厅", "局", "委"];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
}

fn front(lines: &[Line]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.is_empty())
        .take(FRONT_LINES)
        .collect()
}

fn is_title_like(text: &str) -> bool {
    text.chars().count() <= 60
        && !DOC_NUMBER.is_match(&text.replace(' ', ""))
        && !text.contains(['。', '，', '、', '；', '：', ':'])
        && !text.contains("通知")
        && !text.contains("印发")
        && !text.contains("关于")
}

fn ends_with_plan_word(text: &str) -> bool {
    PLAN_WORDS.iter().any(|w| text.ends_with(w))
}

/// Read the metadata from the start of the text.
pub fn parse_meta(lines: &[Line]) -> Meta {
    let front = front(lines);
    let mut meta = Meta::default();
    for (i, text) in front.iter().enumerate() {
        let text = collapse_spaces(text);
        if meta.doc_number.is_none() && DOC_NUMBER.is_match(&text.replace(' ', "")) {
            meta.doc_number = Some(text.replace(' ', ""));
        }
        if meta.issued_on.is_none()
            && let Some(date) = parse_date(&text)
        {
            meta.issued_on = Some(date);
            meta.issuer = i.checked_sub(1).and_then(|p| issuer_name(front[p]));
        }
        if meta.title.is_none() && is_title_like(&text) {
            if ends_with_plan_word(&text) {
                meta.title = Some(text.replace(' ', ""));
            } else if let Some(next) = front.get(i + 1) {
                let joined = format!("{text}{}", collapse_spaces(next)).replace(' ', "");
                if is_title_like(&joined) && ends_with_plan_word(&joined) {
                    meta.title = Some(joined);
                }
            }
        }
    }
    if meta.issuer.is_none() {
        meta.issuer = parenthesised_issuer(&front);
    }
    meta
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let caps = DATE.captures(text)?;
    let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(number(1)?).ok()?, number(2)?, number(3)?)
}

fn issuer_name(text: &str) -> Option<String> {
    let text = text.trim();
    (text.chars().count() <= 30 && ISSUER_SUFFIXES.iter().any(|s| text.ends_with(s)))
        .then(|| text.to_string())
}

/// "(市发展和改革委员会)" under the title names the drafting body.
fn parenthesised_issuer(front: &[&str]) -> Option<String> {
    front.iter().take(10).find_map(|text| {
        let inner = text.strip_prefix(['(', '（'])?.strip_suffix([')', '）'])?;
        issuer_name(inner)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                indented: false,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn notice_front_page() {
        let meta = parse_meta(&lines(&[
            "湖南省人民政府关于",
            "印发《湖南省深入推进以人为本的新型城镇化",
            "战略五年行动计划实施方案》的通知",
            "湘政发〔2024〕15号",
            "各市州、县市区人民政府：",
            "湖南省人民政府",
            "2024年11月30日",
            "湖南省深入推进以人为本的新型城镇化",
            "战略五年行动计划实施方案",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("湖南省深入推进以人为本的新型城镇化战略五年行动计划实施方案")
        );
        assert_eq!(meta.issuer.as_deref(), Some("湖南省人民政府"));
        assert_eq!(meta.doc_number.as_deref(), Some("湘政发〔2024〕15号"));
        assert_eq!(meta.issued_on, NaiveDate::from_ymd_opt(2024, 11, 30));
    }

    #[test]
    fn document_number_line_is_not_part_of_the_title() {
        let meta = parse_meta(&lines(&[
            "湘政发〔2024〕15号",
            "某市“十四五”新型城镇化规划",
            "正文。",
        ]));
        assert_eq!(meta.title.as_deref(), Some("某市“十四五”新型城镇化规划"));
        assert_eq!(meta.doc_number.as_deref(), Some("湘政发〔2024〕15号"));
    }

    #[test]
    fn title_split_over_two_lines_without_notice() {
        let meta = parse_meta(&lines(&[
            "湖南省国民经济和社会发展",
            "第十五个五年规划纲要",
            "正文。",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("湖南省国民经济和社会发展第十五个五年规划纲要")
        );
        assert_eq!(meta.issuer, None);
    }
}
