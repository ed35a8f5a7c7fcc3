//! The history of every change (who, when, entity, field, old, new), the conflict rule,
//! and undo/redo (`history/undo.rs`).
//!
//! One user action is one row of `change`; its field-level effects are rows of `history`.
//! A history row's key is (item, entity, entity id, field): a department link's row names
//! its item as well as its department, a setting's row has neither.

mod undo;

use super::Store;
use super::error::{Conflict, ConflictDuring, Result};
use super::queries::optional;
pub(super) use crate::track::fields::Recorded;
use rusqlite::{Connection, Transaction, params};
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

/// What an undo or redo reverted, and the rows it wrote doing so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeSummary {
    /// The change reverted.
    pub change: i64,
    pub action: String,
    pub at: String,
    pub fields: usize,
    /// The history rows of the undo (or redo) itself: what it wrote back.
    pub entries: Vec<HistoryEntry>,
}

/// The change an undo (or redo) would revert now, shown before it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangePreview {
    pub change: i64,
    pub action: String,
    pub at: String,
    /// Its rows, as they were recorded (an undo writes each `old` back).
    pub entries: Vec<HistoryEntry>,
}

/// Record one field-level effect of `change`: `what` changed of entity `entity_id` (of
/// `item`), from `old` to `new` (nothing when they are the same).
pub(super) fn record(
    tx: &Transaction<'_>,
    change: i64,
    item: Option<i64>,
    what: &Recorded,
    entity_id: Option<i64>,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    if old == new {
        return Ok(());
    }
    tx.prepare_cached(
        "INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![change, item, what.entity(), entity_id, what.field(), old, new])?;
    Ok(())
}

/// The key of a history row: whose field it is. `field` "*" means any field of the entity
/// (what a later change of a created milestone or note is).
#[derive(Debug, Clone, Copy)]
pub(super) struct FieldKey<'a> {
    pub item: Option<i64>,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub field: &'a str,
}

impl<'a> FieldKey<'a> {
    /// A field of an item itself.
    pub fn item(id: i64, field: &'a str) -> FieldKey<'a> {
        FieldKey {
            item: Some(id),
            entity: "item",
            entity_id: Some(id),
            field,
        }
    }
}

/// A change as the conflict rule sees it.
struct ChangeLink {
    action: String,
    undoes: Option<i64>,
    undone_by: Option<i64>,
}

fn change_link(conn: &Connection, id: i64) -> Result<Option<ChangeLink>> {
    optional(
        conn.prepare_cached("SELECT action, undoes, undone_by FROM change WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(ChangeLink {
                    action: r.get(0)?,
                    undoes: r.get(1)?,
                    undone_by: r.get(2)?,
                })
            }),
    )
}

/// Whether a change leaves its original applied: an undo takes it away, a redo (an undo
/// of an undo) and any other change put it there.
fn applies(link: &ChangeLink) -> bool {
    link.action != "undo"
}

/// Whether change `id` (newer than `since`) still changes the field compared with the
/// state at `since`. Undo and redo form chains (a change, its undo, the redo of that
/// undo, …); only the newest member of a chain matters, and it changed nothing when the
/// chain's first member after `since` began from the state it ends in: a change and its
/// undo both after `since` cancel out, while an undo after `since` of a change before it
/// is itself a change.
fn still_changes(conn: &Connection, id: i64, since: i64) -> Result<bool> {
    let Some(newest) = change_link(conn, id)? else {
        return Ok(false);
    };
    if newest.undone_by.is_some() {
        return Ok(false);
    }
    let after = applies(&newest);
    let mut first = newest;
    while let Some(target) = first.undoes.filter(|&t| t > since) {
        match change_link(conn, target)? {
            Some(link) => first = link,
            None => break,
        }
    }
    // Before the chain's first member the original was applied exactly when that member
    // is an undo.
    let before = !applies(&first);
    Ok(before != after)
}

/// The newest change of `key` after change `since` that still stands (see
/// `still_changes`), ignoring the changes in `mine` (made by this session, which the
/// person knows about): as a conflict to report.
pub(super) fn changed_since(
    conn: &Connection,
    key: FieldKey<'_>,
    since: i64,
    mine: &[i64],
    during: ConflictDuring,
) -> Result<Option<Conflict>> {
    let mut stmt = conn.prepare_cached(
        "SELECT h.change_id, c.who, c.at, h.field, h.new FROM history h JOIN change c ON c.id = h.change_id
         WHERE h.entity = ?1 AND h.entity_id IS ?2 AND (?3 = '*' OR h.field = ?3) AND h.item_id IS ?4 AND h.change_id > ?5
         ORDER BY h.id DESC",
    )?;
    let rows = stmt
        .query_map(
            params![key.entity, key.entity_id, key.field, key.item, since],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (change, who, at, field, value) in rows {
        if mine.contains(&change) || !still_changes(conn, change, since)? {
            continue;
        }
        return Ok(Some(Conflict {
            item: key.item.unwrap_or_default(),
            entity: key.entity.to_string(),
            field,
            who,
            at,
            value,
            during,
        }));
    }
    Ok(None)
}

fn entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        change: r.get("change")?,
        at: r.get("at")?,
        who: r.get("who")?,
        action: r.get("action")?,
        item: r.get("item_id")?,
        entity: r.get("entity")?,
        entity_id: r.get("entity_id")?,
        field: r.get("field")?,
        old: r.get("old")?,
        new: r.get("new")?,
        undone: r.get::<_, Option<i64>>("undone_by")?.is_some(),
    })
}

const HISTORY_SELECT: &str = "SELECT c.id AS change, c.at, c.who, c.action, h.item_id, h.entity, h.entity_id, h.field, h.old, h.new, c.undone_by
     FROM history h JOIN change c ON c.id = h.change_id";

/// The rows of one change, in the order they were written.
pub(super) fn rows_of(conn: &Connection, change: i64) -> Result<Vec<HistoryEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "{HISTORY_SELECT} WHERE h.change_id = ?1 ORDER BY h.id"
        ))?
        .query_map([change], entry)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

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

    /// Changes (imports excepted) made from the start of `day` on (UTC, as stored), newest
    /// first, at most `limit` rows.
    pub fn changes_since(&self, day: chrono::NaiveDate, limit: usize) -> Result<Vec<HistoryEntry>> {
        self.read(|conn| {
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            let rows = conn
                .prepare_cached(&format!(
                    "{HISTORY_SELECT} WHERE c.at >= ?1 AND c.action != 'import' ORDER BY h.id DESC LIMIT ?2"
                ))?
                .query_map(params![day.format("%Y-%m-%d").to_string(), limit], entry)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
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
}
