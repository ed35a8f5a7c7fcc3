//! The history of every change (who, when, entity, field, old, new) and undo.
//!
//! One user action is one row of `change`; its field-level effects are rows of `history`.
//! Undo reverts the user's latest change that is not yet undone, as a new change, and is
//! refused when someone else has since changed one of the same fields.

use super::Store;
use super::error::{Conflict, Result, StoreError};
use super::queries::optional;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

/// One field-level change, for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub change: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub item: Option<i64>,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub undone: bool,
}

/// What an undo reverted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeSummary {
    pub change: i64,
    pub action: String,
    pub at: String,
    pub fields: usize,
}

/// Record one field-level effect of `change`.
#[allow(clippy::too_many_arguments)]
pub(super) fn record(
    tx: &Transaction<'_>,
    change: i64,
    item: Option<i64>,
    entity: &str,
    entity_id: Option<i64>,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![change, item, entity, entity_id, field, old, new])?;
    Ok(())
}

/// The latest change of `field` of an entity after `since`, as a conflict to report.
pub(super) fn changed_since(
    conn: &Connection,
    item: i64,
    entity: &str,
    entity_id: i64,
    field: &str,
    since: i64,
) -> Result<Option<Conflict>> {
    let found = conn
        .prepare_cached(
            "SELECT c.who, c.at, h.new FROM history h JOIN change c ON c.id = h.change_id
             WHERE h.entity = ?1 AND h.entity_id = ?2 AND h.field = ?3 AND h.change_id > ?4
             ORDER BY h.id DESC LIMIT 1",
        )?
        .query_row(params![entity, entity_id, field, since], |r| {
            Ok(Conflict {
                item,
                field: field.to_string(),
                who: r.get(0)?,
                at: r.get(1)?,
                value: r.get(2)?,
            })
        })
        .optional()?;
    Ok(found)
}

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        change: r.get(0)?,
        at: r.get(1)?,
        who: r.get(2)?,
        action: r.get(3)?,
        item: r.get(4)?,
        entity: r.get(5)?,
        entity_id: r.get(6)?,
        field: r.get(7)?,
        old: r.get(8)?,
        new: r.get(9)?,
        undone: r.get::<_, Option<i64>>(10)?.is_some(),
    })
}

const HISTORY_SELECT: &str = "SELECT c.id, c.at, c.who, c.action, h.item_id, h.entity, h.entity_id, h.field, h.old, h.new, c.undone_by
     FROM history h JOIN change c ON c.id = h.change_id";

