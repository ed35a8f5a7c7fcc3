//! The period report (`plantrack report --from … --to …`): what moved in the period, per
//! department and per chapter, beside the period before it (较上期), with the milestones
//! due, the notes written and an annex (附件) of the items late at its end.
//!
//! [`collect`] reads the states it needs from the store's time travel (`list_as_of`,
//! `milestones_as_of`) and counts them by the rules of `track::period`; `measures` names
//! the table's figures once for every format; `markdown`, `xlsx` and `docx` write them.

pub mod document;
pub mod docx;
pub mod markdown;
pub mod measures;
pub mod xlsx;

use super::export::{ExportError, clean};
use crate::store::{ItemQuery, ItemRow, Milestone, Store};
use crate::track::health::Light;
use crate::track::period::{
    self, GroupBy, MilestoneSpan, Moved, NoteSpan, Outcome, PeriodData, Row, Span,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// A milestone due in the period, with what became of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MilestoneLine {
    pub item: i64,
    pub item_title: String,
    pub lead: Option<String>,
    pub title: String,
    /// The due date it had at the start of the period (or when added during it).
    pub due_at_start: NaiveDate,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub outcome: Outcome,
    /// The extensions recorded in the period: "from → to：reason".
    pub reasons: Vec<String>,
}

/// A note written in the period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteLine {
    pub item: i64,
    pub item_title: String,
    pub on: NaiveDate,
    pub author: String,
    pub text: String,
}

/// Everything the report shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReport {
    pub span: Span,
    pub previous: Span,
    /// The day the report was made (today).
    pub made_on: NaiveDate,
    /// The day whose end is the state at the end (the last day, or today when earlier).
    pub end: NaiveDate,
    pub total: Row,
    pub by_department: Vec<Row>,
    pub by_chapter: Vec<Row>,
    pub milestones: Vec<MilestoneLine>,
    pub notes: Vec<NoteLine>,
    /// 附件: the items red or late (an overdue milestone, the period ended) at the end.
    pub late: Vec<ItemRow>,
}

impl PeriodReport {
    /// "2026年11月1日至11月30日" (the year repeated only when it changes).
    pub fn span_text(span: Span) -> String {
        use chrono::Datelike;
        let day = |d: NaiveDate| format!("{}月{}日", d.month(), d.day());
        let to = if span.to.year() == span.from.year() {
            day(span.to)
        } else {
            format!("{}年{}", span.to.year(), day(span.to))
        };
        format!("{}年{}至{}", span.from.year(), day(span.from), to)
    }

    /// The summary paragraph (总体情况).
    pub fn summary(&self) -> String {
        let (now, before) = (&self.total.now, &self.total.before);
        format!(
            "本期（{}）共跟踪事项{}项，平均进度由期初的{:.1}%提高到期末的{:.1}%，提高{:.1}个百分点\
             （上期提高{:.1}个百分点）；完成事项{}项（上期{}项）；新增红灯事项{}项（上期{}项），\
             新增逾期事项{}项（上期{}项）。本期到期节点{}个（上期{}个），其中已完成{}个，\
             延期{}个，逾期未完成{}个（上期{}个），尚未到期{}个。本期填报进展备注{}条。\
             期末仍有{}项事项亮红灯或逾期，详见附件。",
            Self::span_text(self.span),
            now.items,
            now.progress_start,
            now.progress_end,
            now.progress_end - now.progress_start,
            before.progress_end - before.progress_start,
            now.completed,
            before.completed,
            now.newly_red,
            before.newly_red,
            now.newly_overdue,
            before.newly_overdue,
            now.milestones_due,
            before.milestones_due,
            now.met,
            now.extended,
            now.missed,
            before.missed,
            now.open,
            now.notes,
            self.late.len(),
        )
    }
}

/// An item row with its text cleaned for a file.
fn cleaned(row: &ItemRow) -> ItemRow {
    let mut row = row.clone();
    for text in [&mut row.title, &mut row.plan, &mut row.plan_key] {
        *text = clean(text);
    }
    for text in [
        &mut row.chapter,
        &mut row.section,
        &mut row.owner,
        &mut row.lead,
        &mut row.box_title,
    ] {
        *text = text.as_deref().map(clean);
    }
    row.co = row.co.iter().map(|c| clean(c)).collect();
    row
}

/// The UTC day of a stored timestamp.
fn day_of(at: &str) -> Option<NaiveDate> {
    at.get(..10)?.parse().ok()
}

