//! Compaction (`plantrack compact`, and by itself after a bulk import) keeps every bit of
//! tracking data, leaves the file sound, and does not stop another process reading.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::store::{ItemEdit, ItemQuery, Store};
use std::path::Path;
use std::process::{Command, Output};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn plantrack(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .arg("--db")
        .arg(db)
        .args(["--user", "tester", "--lang", "en"])
        .args(args)
        .env("PLANTRACK_TODAY", "2026-11-23")
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A plan text of `boxes` boxes of `per_box` items each, in the importer's plain form.
fn big_plan(name: &str, boxes: usize, per_box: usize) -> String {
    let mut text = format!("某市“十四五”{name}规划\n\n第一章 总则\n\n");
    for b in 1..=boxes {
        text.push_str(&format!("专栏{b} 测试工程{b}\n\n"));
        for i in 1..=per_box {
            text.push_str(&format!(
                "{i}．测试工程{b}-{i}。推进城镇老旧小区改造，完善基础设施和公共服务设施，提升居住品质。\n"
            ));
        }
        text.push('\n');
    }
    text
}

#[test]
fn compaction_keeps_every_change_while_another_process_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut store = Store::open(&db, "alice").unwrap();
    let items = store.list(&ItemQuery::default(), today()).unwrap();
    let id = items[7].id;
    let stamp = store.stamp().unwrap();
    let edit = ItemEdit {
        owner: Some(Some("王敏".into())),
        progress: Some(40),
        ..ItemEdit::default()
    };
    store.edit_item(id, Some(stamp), &edit).unwrap();
    store.add_note(id, "已完成可研批复").unwrap();
    store
        .add_milestone(id, "开工", NaiveDate::from_ymd_opt(2027, 3, 1).unwrap())
        .unwrap();
    let before = store.dump().unwrap();

    // Another process has the file open, in the middle of reading it.
    let reader = Store::open(&db, "bob").unwrap();
    let seen = reader.list(&ItemQuery::default(), today()).unwrap();

    let found = store.search_ids("城镇化").unwrap();
    assert!(!found.is_empty());

    let done = store.compact().unwrap();
    assert_eq!(
        store.search_ids("城镇化").unwrap(),
        found,
        "the search index still answers"
    );
    assert!(done.before > 0 && done.after > 0);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(
        store.dump().unwrap(),
        before,
        "nothing changed but the layout"
    );
    assert_eq!(reader.list(&ItemQuery::default(), today()).unwrap(), seen);
    // Undo still knows the change made before compaction (the milestone added last).
    let milestones = store.show(id, today()).unwrap().milestones.len();
    store.undo().unwrap();
    assert_eq!(
        store.show(id, today()).unwrap().milestones.len(),
        milestones - 1
    );
}

#[test]
fn the_command_compacts_and_a_bulk_import_compacts_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = text(&plantrack(&db, &["compact"]));
    assert!(out.starts_with("compacted "), "{out}");
    assert!(out.contains(" MB → ") && out.contains(" MB in "), "{out}");

    // A plan or two: no compaction.
    let small = dir.path().join("small.txt");
    std::fs::write(&small, big_plan("小批", 1, 30)).unwrap();
    let out = text(&plantrack(
        &db,
        &["import", "--yes", small.to_str().unwrap()],
    ));
    assert!(!out.contains("compacted"), "{out}");

    // A bulk load (1,500 items against 320): compacted right after, data intact.
    let big = dir.path().join("big.txt");
    std::fs::write(&big, big_plan("大批", 3, 500)).unwrap();
    let out = text(&plantrack(&db, &["import", "--yes", big.to_str().unwrap()]));
    assert!(out.contains("compacted "), "{out}");
    let store = Store::open(&db, "tester").unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let all = store.list(&ItemQuery::default(), today()).unwrap();
    assert_eq!(
        all.iter()
            .filter(|i| i.title.starts_with("测试工程"))
            .count(),
        1_530
    );
    // The bulk import built the workbench's indexes again at its end.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let indexes: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index'
             AND name IN ('item_row', 'milestone_facts', 'item_department_facts')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 3);
    assert!(!store.import_calls_for_compaction(999).unwrap());
    assert!(store.import_calls_for_compaction(1_000).unwrap());
}
