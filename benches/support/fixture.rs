//! Bench fixtures: tracked databases cached under `target/bench-data/` (keyed by size, seed
//! and generator version), plan texts written once, and helpers that drive the workbench
//! with key events and render it into a 200×60 `TestBackend`, as `tests/support/tui.rs`
//! does. Include with `#[path = "support/fixture.rs"] mod fixture;` after `generate`.
#![allow(dead_code)]

use crate::generate;
use chrono::NaiveDate;
use plantrack::store::Store;
use plantrack::tui::{self, App, Lang, Session, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Bump when the generator or `track` changes what they produce: cached files are keyed
/// by it.
pub const GENERATOR_VERSION: u32 = 4;
/// The seed every bench uses.
pub const SEED: u64 = 42;
/// Frame size of every rendered measurement.
pub const WIDTH: u16 = 200;
pub const HEIGHT: u16 = 60;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

pub fn session() -> Session {
    Session {
        lang: Lang::Zh,
        theme: Theme {
            color: true,
            ascii: false,
        },
        today: today(),
        user: "bench".to_string(),
        journal: None,
        export_dir: std::env::temp_dir(),
    }
}

/// `target/bench-data`, created if missing.
pub fn data_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("bench-data");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fn key_of(items: usize, seed: u64) -> String {
    format!(
        "n{items}-s{seed}-g{GENERATOR_VERSION}-v{}",
        plantrack::store::latest_version()
    )
}

/// Commit an edit of item `id`'s progress, as a user would (against the current stamp).
pub fn set_progress(store: &mut Store, id: i64, progress: u8) {
    let stamp = store.stamp().unwrap_or_else(|e| fail(&e));
    let edit = plantrack::store::ItemEdit {
        progress: Some(progress),
        ..plantrack::store::ItemEdit::default()
    };
    store
        .edit_item(id, Some(stamp), &edit)
        .unwrap_or_else(|e| fail(&e));
}

/// Remove a database and its -wal/-shm files.
pub fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// A tracked database of `items` generated items (plus the five embedded seed plans that
/// `Store::open` imports into every new database), built once and cached. Prints what
/// building took to stderr.
pub fn tracked_db(items: usize, seed: u64) -> PathBuf {
    let path = data_dir().join(format!("{}.db", key_of(items, seed)));
    if path.exists() {
        return path;
    }
    let building = data_dir().join(format!("{}.building.db", key_of(items, seed)));
    remove_db(&building);
    eprintln!(
        "building the {items}-item database (cached as {})",
        path.display()
    );
    let started = Instant::now();
    let plans = generate::plans(items, seed);
    let metas = generate::metas(&plans);
    eprintln!("  generate: {:.1} s", started.elapsed().as_secs_f64());
    {
        let mut store = Store::open(&building, "builder").unwrap_or_else(|e| fail(&e));
        let t = Instant::now();
        let report = store
            .import_plans(&plans, &metas)
            .unwrap_or_else(|e| fail(&e));
        eprintln!("  import: {:.1} s", t.elapsed().as_secs_f64());
        drop(plans);
        // As `plantrack import` does after a bulk load; the tracking below then scatters
        // its writes through the file as a year of use would.
        let added: usize = report.plans.iter().map(|p| p.items_added).sum();
        if store.import_calls_for_compaction(added).unwrap_or(false) {
            let done = store.compact().unwrap_or_else(|e| fail(&e));
            eprintln!("  compact: {:.1} s", done.took.as_secs_f64());
        }
        for (what, count, seconds) in generate::track(&mut store, seed).steps {
            eprintln!("  track {what}: {count} in {seconds:.1} s");
        }
    }
    // Fold the WAL into the file so the cached copy is one self-contained file.
    checkpoint(&building);
    remove_db(&path);
    let _ = std::fs::rename(&building, &path);
    remove_db(&building);
    eprintln!("  total: {:.1} s", started.elapsed().as_secs_f64());
    path
}

/// Open and close the database once (SQLite checkpoints and removes the WAL on the last
/// close).
fn checkpoint(path: &Path) {
    drop(Store::open(path, "builder"));
}

/// A private copy of the cached database at `items` (for benches that write), in `dir`.
pub fn working_copy(items: usize, seed: u64, dir: &Path) -> PathBuf {
    let cached = tracked_db(items, seed);
    let copy = dir.join(format!("work-{items}.db"));
    remove_db(&copy);
    std::fs::copy(&cached, &copy).unwrap_or_else(|e| fail(&e));
    copy
}

/// The plan texts of `items` generated items, written once under target/bench-data;
/// returns the files and their total size in bytes.
pub fn plan_texts(items: usize, seed: u64) -> (Vec<PathBuf>, u64) {
    let dir = data_dir().join(format!("texts-{}", key_of(items, seed)));
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let _ = std::fs::create_dir_all(&dir);
        for plan in generate::plans(items, seed) {
            let name = plan.sources.first().cloned().unwrap_or_default();
            std::fs::write(dir.join(name), generate::plan_text(&plan)).unwrap_or_else(|e| fail(&e));
        }
        let _ = std::fs::write(&done, "");
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    (files, bytes)
}

/// Parse plan files and import them (what `plantrack import FILE…` does).
pub fn parse_and_import(store: &mut Store, files: &[PathBuf]) -> usize {
    let mut docs = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| fail(&e));
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(plantrack::plan::parse_bytes(&bytes, &name).unwrap_or_else(|e| fail(&e)));
    }
    let plans = plantrack::plan::merge_renditions(docs);
    let metas = generate::metas(&plans);
    let report = store
        .import_plans(&plans, &metas)
        .unwrap_or_else(|e| fail(&e));
    report.plans.iter().map(|p| p.items_added).sum()
}

pub fn fail(error: &dyn std::fmt::Display) -> ! {
    eprintln!("bench fixture failed: {error}");
    std::process::exit(2)
}

/// An app started on `store` (the whole snapshot loaded).
pub fn start(store: &mut Store) -> App {
    let mut app = App::new(session());
    tui::start(&mut app, store);
    app
}

pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap_or_else(|e| fail(&e))
}

pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| tui::draw(app, frame))
        .unwrap_or_else(|e| fail(&e));
}

/// The key events of a spec written like "jj/czt<Enter>" (as tests/support/tui.rs).
pub fn events(spec: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        let key = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "C-u" => KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
                other => fail(&format!("unknown key <{other}>")),
            }
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        out.push(Event::Key(key));
    }
    out
}

/// Send keys without drawing.
pub fn keys(app: &mut App, store: &mut Store, spec: &str) {
    for event in events(spec) {
        tui::handle_event(app, store, event);
    }
}

/// One key → the next frame drawn: what a person waits for.
pub fn key_to_frame(
    app: &mut App,
    store: &mut Store,
    terminal: &mut Terminal<TestBackend>,
    event: Event,
) {
    tui::handle_event(app, store, event);
    draw(terminal, app);
}

/// Peak resident memory of this process so far (VmHWM), in KiB.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Resident memory of this process now (VmRSS), in KiB.
pub fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Drop the page cache of one file (for cold-cache runs), without root: GNU dd's
/// `iflag=nocache count=0` advises the kernel to drop the whole file.
pub fn drop_file_cache(path: &Path) -> bool {
    let mut ok = true;
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let file = PathBuf::from(name);
        if !file.exists() {
            continue;
        }
        let status = std::process::Command::new("dd")
            .arg(format!("if={}", file.display()))
            .args(["iflag=nocache", "count=0", "status=none"])
            .status();
        ok &= status.is_ok_and(|s| s.success());
    }
    ok
}
