//! The parser never panics and never lets control, bidi or format characters into the model,
//! whatever bytes or text it is given.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::{
    MAX_FILE_BYTES, MAX_LINE_CHARS, ParsedDocument, TextEncoding, merge_renditions, parse_bytes,
    parse_text,
};
use plantrack::text::sanitize::is_terminal_safe;
use proptest::prelude::*;
use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

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

fn strings_of(value: &Value) -> Vec<&str> {
    let mut out = Vec::new();
    collect_strings(value, &mut out);
    out
}

/// The first string in the serialized value that is not terminal-safe, if any.
fn first_unsafe<T: serde::Serialize>(model: &T) -> Option<String> {
    let value = serde_json::to_value(model).expect("the model serializes");
    strings_of(&value)
        .into_iter()
        .find(|s| !is_terminal_safe(s))
        .map(str::to_owned)
}

fn check_doc(doc: &ParsedDocument) -> Result<(), TestCaseError> {
    if let Some(s) = first_unsafe(doc) {
        return Err(TestCaseError::fail(format!(
            "unsafe string reached the model: {s:?}"
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// Line fragments exercising every path of the importer: headings at each level, numbered
/// items, boxes (run-together and not), table cells, markup, a table of contents, page
/// numbers, a responsibility clause, a deadline, hostile controls, traditional script and
/// numbers that overflow.
const FRAGMENTS: &[&str] = &[
    "湖南省“十四五”测试规划",
    "湖南省“十四五”測試規劃",
    "湖南省人民政府",
    "湘政发〔2024〕15号",
    "2024年11月30日",
    "第一篇 总体要求",
    "第十二章 推进新型城镇化",
    "第九十九章 末章",
    "第一百章 超出",
    "第九九九九九九九九九九九章 溢出",
    "第1节 提质增效",
    "一、总体要求",
    "（一）贯通通道",
    "（十）第十点",
    "（3） 引导落户。",
    "(7)半角括号",
    "1．区域协调发展工程。",
    "12.加强城市洪涝治理",
    "999.很大的编号",
    "3.5",
    "专栏3  某工程",
    "专栏 7 标题 1.甲。 2.乙。",
    "专栏99999999999 溢出",
    "專欄2 繁体专栏",
    "\t序号",
    "\t指标名称",
    "\t类别",
    "\t2020年",
    "\t2025年",
    "\t58.76",
    "\t[325]",
    "\t预期性",
    "\t约束性",
    "\t",
    "|",
    "58.76 |",
    "常住人口城镇化率（%） |",
    "名 词 解 释",
    "1.新型城镇化：以人为本的城镇化。",
    "[bookmark: _Toc1]",
    "[image: 图1]",
    "目   录",
    "13",
    "- 7 -",
    "图1  示意图",
    "（责任单位：省发展改革委、省财政厅，各市州、县市区人民政府按职责分工负责，下同）",
    "到2025年，建成。",
    "2025年前完成改造。",
    "“十四五”末基本建成。",
    "\u{1b}]0;x\u{7}",
    "\u{1b}[2J\u{1b}[31m红",
    "\u{202e}",
    "\u{0}",
    "\u{9b}31m",
    "\u{85}",
    "\u{2028}",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    "\u{feff}",
    "\r",
];

fn chinese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::char::range('\u{4e00}', '\u{9fa5}'),
            1 => prop::sample::select(vec!['，', '。', '、', '：', '；', '（', '）', '“', '”']),
            1 => prop::char::range('0', '9'),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn whitespace() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![' ', '\t', '\u{3000}', '\u{a0}', '\r']),
        0..6,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(FRAGMENTS).prop_map(str::to_owned)
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => fragment(),
        3 => chinese_text(),
        1 => whitespace(),
        2 => (fragment(), chinese_text()).prop_map(|(f, t)| f + &t),
        1 => (whitespace(), fragment(), whitespace()).prop_map(|(a, f, b)| a + &f + &b),
        1 => (chinese_text(), fragment()).prop_map(|(t, f)| t + &f),
    ]
}

fn lines(max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(line(), 0..=max)
}

/// A document: usually a title first (or the title of the 15th FYP style), then random lines.
fn document() -> impl Strategy<Value = String> {
    (prop::bool::weighted(0.8), lines(80)).prop_map(|(titled, body)| {
        let mut doc = String::new();
        if titled {
            doc.push_str("湖南省“十四五”测试规划\n");
        }
        doc.push_str(&body.join("\n"));
        doc
    })
}

/// Two related documents: a shared title and a shared core, each with its own extra lines.
fn related_pair() -> impl Strategy<Value = (String, String)> {
    (
        lines(40),
        prop::collection::vec(any::<bool>(), 40),
        lines(20),
        prop::bool::ANY,
    )
        .prop_map(|(core, keep, extra, traditional_title)| {
            let mut a = String::from("湖南省“十四五”测试规划\n");
            a.push_str(&core.join("\n"));
            let mut b = String::from(if traditional_title {
                "湖南省“十四五”測試規劃\n"
            } else {
                "湖南省“十四五”测试规划\n"
            });
            let kept: Vec<&str> = core
                .iter()
                .zip(keep.iter().chain(std::iter::repeat(&true)))
                .filter(|(_, k)| **k)
                .map(|(l, _)| l.as_str())
                .collect();
            b.push_str(&kept.join("\n"));
            b.push('\n');
            b.push_str(&extra.join("\n"));
            (a, b)
        })
}

// ---------------------------------------------------------------------------------------
// 1–3. Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(1000) })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..=4096)) {
        if let Ok(doc) = parse_bytes(&bytes, "x") {
            check_doc(&doc)?;
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        if let Ok(doc) = parse_text(&s, TextEncoding::Utf8, "x") {
            check_doc(&doc)?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(2000) })]

    #[test]
    fn structured_documents_never_panic_and_stay_terminal_safe(doc in document()) {
        if let Ok(parsed) = parse_text(&doc, TextEncoding::Utf8, "x") {
            check_doc(&parsed)?;
        }
        // Through the byte path too (CR handling, content checks).
        if let Ok(parsed) = parse_bytes(doc.as_bytes(), "x") {
            check_doc(&parsed)?;
        }
    }

    #[test]
    fn merging_related_documents_never_panics((a, b) in related_pair()) {
        let docs: Vec<ParsedDocument> = [&a, &b, &a]
            .iter()
            .filter_map(|t| parse_text(t, TextEncoding::Utf8, "x").ok())
            .collect();
        let count = docs.len();
        let merged = merge_renditions(docs);
        prop_assert!(merged.len() <= count);
        let sources: usize = merged.iter().map(|m| m.sources.len()).sum();
        prop_assert_eq!(sources, count, "every document lands in exactly one plan");
        if let Some(s) = first_unsafe(&merged) {
            return Err(TestCaseError::fail(format!("unsafe string after merging: {s:?}")));
        }
    }
}

