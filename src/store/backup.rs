//! Backup and the movable tracking state.
//!
//! - [`Store::backup_to`]: a consistent copy of the whole database file (`VACUUM INTO`:
//!   one read transaction, so writers in other processes go on meanwhile and the copy holds
//!   exactly what was committed when it started), checked with `integrity_check`.
//! - [`Store::dump`] / [`Store::load`]: the tracking state as a [`Dump`] (serialised as
//!   JSON by the caller) that moves between databases holding the same plans. Plans,
//!   items and indicators are named by their keys, departments by their official names;
//!   milestones, notes, indicator values and changes by their position in the dump
//!   (1, 2, …, in the order they were created), which `load` makes their ids. So dump →
//!   load → dump gives the same bytes.

mod dump;
mod format;
mod keys;
mod load;
mod validate;

pub use format::{
    Dump, DumpChange, DumpDepartment, DumpExtension, DumpHistory, DumpIndicatorValue, DumpItem,
    DumpLink, DumpMilestone, DumpNote, DumpPlan, DumpSetting, Key, Target,
};
pub use load::LoadReport;

use super::error::{Result, StoreError};
use super::measure::{self, Measure};
use super::{Store, sqlite_error};
use crate::progress::{Progress, Silent, Stage};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// What `format` says in every dump.
pub const DUMP_FORMAT: &str = "plantrack-dump";
/// The version of the dump layout this build writes and reads.
pub const DUMP_VERSION: u32 = 1;

/// What `PRAGMA integrity_check` reads per byte of a freshly written copy (it looks index
/// entries up in their tables, so pages are read more than once; measured with
/// `/proc/self/io` on plantrack databases: BENCHMARKS.md; an estimate for the progress
/// bar only).
const CHECK_READS_PER_BYTE: f64 = 2.2;

impl Store {
    /// Write a consistent snapshot of the database to `target`, a file that must not exist
    /// yet or be empty (callers create a private temporary file and rename it). The copy is
    /// a single file (rollback journal mode; plantrack turns it back to WAL when it opens
    /// it) and passes `PRAGMA integrity_check`.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        self.backup_reporting(target, &Silent)
    }

    /// [`backup_to`](Store::backup_to), telling `progress` how far the copy is (its size
    /// against the pages in use here) and then the check (the bytes read, against an
    /// estimate of what `integrity_check` reads: [`CHECK_READS_PER_BYTE`]).
    pub fn backup_reporting(&self, target: &Path, progress: &dyn Progress) -> Result<()> {
        if std::fs::metadata(target).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::Rejected(super::Rejection::BackupExists {
                path: target.display().to_string(),
            }));
        }
        let name = target.to_str().ok_or_else(|| {
            StoreError::Rejected(super::Rejection::BackupNameNotUtf8 {
                path: target.display().to_string(),
            })
        })?;
        let estimate = if progress.visible() {
            self.used_bytes().unwrap_or(0).max(1)
        } else {
            0
        };
        progress.begin(Stage::Copy, Some(estimate));
        let copied = measure::while_running(
            progress,
            Measure::FileSize(target.to_path_buf()),
            estimate,
            || self.conn.execute("VACUUM INTO ?1", [name]),
        );
        progress.end();
        copied.map_err(|e| sqlite_error(&self.path, e))?;
        let check = || -> rusqlite::Result<String> {
            let copy = Connection::open_with_flags(
                target,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            let _: String =
                copy.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
            let reads = if progress.visible() {
                let size = std::fs::metadata(target).map_or(1, |m| m.len());
                (size as f64 * CHECK_READS_PER_BYTE) as u64
            } else {
                0
            };
            progress.begin(Stage::Check, Some(reads));
            let verdict = measure::while_running(progress, Measure::process_io(), reads, || {
                copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))
            });
            progress.end();
            verdict
        };
        let verdict = check().map_err(|e| sqlite_error(target, e))?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt {
                path: target.to_path_buf(),
                detail: verdict,
            });
        }
        let io = |source| StoreError::Io {
            path: target.to_path_buf(),
            source,
        };
        std::fs::File::open(target)
            .and_then(|f| f.sync_all())
            .map_err(io)?;
        Ok(())
    }
}
