//! `list`, `show` and `summary --as-of DATE`: a scripted history (each change made on a
//! known day through the built binary), then the state asked back day by day.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli::Db;
use serde_json::Value;

fn on(db: &Db, day: &str, args: &[&str]) -> String {
    db.on(day, args)
}

fn show_on(db: &Db, day: &str) -> Value {
    db.json(["show", "1", "--json", "--as-of", day])
}

fn departments(item: &Value) -> Vec<(String, String)> {
    item["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["short"].as_str().unwrap().to_string(),
                d["role"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The history, day by day:
/// - 11-02 the database is made (the plans imported); #1 gets a due date, owner 王敏, 进行中 20%, lead
///   省发展改革委, a milestone due 11-10;
/// - 11-05 progress 50, co 省住房城乡建设厅, a note;
/// - 11-12 the milestone extended to 11-20; owner 李强;
/// - 11-18 the milestone done; 已完成 100%; the co department unlinked;
/// - 11-20 the last change (the unlinking) undone.
fn scripted() -> (Db, i64) {
    let db = Db::new();
    // Its own due date: the plan's period (to 2025) has ended, which alone makes it red.
    on(&db, "2026-11-02", &["set", "1", "--due", "2027-12-31"]);
    on(&db, "2026-11-02", &["set", "1", "--owner", "王敏"]);
    on(
        &db,
        "2026-11-02",
        &["set", "1", "--status", "in_progress", "--progress", "20"],
    );
    on(&db, "2026-11-02", &["dept", "1", "--lead", "省发展改革委"]);
    on(
        &db,
        "2026-11-02",
        &["milestone", "add", "1", "--due", "2026-11-10", "方案印发"],
    );
    let milestone = db.show(1)["milestones"][0]["id"].as_i64().unwrap();
    let m = format!("M{milestone}");
    on(&db, "2026-11-05", &["set", "1", "--progress", "50"]);
    on(
        &db,
        "2026-11-05",
        &["dept", "1", "--co", "省住房城乡建设厅"],
    );
    on(&db, "2026-11-05", &["note", "1", "已召开推进会"]);
    on(
        &db,
        "2026-11-12",
        &[
            "milestone",
            "extend",
            &m,
            "--to",
            "2026-11-20",
            "--reason",
            "等待批复",
        ],
    );
    on(&db, "2026-11-12", &["set", "1", "--owner", "李强"]);
    on(&db, "2026-11-18", &["milestone", "done", &m]);
    on(
        &db,
        "2026-11-18",
        &["set", "1", "--status", "done", "--progress", "100"],
    );
    on(
        &db,
        "2026-11-18",
        &["dept", "1", "--remove", "省住房城乡建设厅"],
    );
    on(&db, "2026-11-20", &["undo", "-y"]);
    (db, milestone)
}

#[test]
fn show_as_of_answers_each_day_from_the_history() {
    let (db, _) = scripted();

    // Before the database existed the item did not either.
    let err = db.fails(["show", "1", "--as-of", "2026-11-01"]);
    assert!(err.contains("#1 did not exist yet on 2026-11-01"), "{err}");

    let d = show_on(&db, "2026-11-02");
    assert_eq!(d["owner"], "王敏");
    assert_eq!(d["status"], "in_progress");
    assert_eq!(d["progress"], 20);
    assert_eq!(d["lead"], "省发展改革委");
    assert_eq!(
        departments(&d),
        [("省发展改革委".to_string(), "lead".to_string())]
    );
    assert_eq!(d["milestones"][0]["due_on"], "2026-11-10");
    assert_eq!(d["milestones"][0]["done_on"], Value::Null);
    assert!(d["notes"].as_array().unwrap().is_empty());

    let d = show_on(&db, "2026-11-04");
    assert_eq!(d["progress"], 20, "nothing changed on 11-03 and 11-04");

    let d = show_on(&db, "2026-11-05");
    assert_eq!(d["progress"], 50);
    assert_eq!(d["co"], serde_json::json!(["省住房城乡建设厅"]));
    assert_eq!(d["notes"][0]["text"], "已召开推进会");

    // 11-11: the milestone due 11-10 is not done: overdue, the light red.
    let d = show_on(&db, "2026-11-11");
    assert_eq!(d["health"]["overdue"], 1);
    assert_eq!(d["health"]["light"], "red");
    assert_eq!(d["owner"], "王敏");
    assert!(
        d["milestones"][0]["extensions"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // 11-12: extended to 11-20, so no longer overdue; the new owner.
    let d = show_on(&db, "2026-11-12");
    assert_eq!(d["health"]["overdue"], 0);
    assert_ne!(d["health"]["light"], "red");
    assert_eq!(d["owner"], "李强");
    assert_eq!(d["milestones"][0]["due_on"], "2026-11-20");
    assert_eq!(d["milestones"][0]["original_due"], "2026-11-10");
    assert_eq!(d["milestones"][0]["extensions"][0]["reason"], "等待批复");

    // 11-18: done, the co department unlinked.
    let d = show_on(&db, "2026-11-18");
    assert_eq!(d["status"], "done");
    assert_eq!(d["progress"], 100);
    assert_eq!(d["milestones"][0]["done_on"], "2026-11-18");
    assert_eq!(d["health"]["light"], "green");
    assert_eq!(d["co"], serde_json::json!([]));

    // 11-20: the unlinking undone; everything else as on 11-18.
    let d = show_on(&db, "2026-11-20");
    assert_eq!(d["co"], serde_json::json!(["省住房城乡建设厅"]));
    assert_eq!(d["status"], "done");

    // The history shown is the history up to the day.
    let d = show_on(&db, "2026-11-05");
    assert!(
        d["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["at"].as_str().unwrap() < "2026-11-06")
    );
    // Today (11-23) the answer is what `show` gives without --as-of.
    let now = db.show(1);
    let then = show_on(&db, "2026-11-23");
    for field in [
        "owner",
        "status",
        "progress",
        "lead",
        "co",
        "health",
        "milestones",
    ] {
        assert_eq!(now[field], then[field], "{field}");
    }
}

fn item_one(list: &Value) -> Option<Value> {
    list.as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == 1)
        .cloned()
}

#[test]
fn list_and_summary_as_of_rebuild_the_past() {
    let (db, _) = scripted();

    let list = db.json(["list", "--json", "--as-of", "2026-11-01"]);
    assert!(list.as_array().unwrap().is_empty(), "nothing existed yet");

    let list = db.json(["list", "--json", "--as-of", "2026-11-11"]);
    let row = item_one(&list).unwrap();
    assert_eq!(
        (row["progress"].clone(), row["health"]["light"].clone()),
        (50.into(), "red".into())
    );

    // Filters see the departments as they were.
    let co = db.json([
        "list",
        "--json",
        "--dept",
        "省住房城乡建设厅",
        "--as-of",
        "2026-11-04",
    ]);
    assert!(item_one(&co).is_none(), "not linked yet on 11-04");
    let co = db.json([
        "list",
        "--json",
        "--dept",
        "省住房城乡建设厅",
        "--as-of",
        "2026-11-05",
    ]);
    assert!(item_one(&co).is_some());
    let red = db.json(["list", "--json", "--light", "red", "--as-of", "2026-11-11"]);
    assert!(item_one(&red).is_some());
    let red = db.json(["list", "--json", "--light", "red", "--as-of", "2026-11-12"]);
    assert!(item_one(&red).is_none(), "extended on 11-12");

    // The table says the same.
    let text = db.ok(["list", "--owner", "王敏", "--as-of", "2026-11-05"]);
    assert!(text.contains("#1") && text.contains("1 item"), "{text}");
    let text = db.ok(["list", "--owner", "王敏", "--as-of", "2026-11-12"]);
    assert!(text.contains("0 items"), "{text}");

    // Roll-ups count the items as they were.
    let done = |day: &str| {
        let summary = db.json([
            "summary", "--by", "plan", "--format", "json", "--as-of", day,
        ]);
        // by_status counts 未开始, 进行中, 已完成, 暂停.
        summary["total"]["by_status"][2]
            .as_u64()
            .unwrap_or_else(|| {
                panic!("no total.by_status[2] in {summary}");
            })
    };
    assert_eq!(done("2026-11-17"), 0);
    assert_eq!(done("2026-11-18"), 1);
}

#[test]
fn as_of_needs_a_real_date() {
    let db = Db::new();
    let err = db.fails(["list", "--as-of", "2026-02-30"]);
    assert!(
        err.contains("--as-of") && err.contains("YYYY-MM-DD"),
        "{err}"
    );
}
