//! Decoded text → clean lines: script conversion, markup and page furniture removed.
//!
//! What is removed here is not content: `[bookmark: …]` and `[image: …]` markup, page
//! numbers, the table of contents, and running page headers (short lines repeated on
//! every page, e.g. the Zhuzhou plan's slogan), whose page breaks cut paragraphs in two:
//! those paragraphs are joined back.

use super::markdown::{self, PipeLine};
use super::patterns::{HEADING_LIKE, MARKUP, PAGE_NUMBER, TOC_HEADING};
use super::{MAX_LINE_CHARS, Script, Warning};
use crate::text::{sanitize, zh};

/// One line of the normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source.
    pub no: usize,
    /// The source line started with a tab, or was a `|`-terminated table cell: in the
    /// bundled texts this marks table cells and box content.
    pub indented: bool,
    /// Trimmed text; empty for blank lines.
    pub text: String,
    /// The line was marked as a heading: a Markdown `#` heading or a line in bold (`**…**`).
    pub marked: bool,
    /// The line is text inside a box drawn around it (a table of one column on a web page).
    pub boxed: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The result of normalising one text.
#[derive(Debug)]
pub struct Normalized {
    pub lines: Vec<Line>,
    pub script: Script,
    pub warnings: Vec<Warning>,
}

/// Normalise decoded text (LF line ends) into clean lines.
pub fn normalize(text: &str) -> Normalized {
    let mut warnings = Vec::new();
    let (script, converted);
    let text = if zh::is_traditional(text) {
        script = Script::Traditional;
        converted = zh::to_simplified(text);
        converted.as_str()
    } else {
        script = Script::Simplified;
        text
    };

    let mut removed_controls = 0;
    let raw: Vec<&str> = text.split('\n').collect();
    let pipes = markdown::pipe_lines(&raw);
    let mut lines: Vec<Line> = Vec::with_capacity(raw.len());
    for (index, (raw, pipe)) in raw.iter().zip(&pipes).enumerate() {
        removed_controls += clean_line(index + 1, raw, *pipe, &mut lines, &mut warnings);
    }
    if removed_controls > 0 {
        warnings.push(Warning {
            line: None,
            message: format!("{removed_controls} control or invisible characters removed"),
        });
    }
    let mut lines = super::flattened::split_flattened(lines, &mut warnings);
    remove_page_numbers(&mut lines);
    remove_table_of_contents(&mut lines);
    let lines = super::pages::repair(lines);
    Normalized {
        lines,
        script,
        warnings,
    }
}

