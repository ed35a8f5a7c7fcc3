//! The tab bar: screens by number key (and the open screen that has none), and who and
//! when.

use super::super::labels::{self, Lang};
use super::super::screens::ScreenId;
use super::super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn render(
    current: ScreenId,
    lang: Lang,
    theme: Theme,
    right: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    // The app name only where there is room for it next to the tabs.
    let mut spans = Vec::new();
    if area.width >= 100 {
        spans.push(Span::styled(
            format!("{} ", labels::APP.get(lang)),
            theme.title(),
        ));
    }
    // Short names when the full ones and who/when do not fit.
    let full: usize = ScreenId::ALL
        .iter()
        .map(|s| crate::text::width::display_width(s.label().get(lang)) + 4)
        .sum::<usize>()
        + spans.iter().map(|s| s.width()).sum::<usize>();
    let short = full + 1 + crate::text::width::display_width(right) > usize::from(area.width);
    for screen in ScreenId::ALL {
        let name = if short {
            screen.short_label().get(lang)
        } else {
            screen.label().get(lang)
        };
        let text = format!(" {} {name} ", screen.index() + 1);
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
