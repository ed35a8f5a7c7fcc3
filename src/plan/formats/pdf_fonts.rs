//! What a PDF font says about its character codes: how many bytes a code takes (two for
//! the composite fonts CJK text uses), the Unicode text of each code (the font's ToUnicode
//! map first, then a predefined UCS-2 CMap or a simple encoding) and each glyph's width.

use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::HashMap;

/// A font prepared for decoding: a copy of its dictionary in which the ToUnicode map, when
/// there is one, takes precedence over the encoding (lopdf prefers /Encoding).
pub fn prepared(dict: &Dictionary) -> Dictionary {
    let mut copy = dict.clone();
    if copy.has(b"ToUnicode") {
        copy.remove(b"Encoding");
    }
    copy
}

pub struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    two_byte: bool,
    widths: HashMap<u32, f64>,
    default_width: f64,
}

fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map_or(object, |(_, o)| o)
}

impl<'a> Font<'a> {
    /// `original` is the font dictionary as found; `prepared` its copy from [`prepared`].
    pub fn load(
        doc: &'a Document,
        original: &Dictionary,
        prepared: &'a Dictionary,
        limit: usize,
    ) -> Font<'a> {
        let subtype = original
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let encoding_name = original
            .get(b"Encoding")
            .and_then(Object::as_name)
            .unwrap_or(b"")
            .to_vec();
        let has_map = original.has(b"ToUnicode");
        // A composite font with Identity encoding and no ToUnicode map cannot be decoded
        // without reading the embedded font program: its text is left out.
        let decodable = has_map || !two_byte || !encoding_name.starts_with(b"Identity");
        let encoding = if decodable {
            prepared.get_font_encoding_with_limit(doc, limit).ok()
        } else {
            None
        };
        let mut font = Font {
            encoding,
            two_byte,
            widths: HashMap::new(),
            default_width: if two_byte { 1000.0 } else { 500.0 },
        };
        if two_byte {
            font.load_cid_widths(doc, original);
        } else {
            font.load_simple_widths(doc, original);
        }
        font
    }

    fn load_simple_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0);
        if let Ok(widths) = dict
            .get(b"Widths")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
        {
            for (i, w) in widths.iter().take(256).enumerate() {
                if let Some(w) = number(deref(doc, w)) {
                    self.widths.insert(first as u32 + i as u32, w);
                }
            }
        }
    }

    fn load_cid_widths(&mut self, doc: &Document, dict: &Dictionary) {
        let Some(descendant) = dict
            .get(b"DescendantFonts")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        if let Some(dw) = descendant.get(b"DW").ok().and_then(number) {
            self.default_width = dw;
        }
        let Ok(w) = descendant
            .get(b"W")
            .map(|o| deref(doc, o))
            .and_then(Object::as_array)
        else {
            return;
        };
        let mut i = 0;
        while i < w.len() && self.widths.len() < 70_000 {
            let Some(first) = number(deref(doc, &w[i])) else {
                break;
            };
            match w.get(i + 1).map(|o| deref(doc, o)) {
                Some(Object::Array(list)) => {
                    for (k, width) in list.iter().enumerate().take(70_000) {
                        if let Some(width) = number(deref(doc, width)) {
                            self.widths.insert(first as u32 + k as u32, width);
                        }
                    }
                    i += 2;
                }
                Some(last) => {
                    let (Some(last), Some(width)) = (
                        number(last),
                        w.get(i + 2).and_then(|o| number(deref(doc, o))),
                    ) else {
                        break;
                    };
                    let (first, last) = (first as u32, (last as u32).min(first as u32 + 70_000));
                    for code in first..=last {
                        self.widths.insert(code, width);
                    }
                    i += 3;
                }
                None => break,
            }
        }
    }

    /// The codes of a shown string: each code's text (empty when it cannot be decoded),
    /// its width in thousandths of the type size, and whether it is the one-byte space.
    pub fn decode(&self, bytes: &[u8]) -> Vec<(String, f64, bool)> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|code_bytes| {
                let code = code_bytes
                    .iter()
                    .fold(0u32, |acc, &b| acc * 256 + u32::from(b));
                let text = self
                    .encoding
                    .as_ref()
                    .and_then(|e| e.bytes_to_string(code_bytes).ok())
                    .unwrap_or_default()
                    .replace('\u{FFFD}', "");
                let width = self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width);
                (text, width, !self.two_byte && code == 32)
            })
            .collect()
    }
}
