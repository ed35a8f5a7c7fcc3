#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Store faults (R4, R6): each gives its own message naming the fix, nothing acknowledged is
//! lost, nothing panics.
//!
//! - Disk full: a small tmpfs (root only; skipped otherwise) filled with a ballast file.
//!   Notes are added until the store refuses: `StoreError::DiskFull` naming the file and
//!   saying nothing was saved; reads still work; after the ballast is deleted the same
//!   store saves again, and every acknowledged note is there after reopening.
//! - A write lock held for 20 s by another connection: `StoreError::Busy` after the
//!   store's patience (3 × 5 s), saying the database is busy and nothing was saved, never
//!   SQLite's "database is locked"; the same call succeeds once the lock is released.
//! - A damaged file (garbage over the header, over the middle, over one page): `Corrupt`
//!   or `NotADatabase` with the file and the fix, from the library and from the CLI.
//!
//! The read-only file, read-only or missing directory and foreign `-shm` cases are in
//! `store_errors.rs`, the permission matrix of two users in `faults_permissions.rs`, a
//! database from a newer plantrack in `store_migrations.rs`, SIGKILL in
//! `store_concurrency.rs`.

use crate::support::skip;
use plantrack::store::{ItemQuery, Store, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

const TODAY: &str = "2026-11-23";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn first_item(store: &Store) -> i64 {
    store.list(&ItemQuery::default(), today()).unwrap()[0].id
}

fn notes_of(store: &Store, item: i64) -> Vec<String> {
    store
        .show(item, today())
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.text)
        .collect()
}

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("PLANTRACK_TODAY", TODAY)
        .env("PLANTRACK_USER", "cli")
        .output()
        .unwrap()
}

/// A failed CLI run: exit 1, no panic, one message; the message.
fn cli_fails(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(err.starts_with("plantrack: "), "{args:?}: {err}");
    err
}

// ---------------------------------------------------------------------------------------
// Disk full

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .as_deref()
        == Some("0")
}

/// A tmpfs mounted for the test, unmounted when dropped (also when the test fails).
struct Tmpfs {
    dir: PathBuf,
    _parent: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Tmpfs, String> {
        if !is_root() {
            return Err("not running as root: cannot mount a tmpfs".into());
        }
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("small");
        std::fs::create_dir(&dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0755")])
            .arg("tmpfs")
            .arg(&dir)
            .output()
            .map_err(|e| format!("cannot run mount: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Tmpfs {
            dir,
            _parent: parent,
        })
    }

    /// Bytes free for an unprivileged write (root gets no reserve on tmpfs).
    fn free(&self) -> u64 {
        let out = Command::new("stat")
            .args(["-f", "-c", "%a %S"])
            .arg(&self.dir)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().unwrap());
        fields.next().unwrap() * fields.next().unwrap()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let ok = Command::new("umount")
            .arg(&self.dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
        }
    }
}

#[test]
fn a_full_disk_loses_nothing_acknowledged_and_says_so() {
    let fs = match Tmpfs::mount("4m") {
        Ok(fs) => fs,
        Err(reason) => {
            skip::skipped(&reason);
            return;
        }
    };
    let db = fs.dir.join("plan.db");
    let item = {
        let store = Store::open(&db, "setup").unwrap();
        first_item(&store)
    };
    // Fill the disk but for about 200 KB: room for a few notes (each commit appends a few
    // pages to the WAL), not for many.
    let ballast = fs.dir.join("ballast");
    let room = fs.free().saturating_sub(200 * 1024);
    std::fs::write(&ballast, vec![0u8; usize::try_from(room).unwrap()]).unwrap();

    let mut store = Store::open(&db, "alice").unwrap();
    let body = "已召开调度会，资金已拨付，项目进展顺利。".repeat(75); // about 4.5 KB
    let mut acknowledged = Vec::new();
    let (error, refused) = loop {
        let text = format!("第{}条 {body}", acknowledged.len() + 1);
        match store.add_note(item, &text) {
            Ok(_) => acknowledged.push(text),
            Err(e) => break (e, text),
        }
        assert!(acknowledged.len() < 1000, "the disk never filled up");
    };
    assert!(
        matches!(&error, StoreError::DiskFull { path } if path == &db),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("full"), "{message}");
    assert!(message.contains("nothing was saved"), "{message}");
    assert!(!message.contains("SQLITE") && !message.contains("database or disk is full"));
    assert!(!acknowledged.is_empty(), "no note fitted at all");

    // Reads still work, and show every acknowledged note and not the refused one.
    let notes = notes_of(&store, item);
    assert_eq!(notes, acknowledged);
    // The command line says the same, without a panic.
    let err = cli_fails(&db, &["note", &item.to_string(), &body]);
    assert!(
        err.contains("full") && err.contains(&db.display().to_string()),
        "{err}"
    );
    assert!(err.contains("nothing was saved"), "{err}");

    // Space freed: the same store saves the refused note now.
    std::fs::remove_file(&ballast).unwrap();
    store.add_note(item, &refused).unwrap();
    acknowledged.push(refused);
    drop(store);

    let store = Store::open(&db, "checker").unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(notes_of(&store, item), acknowledged);
    println!(
        "disk full after {} notes of 4.5 KB; all present after freeing space",
        acknowledged.len() - 1
    );
}

