//! Exports read back: the workbook with calamine (sheets, header, cells, the fill colour of
//! a red light), the CSV with the csv crate (BOM, Chinese, RFC 4180 quoting of a comma, a
//! quote and a line break, formula neutralising), the Markdown brief and the JSON — on a
//! database whose tracking data is set through the store API.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use plantrack::plan::Role;
use plantrack::report::export::{Export, Format, collect, write};
use plantrack::report::listing::CSV_AS_OF;

/// The headers of the item list in the files, as a reader of the file sees them.
const ITEM_COLUMNS: [&str; 23] = [
    "ID",
    "规划",
    "章节",
    "专栏",
    "编号",
    "标题",
    "牵头单位",
    "配合单位",
    "负责人",
    "状态",
    "进度(%)",
    "序时进度(%)",
    "进度评价",
    "预警灯",
    "逾期节点",
    "下个节点日期",
    "下个节点",
    "最新备注",
    "项目阶段",
    "总投资(亿元)",
    "年度计划投资(亿元)",
    "年度完成投资(亿元)",
    "投资完成率(%)",
];
use plantrack::report::xlsx::light_color;
use plantrack::store::{ItemEdit, ItemQuery, Store};
use plantrack::text::sanitize::clean_imported;
use plantrack::track::Light;
use std::io::Cursor;

/// An owner with every character CSV must quote.
const AWKWARD_OWNER: &str = "王五, \"老王\"\n第二行";
/// An owner a spreadsheet would read as a formula.
const FORMULA_OWNER: &str = "=HYPERLINK(\"http://example.invalid\",\"点我\")";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn item_id(store: &Store, plan: &str, title: &str) -> i64 {
    let filter = ItemQuery {
        plan: Some(plan.into()),
        ..ItemQuery::default()
    };
    store
        .list(&filter, today())
        .unwrap()
        .into_iter()
        .find(|r| r.title == title)
        .unwrap_or_else(|| panic!("no item {title}"))
        .id
}

/// Progress 30 through the store, and `owner` written straight into the file: a line break
/// is refused at the store's door, but a database written by an older version or another
/// tool may hold one, and exports must cope.
fn set_owner(store: &mut Store, id: i64, owner: &str) {
    let stamp = store.stamp().unwrap();
    let edit = ItemEdit {
        progress: Some(30),
        ..ItemEdit::default()
    };
    store.edit_item(id, Some(stamp), &edit).unwrap();
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    conn.execute(
        "UPDATE item SET owner = ?1 WHERE id = ?2",
        rusqlite::params![owner, id],
    )
    .unwrap();
}

/// 棚户区改造 (hn-czh-14) has a plan milestone due 2025-12-31: red at 2026-11-23.
struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    red: i64,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("track.db"), "alice").unwrap();
    let red = item_id(&store, "hn-czh-14", "棚户区改造");
    set_owner(&mut store, red, AWKWARD_OWNER);
    store
        .set_department(red, "省住房城乡建设厅", Role::Lead, None)
        .unwrap();
    store.add_note(red, "已完成 3 个片区的摸底").unwrap();
    let other = item_id(&store, "hn-czh-14", "老旧小区改造");
    set_owner(&mut store, other, FORMULA_OWNER);
    Fixture {
        _dir: dir,
        store,
        red,
    }
}

fn export_of(store: &Store, filter: &ItemQuery) -> Export {
    collect(store, filter, today(), "全部事项").unwrap()
}

