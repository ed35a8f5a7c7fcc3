//! `plantrack report`: the period report's figures checked against a hand-built history
//! (every change made on a known day through the built binary), and the .xlsx (calamine),
//! .docx (zip + quick-xml) and Markdown read back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli::Db;
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read};

const TODAY: &str = "2026-12-03";
/// Two departments the seed plans give no items, so their groups hold only ours.
const A: &str = "省体育局";
const B: &str = "省信访局";

fn milestone(db: &Db, item: i64, title: &str) -> String {
    let shown = db.show(item);
    let m = shown["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == title)
        .unwrap_or_else(|| panic!("no milestone {title}"));
    format!("M{}", m["id"])
}

/// The fixture. Items #1 and #2 led by A, #3 by B. The periods: November 2026, and
/// October before it. By hand:
///
/// | | A Nov | A Oct | B Nov | B Oct |
/// |---|---|---|---|---|
/// | progress start → end | 20 → 65 | 5 → 20 | 30 → 30 | 20 → 30 |
/// | completed | 1 (#1) | 0 | 0 | 0 |
/// | newly red / overdue | 1 / 1 (#2) | 0 / 0 | 0 / 0 | 1 / 1 (#3) |
/// | milestones due; met, extended, missed | 2; 1, 0, 1 | 1; 1, 0, 0 | 1; 0, 1, 0 | 1; 0, 0, 1 |
/// | notes | 2 | 0 | 0 | 1 |
fn fixture() -> Db {
    let db = Db::new();
    let d = "2026-09-30";
    // Their own due dates: the plan's period (to 2025) has ended, which alone makes an
    // item red.
    for item in ["1", "2", "3"] {
        db.on(d, &["set", item, "--due", "2027-12-31"]);
    }
    db.on(d, &["dept", "1", "--lead", A]);
    db.on(d, &["dept", "2", "--lead", A]);
    db.on(d, &["dept", "3", "--lead", B]);
    db.on(
        d,
        &["set", "1", "--status", "in_progress", "--progress", "10"],
    );
    db.on(
        d,
        &["set", "3", "--status", "in_progress", "--progress", "20"],
    );
    for (item, due, title) in [
        ("1", "2026-10-15", "a 方案编制"),
        ("1", "2026-11-10", "b 开工"),
        ("2", "2026-11-20", "c 立项"),
        ("3", "2026-11-15", "d 招标"),
        ("3", "2026-10-20", "e 选址"),
    ] {
        db.on(d, &["milestone", "add", item, "--due", due, title]);
    }
    let (ma, mb) = (milestone(&db, 1, "a 方案编制"), milestone(&db, 1, "b 开工"));
    let md = milestone(&db, 3, "d 招标");
    db.on("2026-10-14", &["milestone", "done", &ma]);
    db.on("2026-10-14", &["set", "1", "--progress", "40"]);
    db.on("2026-10-20", &["set", "3", "--progress", "30"]);
    db.on("2026-10-20", &["note", "3", "资金申请中"]);
    db.on(
        "2026-11-05",
        &["set", "1", "--status", "done", "--progress", "100"],
    );
    db.on("2026-11-05", &["note", "1", "已完工"]);
    db.on("2026-11-08", &["milestone", "done", &mb]);
    db.on(
        "2026-11-12",
        &[
            "milestone",
            "extend",
            &md,
            "--to",
            "2026-12-20",
            "--reason",
            "资金未到位",
        ],
    );
    db.on(
        "2026-11-25",
        &["set", "2", "--status", "in_progress", "--progress", "30"],
    );
    db.on("2026-11-25", &["note", "2", "推进中"]);
    db
}

fn report(db: &Db, file: &str) -> Vec<u8> {
    let path = db.dir.path().join(file);
    let out = db.on(
        TODAY,
        &[
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.contains("2026-10-01 to 2026-10-31"), "{out}");
    std::fs::read(path).unwrap()
}

/// A figures sheet as (group → header → number).
fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Vec<(String, Vec<(String, f64)>)> {
    let range = book.worksheet_range(name).unwrap();
    let mut rows = range.rows();
    let headers: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    rows.map(|row| {
        let label = row[0].to_string();
        let values = headers[1..]
            .iter()
            .zip(&row[1..])
            .map(|(h, c)| match c {
                Data::Float(f) => (h.clone(), *f),
                Data::Int(i) => (h.clone(), *i as f64),
                other => panic!("{h}: not a number: {other:?}"),
            })
            .collect();
        (label, values)
    })
    .collect()
}

fn value(rows: &[(String, Vec<(String, f64)>)], group: &str, header: &str) -> f64 {
    let (_, values) = rows
        .iter()
        .find(|(label, _)| label == group)
        .unwrap_or_else(|| panic!("no row {group}"));
    values
        .iter()
        .find(|(h, _)| h == header)
        .unwrap_or_else(|| panic!("no column {header}"))
        .1
}

#[test]
fn xlsx_figures_match_the_hand_built_history() {
    let db = fixture();
    let bytes = report(&db, "月报.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "总体情况",
            "分单位",
            "分章节",
            "到期节点",
            "进展备注",
            "附件-滞后事项"
        ]
    );
    let rows = sheet(&mut book, "分单位");
    for (header, v) in [
        ("事项数", 2.0),
        ("期初进度(%)", 20.0),
        ("期末进度(%)", 65.0),
        ("进度提高(百分点)", 45.0),
        ("上期进度提高(百分点)", 15.0),
        ("完成事项", 1.0),
        ("上期完成事项", 0.0),
        ("新增红灯", 1.0),
        ("上期新增红灯", 0.0),
        ("新增逾期", 1.0),
        ("上期新增逾期", 0.0),
        ("到期节点", 2.0),
        ("上期到期节点", 1.0),
        ("节点完成", 1.0),
        ("上期节点完成", 1.0),
        ("节点延期", 0.0),
        ("上期节点延期", 0.0),
        ("节点逾期未完成", 1.0),
        ("上期节点逾期未完成", 0.0),
        ("进展备注", 2.0),
        ("上期进展备注", 0.0),
    ] {
        assert_eq!(value(&rows, A, header), v, "{A} {header}");
    }
    for (header, v) in [
        ("事项数", 1.0),
        ("期初进度(%)", 30.0),
        ("期末进度(%)", 30.0),
        ("进度提高(百分点)", 0.0),
        ("上期进度提高(百分点)", 10.0),
        ("新增红灯", 0.0),
        ("上期新增红灯", 1.0),
        ("新增逾期", 0.0),
        ("上期新增逾期", 1.0),
        ("到期节点", 1.0),
        ("节点延期", 1.0),
        ("节点逾期未完成", 0.0),
        ("上期到期节点", 1.0),
        ("上期节点逾期未完成", 1.0),
        ("进展备注", 0.0),
        ("上期进展备注", 1.0),
    ] {
        assert_eq!(value(&rows, B, header), v, "{B} {header}");
    }
    // The departments are sorted by name, the items without a lead last, then the total.
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(labels.last(), Some(&"合计"));
    assert_eq!(labels[labels.len() - 2], "（未指定牵头单位）");
    // The total counts the period's notes and completed items of every group.
    assert_eq!(value(&rows, "合计", "进展备注"), 2.0);
    assert_eq!(value(&rows, "合计", "完成事项"), 1.0);

    // By chapter: #1–#3 share the first chapter of the first plan.
    let chapters = sheet(&mut book, "分章节");
    assert!(
        chapters[0]
            .0
            .starts_with("湖南“十四五”新型城镇化规划 / 第二章"),
        "{}",
        chapters[0].0
    );

    // The milestones due, with the reason of the extension.
    let due = book.worksheet_range("到期节点").unwrap();
    let lines: Vec<Vec<String>> = due
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let d = lines.iter().find(|r| r[3] == "d 招标").unwrap();
    assert_eq!(d[4], "2026-11-15");
    assert_eq!(d[5], "2026-12-20");
    assert_eq!(d[7], "延期");
    assert!(d[8].contains("资金未到位"), "{d:?}");
    let c = lines.iter().find(|r| r[3] == "c 立项").unwrap();
    assert_eq!(c[7], "逾期未完成");
    assert!(
        !lines.iter().any(|r| r[3] == "e 选址"),
        "due in October, not November"
    );

    // The annex lists #2 and #3 (red at the end), not #1 (done), in the item list's columns.
    let late = book.worksheet_range("附件-滞后事项").unwrap();
    let mut rows = late.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
    assert_eq!(
        header,
        [
            "ID",
            "标题",
            "牵头单位",
            "负责人",
            "进度(%)",
            "序时进度(%)",
            "预警灯",
            "逾期节点",
            "下个节点日期"
        ]
    );
    let ids: Vec<String> = rows.map(|r| r[0].to_string()).collect();
    assert!(
        ids.contains(&"2".to_string()) && ids.contains(&"3".to_string()),
        "{ids:?}"
    );
    assert!(!ids.contains(&"1".to_string()));
}

/// The paragraphs of a .docx, each the text of its runs; table cells are paragraphs too.
fn docx_paragraphs(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "docProps/core.xml",
        "word/footer1.xml",
    ] {
        assert!(zip.by_name(part).is_ok(), "{part} missing");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            quick_xml::events::Event::Text(t) if in_text => {
                current.push_str(&t.xml10_content());
            }
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name: String = r.chars().collect();
                current.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("entity {other}"),
                });
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:p" => {
                paragraphs.push(std::mem::take(&mut current));
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    paragraphs
}