#[test]
fn reads_on_a_completely_full_disk_say_so_and_leave_nothing_behind() {
    let fs = match Tmpfs::mount("4m") {
        Ok(fs) => fs,
        Err(reason) => {
            skip::skipped(&reason);
            return;
        }
    };
    let db = fs.dir.join("plan.db");
    drop(Store::open(&db, "setup").unwrap());
    // Every byte taken: a ballast file, then one more until the disk refuses.
    std::fs::write(
        fs.dir.join("ballast"),
        vec![0u8; usize::try_from(fs.free()).unwrap()],
    )
    .ok();
    let mut n = 0;
    while std::fs::write(fs.dir.join(format!("crumb{n}")), [0u8; 512]).is_ok() && n < 10_000 {
        n += 1;
    }
    for args in [
        &["list"][..],
        &["show", "1"],
        &["backup", "/tmp/never-written.db"],
    ] {
        let err = cli_fails(&db, args);
        assert!(
            err.contains("full") && err.contains(&db.display().to_string()),
            "{args:?}: {err}"
        );
        for raw in ["Error code", "disk I/O error", "SQLITE"] {
            assert!(!err.contains(raw), "{args:?}: {err}");
        }
        let shm = fs.dir.join("plan.db-shm");
        assert!(
            !shm.exists() || std::fs::metadata(&shm).unwrap().len() >= 32 * 1024,
            "{args:?} left a stub -shm"
        );
    }
    // Room again: everything works.
    std::fs::remove_file(fs.dir.join("ballast")).unwrap();
    let out = cli(&db, &["list", "--plan", "zz"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

// ---------------------------------------------------------------------------------------
// A long-held lock

#[test]
fn a_lock_held_for_twenty_seconds_is_explained_and_then_the_save_succeeds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let mut store = Store::open(&db, "alice").unwrap();
    let item = first_item(&store);
    let before = notes_of(&store, item);

    let (held, wait_held) = mpsc::channel();
    let holder_db = db.clone();
    let holder = thread::spawn(move || {
        let conn = Connection::open(&holder_db).unwrap();
        conn.execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO setting(key, value) VALUES ('held', 'by another tool');",
        )
        .unwrap();
        held.send(Instant::now()).unwrap();
        thread::sleep(Duration::from_secs(20));
        conn.execute_batch("ROLLBACK").unwrap();
        Instant::now()
    });
    let held_at = wait_held.recv().unwrap();

    // A client that waits briefly (as the workbench does) is told at once.
    let mut quick = Store::open(&db, "bob").unwrap();
    quick.set_patience(Duration::from_millis(200), 1).unwrap();
    let started = Instant::now();
    let error = quick.add_note(item, "很快放弃").unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_busy(&error);

    // The command line, meanwhile, with the default patience.
    let cli_db = db.clone();
    let cli_run = thread::spawn(move || {
        let started = Instant::now();
        let out = cli(&cli_db, &["note", &item.to_string(), "命令行等锁"]);
        (out, started.elapsed())
    });

    // The library with the default patience: 3 × 5 s.
    let started = Instant::now();
    let error = store.add_note(item, "等锁释放").unwrap_err();
    let waited = started.elapsed();
    assert_busy(&error);
    assert!(
        waited >= Duration::from_secs(14) && waited < Duration::from_secs(19),
        "gave up after {waited:?}"
    );

    let (out, cli_waited) = cli_run.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("busy") && err.contains("nothing was saved"),
        "{err}"
    );
    assert!(
        !err.contains("locked") && !err.contains("panicked"),
        "{err}"
    );
    assert_eq!(notes_of(&store, item), before, "a refused note was saved");

    // Released: the same call goes through at once.
    let released = holder.join().unwrap();
    let started = Instant::now();
    store.add_note(item, "等锁释放").unwrap();
    let retried = started.elapsed();
    assert!(retried < Duration::from_secs(1), "{retried:?}");
    let mut after = before.clone();
    after.push("等锁释放".into());
    assert_eq!(notes_of(&store, item), after);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    println!(
        "lock held {:?}: library gave up after {waited:?}, CLI after {cli_waited:?}, \
         saved {retried:?} after the release",
        released - held_at
    );
}

