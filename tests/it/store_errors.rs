//! Databases a user cannot write get a specific message naming the file (or directory)
//! and the fix, never SQLite's "attempt to write a readonly database" (R6, R7).
//!
//! Root ignores file permissions and CI runs as root, so each case opens the database in
//! a child process run as uid/gid 65534 through `setpriv`: this test binary again, with
//! only the ignored `open_entry` test selected. Without root or `setpriv`, or when the
//! test binary is out of that user's reach, the cases are skipped with a message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::privileges;
use crate::support::skip;

use plantrack::store::{Store, StoreError};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::fs::{PermissionsExt, chown};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const DB_VAR: &str = "PLANTRACK_TEST_DB";
const HOLD_VAR: &str = "PLANTRACK_TEST_HOLD";
const NOBODY: u32 = 65534;
/// A shared group no user has as primary group.
const SHARED_GROUP: u32 = 2000;

fn variant(error: &StoreError) -> String {
    match error {
        StoreError::MissingDirectory { dir } => format!("MissingDirectory|{}", dir.display()),
        StoreError::ReadOnly { path, .. } => format!("ReadOnly|{}", path.display()),
        StoreError::NotADatabase { path } => format!("NotADatabase|{}", path.display()),
        StoreError::Io { path, .. } => format!("Io|{}", path.display()),
        StoreError::Sqlite { path, .. } => format!("Sqlite|{}", path.display()),
        other => format!("{other:?}|"),
    }
}

/// Open the database named in `PLANTRACK_TEST_DB` and write to it; report on stdout.
#[test]
#[ignore = "run as an unprivileged user by the other tests of this file"]
fn open_entry() {
    let Ok(db) = std::env::var(DB_VAR) else {
        return;
    };
    match Store::open(Path::new(&db), "nobody") {
        Ok(mut store) => {
            let item = store
                .list(&Default::default(), chrono::NaiveDate::MIN)
                .unwrap()[0]
                .id;
            match store.add_note(item, "以非特权用户写入") {
                Ok(_) => println!("\nRESULT ok|"),
                Err(e) => println!("\nRESULT write {}|{e}", variant(&e)),
            }
            if std::env::var_os(HOLD_VAR).is_some() {
                // Keep the database open until the parent closes our stdin.
                std::io::stdout().flush().unwrap();
                let mut rest = Vec::new();
                std::io::stdin().read_to_end(&mut rest).unwrap();
                drop(store);
            }
        }
        Err(e) => println!("\nRESULT {}|{e}", variant(&e)),
    }
}

/// Whether the unprivileged cases can run here; says why not when they cannot.
fn runnable() -> bool {
    match privileges::cannot_run_as_others() {
        Some(reason) => {
            skip::skipped(&reason);
            false
        }
        None => true,
    }
}

/// The `setpriv` command running `open_entry` on `db` as `uid`:`gid` with `groups` as
/// supplementary groups.
fn open_command(db: &Path, uid: u32, gid: u32, groups: &[u32]) -> Command {
    let groups_arg = if groups.is_empty() {
        "--clear-groups".to_string()
    } else {
        format!(
            "--groups={}",
            groups
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        )
    };
    let mut command = Command::new("setpriv");
    command
        .arg(format!("--reuid={uid}"))
        .arg(format!("--regid={gid}"))
        .arg(groups_arg)
        .arg(std::env::current_exe().unwrap())
        .args([
            &crate::support::test_name(module_path!(), "open_entry"),
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DB_VAR, db);
    command
}

fn parse_result(stdout: &str) -> Option<(String, String)> {
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("RESULT ").map(|(_, rest)| rest.to_string()))?;
    let (kind, message) = line.rsplit_once('|')?;
    Some((kind.to_string(), message.to_string()))
}

