//! Document metadata from the first page: title, issuer, document number, issue date, and
//! the year that month-level deadlines ("6月底前") belong to.
//!
//! The title is the first heading-like line (short, no sentence punctuation) that names a
//! document type (规划, 方案, 意见, 措施, 要点, 报告, 通知 …), possibly written over two or three
//! lines and followed by its period (（2021—2025年）). A notice that only publishes another
//! document (关于印发《X》的通知) gives way to X, the document it publishes.

use super::lines::collapse_spaces;
use super::normalize::Line;
use super::patterns::{DATE, DOC_NUMBER, YEAR_HEADER};
use chrono::{Datelike, NaiveDate};

/// How far into the text the first page's metadata is looked for.
const FRONT_LINES: usize = 80;
/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 80;
/// Words a document's name ends with (GB/T 9704 document types and the usual plan names).
const DOCUMENT_WORDS: &[&str] = &[
    "规划纲要",
    "规划",
    "方案",
    "纲要",
    "计划",
    "意见",
    "措施",
    "举措",
    "办法",
    "细则",
    "要点",
    "报告",
    "通知",
    "通报",
    "通告",
    "公告",
    "决定",
    "决议",
    "规定",
    "条例",
    "指南",
    "指引",
    "清单",
    "分工",
    "安排",
    "任务",
    "分解",
    "实事",
    "台账",
    "一览表",
    "分解表",
];
/// What a notice that publishes another document says before that document's name.
const WRAPPER_VERBS: &[&str] = &["印发", "转发", "批转", "发布", "下达"];
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

/// The 1-based source line of a line index.
fn line_no(lines: &[Line], index: usize) -> Option<usize> {
    lines.get(index).map(|l| l.no)
}

/// Strip a trailing bracketed period or status: （2021—2025年）, （试行）, (征求意见稿).
fn without_trailing_brackets(text: &str) -> &str {
    let mut text = text.trim();
    while text.ends_with(['）', ')']) {
        let Some(open) = text.rfind(['（', '(']) else {
            break;
        };
        text = text[..open].trim_end();
    }
    text
}

pub fn names_document(text: &str) -> bool {
    let core = without_trailing_brackets(text).trim_end_matches(['》', '”']);
    DOCUMENT_WORDS.iter().any(|w| core.ends_with(w))
}

/// A line that can be (part of) a title: short, no sentence, not a document number, date,
/// numbered heading, salutation or annex mark.
fn is_heading_like(text: &str) -> bool {
    let squashed: String = text.split_whitespace().collect();
    // A short table header cell (重点任务, 牵头单位) is not a title.
    let header_cell =
        squashed.chars().count() <= 4 && super::columns::column_of(&squashed).is_some();
    squashed.chars().filter(|c| c.is_alphanumeric()).count() >= 3
        && squashed.chars().count() <= MAX_TITLE_CHARS
        && !header_cell
        && !squashed.contains(['。', '；', '！', '？', '，', ';', '!', '?', ',', '：', ':'])
        && !squashed.ends_with('.')
        && !DOC_NUMBER.is_match(&squashed)
        && !DATE.is_match(&squashed)
        && !squashed.starts_with("附件")
        && !squashed.starts_with(['（', '(', '—', '-', '－'])
        && !super::patterns::HEADING_LIKE.is_match(&squashed)
        && dated_year(&squashed).is_none()
}

/// The document a notice publishes: 关于印发《X》的通知 → X, 关于印发X的通知 → X,
/// 关于印发2023年区《政府工作报告》确定的…方案的通知 → 2023年区《政府工作报告》确定的…方案.
fn published_document(notice: &str) -> Option<String> {
    let core = without_trailing_brackets(notice).strip_suffix("的通知")?;
    let at = WRAPPER_VERBS
        .iter()
        .filter_map(|v| core.find(v).map(|i| i + v.len()))
        .min()?;
    let inner = &core[at..];
    if let Some(quoted) = inner.strip_prefix('《') {
        let close = quoted.find('》')?;
        let name = &quoted[..close];
        return (name.chars().count() >= 4).then(|| name.to_string());
    }
    (inner.chars().count() >= 4).then(|| inner.to_string())
}

