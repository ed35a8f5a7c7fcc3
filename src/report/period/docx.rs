//! The period report as a Word document (.docx): the document's blocks as a small
//! WordprocessingML package, written with `zip` and `quick-xml`'s escaping (both already
//! dependencies; why not a docx crate: see the README's dependencies). Elements are
//! written in the order the schema requires (Word refuses a file otherwise). A4 landscape, so
//! the tables' thirteen columns stay readable; 宋体 text, 黑体 title and headings, table
//! headers repeated on every page, the page number in the footer (— 1 —).

use super::PeriodReport;
use super::document::{Block, TITLE, Table, blocks};
use crate::report::export::ExportError;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Usable width of the page in twentieths of a point (A4 landscape, 2 cm margins).
const TEXT_WIDTH: usize = 16838 - 2 * 1134;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The page number, centred: — 1 —.
const FOOTER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/><w:sz w:val="40"/><w:szCs w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style></w:styles>"#;

/// Text as XML carries it: escaped, characters XML 1.0 forbids dropped.
fn text(value: &str) -> String {
    let allowed: String = value
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

fn run(value: &str, bold: bool) -> String {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:r>{props}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        text(value)
    )
}

fn paragraph(style: Option<&str>, align: Option<&str>, body: &str) -> String {
    let mut props = String::new();
    if let Some(style) = style {
        props.push_str(&format!(r#"<w:pStyle w:val="{style}"/>"#));
    }
    if let Some(align) = align {
        props.push_str(&format!(r#"<w:jc w:val="{align}"/>"#));
    }
    format!("<w:p><w:pPr>{props}</w:pPr>{body}</w:p>")
}

fn cell(value: &str, width: usize, header: bool) -> String {
    let shade = if header {
        r#"<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>"#
    } else {
        ""
    };
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>{}</w:tc>"#,
        paragraph(Some("TableText"), None, &run(value, header))
    )
}

/// Column widths: the text columns (wider content) get more room, in proportion to the
/// longest cell, within bounds.
fn widths(t: &Table) -> Vec<usize> {
    let longest: Vec<usize> = (0..t.headers.len())
        .map(|c| {
            t.rows
                .iter()
                .map(|r| r.get(c).map_or(0, |s| s.chars().count()))
                .chain(std::iter::once(t.headers[c].chars().count().min(6)))
                .max()
                .unwrap_or(1)
                .clamp(3, 24)
        })
        .collect();
    let sum: usize = longest.iter().sum::<usize>().max(1);
    longest.iter().map(|w| TEXT_WIDTH * w / sum).collect()
}

fn table(t: &Table) -> String {
    let widths = widths(t);
    let border =
        |side: &str| format!(r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#);
    let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .iter()
        .map(|s| border(s))
        .collect();
    let grid: String = widths
        .iter()
        .map(|w| format!(r#"<w:gridCol w:w="{w}"/>"#))
        .collect();
    let row = |cells: &[String], header: bool| {
        let props = if header {
            "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        } else {
            "<w:trPr><w:cantSplit/></w:trPr>"
        };
        let cells: String = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| cell(c, *w, header))
            .collect();
        format!("<w:tr>{props}{cells}</w:tr>")
    };
    let mut out = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"#
    );
    out.push_str(&row(&t.headers, true));
    for cells in &t.rows {
        out.push_str(&row(cells, false));
    }
    out.push_str("</w:tbl>");
    // A paragraph after a table keeps the next table or heading apart from it.
    out.push_str(&paragraph(None, None, ""));
    out
}

/// The body of `word/document.xml`.
pub fn document_xml(report: &PeriodReport) -> String {
    let mut body = String::new();
    for block in blocks(report) {
        body.push_str(&match block {
            Block::Title(t) => paragraph(Some("Title"), Some("center"), &run(&t, false)),
            Block::Subtitle(t) => paragraph(None, Some("center"), &run(&t, false)),
            Block::Dated(t) => paragraph(None, Some("right"), &run(&t, false)),
            Block::Heading(t) => paragraph(Some("Heading1"), None, &run(&t, false)),
            Block::Paragraph(t) => format!(
                r#"<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="480"/></w:pPr>{}</w:p>"#,
                run(&t, false)
            ),
            Block::Table(t) => table(&t),
            Block::PageBreak => r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#.to_string(),
        });
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

fn core_xml(report: &PeriodReport) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>plantrack</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:created></cp:coreProperties>"#,
        text(&format!(
            "{TITLE}（{}）",
            PeriodReport::span_text(report.span)
        )),
        report.made_on
    )
}

/// The report as the bytes of a .docx file.
pub fn document(report: &PeriodReport) -> Result<Vec<u8>, ExportError> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let parts: [(&str, String); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("docProps/core.xml", core_xml(report)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_string()),
        ("word/styles.xml", STYLES.to_string()),
        ("word/footer1.xml", FOOTER.to_string()),
        ("word/document.xml", document_xml(report)),
    ];
    let failed = |e: zip::result::ZipError| ExportError::Docx(e.to_string());
    for (name, xml) in parts {
        zip.start_file(name, options).map_err(failed)?;
        zip.write_all(xml.as_bytes())?;
    }
    Ok(zip.finish().map_err(failed)?.into_inner())
}
