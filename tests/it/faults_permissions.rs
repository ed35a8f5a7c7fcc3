#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

//! The shared-group permission matrix (R7): two unprivileged users, uid 1101 and uid 1102,
//! each with their own primary group and both in the shared group 2100, × the directory
//! setgid or not × who opens the database first × umask 022, 002 and 077.
//!
//! - With the documented install (README "Sharing a database": a setgid directory, mode
//!   2770, group 2100; the database created by plantrack, which makes it 0660), every
//!   combination can read and write, whoever created the database and whoever opens first.
//! - Without the setgid bit, the database and its `-wal`/`-shm` belong to the creator's
//!   own group. The user who cannot write gets plantrack's message naming the file and the
//!   `chgrp`/`chmod` that fixes it, never SQLite's "attempt to write a readonly database":
//!   first for the database file itself, then, once an administrator fixed only the
//!   database's group, for the `-wal` of whoever opened first, with the setgid fix.
//!
//! Root ignores permissions and CI runs as root, so each user is this test binary run again
//! through `setpriv` (the pattern of `store_errors.rs`, which covers the single-user cases).
//! Skipped with a message without root or `setpriv`.

use crate::support::privileges;
use crate::support::skip;

use plantrack::store::{Store, StoreError};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt, chown};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const DB_VAR: &str = "PLANTRACK_TEST_DB";
const HOLD_VAR: &str = "PLANTRACK_TEST_HOLD";
const SHARED: u32 = 2100;
const ALICE: u32 = 1101;
const BOB: u32 = 1102;
const UMASKS: [&str; 3] = ["022", "002", "077"];

/// Open the database named in `PLANTRACK_TEST_DB` (creating it when missing), read it and
/// write a note; report on stdout. With `PLANTRACK_TEST_HOLD`, keep it open until stdin
/// closes.
#[test]
#[ignore = "run as an unprivileged user by the matrix test"]
fn matrix_entry() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    let report = |kind: &str, message: &str| {
        let mut out = std::io::stdout().lock();
        writeln!(out, "\nRESULT {kind}|{}", message.replace('\n', " ")).unwrap();
        out.flush().unwrap();
    };
    let user = format!("uid{}", std::fs::metadata("/proc/self").unwrap().uid());
    let mut store = match Store::open(Path::new(&db), &user) {
        Ok(store) => store,
        Err(e) => return report(&variant(&e), &e.to_string()),
    };
    let items = match store.list(&Default::default(), chrono::NaiveDate::MIN) {
        Ok(items) => items,
        Err(e) => return report(&format!("read {}", variant(&e)), &e.to_string()),
    };
    match store.add_note(items[0].id, &format!("{user} 写入")) {
        Ok(_) => report("ok", ""),
        Err(e) => report(&format!("write {}", variant(&e)), &e.to_string()),
    }
    if std::env::var_os(HOLD_VAR).is_some() {
        let mut rest = Vec::new();
        std::io::stdin().read_to_end(&mut rest).unwrap();
        drop(store);
    }
}

fn variant(error: &StoreError) -> String {
    match error {
        StoreError::ReadOnly { path, .. } => format!("ReadOnly {}", path.display()),
        other => format!("{other:?}"),
    }
}

/// `matrix_entry` on `db` as `uid` (primary group = uid, supplementary group 2100) under
/// `umask`.
fn command(db: &Path, uid: u32, umask: &str) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$@\""))
        .arg("sh")
        .arg("setpriv")
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={uid}"))
        .arg(format!("--groups={SHARED}"))
        .arg(std::env::current_exe().unwrap())
        .args([
            &crate::support::test_name(module_path!(), "matrix_entry"),
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DB_VAR, db)
        .stdin(Stdio::null());
    command
}

fn result_line(line: &str) -> Option<(String, String)> {
    let (_, rest) = line.trim_end().split_once("RESULT ")?;
    let (kind, message) = rest.split_once('|')?;
    Some((kind.to_string(), message.to_string()))
}

/// One open-read-write as `uid`: (kind, message); kind is "ok" when it could write.
fn open_as(db: &Path, uid: u32, umask: &str) -> (String, String) {
    let output = command(db, uid, umask).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "uid {uid}: {}\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
        .lines()
        .find_map(result_line)
        .unwrap_or_else(|| panic!("uid {uid}: no result\n{stdout}"))
}

/// A user who opened the database, read and wrote, and keeps it open until dropped.
struct Holder(Child, BufReader<std::process::ChildStdout>);

