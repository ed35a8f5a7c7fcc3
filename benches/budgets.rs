//! The performance budgets of issue 7, checked in one command (release build):
//!
//! ```sh
//! cargo bench --bench budgets                              # 100k items (the budgets' size)
//! PLANTRACK_BUDGET_ITEMS=10000 cargo bench --bench budgets # another size, for a quick look
//! ```
//!
//! Builds (once; cached under `target/bench-data/`, keyed by size, seed and generator
//! version) a tracked database of generated items, then measures with `Instant` — median
//! and p99 over N runs — and peak memory (`VmHWM`). Start-up and import run in a child
//! process (this binary re-executed with `PLANTRACK_BUDGET_CHILD`), so their peak memory
//! is theirs alone, not the generator's. Prints `what | budget | measured | ok/MISSED` and
//! a breakdown of start-up. It always exits 0: it reports; where a budget is missed, the
//! design is to be fixed, never the benchmark.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/generate.rs"]
mod generate;
#[path = "support/speed.rs"]
mod speed;
#[path = "support/table.rs"]
mod table;

use plantrack::store::{ItemQuery, Store};
use plantrack::track::rollup::{RollupBy, rollup, total};
use std::hint::black_box;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use table::Row;

const CHILD: &str = "PLANTRACK_BUDGET_CHILD";
const CHILD_PATH: &str = "PLANTRACK_BUDGET_PATH";

