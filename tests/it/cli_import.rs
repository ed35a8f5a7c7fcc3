//! The command a user runs: `plantrack import --dry-run [--json] FILE...`, end to end through
//! the built binary: JSON shape, encodings named, clear refusals, long lines, terminal safety.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use serde_json::Value;
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use support::{HN_15TH_FYP, HN_ACTION_2024, HN_CZH_14, HN_CZH_14_HANT, ZZ_CZH_14, seed_path};

const ACTION_TITLE: &str = "湖南省深入推进以人为本的新型城镇化战略五年行动计划实施方案";
const ACTION_DOC_NUMBER: &str = "湘政发〔2024〕15号";

/// Traditional-only characters, all frequent in the traditional rendition (003) and absent
/// from every simplified seed text: none may reach the (simplified) display text.
const TRADITIONAL_ONLY: &str = "規劃鎮區業設發動進體產務農長縣強實鄉國資為機經創轉現與聯開點";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn plantrack<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .args(args)
        .env_remove("PLANTRACK_DB")
        .output()
        .expect("run plantrack")
}

fn dry_run(json: bool, files: &[&Path]) -> Output {
    let mut args: Vec<OsString> = vec!["import".into(), "--dry-run".into()];
    if json {
        args.push("--json".into());
    }
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    plantrack(args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit 0, nothing alarming on stderr.
fn assert_success(out: &Output, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{what}: expected exit 0\nstderr: {}",
        stderr(out)
    );
    assert!(
        !stderr(out).contains("panicked"),
        "{what}: stderr: {}",
        stderr(out)
    );
}

/// The whole of stdout is exactly one JSON object whose only key is "plans".
fn parse_report(out: &Output, what: &str) -> Value {
    assert_success(out, what);
    let text = stdout(out);
    let value: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{what}: stdout is not one JSON value: {e}\n{text}"));
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not a JSON object"));
    let keys: Vec<&String> = object.keys().collect();
    assert_eq!(keys, ["plans"], "{what}: top-level keys");
    assert!(value["plans"].is_array(), "{what}: plans is not an array");
    value
}

fn plans(report: &Value) -> &Vec<Value> {
    report["plans"].as_array().expect("plans array")
}

/// Every string in a JSON value (object keys included).
fn collect_strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                collect_strings(v, out);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn all_strings(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    collect_strings(value, &mut out);
    out
}

fn assert_keys(value: &Value, keys: &[&str], what: &str) {
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{what} is not an object: {value}"));
    for key in keys {
        assert!(
            object.contains_key(*key),
            "{what} lacks key {key:?}: has {:?}",
            object.keys().collect::<Vec<_>>()
        );
    }
}

/// A refusal: exit 1, nothing on stdout, stderr names the file and holds every `reasons`
/// fragment, and no panic.
fn assert_refused(out: &Output, file_label: &str, reasons: &[&str]) -> String {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{file_label}: expected exit 1\nstdout: {}\nstderr: {err}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        !err.contains("panicked"),
        "{file_label}: panic on stderr: {err}"
    );
    assert!(
        out.stdout.is_empty(),
        "{file_label}: stdout should be empty, got {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        err.contains(file_label),
        "{file_label}: stderr does not name the file: {err}"
    );
    for reason in reasons {
        assert!(
            err.contains(reason),
            "{file_label}: stderr lacks {reason:?}: {err}"
        );
    }
    err
}

/// The reason (after "cannot import: ") is said once, not repeated by the error chain.
fn assert_reason_not_repeated(err: &str, marker: &str) {
    let count = err.matches(marker).count();
    assert_eq!(
        count, 1,
        "the reason {marker:?} is printed {count} times in one message: {err}"
    );
}

