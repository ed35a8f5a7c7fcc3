//! Page furniture of positioned text (PDF, OFD), found and dropped before lines are laid
//! out: running headers and footers (the same text, digits aside, at the top or bottom band
//! of most pages), page numbers, and footnotes (small type at the foot of a page, opened by a
//! note mark).

use super::layout::TextLine;
use std::collections::HashMap;

/// "- 3 -", "3", "第 3 页", "3/12", "第3页 共12页": a page number.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let core = t.trim_matches(|c: char| matches!(c, '-' | '—' | '－' | '–' | '·'));
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return core.len() <= 4;
    }
    let digits_out: String = core
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    let squeezed = digits_out
        .replace("##", "#")
        .replace("##", "#")
        .replace("##", "#");
    matches!(
        squeezed.as_str(),
        "第#页" | "#/#" | "第#页共#页" | "第#页，共#页" | "Page#" | "page#" | "#页"
    )
}

/// Digits blanked: running headers repeat with their page number changing.
fn header_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

/// Drop running headers and footers and page numbers at the top and bottom of pages.
pub fn drop_running(pages: &mut [Vec<TextLine>], heights: &[f64]) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages.iter() {
        let ends = lines
            .first()
            .into_iter()
            .chain(lines.last().filter(|_| lines.len() > 1));
        for line in ends {
            *counts.entry(header_key(&line.text())).or_default() += 1;
        }
    }
    let repeated = |line: &TextLine| {
        pages.len() >= 3
            && counts.get(&header_key(&line.text())).copied().unwrap_or(0) * 2 >= pages.len()
    };
    let keep: Vec<Vec<bool>> = pages
        .iter()
        .zip(heights)
        .map(|(lines, &height)| {
            let n = lines.len();
            lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    // Only in the page's top or bottom tenth: a title at the top of the
                    // first page is not the running header that repeats it.
                    let band = line.y < 0.1 * height || line.y > 0.9 * height;
                    let at_edge = (i < 2 || i + 2 >= n) && band;
                    !(at_edge && (is_page_number(&line.text()) || repeated(line)))
                })
                .collect()
        })
        .collect();
    for (lines, keep) in pages.iter_mut().zip(keep) {
        let mut flags = keep.into_iter();
        lines.retain(|_| flags.next().unwrap_or(true));
    }
}

/// The type size most of the text is set in.
pub fn body_size(pages: &[Vec<TextLine>]) -> f64 {
    let mut by_size: HashMap<i64, usize> = HashMap::new();
    for line in pages.iter().flatten() {
        let chars: usize = line.segments.iter().map(|s| s.text.chars().count()).sum();
        *by_size
            .entry((line.size * 10.0).round() as i64)
            .or_default() += chars;
    }
    by_size
        .into_iter()
        .max_by_key(|&(size, n)| (n, size))
        .map_or(12.0, |(size, _)| size as f64 / 10.0)
}

/// Drop footnotes: at the foot of a page, lines in smaller type than the body, the first
/// opening with a note mark (①, 1, *, 注).
pub fn drop_footnotes(lines: &mut Vec<TextLine>, body: f64) {
    let mut start = lines.len();
    while start > 0 && lines[start - 1].size < 0.85 * body && lines[start - 1].segments.len() == 1 {
        start -= 1;
    }
    if start == lines.len() || start == 0 {
        return;
    }
    let first = lines[start].text();
    let marked = first.starts_with(|c: char| {
        ('①'..='⑳').contains(&c)
            || c.is_ascii_digit()
            || matches!(c, '*' | '＊' | '注' | '[' | '［')
    });
    if marked {
        lines.truncate(start);
    }
}
