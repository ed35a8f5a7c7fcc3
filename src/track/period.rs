//! Period reports (月报): what moved between the start and the end of a period, per
//! department and per chapter, and the same for the period before it (较上期).
//!
//! ## Rules
//!
//! - A period is a span of days, both ends included. The **state at the start** is the
//!   state at the end of the day before the first day; the **state at the end** that at
//!   the end of the last day (see `store::as_of`). Lights are judged at those days.
//! - **The previous period** (上期) is the same number of calendar months before, when the
//!   period is whole months (1 November – 30 November → October); otherwise the same
//!   number of days just before it.
//! - Items are grouped as at the end of the period: **by department** under their lead
//!   department (`（未指定牵头单位）` without one), **by chapter** under `规划 / 章节` —
//!   the groups of `track::rollup`.
//! - **Progress at the start / end**: the mean progress of the group's items; an item that
//!   did not exist at the start counts as 0 there.
//! - **Completed**: 已完成 at the end, not at the start. **Newly red**: red at the end, not
//!   at the start. **Newly overdue** (逾期): late at the end — an overdue milestone, or its
//!   period ended undone — and not at the start. Lights and lateness are `track::health`'s
//!   (`Health::is_late`).
//! - **Milestones due in the period**: those (alive at the end) whose due date at the
//!   start, or at the end, falls within the period, or that an extension recorded in the
//!   period moved from a date within it. Each is **met** when done by the last day;
//!   otherwise **extended** when an extension recorded in the period moved it past the
//!   last day; otherwise **missed** when its due date has passed (before the last day +
//!   1 and before today); otherwise **open** (due later, within the period).
//! - **Notes** count the notes written within the period.

use super::health::Light;
use super::rollup::{ItemSummary, NO_CHAPTER, NO_LEAD};
use super::status::Status;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    /// The span `from`–`to`; `None` when `to` is before `from`.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Option<Span> {
        (from <= to).then_some(Span { from, to })
    }

    /// The day whose end is the state at the start.
    pub fn eve(self) -> NaiveDate {
        self.from.pred_opt().unwrap_or(self.from)
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whole calendar months: from the 1st to the last day of a month.
    fn months(self) -> Option<u32> {
        let after = self.to.succ_opt()?;
        if self.from.day() != 1 || after.day() != 1 {
            return None;
        }
        let count = (after.year() - self.from.year()) * 12 + after.month() as i32
            - self.from.month() as i32;
        u32::try_from(count).ok().filter(|&n| n > 0)
    }

    /// The period before this one (see the module rules).
    pub fn previous(self) -> Span {
        if let Some(n) = self.months()
            && let Some(from) = self.from.checked_sub_months(Months::new(n))
        {
            return Span {
                from,
                to: self.eve(),
            };
        }
        let days = (self.to - self.from).num_days().max(0) as u64 + 1;
        Span {
            from: self
                .from
                .checked_sub_days(Days::new(days))
                .unwrap_or(self.from),
            to: self.eve(),
        }
    }
}

/// An extension recorded for a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Moved {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
    /// The day it was recorded.
    pub on: NaiveDate,
}

/// A milestone as the period sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MilestoneSpan {
    pub id: i64,
    pub item: i64,
    pub title: String,
    /// Its due date at the start; `None` when it was added during the period.
    pub due_at_start: Option<NaiveDate>,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    /// Every extension recorded up to the end of the period.
    pub extensions: Vec<Moved>,
}

/// What became of a milestone due in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    Extended,
    Missed,
    Open,
}

impl MilestoneSpan {
    /// Its extensions recorded within `span`.
    pub fn moved_in(&self, span: Span) -> impl Iterator<Item = &Moved> {
        self.extensions.iter().filter(move |m| span.contains(m.on))
    }

    /// Whether it was due in `span`.
    pub fn due_in(&self, span: Span) -> bool {
        self.due_at_start.is_some_and(|d| span.contains(d))
            || span.contains(self.due)
            || self.moved_in(span).any(|m| span.contains(m.from))
    }

