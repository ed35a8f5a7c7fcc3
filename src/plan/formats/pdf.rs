//! PDF with a text layer → lines. lopdf reads the file (stream decompression bounded); this
//! module interprets each page's content stream for text only — the text state and matrices
//! (Tf, Td, TD, Tm, T*, Tc, Tw, Tz, TL, cm, q/Q), the show operators (Tj, TJ, ', ") and form
//! XObjects — placing every glyph, decoded through the font's ToUnicode map, at its position;
//! `layout` turns the glyphs into lines and table rows. Limits: pages, decompressed content,
//! operations interpreted, form nesting.

use super::layout::{Glyph, Page, lay_out};
use super::limits::{MAX_FORM_DEPTH, MAX_PAGES, MAX_PDF_CONTENT, MAX_PDF_OPERATIONS};
use super::out::TextOut;
use super::pdf_fonts::{Font, prepared};
use super::{Extracted, FormatError};
use crate::plan::TextEncoding;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use std::collections::HashMap;

const FORMAT: &str = "PDF";

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn multiply(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f64, ty: f64) -> Matrix {
    [1.0, 0.0, 0.0, 1.0, tx, ty]
}

fn num(object: &Object) -> f64 {
    match object {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        _ => 0.0,
    }
    .clamp(-1e7, 1e7)
}

fn damaged(detail: &str) -> FormatError {
    FormatError::Damaged {
        format: FORMAT,
        detail: detail.to_string(),
    }
}

/// The work left: decompressed bytes and operations.
struct Budget {
    bytes: u64,
    ops: u64,
}

impl Budget {
    fn exceeded() -> FormatError {
        FormatError::TooMuchContent {
            bytes: MAX_PDF_CONTENT,
            ops: MAX_PDF_OPERATIONS,
        }
    }
    fn take_bytes(&mut self, n: usize) -> Result<(), FormatError> {
        self.bytes = self
            .bytes
            .checked_sub(n as u64)
            .ok_or_else(Budget::exceeded)?;
        Ok(())
    }
    fn take_op(&mut self) -> Result<(), FormatError> {
        self.ops = self.ops.checked_sub(1).ok_or_else(Budget::exceeded)?;
        Ok(())
    }
    fn limit(&self) -> usize {
        usize::try_from(self.bytes).unwrap_or(usize::MAX).max(1)
    }
}

pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_PDF_CONTENT as usize),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            FormatError::Encrypted { format: FORMAT }
        }
        lopdf::Error::Decompress(_) => Budget::exceeded(),
        _ => damaged("its structure cannot be read"),
    })?;
    if doc.is_encrypted() {
        return Err(FormatError::Encrypted { format: FORMAT });
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(FormatError::TooManyPages {
            format: FORMAT,
            pages: pages.len(),
            cap: MAX_PAGES,
        });
    }
    if pages.is_empty() {
        return Err(damaged("it has no pages"));
    }
    let mut budget = Budget {
        bytes: MAX_PDF_CONTENT,
        ops: MAX_PDF_OPERATIONS,
    };
    let mut laid = Vec::new();
    for &page_id in pages.values() {
        laid.push(read_page(&doc, page_id, &mut budget)?);
    }
    let mut out = TextOut::new(FORMAT);
    lay_out(&laid, &mut out);
    Ok(Extracted {
        text: out.finish()?,
        encoding: TextEncoding::Utf8,
    })
}

/// A page attribute, inherited from the page tree when the page lacks it.
fn inherited<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut id = page;
    for _ in 0..32 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(value) = dict.get(key) {
            return doc.dereference(value).ok().map(|(_, o)| o);
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
    }
    None
}

fn read_page(doc: &Document, page_id: ObjectId, budget: &mut Budget) -> Result<Page, FormatError> {
    let (width, height) = match inherited(doc, page_id, b"MediaBox").and_then(|o| o.as_array().ok())
    {
        Some(b) if b.len() == 4 => ((num(&b[2]) - num(&b[0])).abs(), num(&b[3]).max(num(&b[1]))),
        _ => (595.0, 842.0),
    };
    let content = doc
        .get_page_content_with_limit(page_id, budget.limit())
        .map_err(|e| match e {
            lopdf::Error::Decompress(_) => Budget::exceeded(),
            _ => damaged("a page's content cannot be read"),
        })?;
    budget.take_bytes(content.len())?;
    let resources = inherited(doc, page_id, b"Resources").and_then(|o| o.as_dict().ok());
    let mut page = Page {
        width,
        height,
        glyphs: Vec::new(),
    };
    let mut reader = PageReader {
        doc,
        budget,
        glyphs: &mut page.glyphs,
        height,
    };
    reader.run(&content, resources, IDENTITY, 0)?;
    Ok(page)
}

