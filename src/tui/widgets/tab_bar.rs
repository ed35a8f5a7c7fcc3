//! The tab bar: screens by number key (and the open screen that has none), and who and
//! when.

use super::super::labels::{self, Lang};
use super::super::screens::ScreenId;
use super::super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The tabs as drawn on a bar `width` cells wide: each screen's text (` 1 总览 `), after
/// the app name where there is room; short names when the full ones and `right` (who and
/// when) would not fit.
fn tabs(width: u16, lang: Lang, right: &str) -> (Option<String>, Vec<(ScreenId, String)>) {
    let app = (width >= 100).then(|| format!("{} ", labels::APP.get(lang)));
    let full: usize = ScreenId::ALL
        .iter()
        .map(|s| crate::text::width::display_width(s.label().get(lang)) + 4)
        .sum::<usize>()
        + app.as_deref().map_or(0, crate::text::width::display_width);
    let short = full + 1 + crate::text::width::display_width(right) > usize::from(width);
    let tabs = ScreenId::ALL
        .iter()
        .map(|&screen| {
            let name = if short {
                screen.short_label().get(lang)
            } else {
                screen.label().get(lang)
            };
            (screen, format!(" {} {name} ", screen.index() + 1))
        })
        .collect();
    (app, tabs)
}

/// The screen whose tab is at column `x` of a bar `width` cells wide.
pub fn tab_at(x: u16, width: u16, lang: Lang, right: &str) -> Option<ScreenId> {
    let (app, tabs) = tabs(width, lang, right);
    let mut at = app.as_deref().map_or(0, crate::text::width::display_width);
    for (screen, text) in tabs {
        let end = at + crate::text::width::display_width(&text);
        if (at..end).contains(&usize::from(x)) {
            return Some(screen);
        }
        at = end;
    }
    None
}

pub fn render(
    current: ScreenId,
    lang: Lang,
    theme: Theme,
    right: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let (app, tabs) = tabs(area.width, lang, right);
    let mut spans = Vec::new();
    if let Some(app) = app {
        spans.push(Span::styled(app, theme.title()));
    }
    for (screen, text) in tabs {
        let style = if screen == current {
            theme.selected()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(text, style));
    }
    // A screen without a number (变化) shows as a tab of its own while it is open.
    // (Only where it fits: the block's title names the screen too.)
    if !ScreenId::ALL.contains(&current) {
        let text = format!(" {} ", current.label().get(lang));
        let used: usize = spans.iter().map(|s| s.width()).sum();
        if used + crate::text::width::display_width(&text) <= usize::from(area.width) {
            spans.push(Span::styled(text, theme.selected()));
        }
    }
    let line = Line::from(spans);
    let used = line.width() as u16;
    line.render(area, buf);
    let width = crate::text::width::display_width(right) as u16;
    if used + 1 + width <= area.width {
        let at = Rect {
            x: area.x + area.width - width,
            width,
            ..area
        };
        Span::styled(right.to_string(), theme.dim()).render(at, buf);
    }
}