/// Clean one raw line into `out` (one line, or the paragraphs of a boxed table cell);
/// returns how many control characters were removed.
fn clean_line(
    no: usize,
    raw: &str,
    pipe: PipeLine,
    out: &mut Vec<Line>,
    warnings: &mut Vec<Warning>,
) -> usize {
    let unmarked = MARKUP.replace_all(raw, "");
    let cleaned = sanitize::clean_imported(&unmarked);
    let mut text = cleaned.text;
    if text.chars().count() > MAX_LINE_CHARS {
        text = text.chars().take(MAX_LINE_CHARS).collect();
        warnings.push(Warning {
            line: Some(no),
            message: format!("line longer than {MAX_LINE_CHARS} characters was cut"),
        });
    }
    let line = |text: String, indented: bool, marked: bool| Line {
        boxed: false,
        no,
        indented,
        text,
        marked,
    };
    match pipe {
        PipeLine::Boxed => {
            let paragraphs = markdown::boxed_paragraphs(&text);
            if paragraphs.is_empty() {
                out.push(Line {
                    boxed: true,
                    ..line(String::new(), false, false)
                });
            }
            for paragraph in paragraphs {
                let (trimmed, marked) = unmark(trim(&paragraph));
                let text = markdown::strip_links(trimmed).into_owned();
                out.push(Line {
                    boxed: true,
                    ..line(text, false, marked)
                });
            }
            return cleaned.removed;
        }
        PipeLine::Group => {
            out.push(line(markdown::group_row(&text), false, false));
            return cleaned.removed;
        }
        PipeLine::Other => {}
    }
    let mut indented = text.starts_with('\t');
    // A block quote is a box drawn round its text, as a table of one column is.
    let (quoted, boxed) = match markdown::unquote(trim(&text)) {
        Some(inner) => (inner, true),
        None => (trim(&text), false),
    };
    let (mut trimmed, marked) = unmark(quoted);
    if let Some(row) = markdown::pipe_row(trimmed) {
        // A Markdown table row: cells separated by tabs, as one-row-per-line tables are.
        out.push(line(row, false, false));
        return cleaned.removed;
    }
    if markdown::is_thematic_break(trimmed) {
        out.push(line(String::new(), false, false));
        return cleaned.removed;
    }
    // Flattened tables write one cell per line followed by `|`; a lone `|` ends a row.
    if let Some(cell) = trimmed.strip_suffix('|') {
        let cell = trim(cell.trim_end_matches('|'));
        indented = !cell.is_empty();
        trimmed = cell;
    }
    let text = markdown::strip_links(trimmed);
    let text = markdown::unescape(&text);
    let text = if text.contains("**") {
        text.replace("**", "")
    } else {
        text.into_owned()
    };
    // Inner tabs are kept: they separate the cells of one-row-per-line tables.
    out.push(Line {
        boxed,
        ..line(markdown::list_item(text), indented, marked)
    });
    cleaned.removed
}

/// Strip Markdown heading marks (`## 专栏2 …`) and bold around a whole line (`**名词解释**`);
/// says whether the line was so marked.
fn unmark(text: &str) -> (&str, bool) {
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with([' ', '\u{3000}']) {
        let (inner, _) = unmark(trim(&text[hashes..]));
        return (inner, true);
    }
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**"))
        && !inner.contains("**")
        && !inner.trim().is_empty()
    {
        return (trim(inner), true);
    }
    (text, false)
}

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

fn blank(line: &mut Line) {
    line.text.clear();
    line.indented = false;
}

/// Longest neighbour that makes a bare number a table cell rather than a page number.
const MAX_CELL_NEIGHBOUR_CHARS: usize = 10;

/// Page numbers: bare numbers on a line of their own — unless a neighbouring line is a short
/// cell too ("16.1", "预期性", "区发改局"): then the number is a cell of a table whose cells
/// are one per line (a 序号, a value).
fn remove_page_numbers(lines: &mut [Line]) {
    let is_number = |l: &Line| !l.indented && !l.is_blank() && PAGE_NUMBER.is_match(&l.text);
    let is_cell = |l: &Line| {
        !l.is_blank()
            && l.text.chars().count() <= MAX_CELL_NEIGHBOUR_CHARS
            && !HEADING_LIKE.is_match(&l.text)
            && !PAGE_NUMBER.is_match(&l.text)
            && !ends_sentence(&l.text)
    };
    let numbers: Vec<usize> = (0..lines.len()).filter(|&i| is_number(&lines[i])).collect();
    let mut pages = Vec::new();
    for index in numbers {
        let previous = lines[..index].iter().rev().find(|l| !l.is_blank());
        let next = lines[index + 1..].iter().find(|l| !l.is_blank());
        if !previous.is_some_and(is_cell) && !next.is_some_and(is_cell) {
            pages.push(index);
        }
    }
    for index in pages {
        blank(&mut lines[index]);
    }
}

/// A 目录 block: its heading, then headings and page numbers, until the first line of body text.
fn remove_table_of_contents(lines: &mut [Line]) {
    let Some(start) = lines.iter().position(|l| TOC_HEADING.is_match(&l.text)) else {
        return;
    };
    blank(&mut lines[start]);
    for line in lines[start + 1..].iter_mut() {
        if line.is_blank() || HEADING_LIKE.is_match(&line.text) || PAGE_NUMBER.is_match(&line.text)
        {
            blank(line);
        } else {
            break;
        }
    }
}