/// Run `open_entry` on `db` as `uid`:`gid` (with `groups`): the reported variant and
/// path ("ok" when it could write), and the message. `None` when this cannot run here.
fn open_as(db: &Path, uid: u32, gid: u32, groups: &[u32]) -> Option<(String, String)> {
    if let Some(reason) = privileges::cannot_run_as_others() {
        skip::skipped(&reason);
        return None;
    }
    let output = open_command(db, uid, gid, groups).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the child failed: {}\n{stdout}\n{stderr}",
        output.status
    );
    Some(parse_result(&stdout).unwrap_or_else(|| panic!("no result:\n{stdout}\n{stderr}")))
}

fn open_as_nobody(db: &Path, groups: &[u32]) -> Option<(String, String)> {
    open_as(db, NOBODY, NOBODY, groups)
}

/// A user who opened the database (and wrote) and keeps it open until dropped.
struct Holder(Child, BufReader<std::process::ChildStdout>);

impl Holder {
    fn start(db: &Path, uid: u32, gid: u32, groups: &[u32]) -> Holder {
        let mut child = open_command(db, uid, gid, groups)
            .env(HOLD_VAR, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            assert!(stdout.read_line(&mut line).unwrap() > 0, "the holder ended");
            if let Some((_, rest)) = line.trim_end().split_once("RESULT ") {
                assert_eq!(rest, "ok|", "the holder could not write");
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

/// A directory for one case, reachable by every user, holding `dir` with `mode`.
fn case_dir(base: &tempfile::TempDir, mode: u32) -> PathBuf {
    std::fs::set_permissions(base.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let dir = base.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
    dir
}

/// A database created (and closed) by root.
fn root_database(dir: &Path, mode: u32) -> PathBuf {
    let db = dir.join("plan.db");
    drop(Store::open(&db, "root").unwrap());
    for side in ["plan.db-wal", "plan.db-shm"] {
        assert!(!dir.join(side).exists(), "{side} left behind");
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(mode)).unwrap();
    db
}

fn assert_specific(message: &str) {
    assert!(!message.contains("readonly database"), "{message}");
    assert!(!message.contains("SQLITE"), "{message}");
}

#[test]
fn a_read_only_database_file_names_the_file_and_the_fix() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o777);
    let db = root_database(&dir, 0o444);
    let Some((kind, message)) = open_as_nobody(&db, &[]) else {
        return;
    };
    assert_eq!(kind, format!("ReadOnly|{}", db.display()), "{message}");
    assert!(message.contains(&db.display().to_string()), "{message}");
    assert!(message.contains("mode 0444"), "{message}");
    assert!(message.contains("owner uid 0"), "{message}");
    assert!(message.contains("chmod 0660"), "{message}");
    assert!(message.contains("chgrp"), "{message}");
    assert_specific(&message);
}

#[test]
fn a_shm_file_owned_by_another_user_names_the_shm_file() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o777);
    let db = root_database(&dir, 0o666);
    let shm = dir.join("plan.db-shm");
    std::fs::write(&shm, b"").unwrap();
    std::fs::set_permissions(&shm, std::fs::Permissions::from_mode(0o644)).unwrap();
    let Some((kind, message)) = open_as_nobody(&db, &[]) else {
        return;
    };
    assert_eq!(kind, format!("ReadOnly|{}", shm.display()), "{message}");
    assert!(message.contains(&shm.display().to_string()), "{message}");
    assert!(message.contains("mode 0644"), "{message}");
    assert_specific(&message);
}

#[test]
fn a_read_only_directory_names_the_directory() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o755);
    let db = dir.join("plan.db");
    let Some((kind, message)) = open_as_nobody(&db, &[]) else {
        return;
    };
    assert_eq!(kind, format!("ReadOnly|{}", dir.display()), "{message}");
    assert!(message.contains(&dir.display().to_string()), "{message}");
    assert!(
        message.contains("-wal") && message.contains("-shm"),
        "{message}"
    );
    assert!(message.contains("chmod 2770"), "{message}");
    assert_specific(&message);
    assert!(!db.exists(), "a database was created");
}

