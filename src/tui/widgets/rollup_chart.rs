//! A bar chart of one roll-up row: its items by status, by pace and by warning light.

use super::super::labels::Lang;
use super::super::view::View;
use crate::track::rollup::RollupRow;
use crate::track::{Light, Pace, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::bar;
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};

/// Bars drawn with `#`: block elements are East Asian "ambiguous" width and break the
/// layout on CJK terminals that draw them two cells wide.
const ASCII_BARS: bar::Set = bar::Set {
    full: "#",
    seven_eighths: "#",
    three_quarters: "#",
    five_eighths: "#",
    half: "#",
    three_eighths: "#",
    one_quarter: "#",
    one_eighth: "#",
    empty: " ",
};

/// Rows the chart needs (bars, labels and borders).
pub const HEIGHT: u16 = 8;

fn bar(label: &'static str, value: usize, style: Style) -> Bar<'static> {
    Bar::default()
        .value(value as u64)
        .label(label)
        .style(style)
        .value_style(style.reversed())
}

pub fn render(row: Option<&RollupRow>, view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let lang = view.lang;
    let Some(row) = row else {
        view.theme.block().render(area, buf);
        return;
    };
    let short = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let status: Vec<Bar> = Status::ALL
        .iter()
        .map(|s| {
            let label = match (lang, s) {
                (Lang::Zh, Status::NotStarted) => "未始",
                (Lang::Zh, Status::InProgress) => "进行",
                (Lang::Zh, Status::Done) => "完成",
                (Lang::Zh, Status::Paused) => "暂停",
                (Lang::En, _) => s.as_str(),
            };
            bar(label, row.status_count(*s), view.theme.status(*s))
        })
        .collect();
    let pace: Vec<Bar> = [
        (Pace::Ahead, short("超", "ahead")),
        (Pace::OnPace, short("达", "on")),
        (Pace::Behind, short("欠", "behind")),
        (Pace::Done, short("完", "done")),
    ]
    .into_iter()
    .map(|(p, label)| bar(label, row.pace_count(p), Style::new()))
    .collect();
    let lights: Vec<Bar> = Light::ALL
        .iter()
        .map(|l| {
            bar(
                lang.pick(l.label_zh(), l.as_str()),
                row.light_count(*l),
                view.theme.light(*l),
            )
        })
        .collect();
    let title = format!(
        "{} | {}",
        row.label,
        lang.pick("状态 / 序时 / 预警灯", "status / pace / light")
    );
    BarChart::default()
        .block(view.theme.block().title(title))
        .bar_width(if lang == Lang::En { 6 } else { 4 })
        .bar_gap(1)
        .bar_set(ASCII_BARS)
        .group_gap(3)
        .data(BarGroup::default().bars(&status))
        .data(BarGroup::default().bars(&pace))
        .data(BarGroup::default().bars(&lights))
        .render(area, buf);
}
