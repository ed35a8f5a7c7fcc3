//! Copies of printed pages (PDF conversions, Word exports, web copies of both): the page
//! furniture and the breaks that cut paragraphs.
//!
//! - Running headers and footers: short lines repeated on many pages (a slogan, "某某人民政府
//!   办公厅文件"), on a line of their own or at the start of a page's text. They are removed,
//!   and the paragraph a page break cut (it does not end a sentence) is joined with the text
//!   that continues on the next page.
//! - Hard line breaks inside a paragraph: a line that ends on a comma, that leaves a bracket
//!   open (a responsibility clause broken in two), or a long line that stops in the middle of
//!   a word, is continued by the next line unless that one is numbered.
//! - Printed lines run together with a space for each line break ("中 心城区", "市交 通运输委"),
//!   a whole page on one line: such a line is split before each numbering that follows a
//!   space, a heading is parted from the body after it, and the spaces between Chinese
//!   characters are removed.
//! - A paragraph the conversion wrote twice in a row is kept once.

use super::lines::is_heading_text;
use super::names::is_department_list;
use super::normalize::{Line, ends_sentence};
use super::patterns::{HEADING_LIKE, WRAPPED_BREAK};
use super::responsibility::is_label_line;
use std::collections::HashMap;

/// Fewest times a line must repeat to be a running header.
const MIN_HEADER_REPEATS: usize = 3;
/// A line at least this long that stops in the middle of a word was cut by a page break.
const MIN_CUT_LINE_CHARS: usize = 60;
/// Fewest spaces between Chinese characters that make a line printed lines run together.
const MIN_WRAP_SPACES: usize = 3;
/// Shortest line of printed lines run together.
const MIN_WRAPPED_CHARS: usize = 40;
/// At least one such space every this many characters.
const MAX_CHARS_PER_WRAP: usize = 80;
/// Longest heading parted from its body in a run-together line.
const MAX_RUN_IN_HEADING_CHARS: usize = 30;
/// Narrowest and widest hard-wrapped line (display columns: a Chinese character is two).
const MIN_WRAP_WIDTH: usize = 30;
const MAX_WRAP_WIDTH: usize = 160;
/// How far a full printed line may fall short of the widest (a digit is half a character).
const WIDTH_SLACK: usize = 2;
/// Fewest full lines that make a text hard-wrapped.
const MIN_WRAPPED_LINES: usize = 8;
/// How many paragraphs back a repetition is looked for.
const REPEAT_WINDOW: usize = 2;
/// Shortest paragraph whose repetition is a conversion's slip rather than the text's.
const MIN_REPEATED_CHARS: usize = 20;

fn blank(line: &mut Line) {
    line.text.clear();
    line.indented = false;
}

/// A line that may be a running header: short, no heading, no sentence, and not a line
/// that tables and task lists repeat on purpose (a 牵头单位 label, a list of departments).
fn is_header_candidate(line: &Line) -> bool {
    let len = line.text.chars().count();
    !line.indented
        && (6..=30).contains(&len)
        && !HEADING_LIKE.is_match(&line.text)
        && !ends_sentence(&line.text)
        && !is_label_line(&line.text)
        && !is_department_list(&line.text)
}

/// Chinese characters and the punctuation written between them.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
        || "，。、；：？！“”‘’（）《》〔〕【】—…·".contains(c)
}

/// Spaces standing between two Chinese characters.
fn wrap_spaces(text: &str) -> usize {
    let mut count = 0;
    let (mut before, mut space) = (' ', false);
    for c in text.chars() {
        if c == ' ' {
            space = is_cjk(before);
            continue;
        }
        if space && is_cjk(c) {
            count += 1;
        }
        space = false;
        before = c;
    }
    count
}

