//! Several people on one database file: deterministic interleavings of two connections
//! (R2), many processes doing read-modify-write through the public API (R1), writers
//! killed with SIGKILL mid-write (R5), and a write lock held by another connection (R4).
//!
//! Worker processes are this test binary run again with one `#[ignore]`d `*_entry` test
//! selected and environment variables saying what to do; they report on stdout.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::store::{ItemEdit, ItemQuery, Stamp, Store, StoreError, latest_version};
use plantrack::track::Status;
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

const DB_VAR: &str = "PLANTRACK_TEST_DB";
const WORKER_VAR: &str = "PLANTRACK_TEST_WORKER";
const ITERATIONS_VAR: &str = "PLANTRACK_TEST_ITERATIONS";
const ITEMS_VAR: &str = "PLANTRACK_TEST_ITEMS";
const START_VAR: &str = "PLANTRACK_TEST_START";

/// The multi-process tests run one at a time: on a 2-core machine, running them together
/// would make each one's timing meaningless.
static HEAVY: Mutex<()> = Mutex::new(());

fn heavy() -> std::sync::MutexGuard<'static, ()> {
    HEAVY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A small deterministic PRNG (xorshift64), so every run makes the same choices.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

/// Run this test binary again with only `test` selected.
fn spawn_self(test: &str, vars: &[(&str, String)], stderr: Stdio) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            &crate::support::test_name(module_path!(), test),
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .envs(vars.iter().map(|(k, v)| (*k, v.as_str())))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

/// Children killed if the test fails half-way, so none outlives it.
struct Reaper(Vec<Child>);

impl Drop for Reaper {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn items_of(store: &Store, plan: &str) -> Vec<i64> {
    store
        .list(
            &ItemQuery {
                plan: Some(plan.into()),
                ..ItemQuery::default()
            },
            today(),
        )
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect()
}

fn new_db(dir: &Path) -> PathBuf {
    let path = dir.join("plan.db");
    drop(Store::open(&path, "setup").unwrap());
    path
}

fn edit(store: &mut Store, id: i64, base: Stamp, edit: ItemEdit) -> Result<(), StoreError> {
    store.edit_item(id, Some(base), &edit).map(|_| ())
}

fn owner(name: &str) -> ItemEdit {
    ItemEdit {
        owner: Some(Some(name.into())),
        ..ItemEdit::default()
    }
}

fn progress(value: u8) -> ItemEdit {
    ItemEdit {
        progress: Some(value),
        ..ItemEdit::default()
    }
}

// ---------------------------------------------------------------------------------------
// R2: deterministic interleavings of two connections in one process.

#[test]
fn a_stale_save_of_the_same_field_is_refused_naming_who_when_and_what() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let id = items_of(&alice, "hn-czh-14")[0];

    // Alice opens the form; Bob saves the owner; Alice saves the owner.
    let alice_read = alice.show(id, today()).unwrap().stamp;
    let bob_read = bob.stamp().unwrap();
    edit(&mut bob, id, bob_read, owner("王敏")).unwrap();
    let err = edit(&mut alice, id, alice_read, owner("李强")).unwrap_err();
    let StoreError::Conflict(conflict) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    let bobs = bob.history(Some(id), 10).unwrap();
    let bobs = bobs.iter().find(|h| h.field == "owner").unwrap();
    assert_eq!(conflict.item, id);
    assert_eq!(conflict.field, "owner");
    assert_eq!(conflict.who, "bob");
    assert_eq!(conflict.at, bobs.at);
    assert_eq!(conflict.value.as_deref(), Some("王敏"));
    let message = err.to_string();
    for part in ["bob", "王敏", "owner", bobs.at.as_str()] {
        assert!(message.contains(part), "{part} missing from: {message}");
    }
    assert!(!message.contains("SQLITE"), "{message}");
    let d = alice.show(id, today()).unwrap();
    assert_eq!(d.row.owner.as_deref(), Some("王敏"));
    assert!(
        !d.history.iter().any(|h| h.who == "alice"),
        "the refused save wrote something: {:?}",
        d.history
    );

