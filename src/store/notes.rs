//! Notes: an append-only timeline per item, so two people writing at once never conflict.

use super::Store;
use super::error::Result;
use super::history::record;
use super::items::require_item;
use crate::track::fields::Recorded;
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub id: i64,
    pub author: String,
    pub at: String,
    pub text: String,
}

pub(super) fn notes_of(conn: &Connection, item: i64) -> Result<Vec<Note>> {
    let notes = conn
        .prepare_cached("SELECT id, author, at, text FROM note WHERE item_id = ?1 AND removed = 0 ORDER BY at, id")?
        .query_map([item], |r| Ok(Note { id: r.get(0)?, author: r.get(1)?, at: r.get(2)?, text: r.get(3)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(notes)
}

impl Store {
    /// Append a note to an item.
    pub fn add_note(&mut self, item: i64, text: &str) -> Result<i64> {
        let text = super::queries::typed(crate::track::limits::Field::Note, text)?;
        let author = self.user.clone();
        self.write("add note", |tx, change| {
            add_note_in(tx, change, &author, item, &text)
        })
    }
}

/// Append a note (text already checked) by `author` to an item, in the write `change`.
pub(super) fn add_note_in(
    tx: &Transaction<'_>,
    change: i64,
    author: &str,
    item: i64,
    text: &str,
) -> Result<i64> {
    require_item(tx, item)?;
    let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    tx.execute(
        "INSERT INTO note(item_id, author, at, text) VALUES (?1, ?2, ?3, ?4)",
        params![item, author, at, text],
    )?;
    let id = tx.last_insert_rowid();
    record(
        tx,
        change,
        Some(item),
        &Recorded::NoteCreated,
        Some(id),
        None,
        Some(text),
    )?;
    Ok(id)
}
