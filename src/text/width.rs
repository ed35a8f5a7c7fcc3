//! Display width on a terminal grid: CJK characters take two cells, combining marks none.
//!
//! Pure functions over `&str` (unicode-width), for the command-line tables and the wrapped
//! text of `show`. Callers pass text that is already terminal-safe (`sanitize::term_safe`):
//! a control character counts as zero cells here.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// The ellipsis that ends a truncated text (one cell).
pub const ELLIPSIS: char = '…';

/// Cells one character takes: 2 for CJK and other wide characters, 0 for combining marks
/// and control characters, 1 otherwise.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells `text` takes on one line.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// `text` cut to at most `max_cells` cells. A text that is cut ends with "…" (counted as one
/// cell); a double-width character is never split — when only one cell is left before the
/// ellipsis, the cut is one cell shorter. Borrowed when the text already fits.
pub fn truncate(text: &str, max_cells: usize) -> Cow<'_, str> {
    if display_width(text) <= max_cells {
        return Cow::Borrowed(text);
    }
    if max_cells == 0 {
        return Cow::Borrowed("");
    }
    let room = max_cells - char_width(ELLIPSIS);
    let mut out = String::with_capacity(text.len().min(max_cells * 4));
    let mut used = 0;
    for c in text.chars() {
        let w = char_width(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// `text` followed by spaces up to `cells` cells (unchanged when it is already as wide).
pub fn pad_right(text: &str, cells: usize) -> String {
    let width = display_width(text);
    let mut out = String::with_capacity(text.len() + cells.saturating_sub(width));
    out.push_str(text);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(width)));
    out
}

/// Spaces up to `cells` cells, then `text` (unchanged when it is already as wide).
pub fn pad_left(text: &str, cells: usize) -> String {
    let width = display_width(text);
    let mut out: String = std::iter::repeat_n(' ', cells.saturating_sub(width)).collect();
    out.push_str(text);
    out
}

/// Lines of at most `cells` cells (at least two cells wide). Existing line breaks are
/// kept; lines break where Unicode's line breaking rules (UAX #14, `unicode-linebreak`)
/// allow: between CJK characters but never before 。，、）” nor after （“, at spaces
/// between words. A word longer than a line is split between characters. Spaces at a
/// break are dropped. An empty text gives one empty line.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    wrap_with(text, cells, false)
}

/// [`wrap`] for a list of names (`省发改委、省发展和改革委员会`): where a line holds a
/// list mark (、，；) or a space in its second half, it breaks there rather than inside
/// the next name.
pub fn wrap_names(text: &str, cells: usize) -> Vec<String> {
    wrap_with(text, cells, true)
}