    // An edit of that field and another one is refused whole.
    let err = alice
        .edit_item(
            id,
            Some(alice_read),
            &ItemEdit {
                owner: Some(Some("李强".into())),
                progress: Some(20),
                ..ItemEdit::default()
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    assert_eq!(alice.show(id, today()).unwrap().row.progress, 0);

    // Saving the same value Bob saved is still a stale save: Alice did not see his.
    let err = edit(&mut alice, id, alice_read, owner("王敏")).unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");

    // Reloading gives a fresh stamp, and the save goes through.
    let fresh = alice.show(id, today()).unwrap().stamp;
    edit(&mut alice, id, fresh, owner("李强")).unwrap();
    assert_eq!(
        bob.show(id, today()).unwrap().row.owner.as_deref(),
        Some("李强")
    );
}

#[test]
fn stale_saves_of_different_fields_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let id = items_of(&alice, "hn-czh-action-2024")[3];
    let alice_read = alice.stamp().unwrap();
    let bob_read = bob.stamp().unwrap();
    edit(&mut bob, id, bob_read, owner("王敏")).unwrap();
    edit(&mut alice, id, alice_read, progress(35)).unwrap();
    let d = bob.show(id, today()).unwrap();
    assert_eq!(d.row.owner.as_deref(), Some("王敏"));
    assert_eq!(d.row.progress, 35);
    assert_eq!(d.row.status, Status::InProgress);
    let who: BTreeMap<&str, &str> = d
        .history
        .iter()
        .map(|h| (h.field.as_str(), h.who.as_str()))
        .collect();
    assert_eq!(who.get("owner"), Some(&"bob"));
    assert_eq!(who.get("progress"), Some(&"alice"));
}

#[test]
fn notes_written_at_once_are_all_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let id = items_of(&alice, "zz-czh-14")[0];
    let before = alice.show(id, today()).unwrap();
    let a = alice.add_note(id, "甲：已召开调度会").unwrap();
    let b = bob.add_note(id, "乙：资金已拨付").unwrap();
    // Alice still has the form she opened before both notes; another note is no conflict.
    let c = alice.add_note(id, "甲：补充说明").unwrap();
    assert!(before.notes.is_empty());
    let notes = bob.show(id, today()).unwrap().notes;
    let got: Vec<(i64, &str, &str)> = notes
        .iter()
        .map(|n| (n.id, n.author.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (a, "alice", "甲：已召开调度会"),
            (b, "bob", "乙：资金已拨付"),
            (c, "alice", "甲：补充说明")
        ]
    );
}

#[test]
fn undo_is_refused_when_someone_changed_the_field_since() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let id = items_of(&alice, "hn-czh-14")[1];
    let other = items_of(&alice, "hn-czh-14")[2];

    let base = bob.stamp().unwrap();
    edit(&mut bob, id, base, progress(30)).unwrap();
    let base = alice.stamp().unwrap();
    edit(&mut alice, id, base, progress(50)).unwrap();
    let before = bob.stamp().unwrap();
    let err = bob.undo().unwrap_err();
    let StoreError::Conflict(conflict) = &err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert_eq!(conflict.who, "alice");
    assert_eq!(conflict.field, "progress");
    assert_eq!(conflict.value.as_deref(), Some("50"));
    assert_eq!(
        bob.stamp().unwrap(),
        before,
        "a refused undo wrote something"
    );
    let d = alice.show(id, today()).unwrap();
    assert_eq!(d.row.progress, 50);
    assert!(d.history.iter().all(|h| !h.undone));

    // Alice's own latest change can be undone; an undo of a change nobody touched since
    // goes through too.
    alice.undo().unwrap();
    assert_eq!(alice.show(id, today()).unwrap().row.progress, 30);
    let base = bob.stamp().unwrap();
    edit(&mut bob, other, base, owner("王敏")).unwrap();
    let undone = bob.undo().unwrap();
    assert_eq!(undone.action, "edit item");
    assert_eq!(alice.show(other, today()).unwrap().row.owner, None);
}

