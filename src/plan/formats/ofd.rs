//! OFD (GB/T 33190-2016, the national format for electronic official documents) → lines.
//! An OFD is a zip of XML parts: `OFD.xml` names the document root (`DocBody/DocRoot`),
//! whose `Document.xml` lists the pages (`Pages/Page@BaseLoc`); each page's `Content.xml`
//! draws `TextObject`s (`Boundary`, `Size`, optional `CTM`) holding `TextCode`s (`X`, `Y`
//! baseline, `DeltaX` advances, with the `g N d` repeat form) whose text is Unicode. The
//! glyphs go through `layout`, as PDF glyphs do. Template pages (where running headers,
//! footers and watermarks live) and annotations are not read.

use super::layout::{Glyph, Page, lay_out};
use super::limits::MAX_PAGES;
use super::out::TextOut;
use super::xml::{Ev, Xml, attr, local, part_text};
use super::zipped::Archive;
use super::{Extracted, FormatError};
use crate::plan::TextEncoding;

const FORMAT: &str = "OFD";

fn damaged(detail: &str) -> FormatError {
    FormatError::Damaged {
        format: FORMAT,
        detail: detail.to_string(),
    }
}

/// A location inside the package, relative to `dir` unless it starts with `/`.
fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim().replace('\\', "/");
    let joined = if let Some(absolute) = loc.strip_prefix('/') {
        absolute.to_string()
    } else if dir.is_empty() {
        loc
    } else {
        format!("{dir}/{loc}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

fn numbers(text: &str) -> Vec<f64> {
    text.split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok())
        .filter(|n| n.is_finite())
        .collect()
}

/// `DeltaX`/`DeltaY`: numbers, where `g N d` stands for N times d.
fn deltas(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut tokens = text.split_whitespace();
    while let Some(t) = tokens.next() {
        if t == "g" {
            let n = tokens
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0);
            let d = tokens
                .next()
                .and_then(|d| d.parse::<f64>().ok())
                .unwrap_or(0.0);
            out.extend(std::iter::repeat_n(d, n.min(100_000)));
        } else if let Ok(d) = t.parse::<f64>() {
            out.push(d);
        }
        if out.len() > 1_000_000 {
            break;
        }
    }
    out
}

/// The text of the element just opened (the reader is past its start tag).
fn element_text(reader: &mut Xml<'_>) -> Result<String, FormatError> {
    let target = reader.depth().saturating_sub(1);
    let mut text = String::new();
    loop {
        match reader.next()? {
            Ev::Text(t) => text.push_str(&t),
            Ev::End(_) if reader.depth() == target => return Ok(text),
            Ev::Eof => return Ok(text),
            _ => {}
        }
    }
}

pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let mut archive = Archive::open(bytes, FORMAT)?;
    let ofd = archive.require("OFD.xml")?;
    let root = doc_root(part_text(&ofd, "OFD.xml")?)?;
    let document_path = resolve("", &root);
    let document = archive.require(&document_path)?;
    let (page_locs, default_box) =
        page_list(part_text(&document, &document_path)?, &document_path)?;
    if page_locs.len() > MAX_PAGES {
        return Err(FormatError::TooManyPages {
            format: FORMAT,
            pages: page_locs.len(),
            cap: MAX_PAGES,
        });
    }
    let dir = dir_of(&document_path).to_string();
    let mut pages = Vec::new();
    for loc in page_locs {
        let path = resolve(&dir, &loc);
        let content = archive.require(&path)?;
        pages.push(read_page(part_text(&content, &path)?, &path, &default_box)?);
    }
    let mut out = TextOut::new(FORMAT);
    lay_out(&pages, &mut out);
    Ok(Extracted {
        text: out.finish()?,
        encoding: TextEncoding::Utf8,
    })
}

/// `OFD.xml`: the first document's root.
fn doc_root(xml: &str) -> Result<String, FormatError> {
    let mut reader = Xml::new(xml, "OFD.xml");
    loop {
        match reader.next()? {
            Ev::Start(e) if local(&e) == b"DocRoot" => return element_text(&mut reader),
            Ev::Eof => return Err(damaged("OFD.xml names no document (DocRoot)")),
            _ => {}
        }
    }
}