impl Holder {
    fn start(db: &Path, uid: u32, umask: &str) -> Holder {
        let mut child = command(db, uid, umask)
            .env(HOLD_VAR, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            assert!(
                stdout.read_line(&mut line).unwrap() > 0,
                "uid {uid}: the holder ended"
            );
            if let Some((kind, message)) = result_line(&line) {
                assert_eq!(kind, "ok", "uid {uid} could not open and write: {message}");
                break;
            }
        }
        Holder(child, stdout)
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let mut rest = Vec::new();
        let _ = self.1.read_to_end(&mut rest);
        let _ = self.0.wait();
    }
}

fn mode_and_group(path: &Path) -> (u32, u32) {
    let meta = std::fs::metadata(path).unwrap();
    (meta.mode() & 0o7777, meta.gid())
}

fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn assert_specific(message: &str, context: &str) {
    assert!(
        !message.contains("readonly database"),
        "{context}: {message}"
    );
    assert!(!message.contains("SQLITE"), "{context}: {message}");
}

/// One cell of the matrix; returns how many opens it made.
fn cell(setgid: bool, first: u32, umask: &str) -> usize {
    let second = if first == ALICE { BOB } else { ALICE };
    let context = format!("setgid {setgid}, uid {first} first, umask {umask}");
    let base = tempfile::tempdir().unwrap();
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = base.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    chown(&dir, Some(0), Some(SHARED)).unwrap();
    let mode = if setgid { 0o2770 } else { 0o770 };
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
    let db = dir.join("plan.db");
    let mut opens = 0;

    // The first user creates the database and keeps it open.
    let holder = Holder::start(&db, first, umask);
    opens += 1;
    let group = if setgid { SHARED } else { first };
    assert_eq!(
        mode_and_group(&db),
        (0o660, group),
        "{context}: the new database"
    );
    for suffix in ["-wal", "-shm"] {
        assert_eq!(
            mode_and_group(&side(&db, suffix)),
            (0o660, group),
            "{context}: {suffix}"
        );
    }
    let (kind, message) = open_as(&db, second, umask);
    opens += 1;
    if setgid {
        assert_eq!(kind, "ok", "{context}: the second user: {message}");
    } else {
        // The database belongs to the creator's own group: the fix is named.
        assert_eq!(
            kind,
            format!("ReadOnly {}", db.display()),
            "{context}: {message}"
        );
        assert!(
            message.contains(&db.display().to_string()),
            "{context}: {message}"
        );
        assert!(message.contains(&format!("group gid {first}, mode 0660")));
        assert!(
            message.contains("chgrp") && message.contains("chmod 0660"),
            "{context}: {message}"
        );
        assert_specific(&message, &context);
    }
    drop(holder);

    if setgid {
        // Now the other one opens first and holds; the creator writes.
        let holder = Holder::start(&db, second, umask);
        let (kind, message) = open_as(&db, first, umask);
        opens += 2;
        assert_eq!(kind, "ok", "{context}, reversed: {message}");
        drop(holder);
        return opens;
    }

    // Half the fix: the database's group only. Whoever opens first now creates the -wal
    // and -shm in their own group, and the other is refused on the -wal, with the setgid
    // fix named; the failure flips with who opens first.
    chown(&db, None, Some(SHARED)).unwrap();
    for (opener, other) in [(first, second), (second, first)] {
        let holder = Holder::start(&db, opener, umask);
        let wal = side(&db, "-wal");
        assert_eq!(mode_and_group(&wal), (0o660, opener), "{context}");
        let (kind, message) = open_as(&db, other, umask);
        opens += 2;
        assert_eq!(
            kind,
            format!("ReadOnly {}", wal.display()),
            "{context}, uid {opener} holding: {message}"
        );
        assert!(message.contains("2770"), "{context}: {message}");
        assert!(message.contains("chgrp"), "{context}: {message}");
        assert_specific(&message, &context);
        drop(holder);
        // Alone, the other user can write: the -wal and -shm went with the holder.
        let (kind, message) = open_as(&db, other, umask);
        opens += 1;
        assert_eq!(kind, "ok", "{context}, uid {other} alone: {message}");
    }
    opens
}

#[test]
fn two_users_share_a_database_only_with_the_documented_install() {
    if let Some(reason) = privileges::cannot_run_as_others() {
        skip::skipped(&reason);
        return;
    }
    let started = std::time::Instant::now();
    let handles: Vec<_> = UMASKS
        .iter()
        .map(|&umask| {
            std::thread::spawn(move || {
                let mut opens = 0;
                for setgid in [true, false] {
                    for first in [ALICE, BOB] {
                        opens += cell(setgid, first, umask);
                    }
                }
                opens
            })
        })
        .collect();
    let opens: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!(
        "{} cells, {opens} opens as uid {ALICE}/{BOB} in {:?}",
        UMASKS.len() * 4,
        started.elapsed()
    );
}
