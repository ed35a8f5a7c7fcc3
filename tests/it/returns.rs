//! Department returns (issue 15): workbooks out to two departments, filled in as they
//! would be (good edits, a bad date, progress 150, an edited id, a field someone changed
//! in plantrack after the export), collected back, collected again, undone.

use crate::support::cli::{Db, stderr};
use crate::support::workbook::{Book, Cell};
use serde_json::Value;

const HOUSING: &str = "省住房城乡建设厅";
const DEVELOPMENT: &str = "省发展改革委";

fn lead_items(db: &Db, dept: &str) -> Vec<i64> {
    db.json(["list", "--dept", dept, "--role", "lead", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

fn milestone_id(added: &str) -> String {
    // "#12  已添加节点 added M5 due …"
    added
        .split_whitespace()
        .find(|w| w.starts_with('M') && w[1..].parse::<i64>().is_ok())
        .unwrap()
        .to_string()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn milestone<'a>(item: &'a Value, id: &str) -> &'a Value {
    let id: i64 = id[1..].parse().unwrap();
    item["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"].as_i64() == Some(id))
        .unwrap()
}

fn notes(item: &Value) -> Vec<String> {
    item["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap().to_string())
        .collect()
}

fn change_count(db: &Db) -> usize {
    db.json(["history", "--limit", "100000", "--json"])
        .as_array()
        .unwrap()
        .len()
}

#[test]
fn returns_round_trip() {
    let db = Db::new();
    let dir = db.dir.path();
    let housing = lead_items(&db, HOUSING);
    let development = lead_items(&db, DEVELOPMENT);
    assert!(housing.len() >= 3 && development.len() >= 3);
    let m_done = milestone_id(&db.ok([
        "milestone",
        "add",
        &housing[0].to_string(),
        "--due",
        "2026-12-31",
        "完成可研",
    ]));
    let m_extend = milestone_id(&db.ok([
        "milestone",
        "add",
        &housing[0].to_string(),
        "--due",
        "2026-12-15",
        "开工建设",
    ]));
    let m_bad = milestone_id(&db.ok([
        "milestone",
        "add",
        &development[0].to_string(),
        "--due",
        "2026-12-31",
        "出台方案",
    ]));

    let a = dir.join("housing.xlsx");
    let b = dir.join("development.xlsx");
    let out = db.ok([
        "returns",
        "export",
        "--dept",
        HOUSING,
        "-o",
        a.to_str().unwrap(),
    ]);
    assert!(out.contains(HOUSING), "{out}");
    db.ok([
        "returns",
        "export",
        "--dept",
        "省发改委",
        "-o",
        b.to_str().unwrap(),
    ]);

    // After the export, bob changes progress of the second housing item in plantrack.
    let out = db
        .as_user("bob")
        .args(["set", &housing[1].to_string(), "--progress", "30"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));

    // Housing fills in valid edits, and a progress bob has changed since.
    let mut book = Book::open(&a);
    let row = |book: &Book, id: i64| book.row_where("事项", "ID", &Cell::Number(id as f64));
    assert_eq!(
        book.get("事项", row(&book, housing[0]), "职责"),
        text("牵头")
    );
    let r0 = row(&book, housing[0]);
    book.set("事项", r0, "状态", text("进行中"));
    book.set("事项", r0, "进度(%)", Cell::Number(40.0));
    book.set("事项", r0, "本期进展", text("完成可研批复"));
    book.set("事项", r0, "存在问题", text("征地拆迁进度慢"));
    let r1 = row(&book, housing[1]);
    book.set("事项", r1, "进度(%)", Cell::Number(60.0));
    let r2 = row(&book, housing[2]);
    book.set("事项", r2, "进度(%)", Cell::Number(100.0));
    let m = |book: &Book, id: &str| book.row_where("节点", "节点ID", &text(id));
    let done_row = m(&book, &m_done);
    book.set("节点", done_row, "完成日期", Cell::Date(2026, 11, 20));
    let extend_row = m(&book, &m_extend);
    book.set("节点", extend_row, "延期至", text("2027-03-31"));
    book.set("节点", extend_row, "延期理由", text("资金未到位"));
    book.save(&a);

    // Development: progress 150, a bad date, an edited id, and one good edit.
    let mut book = Book::open(&b);
    let d0 = row(&book, development[0]);
    book.set("事项", d0, "进度(%)", Cell::Number(150.0));
    let d1 = row(&book, development[1]);
    book.set("事项", d1, "ID", Cell::Number(housing[0] as f64));
    book.set("事项", d1, "进度(%)", Cell::Number(90.0));
    let d2 = row(&book, development[2]);
    book.set("事项", d2, "进度(%)", Cell::Number(20.0));
    let bad = m(&book, &m_bad);
    book.set("节点", bad, "完成日期", text("2026-13-45"));
    book.save(&b);

    // A dry run shows what would change, and changes nothing.
    let before = change_count(&db);
    let preview = db.ok([
        "--lang",
        "en",
        "returns",
        "collect",
        "--dry-run",
        a.to_str().unwrap(),
    ]);
    assert!(preview.contains("progress: 0 → 40"), "{preview}");
    assert!(preview.contains("was changed by bob"), "{preview}");
    assert!(preview.contains("nothing was changed"), "{preview}");
    assert_eq!(db.show(housing[0])["progress"], 0);
    assert_eq!(change_count(&db), before);

    let out = db
        .command(["--lang", "en", "returns", "collect"])
        .args([&a, &b])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stdout}\n{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 workbook(s) not applied"),
        "{}",
        stderr(&out)
    );
    // Every bad cell is named: sheet, row, column, what.
    for expected in [
        format!(
            "sheet 事项, row {}, column L (进度(%)) “150”: progress 150 is outside 0–100",
            d0 + 1
        ),
        format!(
            "sheet 事项, row {}, column A (ID) “{}”: the id was edited (the row was exported as #{})",
            d1 + 1,
            housing[0],
            development[1]
        ),
        format!(
            "sheet 节点, row {}, column F (完成日期) “2026-13-45”: not a date",
            bad + 1
        ),
        "nothing of this workbook was applied".to_string(),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing «{expected}» in\n{stdout}"
        );
    }
    // The preview of housing's return: field: old → new, and the conflict with bob.
    assert!(stdout.contains("progress: 0 → 40"), "{stdout}");
    assert!(stdout.contains("was changed by bob"), "{stdout}");
    assert!(stdout.contains("after the return was exported"), "{stdout}");
    // Nothing of development's workbook applied.
    assert_eq!(db.show(development[2])["progress"], 0);

    // Housing's outcomes.
    let item = db.show(housing[0]);
    assert_eq!(item["status"], "in_progress");
    assert_eq!(item["progress"], 40);
    let notes0 = notes(&item);
    assert!(
        notes0
            .iter()
            .any(|n| n.contains("本期进展") && n.contains("完成可研批复")),
        "{notes0:?}"
    );
    assert!(
        notes0
            .iter()
            .any(|n| n.contains("存在问题") && n.contains("征地拆迁进度慢"))
    );
    assert_eq!(milestone(&item, &m_done)["done_on"], "2026-11-20");
    let extended = milestone(&item, &m_extend);
    assert_eq!(extended["due_on"], "2027-03-31");
    assert_eq!(extended["extensions"][0]["reason"], "资金未到位");
    assert_eq!(db.show(housing[1])["progress"], 30, "bob's value stays");
    let done = db.show(housing[2]);
    assert_eq!(done["progress"], 100);
    assert_eq!(done["status"], "done", "progress 100 means done");
    // One change, recorded as the department's return.
    let history = db.json(["history", "--json"]);
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert!(
        actions[0].starts_with("return: ") && actions[0].contains("住房"),
        "{actions:?}"
    );
    let applied = change_count(&db) - before;
    assert!(applied >= 8, "{applied}");

    // Collecting the same file again changes nothing.
    let again = db.ok(["--lang", "en", "returns", "collect", a.to_str().unwrap()]);
    assert!(again.contains("nothing changed"), "{again}");
    assert!(again.contains("collected before"), "{again}");
    assert_eq!(change_count(&db) - before, applied);

    // --skip-bad applies development's good row only.
    let out = db.ok([
        "--lang",
        "en",
        "returns",
        "collect",
        "--skip-bad",
        b.to_str().unwrap(),
    ]);
    assert!(out.contains("applied as change"), "{out}");
    assert_eq!(db.show(development[2])["progress"], 20);
    assert_eq!(db.show(development[0])["progress"], 0);
    assert_eq!(db.show(development[1])["progress"], 0);
    assert_eq!(
        db.show(housing[0])["progress"],
        40,
        "the edited id wrote nothing"
    );

    // Undo takes development's return back, then housing's whole return in one step.
    db.ok(["undo", "--yes"]);
    assert_eq!(db.show(development[2])["progress"], 0);
    assert_eq!(db.show(housing[0])["progress"], 40);
    db.ok(["undo", "--yes"]);
    let item = db.show(housing[0]);
    assert_eq!(item["status"], "not_started");
    assert_eq!(item["progress"], 0);
    assert!(notes(&item).is_empty(), "{:?}", notes(&item));
    assert!(milestone(&item, &m_done)["done_on"].is_null());
    assert_eq!(milestone(&item, &m_extend)["due_on"], "2026-12-15");
    assert_eq!(db.show(housing[2])["progress"], 0);
    assert_eq!(db.show(housing[1])["progress"], 30, "bob's change is his");

    // The same problems, in Chinese.
    let out = db.run(["--lang", "zh", "returns", "collect", b.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = format!(
        "工作表“事项”第 {} 行 L 列（进度(%)） “150”：进度 150 超出 0–100",
        d0 + 1
    );
    assert!(
        stdout.contains(&expected),
        "missing «{expected}» in\n{stdout}"
    );
    assert!(stdout.contains("不是日期"), "{stdout}");
}

#[test]
fn export_names_an_unknown_department() {
    let db = Db::new();
    let file = db.dir.path().join("x.xlsx");
    let err = db.fails([
        "returns",
        "export",
        "--dept",
        "不存在的单位",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        err.contains("no department is known as “不存在的单位”"),
        "{err}"
    );
    assert!(!file.exists());
}

#[test]
fn export_all_writes_one_workbook_per_department_and_refuses_a_file_for_a_directory() {
    let db = Db::new();
    let dir = db.dir.path().join("returns");
    let out = db.ok(["returns", "export", "--all", "-o", dir.to_str().unwrap()]);
    assert!(dir.join(format!("{HOUSING}.xlsx")).is_file(), "{out}");
    assert!(dir.join(format!("{DEVELOPMENT}.xlsx")).is_file(), "{out}");
    // A workbook that exists is not replaced without --force.
    let again = db.fails([
        "returns",
        "export",
        "--dept",
        HOUSING,
        "-o",
        dir.join(format!("{HOUSING}.xlsx")).to_str().unwrap(),
    ]);
    assert!(again.contains("exists"), "{again}");
    let file = db.dir.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let err = db.fails(["returns", "export", "--all", "-o", file.to_str().unwrap()]);
    assert!(err.contains("not a directory"), "{err}");
}

#[test]
fn collect_refuses_what_is_not_a_return_with_a_clear_message() {
    let db = Db::new();
    let dir = db.dir.path();
    let text = dir.join("notes.xlsx");
    std::fs::write(&text, "not a workbook").unwrap();
    // An ordinary export is a workbook, but not a return.
    let export = dir.join("export.xlsx");
    db.ok(["export", "-o", export.to_str().unwrap()]);
    let out = db
        .command(["--lang", "en", "returns", "collect"])
        .args([&text, &export])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("not a readable Excel .xlsx workbook"),
        "{stdout}"
    );
    assert!(
        stdout.contains("not a return exported by plantrack"),
        "{stdout}"
    );
    // A zip bomb is refused before it is inflated.
    let bomb = dir.join("bomb.xlsx");
    {
        use std::io::Write;
        let file = std::fs::File::create(&bomb).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..200 {
            zip.write_all(&zeros).unwrap();
        }
        zip.finish().unwrap();
    }
    let out = db.run(["--lang", "en", "returns", "collect", bomb.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("zip bomb"), "{stdout}");
}

/// The departments screen says whose returns are in and whose are still missing.
#[test]
fn workbench_lists_returns_in_and_missing() {
    use crate::support::tui::{app, keys, render, screen_text};
    use plantrack::store::{ReturnInput, Store};
    use plantrack::tui::Lang;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    {
        let mut store = Store::open(&path, "alice").unwrap();
        let stamp = store.stamp().unwrap();
        store.record_return_sent(HOUSING, stamp, 5).unwrap();
        store.record_return_sent(DEVELOPMENT, stamp, 6).unwrap();
        let outcome = store
            .collect_return(&ReturnInput {
                department: "湖南省住房和城乡建设厅".into(),
                stamp,
                digest: "0".into(),
                items: Vec::new(),
                milestones: Vec::new(),
            })
            .unwrap();
        assert_eq!(outcome.change, None);
    }
    let (mut app_zh, mut store) = app(&path, "alice", Lang::Zh);
    keys(&mut app_zh, &mut store, "5");
    let text = screen_text(&render(&app_zh, 120, 30));
    assert!(
        text.contains(&format!("报表：未交 1/2：{DEVELOPMENT}；已交：{HOUSING}")),
        "{text}"
    );
    let (mut app_en, mut store) = app(&path, "alice", Lang::En);
    keys(&mut app_en, &mut store, "5");
    let text = screen_text(&render(&app_en, 120, 30));
    assert!(
        text.contains(&format!(
            "Returns missing 1/2: {DEVELOPMENT}; in: {HOUSING}"
        )),
        "{text}"
    );
    // Nothing sent: the screen is as it was (no returns line).
    let (mut plain, mut store) = app(&dir.path().join("q.db"), "alice", Lang::Zh);
    keys(&mut plain, &mut store, "5");
    assert!(!screen_text(&render(&plain, 120, 30)).contains("报表"));
}

/// A department that sends a corrected workbook of the same export: its earlier return is
/// no conflict, someone else's change still is.
#[test]
fn a_corrected_return_overrides_the_first_but_not_others_changes() {
    let db = Db::new();
    let housing = lead_items(&db, HOUSING);
    let exported = db.dir.path().join("exported.xlsx");
    db.ok([
        "returns",
        "export",
        "--dept",
        HOUSING,
        "-o",
        exported.to_str().unwrap(),
    ]);
    let out = db
        .as_user("bob")
        .args(["set", &housing[1].to_string(), "--progress", "30"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let fill = |name: &str, progress: f64| {
        let mut book = Book::open(&exported);
        for id in [housing[0], housing[1]] {
            let row = book.row_where("事项", "ID", &Cell::Number(id as f64));
            book.set("事项", row, "进度(%)", Cell::Number(progress));
        }
        let path = db.dir.path().join(name);
        book.save(&path);
        path
    };
    let first = fill("first.xlsx", 40.0);
    let second = fill("second.xlsx", 50.0);
    let out = db.ok([
        "--lang",
        "en",
        "returns",
        "collect",
        first.to_str().unwrap(),
    ]);
    assert!(out.contains("progress: 0 → 40"), "{out}");
    let out = db.ok([
        "--lang",
        "en",
        "returns",
        "collect",
        second.to_str().unwrap(),
    ]);
    assert!(out.contains("progress: 40 → 50"), "{out}");
    assert!(out.contains("was changed by bob"), "{out}");
    assert_eq!(db.show(housing[0])["progress"], 50);
    assert_eq!(db.show(housing[1])["progress"], 30);
}