fn seed_text(name: &str) -> String {
    std::fs::read_to_string(seed_path(name)).expect("seed text")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

/// Deterministic pseudo-random bytes (xorshift64*).
fn pseudo_random(len: usize, mut state: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let word = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.truncate(len);
    out
}

// ---------------------------------------------------------------------------------------
// 1. All five seed files, JSON
// ---------------------------------------------------------------------------------------

#[test]
fn all_seed_files_json_is_one_object_with_four_plans() {
    // The traditional rendition comes before its simplified twin on purpose: the simplified
    // file must still be primary.
    let files: Vec<PathBuf> = [
        HN_15TH_FYP,
        HN_CZH_14_HANT,
        HN_ACTION_2024,
        HN_CZH_14,
        ZZ_CZH_14,
    ]
    .iter()
    .map(|n| seed_path(n))
    .collect();
    let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let report = parse_report(&dry_run(true, &refs), "five seed files");
    let plans = plans(&report);
    assert_eq!(
        plans.len(),
        4,
        "titles: {:?}",
        plans.iter().map(|p| &p["title"]).collect::<Vec<_>>()
    );

    // The 14th-FYP plan: two renditions merged, simplified primary, all 14 box titles kept.
    let merged: Vec<&Value> = plans
        .iter()
        .filter(|p| p["sources"].as_array().is_some_and(|s| s.len() == 2))
        .collect();
    assert_eq!(merged.len(), 1, "exactly one plan has two sources");
    let merged = merged[0];
    let sources: Vec<&str> = merged["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().expect("source is a string"))
        .collect();
    assert!(
        sources[0].ends_with(HN_CZH_14),
        "primary source should be the simplified file: {sources:?}"
    );
    assert!(sources[1].ends_with(HN_CZH_14_HANT), "{sources:?}");
    let boxes = merged["boxes"].as_array().expect("boxes");
    assert_eq!(boxes.len(), 14, "14th-FYP urbanization plan boxes");
    for b in boxes {
        assert!(
            b["title"].is_string(),
            "专栏{} has no title after merging: {}",
            b["number"],
            b["title"]
        );
    }
    // The other plans each come from one file.
    for p in plans.iter().filter(|p| !std::ptr::eq(*p, merged)) {
        assert_eq!(
            p["sources"].as_array().map(Vec::len),
            Some(1),
            "{}",
            p["title"]
        );
    }

    // Shape: the field names scripts rely on.
    for plan in plans {
        let title = plan["title"].as_str().unwrap_or("?");
        assert_keys(
            plan,
            &[
                "title",
                "issuer",
                "doc_number",
                "issued_on",
                "outline",
                "boxes",
                "tasks",
                "indicators",
                "glossary",
            ],
            &format!("plan {title}"),
        );
        for b in plan["boxes"].as_array().expect("boxes") {
            let what = format!("{title} 专栏{}", b["number"]);
            assert_keys(b, &["number", "title", "chapter", "kind", "items"], &what);
            for item in b["items"].as_array().expect("items") {
                assert_keys(
                    item,
                    &["number", "group", "title", "body", "deadlines"],
                    &format!("{what} item"),
                );
            }
        }
        for task in plan["tasks"].as_array().expect("tasks") {
            let what = format!("{title} task {}", task["number"]);
            assert_keys(
                task,
                &["number", "group", "title", "body", "departments"],
                &what,
            );
            for d in task["departments"].as_array().expect("departments") {
                assert_keys(d, &["name", "role"], &format!("{what} department"));
                let role = d["role"].as_str();
                assert!(
                    role == Some("lead") || role == Some("co"),
                    "{what}: role {}",
                    d["role"]
                );
            }
        }
        for indicator in plan["indicators"].as_array().expect("indicators") {
            assert_keys(
                indicator,
                &["box", "name", "unit", "baseline", "target", "attribute"],
                &format!("{title} indicator {}", indicator["name"]),
            );
        }
    }
    // Something of each kind was found overall, so the shape checks above bite.
    let total = |key: &str| -> usize {
        plans
            .iter()
            .map(|p| p[key].as_array().map_or(0, Vec::len))
            .sum()
    };
    assert!(total("boxes") > 0 && total("tasks") > 0 && total("indicators") > 0);
    let items: usize = plans
        .iter()
        .flat_map(|p| p["boxes"].as_array().unwrap())
        .map(|b| b["items"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(items > 0, "no box items at all");

    // Display text is simplified everywhere.
    let hant = seed_text(HN_CZH_14_HANT);
    for c in TRADITIONAL_ONLY.chars() {
        assert!(hant.contains(c), "{c} should occur in the traditional seed");
    }
    for s in all_strings(&report) {
        if let Some(c) = s.chars().find(|c| TRADITIONAL_ONLY.contains(*c)) {
            panic!("traditional character {c} in display text: {s:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// 2. Text mode names the encoding; CRLF is the same as LF
// ---------------------------------------------------------------------------------------

#[test]
fn text_mode_names_gb18030_utf8_and_utf16le() {
    let dir = tempfile::tempdir().unwrap();
    let original = seed_text(HN_ACTION_2024);

    let (gb, _, lossy) = encoding_rs::GB18030.encode(&original);
    assert!(!lossy, "the seed text is representable in GB18030");
    let gb_path = write(dir.path(), "action-gb18030.txt", &gb);

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in original.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let utf16_path = write(dir.path(), "action-utf16le.txt", &utf16);

    let cases: [(&Path, &str); 3] = [
        (&gb_path, "GB18030"),
        (&seed_path(HN_ACTION_2024), "UTF-8"),
        (&utf16_path, "UTF-16LE"),
    ];
    for (path, encoding) in cases {
        let out = dry_run(false, &[path]);
        assert_success(&out, encoding);
        let text = stdout(&out);
        assert!(
            text.contains(encoding),
            "{encoding}: report does not name it:\n{text}"
        );
        assert!(
            text.contains(ACTION_TITLE),
            "{encoding}: title missing:\n{text}"
        );
        assert!(
            text.contains(ACTION_DOC_NUMBER),
            "{encoding}: document number missing:\n{text}"
        );
    }
    // The UTF-8 original is not reported as one of the others.
    let text = stdout(&dry_run(false, &[&seed_path(HN_ACTION_2024)]));
    assert!(
        !text.contains("GB18030") && !text.contains("UTF-16"),
        "{text}"
    );
}

#[test]
fn crlf_copy_gives_the_same_tasks_as_lf() {
    let dir = tempfile::tempdir().unwrap();
    let original = seed_text(HN_ACTION_2024);
    assert!(!original.contains('\r'), "the seed is LF");
    let crlf = original.replace('\n', "\r\n");
    let crlf_path = write(dir.path(), "action-crlf.txt", crlf.as_bytes());

    let lf = parse_report(&dry_run(true, &[&seed_path(HN_ACTION_2024)]), "LF");
    let cr = parse_report(&dry_run(true, &[&crlf_path]), "CRLF");
    let lf_tasks = &lf["plans"][0]["tasks"];
    assert!(
        lf_tasks.as_array().is_some_and(|t| !t.is_empty()),
        "the action plan has tasks"
    );
    assert_eq!(lf_tasks, &cr["plans"][0]["tasks"]);
    assert_eq!(lf["plans"][0]["title"], cr["plans"][0]["title"]);
}

// ---------------------------------------------------------------------------------------
// 3. Clear refusals
// ---------------------------------------------------------------------------------------

#[test]
fn empty_file_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty-plan.txt", b"");
    let err = assert_refused(&dry_run(false, &[&path]), "empty-plan.txt", &["empty"]);
    assert_reason_not_repeated(&err, "the file is empty");
}

#[test]
fn binary_junk_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend(pseudo_random(64 * 1024, 0x9E37_79B9_7F4A_7C15));
    let path = write(dir.path(), "scan.png", &bytes);
    for json in [false, true] {
        let err = assert_refused(&dry_run(json, &[&path]), "scan.png", &["binary"]);
        assert_reason_not_repeated(&err, "looks like a binary file");
    }
}

#[test]
fn latin1_file_is_refused_with_a_way_out() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"Caf\xe9 cr\xe8me \xff\xfe br\xfbl\xe9e, na\xefve fa\xe7ade\n".repeat(40);
    let path = write(dir.path(), "latin1.txt", &bytes);
    let err = assert_refused(&dry_run(false, &[&path]), "latin1.txt", &[]);
    assert!(
        (err.contains("UTF-8") && err.contains("GB18030")) || err.contains("convert"),
        "the message should name the encodings tried or say to convert: {err}"
    );
    assert_reason_not_repeated(&err, "convert it to UTF-8");
}

#[test]
fn fifty_megabyte_file_is_refused_naming_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge-plan.txt");
    {
        let file = std::fs::File::create(&path).unwrap();
        let mut w = std::io::BufWriter::new(file);
        w.write_all("某市“十四五”测试规划\n\n第一章 总则\n".as_bytes())
            .unwrap();
        let line = "推进以人为本的新型城镇化，提升城市综合承载能力。\n".repeat(1000);
        let mut written = 0usize;
        while written < 50 * 1024 * 1024 {
            w.write_all(line.as_bytes()).unwrap();
            written += line.len();
        }
        w.flush().unwrap();
    }
    let err = assert_refused(&dry_run(true, &[&path]), "huge-plan.txt", &["16 MB"]);
    assert_reason_not_repeated(&err, "over the 16 MB limit");
}

#[test]
fn prose_without_a_title_imports_under_its_file_name_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let prose = "今天天气很好，我们去公园散步。\n公园里有很多人在锻炼身体。\n\
                 Some plain English prose, too.\n晚上回家吃饭。\n";
    let path = write(dir.path(), "diary.txt", prose.as_bytes());
    let report = parse_report(&dry_run(true, &[&path]), "diary.txt");
    let plan = &plans(&report)[0];
    assert_eq!(plan["title"], "diary");
    let warnings: Vec<&str> = plan["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["message"].as_str())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("no title found") && w.contains("diary")),
        "{warnings:?}"
    );
}

#[test]
fn missing_path_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-plan.txt");
    assert_refused(
        &dry_run(false, &[&path]),
        "no-such-plan.txt",
        &["cannot read"],
    );
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "blank.txt", b"  \n\n");
    let out = dry_run(true, &[&seed_path(HN_ACTION_2024), &empty]);
    assert_refused(&out, "blank.txt", &["empty"]);
}

#[test]
fn import_without_dry_run_refreshes_the_database_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let out = plantrack([
        OsStr::new("--db"),
        db.as_os_str(),
        OsStr::new("import"),
        seed_path(HN_ACTION_2024).as_os_str(),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    // The new database was seeded with the same plan: importing it again adds nothing.
    let text = stdout(&out);
    assert!(
        text.contains("湖南省深入推进以人为本的新型城镇化战略五年行动计划实施方案"),
        "{text}"
    );
    let store = plantrack::store::Store::open(&db, "checker").unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let tasks = store
        .list(
            &plantrack::store::ItemQuery {
                plan: Some("hn-czh-action-2024".into()),
                ..Default::default()
            },
            today,
        )
        .unwrap();
    assert_eq!(tasks.len(), 24);
}

// ---------------------------------------------------------------------------------------
// 4. A 10 MB single line
// ---------------------------------------------------------------------------------------

#[test]
fn ten_megabyte_line_is_cut_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("某市“十四五”测试规划\n\n第一章 总则\n");
    let unit = "推进新型城镇化建设提升城市品质";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(unit);
    }
    text.push('\n');
    let path = write(dir.path(), "one-long-line.txt", text.as_bytes());

    let started = Instant::now();
    let out = dry_run(true, &[&path]);
    let elapsed = started.elapsed();
    let report = parse_report(&out, "10 MB line");
    assert!(
        elapsed < Duration::from_secs(10),
        "a 10 MB line took {elapsed:?}"
    );
    let plans = plans(&report);
    assert_eq!(plans.len(), 1);
    assert_eq!(plans[0]["title"], "某市“十四五”测试规划");
    let warnings = plans[0]["warnings"].as_array().expect("warnings");
    let cut: Vec<&Value> = warnings
        .iter()
        .filter(|w| w["message"].as_str().is_some_and(|m| m.contains("cut")))
        .collect();
    assert_eq!(cut.len(), 1, "one warning about the cut line: {warnings:?}");
    assert_eq!(cut[0]["line"], 4, "the warning names line 4: {:?}", cut[0]);
    let longest = all_strings(&report)
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        longest <= plantrack::plan::MAX_LINE_CHARS,
        "a string of {longest} characters reached the report"
    );
}