#[derive(Clone)]
struct TextState {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

struct PageReader<'d, 'b> {
    doc: &'d Document,
    budget: &'b mut Budget,
    glyphs: &'b mut Vec<Glyph>,
    height: f64,
}

impl PageReader<'_, '_> {
    fn fonts_of(&self, resources: Option<&Dictionary>) -> Vec<(Vec<u8>, Dictionary, Dictionary)> {
        let Some(fonts) = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|o| self.doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
        else {
            return Vec::new();
        };
        fonts
            .iter()
            .filter_map(|(name, o)| {
                let (_, font) = self.doc.dereference(o).ok()?;
                let dict = font.as_dict().ok()?;
                Some((name.clone(), dict.clone(), prepared(dict)))
            })
            .collect()
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), FormatError> {
        let owned = self.fonts_of(resources);
        let limit = self.budget.limit();
        let fonts: HashMap<&[u8], Font<'_>> = owned
            .iter()
            .map(|(name, original, prepared)| {
                (
                    name.as_slice(),
                    Font::load(self.doc, original, prepared, limit),
                )
            })
            .collect();
        let mut state = TextState {
            ctm,
            font: None,
            size: 12.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<TextState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in Content::decode_iter(content) {
            self.budget.take_op()?;
            let Ok(op) = op else { break };
            let o = &op.operands;
            let arg = |i: usize| o.get(i).map_or(0.0, num);
            match op.operator.as_str() {
                "q" if stack.len() < 64 => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" if o.len() == 6 => {
                    let m = [arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)];
                    state.ctm = multiply(&m, &state.ctm);
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    state.font = o.first().and_then(|n| n.as_name().ok()).map(<[u8]>::to_vec);
                    state.size = arg(1);
                }
                "Tc" => state.char_space = arg(0),
                "Tw" => state.word_space = arg(0),
                "Tz" => state.scale = arg(0) / 100.0,
                "TL" => state.leading = arg(0),
                "Ts" => state.rise = arg(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        state.leading = -arg(1);
                    }
                    tlm = multiply(&translate(arg(0), arg(1)), &tlm);
                    tm = tlm;
                }
                "Tm" if o.len() == 6 => {
                    tlm = [arg(0), arg(1), arg(2), arg(3), arg(4), arg(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = multiply(&translate(0.0, -state.leading), &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        if op.operator == "\"" {
                            state.word_space = arg(0);
                            state.char_space = arg(1);
                        }
                        tlm = multiply(&translate(0.0, -state.leading), &tlm);
                        tm = tlm;
                    }
                    let font = state.font.as_deref().and_then(|f| fonts.get(f));
                    for item in o {
                        match item {
                            Object::String(bytes, _) => {
                                if let Some(font) = font {
                                    self.show(font, bytes, &state, &mut tm);
                                }
                            }
                            Object::Array(parts) => {
                                for part in parts {
                                    match part {
                                        Object::String(bytes, _) => {
                                            if let Some(font) = font {
                                                self.show(font, bytes, &state, &mut tm);
                                            }
                                        }
                                        other => {
                                            let tx =
                                                -num(other) / 1000.0 * state.size * state.scale;
                                            tm = multiply(&translate(tx, 0.0), &tm);
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = o.first().and_then(|n| n.as_name().ok()) {
                        self.form(resources, name, state.ctm, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Draw a form XObject's text.
    fn form(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), FormatError> {
        let doc = self.doc;
        let Some(stream) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok())
            .and_then(|x| x.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_stream().ok())
        else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return Ok(());
        }
        let content = stream
            .decompressed_content_with_limit(self.budget.limit())
            .or_else(|e| match e {
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                }) => Err(Budget::exceeded()),
                _ => Ok(stream.content.clone()),
            })?;
        self.budget.take_bytes(content.len())?;
        let matrix = match stream.dict.get(b"Matrix").and_then(Object::as_array) {
            Ok(m) if m.len() == 6 => [
                num(&m[0]),
                num(&m[1]),
                num(&m[2]),
                num(&m[3]),
                num(&m[4]),
                num(&m[5]),
            ],
            _ => IDENTITY,
        };
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        self.run(
            &content,
            own.or(resources),
            multiply(&matrix, &ctm),
            depth + 1,
        )
    }

    /// Place each code of a shown string and advance the text matrix.
    fn show(&mut self, font: &Font<'_>, bytes: &[u8], state: &TextState, tm: &mut Matrix) {
        for (text, width, is_space) in font.decode(bytes) {
            let trm = multiply(
                &multiply(
                    &[
                        state.size * state.scale,
                        0.0,
                        0.0,
                        state.size,
                        0.0,
                        state.rise,
                    ],
                    tm,
                ),
                &state.ctm,
            );
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let advance = width / 1000.0 * state.size
                + state.char_space
                + if is_space { state.word_space } else { 0.0 };
            let advance = advance * state.scale;
            let x_scale = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt()
                / (state.size * state.scale).abs().max(1e-6);
            if !text.trim().is_empty() && self.glyphs.len() < 4_000_000 {
                self.glyphs.push(Glyph {
                    x: trm[4],
                    y: self.height - trm[5],
                    width: (width / 1000.0 * state.size * state.scale * x_scale).abs(),
                    size,
                    text,
                });
            }
            *tm = multiply(&translate(advance, 0.0), tm);
        }
    }
}