#[test]
fn data_version_moves_when_another_connection_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let id = items_of(&alice, "hn-czh-14")[0];
    let v0 = alice.data_version().unwrap();
    assert_eq!(alice.data_version().unwrap(), v0, "moved with no commit");
    let _ = alice.show(id, today()).unwrap();
    assert_eq!(alice.data_version().unwrap(), v0, "moved on a read");
    bob.add_note(id, "乙：已上报").unwrap();
    let v1 = alice.data_version().unwrap();
    assert_ne!(v1, v0, "Bob's commit did not show in Alice's data_version");
    let base = bob.stamp().unwrap();
    edit(&mut bob, id, base, progress(10)).unwrap();
    assert_ne!(alice.data_version().unwrap(), v1);
    // Alice's own commits are not "another connection's".
    let v2 = alice.data_version().unwrap();
    alice.add_note(id, "甲：收到").unwrap();
    assert_eq!(alice.data_version().unwrap(), v2);
}

// ---------------------------------------------------------------------------------------
// R4: a write lock held by another connection.

#[test]
fn a_write_waits_for_a_lock_held_by_another_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = Store::open(&path, "alice").unwrap();
    let id = items_of(&store, "zz-czh-14")[1];
    let (held, wait_held) = mpsc::channel();
    let holder_path = path.clone();
    let holder = thread::spawn(move || {
        let conn = Connection::open(&holder_path).unwrap();
        conn.execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO setting(key, value) VALUES ('lock-test', 'held');",
        )
        .unwrap();
        held.send(()).unwrap();
        thread::sleep(Duration::from_secs(1));
        conn.execute_batch("COMMIT").unwrap();
        Instant::now()
    });
    wait_held.recv().unwrap();
    let started = Instant::now();
    let note = store.add_note(id, "等待写锁释放后保存");
    let finished = Instant::now();
    let released = holder.join().unwrap();
    let note = note.unwrap_or_else(|e| panic!("the note was not saved: {e}"));
    let waited = finished - started;
    assert!(
        finished >= released,
        "saved while the lock was held ({waited:?})"
    );
    assert!(waited < Duration::from_secs(4), "waited {waited:?}");
    let notes = store.show(id, today()).unwrap().notes;
    assert_eq!(notes.iter().map(|n| n.id).collect::<Vec<_>>(), [note]);
    println!("add_note waited {waited:?} for the lock");
}

