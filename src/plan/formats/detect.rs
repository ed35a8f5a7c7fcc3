//! Which format a file is, by its content: a zip holding `word/document.xml` (.docx) or
//! `OFD.xml` (OFD); `%PDF`; an HTML page (`<!DOCTYPE html`, `<html`, or a page fragment
//! starting with common tags, after a BOM and white space, in UTF-8, UTF-16 or an ASCII-
//! compatible charset such as GBK); otherwise text. The file name plays no part here.

use super::zipped::Archive;
use super::{Format, FormatError};

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of `bytes`. A zip that is neither .docx nor OFD, and an old binary Office
/// file, are refused here with what to do instead.
pub fn detect(bytes: &[u8]) -> Result<Format, FormatError> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        let archive = Archive::open(bytes, "zip archive")?;
        if archive.find("word/document.xml").is_some() {
            return Ok(Format::Docx);
        }
        if archive.find("OFD.xml").is_some() {
            return Ok(Format::Ofd);
        }
        // A .docx whose main part has another name is found through its content types.
        if archive
            .names()
            .iter()
            .any(|n| n.starts_with("word/") && n.ends_with(".xml"))
        {
            return Ok(Format::Docx);
        }
        return Err(FormatError::UnknownZip);
    }
    if bytes.starts_with(OLE2) {
        return Err(FormatError::OldOffice);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if looks_like_html(bytes) {
        return Ok(Format::Html);
    }
    Ok(Format::Text)
}

/// The start of the file as lower-case ASCII (UTF-16 with a BOM read as its low bytes).
fn ascii_head(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(4096)];
    let units: Vec<u8> = if let Some(rest) = head.strip_prefix(&[0xFF, 0xFE]) {
        rest.chunks(2).map(|c| c[0]).collect()
    } else if let Some(rest) = head.strip_prefix(&[0xFE, 0xFF]) {
        rest.chunks(2).filter_map(|c| c.get(1).copied()).collect()
    } else {
        head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head).to_vec()
    };
    units
        .iter()
        .map(|&b| {
            if b.is_ascii() {
                b.to_ascii_lowercase() as char
            } else {
                ' '
            }
        })
        .collect()
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = ascii_head(bytes);
    let mut start = head.trim_start();
    // Comments and an XML declaration may come before the document.
    loop {
        if let Some(rest) = start.strip_prefix("<!--") {
            match rest.find("-->") {
                Some(end) => start = rest[end + 3..].trim_start(),
                None => return false,
            }
        } else if let Some(rest) = start.strip_prefix("<?xml") {
            match rest.find("?>") {
                Some(end) => start = rest[end + 2..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    const OPENERS: &[&str] = &[
        "<!doctype html",
        "<html",
        "<head",
        "<meta",
        "<body",
        "<title",
        "<div",
        "<table",
        "<p>",
        "<p ",
    ];
    OPENERS.iter().any(|o| start.starts_with(o))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn by_content() {
        assert_eq!(detect(b"%PDF-1.7\n...").ok(), Some(Format::Pdf));
        assert_eq!(
            detect("\u{feff}  <!DOCTYPE html><html>".as_bytes()).ok(),
            Some(Format::Html)
        );
        assert_eq!(
            detect(b"<!-- saved -->\n<HTML><head><meta charset=gbk>").ok(),
            Some(Format::Html)
        );
        assert_eq!(detect("一、总体要求\n".as_bytes()).ok(), Some(Format::Text));
        assert_eq!(detect(b"| a | b |\n").ok(), Some(Format::Text));
        assert!(matches!(detect(OLE2), Err(FormatError::OldOffice)));
        assert!(detect(b"PK\x03\x04garbage").is_err());
    }

    #[test]
    fn utf16_html() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<html>".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(detect(&bytes).ok(), Some(Format::Html));
    }
}