#[test]
fn docx_reads_back_as_a_report_to_send_upward() {
    let db = fixture();
    let paragraphs = docx_paragraphs(&report(&db, "月报.docx"));
    let at = |text: &str| {
        paragraphs
            .iter()
            .position(|p| p == text)
            .unwrap_or_else(|| panic!("no paragraph {text:?} in {paragraphs:#?}"))
    };
    assert_eq!(paragraphs[0], "规划实施进展报告");
    assert_eq!(paragraphs[1], "（2026年11月1日至11月30日）");
    assert_eq!(paragraphs[2], "编制日期：2026年12月3日");
    let summary = &paragraphs[at("一、总体情况") + 1];
    assert!(
        summary.starts_with("本期（2026年11月1日至11月30日）共跟踪事项")
            && summary.contains("完成事项1项（上期0项）"),
        "{summary}"
    );
    // The department table: a row is its cells in order, 本期（上期）.
    let row = at(A);
    assert_eq!(
        &paragraphs[row..row + 13],
        [
            A,
            "2",
            "20.0",
            "65.0",
            "45.0（15.0）",
            "1（0）",
            "1（0）",
            "1（0）",
            "2（1）",
            "1（1）",
            "0（0）",
            "1（0）",
            "2（0）"
        ]
    );
    assert!(at("二、分单位情况") < row && row < at("三、分章节情况"));
    assert!(at("四、本期到期节点") < at("2026-11-15 → 2026-12-20：资金未到位"));
    let annex = at("附件：滞后事项清单");
    assert!(
        paragraphs[annex..]
            .iter()
            .any(|p| p == "打造国家综合交通物流枢纽")
    );
}

#[test]
fn markdown_to_stdout_and_errors() {
    let db = fixture();
    let md = db.on(
        TODAY,
        &[
            "report",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "-o",
            "-",
        ],
    );
    assert!(md.starts_with("# 规划实施进展报告\n"), "{md}");
    assert!(
        md.contains(&format!(
            "| {A} | 2 | 20.0 | 65.0 | 45.0（15.0） | 1（0） |"
        )),
        "{md}"
    );
    assert!(md.contains("## 附件：滞后事项清单"));

    let err = db.fails([
        "report",
        "--from",
        "2026-11-30",
        "--to",
        "2026-11-01",
        "-o",
        "-",
    ]);
    assert!(err.contains("before --from"), "{err}");
    let err = db.fails([
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "-o",
        "x.txt",
    ]);
    assert!(err.contains("--format"), "{err}");
    let err = db.fails([
        "report",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-31",
        "-o",
        "-",
    ]);
    assert!(err.contains("--to") && err.contains("YYYY-MM-DD"), "{err}");
}