impl Store {
    /// History of one item (or of everything when `item` is None), newest first.
    pub fn history(&self, item: Option<i64>, limit: usize) -> Result<Vec<HistoryEntry>> {
        self.read(|conn| {
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = match item {
                Some(id) => conn
                    .prepare_cached(&format!(
                        "{HISTORY_SELECT} WHERE h.item_id = ?1 ORDER BY h.id DESC LIMIT ?2"
                    ))?
                    .query_map(params![id, limit], entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
                None => conn
                    .prepare_cached(&format!(
                        "{HISTORY_SELECT} WHERE c.action != 'import' ORDER BY h.id DESC LIMIT ?1"
                    ))?
                    .query_map(params![limit], entry)?
                    .collect::<rusqlite::Result<Vec<_>>>()?,
            };
            Ok(rows)
        })
    }

    /// Recent changes by people other than this user, newest first.
    pub fn recent_by_others(&self, limit: usize) -> Result<Vec<HistoryEntry>> {
        self.read(|conn| {
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = conn
                .prepare_cached(&format!(
                    "{HISTORY_SELECT} WHERE c.who != ?1 AND c.action != 'import' ORDER BY h.id DESC LIMIT ?2"
                ))?
                .query_map(params![self.user, limit], entry)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    /// Undo this user's latest change that is not undone yet.
    pub fn undo(&mut self) -> Result<ChangeSummary> {
        let user = self.user.clone();
        self.write("undo", |tx, change| {
            let target = optional(tx.query_row(
                "SELECT id, action, at FROM change
                 WHERE who = ?1 AND undone_by IS NULL AND undoes IS NULL AND action NOT IN ('import', 'undo')
                   AND EXISTS (SELECT 1 FROM history WHERE change_id = change.id)
                 ORDER BY id DESC LIMIT 1",
                [&user],
                |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)),
            ))?;
            let Some((target, action, at)) = target else {
                return Err(StoreError::Invalid(format!("{user} has no change left to undo")));
            };
            let rows: Vec<HistoryEntry> = tx
                .prepare_cached(&format!("{HISTORY_SELECT} WHERE h.change_id = ?1 ORDER BY h.id DESC"))?
                .query_map([target], entry)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for row in &rows {
                revert(tx, change, target, row)?;
            }
            tx.execute("UPDATE change SET undone_by = ?1 WHERE id = ?2", params![change, target])?;
            tx.execute("UPDATE change SET undoes = ?1 WHERE id = ?2", params![target, change])?;
            Ok(ChangeSummary { change: target, action, at, fields: rows.len() })
        })
    }
}

/// Columns of `item` that an undo may write back.
const ITEM_FIELDS: &[&str] = &[
    "owner",
    "status",
    "progress",
    "start_on",
    "due_on",
    "project_stage",
    "invest_total",
    "invest_year_plan",
    "invest_year_done",
];

fn revert(tx: &Transaction<'_>, change: i64, target: i64, row: &HistoryEntry) -> Result<()> {
    let entity_id = row.entity_id.unwrap_or_default();
    if let Some(conflict) = changed_since(
        tx,
        row.item.unwrap_or_default(),
        &row.entity,
        entity_id,
        &row.field,
        target,
    )? {
        return Err(StoreError::Conflict(conflict));
    }
    let old = row.old.as_deref();
    match (row.entity.as_str(), row.field.as_str()) {
        ("item", field) if ITEM_FIELDS.contains(&field) => {
            tx.execute(
                &format!("UPDATE item SET {field} = ?1 WHERE id = ?2"),
                params![old, entity_id],
            )?;
        }
        ("link", "role") => {
            super::departments::restore_link(tx, row.item.unwrap_or_default(), entity_id, old)?
        }
        ("milestone", "created") | ("note", "created") | ("indicator_value", "created") => {
            let table = row.entity.as_str();
            tx.execute(
                &format!("UPDATE {table} SET removed = 1 WHERE id = ?1"),
                [entity_id],
            )?;
        }
        ("milestone", "removed") | ("note", "removed") | ("indicator_value", "removed") => {
            let table = row.entity.as_str();
            tx.execute(
                &format!("UPDATE {table} SET removed = ?1 WHERE id = ?2"),
                params![old, entity_id],
            )?;
        }
        ("milestone", "done_on") => {
            tx.execute(
                "UPDATE milestone SET done_on = ?1 WHERE id = ?2",
                params![old, entity_id],
            )?;
        }
        ("milestone", "due_on") => {
            super::milestones::revert_extension(tx, entity_id, old, row.new.as_deref())?
        }
        ("milestone", "title") => {
            tx.execute(
                "UPDATE milestone SET title = ?1 WHERE id = ?2",
                params![old, entity_id],
            )?;
        }
        ("setting", key) => match old {
            Some(value) => {
                tx.execute(
                    "UPDATE setting SET value = ?1 WHERE key = ?2",
                    params![value, key],
                )?;
            }
            None => {
                tx.execute("DELETE FROM setting WHERE key = ?1", [key])?;
            }
        },
        (entity, field) => {
            return Err(StoreError::Invalid(format!(
                "cannot undo a change of {entity}.{field}"
            )));
        }
    }
    let (old_text, new_text) = (row.new.as_deref(), row.old.as_deref());
    let field = match (row.entity.as_str(), row.field.as_str()) {
        (_, "created") => "removed",
        (_, field) => field,
    };
    let (old_text, new_text) = if row.field == "created" {
        (Some("0"), Some("1"))
    } else {
        (old_text, new_text)
    };
    record(
        tx,
        change,
        row.item,
        &row.entity,
        row.entity_id,
        field,
        old_text,
        new_text,
    )
}
