//! Compaction: rewrite the file in key order (`VACUUM`). A bulk import leaves the rows,
//! indexes and search index of many plans interleaved page by page across the file, so a
//! workbench starting from a cold disk waits on scattered 4 KiB reads: at 100k items the
//! first frame took 0.33 s cold before compaction and 0.15 s after (BENCHMARKS.md).

use super::error::Result;
use super::{Store, measure};
use crate::progress::{Progress, Silent, Stage};
use std::time::{Duration, Instant};

/// What a compaction did.
#[derive(Debug, Clone, PartialEq)]
pub struct Compacted {
    /// File size before and after, in bytes.
    pub before: u64,
    pub after: u64,
    pub took: Duration,
}

/// What a VACUUM reads and writes per byte of the pages it keeps: it reads the old file
/// (or the WAL), builds the new file in a temporary database, reads that back and
/// writes it through the WAL, whose pages the checkpoint then copies in place (measured
/// with `/proc/self/io` on plantrack databases: BENCHMARKS.md; an estimate for the
/// progress bar only).
const VACUUM_IO_PER_BYTE: u64 = 7;

/// An import that added at least this many items, and at least a fifth of all items,
/// is followed by a compaction (`plantrack import`).
pub const COMPACT_AFTER_ITEMS: usize = 1_000;

impl Store {
    /// Rewrite the database file in order. Changes no data and records no change; other
    /// processes keep reading meanwhile, and writers wait (as for any write). The WAL,
    /// which a VACUUM fills with the whole file, is truncated afterwards.
    pub fn compact(&mut self) -> Result<Compacted> {
        self.compact_reporting(&Silent)
    }

    /// [`compact`](Store::compact), telling `progress` how far it is: the bytes the
    /// process has read and written, against an estimate of what a VACUUM moves (see
    /// [`VACUUM_IO_PER_BYTE`]).
    pub fn compact_reporting(&mut self, progress: &dyn Progress) -> Result<Compacted> {
        let size = |store: &Store| std::fs::metadata(&store.path).map_or(0, |m| m.len());
        let before = size(self);
        let started = Instant::now();
        let total = if progress.visible() {
            let kept = self.used_bytes().unwrap_or(before);
            kept.saturating_mul(VACUUM_IO_PER_BYTE)
        } else {
            0
        };
        progress.begin(Stage::Compact, Some(total));
        let vacuumed =
            measure::while_running(progress, measure::Measure::process_io(), total, || {
                self.conn.execute_batch("VACUUM")
            });
        progress.end();
        vacuumed.map_err(|e| self.specific(e.into()))?;
        // A reader still on the old snapshot keeps the WAL until it moves on: then the
        // next checkpoint truncates it; nothing is lost either way.
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        Ok(Compacted {
            before,
            after: size(self),
            took: started.elapsed(),
        })
    }

    /// The bytes of the pages in use (not on the free list): about what a VACUUM keeps.
    pub(crate) fn used_bytes(&self) -> Result<u64> {
        let pragma = |name: &str| -> Result<u64> {
            Ok(self
                .conn
                .pragma_query_value(None, name, |r| r.get::<_, i64>(0))?
                .max(0) as u64)
        };
        let pages = pragma("page_count")?.saturating_sub(pragma("freelist_count")?);
        Ok(pages * pragma("page_size")?)
    }

    /// Whether an import that added `added` items calls for a compaction: a bulk load
    /// (see [`COMPACT_AFTER_ITEMS`]), not a refresh of a plan or two.
    pub fn import_calls_for_compaction(&self, added: usize) -> Result<bool> {
        let total: usize = self.plans()?.iter().map(|p| p.items).sum();
        Ok(added >= COMPACT_AFTER_ITEMS && added.saturating_mul(5) >= total)
    }
}
