//! The `?` overlay: every binding of the current screen, from the keymap table, in two
//! columns when one does not fit. Keys are in a column as wide as the widest key; a
//! description too long for its column wraps onto the next line (UAX #14 rules), so no
//! entry is cut or runs into its neighbour.

use super::super::labels::{self, Lang};
use super::super::theme::Theme;
use super::popup;
use crate::text::width::{display_width, truncate, wrap};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// Widest the overlay is when one column fits.
const ONE_COLUMN: u16 = 56;
/// Cells between a key and its description, and between the two columns.
const KEY_GAP: u16 = 1;
const COLUMN_GAP: u16 = 3;

/// An entry laid out: its key and its description's lines.
struct Entry<'a> {
    keys: &'a str,
    lines: Vec<String>,
}

fn entries(rows: &[(String, String)], description: usize) -> Vec<Entry<'_>> {
    rows.iter()
        .map(|(keys, what)| Entry {
            keys,
            lines: wrap(what, description),
        })
        .collect()
}

/// The entries split into `columns` columns of about equal height (in lines).
fn split<'e, 'a>(entries: &'e [Entry<'a>], columns: usize) -> Vec<&'e [Entry<'a>]> {
    if columns <= 1 {
        return vec![entries];
    }
    let total: usize = entries.iter().map(|e| e.lines.len()).sum();
    let mut used = 0;
    let at = entries
        .iter()
        .position(|e| {
            used += e.lines.len();
            used * 2 >= total
        })
        .map_or(entries.len(), |i| i + 1);
    let (left, right) = entries.split_at(at);
    vec![left, right]
}

fn height(column: &[Entry<'_>]) -> usize {
    column.iter().map(|e| e.lines.len()).sum()
}

pub fn render(rows: &[(String, String)], lang: Lang, theme: Theme, area: Rect, buf: &mut Buffer) {
    overlay(rows, labels::HELP.get(lang), theme, area, buf);
}

/// Rows of (key, text) in a framed overlay titled `title` (the help, the light rules,
/// the status list).
pub fn overlay(rows: &[(String, String)], title: &str, theme: Theme, area: Rect, buf: &mut Buffer) {
    let key_width = rows
        .iter()
        .map(|(k, _)| display_width(k))
        .max()
        .unwrap_or(0) as u16;
    let inner_height = usize::from(area.height.saturating_sub(2));
    // One column when the entries fit in its height, else two across the whole width.
    let one_width = ONE_COLUMN.min(area.width);
    let one = entries(
        rows,
        usize::from(one_width.saturating_sub(2 + key_width + KEY_GAP)),
    );
    let (width, columns, laid) = if height(&one) <= inner_height {
        (one_width, 1u16, one)
    } else {
        let column = (area.width.saturating_sub(2 + COLUMN_GAP)) / 2;
        let description = usize::from(column.saturating_sub(key_width + KEY_GAP));
        (area.width, 2, entries(rows, description))
    };
    let parts = split(&laid, usize::from(columns));
    let tallest = parts.iter().map(|p| height(p)).max().unwrap_or(0);
    let frame_height = (tallest as u16 + 2).min(area.height);
    let frame = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - frame_height) / 2,
        width,
        height: frame_height,
    };
    popup::clear(frame, buf);
    let block = theme
        .block()
        .title(title.to_string())
        .title_style(theme.title());
    let inner = block.inner(frame);
    block.render(frame, buf);
    let column_width = if columns == 1 {
        inner.width
    } else {
        (inner.width.saturating_sub(COLUMN_GAP)) / 2
    };
    let description = usize::from(column_width.saturating_sub(key_width + KEY_GAP));
    for (index, part) in parts.iter().enumerate() {
        let x = inner.x + index as u16 * (column_width + COLUMN_GAP);
        let mut y = inner.y;
        'column: for entry in *part {
            for (n, line) in entry.lines.iter().enumerate() {
                if y >= inner.bottom() {
                    break 'column;
                }
                // The last line that fits says there is more.
                let last_row = y + 1 == inner.bottom();
                let more = last_row && (n + 1 < entry.lines.len());
                if n == 0 {
                    buf.set_stringn(x, y, entry.keys, usize::from(key_width), Style::default());
                }
                let text = if more {
                    truncate(&format!("{line}…"), description).into_owned()
                } else {
                    line.clone()
                };
                buf.set_stringn(
                    x + key_width + KEY_GAP,
                    y,
                    text,
                    description,
                    Style::default(),
                );
                y += 1;
            }
        }
    }
}
