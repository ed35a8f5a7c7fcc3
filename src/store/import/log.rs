//! The history rows of an import, written many to a statement ([`Queue`]). They keep their
//! order, so their ids are the ones one-by-one inserts would have given.

use super::queue::{Queue, opt_int, opt_text, text};
use crate::store::error::Result;
use rusqlite::Transaction;
use rusqlite::types::Value;

/// History rows of one change waiting to be written. Rows name items, so the items they
/// name must be written first.
#[derive(Debug)]
pub(super) struct Log {
    change: i64,
    rows: Queue,
}

impl Log {
    pub(super) fn new(change: i64) -> Log {
        Log {
            change,
            rows: Queue::new(
                "INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new) VALUES",
                7,
                "",
            ),
        }
    }

    /// Record one field-level effect, as `history::record` does (nothing when `old` and
    /// `new` are the same).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record(
        &mut self,
        tx: &Transaction<'_>,
        item: Option<i64>,
        what: &crate::track::fields::Recorded,
        entity_id: Option<i64>,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<()> {
        if old == new {
            return Ok(());
        }
        self.rows.push(
            tx,
            [
                Value::Integer(self.change),
                opt_int(item),
                text(what.entity()),
                opt_int(entity_id),
                text(what.field()),
                opt_text(old),
                opt_text(new),
            ],
        )
    }

    /// Write the rows still waiting.
    pub(super) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        self.rows.flush(tx)
    }
}
