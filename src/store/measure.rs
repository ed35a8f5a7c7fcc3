//! How far one long SQL statement (`VACUUM`, `VACUUM INTO`, `integrity_check`) has got,
//! told to a [`Progress`] while it runs: SQLite's progress handler calls back every few
//! thousand virtual-machine steps, and at most ten times a second a measure is taken —
//! the size of the file being written, or the bytes this process has read and written
//! (Linux's `/proc/self/io`). Nothing is installed when nobody sees the progress, so
//! scripts run the statement exactly as before.
//!
//! Owns: the progress handler. May not: draw or print (the reporter does).

use crate::progress::Shared;
use rusqlite::Connection;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Virtual-machine steps between two calls of the handler (a few microseconds of work).
const STEPS: i32 = 20_000;
/// Measures taken at most this often.
const EVERY: Duration = Duration::from_millis(100);

/// What is measured while a statement runs.
#[derive(Debug, Clone)]
pub(crate) enum Measure {
    /// The size of a file being written.
    FileSize(PathBuf),
    /// Bytes read and written by this process since the statement began.
    ProcessIo { start: u64 },
}

impl Measure {
    /// Bytes this process read and written so far from now on.
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
/// every read and write call, whether the page cache served it or not), where the
/// system tells it.
fn process_io() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/io").ok()?;
    let field = |name: &str| -> Option<u64> {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
    };
    Some(field("rchar:")? + field("wchar:")?)
}

/// Run `statement` on `conn`, telling `progress` the measure (capped just below `total`:
/// the total is an estimate, and the stage is over only when the statement is) while it
/// runs. The caller begins and ends the stage.
pub(crate) fn while_running<T>(
    conn: &Connection,
    progress: &Shared,
    measure: Measure,
    total: u64,
    statement: impl FnOnce() -> T,
) -> T {
    if !progress.visible() {
        return statement();
    }
    let reporter = Arc::clone(progress);
    let cap = total.saturating_sub(total / 100).max(1);
    let mut last = Instant::now();
    let handler = move || {
        if last.elapsed() >= EVERY {
            last = Instant::now();
            if let Some(done) = measure.take() {
                reporter.set(done.min(cap));
            }
        }
        false
    };
    let installed = conn.progress_handler(STEPS, Some(handler)).is_ok();
    let result = statement();
    if installed {
        let _ = conn.progress_handler(0, None::<fn() -> bool>);
    }
    result
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::progress::{Progress, Stage};
    use std::sync::Mutex;

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
        let conn = Connection::open_in_memory().unwrap();
        let written = dir.path().join("written");
        std::fs::write(&written, [0u8; 5000]).unwrap();
        let last = Arc::new(Last::default());
        let shared: Shared = last.clone();
        // Statements for about a third of a second: recursive counts.
        let n: i64 = while_running(&conn, &shared, Measure::FileSize(written), 1000, || {
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
        let conn = Connection::open_in_memory().unwrap();
        let silent = crate::progress::silent();
        let n: i64 = while_running(&conn, &silent, Measure::process_io(), 1, || {
            conn.query_row("SELECT 41 + 1", [], |r| r.get(0)).unwrap()
        });
        assert_eq!(n, 42);
    }
}