/// Whether a line is printed lines run together, a space for each line break.
pub fn is_wrapped(text: &str) -> bool {
    // A table row's spaces separate the names of a cell.
    if !text.contains(' ') || text.contains('\t') {
        return false;
    }
    // "指 标 名 称", "名 词 解 释": a short line spaced out is a heading, not printed lines.
    let chars = text.chars().count();
    let spaces = wrap_spaces(text);
    chars >= MIN_WRAPPED_CHARS && spaces >= MIN_WRAP_SPACES && spaces * MAX_CHARS_PER_WRAP >= chars
}

/// Join a paragraph with the text that continues it: with a space when the text is printed
/// lines run together (the space is a line break, removed with the others later).
fn join(lines: &mut [Line], joins: &mut Joins, before: usize, after: usize) {
    let tail = std::mem::take(&mut lines[after].text);
    lines[after].indented = false;
    let spaced = is_wrapped(&lines[before].text) || is_wrapped(&tail);
    if spaced {
        lines[before].text.push(' ');
    }
    let offset = lines[before].text.len();
    let mut moved = joins.remove(&after).unwrap_or_default();
    let segments = joins.entry(before).or_default();
    segments.push((offset, lines[after].no));
    segments.extend(moved.drain(..).map(|(at, no)| (at + offset, no)));
    lines[before].text.push_str(&tail);
}

/// Where the text of each joined line came from: (byte offset in the joined text, source
/// line) for every line joined to it, so the paragraphs split from it later keep their lines.
type Joins = HashMap<usize, Vec<(usize, usize)>>;

/// Repair what printing did to a text (see the module documentation).
pub fn repair(mut lines: Vec<Line>) -> Vec<Line> {
    let mut joins = Joins::new();
    drop_repeated_paragraphs(&mut lines);
    remove_running_headers(&mut lines, &mut joins);
    reflow_hard_wrapped(&mut lines, &mut joins);
    join_broken_lines(&mut lines, &mut joins);
    split_wrapped(lines, &joins)
}

/// Display width: a Chinese character takes two columns, an ASCII one.
fn width(text: &str) -> usize {
    // Counted on the bytes: an ASCII byte is one column, a character of several bytes two.
    text.bytes()
        .map(|b| match b {
            0x00..=0x7f => 1,
            0xc0..=0xff => 2,
            _ => 0,
        })
        .sum()
}

/// The width a text was hard-wrapped at, when it was: many lines of (nearly) one width.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut counts = vec![0usize; MAX_WRAP_WIDTH + 1];
    let mut total = 0;
    for line in lines.iter().filter(|l| !l.is_blank() && !is_row(l)) {
        total += 1;
        if line.text.len() <= MAX_WRAP_WIDTH * 2 {
            let w = width(&line.text);
            if w <= MAX_WRAP_WIDTH {
                counts[w] += 1;
            }
        }
    }
    let near = |w: usize| -> usize {
        counts[w.saturating_sub(WIDTH_SLACK)..=(w + WIDTH_SLACK).min(MAX_WRAP_WIDTH)]
            .iter()
            .sum()
    };
    let (full, lines_near) = (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH)
        .map(|w| (w, near(w)))
        .max_by_key(|&(w, n)| (n, w))?;
    (lines_near >= MIN_WRAPPED_LINES && lines_near * 4 >= total).then_some(full)
}

/// A text hard-wrapped at a fixed width (a PDF copy, one printed line per line): each line
/// as wide as the others, not closing a sentence, is continued by the next line unless that
/// one is numbered. A paragraph's last printed line is shorter: it ends the paragraph.
fn reflow_hard_wrapped(lines: &mut [Line], joins: &mut Joins) {
    let Some(full) = wrap_width(lines) else {
        return;
    };
    for index in 0..lines.len() {
        if lines[index].is_blank() || is_row(&lines[index]) {
            continue;
        }
        let mut last = width(&lines[index].text);
        loop {
            let next = lines[index + 1..]
                .iter()
                .position(|l| !l.is_blank())
                .map(|p| p + index + 1);
            let Some(next) = next else {
                break;
            };
            let (line, following) = (&lines[index], &lines[next]);
            let full_line = last.abs_diff(full) <= WIDTH_SLACK;
            let starts_anew = is_row(following)
                || following.marked
                || HEADING_LIKE.is_match(&following.text)
                || starts_numbered(&following.text);
            if !full_line || ends_sentence(&line.text) || starts_anew {
                break;
            }
            last = width(&following.text);
            join(lines, joins, index, next);
        }
    }
}