#[test]
fn a_writable_database_in_a_read_only_directory_names_the_directory() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o777);
    let db = root_database(&dir, 0o666);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let Some((kind, message)) = open_as_nobody(&db, &[]) else {
        return;
    };
    assert_eq!(kind, format!("ReadOnly|{}", dir.display()), "{message}");
    assert!(message.contains("-wal"), "{message}");
    assert_specific(&message);
}

#[test]
fn a_missing_directory_is_named() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o777);
    let missing = dir.join("plans");
    let Some((kind, message)) = open_as_nobody(&missing.join("plan.db"), &[]) else {
        return;
    };
    assert_eq!(
        kind,
        format!("MissingDirectory|{}", missing.display()),
        "{message}"
    );
    assert!(message.contains("mkdir -p"), "{message}");
}

/// The documented install (a setgid group directory, the database 0660 in that group)
/// works for a member of the group who owns none of the files.
#[test]
fn a_group_member_can_write_with_the_documented_install() {
    if !runnable() {
        return;
    }
    let base = tempfile::tempdir().unwrap();
    let dir = case_dir(&base, 0o770);
    chown(&dir, Some(0), Some(SHARED_GROUP)).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let db = dir.join("plan.db");
    drop(Store::open(&db, "root").unwrap());
    let mode = std::fs::metadata(&db).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o660, "plantrack creates the database group-writable");
    chown(&db, Some(0), Some(SHARED_GROUP)).unwrap();
    let Some((kind, message)) = open_as_nobody(&db, &[SHARED_GROUP]) else {
        return;
    };
    assert_eq!(kind, "ok", "{message}");
    // And without the group, the same database is refused with the fix.
    let Some((kind, message)) = open_as_nobody(&db, &[]) else {
        return;
    };
    assert!(kind.starts_with("ReadOnly|"), "{kind}: {message}");
    assert_specific(&message);
}

/// Two users of the shared group, one holding the database open while the other writes:
/// with the documented install (setgid directory) the -wal and -shm the first one creates
/// belong to the group and the second can write; without the setgid bit they belong to
/// the first user's own group, and the second gets the fix, not a generic error (§1.10).
#[test]
fn who_opens_first_decides_nothing_with_a_setgid_directory() {
    if !runnable() {
        return;
    }
    for setgid in [true, false] {
        let base = tempfile::tempdir().unwrap();
        let dir = case_dir(&base, 0o770);
        chown(&dir, Some(0), Some(SHARED_GROUP)).unwrap();
        let mode = if setgid { 0o2770 } else { 0o770 };
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(mode)).unwrap();
        let db = dir.join("plan.db");
        drop(Store::open(&db, "root").unwrap());
        chown(&db, Some(0), Some(SHARED_GROUP)).unwrap();

        let first = Holder::start(&db, 1001, 1001, &[SHARED_GROUP]);
        let shm = std::fs::metadata(dir.join("plan.db-shm")).unwrap();
        assert_eq!(shm.mode() & 0o777, 0o660, "setgid {setgid}");
        let (kind, message) = open_as(&db, 1002, 1002, &[SHARED_GROUP]).unwrap();
        drop(first);
        if setgid {
            assert_eq!(shm.gid(), SHARED_GROUP);
            assert_eq!(kind, "ok", "{message}");
        } else {
            assert_eq!(shm.gid(), 1001);
            // The -wal is checked first; it has the same owner, group and mode.
            let wal = dir.join("plan.db-wal");
            assert_eq!(kind, format!("ReadOnly|{}", wal.display()), "{message}");
            assert!(message.contains("group gid 1001, mode 0660"), "{message}");
            assert!(message.contains("chgrp"), "{message}");
            assert!(message.contains("2770"), "{message}");
            assert_specific(&message);
        }
    }
}