/// `Document.xml`: the pages' content locations and the default page box.
fn page_list(xml: &str, part: &str) -> Result<(Vec<String>, Vec<f64>), FormatError> {
    let mut reader = Xml::new(xml, part);
    let mut pages = Vec::new();
    let mut page_box = vec![0.0, 0.0, 210.0, 297.0];
    loop {
        match reader.next()? {
            Ev::Start(e) | Ev::Empty(e) if local(&e) == b"Page" => {
                if let Some(loc) = attr(&e, b"BaseLoc") {
                    pages.push(loc);
                    if pages.len() > MAX_PAGES {
                        return Ok((pages, page_box));
                    }
                }
            }
            Ev::Start(e) if local(&e) == b"PhysicalBox" => {
                let b = numbers(&element_text(&mut reader)?);
                if b.len() == 4 {
                    page_box = b;
                }
            }
            Ev::Eof => return Ok((pages, page_box)),
            _ => {}
        }
    }
}

#[derive(Default)]
struct TextObject {
    x: f64,
    y: f64,
    size: f64,
    ctm: Option<Vec<f64>>,
    /// Where the next code without X/Y continues.
    pen: (f64, f64),
}

fn read_page(xml: &str, part: &str, default_box: &[f64]) -> Result<Page, FormatError> {
    let mut reader = Xml::new(xml, part);
    let mut page = Page {
        width: default_box.get(2).copied().unwrap_or(210.0),
        height: default_box.get(3).copied().unwrap_or(297.0),
        glyphs: Vec::new(),
    };
    let mut object: Option<TextObject> = None;
    loop {
        match reader.next()? {
            Ev::Start(e) => match local(&e).as_slice() {
                b"PhysicalBox" => {
                    let b = numbers(&element_text(&mut reader)?);
                    if b.len() == 4 {
                        page.width = b[2];
                        page.height = b[3];
                    }
                }
                b"Template" | b"Annotations" => reader.skip()?,
                b"TextObject" => {
                    let boundary = attr(&e, b"Boundary")
                        .map(|b| numbers(&b))
                        .unwrap_or_default();
                    object = Some(TextObject {
                        x: boundary.first().copied().unwrap_or(0.0),
                        y: boundary.get(1).copied().unwrap_or(0.0),
                        size: attr(&e, b"Size")
                            .and_then(|s| s.trim().parse::<f64>().ok())
                            .filter(|s| s.is_finite() && *s > 0.0)
                            .unwrap_or(3.5),
                        ctm: attr(&e, b"CTM")
                            .map(|c| numbers(&c))
                            .filter(|c| c.len() == 6),
                        pen: (0.0, 0.0),
                    });
                }
                b"TextCode" => {
                    let x = attr(&e, b"X").and_then(|v| v.trim().parse::<f64>().ok());
                    let y = attr(&e, b"Y").and_then(|v| v.trim().parse::<f64>().ok());
                    let dx = attr(&e, b"DeltaX").map(|d| deltas(&d)).unwrap_or_default();
                    let text = element_text(&mut reader)?;
                    if let Some(obj) = object.as_mut() {
                        place(obj, x, y, &dx, &text, &mut page.glyphs);
                    }
                }
                _ => {}
            },
            Ev::End(name) if name == b"TextObject" => object = None,
            Ev::Eof => return Ok(page),
            _ => {}
        }
    }
}

fn place(
    obj: &mut TextObject,
    x: Option<f64>,
    y: Option<f64>,
    dx: &[f64],
    text: &str,
    glyphs: &mut Vec<Glyph>,
) {
    let (mut px, py) = (x.unwrap_or(obj.pen.0), y.unwrap_or(obj.pen.1));
    let (scale_x, scale_y) = obj.ctm.as_ref().map_or((1.0, 1.0), |m| {
        (
            (m[0] * m[0] + m[1] * m[1]).sqrt(),
            (m[2] * m[2] + m[3] * m[3]).sqrt(),
        )
    });
    let map = |x: f64, y: f64| -> (f64, f64) {
        match &obj.ctm {
            Some(m) => (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]),
            None => (x, y),
        }
    };
    for (i, ch) in text.chars().enumerate() {
        let advance = dx.get(i).copied().unwrap_or(obj.size);
        let (gx, gy) = map(px, py);
        if !ch.is_whitespace() && glyphs.len() < 4_000_000 {
            glyphs.push(Glyph {
                x: obj.x + gx,
                y: obj.y + gy,
                width: obj.size * scale_x * if ch.is_ascii() { 0.5 } else { 1.0 },
                size: obj.size * scale_y,
                text: ch.to_string(),
            });
        }
        px += advance;
    }
    obj.pen = (px, py);
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_deltas() {
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Res/x.xml"), "Doc_0/Res/x.xml");
        assert_eq!(resolve("Doc_0/Pages", "../Res/a.xml"), "Doc_0/Res/a.xml");
        assert_eq!(deltas("g 3 5.5 1 2"), vec![5.5, 5.5, 5.5, 1.0, 2.0]);
    }
}
