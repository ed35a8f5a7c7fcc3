//! Real published documents in their published format (`tests/corpus/html/`, sources in
//! `tests/corpus/README.md`), and converted renditions of real corpus texts
//! (`tests/fixtures/formats/corpus-*`, made by `scripts/formats/make_fixtures.py`: real
//! texts, not files their issuers published in these formats).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::formats::Format;
use plantrack::plan::{self, ParsedDocument, Role};
use std::path::{Path, PathBuf};

fn path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn parse(rel: &str) -> ParsedDocument {
    let bytes = std::fs::read(path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    plan::parse_document(&bytes, rel).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn tasks(doc: &ParsedDocument) -> Vec<String> {
    doc.plan
        .tasks
        .iter()
        .map(|t| {
            let names = |role: Role| {
                t.departments
                    .iter()
                    .filter(|d| d.role == role)
                    .map(|d| d.name.clone())
                    .collect::<Vec<_>>()
                    .join("、")
            };
            format!("{} | {} | {}", t.title, names(Role::Lead), names(Role::Co))
        })
        .collect()
}

#[test]
fn a_real_state_council_page_reads_as_its_text() {
    // The corpus text of this 意见 was converted by hand from the same stored HTML.
    let page = parse("tests/corpus/html/gwyb-2018-zhengwu-xinmeiti-yijian.html");
    let text = parse("tests/corpus/gwyb-2018-zhengwu-xinmeiti-yijian.txt");
    assert_eq!(page.format.format, Format::Html);
    assert_eq!(page.plan.title, text.plan.title);
    assert_eq!(page.plan.doc_number.as_deref(), Some("国办发〔2018〕123号"));
    assert_eq!(tasks(&page), tasks(&text));
    assert_eq!(page.plan.tasks.len(), 11);
}

#[test]
fn a_crawled_gov_cn_page_keeps_its_document_not_its_chrome() {
    let page = parse("tests/corpus/html/govcn-2018-guofa-43-boao-yaopin-jueding.html");
    assert!(
        page.plan
            .title
            .starts_with("国务院关于在海南博鳌乐城国际医疗旅游先行区"),
        "{}",
        page.plan.title
    );
    assert!(
        page.plan.title.ends_with("有关规定的决定"),
        "{}",
        page.plan.title
    );
    assert_eq!(page.plan.doc_number.as_deref(), Some("国发〔2018〕43号"));
    let json = serde_json::to_string(&page).unwrap();
    assert!(!json.contains("window.print"));
    assert_eq!(page.coverage.missed.len(), 0);
}

#[test]
fn a_notice_page_gives_way_to_the_rules_it_publishes() {
    let page = parse("tests/corpus/html/gwyb-2018-wenhua-zhuanqi-tongzhi.excerpt.html");
    assert_eq!(page.plan.doc_number.as_deref(), Some("国办发〔2018〕124号"));
    assert_eq!(page.plan.tasks.len(), 4);
    assert_eq!(page.plan.tasks[1].title, "完善法人治理结构");
}

#[test]
fn converted_renditions_of_real_texts_import_as_the_texts() {
    for slug in [
        "miit-2016-minbao-guihua",
        "gz-2012-rencai-jiju-shishiyijian",
        "xian-2022-fangguanfu-fengong-table",
    ] {
        let text = parse(&format!("tests/corpus/{slug}.txt"));
        // The fixture fonts have no glyph for 〈 〉, which the 西安 text uses: its PDF lacks
        // them, so only its .docx and OFD are compared.
        let formats: &[&str] = if slug.starts_with("xian") {
            &["docx", "ofd"]
        } else {
            &["docx", "pdf", "ofd"]
        };
        for ext in formats {
            let rendition = parse(&format!("tests/fixtures/formats/corpus-{slug}.{ext}"));
            assert_eq!(rendition.plan.title, text.plan.title, "{slug}.{ext}");
            assert_eq!(tasks(&rendition), tasks(&text), "{slug}.{ext}: tasks");
            let items = |d: &ParsedDocument| {
                d.plan
                    .boxes
                    .iter()
                    .flat_map(|b| b.items.iter().map(|i| i.title.clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(items(&rendition), items(&text), "{slug}.{ext}: box items");
            assert_eq!(
                rendition.plan.indicators.len(),
                text.plan.indicators.len(),
                "{slug}.{ext}: indicators"
            );
        }
    }
}