fn wrap_with(text: &str, cells: usize, names: bool) -> Vec<String> {
    let cells = cells.max(2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        // Where the line may best be broken: after a list mark or a space (byte index).
        let mut preferred: Option<usize> = None;
        let mut start = 0;
        for (end, _) in unicode_linebreak::linebreaks(paragraph) {
            let segment = &paragraph[start..end];
            start = end;
            let width = display_width(segment.trim_end());
            if used > 0 && used + width > cells {
                let rest = match preferred {
                    Some(at) if display_width(&line[..at]) * 2 >= cells => line.split_off(at),
                    _ => String::new(),
                };
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                line = rest.trim_start().to_string();
                used = display_width(&line);
                preferred = None;
            }
            let segment = if used == 0 {
                segment.trim_start()
            } else {
                segment
            };
            if display_width(segment.trim_end()) <= cells - used {
                line.push_str(segment);
                used += display_width(segment);
                if names && segment.ends_with(['、', '，', '；', ' ']) {
                    preferred = Some(line.len());
                }
                continue;
            }
            // Longer than a line: split between characters.
            for c in segment.trim_end().chars() {
                let w = char_width(c);
                if used + w > cells && used > 0 {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += w;
            }
            preferred = None;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(display_width(""), 0);
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("长株潭"), 6);
        assert_eq!(display_width("5G基站"), 6);
        assert_eq!(display_width("…"), 1);
        assert_eq!(display_width("e\u{301}"), 1);
    }

    #[test]
    fn truncate_fits_untouched() {
        assert!(matches!(truncate("长株潭", 6), Cow::Borrowed("长株潭")));
        assert_eq!(truncate("abc", 10), "abc");
        assert_eq!(truncate("", 0), "");
    }

    #[test]
    fn truncate_cjk_at_an_odd_width_never_splits_a_character() {
        let title = "长株潭都市圈一体化发展";
        for max in 0..=display_width(title) + 1 {
            let cut = truncate(title, max);
            assert!(display_width(&cut) <= max, "{max}: {cut}");
            if display_width(title) > max && max > 0 {
                assert!(cut.ends_with('…'), "{max}: {cut}");
            }
        }
        // 7 cells: three characters (6) would leave no room for "…", so two plus "…" (5).
        assert_eq!(truncate(title, 7), "长株潭…");
        assert_eq!(display_width(&truncate(title, 7)), 7);
        assert_eq!(truncate(title, 6), "长株…");
        assert_eq!(display_width(&truncate(title, 6)), 5);
        assert_eq!(truncate(title, 1), "…");
        assert_eq!(truncate(title, 2), "…");
        assert_eq!(truncate(title, 3), "长…");
        assert_eq!(truncate(title, 0), "");
    }

    #[test]
    fn truncate_mixed_text() {
        assert_eq!(truncate("5G基站建设", 5), "5G基…");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }

    #[test]
    fn padding_counts_cells() {
        assert_eq!(pad_right("长株", 6), "长株  ");
        assert_eq!(pad_right("abc", 2), "abc");
        assert_eq!(pad_left("40%", 5), "  40%");
        assert_eq!(display_width(&pad_right("湘江新区", 9)), 9);
    }

    #[test]
    fn wrap_cjk_breaks_between_characters() {
        let lines = wrap("推进长株潭都市圈建设", 7);
        assert_eq!(lines, ["推进长", "株潭都", "市圈建", "设"]);
        for line in &lines {
            assert!(display_width(line) <= 7);
        }
    }

    #[test]
    fn wrap_ascii_prefers_spaces() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("建设5G基站 100 个", 8), ["建设5G基", "站 100", "个"]);
    }

    #[test]
    fn wrap_keeps_line_breaks_and_empty_text() {
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("一\n\n二", 10), ["一", "", "二"]);
        assert_eq!(wrap("  a  ", 10), ["a"]);
    }

    #[test]
    fn wrap_never_starts_a_line_with_closing_punctuation() {
        let text = "建设长株潭国家中心城市。发挥长株潭整体优势，推动长株潭三市整体建设国家中心城市（简称“中心城市”）、打造国家重要先进制造业中心。";
        for cells in 12..=40 {
            let lines = wrap(text, cells);
            assert_eq!(lines.concat(), text, "{cells}: nothing lost");
            for (i, line) in lines.iter().enumerate() {
                assert!(display_width(line) <= cells, "{cells}: {line}");
                assert!(
                    !line.starts_with(['。', '，', '、', '）', '”', '；', '：']),
                    "{cells}: line {i} starts with closing punctuation: {line}"
                );
                assert!(
                    i + 1 == lines.len() || !line.ends_with(['（', '“']),
                    "{cells}: line {i} ends with opening punctuation: {line}"
                );
            }
        }
        // "。" stays with the character before it: 4 cells hold "城市" and the next
        // line starts "。发" in no width.
        assert_eq!(wrap("中心城市。发挥", 8), ["中心城", "市。发挥"]);
        // A list of names breaks between names where it can.
        assert_eq!(
            wrap_names("国开行湖南分行、国开行湖南省分行", 20),
            ["国开行湖南分行、", "国开行湖南省分行"]
        );
    }
}
