//! The title of a text: the first heading-like line (short, no sentence punctuation) that
//! names a document type (规划, 方案, 意见, 措施, 要点, 报告, 通知 …), possibly written over two or
//! three lines and followed by its period (（2021—2025年）).
//!
//! - A notice that only publishes another document (关于印发《X》的通知), or asks the public
//!   to comment on it (关于《X》征求意见的公告), gives way to X, the document it is about.
//! - An annex label before the title on the same line (附件2：X) is not part of it.
//! - In a web page rendered as Markdown, the page's own headings (`#` lines, bold lines) are
//!   read first: the site's menus and search boxes around them are plain lines.
//! - A text that names no document but starts with a 篇 or 章 heading (a part of a longer
//!   document) is titled by that heading.

use super::lines::collapse_spaces;
use super::meta::{Meta, dated_year};
use super::normalize::Line;
use super::patterns::{CHAPTER, DATE, DOC_NUMBER, HEADING_LIKE, PART};

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
/// What a notice asking for comments on a document says after its name (关于《X》征求意见的公告).
const CONSULTATION_VERBS: &[&str] = &["征求", "征询"];
/// How a notice's title ends.
const NOTICE_ENDINGS: &[&str] = &["的通知", "的公告", "的通告"];

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

fn names_document(text: &str) -> bool {
    let core = without_trailing_brackets(text).trim_end_matches(['》', '”']);
    DOCUMENT_WORDS.iter().any(|w| core.ends_with(w))
}

