//! The bottom line: the message of the last action (saved, error, conflict) or key hints.

use super::super::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
    Hint,
}

pub fn render(text: &str, tone: Tone, theme: Theme, area: Rect, buf: &mut Buffer) {
    let style: Style = match tone {
        Tone::Info => theme.info(),
        Tone::Error => theme.error(),
        Tone::Hint => theme.dim(),
    };
    Span::styled(
        crate::text::width::truncate(text, usize::from(area.width)).into_owned(),
        style,
    )
    .render(area, buf);
}
