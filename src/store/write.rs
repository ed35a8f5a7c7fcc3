//! The two ways into the database: `write` (one short BEGIN IMMEDIATE transaction that
//! records one change) and `read` (one consistent deferred snapshot).

use super::error::{Result, StoreError};
use super::{Store, sqlite_error};
use rusqlite::{Connection, ErrorCode, Transaction};

/// Attempts of a whole write when the lock stays busy past the busy timeout.
pub(super) const WRITE_ATTEMPTS: usize = 3;

fn is_busy(error: &StoreError) -> bool {
    matches!(error, StoreError::Db(e) if matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)))
}

impl Store {
    /// Turn an internal database error into the specific error for this file.
    pub(super) fn specific(&self, error: StoreError) -> StoreError {
        match error {
            StoreError::Db(e) => sqlite_error(&self.path, e),
            other => other,
        }
    }

    /// Run `body` in one `BEGIN IMMEDIATE` transaction as one change (`action`, by this
    /// store's user, now). `body` gets the transaction and the change id for its history
    /// rows; a change that recorded no history is dropped. The whole write is retried when
    /// the lock stays busy, so SQLITE_BUSY reaches the caller only after about 15 s.
    pub(crate) fn write<T>(
        &mut self,
        action: &str,
        mut body: impl FnMut(&Transaction<'_>, i64) -> Result<T>,
    ) -> Result<T> {
        let mut last = None;
        for _ in 0..self.attempts {
            match self.write_once(action, &mut body) {
                Err(e) if is_busy(&e) => last = Some(e),
                Ok((value, change)) => {
                    if let Some(change) = change {
                        self.session_changes.push(change);
                    }
                    return Ok(value);
                }
                Err(e) => return Err(self.specific(e)),
            }
        }
        // Busy after every attempt: say how long this store really waited.
        let waited = self.timeout * self.attempts as u32;
        match last.map(|e| self.specific(e)) {
            Some(StoreError::Busy { path, .. }) => Err(StoreError::Busy { path, waited }),
            Some(other) => Err(other),
            None => Err(StoreError::Busy {
                path: self.path.clone(),
                waited,
            }),
        }
    }

    /// One attempt; returns the value and the change id, when the change recorded history.
    fn write_once<T>(
        &mut self,
        action: &str,
        body: &mut impl FnMut(&Transaction<'_>, i64) -> Result<T>,
    ) -> Result<(T, Option<i64>)> {
        let user = self.user.clone();
        let tx = self.conn.transaction()?;
        // Stamped once the lock is held: changes are stamped in the order they commit.
        let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        tx.execute(
            "INSERT INTO change(at, who, action) VALUES (?1, ?2, ?3)",
            rusqlite::params![at, user, action],
        )?;
        let change = tx.last_insert_rowid();
        let value = body(&tx, change)?;
        let recorded: i64 = tx.query_row(
            "SELECT count(*) FROM history WHERE change_id = ?1",
            [change],
            |r| r.get(0),
        )?;
        if recorded == 0 {
            tx.execute("DELETE FROM change WHERE id = ?1", [change])?;
        }
        tx.commit()?;
        Ok((value, (recorded > 0).then_some(change)))
    }

    /// Run `body` as `write` would (one `BEGIN IMMEDIATE` transaction, a change id for its
    /// history rows), then roll everything back: what a write would do, shown before it is
    /// done (`returns collect --dry-run`).
    pub(crate) fn rehearse<T>(
        &mut self,
        action: &str,
        body: impl FnOnce(&Transaction<'_>, i64) -> Result<T>,
    ) -> Result<T> {
        let user = self.user.clone();
        let run = |conn: &mut Connection| -> Result<T> {
            let tx = conn.transaction()?;
            let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            tx.execute(
                "INSERT INTO change(at, who, action) VALUES (?1, ?2, ?3)",
                rusqlite::params![at, user, action],
            )?;
            let change = tx.last_insert_rowid();
            let value = body(&tx, change);
            tx.rollback()?;
            value
        };
        run(&mut self.conn).map_err(|e| self.specific(e))
    }

    /// Run `body` on one consistent snapshot (a deferred read transaction: no lock taken).
    pub(crate) fn read<T>(&self, body: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let run = || -> Result<T> {
            self.conn.execute_batch("BEGIN DEFERRED")?;
            let value = body(&self.conn);
            let end = if value.is_ok() { "COMMIT" } else { "ROLLBACK" };
            self.conn.execute_batch(end)?;
            value
        };
        run().map_err(|e| self.specific(e))
    }
}
