//! Edits made in a real terminal while another process holds the database's write lock
//! (the adversarial review's F1): three edits (owner on #1, owner on #2, a note on #3) are
//! all kept and all saved when the lock goes; an edit kept when the workbench is killed
//! with SIGKILL is saved by the next workbench, which says so.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tmux;

use plantrack::store::Store;
use std::path::Path;
use std::time::Duration;
use tmux::Tmux;

fn start(tmux: &Tmux, session: &str, db: &Path, state: &Path) {
    let script = format!(
        "PLANTRACK_TODAY=2026-11-23 PLANTRACK_USER=alice XDG_STATE_HOME='{state}' '{bin}' --db '{db}' --lang zh; sleep 60",
        state = state.display(),
        bin = env!("CARGO_BIN_EXE_plantrack"),
        db = db.display(),
    );
    tmux.start(session, 80, 24, &script);
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn edits_under_a_held_lock_are_all_saved_and_survive_a_kill() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("lock.db");
    let state = dir.path().join("state");
    drop(Store::open(&db, "setup").unwrap());
    let tmux = Tmux::new(&format!("plantrack-pending-{}", std::process::id()), "one");
    start(&tmux, "one", &db, &state);
    tmux.wait_for("合计");
    tmux.keys(&["2"]);
    tmux.wait_for("显示 290/290");

    // Another process takes the write lock and keeps it.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    tmux.keys(&["o"]);
    tmux.wait_for("负责人");
    tmux.keys(&["第一", "Enter"]);
    tmux.wait_for("1 项修改已保留");
    tmux.keys(&["j", "o"]);
    tmux.wait_for("负责人");
    tmux.keys(&["第二", "Enter"]);
    tmux.wait_for("2 项修改已保留");
    tmux.keys(&["j", "n"]);
    tmux.wait_for("备注");
    tmux.keys(&["-l", "note during lock"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for("3 项修改已保留");
    holder.execute_batch("ROLLBACK").unwrap();
    tmux.wait_for("锁已释放");

    let store = Store::open(&db, "checker").unwrap();
    let owner = |id| store.show(id, today()).unwrap().row.owner;
    assert_eq!(owner(1).as_deref(), Some("第一"));
    assert_eq!(owner(2).as_deref(), Some("第二"));
    let notes = store.show(3, today()).unwrap().notes;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].text, "note during lock");

    // Again under the lock; then the workbench is killed where it stands.
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    tmux.keys(&["j", "o"]);
    tmux.wait_for("负责人");
    tmux.keys(&["第四", "Enter"]);
    tmux.wait_for("1 项修改已保留");
    let shell = tmux.run(&["display-message", "-p", "-t", "one", "#{pane_pid}"]);
    let killed = std::process::Command::new("pkill")
        .args(["-KILL", "-P", shell.trim()])
        .status()
        .unwrap();
    assert!(killed.success());
    holder.execute_batch("ROLLBACK").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(owner(4), None, "not saved before the kill");

    // The next workbench saves it, and says so.
    start(&tmux, "two", &db, &state);
    let pane = tmux.wait_for_in("two", "上次工作台关闭时有 1 项修改尚未保存");
    assert!(pane.contains("1 项"), "{pane}");
    let start = std::time::Instant::now();
    while owner(4).is_none() {
        assert!(start.elapsed() < Duration::from_secs(10), "never saved");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(owner(4).as_deref(), Some("第四"));
}