fn bytes(format: Format, export: &Export) -> Vec<u8> {
    let mut out = Vec::new();
    write(format, export, &mut out).unwrap();
    out
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

#[test]
fn workbook_has_items_rollups_notes_and_coloured_lights() {
    let f = fixture();
    let export = export_of(&f.store, &ItemQuery::default());
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes(Format::Xlsx, &export))).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "事项",
            "按规划",
            "按章节",
            "按牵头单位",
            "按配合单位",
            "按负责人",
            "说明"
        ]
    );

    let items = book.worksheet_range("事项").unwrap();
    let header: Vec<String> = (0..ITEM_COLUMNS.len() as u32)
        .map(|c| text(items.get_value((0, c))))
        .collect();
    assert_eq!(header, ITEM_COLUMNS);
    assert_eq!(items.height(), export.items.len() + 1);
    let col = |name: &str| ITEM_COLUMNS.iter().position(|c| *c == name).unwrap() as u32;
    let row = (1..items.height() as u32)
        .find(|r| text(items.get_value((*r, col("标题")))) == "棚户区改造")
        .expect("the red item is listed");
    assert_eq!(
        items.get_value((row, col("ID"))),
        Some(&Data::Float(f.red as f64))
    );
    assert_eq!(
        text(items.get_value((row, col("规划")))),
        "湖南“十四五”新型城镇化规划"
    );
    assert_eq!(text(items.get_value((row, col("负责人")))), AWKWARD_OWNER);
    assert_eq!(
        text(items.get_value((row, col("牵头单位")))),
        "省住房城乡建设厅"
    );
    assert_eq!(text(items.get_value((row, col("预警灯")))), "红");
    assert_eq!(
        items.get_value((row, col("进度(%)"))),
        Some(&Data::Float(0.3))
    );
    assert!(text(items.get_value((row, col("最新备注")))).contains("已完成 3 个片区的摸底"));
    assert!(matches!(
        items.get_value((row, col("下个节点日期"))),
        Some(Data::DateTime(_))
    ));

    let styles = book.worksheet_style("事项").unwrap();
    let fill = styles
        .get((row, col("预警灯")))
        .and_then(|s| s.fill.as_ref())
        .and_then(|f| f.get_color())
        .expect("the light cell is filled");
    assert_eq!(fill.to_argb() & 0xFF_FFFF, light_color(Light::Red));

    let owners = book.worksheet_range("按负责人").unwrap();
    assert_eq!(text(owners.get_value((0, 0))), "负责人");
    let owner_rows: Vec<String> = (1..owners.height() as u32)
        .map(|r| text(owners.get_value((r, 0))))
        .collect();
    assert!(
        owner_rows.iter().any(|o| o == AWKWARD_OWNER),
        "{owner_rows:?}"
    );
    assert!(owner_rows.iter().any(|o| o == "合计"));
    assert!(owner_rows.iter().any(|o| o.contains("截至 2026-11-23")));

    let chapters = book.worksheet_range("按章节").unwrap();
    assert_eq!(text(chapters.get_value((0, 1))), "章节");
    assert!((1..chapters.height() as u32).any(|r| {
        text(chapters.get_value((r, 0))) == "湖南“十四五”新型城镇化规划"
            && text(chapters.get_value((r, 1))) == "第四章 建设面向未来的现代化城市"
    }));

    let notes = book.worksheet_range("说明").unwrap();
    let all: Vec<String> = notes.rows().flatten().map(|c| text(Some(c))).collect();
    assert!(all.iter().any(|c| c == "2026-11-23"), "{all:?}");
    assert!(
        all.iter()
            .any(|c| c.contains("预警灯") && c.contains("红灯"))
    );
    assert!(all.iter().any(|c| c.contains("序时进度")));
}

