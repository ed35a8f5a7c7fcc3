//! The tracking commands end to end through the built binary, on a fresh database in a
//! temporary directory: seeding, filters, edits, milestones, notes, undo, history, roll-ups,
//! bulk assignment, re-import, JSON output, errors and terminal safety.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use serde_json::Value;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use support::{HN_CZH_14, seed_path};

const TODAY: &str = "2026-11-23";

/// A database in its own temporary directory, and the binary run against it as alice.
struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("track.db");
        Db { dir, path }
    }

    fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plantrack"));
        command
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .env_remove("PLANTRACK_DB")
            .env_remove("COLUMNS")
            .env("PLANTRACK_TODAY", TODAY)
            .env("PLANTRACK_USER", "alice")
            // Never fall back on the real per-user data directory.
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"));
        command
    }

    fn run<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command(args).output().expect("run plantrack")
    }

    /// Run, expect exit 0 and no panic; return stdout.
    fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "plantrack {shown:?}: expected exit 0\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Run, expect exit 0, parse stdout as exactly one JSON document.
    fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document: {e}\n{text}"))
    }

    /// Run, expect exit 1 and no panic; return stderr.
    fn fails<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "expected exit 1\nstdout: {}\nstderr: {err}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    fn show(&self, id: i64) -> Value {
        self.json(["show".to_string(), id.to_string(), "--json".into()])
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn items(value: &Value) -> &Vec<Value> {
    value.as_array().expect("a JSON array of items")
}

/// The id of the first item whose title contains `part`.
fn item_with_title(db: &Db, part: &str) -> i64 {
    let list = db.json(["list", "--json"]);
    items(&list)
        .iter()
        .find(|i| i["title"].as_str().unwrap().contains(part))
        .unwrap_or_else(|| panic!("no item titled …{part}…"))["id"]
        .as_i64()
        .unwrap()
}

/// A minimal RFC 4180 reader: records of fields, quotes honoured.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    assert!(
        field.is_empty() && record.is_empty(),
        "last record lacks CRLF"
    );
    records
}

#[test]
fn first_run_seeds_and_lists_every_plan() {
    let db = Db::new();
    let list = db.json(["list", "--json"]);
    let rows = items(&list);
    assert!(rows.len() > 200, "{} items", rows.len());
    for key in [
        "hn-czh-14",
        "hn-czh-action-2024",
        "zz-czh-14",
        "hn-15th-fyp",
    ] {
        assert!(
            rows.iter().any(|r| r["plan_key"] == key),
            "no item of {key}"
        );
    }
    // The table: a count at the end, every line within 80 cells when COLUMNS=80.
    let out = db.command(["list"]).env("COLUMNS", "80").output().unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.trim_end().ends_with(&format!("{} items", rows.len())),
        "{table}"
    );
    for line in table.lines() {
        let width = plantrack::text::width::display_width(line);
        assert!(width <= 80, "{width} cells: {line}");
    }
    assert!(table.contains("#1 "), "items are shown with their #ID");
}

#[test]
fn text_search_finds_pinyin_and_department_aliases_resolve() {
    let db = Db::new();
    let hits = db.json(["list", "--text", "czt", "--json"]);
    let hits = items(&hits);
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .any(|i| i["title"].as_str().unwrap().contains("长株潭")),
        "{hits:?}"
    );

    // 省发改委 is an alias of 省发展改革委.
    let led = db.json(["list", "--dept", "省发改委", "--role", "lead", "--json"]);
    let led = items(&led);
    assert!(!led.is_empty());
    for item in led {
        assert_eq!(item["lead"], "省发展改革委", "{item}");
    }
    let table = db.ok(["list", "--dept", "省发改委", "--role", "lead"]);
    assert!(
        table.contains("省发展改革委") || table.contains("省发展…"),
        "{table}"
    );
    assert!(table.trim_end().ends_with(&format!("{} items", led.len())));

    let err = db.fails(["list", "--light", "purple"]);
    assert!(err.contains("--light") && err.contains("红"), "{err}");
}