fn assert_busy(error: &StoreError) {
    assert!(matches!(error, StoreError::Busy { .. }), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("database is busy"), "{message}");
    assert!(message.contains("nothing was saved"), "{message}");
    assert!(!message.contains("locked"), "{message}");
}

// ---------------------------------------------------------------------------------------
// A damaged file

/// A seeded database at `dir/name`, closed (its WAL folded in).
fn seeded(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let store = Store::open(&db, "setup").unwrap();
    let item = first_item(&store);
    drop(store);
    let mut store = Store::open(&db, "setup").unwrap();
    store.add_note(item, "损坏前的备注").unwrap();
    drop(store);
    assert!(!dir.join(format!("{name}-wal")).exists());
    db
}

/// Write `garbage` over `len` bytes of `db` from `at`.
fn damage(db: &Path, at: usize, len: usize) {
    let mut bytes = std::fs::read(db).unwrap();
    let end = (at + len).min(bytes.len());
    for (n, b) in bytes[at..end].iter_mut().enumerate() {
        *b = u8::try_from((n * 131 + 7) % 251).unwrap();
    }
    std::fs::write(db, bytes).unwrap();
}

/// Open and read everything a person would look at; the first error.
fn open_and_read(db: &Path) -> Result<(), StoreError> {
    let store = Store::open(db, "reader")?;
    let items = store.list(&ItemQuery::default(), today())?;
    for row in &items {
        store.show(row.id, today())?;
    }
    store.history(None, 1000)?;
    let check = store.integrity_check()?;
    if check != "ok" {
        return Err(StoreError::Corrupt {
            path: db.to_path_buf(),
            detail: check,
        });
    }
    Ok(())
}

#[test]
fn a_damaged_file_is_named_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("header", 0usize, 100usize),
        ("middle", 4096, usize::MAX / 2),
        ("one page", 40 * 4096, 4096),
        ("schema page", 100, 3996),
    ];
    for (what, at, len) in cases {
        let db = seeded(dir.path(), &format!("{}.db", what.replace(' ', "-")));
        damage(&db, at, len);
        let shown = db.display().to_string();
        let result = std::panic::catch_unwind(|| open_and_read(&db));
        let result = result.unwrap_or_else(|_| panic!("{what}: panicked"));
        let error = match result {
            Ok(()) if what == "one page" => {
                // A page no query touched: the integrity check must still have run.
                println!("{what}: damage went unnoticed by reads and integrity_check");
                continue;
            }
            Ok(()) => panic!("{what}: the damage went unnoticed"),
            Err(e) => e,
        };
        let message = error.to_string();
        match &error {
            StoreError::NotADatabase { path } | StoreError::Corrupt { path, .. } => {
                assert_eq!(path, &db, "{what}: {message}");
            }
            other => panic!("{what}: expected Corrupt or NotADatabase, got {other:?}"),
        }
        assert!(message.contains(&shown), "{what}: {message}");
        assert!(
            message.contains("restore it from a backup") || message.contains("--db"),
            "{what}: no fix in {message}"
        );
        for args in [&["list"][..], &["show", "1"], &["summary", "--by", "plan"]] {
            if what == "one page" && cli(&db, args).status.success() {
                // SQLite finds damage when it reads the page: this command did not.
                continue;
            }
            let err = cli_fails(&db, args);
            assert!(err.contains(&shown), "{what} {args:?}: {err}");
            assert!(
                err.contains("damaged") || err.contains("not a plantrack database"),
                "{what} {args:?}: {err}"
            );
        }
        println!("{what}: {message}");
    }
}