/// A title starting at `front[i]`, joined with up to two following lines: (title, index of
/// its last line in `front`).
fn title_at(front: &[(usize, &str)], i: usize) -> Option<(String, usize)> {
    let mut joined = String::new();
    for (j, (_, text)) in front.iter().enumerate().skip(i).take(3) {
        if !is_heading_like(text) {
            break;
        }
        joined.push_str(&text.split_whitespace().collect::<String>());
        if joined.chars().count() > MAX_TITLE_CHARS {
            break;
        }
        // A period on the next line: （2021—2025年）
        let period = front
            .get(j + 1)
            .map(|(_, t)| t.split_whitespace().collect::<String>())
            .filter(|t| is_period(t));
        if names_document(&joined) {
            return Some(match period {
                Some(p) => (format!("{joined}{p}"), j + 1),
                None => (joined, j),
            });
        }
    }
    None
}

/// （2021—2025年）, （2024-2026年）, （试行）
fn is_period(text: &str) -> bool {
    let status = ["试行", "暂行", "征求意见稿", "修订", "草案", "送审稿"];
    text.starts_with(['（', '('])
        && text.ends_with(['）', ')'])
        && text.chars().count() <= 16
        && (text.chars().any(|c| c.is_ascii_digit()) || status.iter().any(|w| text.contains(w)))
}

/// Find the title: the first heading-like line(s) naming a document; a publishing notice
/// yields the document it publishes.
fn find_title(lines: &[Line], front: &[(usize, &str)], meta: &mut Meta) {
    let mut i = 0;
    while i < front.len() {
        let Some((title, last)) = title_at(front, i) else {
            i += 1;
            continue;
        };
        let cut_notice = WRAPPER_VERBS
            .iter()
            .any(|v| title.contains(&format!("关于{v}")))
            && !without_trailing_brackets(&title).ends_with("通知");
        meta.front_lines
            .extend(front[i..=last].iter().map(|(index, _)| *index));
        if cut_notice {
            // A notice title cut short ("关于印发2023年区《政府工作报告》"): not the title.
            i = last + 1;
            continue;
        }
        if let Some(inner) = published_document(&title) {
            // The published document's own title line(s), when repeated below the notice.
            let key = squash_key(&inner);
            let repeated = (last + 1..front.len()).find_map(|k| {
                let (t, end) = title_at(front, k)?;
                (squash_key(&t).starts_with(&key) || key.starts_with(&squash_key(&t)))
                    .then_some((k, end, t))
            });
            match repeated {
                Some((k, end, t)) => {
                    meta.front_lines
                        .extend(front[k..=end].iter().map(|(index, _)| *index));
                    meta.title_line = line_no(lines, front[k].0);
                    meta.body_start = front[k].0;
                    meta.title = Some(if t.len() > inner.len() { t } else { inner });
                }
                None => {
                    meta.title_line = line_no(lines, front[i].0);
                    meta.title = Some(inner);
                }
            }
            return;
        }
        meta.title_line = line_no(lines, front[i].0);
        meta.body_start = front[i].0;
        meta.title = Some(title);
        return;
    }
    // No line names a document type: the first heading-like line at the top.
    if let Some((index, text)) = front.iter().take(3).find(|(_, t)| is_heading_like(t)) {
        meta.title = Some(text.split_whitespace().collect());
        meta.title_line = line_no(lines, *index);
        meta.front_lines.push(*index);
    }
}

fn squash_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Read the metadata from the start of the text.
pub fn parse_meta(lines: &[Line]) -> Meta {
    let front = front(lines);
    let mut meta = Meta::default();
    find_title(lines, &front, &mut meta);
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
fn dated_year(text: &str) -> Option<i32> {
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