    /// What became of it by the end of `span`, judged on `today`.
    pub fn outcome(&self, span: Span, today: NaiveDate) -> Outcome {
        if self.done.is_some_and(|d| d <= span.to) {
            Outcome::Met
        } else if self.due > span.to && self.moved_in(span).next().is_some() {
            Outcome::Extended
        } else if self.due <= span.to && self.due < today {
            Outcome::Missed
        } else {
            Outcome::Open
        }
    }
}

/// A note written in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteSpan {
    pub item: i64,
    pub on: NaiveDate,
    pub author: String,
    pub text: String,
}

/// The figures of one group over one period.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub items: usize,
    pub progress_start: f64,
    pub progress_end: f64,
    pub completed: usize,
    pub newly_red: usize,
    pub newly_overdue: usize,
    pub milestones_due: usize,
    pub met: usize,
    pub extended: usize,
    pub missed: usize,
    pub open: usize,
    pub notes: usize,
}

/// What one period gives: its span, the states at its start and end, its milestones and
/// notes. `today` tells a missed milestone from one still open.
#[derive(Debug, Clone)]
pub struct PeriodData {
    pub span: Span,
    pub start: Vec<ItemSummary>,
    pub end: Vec<ItemSummary>,
    pub milestones: Vec<MilestoneSpan>,
    pub notes: Vec<NoteSpan>,
}

/// One row of a report table: a group's figures now and in the previous period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub label: String,
    pub now: Figures,
    pub before: Figures,
}

/// Which grouping a table uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Department,
    Chapter,
}

/// The group of an item (see the module rules).
pub fn group_of(item: &ItemSummary, by: GroupBy) -> String {
    let named = |v: Option<&str>| v.filter(|s| !s.is_empty()).map(str::to_string);
    match by {
        GroupBy::Department => named(item.lead.as_deref()).unwrap_or_else(|| NO_LEAD.into()),
        GroupBy::Chapter => format!(
            "{} / {}",
            item.plan,
            named(item.chapter.as_deref()).unwrap_or_else(|| NO_CHAPTER.into())
        ),
    }
}

/// The figures of one period per group (`None`: the whole), keyed by group.
pub fn figures(
    data: &PeriodData,
    by: Option<GroupBy>,
    today: NaiveDate,
) -> BTreeMap<String, Figures> {
    let key = |item: &ItemSummary| by.map_or_else(String::new, |by| group_of(item, by));
    let start: HashMap<i64, &ItemSummary> = data.start.iter().map(|i| (i.id, i)).collect();
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    let mut sums: HashMap<String, (u64, u64)> = HashMap::new();
    let mut group_of_item: HashMap<i64, String> = HashMap::new();
    for item in &data.end {
        let group = key(item);
        let before = start.get(&item.id);
        let f = groups.entry(group.clone()).or_default();
        f.items += 1;
        let was = |test: &dyn Fn(&ItemSummary) -> bool| before.is_some_and(|b| test(b));
        f.completed +=
            usize::from(item.status == Status::Done && !was(&|b| b.status == Status::Done));
        f.newly_red +=
            usize::from(item.health.light == Light::Red && !was(&|b| b.health.light == Light::Red));
        f.newly_overdue += usize::from(item.health.is_late() && !was(&|b| b.health.is_late()));
        let sum = sums.entry(group.clone()).or_default();
        sum.0 += u64::from(before.map_or(0, |b| b.progress.min(100)));
        sum.1 += u64::from(item.progress.min(100));
        group_of_item.insert(item.id, group);
    }
    for (group, (start, end)) in sums {
        if let Some(f) = groups.get_mut(&group) {
            let n = f.items.max(1) as f64;
            f.progress_start = start as f64 / n;
            f.progress_end = end as f64 / n;
        }
    }
    for m in data.milestones.iter().filter(|m| m.due_in(data.span)) {
        let Some(f) = group_of_item.get(&m.item).and_then(|g| groups.get_mut(g)) else {
            continue;
        };
        f.milestones_due += 1;
        match m.outcome(data.span, today) {
            Outcome::Met => f.met += 1,
            Outcome::Extended => f.extended += 1,
            Outcome::Missed => f.missed += 1,
            Outcome::Open => f.open += 1,
        }
    }
    for note in data.notes.iter().filter(|n| data.span.contains(n.on)) {
        if let Some(f) = group_of_item
            .get(&note.item)
            .and_then(|g| groups.get_mut(g))
        {
            f.notes += 1;
        }
    }
    groups
}

