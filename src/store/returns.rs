//! Department returns (督查): the workbooks sent to a department and collected back.
//!
//! A collected return is applied as ONE change (action `return: <department>`, by the
//! person collecting), so one `undo` takes the whole workbook back. Each field the
//! department changed is checked against the stamp the workbook was exported at: when
//! someone changed that field in plantrack since (`history::changed_since`), the return's
//! value is not applied and the field is listed as a conflict. Changes made by earlier
//! returns of the same department from the same export do not count against it, and a
//! value the item already holds is no change: collecting the same file twice changes
//! nothing.

use super::Store;
use super::error::{Conflict, ConflictDuring, Result, StoreError};
use super::history::{FieldKey, HistoryEntry, changed_since, rows_of};
use super::items::{Stamp, require_item, set_field};
use super::milestones::{complete_in, extend_in, in_range, milestone_row};
use super::notes::add_note_in;
use super::queries::{optional, typed};
use super::rejection::Rejection;
use crate::track::fields::ItemField;
use crate::track::limits::Field;
use crate::track::status::{Status, reconcile};
use chrono::NaiveDate;
use rusqlite::{Transaction, params};
use serde::Serialize;

/// What a department returned for one item: only the fields it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemReturn {
    pub item: i64,
    pub status: Option<Status>,
    pub progress: Option<u8>,
    /// Notes to add (本期进展, 存在问题), as they will read.
    pub notes: Vec<String>,
}

/// What a department returned for one milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneReturn {
    pub item: i64,
    pub milestone: i64,
    /// Completed on.
    pub done_on: Option<NaiveDate>,
    /// An extension (延期) asked for: the new date and the reason.
    pub extend: Option<(NaiveDate, String)>,
}

/// One returned workbook, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnInput {
    /// The department the workbook was exported for, as written in it.
    pub department: String,
    /// The stamp it was exported at.
    pub stamp: Stamp,
    /// A digest of the file's bytes (the same file collected twice).
    pub digest: String,
    pub items: Vec<ItemReturn>,
    pub milestones: Vec<MilestoneReturn>,
}

/// A field the return would have changed, left alone because someone changed it after
/// the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnConflict {
    pub conflict: Conflict,
    /// The return's value, as stored (a status code, a percentage, a date).
    pub returned: String,
}

/// What collecting one return did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnOutcome {
    /// The department's official name.
    pub department: String,
    /// The change that applied it (None: it changed nothing).
    pub change: Option<i64>,
    /// What it changed, field by field (old → new).
    pub applied: Vec<HistoryEntry>,
    pub conflicts: Vec<ReturnConflict>,
    /// Rows not applied, with why.
    pub refused: Vec<Rejection>,
    /// When this very file was collected before, if it was.
    pub collected_before: Option<String>,
}

/// Where a department's returns stand: the newest workbook sent, and whether a return of
/// it (or of a later one) is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnState {
    /// The department's short name.
    pub department: String,
    /// When the newest workbook was exported for it (RFC 3339, UTC).
    pub sent_at: String,
    /// When a return of it was collected, if one was.
    pub collected_at: Option<String>,
}

