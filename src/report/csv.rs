//! A small RFC 4180 CSV writer: fields with a comma, a double quote, CR or LF are quoted,
//! quotes inside doubled; records end with CRLF.

use std::io::{self, Write};

/// One field, quoted when it must be.
pub fn field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\r', '\n']) {
        std::borrow::Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Write one record.
pub fn write_record<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> io::Result<()> {
    let line: Vec<_> = fields.iter().map(|f| field(f.as_ref())).collect();
    write!(out, "{}\r\n", line.join(","))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_when_needed() {
        let mut out = Vec::new();
        write_record(&mut out, &["a", "b,c", "say \"hi\"", "x\ny", "长株潭", ""]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",长株潭,\r\n"
        );
        assert_eq!(field("cr\r"), "\"cr\r\"");
    }
}