// ---------------------------------------------------------------------------------------
// 4. Plain cases
// ---------------------------------------------------------------------------------------

#[test]
fn empty_input_is_refused_as_empty() {
    let err = parse_bytes(b"", "x").unwrap_err();
    assert!(err.to_string().contains("empty"), "{err}");
    assert!(parse_text("", TextEncoding::Utf8, "x").is_err());
}

#[test]
fn whitespace_only_input_is_refused() {
    for input in [" ", "\n\n\n", " \t\r\n\u{3000}\n", "\u{3000}\u{3000}"] {
        let result = parse_bytes(input.as_bytes(), "x");
        assert!(result.is_err(), "{input:?} gave {result:?}");
        let result = parse_text(input, TextEncoding::Utf8, "x");
        assert!(result.is_err(), "{input:?} gave {result:?}");
    }
}

#[test]
fn input_over_the_cap_is_refused_naming_the_limit() {
    let mut bytes = "湖南省“十四五”测试规划\n".as_bytes().to_vec();
    let line = "推进以人为本的新型城镇化。\n".as_bytes();
    while bytes.len() <= 17 * 1024 * 1024 {
        bytes.extend_from_slice(line);
    }
    assert!(bytes.len() > MAX_FILE_BYTES);
    let err = parse_bytes(&bytes, "x").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("16 MB"), "{msg}");
    // Exactly at the cap is still accepted as far as size goes.
    bytes.truncate(MAX_FILE_BYTES);
    while std::str::from_utf8(&bytes).is_err() {
        bytes.pop();
    }
    if let Err(e) = parse_bytes(&bytes, "x") {
        assert!(!e.to_string().contains("16 MB"), "at the cap: {e}");
    }
}

