//! `backup`: a consistent copy taken while someone else keeps writing, and the `backup`,
//! `dump` and `load` commands end to end on temporary databases.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::store::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// Notes in a copy, in id order.
fn notes(path: &Path) -> Vec<String> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mut stmt = conn
        .prepare("SELECT text FROM note WHERE item_id = 1 ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn a_backup_taken_during_writes_is_a_consistent_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let store = Store::open(&db, "alice").unwrap();
    let committed = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (db, committed, stop) = (db.clone(), committed.clone(), stop.clone());
        thread::spawn(move || {
            let mut bob = Store::open(&db, "bob").unwrap();
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) && n < 5_000 {
                bob.add_note(1, &format!("第{n}条")).unwrap();
                n += 1;
                committed.store(n, Ordering::SeqCst);
            }
            n
        })
    };
    let mut copies = Vec::new();
    for round in 0..3 {
        let deadline = Instant::now() + Duration::from_secs(30);
        let wanted = 20 * (round + 1);
        while committed.load(Ordering::SeqCst) < wanted {
            assert!(Instant::now() < deadline, "the writer is stuck");
            thread::sleep(Duration::from_millis(2));
        }
        let before = committed.load(Ordering::SeqCst);
        let target = dir.path().join(format!("copy{round}.db"));
        store.backup_to(&target).unwrap();
        let after = committed.load(Ordering::SeqCst);
        copies.push((target, before, after));
    }
    stop.store(true, Ordering::SeqCst);
    let written = writer.join().unwrap();
    assert!(written >= 60);
    for (copy, before, after) in copies {
        let found = notes(&copy);
        // Every note committed before the backup began is in it, none is half there,
        // and they are the first ones in order: one moment of the database.
        assert!(found.len() >= before, "{} < {before}", found.len());
        assert!(found.len() <= after + 1, "{} > {after}", found.len());
        let expected: Vec<String> = (0..found.len()).map(|n| format!("第{n}条")).collect();
        assert_eq!(found, expected);
        // The copy is a database plantrack opens.
        let reopened = Store::open(&copy, "alice").unwrap();
        assert_eq!(reopened.integrity_check().unwrap(), "ok");
        assert_eq!(
            reopened
                .show(1, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
                .unwrap()
                .notes
                .len(),
            found.len()
        );
    }
    assert_eq!(notes(&db).len(), written);
}

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, db: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_plantrack"))
            .arg("--db")
            .arg(self.path(db))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("PLANTRACK_DB")
            .env("PLANTRACK_TODAY", "2026-11-23")
            .env("PLANTRACK_USER", "alice")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .output()
            .unwrap()
    }

    fn ok(&self, db: &str, args: &[&str]) -> Vec<u8> {
        let out = self.run(db, args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn fails(&self, db: &str, args: &[&str]) -> String {
        let out = self.run(db, args);
        assert_ne!(out.status.code(), Some(0), "{args:?} succeeded");
        String::from_utf8(out.stderr).unwrap()
    }
}

#[test]
fn backup_dump_and_load_commands() {
    let cli = Cli {
        dir: tempfile::tempdir().unwrap(),
    };
    cli.ok("a.db", &["set", "3", "--owner", "张三", "--progress", "40"]);
    cli.ok(
        "a.db",
        &["milestone", "add", "3", "--due", "2026-06-30", "完成可研"],
    );
    cli.ok("a.db", &["note", "3", "进展顺利"]);

    let said = String::from_utf8(cli.ok("a.db", &["backup", "copy.db"])).unwrap();
    assert!(said.contains("integrity check: ok"), "{said}");
    let err = cli.fails("a.db", &["backup", "copy.db"]);
    assert!(err.contains("--force"), "{err}");
    let err = cli.fails("a.db", &["backup", "a.db", "--force"]);
    assert!(err.contains("is the database"), "{err}");
    let err = cli.fails("a.db", &["dump", "-o", "a.db-wal", "--force"]);
    assert!(err.contains("is the database"), "{err}");
    cli.ok("a.db", &["note", "3", "第二条"]);
    cli.ok("a.db", &["backup", "copy.db", "--force"]);
    let names: Vec<String> = std::fs::read_dir(cli.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");

    let dump = cli.ok("a.db", &["dump"]);
    assert_eq!(
        cli.ok("copy.db", &["dump"]),
        dump,
        "the backup holds everything"
    );
    cli.ok("a.db", &["dump", "-o", "state.json"]);
    assert_eq!(std::fs::read(cli.path("state.json")).unwrap(), dump);
    let err = cli.fails("a.db", &["dump", "-o", "state.json"]);
    assert!(err.contains("--force"), "{err}");

    let said = String::from_utf8(cli.ok("b.db", &["load", "state.json"])).unwrap();
    assert!(said.starts_with("loaded 290 items"), "{said}");
    assert_eq!(cli.ok("b.db", &["dump"]), dump);
    let err = cli.fails("b.db", &["load", "state.json"]);
    assert!(err.contains("--replace"), "{err}");
    cli.ok("b.db", &["load", "--replace", "state.json"]);
    assert_eq!(cli.ok("b.db", &["dump"]), dump);
    let shown = String::from_utf8(cli.ok("b.db", &["show", "3"])).unwrap();
    assert!(
        shown.contains("第二条") && shown.contains("完成可研"),
        "{shown}"
    );

    std::fs::write(cli.path("junk.json"), "{\"plans\": 3}").unwrap();
    let err = cli.fails("c.db", &["load", "junk.json"]);
    assert!(err.contains("not a plantrack dump"), "{err}");
}