/// Running headers and footers, alone on a line or opening a page's text, removed; the
/// paragraph a page break cut is joined with the text after the break.
fn remove_running_headers(lines: &mut [Line], joins: &mut Joins) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for line in lines.iter().filter(|l| is_header_candidate(l)) {
        *counts.entry(line.text.as_str()).or_default() += 1;
    }
    // A header that opens a page's text counts as well.
    for line in lines.iter().filter(|l| !l.indented) {
        let opening = line
            .text
            .split_once(' ')
            .and_then(|(first, _)| counts.get_mut(first));
        if let Some(n) = opening {
            *n += 1;
        }
    }
    let headers: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= MIN_HEADER_REPEATS)
        .map(|(t, _)| t.to_string())
        .collect();
    if headers.is_empty() {
        return;
    }
    // Where pages break: a header line (blanked), or a line a header opened (stripped).
    let mut breaks = Vec::new();
    for (index, line) in lines.iter_mut().enumerate() {
        if headers.contains(&line.text) {
            blank(line);
            breaks.push(index);
            continue;
        }
        let opened = headers.iter().find_map(|h| {
            let rest = line.text.strip_prefix(h.as_str())?;
            rest.starts_with(char::is_whitespace)
                .then(|| rest.trim_start().to_string())
        });
        if let Some(rest) = opened {
            line.text = rest;
            breaks.push(index);
        }
    }
    let mut joined_to = 0;
    for index in breaks {
        if index < joined_to {
            continue;
        }
        let before = lines[..index].iter().rposition(|l| !l.is_blank());
        let after = lines[index..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|p| p + index);
        if let (Some(before), Some(after)) = (before, after) {
            let (first, next) = (&lines[before], &lines[after]);
            let cut = !ends_sentence(&first.text) && !is_heading(&first.text) && !is_row(first);
            let continues = !HEADING_LIKE.is_match(&next.text) && !is_row(next);
            if cut && continues {
                join(lines, joins, before, after);
                joined_to = after + 1;
            }
        }
    }
}

/// A heading line (a long paragraph that opens with a number is no heading).
fn is_heading(text: &str) -> bool {
    HEADING_LIKE.is_match(text) && is_heading_text(text)
}

/// A cell or a row of a table.
fn is_row(line: &Line) -> bool {
    line.indented || line.text.contains('\t')
}

/// Open brackets minus closed ones.
fn open_brackets(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '（' | '(' | '〔' | '【' => 1,
            '）' | ')' | '〕' | '】' => -1,
            _ => 0,
        })
        .sum()
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether `line` breaks off a paragraph that `next` continues.
fn continued_by(line: &Line, next: &Line) -> bool {
    let text = line.text.as_str();
    let comma = text.ends_with(['，', '、']);
    // A bracket left open: the line stops mid-clause, not at a sentence's end.
    let open = || {
        !text.ends_with(['。', '！', '？', '）', ')', '〕', '】'])
            && open_brackets(text) > 0
            && open_brackets(&next.text) < 0
    };
    let cut = || {
        text.chars().last().is_some_and(is_han)
            && next.text.chars().next().is_some_and(is_han)
            && text.chars().count() >= MIN_CUT_LINE_CHARS
            && !is_heading_text(text)
    };
    if !(comma || open() || cut()) || is_row(line) || is_row(next) || next.marked {
        return false;
    }
    !HEADING_LIKE.is_match(&next.text) && !starts_numbered(&next.text)
}

/// "1.", "（2）", "③": a numbered line (a new paragraph even after a cut one).
fn starts_numbered(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some(c), Some(d)) if c.is_ascii_digit() => {
            d.is_ascii_digit() || matches!(d, '.' | '．' | '、' | '﹒')
        }
        (Some('（' | '('), Some(d)) => d.is_ascii_digit(),
        (Some(c), _) => ('①'..='⒇').contains(&c),
        _ => false,
    }
}

