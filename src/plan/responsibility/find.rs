//! Where a paragraph states its responsibility clause: the last bracketed group that is
//! one, a trailing "责任单位：…" label, or a bracketed bare list of units closing it.

use super::{Clause, has_clue, parse_clause, strip_label};
use crate::plan::names::{all_departments, has_department_ending, split_names};

/// A clause found in a paragraph: its byte range (brackets included) and content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub clause: Clause,
}

/// Top-level bracketed groups of `text`: (start of the opening bracket, end after the
/// closing one, the inside).
fn bracket_groups(text: &str) -> Vec<(usize, usize, &str)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' | '【' | '[' | '〔' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            '）' | ')' | '】' | ']' | '〕' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let inner_start = open + text[open..].chars().next().map_or(1, char::len_utf8);
                    let end = i + c.len_utf8();
                    groups.push((open, end, &text[inner_start..i]));
                }
            }
            _ => {}
        }
    }
    groups
}

/// The responsibility clause of a paragraph: the last bracketed group that is one, or a
/// trailing unbracketed "责任单位：…" after the last sentence.
pub fn find_clause(text: &str) -> Option<Found> {
    if !has_clue(text) {
        return bare_list(text);
    }
    for (start, end, inner) in bracket_groups(text).into_iter().rev() {
        if let Some(clause) = parse_clause(inner) {
            return Some(Found { start, end, clause });
        }
    }
    trailing_label(text).or_else(|| bare_list(text))
}

/// Shortest unit name of a bare list ("区政府", "市委办").
const MIN_BARE_NAME_CHARS: usize = 3;

/// "…。（市发改委、市财政局）" or "…工作（区发改委，相关部门、单位）。": a bracketed list of units
/// and nothing else that closes the paragraph (before its final full stop, if any) — not a
/// bracket that names the unit before it again ("报市政府办公厅（市职转办）"). The first unit
/// leads, as in any plain list.
fn bare_list(text: &str) -> Option<Found> {
    let body = text.trim_end_matches(['。', '；', ';', ' ']);
    if !body.ends_with(['）', ')', '〕', '】']) {
        return None;
    }
    let (start, end, inner) = bracket_groups(body).pop()?;
    let closes = end == body.len();
    let before = body[..start].trim_end();
    // A bracket alone on its line is a caption (the drafting office under a title); one
    // right after a unit's name names it again ("报市政府办公厅（市职转办）。").
    let after_sentence = before.ends_with(['。', '；', '！', ';']);
    let appositive = !after_sentence && has_department_ending(before);
    if !closes || before.is_empty() || appositive {
        return None;
    }
    let names = split_names(inner);
    let remark = ["含", "包括", "不含", "以下", "其中", "即"]
        .iter()
        .any(|w| inner.trim_start().starts_with(w));
    // "中村瑶族（乡）": a level, not a unit.
    let named = names
        .iter()
        .all(|n| n.chars().count() >= MIN_BARE_NAME_CHARS);
    if remark || !named || !all_departments(&names) {
        return None;
    }
    let mut clause = Clause::default();
    let mut names = names.into_iter();
    clause.lead.extend(names.next());
    clause.co.extend(names);
    Some(Found {
        start,
        end: text.len(),
        clause,
    })
}

/// "…。责任单位：市发改委" — a label after the last full stop, or a paragraph that is
/// only a label line.
fn trailing_label(text: &str) -> Option<Found> {
    let start = text
        .char_indices()
        .filter(|(_, c)| matches!(c, '。' | '；'))
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&i| i < text.len() && strip_label(text[i..].trim_start()).is_some())
        .or_else(|| strip_label(text).map(|_| 0))?;
    let clause = parse_clause(text[start..].trim())?;
    Some(Found {
        start,
        end: text.len(),
        clause,
    })
}
