//! Small formatted cells: progress bars, lights, statuses, pace — text only (no
//! East-Asian-ambiguous symbols, which CJK terminals may draw two cells wide).

use super::super::labels::Lang;
use super::super::theme::Theme;
use crate::track::{Light, Pace, Status};
use ratatui::text::Span;

/// `####---- 40%` in `width` cells.
pub fn progress(progress: u8, width: usize, theme: Theme) -> Vec<Span<'static>> {
    let bar = width.saturating_sub(5);
    let filled = (usize::from(progress.min(100)) * bar + 50) / 100;
    vec![
        Span::styled("#".repeat(filled), theme.bar()),
        Span::styled("-".repeat(bar - filled), theme.dim()),
        Span::raw(format!("{progress:>4}%")),
    ]
}

pub fn light(light: Light, lang: Lang, theme: Theme) -> Span<'static> {
    Span::styled(light_short(light, lang), theme.light(light))
}

/// A light in a cell or a column header: 红 黄 蓝 绿 灰, or R Y B G Gy (green and grey
/// told apart).
pub fn light_short(light: Light, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => light.label_zh(),
        Lang::En => match light {
            Light::Red => "R",
            Light::Yellow => "Y",
            Light::Blue => "B",
            Light::Green => "G",
            Light::Grey => "Gy",
        },
    }
}

pub fn status(status: Status, lang: Lang, theme: Theme) -> Span<'static> {
    Span::styled(
        lang.pick(status.label_zh(), status.label_en()),
        theme.status(status),
    )
}

pub fn pace(pace: Pace, lang: Lang) -> &'static str {
    lang.pick(pace.label_zh(), pace.label_en())
}
