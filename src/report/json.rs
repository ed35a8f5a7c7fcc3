//! `--json` output: one JSON document, safe to print on a terminal.
//!
//! serde_json escapes C0 controls in strings but writes DEL, C1 controls, bidi and
//! invisible format characters raw; here those (and zero-width marks) are written as
//! `\uXXXX` escapes too, which any JSON reader decodes to the same string. Only string
//! contents can hold such characters, so escaping them anywhere is exact.

use crate::text::sanitize::is_terminal_safe;
use serde::Serialize;
use std::io::{self, Write};
use unicode_width::UnicodeWidthChar;

/// Write `value` as pretty JSON and a newline, as it is serialised (never the whole
/// document in memory: an export of 100k items is some 100 MB).
pub fn write_json<T: Serialize + ?Sized>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    let mut escaping = Escaping {
        out: io::BufWriter::with_capacity(1 << 16, out),
        pending: Vec::new(),
    };
    serde_json::to_writer_pretty(&mut escaping, value).map_err(io::Error::other)?;
    escaping.finish()?;
    let mut out = escaping.out;
    writeln!(out)?;
    out.flush()
}

/// A writer of JSON text that passes it on through [`escape_unsafe`]; a character split
/// between two writes waits for its end.
struct Escaping<W: Write> {
    out: W,
    /// The start of a character not yet complete.
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    fn finish(&mut self) -> io::Result<()> {
        let rest = std::mem::take(&mut self.pending);
        self.out.write_all(&rest)
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let mut joined;
        let text = if self.pending.is_empty() {
            bytes
        } else {
            joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(bytes);
            &joined[..]
        };
        let valid = match std::str::from_utf8(text) {
            Ok(valid) => valid,
            Err(e) => {
                let (head, tail) = text.split_at(e.valid_up_to());
                if e.error_len().is_some() {
                    // Not UTF-8 at all (serde_json writes only UTF-8): passed on as is.
                    self.out.write_all(text)?;
                    return Ok(bytes.len());
                }
                self.pending = tail.to_vec();
                std::str::from_utf8(head).map_err(io::Error::other)?
            }
        };
        if valid.chars().any(needs_escape) {
            self.out.write_all(escape_unsafe(valid).as_bytes())?;
        } else {
            self.out.write_all(valid.as_bytes())?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A JSON array written element by element, byte for byte what [`write_json`] writes
/// for the same elements gathered in a `Vec` (pretty, two-space indent, then a newline):
/// for output too large to gather.
pub struct JsonArray<'a> {
    out: &'a mut dyn Write,
    empty: bool,
}

impl<'a> JsonArray<'a> {
    pub fn new(out: &'a mut dyn Write) -> JsonArray<'a> {
        JsonArray { out, empty: true }
    }

    pub fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
        // One level deeper: JSON strings hold no raw line breaks, so every line break is
        // the layout's.
        let text = escape_unsafe(&text).replace('\n', "\n  ");
        let lead = if self.empty { "[\n  " } else { ",\n  " };
        self.empty = false;
        self.out.write_all(lead.as_bytes())?;
        self.out.write_all(text.as_bytes())
    }

    pub fn finish(self) -> io::Result<()> {
        let end = if self.empty { "[]\n" } else { "\n]\n" };
        self.out.write_all(end.as_bytes())
    }
}

fn needs_escape(c: char) -> bool {
    if c.is_ascii() {
        return c == '\u{7f}';
    }
    let mut buf = [0u8; 4];
    !is_terminal_safe(c.encode_utf8(&mut buf)) || c.width() == Some(0)
}

/// `text` with every character a terminal could act on written as a JSON `\u` escape.
pub fn escape_unsafe(text: &str) -> String {
    if !text.chars().any(needs_escape) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if needs_escape(c) {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn an_array_written_element_by_element_is_the_gathered_one() {
        #[derive(Serialize)]
        struct Item {
            id: i64,
            title: &'static str,
            co: Vec<&'static str>,
            empty: Vec<i64>,
        }
        let items = [
            Item {
                id: 1,
                title: "长株潭\n都市圈\u{202e}",
                co: vec!["省财政厅", "省发展改革委"],
                empty: Vec::new(),
            },
            Item {
                id: 2,
                title: "",
                co: Vec::new(),
                empty: vec![3],
            },
        ];
        for n in 0..=items.len() {
            let mut gathered = Vec::new();
            write_json(&items[..n], &mut gathered).unwrap();
            let mut streamed = Vec::new();
            let mut array = JsonArray::new(&mut streamed);
            for item in &items[..n] {
                array.push(item).unwrap();
            }
            array.finish().unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(gathered).unwrap()
            );
        }
    }

    #[test]
    fn characters_split_between_writes_are_escaped_whole() {
        let text = "\"a\u{202e}长\u{7f}b\"";
        let whole = escape_unsafe(text);
        for cut in 0..=text.len() {
            let mut out = Vec::new();
            let mut escaping = Escaping {
                out: &mut out,
                pending: Vec::new(),
            };
            escaping.write_all(&text.as_bytes()[..cut]).unwrap();
            escaping.write_all(&text.as_bytes()[cut..]).unwrap();
            escaping.finish().unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), whole, "cut at {cut}");
        }
    }

    #[test]
    fn hostile_strings_round_trip_escaped() {
        let hostile = "a\u{1b}]0;x\u{7}\u{9b}\u{202e}\u{7f}\u{e0041}长株潭";
        let mut out = Vec::new();
        write_json(&vec![hostile], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(is_terminal_safe(&text), "{text}");
        assert!(text.contains("长株潭"));
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, [hostile]);
    }
}
