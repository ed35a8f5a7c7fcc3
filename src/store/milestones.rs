//! Milestones: proposed from plan deadlines or added by users. A due date moves only
//! through an extension (延期) that records the reason, who and when, and keeps the
//! original date.

use super::Store;
use super::error::{Result, StoreError};
use super::history::record;
use super::items::require_item;
use super::queries::optional;
use super::rejection::Rejection;
use crate::track::fields::Recorded;
use crate::track::limits::Field;
use chrono::NaiveDate;
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub from_due: NaiveDate,
    pub to_due: NaiveDate,
    pub reason: String,
    pub who: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Milestone {
    pub id: i64,
    pub item: i64,
    pub title: String,
    pub due_on: NaiveDate,
    pub original_due: NaiveDate,
    pub done_on: Option<NaiveDate>,
    /// "plan" (a deadline in the plan text) or "user".
    pub origin: String,
    pub extensions: Vec<Extension>,
}

impl Milestone {
    /// What the health rules need of it.
    pub fn facts(&self) -> crate::track::health::MilestoneFacts {
        crate::track::health::MilestoneFacts {
            due: self.due_on,
            done: self.done_on,
        }
    }
}

fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Live milestones of an item, by due date.
pub(super) fn milestones_of(conn: &Connection, item: i64) -> Result<Vec<Milestone>> {
    let mut milestones = conn
        .prepare_cached(
            "SELECT id, item_id, title, due_on, original_due, done_on, origin FROM milestone
             WHERE item_id = ?1 AND removed = 0 ORDER BY due_on, id",
        )?
        .query_map([item], |r| {
            Ok(Milestone {
                id: r.get("id")?,
                item: r.get("item_id")?,
                title: r.get("title")?,
                due_on: r.get("due_on")?,
                original_due: r.get("original_due")?,
                done_on: r.get("done_on")?,
                origin: r.get("origin")?,
                extensions: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT from_due, to_due, reason, who, at FROM extension WHERE milestone_id = ?1 AND removed = 0 ORDER BY id",
    )?;
    for milestone in &mut milestones {
        milestone.extensions = stmt
            .query_map([milestone.id], |r| {
                Ok(Extension {
                    from_due: r.get("from_due")?,
                    to_due: r.get("to_due")?,
                    reason: r.get(2)?,
                    who: r.get(3)?,
                    at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(milestones)
}

/// Insert a milestone (plan or user origin) and record it.
pub(super) fn insert(
    tx: &Transaction<'_>,
    change: i64,
    item: i64,
    title: &str,
    due: NaiveDate,
    origin: &str,
    phrase: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO milestone(item_id, title, due_on, original_due, origin, plan_phrase) VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
    )?
    .execute(params![item, title, iso(due), origin, phrase])?;
    let id = tx.last_insert_rowid();
    record(
        tx,
        change,
        Some(item),
        &Recorded::MilestoneCreated,
        Some(id),
        None,
        Some(title),
    )?;
    Ok(id)
}

pub(super) fn milestone_row(
    tx: &Transaction<'_>,
    id: i64,
) -> Result<(i64, String, Option<String>)> {
    optional(tx.query_row(
        "SELECT item_id, due_on, done_on FROM milestone WHERE id = ?1 AND removed = 0",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?
    .ok_or_else(|| StoreError::NotFound {
        what: "milestone",
        id: id.to_string(),
    })
}

/// Undo (or redo) of an extension: the due date goes back to `old` from `new`. Going back
/// sets the extension record aside (kept, with its reason, for a redo); going forward
/// again brings the record that was set aside back.
pub(super) fn revert_due(
    tx: &Transaction<'_>,
    milestone: i64,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE milestone SET due_on = ?1 WHERE id = ?2",
        params![old, milestone],
    )?;
    if old < new {
        tx.execute(
            "UPDATE extension SET removed = 1 WHERE id = (SELECT max(id) FROM extension
                 WHERE milestone_id = ?1 AND to_due = ?2 AND removed = 0)",
            params![milestone, new],
        )?;
    } else {
        tx.execute(
            "UPDATE extension SET removed = 0 WHERE id = (SELECT max(id) FROM extension
                 WHERE milestone_id = ?1 AND to_due = ?2 AND from_due = ?3 AND removed = 1)",
            params![milestone, old, new],
        )?;
    }
    Ok(())
}

/// Mark a milestone done on `done_on`, in the write `change` (refused when it is done).
pub(super) fn complete_in(
    tx: &Transaction<'_>,
    change: i64,
    milestone: i64,
    done_on: NaiveDate,
) -> Result<()> {
    let (item, _, done) = milestone_row(tx, milestone)?;
    if let Some(done) = done {
        return Err(StoreError::Rejected(Rejection::MilestoneAlreadyDone {
            milestone,
            done,
        }));
    }
    tx.execute(
        "UPDATE milestone SET done_on = ?1 WHERE id = ?2",
        params![iso(done_on), milestone],
    )?;
    record(
        tx,
        change,
        Some(item),
        &Recorded::MilestoneDone,
        Some(milestone),
        None,
        Some(&iso(done_on)),
    )
}

/// Extend a milestone to `new_due` (later than its due date) with a reason, by `user`, in
/// the write `change`.
pub(super) fn extend_in(
    tx: &Transaction<'_>,
    change: i64,
    user: &str,
    milestone: i64,
    new_due: NaiveDate,
    reason: &str,
) -> Result<()> {
    let (item, due, done) = milestone_row(tx, milestone)?;
    if done.is_some() {
        return Err(StoreError::Rejected(Rejection::MilestoneDoneNotExtended {
            milestone,
        }));
    }
    if iso(new_due) <= due {
        return Err(StoreError::Rejected(Rejection::ExtensionNotLater {
            due,
            new_due: iso(new_due),
        }));
    }
    let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    tx.execute(
        "INSERT INTO extension(milestone_id, from_due, to_due, reason, who, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![milestone, due, iso(new_due), reason, user, at],
    )?;
    tx.execute(
        "UPDATE milestone SET due_on = ?1 WHERE id = ?2",
        params![iso(new_due), milestone],
    )?;
    record(
        tx,
        change,
        Some(item),
        &Recorded::MilestoneDue,
        Some(milestone),
        Some(&due),
        Some(&iso(new_due)),
    )
}

/// A milestone date must be one a plan may hold (no year 0, no year 9999).
pub(super) fn in_range(date: NaiveDate) -> Result<()> {
    if crate::track::limits::date_in_range(date) {
        return Ok(());
    }
    Err(StoreError::Rejected(Rejection::DateOutOfRange {
        item: None,
        date: date.to_string(),
    }))
}

impl Store {
    /// Add a user milestone to an item.
    pub fn add_milestone(&mut self, item: i64, title: &str, due: NaiveDate) -> Result<i64> {
        in_range(due)?;
        let title = super::queries::typed(Field::Milestone, title)?;
        self.write("add milestone", |tx, change| {
            require_item(tx, item)?;
            insert(tx, change, item, &title, due, "user", None)
        })
    }

    /// Mark a milestone done on `done_on`.
    pub fn complete_milestone(&mut self, milestone: i64, done_on: NaiveDate) -> Result<()> {
        in_range(done_on)?;
        self.write("complete milestone", |tx, change| {
            complete_in(tx, change, milestone, done_on)
        })
    }

    /// Extend (延期) a milestone to a later date, with a reason.
    pub fn extend_milestone(
        &mut self,
        milestone: i64,
        new_due: NaiveDate,
        reason: &str,
    ) -> Result<()> {
        in_range(new_due)?;
        let reason = super::queries::typed(Field::Reason, reason)?;
        let user = self.user.clone();
        self.write("extend milestone", |tx, change| {
            extend_in(tx, change, &user, milestone, new_due, &reason)
        })
    }

    /// Change a milestone's title.
    pub fn rename_milestone(&mut self, milestone: i64, title: &str) -> Result<()> {
        let title = super::queries::typed(Field::Milestone, title)?;
        self.write("rename milestone", |tx, change| {
            let (item, _, _) = milestone_row(tx, milestone)?;
            let old: String = tx.query_row(
                "SELECT title FROM milestone WHERE id = ?1",
                [milestone],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE milestone SET title = ?1 WHERE id = ?2",
                params![title, milestone],
            )?;
            record(
                tx,
                change,
                Some(item),
                &Recorded::MilestoneTitle,
                Some(milestone),
                Some(&old),
                Some(&title),
            )
        })
    }

    /// Remove a milestone (kept in history; undo brings it back).
    pub fn remove_milestone(&mut self, milestone: i64) -> Result<()> {
        self.write("remove milestone", |tx, change| {
            let (item, _, _) = milestone_row(tx, milestone)?;
            tx.execute(
                "UPDATE milestone SET removed = 1 WHERE id = ?1",
                [milestone],
            )?;
            record(
                tx,
                change,
                Some(item),
                &Recorded::MilestoneRemoved,
                Some(milestone),
                Some("0"),
                Some("1"),
            )
        })
    }

    /// Every live milestone due from `from` to `to` (inclusive) that is not done.
    pub fn milestones_due(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Milestone>> {
        self.read(|conn| {
            let ids: Vec<i64> = conn
                .prepare_cached(
                    "SELECT DISTINCT item_id FROM milestone WHERE removed = 0 AND done_on IS NULL AND due_on BETWEEN ?1 AND ?2",
                )?
                .query_map(params![iso(from), iso(to)], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut due = Vec::new();
            for item in ids {
                due.extend(
                    milestones_of(conn, item)?
                        .into_iter()
                        .filter(|m| m.done_on.is_none() && m.due_on >= from && m.due_on <= to),
                );
            }
            due.sort_by_key(|m| (m.due_on, m.id));
            Ok(due)
        })
    }
}
