//! The machine's speed against fixed reference loops, so a slower machine is told apart
//! from a slower build (issue 19, part 5). Two deterministic workloads, each the median
//! of several runs:
//!
//! - **CPU**: 4,000,000 xorshift words sorted, then hashed (FNV-1a) four times over: one
//!   core, integer work, 32 MB of memory traffic — what parsing and in-memory roll-ups do.
//! - **SQLite**: an in-memory database (same bundled SQLite as plantrack) fills a table of
//!   120,000 rows in one transaction, indexes it, groups it and scans it with `instr` —
//!   what the store does, without the disk.
//!
//! `budgets` measures both at its start and at its end and divides the reference
//! machine's figures (the consts below) by them: a *speed* of 0.8 means this machine (as
//! loaded as it is now) runs the loops in 1/0.8 of the reference time. Each budget line is
//! then also shown normalised to the reference machine.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The reference machine's CPU loop, in ms: the median figure of
/// `cargo bench --bench budgets -- speed` on the machine where BENCHMARKS.md's budgets
/// were measured (the figure, the machine and its load are recorded there, "Machine
/// speed"). Change it only together with that section.
pub const REFERENCE_CPU_MS: f64 = 150.0;
/// The reference machine's SQLite loop, in ms (measured as [`REFERENCE_CPU_MS`]).
pub const REFERENCE_SQLITE_MS: f64 = 150.0;

/// Runs of each loop per measurement (the median is taken).
const RUNS: usize = 5;

/// One measurement of both loops.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub cpu_ms: f64,
    pub sqlite_ms: f64,
}

impl Reading {
    /// Measure both loops now (median of [`RUNS`] each; about 2 s in all).
    pub fn take() -> Reading {
        Reading {
            cpu_ms: median_ms(cpu_loop),
            sqlite_ms: median_ms(sqlite_loop),
        }
    }

    /// How fast this machine ran the loops against the reference machine (1.0: as fast;
    /// 0.5: twice as slow): the geometric mean of both loops' ratios.
    pub fn speed(&self) -> f64 {
        ((REFERENCE_CPU_MS / self.cpu_ms) * (REFERENCE_SQLITE_MS / self.sqlite_ms)).sqrt()
    }
}

/// The machine's speed over a run: measured at its start and at its end.
#[derive(Debug, Clone, Copy)]
pub struct Speed {
    pub start: Reading,
    pub end: Reading,
}

impl Speed {
    /// The speed the run's figures are normalised with: the mean of start and end.
    pub fn factor(&self) -> f64 {
        (self.start.speed() + self.end.speed()) / 2.0
    }

    /// Whether the machine's speed changed by more than a fifth during the run (another
    /// process started or stopped: the figures in between are less comparable).
    pub fn changed(&self) -> bool {
        let (a, b) = (self.start.speed(), self.end.speed());
        (a - b).abs() > 0.2 * a.max(b)
    }

    /// The lines the run prints about it.
    pub fn describe(&self) -> Vec<String> {
        let line = |name: &str, reference: f64, start: f64, end: f64| {
            format!(
                "{name} loop: {start:.0} ms at the start, {end:.0} ms at the end (reference machine {reference:.0} ms)"
            )
        };
        let mut lines = vec![
            line("CPU", REFERENCE_CPU_MS, self.start.cpu_ms, self.end.cpu_ms),
            line(
                "SQLite",
                REFERENCE_SQLITE_MS,
                self.start.sqlite_ms,
                self.end.sqlite_ms,
            ),
            format!(
                "machine speed against the reference: {:.2}× at the start, {:.2}× at the end; figures are normalised with {:.2}× (below 1: this machine, as loaded now, is slower)",
                self.start.speed(),
                self.end.speed(),
                self.factor()
            ),
        ];
        if self.changed() {
            lines.push(
                "the machine's speed changed by more than a fifth during the run: compare its figures with care"
                    .to_string(),
            );
        }
        lines
    }
}

fn median_ms(work: fn() -> u64) -> f64 {
    black_box(work()); // warm caches and the allocator
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(work());
            ms(started.elapsed())
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Sort 4,000,000 pseudo-random words and hash them four times over.
pub fn cpu_loop() -> u64 {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut words: Vec<u64> = (0..4_000_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        })
        .collect();
    words.sort_unstable();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for _ in 0..4 {
        for &w in &words {
            hash = (hash ^ w).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Fill, index, group and scan a table of 120,000 rows in an in-memory database.
pub fn sqlite_loop() -> u64 {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch("CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT, v INTEGER)")
        .unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx.prepare("INSERT INTO t(k, v) VALUES (?1, ?2)").unwrap();
        let mut x: u64 = 88_172_645_463_325_252;
        for i in 0..120_000_i64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let key = format!("长株潭{:05}项目{}", x % 50_000, i % 97);
            insert
                .execute(rusqlite::params![key, (x % 1000) as i64])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("CREATE INDEX t_k ON t(k)").unwrap();
    let groups: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT substr(k, 4, 3), sum(v) FROM t GROUP BY 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM t WHERE instr(k, '项目9') > 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (groups + hits) as u64
}