// ---------------------------------------------------------------------------------------
// 5. Terminal safety of the report
// ---------------------------------------------------------------------------------------

const HOSTILE_ITEM: &str = "1．恶意\x1b]0;PWNED\x07工程。正文\x1b[2J内容\u{202E}反转。\n";
const HOSTILE_NAME: &str = "plan\x1b[31m.txt";

/// No ESC, BEL, RLO or C1 character in what the process wrote.
fn assert_terminal_clean(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1B), "{what}: ESC byte in output");
    assert!(!bytes.contains(&0x07), "{what}: BEL byte in output");
    let text = String::from_utf8_lossy(bytes);
    assert!(!text.contains('\u{202E}'), "{what}: U+202E in output");
    if let Some(c) = text.chars().find(|c| ('\u{80}'..='\u{9F}').contains(c)) {
        panic!("{what}: C1 control U+{:04X} in output", u32::from(c));
    }
    // Whatever a JSON reader decodes is terminal-safe too (serde escapes ESC as \u001b).
    if let Ok(value) = serde_json::from_str::<Value>(&text) {
        for s in all_strings(&value) {
            assert!(
                plantrack::text::sanitize::is_terminal_safe(s),
                "{what}: unsafe string in JSON: {s:?}"
            );
        }
    }
}

fn hostile_plan(padding_items: usize) -> String {
    let mut text = String::from("某市“十四五”测试规划\n\n第一章 总则\n\n专栏1 测试工程\n\n");
    text.push_str(HOSTILE_ITEM);
    for n in 2..2 + padding_items {
        text.push_str(&format!(
            "{n}．普通工程{n}。推进城镇老旧小区改造，完善基础设施和公共服务设施，提升居住品质。\n"
        ));
    }
    text
}