fn main() {
    match std::env::var(CHILD).as_deref() {
        Ok("firstframe") => return child_first_frame(),
        Ok("import") => return child_import(),
        _ => {}
    }
    // `cargo bench --bench budgets -- speed`: the reference loops alone.
    if std::env::args().skip(1).any(|a| a == "speed") {
        let reading = speed::Reading::take();
        println!(
            "CPU loop {:.1} ms, SQLite loop {:.1} ms (median of 5 each); speed against the reference machine {:.2}×",
            reading.cpu_ms,
            reading.sqlite_ms,
            reading.speed()
        );
        return;
    }
    let items: usize = std::env::var("PLANTRACK_BUDGET_ITEMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let seed = fixture::SEED;
    println!("plantrack budgets at {items} items (seed {seed}), release build");
    machine();
    let speed_at_start = speed::Reading::take();
    let started = Instant::now();
    let cached = fixture::tracked_db(items, seed);
    let (texts, text_bytes) = fixture::plan_texts(items, seed);
    println!(
        "data: {} ({:.0} MB), {} plan texts ({:.1} MB); ready in {:.1} s",
        cached.display(),
        size_mb(&cached),
        texts.len(),
        text_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let temp = tempfile::tempdir().unwrap();
    let db = fixture::working_copy(items, seed, temp.path());
    let mut rows: Vec<Row> = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    // Start → first frame, in a child process each time: warm, then cold.
    let _ = run_child_first_frame(&db); // warm the page cache
    let warm: Vec<ChildRun> = (0..7).map(|_| run_child_first_frame(&db)).collect();
    let warm_ms: Vec<f64> = warm.iter().map(|r| r.first_frame_ms).collect();
    let mut cold_ms = Vec::new();
    let mut cold_how = "";
    for _ in 0..3 {
        match drop_caches(&db) {
            Some(how) => {
                cold_how = how;
                cold_ms.push(run_child_first_frame(&db).first_frame_ms);
            }
            None => break,
        }
    }
    let _ = run_child_first_frame(&db); // warm again
    rows.push(Row::new(
        "start → first frame, warm (median of 7)",
        "≤ 150 ms",
        median(&warm_ms),
        150.0,
        "ms",
    ));
    if cold_ms.is_empty() {
        notes.push("cold start not measured: could not drop the page cache".into());
    } else {
        rows.push(Row::new(
            &format!("start → first frame, cold (median of {})", cold_ms.len()),
            "≤ 300 ms",
            median(&cold_ms),
            300.0,
            "ms",
        ));
        notes.push(format!("cold cache: {cold_how}"));
    }
    let browse_peak = warm
        .iter()
        .map(|r| r.peak_after_browsing_kib)
        .max()
        .unwrap_or(0) as f64
        / 1024.0;
    let first_peak = warm
        .iter()
        .map(|r| r.peak_first_frame_kib)
        .max()
        .unwrap_or(0) as f64
        / 1024.0;
    rows.push(Row::new(
        "peak memory browsing (first frame + 2,/czt,4,5,j×50)",
        "≤ 64 MiB",
        browse_peak,
        64.0,
        "MiB",
    ));
    notes.push(format!(
        "peak memory at the first frame alone: {first_peak:.1} MiB"
    ));

    // In-process from here on: one session on the working copy.
    let breakdown = start_breakdown(&db);
    let mut store = Store::open(&db, "bench").unwrap();
    let mut app = fixture::start(&mut store);
    let mut terminal = fixture::terminal();
    fixture::draw(&mut terminal, &app);

    let kinds = keypress_samples(&mut app, &mut store, &mut terminal);
    let all: Vec<f64> = kinds
        .iter()
        .filter(|(name, _)| !name.starts_with("search"))
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    rows.push(Row::new(
        &format!("keypress → frame, median ({} keys)", all.len()),
        "≤ 2 ms",
        median(&all),
        2.0,
        "ms",
    ));
    rows.push(Row::new(
        "keypress → frame, p99",
        "≤ 16 ms",
        p99(&all),
        16.0,
        "ms",
    ));

    let edits = edit_samples(&mut app, &mut store, &mut terminal);
    rows.push(Row::new(
        &format!("edit committed → frame, median ({} edits)", edits.len()),
        "≤ 5 ms",
        median(&edits),
        5.0,
        "ms",
    ));
    rows.push(Row::new(
        "edit committed → frame, p99",
        "≤ 25 ms",
        p99(&edits),
        25.0,
        "ms",
    ));

    let typing: Vec<f64> = kinds
        .iter()
        .filter(|(name, _)| name.starts_with("search"))
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    rows.push(Row::new(
        &format!(
            "search keystroke → results frame, p99 ({} keys: 长株潭, czt)",
            typing.len()
        ),
        "p99 ≤ 30 ms",
        p99(&typing),
        30.0,
        "ms",
    ));
    let (substring, pinyin) = search_samples(&store);
    notes.push(format!(
        "search czt (Store::search_ids): first call {:.1} ms, median {:.1} ms, slowest {:.1} ms (call {})",
        pinyin.first().copied().unwrap_or(f64::NAN),
        median(&pinyin),
        pinyin.iter().copied().fold(f64::NAN, f64::max),
        pinyin
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or(0, |(i, _)| i + 1),
    ));
    rows.push(Row::new(
        "search 长株潭 (Store::search_ids), p99 of 50",
        "p99 ≤ 30 ms",
        p99(&substring),
        30.0,
        "ms",
    ));
    rows.push(Row::new(
        "search czt (pinyin, Store::search_ids), p99 of 50",
        "p99 ≤ 30 ms",
        p99(&pinyin),
        30.0,
        "ms",
    ));

    let (after_edit, summary_path) = rollup_samples(&mut app, &mut store, items);
    rows.push(Row::new(
        "all roll-ups after an edit (commit → workbench roll-ups current), median",
        "≤ 10 ms",
        median(&after_edit),
        10.0,
        "ms",
    ));
    notes.push(format!(
        "roll-ups from scratch through the store (edit + Store::summaries + 5 roll-ups, what `plantrack summary` does in one process): median {:.1} ms",
        median(&summary_path)
    ));
    drop(app);
    drop(store);

    // Import: parse + import of the plan texts into a new database, in a child process.
    let imports: Vec<ChildImport> = (0..3)
        .map(|_| run_child_import(temp.path(), &texts))
        .collect();
    let seconds: Vec<f64> = imports.iter().map(|r| r.seconds).collect();
    let rate = text_bytes as f64 / 1e6 / median(&seconds);
    rows.push(Row::rate(
        &format!(
            "import, searchable when done ({:.1} MB of plan text, median of 3)",
            text_bytes as f64 / 1e6
        ),
        "≥ 12 MB/s",
        rate,
        12.0,
        "MB/s",
        format!("{rate:.1} MB/s ({:.1} s)", median(&seconds)),
    ));
    let import_peak = imports.iter().map(|r| r.peak_kib).max().unwrap_or(0) as f64 / 1024.0;
    rows.push(Row::new(
        "peak memory importing",
        "≤ 256 MiB",
        import_peak,
        256.0,
        "MiB",
    ));
    notes.push(format!(
        "import split (median): read+parse {:.1} s, import_plans {:.1} s; then the compaction `plantrack import` runs after a bulk load: {:.1} s",
        median(&imports.iter().map(|r| r.parse_seconds).collect::<Vec<_>>()),
        median(&imports.iter().map(|r| r.import_seconds).collect::<Vec<_>>()),
        median(&imports.iter().map(|r| r.compact_seconds).collect::<Vec<_>>()),
    ));

    // Export (no budget; Taskwarrior's `task export` is the reference).
    if std::env::var("PLANTRACK_BUDGET_EXPORT").as_deref() != Ok("0") {
        let store = Store::open(&db, "bench").unwrap();
        let started = Instant::now();
        let export = plantrack::report::export::collect(
            &store,
            &ItemQuery::default(),
            fixture::today(),
            "全部事项",
        )
        .unwrap();
        let collected = started.elapsed();
        let mut out = Vec::new();
        plantrack::report::export::write(
            plantrack::report::export::Format::Json,
            &export,
            &mut out,
        )
        .unwrap();
        let total = started.elapsed();
        rows.push(Row::info(
            &format!("export JSON ({:.1} MB), one run", out.len() as f64 / 1e6),
            "— (task export: 2.1 s)",
            format!(
                "{:.2} s (collect {:.2} s)",
                total.as_secs_f64(),
                collected.as_secs_f64()
            ),
        ));
    }

    let machine_speed = speed::Speed {
        start: speed_at_start,
        end: speed::Reading::take(),
    };
    table::print_table(&rows, machine_speed.factor());
    println!();
    for line in machine_speed.describe() {
        println!("{line}");
    }
    println!();
    println!("start-up breakdown (in-process, median of 5, ms; memory from the first round):");
    for (what, ms) in &breakdown {
        println!("  {what:<58} {ms:>9.2}");
    }
    println!();
    println!("keypress → frame by kind (ms):");
    println!(
        "  {:<34} {:>6} {:>9} {:>9} {:>9}",
        "kind", "n", "median", "p99", "max"
    );
    for (name, samples) in &kinds {
        println!(
            "  {name:<34} {:>6} {:>9.2} {:>9.2} {:>9.2}",
            samples.len(),
            median(samples),
            p99(samples),
            samples.iter().copied().fold(0.0, f64::max)
        );
    }
    println!();
    for note in &notes {
        println!("note: {note}");
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at the end: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let missed = rows.iter().filter(|r| !r.ok()).count();
    println!(
        "{missed} of {} budgets missed; total time {:.0} s",
        rows.len(),
        started.elapsed().as_secs_f64()
    );
}

fn machine() {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| s.lines().next().map(|l| l.to_string()))
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at start: {} (other processes share these cores; see BENCHMARKS.md)",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!(
        "machine: {cores} cores, {cpu}, {}",
        mem.split_whitespace().collect::<Vec<_>>().join(" ")
    );
}

fn size_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

fn median(samples: &[f64]) -> f64 {
    percentile(samples, 0.5)
}

/// Nearest-rank p99.
fn p99(samples: &[f64]) -> f64 {
    percentile(samples, 0.99)
}

fn percentile(samples: &[f64], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Drop the page cache: all of it when this process may (root, writable /proc/sys),
/// otherwise the database file's pages only.
fn drop_caches(db: &Path) -> Option<&'static str> {
    // Flush dirty pages first so they can be dropped.
    let _ = Command::new("sync").status();
    if std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok() {
        return Some("echo 3 > /proc/sys/vm/drop_caches before each run (whole page cache)");
    }
    fixture::drop_file_cache(db).then_some(
        "the database file's pages dropped (dd iflag=nocache) before each run; the binary stayed cached",
    )
}

// ---------------------------------------------------------------------------------------
// Child: start → first frame, then a little browsing, in a process of its own.

struct ChildRun {
    first_frame_ms: f64,
    peak_first_frame_kib: u64,
    peak_after_browsing_kib: u64,
}

fn run_child_first_frame(db: &Path) -> ChildRun {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, "firstframe")
        .env(CHILD_PATH, db)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().and_then(|l| l.ok()).unwrap_or_default();
    let first_frame_ms = ms(started.elapsed());
    let rest = lines.next().and_then(|l| l.ok()).unwrap_or_default();
    let _ = child.wait();
    let number = |s: &str| {
        s.split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    ChildRun {
        first_frame_ms,
        peak_first_frame_kib: number(&first),
        peak_after_browsing_kib: number(&rest),
    }
}

fn child_first_frame() {
    let db = PathBuf::from(std::env::var_os(CHILD_PATH).unwrap_or_default());
    let mut store = Store::open(&db, "bench").unwrap_or_else(|e| fixture::fail(&e));
    let mut app = fixture::start(&mut store);
    let mut terminal = fixture::terminal();
    fixture::draw(&mut terminal, &app);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let _ = writeln!(out, "frame {}", fixture::peak_rss_kib().unwrap_or(0));
    let _ = out.flush();
    for event in fixture::events(&format!("2/czt<Esc>45{}", "j".repeat(50))) {
        fixture::key_to_frame(&mut app, &mut store, &mut terminal, event);
    }
    let _ = writeln!(out, "browsed {}", fixture::peak_rss_kib().unwrap_or(0));
    let _ = out.flush();
    // Leave without freeing: exit is not part of what is measured.
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------
// Child: parse + import of the plan texts into a new database.

struct ChildImport {
    seconds: f64,
    parse_seconds: f64,
    import_seconds: f64,
    /// The compaction `plantrack import` runs after a bulk load (not in `seconds`: the
    /// plans are saved and searchable before it).
    compact_seconds: f64,
    peak_kib: u64,
}

fn run_child_import(dir: &Path, texts: &[PathBuf]) -> ChildImport {
    let db = dir.join("import.db");
    fixture::remove_db(&db);
    let list = texts
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let list_file = dir.join("texts.list");
    std::fs::write(&list_file, list).unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, "import")
        .env(CHILD_PATH, &db)
        .arg(&list_file)
        .output()
        .unwrap();
    fixture::remove_db(&db);
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| -> f64 {
        text.split_whitespace()
            .find_map(|w| w.strip_prefix(name))
            .and_then(|v| v.parse().ok())
            .unwrap_or(f64::NAN)
    };
    ChildImport {
        seconds: field("total="),
        parse_seconds: field("parse="),
        import_seconds: field("import="),
        compact_seconds: field("compact="),
        peak_kib: field("peak=") as u64,
    }
}

fn child_import() {
    let db = PathBuf::from(std::env::var_os(CHILD_PATH).unwrap_or_default());
    let list = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_default();
    let files: Vec<PathBuf> = std::fs::read_to_string(list)
        .unwrap_or_default()
        .lines()
        .map(PathBuf::from)
        .collect();
    // A new database is seeded with the embedded plans: not timed.
    let mut store = Store::open(&db, "bench").unwrap_or_else(|e| fixture::fail(&e));
    let started = Instant::now();
    // What `plantrack import` does: read the files, parse them on every core.
    let inputs: Vec<(Vec<u8>, String)> = files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).unwrap_or_else(|e| fixture::fail(&e));
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (bytes, name)
        })
        .collect();
    let docs = plantrack::plan::parse_all(&inputs)
        .into_iter()
        .map(|doc| doc.unwrap_or_else(|e| fixture::fail(&e)))
        .collect();
    drop(inputs);
    let plans = plantrack::plan::merge_renditions(docs);
    let parsed = started.elapsed();
    let metas = generate::metas(&plans);
    let report = store
        .import_plans(&plans, &metas)
        .unwrap_or_else(|e| fixture::fail(&e));
    let total = started.elapsed();
    let added: usize = report.plans.iter().map(|p| p.items_added).sum();
    let compacted = Instant::now();
    if store.import_calls_for_compaction(added).unwrap_or(false) {
        store.compact().unwrap_or_else(|e| fixture::fail(&e));
    }
    println!(
        "total={} parse={} import={} compact={} peak={}",
        total.as_secs_f64(),
        parsed.as_secs_f64(),
        (total - parsed).as_secs_f64(),
        compacted.elapsed().as_secs_f64(),
        fixture::peak_rss_kib().unwrap_or(0)
    );
    std::process::exit(0);
}