/// Whether text ends a sentence (so a following line starts a new paragraph).
pub fn ends_sentence(text: &str) -> bool {
    text.ends_with([
        '。', '！', '？', '；', '：', '.', '!', '?', ';', ':', '）', ')',
    ]) || text.ends_with("。”")
        || text.ends_with("。）")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(n: &Normalized) -> Vec<&str> {
        n.lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn strips_bookmarks_images_and_page_numbers() {
        let n = normalize(
            "[bookmark: _Toc1][bookmark: _Toc2]第一章  发展基础\n12\n正文。\n[image: 01图]\n",
        );
        assert_eq!(texts(&n), vec!["第一章  发展基础", "正文。"]);
    }

    #[test]
    fn removes_table_of_contents() {
        let n = normalize(
            "目   录\n\n6\n\n第一章 基础\n\n8\n第一节 现状\n规划正文开始。\n第一章 基础\n",
        );
        assert_eq!(texts(&n), vec!["规划正文开始。", "第一章 基础"]);
    }

    #[test]
    fn joins_paragraph_cut_by_running_header() {
        let header = "培育制造名城 建设幸福株洲";
        let text = format!(
            "甲段。\n\n{header}\n\n乙段开始，被分页切断的长段落文字还在继续并且没有结束的句\n\n{header}\n\n子在这里结束。\n\n{header}\n丙段。"
        );
        let n = normalize(&text);
        assert_eq!(
            texts(&n),
            vec![
                "甲段。",
                "乙段开始，被分页切断的长段落文字还在继续并且没有结束的句子在这里结束。",
                "丙段。"
            ]
        );
    }

    #[test]
    fn converts_traditional_script() {
        let n =
            normalize("湖南省“十四五”新型城鎮化規劃\n專欄1 新型城鎮化主要指標 |\n||||\n序號 |\n");
        assert_eq!(n.script, Script::Traditional);
        assert_eq!(
            texts(&n),
            vec![
                "湖南省“十四五”新型城镇化规划",
                "专栏1 新型城镇化主要指标",
                "序号"
            ]
        );
        assert!(n.lines[2].is_blank());
        assert!(n.lines[3].indented);
    }

    #[test]
    fn markdown_headings_bold_and_pipe_tables() {
        let n = normalize(
            "# 专栏2 重点工程\n**名词解释**\n| 序号 | 重点任务 | 牵头单位 |\n|---|:---|---|\n| 1 | 建设园区 | 市发改委 |\n正文**加粗**。\n",
        );
        assert_eq!(n.lines[0].text, "专栏2 重点工程");
        assert!(n.lines[0].marked);
        assert_eq!(n.lines[1].text, "名词解释");
        assert!(n.lines[1].marked);
        assert_eq!(n.lines[2].text, "序号\t重点任务\t牵头单位");
        assert!(n.lines[3].is_blank());
        assert_eq!(n.lines[4].text, "1\t建设园区\t市发改委");
        assert_eq!(n.lines[5].text, "正文加粗。");
        assert!(!n.lines[5].marked);
        let n = normalize(
            "序号 | 重点任务 | 牵头单位 |\n（2）推进 | 市发改委 | 2024年 |\n专栏1 标题 |\n",
        );
        assert_eq!(n.lines[0].text, "序号\t重点任务\t牵头单位");
        assert_eq!(n.lines[1].text, "（2）推进\t市发改委\t2024年");
        assert_eq!(n.lines[2].text, "专栏1 标题");
    }

    #[test]
    fn tab_only_line_is_an_empty_cell() {
        let n = normalize("\t类别\n\t\n");
        assert!(n.lines[1].indented || n.lines[1].is_blank());
    }
}
