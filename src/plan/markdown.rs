//! Markdown renditions of web pages (scrapes of government sites, converters' output): what
//! their markup means for the text underneath.
//!
//! - Pipe tables: `| a | b |` rows become tab-separated cells, `|---|` rules and rows of
//!   empty cells (a header row the converter left empty) blank lines. A row of ONE cell in a
//!   table of several columns is a group row spanning the table (`| 一、经济发展 |`); it is
//!   kept as a row of one cell. A table of one column is not a table but a box drawn round
//!   text (web pages draw 专栏 that way): its cells are the paragraphs, `<br>` breaking them.
//! - `<br>` inside a cell breaks a line: paragraphs of a text cell, names of a list of units.
//! - Links `[text](url)` are their text; an image `![alt](url)` is kept as `![alt]` (a box
//!   published as a picture is known by its alt text only).
//! - Backslash escapes (`\*`, `\[`, `\-`) are the characters themselves; thematic breaks
//!   (`* * *`, `---`) are blank lines.

use super::patterns::PAGE_NUMBER;
use std::borrow::Cow;

/// What a line of the text is within a pipe table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipeLine {
    /// Not a pipe row of a table with a leading pipe (may still be a row without one).
    Other,
    /// A row of a table of one column: its cell is text, split at `<br>`.
    Boxed,
    /// A row of one cell in a table of several columns: a group row.
    Group,
}

/// The cells of a `| a | b |` row (leading and trailing pipe required), trimmed.
fn leading_pipe_cells(text: &str) -> Option<Vec<&str>> {
    let inner = text.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(trim).collect())
}

/// How each raw line sits in a pipe table: tables are runs of lines that start and end with
/// a pipe; a table whose rows all have one cell is a box of text.
pub fn pipe_lines(raw: &[&str]) -> Vec<PipeLine> {
    let mut kinds = vec![PipeLine::Other; raw.len()];
    let mut start = 0;
    while start < raw.len() {
        if leading_pipe_cells(raw[start]).is_none() {
            start += 1;
            continue;
        }
        let end = (start..raw.len())
            .find(|&i| leading_pipe_cells(raw[i]).is_none())
            .unwrap_or(raw.len());
        let widths: Vec<usize> = raw[start..end]
            .iter()
            .filter_map(|l| leading_pipe_cells(l).map(|c| c.len()))
            .collect();
        let one_column = widths.iter().all(|&w| w == 1);
        for (offset, width) in widths.iter().enumerate() {
            kinds[start + offset] = match (one_column, width) {
                (true, _) => PipeLine::Boxed,
                (false, 1) => PipeLine::Group,
                _ => PipeLine::Other,
            };
        }
        start = end;
    }
    kinds
}

/// A table row with pipes between its cells (`| a | b |`, or `a | b | c |` as some web copies
/// write it) as tab-separated cells; a `|---|:--:|` rule or a row of empty cells as an empty
/// line. `None` for anything else (a one-cell `cell |` line of a flattened table included).
pub fn pipe_row(text: &str) -> Option<String> {
    if text.matches('|').count() < 3 {
        return None;
    }
    let inner = text.strip_prefix('|').unwrap_or(text);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let cells: Vec<&str> = inner.split('|').map(trim).collect();
    if cells.iter().all(|c| c.is_empty()) || is_rule(&cells) {
        return Some(String::new());
    }
    let cells: Vec<String> = cells.iter().map(|c| cell_text(c)).collect();
    Some(cells.join("\t"))
}

