//! The `?` overlay: every binding of the current screen, from the keymap table, in two
//! columns when one does not fit.

use super::super::labels::{self, Lang};
use super::super::theme::Theme;
use super::popup;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Row, Table, Widget};

pub fn render(rows: &[(&str, &str)], lang: Lang, theme: Theme, area: Rect, buf: &mut Buffer) {
    let fits_one = rows.len() as u16 + 2 <= area.height;
    let columns: u16 = if fits_one { 1 } else { 2 };
    let per_column = rows.len().div_ceil(usize::from(columns));
    let height = (per_column as u16 + 2).min(area.height);
    let width = if fits_one {
        56.min(area.width)
    } else {
        area.width
    };
    let frame = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    popup::clear(frame, buf);
    let block = theme
        .block()
        .title(labels::HELP.get(lang))
        .title_style(theme.title());
    let inner = block.inner(frame);
    block.render(frame, buf);
    let areas = Layout::horizontal(vec![Constraint::Fill(1); usize::from(columns)]).split(inner);
    for (chunk, column) in rows.chunks(per_column.max(1)).zip(areas.iter()) {
        let table = Table::new(
            chunk
                .iter()
                .map(|(keys, what)| Row::new(vec![keys.to_string(), what.to_string()])),
            [Constraint::Length(12), Constraint::Fill(1)],
        );
        table.render(*column, buf);
    }
}