#[test]
fn csv_has_bom_crlf_quoting_and_no_formulas() {
    let f = fixture();
    let export = export_of(&f.store, &ItemQuery::default());
    let raw = bytes(Format::Csv, &export);
    assert!(raw.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM");
    let body = std::str::from_utf8(&raw[3..]).unwrap();
    assert!(
        body.split('\n').next().unwrap().ends_with('\r'),
        "CRLF records"
    );

    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let mut expected: Vec<&str> = ITEM_COLUMNS.to_vec();
    expected.push(CSV_AS_OF);
    assert_eq!(headers, expected);
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), export.items.len());
    assert!(records.iter().all(|r| &r[col(CSV_AS_OF)] == "2026-11-23"));

    let red = records
        .iter()
        .find(|r| &r[col("标题")] == "棚户区改造")
        .unwrap();
    assert_eq!(
        &red[col("负责人")],
        AWKWARD_OWNER,
        "comma, quotes and line break survive"
    );
    assert_eq!(&red[col("规划")], "湖南“十四五”新型城镇化规划");
    assert_eq!(&red[col("预警灯")], "红");
    assert_eq!(&red[col("进度(%)")], "30");
    let formula = records
        .iter()
        .find(|r| &r[col("标题")] == "老旧小区改造")
        .unwrap();
    assert_eq!(formula[col("负责人")], format!("'{FORMULA_OWNER}"));
    for record in &records {
        for cell in record {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
}

#[test]
fn brief_names_what_is_late_and_states_the_rules() {
    let f = fixture();
    let export = export_of(&f.store, &ItemQuery::default());
    let md = String::from_utf8(bytes(Format::Markdown, &export)).unwrap();
    assert!(
        md.starts_with("# 规划实施进展简报（截至 2026-11-23）"),
        "{md}"
    );
    assert!(md.contains("### 湖南“十四五”新型城镇化规划"));
    assert!(md.contains("| 第四章 建设面向未来的现代化城市 |"));
    let late = &md[md.find("## 滞后事项").unwrap()..md.find("## 统计口径").unwrap()];
    let line = late
        .lines()
        .find(|l| l.contains("棚户区改造"))
        .expect("listed as late");
    assert!(line.contains("牵头：省住房城乡建设厅"), "{line}");
    assert!(
        late.contains("（截止 2025-12-31，已逾期 327 天）"),
        "{late}"
    );
    let rules = &md[md.find("## 统计口径").unwrap()..];
    assert!(rules.contains("数据截至 2026-11-23"));
    assert!(rules.contains("欠进度且落后序时进度超过10个百分点为黄灯"));
    // The owner's line break does not break the list.
    assert!(!md.contains("\n第二行"));
}

#[test]
fn json_carries_as_of_rules_items_and_summaries() {
    let f = fixture();
    let filter = ItemQuery {
        plan: Some("hn-czh-14".into()),
        filter: plantrack::track::filter::Filter {
            light: Some(Light::Red),
            ..Default::default()
        },
        ..ItemQuery::default()
    };
    let export = export_of(&f.store, &filter);
    let json: serde_json::Value = serde_json::from_slice(&bytes(Format::Json, &export)).unwrap();
    assert_eq!(json["as_of"], "2026-11-23");
    assert!(json["rules"].as_str().unwrap().contains("预警灯"));
    let items = json["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|i| i["plan_key"] == "hn-czh-14" && i["health"]["light"] == "red")
    );
    let red = items.iter().find(|i| i["id"] == f.red).unwrap();
    assert_eq!(red["owner"], AWKWARD_OWNER);
    assert_eq!(red["overdue_milestones"][0]["due"], "2025-12-31");
    for by in [
        "plan",
        "chapter",
        "lead_department",
        "co_department",
        "owner",
    ] {
        let total = &json["summaries"][by]["total"];
        assert_eq!(total["items"], items.len(), "{by}");
    }
}

#[test]
fn control_characters_written_past_the_store_do_not_reach_any_export() {
    let f = fixture();
    // Written with SQL, past the store's cleaning of typed text.
    let hostile = "张\u{1b}[31m三\u{202e}\u{7}\u{200b}";
    let conn = rusqlite::Connection::open(f.store.path()).unwrap();
    conn.execute(
        "UPDATE item SET owner = ?1 WHERE id = ?2",
        rusqlite::params![hostile, f.red],
    )
    .unwrap();
    drop(conn);
    let clean = clean_imported(hostile).text;
    assert!(clean.contains('张') && clean.contains('三'));
    let export = export_of(&f.store, &ItemQuery::default());
    for format in [Format::Csv, Format::Markdown, Format::Json] {
        let out = String::from_utf8(bytes(format, &export)).unwrap();
        assert!(out.contains(&clean), "{format:?}");
        assert!(!out.contains(hostile), "{format:?}");
        for c in ['\u{1b}', '\u{202e}', '\u{7}', '\u{200b}'] {
            assert!(!out.contains(c), "{format:?}");
            assert!(!out.contains(&format!("\\u{:04x}", c as u32)), "{format:?}");
        }
    }
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes(Format::Xlsx, &export))).unwrap();
    let items = book.worksheet_range("事项").unwrap();
    assert!(
        items
            .rows()
            .flatten()
            .all(|c| !text(Some(c)).contains('\u{1b}'))
    );
}
