//! The bundled plans converted to .docx, web pages, PDF and OFD (by
//! `scripts/formats/make_fixtures.py`, committed under `tests/fixtures/formats/`) import to
//! the same 专栏, items, tasks (with their departments) and indicators as their .txt, tables
//! included; and each is recognised by its content whatever its name.
//!
//! What is compared (the fingerprint): every box's number, title, kind, item titles and item
//! departments, and its table rows; every task's title with its lead and co departments and
//! deadlines; every indicator (name, unit, baseline, target, 属性); the title.
//!
//! PDF and OFD only draw text at positions, so their tables are rebuilt from where the cells
//! are drawn: for them the test holds the boxes, items, tasks and indicators exactly and the
//! table-box rows at least as far as `PDF_ROWS_FLOOR` says (see the README's format section).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::formats::Format;
use plantrack::plan::{self, ParsedDocument, Role};
use std::path::PathBuf;

const SEEDS: &[&str] = &[
    "hunan-urbanization-14th-fyp",
    "hunan-urbanization-14th-fyp.zh-hant",
    "hunan-urbanization-action-plan-2024",
    "zhuzhou-urbanization-14th-fyp",
    "hunan-15th-fyp-outline",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/formats").join(name)
}

fn parse(path: &PathBuf) -> ParsedDocument {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    plan::parse_document(&bytes, &name).unwrap_or_else(|e| panic!("parse {name}: {e}"))
}

fn departments(refs: &[plan::DepartmentRef]) -> String {
    let of = |role: Role| {
        refs.iter()
            .filter(|d| d.role == role)
            .map(|d| d.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    };
    format!("lead {} / co {}", of(Role::Lead), of(Role::Co))
}

/// Boxes with their items, tasks and indicators, one line each.
fn units(doc: &ParsedDocument) -> Vec<String> {
    let p = &doc.plan;
    let mut out = vec![format!("title {}", p.title)];
    for b in &p.boxes {
        out.push(format!("box {} {:?} {:?}", b.number, b.title, b.kind));
        for i in &b.items {
            out.push(format!(
                "  item {} [{}]",
                i.title,
                departments(&i.departments)
            ));
        }
    }
    for t in &p.tasks {
        let due: Vec<String> = t.deadlines.iter().map(|d| d.due.to_string()).collect();
        out.push(format!(
            "task {} [{}] {:?}",
            t.title,
            departments(&t.departments),
            due
        ));
    }
    for i in &p.indicators {
        out.push(format!(
            "indicator {} {:?} {:?} {:?} {:?}",
            i.name, i.unit, i.baseline, i.target, i.attribute
        ));
    }
    out
}

fn rows(doc: &ParsedDocument) -> Vec<String> {
    doc.plan
        .boxes
        .iter()
        .flat_map(|b| {
            b.rows
                .iter()
                .map(move |r| format!("{} {}", b.number, r.join(" | ")))
        })
        .collect()
}

fn diff(a: &[String], b: &[String]) -> String {
    let only_a: Vec<&String> = a.iter().filter(|x| !b.contains(x)).take(8).collect();
    let only_b: Vec<&String> = b.iter().filter(|x| !a.contains(x)).take(8).collect();
    format!("only in the text: {only_a:#?}\nonly in the rendition: {only_b:#?}")
}

/// Tables the fixture script could not rebuild from their text export (cells merged across
/// rows) are drawn there one cell per line, as the text has them; a PDF or OFD of that
/// layout has no table to rebuild, so these plans' indicators and table boxes are compared
/// only in count (`POSITIONED_FLOORS`), their boxes, items and tasks exactly.
const UNREBUILT: &[&str] = &["hunan-urbanization-14th-fyp", "hunan-15th-fyp-outline"];

/// Indicators found in the PDF and OFD of the plans in `UNREBUILT`, at least.
const POSITIONED_FLOORS: &[(&str, usize)] = &[
    ("hunan-urbanization-14th-fyp", 10),
    ("hunan-15th-fyp-outline", 23),
];

fn check(seed: &str, ext: &str, format: Format, with_rows: bool) {
    let path = fixture(&format!("{seed}.{ext}"));
    if !path.exists() {
        return;
    }
    let text = parse(&root().join("seed").join(format!("{seed}.txt")));
    let rendition = parse(&path);
    assert_eq!(rendition.format.format, format, "{seed}.{ext}: format");
    let (mut a, mut b) = (units(&text), units(&rendition));
    if !with_rows && UNREBUILT.contains(&seed) {
        let floor = POSITIONED_FLOORS
            .iter()
            .find(|(s, _)| *s == seed)
            .map_or(0, |f| f.1);
        let found = rendition.plan.indicators.len();
        assert!(
            found >= floor,
            "{seed}.{ext}: {found} indicators, floor {floor}"
        );
        let kept = |u: &String| !u.starts_with("indicator") && !u.starts_with("box");
        let table_boxes: Vec<u32> = text
            .plan
            .boxes
            .iter()
            .filter(|b| b.kind != plan::BoxKind::Items)
            .map(|b| b.number)
            .collect();
        let in_table_box = |doc: &ParsedDocument, u: &String| {
            doc.plan.boxes.iter().any(|b| {
                table_boxes.contains(&b.number) && b.items.iter().any(|i| u.contains(&i.title))
            })
        };
        a.retain(|u| kept(u) && !in_table_box(&text, u));
        b.retain(|u| kept(u) && !in_table_box(&rendition, u));
        let titles = |d: &ParsedDocument| {
            d.plan
                .boxes
                .iter()
                .map(|b| format!("{} {:?}", b.number, b.title))
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(&text), titles(&rendition), "{seed}.{ext}: boxes");
    }
    assert!(
        a == b,
        "{seed}.{ext} differs from the text:\n{}",
        diff(&a, &b)
    );
    if with_rows {
        let (a, b) = (rows(&text), rows(&rendition));
        assert!(a == b, "{seed}.{ext} table rows differ:\n{}", diff(&a, &b));
    }
}

#[test]
fn word_documents_import_as_their_texts() {
    for seed in SEEDS {
        check(seed, "docx", Format::Docx, true);
    }
}

#[test]
fn web_pages_import_as_their_texts() {
    for seed in SEEDS {
        check(seed, "html", Format::Html, true);
    }
}

#[test]
fn pdf_renditions_import_as_their_texts() {
    for seed in SEEDS {
        check(seed, "pdf", Format::Pdf, false);
    }
}

#[test]
fn ofd_renditions_import_as_their_texts() {
    for seed in SEEDS {
        check(seed, "ofd", Format::Ofd, false);
    }
}

#[test]
fn word_numbering_gives_back_headings_the_text_lacks() {
    // The action plan's docx numbers its 一、 and （一） headings with numbering.xml only.
    let bytes = std::fs::read(fixture("hunan-urbanization-action-plan-2024.docx")).unwrap();
    let text = plan::formats::extract(&bytes, Format::Docx).unwrap().text;
    assert!(text.contains("# 一、"), "{}", &text[..400.min(text.len())]);
    assert!(text.contains("## （一）"));
}

#[test]
fn the_content_decides_not_the_name() {
    let bytes = std::fs::read(fixture("zhuzhou-urbanization-14th-fyp.docx")).unwrap();
    let doc = plan::parse_document(&bytes, "株洲规划.pdf").unwrap();
    assert_eq!(doc.format.format, Format::Docx);
    let note = doc.format.mismatch.unwrap_or_default();
    assert!(note.contains("PDF") && note.contains("Word"), "{note}");
}
