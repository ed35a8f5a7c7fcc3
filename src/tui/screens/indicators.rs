//! Indicators: baseline, target, latest recorded value, attribute, and an on-track mark;
//! `v` records a value.

use super::super::labels;
use super::super::view::View;
use crate::store::IndicatorRow;
use crate::text::width::{display_width, truncate};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Row, StatefulWidget, Table, TableState};

#[derive(Debug, Clone, Default)]
pub struct IndicatorsScreen {
    pub selected: usize,
}

/// Whether the indicator is on track (the rule is `track::indicator`).
pub fn on_track(row: &IndicatorRow) -> Option<bool> {
    crate::track::indicator::on_track(
        row.baseline.as_deref(),
        row.target.as_deref(),
        row.values.last().map(|v| v.value.as_str()),
    )
}

impl IndicatorsScreen {
    pub fn current<'a>(&self, view: &View<'a>) -> Option<&'a IndicatorRow> {
        view.data.indicators.get(self.selected)
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let lang = view.lang;
        let headers = [
            labels::TITLE.get(lang),
            labels::BASELINE.get(lang),
            labels::TARGET.get(lang),
            labels::LATEST.get(lang),
            labels::ATTRIBUTE.get(lang),
            labels::ON_TRACK.get(lang),
        ];
        // Each column at least as wide as its header; the name takes what is left.
        let widths: Vec<Constraint> = [None, Some(12), Some(12), Some(12), Some(8), Some(5)]
            .iter()
            .zip(headers)
            .map(|(cells, header)| match cells {
                Some(cells) => Constraint::Length((*cells).max(display_width(header) as u16)),
                None => Constraint::Fill(1),
            })
            .collect();
        let block = view.theme.block().title(labels::INDICATORS.get(lang));
        let laid = Layout::horizontal(widths.clone())
            .spacing(1)
            .split(Rect::new(0, 0, block.inner(area).width, 1));
        let name_width = usize::from(laid[0].width);
        let header = Row::new(headers).style(view.theme.title());
        let height = usize::from(area.height.saturating_sub(3)).max(1);
        let first = self.selected.saturating_sub(height.saturating_sub(1));
        let rows = view
            .data
            .indicators
            .iter()
            .skip(first)
            .take(height)
            .map(|i| {
                let unit = i
                    .unit
                    .as_deref()
                    .map(|u| format!("（{u}）"))
                    .unwrap_or_default();
                let attribute = i
                    .attribute
                    .map_or("", |a| lang.pick(a.label_zh(), a.label_en()));
                let mark = match on_track(i) {
                    Some(true) => lang.pick("达标", "yes"),
                    Some(false) => lang.pick("未达", "no"),
                    None => "-",
                };
                Row::new(vec![
                    truncate(&format!("{}{unit}", i.name), name_width).into_owned(),
                    truncate(i.baseline.as_deref().unwrap_or("-"), 12).into_owned(),
                    truncate(i.target.as_deref().unwrap_or("-"), 12).into_owned(),
                    i.values
                        .last()
                        .map(|v| truncate(&format!("{} {}", v.period, v.value), 12).into_owned())
                        .unwrap_or_else(|| "-".into()),
                    attribute.to_string(),
                    mark.to_string(),
                ])
            });
        let table = Table::new(rows, widths)
            .header(header)
            .block(block)
            .row_highlight_style(view.theme.selected());
        let selected = (!view.data.indicators.is_empty()).then(|| self.selected - first);
        StatefulWidget::render(
            table,
            area,
            buf,
            &mut TableState::default().with_selected(selected),
        );
    }
}

impl super::Navigate for IndicatorsScreen {
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        self.selected = super::step(self.selected, delta, ctx.data.indicators.len());
    }

    fn clamp(&mut self, ctx: &super::Ctx<'_>) {
        self.move_by(0, ctx);
    }
}