// ---------------------------------------------------------------------------------------
// In-process measurements.

/// Where start-up goes: the store reads of `tui::start` redone one by one through the
/// public API, then `tui::start` as a whole (those reads plus building the in-memory
/// model: interning, live roll-ups, the tree), the first draw, and one pinyin pass over
/// every title (what the first keystroke of a pinyin search costs).
fn start_breakdown(db: &Path) -> Vec<(String, f64)> {
    let today = fixture::today();
    let mut samples: Vec<Vec<f64>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    // Resident memory each part adds, measured once (first round) in this process.
    let rss = || fixture::rss_kib().unwrap_or(0) as f64 / 1024.0;
    let mut memory: Vec<(String, f64)> = Vec::new();
    for round in 0..5 {
        let mut row = Vec::new();
        let mut step = |name: &str, d: Duration| {
            if samples.is_empty() {
                names.push(name.to_string());
            }
            row.push(ms(d));
        };
        let t = Instant::now();
        let mut store = Store::open(db, "bench").unwrap();
        step("Store::open", t.elapsed());
        let t = Instant::now();
        black_box(store.outline().unwrap());
        step("Store::outline (plans, boxes, departments)", t.elapsed());
        let t = Instant::now();
        let (_, counts) = store
            .scan_rows(
                today,
                || 0usize,
                |count, row| {
                    *count += 1;
                    black_box(row);
                },
            )
            .unwrap();
        let count: usize = counts.iter().sum();
        step(
            &format!(
                "Store::scan_rows (all {count} rows, links, milestones, health; nothing kept)"
            ),
            t.elapsed(),
        );
        let t = Instant::now();
        black_box(
            store
                .milestones_due(today, today + chrono::Duration::days(30))
                .unwrap(),
        );
        step("milestones_due (30 days)", t.elapsed());
        let t = Instant::now();
        black_box(store.departments().unwrap());
        black_box(store.indicators(None).unwrap());
        black_box(store.recent_by_others(20).unwrap());
        step("departments + indicators + recent_by_others", t.elapsed());
        let before = rss();
        let t = Instant::now();
        let app = fixture::start(&mut store);
        step(
            "tui::start (the reads above + the in-memory model)",
            t.elapsed(),
        );
        let t = Instant::now();
        let mut terminal = fixture::terminal();
        fixture::draw(&mut terminal, &app);
        step("first draw, 200×60 (Overview)", t.elapsed());
        let t = Instant::now();
        let czt = plantrack::text::pinyin::Query::new("czt").unwrap();
        black_box(
            app.data
                .items
                .iter()
                .filter(|i| czt.matches_text(&i.title))
                .count(),
        );
        step(
            "pinyin match of every title in memory (czt, one thread)",
            t.elapsed(),
        );
        if round == 0 {
            memory.push((
                "the workbench's model (items, names, roll-ups, tree)".into(),
                rss() - before,
            ));
        }
        samples.push(row);
    }
    let mut out: Vec<(String, f64)> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let column: Vec<f64> = samples.iter().map(|r| r[i]).collect();
            (name.clone(), median(&column))
        })
        .collect();
    for (what, mib) in memory {
        out.push((format!("memory, MiB: {what}"), mib));
    }
    out
}