#[test]
fn set_shows_changes_and_undo_reverts_the_last_one() {
    let db = Db::new();
    let id = item_with_title(&db, "长株潭");
    let out = db.ok([
        "set".to_string(),
        format!("#{id}"),
        "--owner".into(),
        "王敏".into(),
        "--progress".into(),
        "40".into(),
    ]);
    assert!(out.contains("王敏") && out.contains("40%"), "{out}");
    let shown = db.show(id);
    assert_eq!(shown["owner"], "王敏");
    assert_eq!(shown["progress"], 40);
    assert_eq!(shown["status"], "in_progress");

    let text = db.ok(["show".to_string(), format!("#{id}")]);
    assert!(text.contains("王敏") && text.contains("序时进度"), "{text}");

    db.ok([
        "set".to_string(),
        id.to_string(),
        "--progress".into(),
        "60%".into(),
    ]);
    assert_eq!(db.show(id)["progress"], 60);
    let undone = db.ok(["undo"]);
    assert!(undone.contains("edit item"), "{undone}");
    let shown = db.show(id);
    assert_eq!(shown["progress"], 40);
    assert_eq!(shown["owner"], "王敏");

    let history = db.json(["history".to_string(), id.to_string(), "--json".into()]);
    let entries = history.as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["who"] == "alice" && e["field"] == "owner")
    );
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "undo" && e["who"] == "alice")
    );

    let err = db.fails([
        "set".to_string(),
        id.to_string(),
        "--due".into(),
        "2026-02-30".into(),
    ]);
    assert!(err.contains("--due") && err.contains("YYYY-MM-DD"), "{err}");
    let err = db.fails([
        "set".to_string(),
        id.to_string(),
        "--progress".into(),
        "120".into(),
    ]);
    assert!(err.contains("--progress"), "{err}");
    let err = db.fails(["set".to_string(), id.to_string()]);
    assert!(err.contains("nothing to set"), "{err}");
}