// Opening one new database from several threads at once: one creates and seeds it, the
// others find it (no error, nothing seeded twice).
#[test]
fn threads_opening_a_new_database_at_once_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let threads = 6;
    let barrier = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|n| {
            let (path, barrier) = (path.clone(), barrier.clone());
            thread::spawn(move || {
                barrier.wait();
                Store::open(&path, &format!("user{n}")).map(|s| s.was_created())
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    for result in &results {
        if let Err(e) = result {
            panic!("an open failed: {e} ({e:?}); all: {results:?}");
        }
    }
    let conn = Connection::open(&path).unwrap();
    let plans: i64 = conn
        .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
        .unwrap();
    assert_eq!(plans, 4);
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, latest_version());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".plantrack-probe"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// A second store on a database this process already has open must not disturb the first
// one's locks. (Opening and closing any descriptor of a file drops all of the process's
// POSIX locks on it, SQLite's included: another process then takes the first store for
// gone, checkpoints and deletes the -wal and -shm it still uses, and when the first store
// closes it checkpoints its stale WAL over the other process's commits.)
#[test]
#[ignore = "a process of a_second_store_in_a_process_keeps_the_first_ones_locks"]
fn note_entry() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    let item: i64 = env(ITEMS_VAR).parse().unwrap();
    let mut store = Store::open(Path::new(&db), "other-process").unwrap();
    store.add_note(item, &env(WORKER_VAR)).unwrap();
    drop(store);
    println!("\nNOTED");
}

fn note_from_another_process(path: &Path, item: i64, text: &str) {
    let output = spawn_self(
        "note_entry",
        &[
            (DB_VAR, path.display().to_string()),
            (ITEMS_VAR, item.to_string()),
            (WORKER_VAR, text.to_string()),
        ],
        Stdio::piped(),
    )
    .wait_with_output()
    .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("NOTED"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_second_store_in_a_process_keeps_the_first_ones_locks() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut first = Store::open(&path, "first").unwrap();
    let item = items_of(&first, "hn-czh-14")[0];
    first.add_note(item, "first 1").unwrap();
    let second = Store::open(&path, "second").unwrap();
    assert_eq!(second.integrity_check().unwrap(), "ok");
    drop(second);
    note_from_another_process(&path, item, "other 1");
    for side in ["plan.db-wal", "plan.db-shm"] {
        assert!(
            dir.path().join(side).exists(),
            "{side} was deleted while the first store still uses it"
        );
    }
    first.add_note(item, "first 2").unwrap();
    note_from_another_process(&path, item, "other 2");
    drop(first);
    let check = Store::open(&path, "checker").unwrap();
    let notes: Vec<String> = check
        .show(item, today())
        .unwrap()
        .notes
        .into_iter()
        .map(|n| n.text)
        .collect();
    assert_eq!(notes, ["first 1", "other 1", "first 2", "other 2"]);
    assert_eq!(check.integrity_check().unwrap(), "ok");
}

// ---------------------------------------------------------------------------------------
// R1: many processes doing read-modify-write on overlapping items.

const RMW_WORKERS: usize = 8;
const RMW_ITERATIONS: usize = 200;
const RMW_ITEMS: usize = 5;

/// What one worker reports.
#[derive(Debug, Default)]
struct RmwResult {
    /// Applied progress increments, per item (in the order given).
    applied: Vec<u64>,
    conflicts: u64,
    owner_applied: u64,
    owner_conflicts: u64,
    errors: u64,
}

fn parse_rmw(stdout: &str) -> Option<RmwResult> {
    let line = stdout
        .lines()
        .find_map(|l| l.find("RESULT ").map(|at| &l[at + "RESULT ".len()..]))?;
    let mut result = RmwResult::default();
    for field in line.split_whitespace() {
        let (key, value) = field.split_once('=')?;
        match key {
            "applied" => {
                result.applied = value.split(',').map(|v| v.parse().unwrap()).collect();
            }
            "conflicts" => result.conflicts = value.parse().ok()?,
            "owner_applied" => result.owner_applied = value.parse().ok()?,
            "owner_conflicts" => result.owner_conflicts = value.parse().ok()?,
            "errors" => result.errors = value.parse().ok()?,
            _ => {}
        }
    }
    Some(result)
}

#[test]
#[ignore = "a worker process of read_modify_write_from_many_processes"]
fn rmw_worker_entry() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    let worker: u64 = env(WORKER_VAR).parse().unwrap();
    let iterations: usize = env(ITERATIONS_VAR).parse().unwrap();
    let items: Vec<i64> = env(ITEMS_VAR)
        .split(',')
        .map(|v| v.parse().unwrap())
        .collect();
    let name = format!("worker{worker}");
    let mut store = Store::open(Path::new(&db), &name).unwrap();
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D ^ (worker + 1).wrapping_mul(0x9E37_79B9));
    let mut result = RmwResult {
        applied: vec![0; items.len()],
        ..RmwResult::default()
    };
    for iteration in 0..iterations {
        let k = usize::try_from(rng.below(items.len() as u64)).unwrap();
        let id = items[k];
        let owner_edit = iteration % 4 == 3;
        let stamp = match store.stamp() {
            Ok(stamp) => stamp,
            Err(e) => {
                eprintln!("ERROR {name} stamp: {e:?}");
                result.errors += 1;
                continue;
            }
        };
        let detail = match store.show(id, today()) {
            Ok(detail) => detail,
            Err(e) => {
                eprintln!("ERROR {name} show: {e:?}");
                result.errors += 1;
                continue;
            }
        };
        assert!(detail.stamp >= stamp);
        let edit = if owner_edit {
            owner(&name)
        } else {
            progress((detail.row.progress + 1) % 101)
        };
        thread::sleep(Duration::from_micros(rng.below(200)));
        match store.edit_item(id, Some(stamp), &edit) {
            Ok(_) if owner_edit => result.owner_applied += 1,
            Ok(_) => result.applied[k] += 1,
            Err(StoreError::Conflict(c)) => {
                assert_eq!(c.item, id);
                if owner_edit {
                    assert_eq!(c.field, "owner", "{c}");
                    result.owner_conflicts += 1;
                } else {
                    assert!(["progress", "status"].contains(&c.field.as_str()), "{c}");
                    result.conflicts += 1;
                }
            }
            Err(e) => {
                eprintln!("ERROR {name} edit: {e:?} ({e})");
                result.errors += 1;
            }
        }
    }
    let applied: Vec<String> = result.applied.iter().map(u64::to_string).collect();
    println!(
        "\nRESULT applied={} conflicts={} owner_applied={} owner_conflicts={} errors={}",
        applied.join(","),
        result.conflicts,
        result.owner_applied,
        result.owner_conflicts,
        result.errors
    );
}