type Term = ratatui::Terminal<ratatui::backend::TestBackend>;

fn timed_key(
    app: &mut plantrack::tui::App,
    store: &mut Store,
    terminal: &mut Term,
    spec: &str,
) -> f64 {
    let mut spent = 0.0;
    for event in fixture::events(spec) {
        let t = Instant::now();
        fixture::key_to_frame(app, store, terminal, event);
        spent += ms(t.elapsed());
    }
    spent
}

/// Keypress → frame samples by kind: scrolling on every screen, switching screens,
/// applying a filter, and search-as-you-type.
fn keypress_samples(
    app: &mut plantrack::tui::App,
    store: &mut Store,
    terminal: &mut Term,
) -> Vec<(String, Vec<f64>)> {
    let mut kinds = Vec::new();
    let n = 100;
    for (name, setup) in [
        ("scroll j: overview", "1"),
        ("scroll j: items", "2"),
        ("scroll j: detail", "2<Enter>"),
        ("scroll j: by chapter", "4"),
        ("scroll j: by department", "5"),
        ("scroll j: indicators", "6"),
    ] {
        fixture::keys(app, store, setup);
        fixture::draw(terminal, app);
        let samples: Vec<f64> = (0..n)
            .map(|_| timed_key(app, store, terminal, "j"))
            .collect();
        kinds.push((name.to_string(), samples));
    }
    let mut switch = Vec::new();
    for _ in 0..n / 5 {
        for key in ["1", "2", "4", "5", "6"] {
            switch.push(timed_key(app, store, terminal, key));
        }
    }
    kinds.push(("switch screen 1/2/4/5/6".to_string(), switch));
    fixture::keys(app, store, "2");
    let mut typing = Vec::new();
    let mut filter = Vec::new();
    for _ in 0..n / 2 {
        for c in fixture::events("fdept:省发改委") {
            let t = Instant::now();
            fixture::key_to_frame(app, store, terminal, c);
            typing.push(ms(t.elapsed()));
        }
        filter.push(timed_key(app, store, terminal, "<Enter>"));
        fixture::keys(app, store, ":clear<Enter>");
    }
    kinds.push(("filter bar: typing a character".to_string(), typing));
    kinds.push(("filter: Enter on dept:省发改委".to_string(), filter));
    for query in ["长株潭", "czt"] {
        let mut samples = Vec::new();
        for _ in 0..n / 3 {
            fixture::keys(app, store, "/");
            for c in query.chars() {
                samples.push(timed_key(app, store, terminal, &c.to_string()));
            }
            fixture::keys(app, store, "<Esc>:clear<Enter>");
        }
        kinds.push((format!("search typing {query}"), samples));
    }
    kinds
}

