//! The search index (`item_fts`, external content) during an import. Writing it row by row
//! between the importer's other statements is what made imports slow: FTS5 flushes its
//! pending terms at every statement savepoint and writes one tiny segment per row, which
//! automerge then merges again. So the importer only notes which rows it inserted or
//! whose text it changed, and the index is brought up to date by a few bulk statements at
//! the end of the same transaction: searchable when the import commits, never before.

use crate::store::error::Result;
use rusqlite::{Transaction, params};
use std::collections::HashSet;

/// Old text kept for the rows whose title or body changed (FTS5 needs the old values to
/// take an external-content row out). Past this, a rebuild is cheaper to hold in memory.
const MAX_STALE_BYTES: usize = 16 << 20;

/// FTS5's in-memory term buffer for the bulk statements. The default (1 MiB) flushes a
/// segment every few hundred rows and the merges dominate; 32 MiB makes a 100k-row rebuild
/// about twice as fast for ~40 MiB more memory at the peak (larger gains nothing). Reset
/// afterwards: it is stored in the table's config, and small writes keep the default.
const BULK_HASHSIZE: i64 = 32 << 20;
const DEFAULT_HASHSIZE: i64 = 1 << 20;

/// What the index holds of an item, from its `title` and `body`: the definition of the
/// generated column `item.search_text` (migration 003), for taking out the entries of
/// rows whose old text is no longer in the table.
const SEARCH_TEXT: &str =
    "CASE WHEN instr(body, title) > 0 THEN body ELSE title || char(10) || body END";

/// Below this many rows a bulk statement gains nothing from a larger buffer.
const BULK_ROWS: usize = 2_000;

/// Index work an import owes: written by [`Pending::finish`].
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// Rows inserted or with new text: indexed from `item` at the end.
    dirty: HashSet<i64>,
    /// (id, title, body) of rows with new text as the index has them (it holds their
    /// [`SEARCH_TEXT`]), taken out first: the text before the import, so a row changed
    /// twice in one import is listed once.
    stale: Vec<(i64, String, String)>,
    stale_bytes: usize,
    /// The old text grew too large to keep: rebuild the whole index instead.
    rebuild: bool,
}

impl Pending {
    /// A row was inserted.
    pub(super) fn added(&mut self, id: i64) {
        self.dirty.insert(id);
    }

    /// A row's title or body changed; `title` and `body` are the old text. A row already
    /// inserted or changed by this import is not in the index with that text: the index
    /// still has what it had before the import (nothing, or the first old text).
    pub(super) fn changed(&mut self, id: i64, title: String, body: String) {
        if !self.dirty.insert(id) || self.rebuild {
            return;
        }
        self.stale_bytes += title.len() + body.len();
        self.stale.push((id, title, body));
        if self.stale_bytes > MAX_STALE_BYTES {
            self.rebuild = true;
            self.stale = Vec::new();
        }
    }

    /// Bring the index up to date: the changed rows' old entries out and the new entries
    /// of the dirty rows in, or — when that would write more than half as many rows as the
    /// table has — one rebuild, which costs about one write per row and leaves no
    /// tombstones.
    pub(super) fn finish(self, tx: &Transaction<'_>) -> Result<()> {
        if self.dirty.is_empty() {
            return Ok(());
        }
        let rows: i64 = tx.query_row("SELECT count(*) FROM item", [], |r| r.get(0))?;
        let writes = self.dirty.len() + self.stale.len();
        let rebuild = self.rebuild || (writes as i64) * 2 > rows;
        let bulk = rebuild || writes >= BULK_ROWS;
        if bulk {
            set_hashsize(tx, BULK_HASHSIZE)?;
        }
        if rebuild {
            tx.execute("INSERT INTO item_fts(item_fts) VALUES ('rebuild')", [])?;
        } else {
            if !self.stale.is_empty() {
                tx.execute(
                    &format!(
                        "INSERT INTO item_fts(item_fts, rowid, search_text)
                         SELECT 'delete', id, {SEARCH_TEXT} FROM (
                             SELECT value ->> 0 AS id, value ->> 1 AS title, value ->> 2 AS body
                             FROM json_each(?1))"
                    ),
                    [serde_json::to_string(&self.stale).map_err(invalid)?],
                )?;
            }
            tx.execute(
                "INSERT INTO item_fts(rowid, search_text)
                 SELECT id, search_text FROM item WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
                [serde_json::to_string(&self.dirty).map_err(invalid)?],
            )?;
        }
        if bulk {
            set_hashsize(tx, DEFAULT_HASHSIZE)?;
        }
        Ok(())
    }
}

fn set_hashsize(tx: &Transaction<'_>, bytes: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO item_fts(item_fts, rank) VALUES ('hashsize', ?1)",
        params![bytes],
    )?;
    Ok(())
}

fn invalid(error: serde_json::Error) -> crate::store::StoreError {
    crate::store::StoreError::Invalid(format!("cannot list the rows to index: {error}"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::SEARCH_TEXT;

    #[test]
    fn the_search_text_is_the_migrations() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        crate::store::migrations::to_latest(&mut conn).unwrap();
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'item'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words(&sql).contains(&words(SEARCH_TEXT)), "{sql}");
    }
}