#[test]
fn read_modify_write_from_many_processes() {
    let _heavy = heavy();
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let store = Store::open(&path, "checker").unwrap();
    let items: Vec<i64> = items_of(&store, "hn-czh-action-2024")[..RMW_ITEMS].to_vec();
    let item_list = items
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let started = Instant::now();
    let mut reaper = Reaper(Vec::new());
    for worker in 0..RMW_WORKERS {
        reaper.0.push(spawn_self(
            "rmw_worker_entry",
            &[
                (DB_VAR, path.display().to_string()),
                (WORKER_VAR, worker.to_string()),
                (ITERATIONS_VAR, RMW_ITERATIONS.to_string()),
                (ITEMS_VAR, item_list.clone()),
            ],
            Stdio::piped(),
        ));
    }
    let mut results = Vec::new();
    for (worker, child) in reaper.0.drain(..).enumerate() {
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "worker {worker} failed: {}\n{stdout}\n{stderr}",
            output.status
        );
        let result = parse_rmw(&stdout)
            .unwrap_or_else(|| panic!("worker {worker} reported nothing:\n{stdout}\n{stderr}"));
        assert_eq!(result.errors, 0, "worker {worker}:\n{stderr}");
        results.push(result);
    }
    let elapsed = started.elapsed();

    let conn = Connection::open(&path).unwrap();
    let history_count = |who: &str, item: i64, field: &str| -> u64 {
        conn.query_row(
            "SELECT count(*) FROM history h JOIN change c ON c.id = h.change_id
             WHERE c.who = ?1 AND h.item_id = ?2 AND h.field = ?3",
            rusqlite::params![who, item, field],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| u64::try_from(n).unwrap())
        .unwrap()
    };
    let mut applied_per_item = vec![0u64; items.len()];
    let (mut applied, mut conflicts) = (0, 0);
    for (worker, result) in results.iter().enumerate() {
        let name = format!("worker{worker}");
        let total = result.applied.iter().sum::<u64>()
            + result.conflicts
            + result.owner_applied
            + result.owner_conflicts;
        assert_eq!(total, RMW_ITERATIONS as u64, "{name}: {result:?}");
        let mut owner_rows = 0;
        for (k, &id) in items.iter().enumerate() {
            assert_eq!(
                history_count(&name, id, "progress"),
                result.applied[k],
                "{name}, item {id}: applied increments and history rows disagree"
            );
            applied_per_item[k] += result.applied[k];
            owner_rows += history_count(&name, id, "owner");
        }
        // Setting the owner one already has records nothing.
        assert!(owner_rows <= result.owner_applied, "{name}: {result:?}");
        applied += result.applied.iter().sum::<u64>() + result.owner_applied;
        conflicts += result.conflicts + result.owner_conflicts;
    }
    // No lost update: each item's progress is its increments, counted round 101.
    for (k, &id) in items.iter().enumerate() {
        let d = store.show(id, today()).unwrap();
        assert_eq!(
            u64::from(d.row.progress),
            applied_per_item[k] % 101,
            "item {id}: {} increments applied",
            applied_per_item[k]
        );
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(applied > 0);
    println!(
        "{RMW_WORKERS} processes × {RMW_ITERATIONS} read-modify-writes on {RMW_ITEMS} items: \
         {applied} applied, {conflicts} conflicts, 0 other errors, {elapsed:?}"
    );
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

// ---------------------------------------------------------------------------------------
// R5: writers killed with SIGKILL at random moments.

const CRASH_WRITERS: usize = 3;
/// Kills in CI, as R5 asks (about 9 s on the 2-core machine); set `PLANTRACK_TEST_KILLS`
/// (e.g. 3000) for a longer soak.
const CRASH_KILLS: usize = 300;
const KILLS_VAR: &str = "PLANTRACK_TEST_KILLS";

#[test]
#[ignore = "a writer process of acknowledged_notes_survive_sigkill"]
fn crash_writer_entry() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    let worker: u64 = env(WORKER_VAR).parse().unwrap();
    let start: u64 = env(START_VAR).parse().unwrap();
    let item: i64 = env(ITEMS_VAR).parse().unwrap();
    let mut store = Store::open(Path::new(&db), &format!("writer{worker}")).unwrap();
    let began = Instant::now();
    let stdout = std::io::stdout();
    writeln!(stdout.lock()).unwrap();
    // Until killed; a minute at most, should the parent be gone.
    for seq in start.. {
        if began.elapsed() > Duration::from_secs(60) {
            break;
        }
        store
            .add_note(item, &format!("writer{worker} seq {seq}"))
            .unwrap();
        let mut out = stdout.lock();
        writeln!(out, "ACK {seq}").unwrap();
        out.flush().unwrap();
    }
}

