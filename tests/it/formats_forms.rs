//! Forms of the published formats that the bundled renditions do not show: a Word text box
//! (with the fallback copy Word writes beside it), footnote references, deleted text, a
//! shaded one-cell 专栏 table; a GBK page with a layout table around the article.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::formats::{Format, extract};
use std::io::Write;

fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}</w:body></w:document>"#
    );
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default();
    w.start_file("word/document.xml", options).unwrap();
    w.write_all(document.as_bytes()).unwrap();
    w.start_file("word/footnotes.xml", options).unwrap();
    w.write_all(b"<w:footnotes><w:footnote><w:p><w:r><w:t>FOOTNOTE</w:t></w:r></w:p></w:footnote></w:footnotes>").unwrap();
    w.finish().unwrap();
    out.into_inner()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

#[test]
fn a_text_box_is_a_frame_read_once() {
    let text_box = format!(
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{}{}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>",
        p("专栏1 重点工程"),
        p("1.建设甲工程。"),
        p("专栏1 重点工程（副本）")
    );
    let body = format!(
        "{}{text_box}<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:del><w:r><w:delText>删去的字</w:delText></w:r></w:del></w:p>",
        p("某某实施方案")
    );
    let text = extract(&docx(&body), Format::Docx).unwrap().text;
    // The paragraph that anchors the box holds no text of its own: a blank line.
    assert_eq!(
        text,
        "某某实施方案\n\t专栏1 重点工程\n\t1.建设甲工程。\n\n正文\n"
    );
}

#[test]
fn a_shaded_one_cell_table_is_a_frame() {
    let table = format!(
        "<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:fill=\"E7EEF7\"/></w:tcPr>{}{}{}</w:tc></w:tr></w:tbl>",
        p("专栏2 民生工程"),
        p("1.学校。"),
        p("2.医院。")
    );
    let text = extract(&docx(&table), Format::Docx).unwrap().text;
    assert_eq!(text, "\t专栏2 民生工程\n\t1.学校。\n\t2.医院。\n");
}

#[test]
fn a_gbk_page_in_a_layout_table() {
    let page = "<html><head><meta charset=\"gb2312\"><title>x</title></head><body><table><tr>\
        <td><a href=\"/\">首页</a></td><td><p>某某市重点工作任务分工方案</p><p>一、重点任务</p>\
        <p>1.推进甲项工作。（牵头单位：市发展改革委；配合单位：市财政局）</p><p>2.推进乙项工作。</p>\
        <p>3.推进丙项工作。</p><p>4.推进丁项工作。</p><p>5.推进戊项工作。</p><p>6.推进己项工作。</p>\
        </td></tr></table></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let extracted = extract(&bytes, Format::Html).unwrap();
    assert!(
        extracted
            .text
            .starts_with("首页\n某某市重点工作任务分工方案\n一、重点任务\n1.推进甲项工作。"),
        "{}",
        extracted.text
    );
    let doc = plantrack::plan::parse_document(&bytes, "page.htm").unwrap();
    assert_eq!(doc.encoding, plantrack::plan::TextEncoding::Gb18030);
    assert_eq!(doc.plan.tasks[0].departments.len(), 2);
}