#[test]
fn notes_and_milestones() {
    let db = Db::new();
    let id = item_with_title(&db, "长株潭").to_string();
    db.ok(["note", &id, "已召开", "推进会"]);
    let mut child = db
        .command(["note", &id, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("第一行\n第二行\n".as_bytes())
        .unwrap();
    assert!(child.wait_with_output().unwrap().status.success());
    let notes = db.show(id.parse().unwrap())["notes"].clone();
    let texts: Vec<&str> = notes
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["已召开 推进会", "第一行\n第二行"]);
    assert_eq!(notes[0]["author"], "alice");

    let err = db.fails([
        "milestone",
        "add",
        &id,
        "--due",
        "2026/12/31",
        "完成",
        "试点",
    ]);
    assert!(err.contains("--due") && err.contains("YYYY-MM-DD"), "{err}");

    let out = db.ok([
        "milestone",
        "add",
        &id,
        "--due",
        "2026-12-31",
        "完成",
        "试点",
    ]);
    let mid = out
        .split_whitespace()
        .find_map(|w| w.strip_prefix('M').and_then(|n| n.parse::<i64>().ok()))
        .unwrap_or_else(|| panic!("no milestone id in {out}"))
        .to_string();
    let shown = db.show(id.parse().unwrap());
    let milestone = shown["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"].as_i64().unwrap().to_string() == mid)
        .unwrap()
        .clone();
    assert_eq!(milestone["title"], "完成 试点");
    assert_eq!(milestone["due_on"], "2026-12-31");

    // An extension needs a reason.
    let out = db.run(["milestone", "extend", &mid, "--to", "2027-03-31"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("--reason"), "{}", stderr(&out));
    db.ok([
        "milestone",
        "extend",
        &format!("M{mid}"),
        "--to",
        "2027-03-31",
        "--reason",
        "资金未到位",
    ]);
    let due = db.json(["milestone", "list", "--from", "2027-01-01", "--json"]);
    let due = due.as_array().unwrap();
    assert!(
        due.iter()
            .any(|m| m["id"].as_i64().unwrap().to_string() == mid
                && m["original_due"] == "2026-12-31"
                && m["extensions"][0]["reason"] == "资金未到位"
                && m["extensions"][0]["who"] == "alice")
    );

    // Removing is destructive: refused without --yes.
    let err = db.fails(["milestone", "rm", &mid]);
    assert!(err.contains("--yes"), "{err}");
    db.ok(["milestone", "done", &mid, "--on", "2026-11-20"]);
    let shown = db.show(id.parse().unwrap());
    assert!(
        shown["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["done_on"] == "2026-11-20")
    );
    db.ok(["milestone", "rm", &mid, "--yes"]);
    let shown = db.show(id.parse().unwrap());
    assert!(
        !shown["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"].as_i64().unwrap().to_string() == mid)
    );
}

#[test]
fn summary_as_csv_and_json() {
    let db = Db::new();
    let csv = db.ok(["summary", "--by", "department", "--format", "csv"]);
    // Every CSV starts with a BOM, so Excel reads the Chinese right.
    let csv = csv.strip_prefix('\u{feff}').expect("a BOM first");
    let records = parse_csv(csv);
    assert_eq!(records[0][0], "分组");
    assert_eq!(records[0].len(), 19);
    assert!(records.iter().all(|r| r.len() == 19));
    assert!(records.iter().any(|r| r[0] == "省发展改革委"), "{csv}");
    assert_eq!(records.last().unwrap()[0], "合计");

    let total_items = items(&db.json(["list", "--json"])).len();
    let json = db.json(["summary", "--by", "plan", "--format", "json"]);
    assert_eq!(json["by"], "plan");
    assert_eq!(json["rows"].as_array().unwrap().len(), 4);
    assert_eq!(
        json["total"]["items"].as_u64().unwrap() as usize,
        total_items
    );

    let table = db.ok(["summary", "--by", "owner"]);
    assert!(table.contains("合计"), "{table}");
}

#[test]
fn assign_a_box_and_reimport_keeps_tracking_data() {
    let db = Db::new();
    let out = db.ok([
        "assign",
        "--box",
        "2",
        "--plan",
        "hn-czh-14",
        "--owner",
        "张三",
    ]);
    assert!(out.contains("assigned 4 items"), "{out}");
    let boxed = db.json(["list", "--plan", "hn-czh-14", "--box", "2", "--json"]);
    let boxed = items(&boxed);
    assert_eq!(boxed.len(), 4);
    assert!(boxed.iter().all(|i| i["owner"] == "张三"));

    let id = boxed[0]["id"].as_i64().unwrap().to_string();
    db.ok(["note", &id, "跟踪中"]);
    db.ok(["milestone", "add", &id, "--due", "2027-06-30", "阶段目标"]);
    let before = db.show(id.parse().unwrap());

    let file = seed_path(HN_CZH_14);
    let out = db.ok([OsStr::new("import"), file.as_os_str()]);
    assert!(out.contains("hn-czh-14"), "{out}");
    assert!(out.contains("nothing added"), "{out}");

    let after = db.show(id.parse().unwrap());
    assert_eq!(after["owner"], "张三");
    assert_eq!(after["notes"], before["notes"]);
    assert_eq!(after["milestones"], before["milestones"]);
    assert_eq!(
        items(&db.json(["list", "--json"])).len(),
        items(&db.json(["list", "--all", "--json"])).len()
    );
}

#[test]
fn every_read_command_prints_one_json_document() {
    let db = Db::new();
    let id = item_with_title(&db, "长株潭").to_string();
    db.ok(["note", &id, "a"]);
    let commands: Vec<Vec<&str>> = vec![
        vec!["list", "--json"],
        vec!["list", "--overdue", "--unassigned", "--json"],
        vec!["list", "--status", "未开始", "--light", "黄", "--json"],
        vec!["show", &id, "--json"],
        vec!["history", "--json"],
        vec!["history", &id, "--limit", "3", "--json"],
        vec!["milestone", "list", "--json"],
        vec!["indicator", "list", "--json"],
        vec!["indicator", "list", "--plan", "zz-czh-14", "--json"],
        vec!["departments", "--json"],
        vec!["config", "--json"],
        vec!["summary", "--by", "chapter", "--format", "json"],
        vec!["summary", "--by", "co-department", "--format", "json"],
    ];
    for args in commands {
        let value = db.json(&args);
        assert!(value.is_array() || value.is_object(), "{args:?}");
    }
    let indicators = db.json(["indicator", "list", "--plan", "zz-czh-14", "--json"]);
    assert!(!indicators.as_array().unwrap().is_empty());
}

#[test]
fn indicators_config_and_departments() {
    let db = Db::new();
    let indicators = db.json(["indicator", "list", "--json"]);
    let first = indicators[0]["id"].as_i64().unwrap().to_string();
    db.ok(["indicator", "record", &first, "--period", "2025", "60.1"]);
    let indicators = db.json(["indicator", "list", "--json"]);
    assert_eq!(indicators[0]["values"][0]["value"], "60.1");
    let err = db.fails(["indicator", "record", &first, "--period", "25", "1"]);
    assert!(err.contains("--period"), "{err}");

    db.ok(["config", "yellow_lag", "20"]);
    assert_eq!(db.json(["config", "--json"])["yellow_lag"], 20);
    let err = db.fails(["config", "yellow_lag", "300"]);
    assert!(err.contains("yellow_lag"), "{err}");
    let err = db.fails(["config", "colour", "1"]);
    assert!(err.contains("pace_tolerance"), "{err}");

    let table = db.ok(["departments"]);
    assert!(
        table.contains("省发展改革委") && table.contains("省发改委"),
        "{table}"
    );
}

#[test]
fn errors_are_one_clear_line() {
    let db = Db::new();
    let err = db.fails(["show", "99999"]);
    assert!(err.contains("no item 99999"), "{err}");
    let err = db.fails(["set", "#99999", "--owner", "王敏"]);
    assert!(err.contains("no item 99999"), "{err}");
    let err = db.fails(["note", "99999", "x"]);
    assert!(err.contains("no item 99999"), "{err}");

    // A --db whose directory does not exist is reported, not created.
    let missing = db.dir.path().join("nowhere").join("x.db");
    let out = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .arg("--db")
        .arg(&missing)
        .arg("list")
        .env("PLANTRACK_TODAY", TODAY)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert!(!missing.parent().unwrap().exists());

    // No subcommand opens the workbench, which needs a terminal: in a script, the
    // message lists the subcommands instead.
    let out = db.run(Vec::<&str>::new());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("list, show, set"), "{}", stderr(&out));
}