/// "附件2：X", "附件 X" → "X": the annex label before a title on the same line.
fn without_annex_label(text: &str) -> &str {
    let Some(rest) = text.trim().strip_prefix("附件") else {
        return text;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    match rest.strip_prefix(['：', ':']) {
        Some(title) => title.trim(),
        None => text,
    }
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
        && !HEADING_LIKE.is_match(&squashed)
        && dated_year(&squashed).is_none()
}

/// The document a notice is about: 关于印发《X》的通知 → X, 关于印发X的通知 → X,
/// 关于印发2023年区《政府工作报告》确定的…方案的通知 → 2023年区《政府工作报告》确定的…方案,
/// 关于《X》征询公众意见的公告 → X.
fn published_document(notice: &str) -> Option<String> {
    let trimmed = without_trailing_brackets(notice);
    let quoted = |text: &str| -> Option<(String, usize)> {
        let open = text.find('《')?;
        let close = text[open..].find('》')? + open;
        let name = &text[open + '《'.len_utf8()..close];
        (name.chars().count() >= 4).then(|| (name.to_string(), close))
    };
    // "公开征求对《X》的意见": the call for comments names X before it asks.
    if let Some(core) = trimmed
        .strip_suffix("的意见")
        .or_else(|| trimmed.strip_suffix("意见"))
        && let Some((name, close)) = quoted(core)
        && CONSULTATION_VERBS.iter().any(|v| core[..close].contains(v))
    {
        return Some(name);
    }
    let core = NOTICE_ENDINGS
        .iter()
        .find_map(|ending| trimmed.strip_suffix(ending))?;
    if let Some((name, close)) = quoted(core)
        && CONSULTATION_VERBS.iter().any(|v| core[close..].contains(v))
    {
        return Some(name);
    }
    // "《X》的通知" alone: the second line of a notice's title ("…关于印发" / "《X》的通知").
    if core.starts_with('《') && core.ends_with('》') {
        return quoted(core).map(|(name, _)| name);
    }
    let at = WRAPPER_VERBS
        .iter()
        .filter_map(|v| core.find(v).map(|i| i + v.len()))
        .min()?;
    let inner = &core[at..];
    if inner.starts_with('《') {
        return quoted(inner).map(|(name, _)| name);
    }
    (inner.chars().count() >= 4).then(|| inner.to_string())
}

/// A title starting at `front[i]`, joined with up to two following lines (marked ones only
/// when `marked_only`): (title, index of its last line in `front`).
fn title_at(
    lines: &[Line],
    front: &[(usize, &str)],
    i: usize,
    marked_only: bool,
) -> Option<(String, usize)> {
    let mut joined = String::new();
    for (j, (index, text)) in front.iter().enumerate().skip(i).take(3) {
        let text = if j == i {
            without_annex_label(text)
        } else {
            text
        };
        if !is_heading_like(text) || marked_only && !lines[*index].marked {
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

fn squash_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The 1-based source line of a line index.
fn line_no(lines: &[Line], index: usize) -> Option<usize> {
    lines.get(index).map(|l| l.no)
}

/// Find the title (see the module documentation) among the non-blank lines of the first
/// page (`front`: index in `lines` and text).
pub fn find_title(lines: &[Line], front: &[(usize, &str)], meta: &mut Meta) {
    let marked: Vec<usize> = (0..front.len())
        .filter(|&k| lines[front[k].0].marked)
        .collect();
    if title_from(lines, front, &marked, true, meta) {
        return;
    }
    let all: Vec<usize> = (0..front.len()).collect();
    if title_from(lines, front, &all, false, meta) {
        return;
    }
    // No line names a document type: a 篇/章 heading that opens the text, else the first
    // heading-like line at the top.
    if let Some(&(index, text)) = front.first()
        && (PART.is_match(text) || CHAPTER.is_match(text))
    {
        meta.title = Some(collapse_spaces(text));
        meta.title_line = line_no(lines, index);
        return;
    }
    if let Some((index, text)) = front.iter().take(3).find(|(_, t)| is_heading_like(t)) {
        meta.title = Some(text.split_whitespace().collect());
        meta.title_line = line_no(lines, *index);
        meta.front_lines.push(*index);
    }
}

/// The first title starting at one of `starts` (positions in `front`); whether one was found.
fn title_from(
    lines: &[Line],
    front: &[(usize, &str)],
    starts: &[usize],
    marked_only: bool,
    meta: &mut Meta,
) -> bool {
    let mut position = 0;
    while let Some(&i) = starts.get(position) {
        position += 1;
        let Some((title, last)) = title_at(lines, front, i, marked_only) else {
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
            while starts.get(position).is_some_and(|&next| next <= last) {
                position += 1;
            }
            continue;
        }
        if let Some(inner) = published_document(&title) {
            // The document's own title line(s), when repeated below the notice.
            let key = squash_key(&inner);
            let repeated = (last + 1..front.len()).find_map(|k| {
                let (t, end) = title_at(lines, front, k, false)?;
                // The notice's title written again (over two lines) is not the document's.
                let notice = published_document(&t).is_some();
                (!notice && (squash_key(&t).starts_with(&key) || key.starts_with(&squash_key(&t))))
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
            return true;
        }
        meta.title_line = line_no(lines, front[i].0);
        meta.body_start = front[i].0;
        meta.title = Some(title);
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[(&str, bool)]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, (t, marked))| Line {
                boxed: false,
                no: i + 1,
                indented: false,
                marked: *marked,
                text: t.to_string(),
            })
            .collect()
    }

    fn title(lines: &[Line]) -> Meta {
        let front: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.text.is_empty())
            .map(|(i, l)| (i, l.text.as_str()))
            .collect();
        let mut meta = Meta::default();
        find_title(lines, &front, &mut meta);
        meta
    }

    #[test]
    fn a_web_pages_own_headings_come_before_its_menus() {
        let meta = title(&lines(&[
            ("智能搜索", false),
            ("搜一下", false),
            ("某区节能降碳“十五五”规划", false),
            (
                "关于《某区节能降碳“十五五”规划（草案）》征询公众意见的公告",
                true,
            ),
            ("一、市民可以将书面意见寄送区发展改革委。", false),
            ("某区节能降碳 “十五五”规划（草案）", true),
            ("为推动节能降碳工作，制定本规划。", false),
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("某区节能降碳“十五五”规划（草案）")
        );
        assert_eq!(meta.title_line, Some(6));
        assert_eq!(meta.body_start, 5);
    }

    #[test]
    fn annex_labels_and_parts_of_a_longer_document() {
        let meta = title(&lines(&[
            ("附件2：加快绿色低碳转型2026年行动计划", false),
            ("序号\t重点任务\t牵头部门", false),
        ]));
        assert_eq!(
            meta.title.as_deref(),
            Some("加快绿色低碳转型2026年行动计划")
        );
        let meta = title(&lines(&[
            ("第四篇　深入实施科技创新战略", false),
            ("因地制宜发展新质生产力", false),
            ("第十一章　提升科技创新能级", false),
        ]));
        assert_eq!(meta.title.as_deref(), Some("第四篇 深入实施科技创新战略"));
        assert_eq!(meta.title_line, Some(1));
    }
}
