//! Document metadata from the first page: title, issuer, document number, issue date, and
//! the year that month-level deadlines ("6月底前") belong to.
//!
//! The title is found by `title.rs`.

use super::lines::collapse_spaces;
use super::normalize::Line;
use super::patterns::{DATE, DOC_NUMBER, YEAR_HEADER};
use chrono::{Datelike, NaiveDate};

/// How far into the text the first page's metadata is looked for.
const FRONT_LINES: usize = 80;
const ISSUER_SUFFIXES: &[&str] = &["政府", "委员会", "办公厅", "办公室", "厅", "局", "委"];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// Line number (1-based) of the title's first line.
    pub title_line: Option<usize>,
    /// Index of the line where the document itself starts: its title, after a notice that
    /// publishes it (the notice's own paragraphs are not the document's).
    pub body_start: usize,
    /// Indices (in the line list) of every line the title and its notice were read from.
    pub front_lines: Vec<usize>,
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// The year a date without a year belongs to: issue date, document number, or the
    /// first year the title names.
    pub year: Option<i32>,
}

/// Non-blank lines of the first page, with their index in `lines`.
fn front(lines: &[Line]) -> Vec<(usize, &str)> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .map(|(i, l)| (i, l.text.as_str()))
        .take(FRONT_LINES)
        .collect()
}

/// Read the metadata from the start of the text.
pub fn parse_meta(lines: &[Line]) -> Meta {
    let front = front(lines);
    let mut meta = Meta::default();
    super::title::find_title(lines, &front, &mut meta);
    for (i, (_, text)) in front.iter().enumerate() {
        let text = collapse_spaces(text);
        if meta.doc_number.is_none() && DOC_NUMBER.is_match(&text.replace(' ', "")) {
            meta.doc_number = Some(text.replace(' ', ""));
        }
        if meta.issued_on.is_none()
            && let Some(date) = parse_date(&text)
        {
            meta.issued_on = Some(date);
            meta.issuer = i.checked_sub(1).and_then(|p| issuer_name(front[p].1));
        }
    }
    if meta.issuer.is_none() {
        meta.issuer = parenthesised_issuer(&front);
    }
    meta.year = meta
        .issued_on
        .map(|d| d.year())
        .or_else(|| meta.doc_number.as_deref().and_then(first_year))
        .or_else(|| meta.title.as_deref().and_then(first_year))
        .or_else(|| front.iter().take(10).find_map(|(_, t)| dated_year(t)));
    meta
}

fn first_year(text: &str) -> Option<i32> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = digits.parse().ok()?;
    (1990..=2100).contains(&year).then_some(year)
}

/// The year of a full date written in a line ("——2024年1月25日在…会议上").
pub fn dated_year(text: &str) -> Option<i32> {
    let caps = YEAR_HEADER.captures(text)?;
    let at = caps.get(0)?.end();
    let rest = &text[at..];
    let month_follows = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
        && rest.contains('月')
        && rest.contains('日');
    month_follows
        .then(|| caps.get(1)?.as_str().parse().ok())
        .flatten()
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
fn parenthesised_issuer(front: &[(usize, &str)]) -> Option<String> {
    front.iter().take(10).find_map(|(_, text)| {
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
                boxed: false,
                no: i + 1,
                indented: false,
                marked: false,
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

    #[test]
    fn any_document_type_with_its_period() {
        let meta = parse_meta(&lines(&[
            "某市数字经济发展行动计划",
            "（2024—2026年）",
            "正文。",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("某市数字经济发展行动计划（2024—2026年）")
        );
        assert_eq!(meta.year, Some(2024));
        let meta = parse_meta(&lines(&[
            "政府工作报告",
            "——2024年1月25日在某市第十七届人民代表大会第四次会议上",
            "各位代表：",
        ]));
        assert_eq!(meta.title.as_deref(), Some("政府工作报告"));
        assert_eq!(meta.year, Some(2024));
        let meta = parse_meta(&lines(&[
            "国务院关于促进服务消费高质量发展的意见",
            "国发〔2024〕18号",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("国务院关于促进服务消费高质量发展的意见")
        );
        assert_eq!(meta.year, Some(2024));
    }

    #[test]
    fn publishing_notice_gives_way_to_its_annex() {
        let meta = parse_meta(&lines(&[
            "某市人民政府办公室关于印发《某市2024年重点工作任务分工方案》的通知",
            "某政办发〔2024〕3号",
            "各县市区人民政府：",
            "现将《某市2024年重点工作任务分工方案》印发给你们，请认真贯彻落实。",
            "附件",
            "某市2024年重点工作任务分工方案",
            "一、总体要求",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("某市2024年重点工作任务分工方案")
        );
        assert_eq!(meta.title_line, Some(6));
    }

    #[test]
    fn a_quoted_report_inside_the_published_title() {
        let meta = parse_meta(&lines(&[
            "区人民政府办公室关于印发2023年区《政府工作报告》确定的主要目标任务责任分解方案的通知",
            "正文。",
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("2023年区《政府工作报告》确定的主要目标任务责任分解方案")
        );
    }

    #[test]
    fn prose_has_no_title() {
        let meta = parse_meta(&lines(&[
            "今天天气很好，我们去公园散步。",
            "Some plain English prose, too.",
        ]));
        assert_eq!(meta.title, None);
    }
}
