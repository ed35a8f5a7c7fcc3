//! Indicators: baseline, target, latest recorded value, attribute, and an on-track mark;
//! `v` records a value.

use super::super::labels;
use super::super::view::View;
use crate::plan::Attribute;
use crate::store::IndicatorRow;
use crate::text::width::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Row, StatefulWidget, Table, TableState};

#[derive(Debug, Clone, Default)]
pub struct IndicatorsScreen {
    pub selected: usize,
}

/// The leading number of a cell ("＜5.5" → 5.5, "年均5—5.5" → 5), if any.
fn number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// On track when the latest value has reached the target (in the direction from the
/// baseline); unknown when either is not a number.
pub fn on_track(row: &IndicatorRow) -> Option<bool> {
    let latest = number(&row.values.last()?.value)?;
    let target = number(row.target.as_deref()?)?;
    let baseline = row.baseline.as_deref().and_then(number);
    let falling = row
        .target
        .as_deref()
        .is_some_and(|t| t.contains(['＜', '<', '≤']))
        || baseline.is_some_and(|b| target < b);
    Some(if falling {
        latest <= target
    } else {
        latest >= target
    })
}

impl IndicatorsScreen {
    pub fn current<'a>(&self, view: &View<'a>) -> Option<&'a IndicatorRow> {
        view.data.indicators.get(self.selected)
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let lang = view.lang;
        let name_width = usize::from(area.width.saturating_sub(2 + 12 + 12 + 12 + 8 + 5 + 5));
        let header = Row::new(vec![
            labels::TITLE.get(lang),
            labels::BASELINE.get(lang),
            labels::TARGET.get(lang),
            labels::LATEST.get(lang),
            labels::ATTRIBUTE.get(lang),
            labels::ON_TRACK.get(lang),
        ])
        .style(view.theme.title());
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
                let attribute = match i.attribute {
                    Some(Attribute::Binding) => lang.pick("约束性", "binding"),
                    Some(Attribute::Expected) => lang.pick("预期性", "expected"),
                    None => "",
                };
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
        let widths = [
            Constraint::Fill(1),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(8),
            Constraint::Length(5),
        ];
        let table = Table::new(rows, widths)
            .header(header)
            .block(view.theme.block().title(labels::INDICATORS.get(lang)))
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
