//! Clearing an area for a popup. A wide character just left of the area would otherwise
//! still cover the popup's first column in the terminal, so it is blanked too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub fn clear(area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    if area.x == 0 {
        return;
    }
    for y in area.top()..area.bottom() {
        let left = (area.x - 1, y);
        if buf.area.contains(left.into())
            && crate::text::width::display_width(buf[left].symbol()) > 1
        {
            buf[left].set_symbol(" ");
        }
    }
}
