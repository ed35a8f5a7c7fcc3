//! 变化 Changes: what changed since a date (default: the first of this month), by whom,
//! grouped by the item's lead department, then by item, newest first. Enter opens the
//! item; `[` and `]` move the date a month; `:changes DATE` sets it.

use super::super::changes::made;
use super::super::labels::{L, Lang};
use super::super::snapshot::Snapshot;
use super::super::view::View;
use super::{Ctx, Navigate, step};
use crate::store::HistoryEntry;
use crate::text::width::truncate;
use crate::track::rollup::NO_LEAD;
use chrono::{Datelike, Months, NaiveDate};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use std::collections::HashMap;

pub const TITLE: L = L("变化", "Changes");
/// The group of changes that are about no item (thresholds, indicator values).
const NOT_AN_ITEM: L = L("（非事项）", "(not an item)");
/// Most changes read (the newest).
pub const LIMIT: usize = 2000;

#[derive(Debug, Clone, Default)]
pub struct ChangesScreen {
    /// The first day shown; `None` until the screen is first opened.
    pub since: Option<NaiveDate>,
    /// The changes since then, newest first (as the store gives them).
    pub entries: Vec<HistoryEntry>,
    /// The selected change, counted in display order.
    pub selected: usize,
    /// Short names of departments by id: what a link change is about.
    pub departments: HashMap<i64, String>,
}

/// A line of the list: a department heading, an item heading, or a change (its index in
/// `entries`).
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Group(String, usize),
    Item(Option<i64>),
    Change(usize),
}

/// An item (none: a change about no item) and its changes, as indices into `entries`.
type ItemChanges = (Option<i64>, Vec<usize>);

/// The first day of `today`'s month.
pub fn month_start(today: NaiveDate) -> NaiveDate {
    today.with_day(1).unwrap_or(today)
}

/// `since` moved by `months` (negative: back), kept on the first of a month.
pub fn shifted(since: NaiveDate, months: i32) -> NaiveDate {
    let start = month_start(since);
    let moved = if months < 0 {
        start.checked_sub_months(Months::new(months.unsigned_abs()))
    } else {
        start.checked_add_months(Months::new(months as u32))
    };
    moved.unwrap_or(start)
}

impl ChangesScreen {
    /// The department an entry is grouped under (the item's lead now).
    fn group(entry: &HistoryEntry, data: &Snapshot, lang: Lang) -> String {
        match entry.item {
            None => NOT_AN_ITEM.get(lang).to_string(),
            Some(id) => data
                .item(id)
                .and_then(|item| data.name(item.lead))
                .filter(|n| !n.is_empty())
                .unwrap_or(NO_LEAD)
                .to_string(),
        }
    }