/// A realistic file (the hostile item among ordinary ones) under a hostile name: it imports,
/// the controls are gone from the model, and neither report writes a control to the terminal.
#[test]
fn hostile_text_and_file_name_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), HOSTILE_NAME, hostile_plan(20).as_bytes());

    let text_out = dry_run(false, &[&path]);
    assert_success(&text_out, "hostile, text mode");
    assert_terminal_clean(&text_out.stdout, "text stdout");
    assert_terminal_clean(&text_out.stderr, "text stderr");
    let text = stdout(&text_out);
    // Each removed escape sequence leaves one visible marker (〓); the RLO goes silently.
    assert!(text.contains("恶意〓工程"), "{text}");
    assert!(
        !text.contains("PWNED"),
        "the OSC payload is removed: {text}"
    );

    let json_out = dry_run(true, &[&path]);
    assert_terminal_clean(&json_out.stdout, "json stdout");
    assert_terminal_clean(&json_out.stderr, "json stderr");
    let report = parse_report(&json_out, "hostile, JSON");
    let plan = &plans(&report)[0];
    let item = &plan["boxes"][0]["items"][0];
    assert_eq!(item["title"], "恶意〓工程", "item: {item}");
    let body = item["body"].as_str().expect("body");
    assert!(body.contains("正文〓内容反转"), "body: {body:?}");
    let source = plan["sources"][0].as_str().expect("source");
    assert!(
        source.contains("plan") && source.ends_with(".txt"),
        "{source:?}"
    );
}

