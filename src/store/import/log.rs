//! The history rows of an import, written many to a statement. A 100k-item import records
//! a quarter of a million rows (every item, link and milestone it creates); one statement
//! each made their statement overhead a large part of the import. Rows keep their order,
//! so their ids are the ones one-by-one inserts would have given.

use crate::store::error::Result;
use rusqlite::types::Value;
use rusqlite::{Transaction, params_from_iter};

/// Rows per multi-row INSERT.
const CHUNK: usize = 64;
const COLUMNS: usize = 7;
const INSERT: &str =
    "INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new) VALUES ";

/// History rows of one change waiting to be written.
#[derive(Debug)]
pub(super) struct Log {
    change: i64,
    values: Vec<Value>,
    chunk_sql: String,
}

fn text(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |v| Value::Text(v.to_string()))
}

impl Log {
    pub(super) fn new(change: i64) -> Log {
        let tuple = format!("({})", ["?"; COLUMNS].join(", "));
        Log {
            change,
            values: Vec::with_capacity(CHUNK * COLUMNS),
            chunk_sql: format!("{INSERT}{}", vec![tuple; CHUNK].join(", ")),
        }
    }

    /// Record one field-level effect, as `history::record` does (nothing when `old` and
    /// `new` are the same).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record(
        &mut self,
        tx: &Transaction<'_>,
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
        self.values.extend([
            Value::Integer(self.change),
            item.map_or(Value::Null, Value::Integer),
            Value::Text(entity.to_string()),
            entity_id.map_or(Value::Null, Value::Integer),
            Value::Text(field.to_string()),
            text(old),
            text(new),
        ]);
        if self.values.len() >= CHUNK * COLUMNS {
            tx.prepare_cached(&self.chunk_sql)?
                .execute(params_from_iter(self.values.drain(..)))?;
        }
        Ok(())
    }

    /// Write the rows still waiting (fewer than a chunk).
    pub(super) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        let single = format!("{INSERT}({})", ["?"; COLUMNS].join(", "));
        let mut stmt = tx.prepare_cached(&single)?;
        while !self.values.is_empty() {
            let row: Vec<Value> = self
                .values
                .drain(..COLUMNS.min(self.values.len()))
                .collect();
            stmt.execute(params_from_iter(row))?;
        }
        Ok(())
    }
}
