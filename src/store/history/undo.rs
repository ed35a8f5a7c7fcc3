//! Undo and redo: per person, step by step, never over someone else's later work.
//!
//! `undo` reverts the person's newest change that is not undone yet (imports excepted),
//! as a new change recorded as `undo`; `redo` reverts the person's newest undo that is not
//! redone yet, provided they made no other change since it. A redo is itself a change
//! that a later undo takes back. Each field the revert would write is checked first: when
//! someone's later change of that field (any field, for an entity the change created)
//! still stands, nothing is written and the conflict names it (`history::changed_since`).

use super::super::Store;
use super::super::error::{ConflictDuring, Result, StoreError};
use super::super::queries::optional;
use super::{
    ChangePreview, ChangeSummary, FieldKey, HistoryEntry, Recorded, changed_since, record, rows_of,
};
use crate::store::rejection::Rejection;
use rusqlite::{Connection, Transaction, params};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Undo,
    Redo,
}

impl Direction {
    fn action(self) -> &'static str {
        match self {
            Direction::Undo => "undo",
            Direction::Redo => "redo",
        }
    }

    fn during(self) -> ConflictDuring {
        match self {
            Direction::Undo => ConflictDuring::Undo,
            Direction::Redo => ConflictDuring::Redo,
        }
    }
}

/// The change `direction` would revert for `user` now: (id, action, at).
fn target(
    conn: &Connection,
    user: &str,
    direction: Direction,
) -> Result<Option<(i64, String, String)>> {
    let sql = match direction {
        Direction::Undo => {
            "SELECT id, action, at FROM change
             WHERE who = ?1 AND undone_by IS NULL AND action NOT IN ('import', 'undo')
               AND EXISTS (SELECT 1 FROM history WHERE change_id = change.id)
             ORDER BY id DESC LIMIT 1"
        }
        // The newest undo not redone yet, unless the person changed something else since.
        Direction::Redo => {
            "SELECT u.id, u.action, u.at FROM change u
             WHERE u.who = ?1 AND u.action = 'undo' AND u.undone_by IS NULL
               AND NOT EXISTS (SELECT 1 FROM change c WHERE c.who = ?1 AND c.id > u.id
                                 AND c.action NOT IN ('undo', 'redo')
                                 AND EXISTS (SELECT 1 FROM history WHERE change_id = c.id))
             ORDER BY u.id DESC LIMIT 1"
        }
    };
    optional(
        conn.prepare_cached(sql)?
            .query_row([user], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))),
    )
}

fn nothing_left(user: &str, direction: Direction) -> StoreError {
    let user = user.to_string();
    StoreError::Rejected(match direction {
        Direction::Undo => Rejection::NothingToUndo { user },
        Direction::Redo => Rejection::NothingToRedo { user },
    })
}

impl Store {
    /// What `undo` would revert now, if anything.
    pub fn undo_preview(&self) -> Result<Option<ChangePreview>> {
        self.preview(Direction::Undo)
    }

    /// What `redo` would re-apply now, if anything. Its entries are the undo's rows: a
    /// redo writes each `old` back.
    pub fn redo_preview(&self) -> Result<Option<ChangePreview>> {
        self.preview(Direction::Redo)
    }

    fn preview(&self, direction: Direction) -> Result<Option<ChangePreview>> {
        let user = self.user.clone();
        self.read(|conn| {
            let Some((change, action, at)) = target(conn, &user, direction)? else {
                return Ok(None);
            };
            Ok(Some(ChangePreview {
                change,
                action,
                at,
                entries: rows_of(conn, change)?,
            }))
        })
    }

    /// Undo this user's newest change that is not undone yet.
    pub fn undo(&mut self) -> Result<ChangeSummary> {
        self.revert_change(Direction::Undo, None)
    }

    /// Undo change `expected`, which a preview showed: refused if it is no longer the
    /// change an undo would revert (the person would undo something they were not shown).
    pub fn undo_expecting(&mut self, expected: i64) -> Result<ChangeSummary> {
        self.revert_change(Direction::Undo, Some(expected))
    }

    /// Redo this user's newest undo, unless they changed something since.
    pub fn redo(&mut self) -> Result<ChangeSummary> {
        self.revert_change(Direction::Redo, None)
    }

    /// Redo the undo `expected`, which a preview showed.
    pub fn redo_expecting(&mut self, expected: i64) -> Result<ChangeSummary> {
        self.revert_change(Direction::Redo, Some(expected))
    }

