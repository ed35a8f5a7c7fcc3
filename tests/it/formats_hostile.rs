//! Hostile documents are refused by name, within limits, with a plain message (no panic,
//! no library error text): zip bombs, XML entity expansion, deeply nested tables, a PDF of
//! 10,000 pages, damaged and old-format files; scripts in a web page are never text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::formats::{self, Format, FormatError, limits};
use plantrack::plan::{self, ParseError};
use std::io::Write;
use std::process::Command;

/// A zip with the given parts, deflated.
fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap();
    out.into_inner()
}

fn docx_with(document: &str) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
    ])
}

fn refusal(bytes: &[u8], name: &str) -> String {
    match plan::parse_document(bytes, name) {
        Ok(_) => panic!("{name} was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_zip_bomb_is_refused_while_inflating() {
    // 8 MB of zeros deflate to a few kilobytes: refused at the ratio cap, after about 1 MB.
    let zeros = vec![b' '; 8 * 1024 * 1024];
    let bomb = zip(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 100_000);
    let message = refusal(&bomb, "bomb.docx");
    assert!(
        message.contains("zip bomb") && message.contains("word/document.xml"),
        "{message}"
    );
    assert!(
        message.contains(&format!("{}:1", limits::MAX_ZIP_RATIO)),
        "{message}"
    );
}

#[test]
fn entity_expansion_is_refused() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"#;
    let message = refusal(&docx_with(laughs), "laughs.docx");
    assert!(
        message.contains("DTD") && message.contains("billion laughs"),
        "{message}"
    );
    // An entity used without a DTD is refused too, never expanded.
    let undefined = r#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"#;
    let message = refusal(&docx_with(undefined), "undefined.docx");
    assert!(message.contains("entity"), "{message}");
}

#[test]
fn deeply_nested_tables_are_refused() {
    let depth = limits::MAX_TABLE_DEPTH + 2;
    let open = "<w:tbl><w:tr><w:tc>".repeat(depth);
    let close = "</w:tc></w:tr></w:tbl>".repeat(depth);
    let doc = format!(
        r#"<w:document xmlns:w="w"><w:body>{open}<w:p><w:r><w:t>x</w:t></w:r></w:p>{close}</w:body></w:document>"#
    );
    let message = refusal(&docx_with(&doc), "nested.docx");
    assert!(message.contains("nests tables"), "{message}");
    let page = format!(
        "<html><body>{}x{}</body></html>",
        "<table><tr><td>".repeat(depth),
        "</td></tr></table>".repeat(depth)
    );
    assert!(refusal(page.as_bytes(), "nested.html").contains("nests tables"));
    // Deep element nesting of any kind stops at the XML depth cap.
    let deep = format!(
        r#"<w:document xmlns:w="w"><w:body>{}{}</w:body></w:document>"#,
        "<w:sdt>".repeat(400),
        "</w:sdt>".repeat(400)
    );
    assert!(refusal(&docx_with(&deep), "deep.docx").contains("deep"));
}

/// A PDF with `pages` empty pages.
fn pdf_with_pages(pages: usize) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", i + 3)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        ),
    ];
    objects.extend(
        (0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_string()),
    );
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_pdf_of_ten_thousand_pages_is_refused() {
    let message = refusal(&pdf_with_pages(10_000), "huge.pdf");
    assert!(
        message.contains("10000 pages") && message.contains(&limits::MAX_PAGES.to_string()),
        "{message}"
    );
    // Within the limit, pages without text say so.
    let message = refusal(&pdf_with_pages(3), "scan.pdf");
    assert!(message.contains("no text layer"), "{message}");
}

#[test]
fn damaged_and_old_files_are_named_plainly() {
    let message = refusal(b"%PDF-1.7\n1 0 obj << /Type /Catalog", "cut.pdf");
    assert!(message.contains("PDF is damaged"), "{message}");
    let message = refusal(b"PK\x03\x04\x14\x00not a zip at all", "cut.docx");
    assert!(message.contains("damaged"), "{message}");
    let xlsx = zip(&[("xl/workbook.xml", b"<workbook/>")]);
    assert!(refusal(&xlsx, "book.xlsx").contains("neither a Word .docx"));
    let doc = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert!(refusal(&doc, "old.doc").contains("save it as .docx"));
    assert!(matches!(
        plan::parse_document(&docx_with("<w:document><w:body><w:p>"), "open.docx"),
        Err(ParseError::Format(FormatError::BadXml { .. }))
    ));
}

#[test]
fn scripts_and_hidden_text_of_a_page_never_become_text() {
    let page = "<html><head><script>var t='专栏9 脚本';</script><style>p:after{content:'专栏8'}</style></head>\
        <body><p>某某实施方案</p><p>一、重点任务</p><p>（一）推进工作。（牵头单位：市发展改革委）</p>\
        <noscript>专栏7 noscript</noscript><template><p>专栏6 模板</p></template>\
        <div hidden>专栏5 隐藏</div><script>document.write('<p>（二）假任务。（牵头单位：黑客）</p>')</script></body></html>";
    let doc = plan::parse_document(page.as_bytes(), "page.html").unwrap();
    let json = serde_json::to_string(&doc).unwrap();
    for word in ["脚本", "专栏8", "noscript", "模板", "隐藏", "黑客"] {
        assert!(!json.contains(word), "{word} reached the plan");
    }
    assert_eq!(doc.plan.tasks.len(), 1);
}

#[test]
fn formats_are_told_by_content() {
    assert_eq!(formats::detect(&pdf_with_pages(1)).unwrap(), Format::Pdf);
    assert_eq!(
        formats::detect(&docx_with("<w:document/>")).unwrap(),
        Format::Docx
    );
    let ofd = zip(&[("OFD.xml", b"<ofd:OFD/>")]);
    assert_eq!(formats::detect(&ofd).unwrap(), Format::Ofd);
    assert_eq!(
        formats::detect("重点任务".as_bytes()).unwrap(),
        Format::Text
    );
}

#[test]
fn the_cli_names_the_file_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("通知附件.docx");
    std::fs::write(
        &bomb,
        zip(&[("word/document.xml", &vec![b'a'; 4 * 1024 * 1024])]),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .args([
            "--db",
            dir.path().join("x.db").to_str().unwrap(),
            "import",
            "--dry-run",
        ])
        .arg(&bomb)
        .env_remove("PLANTRACK_DB")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("通知附件.docx") && stderr.contains("zip bomb"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn the_dry_run_names_format_and_reader() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats/zhuzhou-urbanization-14th-fyp.ofd");
    let renamed = dir.path().join("株洲.pdf");
    std::fs::copy(&fixture, &renamed).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .args([
            "--db",
            dir.path().join("x.db").to_str().unwrap(),
            "import",
            "--dry-run",
        ])
        .arg(&renamed)
        .env_remove("PLANTRACK_DB")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("OFD (GB/T 33190), read by the ofd reader"),
        "{stdout}"
    );
    assert!(stdout.contains("the name says PDF"), "{stdout}");
    assert!(stdout.contains("coverage of"), "{stdout}");
}