struct Writer {
    child: Child,
    acks: thread::JoinHandle<Vec<u64>>,
}

fn start_writer(path: &Path, worker: usize, start: u64, item: i64) -> Writer {
    let mut child = spawn_self(
        "crash_writer_entry",
        &[
            (DB_VAR, path.display().to_string()),
            (WORKER_VAR, worker.to_string()),
            (START_VAR, start.to_string()),
            (ITEMS_VAR, item.to_string()),
        ],
        Stdio::inherit(),
    );
    let stdout = child.stdout.take().unwrap();
    let acks = thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                let at = line.find("ACK ")?;
                line[at + 4..].trim().parse().ok()
            })
            .collect()
    });
    Writer { child, acks }
}

/// The running writers, killed if the test fails half-way.
struct Writers(Vec<Option<Writer>>);

impl Drop for Writers {
    fn drop(&mut self) {
        for writer in self.0.iter_mut().flatten() {
            let _ = writer.child.kill();
            let _ = writer.child.wait();
        }
    }
}

/// Kill a writer (SIGKILL) and collect what it acknowledged.
fn kill_writer(mut writer: Writer, worker: usize) -> Vec<u64> {
    if let Some(status) = writer.child.try_wait().unwrap() {
        panic!("writer {worker} ended by itself: {status}");
    }
    writer.child.kill().unwrap();
    let status = writer.child.wait().unwrap();
    assert!(!status.success(), "writer {worker}: {status}");
    writer.acks.join().unwrap()
}