#[test]
fn default_database_lives_in_a_private_data_directory() {
    let db = Db::new();
    let data = db.dir.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .args(["list", "--json"])
        .env_remove("PLANTRACK_DB")
        .env("XDG_DATA_HOME", &data)
        .env("PLANTRACK_TODAY", TODAY)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let dir: &Path = &data.join("plantrack");
    assert!(dir.join("plantrack.db").is_file());
    let mode = std::fs::metadata(dir)
        .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o777)
        .unwrap();
    assert_eq!(mode, 0o700);
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let db = Db::new();
    let id = item_with_title(&db, "长株潭");
    let ids = id.to_string();
    // Only an escape sequence: it is stored as one visible marker (〓), never raw.
    db.ok(["note", &ids, "\u{1b}]0;PWNED\u{7}"]);
    let notes = db.show(id)["notes"].clone();
    assert!(
        notes.to_string().contains("\"〓\"") && !notes.to_string().contains("PWNED"),
        "{notes}"
    );
    db.ok(["note", &ids, "before \u{1b}]0;PWNED\u{7} after \u{1b}[2J"]);
    // A value written by another client, straight through the library.
    {
        let mut store = plantrack::store::Store::open(&db.path, "mallory").unwrap();
        let base = store.stamp().unwrap();
        let edit = plantrack::store::ItemEdit {
            owner: Some(Some("evil\u{1b}[31m\u{202e}\u{9b}".into())),
            ..Default::default()
        };
        store.edit_item(id, Some(base), &edit).unwrap();
    }
    for args in [
        vec!["show".to_string(), ids.clone()],
        vec!["show".to_string(), ids.clone(), "--json".into()],
        vec!["list".to_string()],
        vec!["list".to_string(), "--json".into()],
        vec!["history".to_string(), ids.clone()],
        vec!["summary".to_string(), "--by".into(), "owner".into()],
        vec![
            "summary".to_string(),
            "--by".into(),
            "owner".into(),
            "--format".into(),
            "csv".into(),
        ],
    ] {
        let out = db.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains('\u{1b}'), "{args:?}: ESC on stdout");
        assert!(
            !text.contains('\u{9b}') && !text.contains('\u{202e}'),
            "{args:?}"
        );
        // CSV records end with CRLF and start with a BOM; nothing else may be a control
        // or format character.
        let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        assert!(
            plantrack::text::sanitize::is_terminal_safe(&text),
            "{args:?}"
        );
    }
    // JSON keeps the value (escaped), whether or not the store cleaned it on the way in.
    let shown = db.show(id);
    assert!(shown["owner"].as_str().unwrap().starts_with("evil"));
}