/// The milestones alive at the end, with their due dates at the start.
fn milestone_spans(
    start: &HashMap<i64, Vec<Milestone>>,
    end: &HashMap<i64, Vec<Milestone>>,
) -> Vec<MilestoneSpan> {
    let due_at_start: HashMap<i64, NaiveDate> =
        start.values().flatten().map(|m| (m.id, m.due_on)).collect();
    let mut spans: Vec<MilestoneSpan> = end
        .values()
        .flatten()
        .map(|m| MilestoneSpan {
            id: m.id,
            item: m.item,
            title: clean(&m.title),
            due_at_start: due_at_start.get(&m.id).copied(),
            due: m.due_on,
            done: m.done_on,
            extensions: m
                .extensions
                .iter()
                .filter_map(|e| {
                    Some(Moved {
                        from: e.from_due,
                        to: e.to_due,
                        reason: clean(&e.reason),
                        on: day_of(&e.at)?,
                    })
                })
                .collect(),
        })
        .collect();
    spans.sort_by_key(|m| (m.due_at_start.unwrap_or(m.due), m.item, m.id));
    spans
}

/// One period's data: the states at its start and end, milestones and notes.
fn period_data(
    store: &Store,
    query: &ItemQuery,
    span: Span,
    end: NaiveDate,
    notes: &[NoteSpan],
) -> Result<(PeriodData, Vec<ItemRow>), ExportError> {
    let start_rows = store.list_as_of(query, span.eve())?;
    let end_rows = store.list_as_of(query, end)?;
    let milestones = milestone_spans(
        &store.milestones_as_of(span.eve())?,
        &store.milestones_as_of(end)?,
    );
    let ids: std::collections::HashSet<i64> = end_rows.iter().map(|r| r.id).collect();
    let data = PeriodData {
        span,
        start: start_rows.into_iter().map(ItemRow::into_summary).collect(),
        end: end_rows
            .iter()
            .cloned()
            .map(ItemRow::into_summary)
            .collect(),
        milestones: milestones
            .into_iter()
            .filter(|m| ids.contains(&m.item))
            .collect(),
        notes: notes
            .iter()
            .filter(|n| span.contains(n.on) && ids.contains(&n.item))
            .cloned()
            .collect(),
    };
    Ok((data, end_rows))
}

/// Collect the report of `span` for the items `query` selects, made on `today`. The state
/// at the end is read at the last day, or at today when the period is not over.
pub fn collect(
    store: &Store,
    query: &ItemQuery,
    span: Span,
    today: NaiveDate,
) -> Result<PeriodReport, ExportError> {
    let previous = span.previous();
    let end = span.to.min(today);
    let notes: Vec<NoteSpan> = store
        .notes_between(previous.from, span.to)?
        .into_iter()
        .filter_map(|(item, note)| {
            Some(NoteSpan {
                item,
                on: day_of(&note.at)?,
                author: clean(&note.author),
                text: clean(&note.text),
            })
        })
        .collect();
    let (now, end_rows) = period_data(store, query, span, end, &notes)?;
    let (before, _) = period_data(store, query, previous, previous.to, &notes)?;
    let rows = |by| period::rows(&now, &before, by, today);
    let by_id: HashMap<i64, &ItemRow> = end_rows.iter().map(|r| (r.id, r)).collect();
    let milestones = now
        .milestones
        .iter()
        .filter(|m| m.due_in(span))
        .map(|m| MilestoneLine {
            item: m.item,
            item_title: by_id
                .get(&m.item)
                .map(|r| clean(&r.title))
                .unwrap_or_default(),
            lead: by_id
                .get(&m.item)
                .and_then(|r| r.lead.as_deref().map(clean)),
            title: m.title.clone(),
            due_at_start: m.due_at_start.unwrap_or(m.due),
            due: m.due,
            done: m.done,
            outcome: m.outcome(span, today),
            reasons: m
                .moved_in(span)
                .map(|e| format!("{} → {}：{}", e.from, e.to, e.reason))
                .collect(),
        })
        .collect();
    let notes = now
        .notes
        .iter()
        .map(|n| NoteLine {
            item: n.item,
            item_title: by_id
                .get(&n.item)
                .map(|r| clean(&r.title))
                .unwrap_or_default(),
            on: n.on,
            author: n.author.clone(),
            text: n.text.clone(),
        })
        .collect();
    let late = end_rows
        .iter()
        .filter(|r| r.health.light == Light::Red || r.health.is_late())
        .map(cleaned)
        .collect();
    Ok(PeriodReport {
        span,
        previous,
        made_on: today,
        end,
        total: rows(None).into_iter().next().unwrap_or(Row {
            label: String::new(),
            now: Default::default(),
            before: Default::default(),
        }),
        by_department: rows(Some(GroupBy::Department)),
        by_chapter: rows(Some(GroupBy::Chapter)),
        milestones,
        notes,
        late,
    })
}

/// What an outcome is called.
pub fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Met => "已完成",
        Outcome::Extended => "延期",
        Outcome::Missed => "逾期未完成",
        Outcome::Open => "未到期",
    }
}