fn now() -> String {
    crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The official name of the department known by `name`.
fn official(tx: &rusqlite::Connection, name: &str) -> Result<String> {
    let id = super::departments::resolve(tx, name)?.ok_or_else(|| {
        StoreError::Rejected(Rejection::UnknownDepartment {
            name: name.to_string(),
        })
    })?;
    Ok(
        tx.query_row("SELECT official FROM department WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

impl Store {
    /// Note that a workbook of `items` items was exported for `department` at `stamp`.
    /// A receipt only: it records no change of tracking data.
    pub fn record_return_sent(
        &mut self,
        department: &str,
        stamp: Stamp,
        items: usize,
    ) -> Result<()> {
        let user = self.user.clone();
        self.write("returns export", |tx, _| {
            let department = official(tx, department)?;
            tx.execute(
                "INSERT INTO return_sent(department, stamp, at, who, items) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![department, stamp.0, now(), user, items as i64],
            )?;
            Ok(())
        })
    }

    /// Apply one returned workbook as one change.
    pub fn collect_return(&mut self, input: &ReturnInput) -> Result<ReturnOutcome> {
        self.apply_return(input, false)
    }

    /// What collecting the workbook would do now; nothing is changed.
    pub fn preview_return(&mut self, input: &ReturnInput) -> Result<ReturnOutcome> {
        self.apply_return(input, true)
    }

    fn apply_return(&mut self, input: &ReturnInput, dry_run: bool) -> Result<ReturnOutcome> {
        for m in &input.milestones {
            for date in [m.done_on, m.extend.as_ref().map(|e| e.0)]
                .into_iter()
                .flatten()
            {
                in_range(date)?;
            }
        }
        let notes: Vec<Vec<String>> = input
            .items
            .iter()
            .map(|i| i.notes.iter().map(|n| typed(Field::Note, n)).collect())
            .collect::<Result<_>>()?;
        let reasons: Vec<Option<String>> = input
            .milestones
            .iter()
            .map(|m| {
                m.extend
                    .as_ref()
                    .map(|e| typed(Field::Reason, &e.1))
                    .transpose()
            })
            .collect::<Result<_>>()?;
        let user = self.user.clone();
        let department = self.read(|conn| official(conn, &input.department))?;
        let action = format!("return: {department}");
        let body = |tx: &Transaction<'_>, change: i64| {
            let collected_before: Option<String> = optional(tx.query_row(
                "SELECT min(at) FROM return_in WHERE department = ?1 AND digest = ?2 HAVING count(*) > 0",
                params![department, input.digest],
                |r| r.get(0),
            ))?;
            let earlier: Vec<i64> = tx
                .prepare_cached(
                    "SELECT change_id FROM return_in WHERE department = ?1 AND stamp = ?2 AND change_id IS NOT NULL",
                )?
                .query_map(params![department, input.stamp.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut run = Run {
                tx,
                change,
                since: input.stamp.0,
                earlier: &earlier,
                conflicts: Vec::new(),
                refused: Vec::new(),
            };
            for (item, notes) in input.items.iter().zip(&notes) {
                run.item(item, notes, &user)?;
            }
            for (m, reason) in input.milestones.iter().zip(&reasons) {
                run.milestone(m, reason.as_deref(), &user)?;
            }
            let (conflicts, refused) = (run.conflicts, run.refused);
            let applied = rows_of(tx, change)?;
            let change = (!applied.is_empty()).then_some(change);
            if collected_before.is_none() || change.is_some() {
                tx.execute(
                    "INSERT INTO return_in(department, stamp, digest, change_id, at, who) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![department, input.stamp.0, input.digest, change, now(), user],
                )?;
            }
            Ok(ReturnOutcome {
                department: department.clone(),
                change,
                applied,
                conflicts,
                refused,
                collected_before,
            })
        };
        if dry_run {
            let mut outcome = self.rehearse(&action, body)?;
            outcome.change = None;
            Ok(outcome)
        } else {
            self.write(&action, body)
        }
    }

    /// Every department a workbook was exported for, with its newest export and whether
    /// a return of it is in, by short name.
    pub fn return_states(&self) -> Result<Vec<ReturnState>> {
        self.read(|conn| {
            let states = conn
                .prepare_cached(
                    "SELECT coalesce(d.short, s.department), s.at,
                            (SELECT max(i.at) FROM return_in i
                              WHERE i.department = s.department AND i.stamp >= s.stamp)
                     FROM return_sent s LEFT JOIN department d ON d.official = s.department
                     WHERE s.id = (SELECT max(id) FROM return_sent WHERE department = s.department)
                     ORDER BY 1",
                )?
                .query_map([], |r| {
                    Ok(ReturnState {
                        department: r.get(0)?,
                        sent_at: r.get(1)?,
                        collected_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(states)
        })
    }
}

/// One return being applied.
struct Run<'a, 't> {
    tx: &'a Transaction<'t>,
    change: i64,
    since: i64,
    earlier: &'a [i64],
    conflicts: Vec<ReturnConflict>,
    refused: Vec<Rejection>,
}

impl Run<'_, '_> {
    /// Someone's change of `key` after the export, unless `current` already is `wanted`.
    fn conflict(&mut self, key: FieldKey<'_>, returned: &str) -> Result<bool> {
        match changed_since(
            self.tx,
            key,
            self.since,
            self.earlier,
            ConflictDuring::Return,
        )? {
            Some(conflict) => {
                self.conflicts.push(ReturnConflict {
                    conflict,
                    returned: returned.to_string(),
                });
                Ok(true)
            }
            None => Ok(false),
        }
    }

    fn item(&mut self, r: &ItemReturn, notes: &[String], author: &str) -> Result<()> {
        if let Err(StoreError::NotFound { .. }) = require_item(self.tx, r.item) {
            self.refused.push(Rejection::ReturnedGone {
                milestone: false,
                id: r.item,
            });
            return Ok(());
        }
        let (status_now, progress_now): (String, i64) = self.tx.query_row(
            "SELECT status, progress FROM item WHERE id = ?1",
            [r.item],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let status_now: Status = status_now.parse().unwrap_or(Status::NotStarted);
        let progress_now = progress_now.clamp(0, 100) as u8;
        let mut status = r.status.filter(|&s| s != status_now);
        let mut progress = r.progress.filter(|&p| p != progress_now);
        if let Some(s) = status
            && self.conflict(
                FieldKey::item(r.item, ItemField::Status.column()),
                s.as_str(),
            )?
        {
            status = None;
        }
        if let Some(p) = progress
            && self.conflict(
                FieldKey::item(r.item, ItemField::Progress.column()),
                &p.to_string(),
            )?
        {
            progress = None;
        }
        if status.is_some() || progress.is_some() {
            match reconcile(status, progress, status_now, progress_now) {
                Ok((new_status, new_progress)) => {
                    // A field the rule fills in (progress 100 marks the item done) is
                    // checked too: the pair is written whole or not at all.
                    if let Some(s) = new_status.filter(|_| status.is_none())
                        && self.conflict(
                            FieldKey::item(r.item, ItemField::Status.column()),
                            s.as_str(),
                        )?
                    {
                        return self.notes(r, notes, author);
                    }
                    if let Some(p) = new_progress.filter(|_| progress.is_none())
                        && self.conflict(
                            FieldKey::item(r.item, ItemField::Progress.column()),
                            &p.to_string(),
                        )?
                    {
                        return self.notes(r, notes, author);
                    }
                    let (status, progress) = (new_status, new_progress);
                    if let Some(s) = status {
                        set_field(
                            self.tx,
                            self.change,
                            r.item,
                            ItemField::Status,
                            Some(s.as_str()),
                        )?;
                    }
                    if let Some(p) = progress {
                        let p = p.to_string();
                        set_field(self.tx, self.change, r.item, ItemField::Progress, Some(&p))?;
                    }
                }
                Err(error) => self.refused.push(Rejection::Inconsistent {
                    item: r.item,
                    error,
                }),
            }
        }
        self.notes(r, notes, author)
    }

    /// Add the return's notes the item does not have yet.
    fn notes(&mut self, r: &ItemReturn, notes: &[String], author: &str) -> Result<()> {
        for text in notes {
            let exists: bool = self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM note WHERE item_id = ?1 AND text = ?2 AND removed = 0)",
                params![r.item, text],
                |row| row.get(0),
            )?;
            if !exists {
                add_note_in(self.tx, self.change, author, r.item, text)?;
            }
        }
        Ok(())
    }

    fn milestone(&mut self, m: &MilestoneReturn, reason: Option<&str>, user: &str) -> Result<()> {
        let (item, due, done) = match milestone_row(self.tx, m.milestone) {
            Ok(row) => row,
            Err(StoreError::NotFound { .. }) => {
                self.refused.push(Rejection::ReturnedGone {
                    milestone: true,
                    id: m.milestone,
                });
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let key = |field| FieldKey {
            item: Some(item),
            entity: "milestone",
            entity_id: Some(m.milestone),
            field,
        };
        if let Some(on) = m.done_on {
            let on_text = on.format("%Y-%m-%d").to_string();
            if done.as_deref() == Some(on_text.as_str()) {
                return Ok(());
            }
            if self.conflict(key("done_on"), &on_text)? {
                return Ok(());
            }
            return self.refusable(|run| complete_in(run.tx, run.change, m.milestone, on));
        }
        if let (Some((to, _)), Some(reason)) = (&m.extend, reason) {
            let to_text = to.format("%Y-%m-%d").to_string();
            if due == to_text {
                return Ok(());
            }
            if self.conflict(key("due_on"), &to_text)? || self.conflict(key("done_on"), &to_text)? {
                return Ok(());
            }
            return self
                .refusable(|run| extend_in(run.tx, run.change, user, m.milestone, *to, reason));
        }
        Ok(())
    }

    /// Run a write that may be refused (a rule of the store): the refusal is listed, the
    /// rest of the return goes on.
    fn refusable(&mut self, write: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        match write(self) {
            Err(StoreError::Rejected(rejection)) => {
                self.refused.push(rejection);
                Ok(())
            }
            other => other,
        }
    }
}