/// Issue 18 point 12: an item of a plan whose period (2021–2025) is over, not done, is
/// 逾期未完成 and red, `show` says why, and `list --overdue` counts it late.
#[test]
fn an_item_past_its_period_is_red_and_show_says_why() {
    let db = Db::new();
    let id = item_with_title(&db, "建设长株潭国家中心城市");
    let shown = db.ok(["show", &id.to_string()]);
    assert!(shown.contains("灯 light: 红 red"), "{shown}");
    assert!(
        shown.contains("为什么 why:    红：逾期未完成——期限 2025-12-31 已过，进度 0%"),
        "{shown}"
    );
    let late = db.json(["list", "--overdue", "--json"]);
    assert!(
        items(&late).iter().any(|i| i["id"] == id),
        "list --overdue leaves out #{id}"
    );
    // Done, it is green and no longer late.
    db.ok(["set", &id.to_string(), "--status", "done"]);
    let shown = db.ok(["show", &id.to_string()]);
    assert!(shown.contains("为什么 why:    绿：已完成"), "{shown}");
    let late = db.json(["list", "--overdue", "--json"]);
    assert!(!items(&late).iter().any(|i| i["id"] == id));
}

/// Issue 18 point 6: `dept` and `assign` take a department by any of its names; a name no
/// department has is refused unless --new-department (it was added for good before); a
/// part several share is refused with their names.
#[test]
fn department_names_resolve_and_new_ones_need_a_flag() {
    let db = Db::new();
    let err = db.fails(["dept", "11", "--co", "某某局"]);
    assert!(
        err.contains("no department is called “某某局”") && err.contains("--new-department"),
        "{err}"
    );
    let listed = db.ok(["departments"]);
    assert!(!listed.contains("某某局"), "added silently");
    db.ok(["dept", "11", "--co", "某某局", "--new-department"]);
    assert!(db.ok(["departments"]).contains("某某局"));
    // A part one department has: that department.
    let out = db.ok(["dept", "11", "--co", "住房城乡建设"]);
    assert!(out.contains("省住房城乡建设厅"), "{out}");
    // An alias, and pinyin.
    let out = db.ok(["dept", "11", "--lead", "发改委"]);
    assert!(out.contains("牵头 lead: 省发展改革委"), "{out}");
    let out = db.ok(["dept", "11", "--lead", "fagaiwei"]);
    assert!(out.contains("牵头 lead: 省发展改革委"), "{out}");
    // A part several share: refused, naming them.
    let err = db.fails(["dept", "11", "--co", "省委"]);
    assert!(err.contains("departments:"), "{err}");
    let err = db.fails([
        "assign",
        "--plan",
        "hn-czh-14",
        "--box",
        "2",
        "--co",
        "某某委员会",
    ]);
    assert!(err.contains("--new-department"), "{err}");
}
