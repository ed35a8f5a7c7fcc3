//! Commands on a shared database, through the built binary: a command has no think time
//! (blind `set` from eight processes never conflicts), a script that read first can ask
//! for the check, `set` reports only its own changes, undo shows itself first and redo
//! brings it back, foreign databases are refused untouched, and authors always have a name.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli;

use cli::{Db, stderr};
use std::process::Stdio;

#[test]
fn blind_sets_from_eight_processes_never_conflict() {
    let db = Db::new();
    db.ok(["list", "--plan", "zz"]); // seed it once
    let mut children = Vec::new();
    for worker in 0..8 {
        let mut script = String::new();
        for round in 0..25 {
            let item = 1 + (worker + round) % 4;
            let command = if round % 2 == 0 {
                format!("set {item} --progress {}", 1 + (worker * 7 + round) % 99)
            } else {
                format!("set {item} --owner 工作人员{worker}")
            };
            script.push_str(&format!(
                "\"$PT\" --db \"$DB\" {command} >/dev/null 2>>\"$ERR\" || echo fail >>\"$ERR\"\n"
            ));
        }
        let err = db.dir.path().join(format!("err-{worker}"));
        let child = std::process::Command::new("sh")
            .arg("-c")
            .arg(&script)
            .env("PT", env!("CARGO_BIN_EXE_plantrack"))
            .env("DB", &db.path)
            .env("ERR", &err)
            .env("PLANTRACK_USER", format!("u{worker}"))
            .env("PLANTRACK_TODAY", cli::TODAY)
            .env("XDG_DATA_HOME", db.dir.path().join("xdg-data"))
            .env_remove("PLANTRACK_DB")
            .stdin(Stdio::null())
            .spawn()
            .unwrap();
        children.push((child, err));
    }
    let mut failures = Vec::new();
    for (mut child, err) in children {
        assert!(child.wait().unwrap().success());
        if let Ok(text) = std::fs::read_to_string(&err)
            && !text.is_empty()
        {
            failures.push(text);
        }
    }
    assert!(
        failures.is_empty(),
        "failed commands:\n{}",
        failures.join("\n")
    );
    // Every set that changed something is in the history, by its author.
    let history = db.json(["history", "--limit", "1000", "--json"]);
    let sets = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "edit item")
        .count();
    assert!(sets >= 100, "{sets} field changes recorded");
}

#[test]
fn a_script_that_read_first_can_ask_for_the_check() {
    let db = Db::new();
    let stamp = db.show(4)["stamp"].as_i64().unwrap();
    let bob = db
        .as_user("bob")
        .args(["set", "4", "--owner", "鲍勃"])
        .output()
        .unwrap();
    assert!(bob.status.success(), "{}", stderr(&bob));
    let err = db.fails([
        "set",
        "4",
        "--owner",
        "王敏",
        "--if-unchanged-since",
        &stamp.to_string(),
    ]);
    assert!(
        err.contains("bob") && err.contains("鲍勃") && err.contains("owner"),
        "{err}"
    );
    assert!(err.contains("nothing was saved"), "{err}");
    assert_eq!(db.show(4)["owner"], "鲍勃");
    // A field nobody changed since passes the check.
    db.ok([
        "set",
        "4",
        "--progress",
        "30",
        "--if-unchanged-since",
        &stamp.to_string(),
    ]);
    // Without the check, the command applies to the item as it is now.
    db.ok(["set", "4", "--owner", "王敏"]);
    assert_eq!(db.show(4)["owner"], "王敏");
}

#[test]
fn set_reports_only_its_own_changes() {
    let db = Db::new();
    let out = db.ok(["set", "4", "--progress", "12"]);
    assert!(out.contains("进度 progress: 0% → 12%"), "{out}");
    assert!(
        out.contains("状态 status: 未开始 not_started → 进行中 in_progress"),
        "{out}"
    );
    // Someone else changes the owner; the same set again changed nothing of its own.
    let bob = db
        .as_user("bob")
        .args(["set", "4", "--owner", "鲍勃"])
        .output()
        .unwrap();
    assert!(bob.status.success());
    let out = db.ok(["set", "4", "--progress", "12"]);
    assert!(out.contains("没有变化 nothing changed"), "{out}");
    assert!(
        !out.contains("鲍勃"),
        "another person's change is not reported as ours: {out}"
    );
}

#[test]
fn undo_shows_itself_first_walks_back_and_redo_reapplies() {
    let db = Db::new();
    db.ok(["set", "8", "--progress", "10"]);
    db.ok(["set", "8", "--progress", "20"]);
    let preview = db.ok(["undo", "--dry-run"]);
    assert!(preview.contains("将撤销 would undo"), "{preview}");
    assert!(preview.contains("进度 progress: 20 → 10"), "{preview}");
    assert!(preview.contains("nothing changed"), "{preview}");
    assert_eq!(db.show(8)["progress"], 20);
    let undone = db.ok(["undo"]);
    assert!(
        undone.contains("已撤销 undone") && undone.contains("20 → 10"),
        "{undone}"
    );
    db.ok(["undo"]);
    assert_eq!(db.show(8)["progress"], 0);
    let redone = db.ok(["redo"]);
    assert!(redone.contains("已重做 redone"), "{redone}");
    assert_eq!(db.show(8)["progress"], 10);
    db.ok(["redo"]);
    assert_eq!(db.show(8)["progress"], 20);
    let err = db.fails(["redo"]);
    assert!(err.contains("nothing to redo"), "{err}");
}

#[test]
fn another_applications_database_is_refused_and_left_as_it_was() {
    let db = Db::new();
    {
        let conn = rusqlite::Connection::open(&db.path).unwrap();
        conn.execute_batch(
            "CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'bob');",
        )
        .unwrap();
    }
    let before = std::fs::read(&db.path).unwrap();
    let err = db.fails(["list"]);
    assert!(
        err.contains("another application") && err.contains("users"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "nothing was written"
    );
    let wal = db.path.with_file_name("track.db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "not switched to WAL");
    // Tables but a high user_version: still another application's, not "a newer plantrack".
    conn.execute_batch("PRAGMA user_version = 7").unwrap();
    drop(conn);
    let err = db.fails(["list"]);
    assert!(
        err.contains("another application") && !err.contains("newer"),
        "{err}"
    );
}

#[test]
fn a_plantrack_database_carries_its_application_id_and_a_newer_one_is_refused() {
    let db = Db::new();
    db.ok(["list", "--plan", "zz"]);
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let id: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, 0x504C_5452);
    conn.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(conn);
    let err = db.fails(["list"]);
    assert!(err.contains("newer plantrack"), "{err}");
}

#[test]
fn without_user_or_logname_the_author_is_the_login_of_the_uid() {
    let db = Db::new();
    let out = db
        .bare()
        .args(["set", "5", "--progress", "5"])
        .env_remove("USER")
        .env_remove("LOGNAME")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let history = db.json(["history", "5", "--json"]);
    let who = history[0]["who"].as_str().unwrap().to_string();
    let expected = String::from_utf8(
        std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(who, expected.trim());
    assert_ne!(who, "unknown");
}