    /// The rows in display order: departments by name (no lead, then no item, last),
    /// items in the order of their newest change, changes newest first.
    fn rows(&self, data: &Snapshot, lang: Lang) -> Vec<Row> {
        let mut groups: Vec<(String, Vec<ItemChanges>)> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let name = Self::group(entry, data, lang);
            let slot = match groups.iter().position(|(g, _)| *g == name) {
                Some(slot) => slot,
                None => {
                    groups.push((name, Vec::new()));
                    groups.len() - 1
                }
            };
            let items = &mut groups[slot].1;
            match items.iter_mut().find(|(item, _)| *item == entry.item) {
                Some((_, changes)) => changes.push(index),
                None => items.push((entry.item, vec![index])),
            }
        }
        let last = |name: &str| match name {
            n if n == NO_LEAD => 1,
            n if n == NOT_AN_ITEM.get(lang) => 2,
            _ => 0,
        };
        groups.sort_by(|a, b| last(&a.0).cmp(&last(&b.0)).then(a.0.cmp(&b.0)));
        let mut rows = Vec::new();
        for (name, items) in groups {
            let count = items.iter().map(|(_, c)| c.len()).sum();
            rows.push(Row::Group(name, count));
            for (item, changes) in items {
                if item.is_some() {
                    rows.push(Row::Item(item));
                }
                rows.extend(changes.into_iter().map(Row::Change));
            }
        }
        rows
    }

    /// The entry selected, if any.
    pub fn current<'a>(&'a self, data: &Snapshot, lang: Lang) -> Option<&'a HistoryEntry> {
        self.rows(data, lang)
            .into_iter()
            .filter_map(|r| match r {
                Row::Change(index) => Some(index),
                _ => None,
            })
            .nth(self.selected)
            .and_then(|index| self.entries.get(index))
    }

    /// The items changed, each once, newest change first (what `x` exports).
    pub fn item_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = Vec::new();
        for id in self.entries.iter().filter_map(|e| e.item) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }

    /// New changes read for `since`.
    pub fn loaded(
        &mut self,
        since: NaiveDate,
        entries: Vec<HistoryEntry>,
        departments: HashMap<i64, String>,
    ) {
        self.departments = departments;
        if self.since != Some(since) {
            self.selected = 0;
        }
        self.since = Some(since);
        self.entries = entries;
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }

    fn line(&self, row: &Row, data: &Snapshot, lang: Lang, width: usize) -> String {
        match row {
            Row::Group(name, count) => match lang {
                Lang::Zh => format!("{name}（{count} 项修改）"),
                Lang::En if *count == 1 => format!("{name} (1 change)"),
                Lang::En => format!("{name} ({count} changes)"),
            },
            Row::Item(Some(id)) => {
                let title = data.item(*id).map_or("", |i| &i.title);
                truncate(&format!("  #{id} {title}"), width).into_owned()
            }
            Row::Item(None) => String::new(),
            Row::Change(index) => {
                let Some(entry) = self.entries.get(*index) else {
                    return String::new();
                };
                let when = entry.at.get(5..16).unwrap_or(&entry.at).replace('T', " ");
                let what = made(
                    &HistoryEntry {
                        item: None,
                        ..entry.clone()
                    },
                    lang,
                );
                // A link change names its department.
                let what = match entry.entity_id.and_then(|d| self.departments.get(&d)) {
                    Some(department) if entry.entity == "link" => format!("{department} {what}"),
                    _ => what,
                };
                let who = truncate(&entry.who, 10);
                let undone = if entry.undone {
                    lang.pick("（已撤销）", " (undone)")
                } else {
                    ""
                };
                truncate(&format!("    {when} {who:<10} {what}{undone}"), width).into_owned()
            }
        }
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let lang = view.lang;
        let width = usize::from(area.width.saturating_sub(2));
        let height = usize::from(area.height.saturating_sub(2)).max(1);
        let since = self.since.unwrap_or_else(|| month_start(view.today));
        // At the limit, only the newest are shown: said in the count.
        let count = match self.entries.len() {
            LIMIT => lang.pick("最近 ", "newest ").to_string() + &LIMIT.to_string(),
            n => n.to_string(),
        };
        let title = match lang {
            Lang::Zh => format!("{} · 自 {since} 起 · {count} 项修改 · [ ] 换月", TITLE.0),
            Lang::En => format!("{} since {since} · {count} changes · [ ] month", TITLE.1),
        };
        let rows = self.rows(view.data, lang);
        let mut selected_line = 0;
        let mut change = 0;
        let mut lines = Vec::with_capacity(rows.len());
        for (at, row) in rows.iter().enumerate() {
            let text = self.line(row, view.data, lang, width);
            let style = match row {
                Row::Group(..) => view.theme.title(),
                Row::Change(_) if change == self.selected => {
                    selected_line = at;
                    view.theme.selected()
                }
                _ => ratatui::style::Style::default(),
            };
            if let Row::Change(_) = row {
                change += 1;
            }
            lines.push(Line::from(Span::styled(text, style)));
        }
        if lines.is_empty() {
            lines.push(Line::from(
                lang.pick("（此期间无修改）", "(no changes in this period)"),
            ));
        }
        let scroll = selected_line.saturating_sub(height.saturating_sub(1));
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(view.theme.block().title(title))
            .render(area, buf);
    }
}

impl Navigate for ChangesScreen {
    fn move_by(&mut self, delta: isize, _ctx: &Ctx<'_>) {
        self.selected = step(self.selected, delta, self.entries.len());
    }

    fn clamp(&mut self, _ctx: &Ctx<'_>) {
        self.selected = self.selected.min(self.entries.len().saturating_sub(1));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn months_move_from_the_first() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(month_start(d("2026-11-23")), d("2026-11-01"));
        assert_eq!(shifted(d("2026-11-01"), -1), d("2026-10-01"));
        assert_eq!(shifted(d("2026-01-15"), -1), d("2025-12-01"));
        assert_eq!(shifted(d("2026-12-01"), 1), d("2027-01-01"));
    }
}