    fn revert_change(
        &mut self,
        direction: Direction,
        expected: Option<i64>,
    ) -> Result<ChangeSummary> {
        let user = self.user.clone();
        self.write(direction.action(), |tx, change| {
            let Some((target_id, action, at)) = target(tx, &user, direction)? else {
                return Err(nothing_left(&user, direction));
            };
            if expected.is_some_and(|e| e != target_id) {
                return Err(StoreError::Rejected(Rejection::NoLongerShown {
                    redo: direction == Direction::Redo,
                    newer: target_id,
                }));
            }
            let rows = rows_of(tx, target_id)?;
            for row in &rows {
                check(tx, target_id, row, direction)?;
            }
            for row in rows.iter().rev() {
                revert(tx, change, row)?;
            }
            tx.execute(
                "UPDATE change SET undone_by = ?1 WHERE id = ?2",
                params![change, target_id],
            )?;
            tx.execute(
                "UPDATE change SET undoes = ?1 WHERE id = ?2",
                params![target_id, change],
            )?;
            Ok(ChangeSummary {
                change: target_id,
                action,
                at,
                fields: rows.len(),
                entries: rows_of(tx, change)?,
            })
        })
    }
}

/// Refuse when someone's later change of the row's field still stands. A created entity
/// is checked on every field (a milestone someone extended or completed since).
fn check(
    tx: &Transaction<'_>,
    target: i64,
    row: &HistoryEntry,
    direction: Direction,
) -> Result<()> {
    let field = if row.field == "created" {
        "*"
    } else {
        row.field.as_str()
    };
    let key = FieldKey {
        item: row.item,
        entity: &row.entity,
        entity_id: row.entity_id,
        field,
    };
    match changed_since(tx, key, target, &[], direction.during())? {
        Some(conflict) => Err(StoreError::Conflict(Box::new(conflict))),
        None => Ok(()),
    }
}

/// Write a row's old value back and record that as a row of `change`.
fn revert(tx: &Transaction<'_>, change: i64, row: &HistoryEntry) -> Result<()> {
    let Some(what) = Recorded::parse(&row.entity, &row.field) else {
        return Err(StoreError::Rejected(Rejection::NotUndoable {
            entity: row.entity.clone(),
            field: row.field.clone(),
            import: false,
        }));
    };
    let entity_id = row.entity_id.unwrap_or_default();
    let old = row.old.as_deref();
    let set = |sql: &str, value: Option<&str>| -> Result<()> {
        tx.execute(sql, params![value, entity_id])?;
        Ok(())
    };
    match &what {
        Recorded::Item(field) => set(
            &format!("UPDATE item SET {} = ?1 WHERE id = ?2", field.column()),
            old,
        )?,
        Recorded::LinkRole => super::super::departments::restore_link(
            tx,
            row.item.unwrap_or_default(),
            entity_id,
            old,
        )?,
        Recorded::MilestoneCreated => {
            set("UPDATE milestone SET removed = ?1 WHERE id = ?2", Some("1"))?
        }
        Recorded::NoteCreated => set("UPDATE note SET removed = ?1 WHERE id = ?2", Some("1"))?,
        Recorded::IndicatorValueCreated => set(
            "UPDATE indicator_value SET removed = ?1 WHERE id = ?2",
            Some("1"),
        )?,
        Recorded::MilestoneRemoved => set("UPDATE milestone SET removed = ?1 WHERE id = ?2", old)?,
        Recorded::NoteRemoved => set("UPDATE note SET removed = ?1 WHERE id = ?2", old)?,
        Recorded::IndicatorValueRemoved => {
            set("UPDATE indicator_value SET removed = ?1 WHERE id = ?2", old)?
        }
        Recorded::MilestoneDone => set("UPDATE milestone SET done_on = ?1 WHERE id = ?2", old)?,
        Recorded::MilestoneDue => {
            super::super::milestones::revert_due(tx, entity_id, old, row.new.as_deref())?
        }
        Recorded::MilestoneTitle => set("UPDATE milestone SET title = ?1 WHERE id = ?2", old)?,
        Recorded::Setting(key) => match old {
            Some(value) => {
                tx.execute(
                    "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    params![key, value],
                )?;
            }
            None => {
                tx.execute("DELETE FROM setting WHERE key = ?1", [key])?;
            }
        },
        Recorded::ItemCreated
        | Recorded::ItemTitle
        | Recorded::ItemBody
        | Recorded::ItemInPlan
        | Recorded::PlanCreated
        | Recorded::PlanTitle => {
            return Err(StoreError::Rejected(Rejection::NotUndoable {
                entity: row.entity.clone(),
                field: row.field.clone(),
                import: true,
            }));
        }
    }
    // A created entity is taken away by its `removed` flag, and given back by it.
    let (what, from, to) = match what {
        Recorded::MilestoneCreated => (Recorded::MilestoneRemoved, Some("0"), Some("1")),
        Recorded::NoteCreated => (Recorded::NoteRemoved, Some("0"), Some("1")),
        Recorded::IndicatorValueCreated => (Recorded::IndicatorValueRemoved, Some("0"), Some("1")),
        other => (other, row.new.as_deref(), old),
    };
    record(tx, change, row.item, &what, row.entity_id, from, to)
}