#[test]
fn a_one_megabyte_line_without_newline_is_cut() {
    let mut text = String::from("某市“十四五”测试规划\n\n第一章 总则\n\n");
    while text.len() < 1024 * 1024 + 64 {
        text.push_str("推进新型城镇化建设");
    }
    for input in [text.clone(), format!("{text}\n")] {
        let doc = parse_bytes(input.as_bytes(), "x").expect("a title and a long line parse");
        assert_eq!(doc.plan.title, "某市“十四五”测试规划");
        assert!(
            doc.warnings.iter().any(|w| w.message.contains("cut")),
            "{:?}",
            doc.warnings
        );
        let value = serde_json::to_value(&doc).unwrap();
        let longest = strings_of(&value)
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0);
        assert!(
            longest <= MAX_LINE_CHARS,
            "a string of {longest} characters (cap {MAX_LINE_CHARS})"
        );
    }
}

#[test]
fn long_lines_inside_a_box_item_stay_within_the_cap() {
    // The cut line sits where text is gathered (a box item and a task), not in ignored prose.
    let long: String = "推进新型城镇化建设".repeat(MAX_LINE_CHARS / 9 + 100);
    let text = format!(
        "某市“十四五”测试规划\n\n第一章 总则\n\n专栏1 测试工程\n\n1．长工程。{long}\n2．短工程。\n"
    );
    let doc = parse_text(&text, TextEncoding::Utf8, "x").expect("parses");
    let value = serde_json::to_value(&doc).unwrap();
    let longest = strings_of(&value)
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        longest <= MAX_LINE_CHARS,
        "a string of {longest} characters (cap {MAX_LINE_CHARS})"
    );
}

#[test]
fn odd_numbering_never_panics() {
    let headings = [
        "第九十九章 九十九",
        "第一百章 一百",
        "第一百零一章 一百零一",
        "第九百九十九章 很多",
        "第十十十十章 重复",
        "第百百百百章 重复",
        "第零章 零",
        "第〇篇 零篇",
        "第九九九九九九九九九九九章 溢出",
        "第四二九四九六七二九六章 溢出",
        "第4294967296章 溢出",
        "第99999999999999999999节 溢出",
        "第１２３４５６７８９０１２章 全角溢出",
        "（十）第十",
        "（九十九）九十九",
        "（九九九九九九九九九九九）溢出",
        "（0）零",
        "（999）三位",
        "（9999）四位",
        "999.三位编号",
        "0.零号",
        "000．零零零",
        "专栏0 零",
        "专栏4294967296 溢出",
        "专栏99999999999999999999 溢出",
        "专栏 1 标题 99.甲。 100.乙。 0.丙。",
        "十、 十",
        "九十九、 九十九",
        "九九九九九九九九九九九、 溢出",
        "名 词 解 释",
        "99999999999.溢出名词：定义。",
        "\t序号",
        "\t4294967296",
        "\t99999999999999",
    ];
    // Each alone after a title, all together, and in reverse order.
    for h in headings {
        let text = format!("湖南省“十四五”测试规划\n\n{h}\n正文。\n");
        let _ = parse_text(&text, TextEncoding::Utf8, "x");
        let text = format!("湖南省“十四五”测试规划\n\n专栏1 框\n\n{h}\n");
        let _ = parse_text(&text, TextEncoding::Utf8, "x");
    }
    let all = format!("湖南省“十四五”测试规划\n\n{}\n", headings.join("\n"));
    let doc = parse_text(&all, TextEncoding::Utf8, "x").expect("has a title");
    assert!(first_unsafe(&doc).is_none());
    let mut reversed = headings;
    reversed.reverse();
    let all = format!("湖南省“十四五”测试规划\n\n{}\n", reversed.join("\n"));
    let _ = parse_text(&all, TextEncoding::Utf8, "x");
}

#[test]
fn seed_texts_are_terminal_safe_after_parsing() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seed/");
    let mut docs = Vec::new();
    for name in [
        "hunan-15th-fyp-outline.txt",
        "hunan-urbanization-14th-fyp.txt",
        "hunan-urbanization-14th-fyp.zh-hant.txt",
        "hunan-urbanization-action-plan-2024.txt",
        "zhuzhou-urbanization-14th-fyp.txt",
    ] {
        let bytes = std::fs::read(format!("{dir}{name}")).unwrap();
        let doc = parse_bytes(&bytes, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(first_unsafe(&doc).is_none(), "{name}");
        docs.push(doc);
    }
    let merged = merge_renditions(docs);
    assert!(first_unsafe(&merged).is_none());
}
