//! Rows of one table queued and written many to a statement. A 100k-item import inserts half a
//! million rows (items, their links and milestones, a quarter of a million history rows);
//! one statement each made statement overhead a large part of the import. Rows keep the
//! order they were added in.

use crate::store::error::Result;
use rusqlite::types::Value;
use rusqlite::{Transaction, params_from_iter};

/// Rows per multi-row INSERT.
const CHUNK: usize = 64;

/// Rows waiting to be inserted into one table.
#[derive(Debug)]
pub(super) struct Queue {
    columns: usize,
    values: Vec<Value>,
    /// The INSERT of one row and of a full chunk.
    one: String,
    chunk: String,
}

impl Queue {
    /// `head` is "INSERT INTO t(a, b, …) VALUES", `tail` what follows the values (an
    /// upsert clause, or "").
    pub(super) fn new(head: &str, columns: usize, tail: &str) -> Queue {
        let tuple = format!("({})", vec!["?"; columns].join(", "));
        Queue {
            columns,
            values: Vec::new(),
            one: format!("{head} {tuple} {tail}"),
            chunk: format!("{head} {} {tail}", vec![tuple; CHUNK].join(", ")),
        }
    }

    /// Add a row (`columns` values); a full chunk is written at once.
    pub(super) fn push(
        &mut self,
        tx: &Transaction<'_>,
        row: impl IntoIterator<Item = Value>,
    ) -> Result<()> {
        self.values.extend(row);
        if self.values.len() >= CHUNK * self.columns {
            tx.prepare_cached(&self.chunk)?
                .execute(params_from_iter(self.values.drain(..)))?;
        }
        Ok(())
    }

    /// Write the rows still waiting.
    pub(super) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        if self.values.is_empty() {
            return Ok(());
        }
        let mut stmt = tx.prepare_cached(&self.one)?;
        let mut rest = self.values.drain(..);
        loop {
            let row: Vec<Value> = rest.by_ref().take(self.columns).collect();
            if row.is_empty() {
                return Ok(());
            }
            stmt.execute(params_from_iter(row))?;
        }
    }
}

/// A text column's value.
pub(super) fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

/// A nullable text column's value.
pub(super) fn opt_text(value: Option<&str>) -> Value {
    value.map_or(Value::Null, text)
}

/// A nullable integer column's value.
pub(super) fn opt_int(value: Option<i64>) -> Value {
    value.map_or(Value::Null, Value::Integer)
}

/// Ids for the rows an import inserts into a table, known before the row is written so
/// that rows that refer to it can wait in their own queues: what SQLite would give them
/// one by one (the largest id so far + 1) in a table the import never deletes from.
#[derive(Debug)]
pub(super) struct Ids {
    next: i64,
}

impl Ids {
    /// `table` is one of the importer's own table names.
    pub(super) fn after_largest(tx: &Transaction<'_>, table: &str) -> Result<Ids> {
        let largest: i64 = tx.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?;
        Ok(Ids {
            next: largest.saturating_add(1),
        })
    }

    pub(super) fn take(&mut self) -> i64 {
        // At i64::MAX the next insert fails on the key: an error, never a wrong row.
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }
}