/// `---`, `:--:` cells: the rule under a header.
fn is_rule(cells: &[&str]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// A cell's text: bold marks dropped, `<br>` as a space (paragraphs of a cell, or the names
/// of a list, one a line).
fn cell_text(cell: &str) -> String {
    let text = unescape(cell);
    let text = if text.contains("**") {
        Cow::Owned(text.replace("**", ""))
    } else {
        text
    };
    split_br(&text).join(" ")
}

/// The cell of a one-cell group row, as a row of one cell (a trailing tab marks it a row).
pub fn group_row(text: &str) -> String {
    let cell = leading_pipe_cells(text)
        .and_then(|cells| cells.first().map(|c| cell_text(c)))
        .unwrap_or_default();
    if cell.is_empty() {
        cell
    } else {
        format!("{cell}\t")
    }
}

/// The paragraphs of a boxed cell (`<br>` breaks them); a rule or an empty cell gives none.
pub fn boxed_paragraphs(text: &str) -> Vec<String> {
    let Some(cells) = leading_pipe_cells(text) else {
        return Vec::new();
    };
    let cell = cells.first().copied().unwrap_or_default();
    if cell.is_empty() || is_rule(&cells) {
        return Vec::new();
    }
    let cell = unescape(cell);
    split_br(&cell)
        .into_iter()
        .map(|p| p.replace("**", ""))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Split at `<br>`, `<br/>`, `<br />`; pieces trimmed, empty ones dropped.
fn split_br(text: &str) -> Vec<&str> {
    if !text.contains("<br") {
        let text = trim(text);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![text]
        };
    }
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("<br") {
        pieces.push(trim(&rest[..at]));
        let after = &rest[at..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        rest = &after[close..];
    }
    pieces.push(trim(rest));
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// Markdown backslash escapes: `\*` → `*`, `\[` → `[`, `\-` → `-`.
pub fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// Links as their text, images as `![alt]`.
pub fn strip_links(text: &str) -> Cow<'_, str> {
    if !text.contains("](") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        let image = rest[..open].ends_with('!');
        let label = &rest[open + 1..close];
        if label.contains('[') {
            // Not a link: a bracket of the text itself.
            out.push_str(&rest[..open + 1]);
            rest = &rest[open + 1..];
            continue;
        }
        out.push_str(&rest[..open]);
        if image {
            out.push('[');
            out.push_str(label);
            out.push(']');
        } else {
            out.push_str(label);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `* * *`, `***`, `---`, `___`: a thematic break.
pub fn is_thematic_break(text: &str) -> bool {
    let Some(mark) = text.chars().next().filter(|c| matches!(c, '*' | '-' | '_')) else {
        return false;
    };
    let mut marks = 0;
    for c in text.chars() {
        if c == mark {
            marks += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    marks >= 3
}

/// The text of a block-quote line (`> text`, `>` alone for an empty one), `None` for other
/// lines.
pub fn unquote(text: &str) -> Option<&str> {
    let mut rest = text.strip_prefix('>')?;
    while let Some(inner) = rest.trim_start().strip_prefix('>') {
        rest = inner;
    }
    (rest.is_empty() || rest.starts_with([' ', '\u{3000}'])).then(|| trim(rest))
}

/// A list item (`- text`, `* text`, `+ text`) as a bulleted line (`• text`).
pub fn list_item(text: String) -> String {
    match text.strip_prefix(['-', '*', '+']) {
        // "- 1 -" is a page number, not an item.
        Some(rest)
            if rest.starts_with(' ') && !rest.trim().is_empty() && !PAGE_NUMBER.is_match(&text) =>
        {
            format!("• {}", rest.trim())
        }
        _ => text,
    }
}

/// The alt text of an image line (`![专栏1.jpg]`, after `strip_links`).
pub fn image_alt(text: &str) -> Option<&str> {
    text.strip_prefix("![")?.strip_suffix(']')
}

fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_of_one_column_are_boxes_and_one_cell_rows_are_groups() {
        let raw = [
            "|     |     |",
            "| --- | --- |",
            "| 序号 | 任务 |",
            "| 一、扩大需求 |",
            "| 1 | 建设 |",
            "",
            "| 专栏1 重点工程<br>1．水利。<br>2．交通。 |",
            "| --- |",
        ];
        let kinds = pipe_lines(&raw);
        assert_eq!(kinds[3], PipeLine::Group);
        assert_eq!(kinds[4], PipeLine::Other);
        assert_eq!(kinds[5], PipeLine::Other);
        assert_eq!(kinds[6], PipeLine::Boxed);
        assert_eq!(pipe_row(raw[0]).as_deref(), Some(""));
        assert_eq!(group_row(raw[3]), "一、扩大需求\t");
        assert_eq!(
            boxed_paragraphs(raw[6]),
            vec!["专栏1 重点工程", "1．水利。", "2．交通。"]
        );
        assert!(boxed_paragraphs(raw[7]).is_empty());
        assert_eq!(
            pipe_row("| 1 | 区发改委<br>区财政局 | 5—5.5\\* |").as_deref(),
            Some("1\t区发改委 区财政局\t5—5.5*")
        );
    }

    #[test]
    fn links_images_escapes_and_breaks() {
        assert_eq!(strip_links("1. [首页](https://x.cn/ \"首页\")"), "1. 首页");
        assert_eq!(
            strip_links("![专栏1.jpg](https://x.cn/a.jpg)"),
            "![专栏1.jpg]"
        );
        assert_eq!(image_alt("![专栏1.jpg]"), Some("专栏1.jpg"));
        assert_eq!(strip_links("见[1]和(2)"), "见[1]和(2)");
        assert_eq!(unescape("1. \\[主题分类\\] \\-\\-"), "1. [主题分类] --");
        assert!(is_thematic_break("* * *"));
        assert!(is_thematic_break("---"));
        assert!(!is_thematic_break("--"));
        assert!(!is_thematic_break("*注*"));
        assert_eq!(unquote("> 专栏1 重点工程"), Some("专栏1 重点工程"));
        assert_eq!(unquote("> > 1．水利。"), Some("1．水利。"));
        assert_eq!(unquote(">"), Some(""));
        assert_eq!(unquote(">=5"), None);
        assert_eq!(
            list_item("- 电化学储能：推进研发。".into()),
            "• 电化学储能：推进研发。"
        );
        assert_eq!(list_item("- 1 -".into()), "- 1 -");
        assert_eq!(list_item("-5%".into()), "-5%");
    }
}