/// `+` and `-` alternately on the current Items row: saved, reloaded, drawn. At most
/// 50 edits or 60 s.
fn edit_samples(app: &mut plantrack::tui::App, store: &mut Store, terminal: &mut Term) -> Vec<f64> {
    fixture::keys(app, store, "2");
    fixture::draw(terminal, app);
    let started = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < 50 && started.elapsed() < Duration::from_secs(60) {
        let key = if samples.len() % 2 == 0 { "+" } else { "-" };
        samples.push(timed_key(app, store, terminal, key));
    }
    samples
}

fn search_samples(store: &Store) -> (Vec<f64>, Vec<f64>) {
    let time = |query: &str| -> Vec<f64> {
        (0..50)
            .map(|_| {
                let t = Instant::now();
                black_box(store.search_ids(query).unwrap());
                ms(t.elapsed())
            })
            .collect()
    };
    (time("长株潭"), time("czt"))
}

/// Every roll-up after an edit: in the workbench (an edit committed, then what the
/// workbench does on `Saved`: re-read the changed item, move its counts in the live
/// roll-ups, re-derive every roll-up row and the Items rows), and from scratch through
/// the store, as `plantrack summary` does.
fn rollup_samples(
    app: &mut plantrack::tui::App,
    store: &mut Store,
    items: usize,
) -> (Vec<f64>, Vec<f64>) {
    let today = fixture::today();
    let all = ItemQuery::default();
    let id = app.data.items[app.data.items.len().min(items) / 2].id;
    let edit = |n: usize, store: &mut Store| {
        fixture::set_progress(store, id, if n.is_multiple_of(2) { 30 } else { 40 });
    };
    let mut workbench = Vec::new();
    let started = Instant::now();
    while workbench.len() < 50 && started.elapsed() < Duration::from_secs(30) {
        edit(workbench.len(), store);
        let t = Instant::now();
        plantrack::tui::dispatch(
            app,
            store,
            plantrack::tui::Action::Saved(plantrack::tui::Saved::text(format!("#{id}"))),
        );
        workbench.push(ms(t.elapsed()));
    }
    let mut from_scratch = Vec::new();
    let started = Instant::now();
    while from_scratch.len() < 10 && started.elapsed() < Duration::from_secs(30) {
        let t = Instant::now();
        edit(from_scratch.len(), store);
        let fresh = store.summaries(&all, today).unwrap();
        for by in RollupBy::ALL {
            black_box(rollup(&fresh, by));
        }
        black_box(total(&fresh));
        from_scratch.push(ms(t.elapsed()));
    }
    (workbench, from_scratch)
}
