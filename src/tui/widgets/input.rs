//! An input box over the bottom of the screen (ratatui-textarea): single-line prompts and
//! the multi-line note editor, with completion suggestions.

use super::super::theme::Theme;
use super::popup;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;

pub fn render(
    textarea: &TextArea<'_>,
    prompt: &str,
    hint: &str,
    theme: Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let lines = textarea.lines().len().clamp(1, 8) as u16;
    let height = (lines + 2).min(area.height);
    let frame = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    popup::clear(frame, buf);
    let block = theme
        .block()
        .title(prompt.to_string())
        .title_bottom(hint.to_string())
        .border_style(theme.title());
    let inner = block.inner(frame);
    block.render(frame, buf);
    textarea.render(inner, buf);
}