/// The brief's minimal file (one hostile line, nothing else) under the hostile name. Whether it
/// imports or is refused, nothing hostile reaches the terminal and there is no panic.
#[test]
fn minimal_hostile_file_is_safe_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), HOSTILE_NAME, hostile_plan(0).as_bytes());
    for json in [false, true] {
        let out = dry_run(json, &[&path]);
        let what = if json { "json" } else { "text" };
        assert_terminal_clean(&out.stdout, &format!("minimal {what} stdout"));
        assert_terminal_clean(&out.stderr, &format!("minimal {what} stderr"));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        assert!(matches!(out.status.code(), Some(0 | 1)));
    }
}

/// Refusal messages name a hostile file safely too.
#[test]
fn refusal_of_a_hostile_name_is_terminal_safe() {
    let dir = tempfile::tempdir().unwrap();
    let name = "evil\x1b]0;PWNED\x07\u{202E}txt.exe\u{9b}31m";
    let path = write(dir.path(), name, b"");
    let out = dry_run(false, &[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_clean(&out.stderr, "refusal stderr");
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    let missing = dir.path().join("gone\x1b[2J.txt");
    let out = dry_run(true, &[&missing]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_clean(&out.stderr, "missing-file stderr");
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}

/// A numbering too large for any counter (a typo, or a hostile file) is not a crash.
#[test]
fn overflowing_numbering_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let text = "湖南省“十四五”测试规划\n\n第九九九九九九九九九九九章 溢出\n\n正文。\n";
    let path = write(dir.path(), "overflow.txt", text.as_bytes());
    for json in [false, true] {
        let out = dry_run(json, &[&path]);
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "panic on stderr: {err}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "exit {:?}: {err}",
            out.status.code()
        );
    }
}
