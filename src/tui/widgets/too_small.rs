//! Shown instead of the screens when the terminal is smaller than 72×20 (an 80×24
//! terminal under tmux leaves 80×23; 79 columns is common; below 72×20 nothing fits).

use super::super::labels::{self, Lang};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub const MIN_WIDTH: u16 = 72;
pub const MIN_HEIGHT: u16 = 20;

pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

pub fn render(lang: Lang, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "{} ({}×{})",
        labels::TOO_SMALL.get(lang),
        area.width,
        area.height
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
