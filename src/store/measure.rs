//! How far one long SQL statement (`VACUUM`, `VACUUM INTO`, `integrity_check`) has got,
//! told to a [`Progress`] while it runs: a watcher thread takes a measure ten times a
//! second — the size of the file being written, or the bytes this process has read and
//! written (Linux's `/proc/self/io`) — until the statement returns. (SQLite's progress
//! handler was tried first: it is called only while the virtual machine steps, and a
//! VACUUM spends two thirds of its time copying pages and checkpointing outside it.)
//! Nothing runs when nobody sees the progress, so scripts run the statement exactly as
//! before.
//!
//! Owns: the watcher. May not: draw or print (the reporter does).

use crate::progress::Progress;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A measure is taken this often.
const EVERY: Duration = Duration::from_millis(100);

/// What is measured while a statement runs.
#[derive(Debug)]
pub(crate) enum Measure {
    /// The size of a file being written.
    FileSize(PathBuf),
    /// Bytes read and written by this process since the statement began.
    ProcessIo { start: u64 },
}

impl Measure {
    /// Bytes this process reads and writes from now on.
    pub(crate) fn process_io() -> Measure {
        Measure::ProcessIo {
            start: process_io().unwrap_or(0),
        }
    }

    fn take(&self) -> Option<u64> {
        match self {
            Measure::FileSize(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Measure::ProcessIo { start } => process_io().map(|now| now.saturating_sub(*start)),
        }
    }
}

/// Bytes read plus bytes written by this process (`rchar` + `wchar` of `/proc/self/io`:
/// every read and write call of every thread, whether the page cache served it or not),
/// where the system tells it.
fn process_io() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/io").ok()?;
    let field = |name: &str| -> Option<u64> {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    Some(field("rchar:")? + field("wchar:")?)
}

/// Run `statement`, telling `progress` the measure (capped just below `total`: the total
/// is an estimate, and the stage is over only when the statement is) while it runs. The
/// caller begins and ends the stage.
pub(crate) fn while_running<T>(
    progress: &dyn Progress,
    measure: Measure,
    total: u64,
    statement: impl FnOnce() -> T,
) -> T {
    if !progress.visible() {
        return statement();
    }
    let cap = total.saturating_sub(total / 100).max(1);
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            while !done.load(Ordering::Acquire) {
                std::thread::park_timeout(EVERY);
                if let Some(so_far) = measure.take() {
                    progress.set(so_far.min(cap));
                }
            }
        });
        let result = statement();
        done.store(true, Ordering::Release);
        watcher.thread().unpark();
        result
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::progress::{Progress, Stage};
    use std::sync::Mutex;
    use std::time::Instant;

    #[derive(Debug, Default)]
    struct Last(Mutex<Vec<u64>>);
    impl Progress for Last {
        fn begin(&self, _: Stage, _: Option<u64>) {}
        fn set(&self, done: u64) {
            self.0.lock().unwrap().push(done);
        }
        fn add(&self, _: u64) {}
        fn end(&self) {}
    }

    #[test]
    fn a_long_statement_reports_its_measure_below_the_estimate() {
        let dir = tempfile::tempdir().unwrap();
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let written = dir.path().join("written");
        std::fs::write(&written, [0u8; 5000]).unwrap();
        let last = Last::default();
        // Statements for about a third of a second: recursive counts.
        let n: i64 = while_running(&last, Measure::FileSize(written), 1000, || {
            let started = Instant::now();
            let mut n = 0;
            while started.elapsed() < Duration::from_millis(350) {
                n += conn
                    .query_row(
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c",
                        [],
                        |r| r.get::<_, i64>(0),
                    )
                    .unwrap();
            }
            n
        });
        assert!(n > 0);
        let seen = last.0.lock().unwrap();
        assert!(!seen.is_empty(), "the handler never reported");
        // 5000 bytes measured, shown as 99% of the estimated 1000 until the end.
        assert!(seen.iter().all(|&d| d == 990), "{seen:?}");
    }

    #[test]
    fn nobody_watching_installs_nothing() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let n: i64 = while_running(&crate::progress::Silent, Measure::process_io(), 1, || {
            conn.query_row("SELECT 41 + 1", [], |r| r.get(0)).unwrap()
        });
        assert_eq!(n, 42);
    }
}