/// Paragraphs cut by hard line breaks (a comma, an open bracket, a word cut off) joined
/// with the line that continues them.
fn join_broken_lines(lines: &mut [Line], joins: &mut Joins) {
    let mut index = 0;
    while index < lines.len() {
        if lines[index].is_blank() {
            index += 1;
            continue;
        }
        let next = lines[index + 1..]
            .iter()
            .position(|l| !l.is_blank())
            .map(|p| p + index + 1);
        match next {
            Some(next) if continued_by(&lines[index], &lines[next]) => {
                join(lines, joins, index, next);
            }
            _ => index += 1,
        }
    }
}

/// A paragraph the conversion repeated (the same sentences again right after it, or after
/// the line that continued it) kept once. Table cells and lists of units repeat on purpose.
fn drop_repeated_paragraphs(lines: &mut [Line]) {
    let mut previous: Vec<usize> = Vec::new();
    for index in 0..lines.len() {
        if lines[index].is_blank() {
            continue;
        }
        let text = &lines[index].text;
        let repeated = || previous.iter().any(|&p| lines[p].text == *text);
        let prose = || {
            !is_row(&lines[index])
                && text.contains(['，', '。'])
                && text.chars().count() >= MIN_REPEATED_CHARS
        };
        if repeated() && prose() {
            blank(&mut lines[index]);
            continue;
        }
        previous.push(index);
        if previous.len() > REPEAT_WINDOW {
            previous.remove(0);
        }
    }
}

/// Remove the spaces between Chinese characters (printed line breaks).
fn despace(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between = c == ' '
            && i > 0
            && chars.get(i + 1).is_some_and(|&n| is_cjk(n))
            && is_cjk(chars[i - 1]);
        if !between {
            out.push(c);
        }
    }
    out
}

/// A numbered heading followed by a space and its body ("（一）科学规划布局 到2025年，…"):
/// the heading and the body.
fn part_heading(piece: &str) -> Option<(&str, &str)> {
    let label_end = super::patterns::HEADING_LIKE.find(piece)?.end();
    let space = piece[label_end..].find(' ')? + label_end;
    let heading = &piece[..space];
    let title = heading[label_end..].trim();
    let short = !title.is_empty() && title.chars().count() <= MAX_RUN_IN_HEADING_CHARS;
    (short && !title.contains(['，', '。', '；', '：'])).then(|| (heading, piece[space..].trim()))
}

/// Split every line of printed lines run together into its paragraphs (see the module
/// documentation); the pieces keep the line's number.
fn split_wrapped(lines: Vec<Line>, joins: &Joins) -> Vec<Line> {
    if !lines.iter().any(|l| is_wrapped(&l.text)) {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    for (index, line) in lines.into_iter().enumerate() {
        if line.indented || !is_wrapped(&line.text) {
            out.push(line);
            continue;
        }
        let segments = joins.get(&index);
        let line_at = |offset: usize| {
            segments
                .and_then(|s| s.iter().rev().find(|(at, _)| *at <= offset))
                .map_or(line.no, |(_, no)| *no)
        };
        let text = line.text.as_str();
        let mut starts: Vec<usize> = WRAPPED_BREAK
            .captures_iter(text)
            .filter_map(|caps| caps.get(1).map(|m| m.start()))
            .collect();
        starts.insert(0, 0);
        starts.push(text.len());
        for pair in starts.windows(2) {
            let raw = &text[pair[0]..pair[1]];
            let piece = raw.trim();
            if piece.is_empty() {
                continue;
            }
            let no = line_at(pair[0] + (raw.len() - raw.trim_start().len()));
            let parts = match part_heading(piece) {
                Some((heading, body)) => vec![heading, body],
                None => vec![piece],
            };
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                out.push(Line {
                    boxed: line.boxed,
                    no,
                    indented: false,
                    text: despace(part),
                    marked: false,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