/// Rows of one grouping (or the total, `by` None): every group of this period, with the
/// previous period's figures of the same group (zero when it had none), departments by
/// name with the unnamed group last, chapters in the order the items come.
pub fn rows(
    now: &PeriodData,
    before: &PeriodData,
    by: Option<GroupBy>,
    today: NaiveDate,
) -> Vec<Row> {
    let current = figures(now, by, today);
    let previous = figures(before, by, today);
    let mut labels: Vec<String> = Vec::new();
    for item in &now.end {
        let label = by.map_or_else(String::new, |by| group_of(item, by));
        if !labels.contains(&label) {
            labels.push(label);
        }
    }
    if by == Some(GroupBy::Department) {
        labels.sort_by(|a, b| (a == NO_LEAD).cmp(&(b == NO_LEAD)).then(a.cmp(b)));
    }
    labels
        .into_iter()
        .map(|label| Row {
            now: current.get(&label).cloned().unwrap_or_default(),
            before: previous.get(&label).cloned().unwrap_or_default(),
            label,
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_previous_period_of_a_month_is_the_month_before() {
        let nov = Span::new(d("2026-11-01"), d("2026-11-30")).unwrap();
        assert_eq!(
            nov.previous(),
            Span::new(d("2026-10-01"), d("2026-10-31")).unwrap()
        );
        let q = Span::new(d("2026-01-01"), d("2026-03-31")).unwrap();
        assert_eq!(
            q.previous(),
            Span::new(d("2025-10-01"), d("2025-12-31")).unwrap()
        );
        let week = Span::new(d("2026-11-09"), d("2026-11-15")).unwrap();
        assert_eq!(
            week.previous(),
            Span::new(d("2026-11-02"), d("2026-11-08")).unwrap()
        );
        assert!(Span::new(d("2026-11-02"), d("2026-11-01")).is_none());
    }

    #[test]
    fn outcomes_of_milestones() {
        let span = Span::new(d("2026-11-01"), d("2026-11-30")).unwrap();
        let m = |due: &str, done: Option<&str>, moved: Option<(&str, &str)>| MilestoneSpan {
            id: 1,
            item: 1,
            title: "t".into(),
            due_at_start: Some(d(moved.map_or(due, |m| m.0))),
            due: d(due),
            done: done.map(d),
            extensions: moved
                .map(|(from, on)| Moved {
                    from: d(from),
                    to: d(due),
                    reason: "r".into(),
                    on: d(on),
                })
                .into_iter()
                .collect(),
        };
        let today = d("2026-12-05");
        assert_eq!(
            m("2026-11-10", Some("2026-11-09"), None).outcome(span, today),
            Outcome::Met
        );
        assert_eq!(
            m("2026-11-10", None, None).outcome(span, today),
            Outcome::Missed
        );
        let moved = m("2026-12-20", None, Some(("2026-11-10", "2026-11-08")));
        assert!(moved.due_in(span));
        assert_eq!(moved.outcome(span, today), Outcome::Extended);
        assert_eq!(
            m("2026-11-28", None, None).outcome(span, d("2026-11-20")),
            Outcome::Open
        );
        assert!(!m("2026-12-10", None, None).due_in(span));
    }
}