#[test]
fn acknowledged_notes_survive_sigkill() {
    let _heavy = heavy();
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let item = {
        let store = Store::open(&path, "setup").unwrap();
        items_of(&store, "hn-czh-action-2024")[0]
    };
    let mut rng = XorShift(0x5DEE_CE66_D1CE_4E5B);
    let mut acked: Vec<BTreeSet<u64>> = vec![BTreeSet::new(); CRASH_WRITERS];
    let mut kills = [0usize; CRASH_WRITERS];
    let started = Instant::now();
    let mut writers = Writers(
        (0..CRASH_WRITERS)
            .map(|w| Some(start_writer(&path, w, 1, item)))
            .collect(),
    );
    let planned = std::env::var(KILLS_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CRASH_KILLS);
    for _ in 0..planned {
        thread::sleep(Duration::from_millis(5 + rng.below(36)));
        let w = usize::try_from(rng.below(CRASH_WRITERS as u64)).unwrap();
        let writer = writers.0[w].take().unwrap();
        acked[w].extend(kill_writer(writer, w));
        kills[w] += 1;
        let next = acked[w].last().map_or(1, |last| last + 1);
        writers.0[w] = Some(start_writer(&path, w, next, item));
    }
    // Let the last incarnations write a little, then stop them the same way.
    thread::sleep(Duration::from_millis(100));
    for (w, writer) in writers.0.iter_mut().enumerate() {
        acked[w].extend(kill_writer(writer.take().unwrap(), w));
        kills[w] += 1;
    }
    let killing = started.elapsed();

    let reopened = Instant::now();
    let store = Store::open(&path, "checker").unwrap();
    let recovery = reopened.elapsed();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let notes = store.show(item, today()).unwrap().notes;
    let mut present: Vec<BTreeMap<u64, usize>> = vec![BTreeMap::new(); CRASH_WRITERS];
    for note in &notes {
        let (who, seq) = note.text.split_once(" seq ").unwrap();
        let w: usize = who.strip_prefix("writer").unwrap().parse().unwrap();
        assert_eq!(note.author, who);
        *present[w].entry(seq.parse().unwrap()).or_default() += 1;
    }
    for w in 0..CRASH_WRITERS {
        let missing: Vec<_> = acked[w]
            .iter()
            .filter(|seq| !present[w].contains_key(seq))
            .collect();
        assert!(
            missing.is_empty(),
            "writer {w}: acknowledged notes lost: {missing:?}"
        );
        // At most one write in doubt (committed, not yet acknowledged) per kill.
        let unacknowledged: usize = present[w]
            .iter()
            .map(|(seq, n)| if acked[w].contains(seq) { n - 1 } else { *n })
            .sum();
        assert!(
            unacknowledged <= kills[w],
            "writer {w}: {unacknowledged} unacknowledged notes for {} kills",
            kills[w]
        );
    }
    // Each note is whole: its change and its history row committed with it.
    let conn = Connection::open(&path).unwrap();
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM note n WHERE NOT EXISTS (
                 SELECT 1 FROM history h JOIN change c ON c.id = h.change_id
                 WHERE h.entity = 'note' AND h.entity_id = n.id AND h.field = 'created'
                   AND c.action = 'add note')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    let changes: i64 = conn
        .query_row(
            "SELECT count(*) FROM change WHERE action = 'add note'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(usize::try_from(changes).unwrap(), notes.len());
    let total_acked: usize = acked.iter().map(BTreeSet::len).sum();
    assert!(total_acked > 0, "no writer got to write");
    // A writer killed between creating and removing its directory probe leaves it behind;
    // harmless (the next probe takes another name), but worth seeing.
    let probes = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".plantrack-probe")
        })
        .count();
    println!(
        "{} SIGKILLs of {CRASH_WRITERS} writers in {killing:?}: {total_acked} acknowledged notes, \
         {} notes present, reopened in {recovery:?}, {probes} probe files left",
        kills.iter().sum::<usize>(),
        notes.len()
    );
    assert!(
        recovery < Duration::from_secs(1),
        "recovery took {recovery:?}"
    );
}
