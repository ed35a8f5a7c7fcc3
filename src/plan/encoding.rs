//! Decoding plan files: BOM first, then strict UTF-8, then strict GB18030; never a guess.
//!
//! Plan texts arrive from websites, Word exports and e-mail, so the bytes are untrusted.
//! The rules:
//! - a byte-order mark decides the encoding, and the content must then be valid in it;
//! - without a BOM, strict UTF-8, then strict GB18030 (GBK is a subset);
//! - nothing else: no single-byte legacy guess, no replacement characters;
//! - binary junk, empty files and files over [`MAX_FILE_BYTES`] are refused by name.
//!
//! Line ends come back as `\n` only (CRLF and lone CR are converted here, once).

use super::{MAX_FILE_BYTES, TextEncoding};
use encoding_rs::{DecoderResult, GB18030};
use std::borrow::Cow;
use thiserror::Error;

const BOM_UTF8: &[u8] = &[0xEF, 0xBB, 0xBF];
const BOM_UTF16LE: &[u8] = &[0xFF, 0xFE];
const BOM_UTF16BE: &[u8] = &[0xFE, 0xFF];

/// A BOM-less file whose valid UTF-8 prefix already holds this many non-ASCII characters is
/// UTF-8 with a damaged byte, not GB18030: reading it as GB18030 would be silent mojibake.
/// (A GB18030 text passes as UTF-8 for this many CJK characters by chance only about once in
/// several thousand files, and then it is refused, never misread.)
const UTF8_EVIDENCE_CHARS: usize = 4;

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EncodingError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "the file is {} ({bytes} bytes), over the {} limit for a plan file; check that this is \
         the right file (a plan text is normally well under 1 MB) or split it",
        mb(*.bytes),
        mb(*.cap)
    )]
    TooLarge { bytes: usize, cap: usize },
    #[error(
        "the file starts with a {name} byte-order mark but is not valid {name}: invalid byte \
         sequence at byte {offset}; re-save it as UTF-8",
        name = bom_name(*.encoding)
    )]
    Malformed {
        encoding: TextEncoding,
        offset: usize,
    },
    #[error(
        "the file reads as UTF-8 up to byte {offset}, where there is an invalid or truncated \
         UTF-8 sequence (a damaged or cut-off file, or text pasted in another encoding); \
         repair the text at that point or re-save the whole file as UTF-8"
    )]
    BrokenUtf8 { offset: usize },
    #[error(
        "the file is not UTF-8, UTF-16 (with BOM) or GB18030/GBK: invalid byte sequence at byte \
         {offset}; convert it to UTF-8 first (e.g. iconv -f <encoding> -t UTF-8 FILE > FILE.txt)"
    )]
    Unrecognised { offset: usize },
    #[error(
        "the file looks like a binary file, not a plan text ({count} NUL/control bytes); \
         export or copy the plan as plain text (.txt) first"
    )]
    Binary { count: usize },
}

fn mb(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    if bytes.is_multiple_of(MIB) {
        format!("{} MB", bytes / MIB)
    } else {
        // Tenths of a MB, rounded down so a file just over the cap never prints as the cap.
        let tenths = bytes / (MIB / 10);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

fn bom_name(encoding: TextEncoding) -> &'static str {
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
        TextEncoding::Utf16Le => "UTF-16LE",
        TextEncoding::Utf16Be => "UTF-16BE",
        TextEncoding::Gb18030 => "GB18030",
    }
}

/// Decode a plan file's bytes. Returns the text (BOM stripped, line ends `\n`) and the
/// encoding found; every refusal names its reason and, where there is one, the byte offset.
pub fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), EncodingError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(EncodingError::TooLarge {
            bytes: bytes.len(),
            cap: MAX_FILE_BYTES,
        });
    }
    let (text, encoding) = if let Some(body) = bytes.strip_prefix(BOM_UTF8) {
        let text = std::str::from_utf8(body).map_err(|e| EncodingError::Malformed {
            encoding: TextEncoding::Utf8Bom,
            offset: BOM_UTF8.len() + e.valid_up_to(),
        })?;
        (Cow::Borrowed(text), TextEncoding::Utf8Bom)
    } else if let Some(body) = bytes.strip_prefix(BOM_UTF16LE) {
        let text = decode_utf16(body, u16::from_le_bytes, TextEncoding::Utf16Le)?;
        (Cow::Owned(text), TextEncoding::Utf16Le)
    } else if let Some(body) = bytes.strip_prefix(BOM_UTF16BE) {
        let text = decode_utf16(body, u16::from_be_bytes, TextEncoding::Utf16Be)?;
        (Cow::Owned(text), TextEncoding::Utf16Be)
    } else {
        decode_unmarked(bytes)?
    };
    check_content(&text)?;
    Ok((normalize_line_ends(&text), encoding))
}

/// UTF-16 after its BOM (2 bytes), strictly: an unpaired surrogate or an odd trailing byte is
/// an error at its byte offset in the file.
fn decode_utf16(
    body: &[u8],
    unit: fn([u8; 2]) -> u16,
    encoding: TextEncoding,
) -> Result<String, EncodingError> {
    let pairs = body.chunks_exact(2);
    let odd_tail = !pairs.remainder().is_empty();
    let units = pairs.map(|p| unit([p[0], p[1]]));
    let mut out = String::with_capacity(body.len() / 2 * 3);
    let mut at_unit = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                out.push(c);
                at_unit += c.len_utf16();
            }
            Err(_) => {
                return Err(EncodingError::Malformed {
                    encoding,
                    offset: 2 + at_unit * 2,
                });
            }
        }
    }
    if odd_tail {
        return Err(EncodingError::Malformed {
            encoding,
            offset: 2 + body.len() - 1,
        });
    }
    Ok(out)
}

/// No BOM: strict UTF-8, else strict GB18030, else a named refusal.
fn decode_unmarked(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), EncodingError> {
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok((Cow::Borrowed(text), TextEncoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    let valid_prefix = bytes.get(..utf8_error).unwrap_or_default();
    let non_ascii = valid_prefix.iter().filter(|&&b| b >= 0xC0).count();
    if let Some(count) = binary_count(bytes.iter().map(|&b| u32::from(b))) {
        return Err(EncodingError::Binary { count });
    }
    if non_ascii >= UTF8_EVIDENCE_CHARS {
        return Err(EncodingError::BrokenUtf8 { offset: utf8_error });
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text, TextEncoding::Gb18030)),
        None => Err(EncodingError::Unrecognised {
            offset: utf8_error.max(gb18030_error_offset(bytes)),
        }),
    }
}

/// Byte offset of the first malformed GB18030 sequence (the file length if there is none).
fn gb18030_error_offset(bytes: &[u8]) -> usize {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut buf = [0u8; 8192];
    let mut pos = 0usize;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        let (result, read, _) = decoder.decode_to_utf8_without_replacement(rest, &mut buf, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => return bytes.len(),
            DecoderResult::OutputFull => {}
            DecoderResult::Malformed(bad, after) => {
                return pos.saturating_sub(usize::from(bad) + usize::from(after));
            }
        }
    }
}

/// `Some(n)` when the code units look like binary data: any NUL, or more than 1% C0 control
/// characters other than TAB, LF, CR and FF. `n` counts the NUL and control units.
fn binary_count(units: impl Iterator<Item = u32>) -> Option<usize> {
    let (mut total, mut nul, mut control) = (0usize, 0usize, 0usize);
    for u in units {
        total += 1;
        match u {
            0 => nul += 1,
            0x09 | 0x0A | 0x0C | 0x0D => {}
            1..0x20 => control += 1,
            _ => {}
        }
    }
    (nul > 0 || control * 100 > total).then_some(nul + control)
}

fn check_content(text: &str) -> Result<(), EncodingError> {
    if text.trim().is_empty() {
        return Err(EncodingError::Empty);
    }
    match binary_count(text.chars().map(u32::from)) {
        Some(count) => Err(EncodingError::Binary { count }),
        None => Ok(()),
    }
}

/// CRLF and lone CR become LF.
fn normalize_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use TextEncoding::*;

    const ZH: &str = "湖南省推进以人为本的新型城镇化行动方案（2024—2026年）\n一、总体要求\n";

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        let mut out = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn bom_decides_and_is_stripped() {
        let mut bytes = BOM_UTF8.to_vec();
        bytes.extend(ZH.as_bytes());
        assert_eq!(decode(&bytes).unwrap(), (ZH.to_owned(), Utf8Bom));
        assert_eq!(decode(&utf16(ZH, true)).unwrap(), (ZH.to_owned(), Utf16Le));
        assert_eq!(decode(&utf16(ZH, false)).unwrap(), (ZH.to_owned(), Utf16Be));
        // Astral characters (surrogate pairs) survive.
        assert_eq!(decode(&utf16("𠀀规划", true)).unwrap().0, "𠀀规划");
    }

    #[test]
    fn malformed_content_under_a_bom_names_encoding_and_offset() {
        let mut bytes = BOM_UTF8.to_vec();
        bytes.extend(b"ab\xFFcd");
        let err = decode(&bytes).unwrap_err();
        assert_eq!(
            err,
            EncodingError::Malformed {
                encoding: Utf8Bom,
                offset: 5
            }
        );
        let msg = err.to_string();
        assert!(
            msg.contains("UTF-8 byte-order mark") && msg.contains("byte 5"),
            "{msg}"
        );

        // Unpaired high surrogate D800 followed by 'a'.
        let err = decode(&[0xFF, 0xFE, b'x', 0, 0x00, 0xD8, b'a', 0]).unwrap_err();
        assert_eq!(
            err,
            EncodingError::Malformed {
                encoding: Utf16Le,
                offset: 4
            }
        );
        assert!(err.to_string().contains("UTF-16LE"), "{err}");
        // Odd trailing byte.
        let err = decode(&[0xFE, 0xFF, 0, b'x', 0, b'y', 0]).unwrap_err();
        assert_eq!(
            err,
            EncodingError::Malformed {
                encoding: Utf16Be,
                offset: 6
            }
        );
    }

    #[test]
    fn plain_utf8_then_gb18030_and_gbk() {
        assert_eq!(decode(ZH.as_bytes()).unwrap(), (ZH.to_owned(), Utf8));
        let (gb, _, lossy) = GB18030.encode(ZH);
        assert!(!lossy);
        assert_eq!(decode(&gb).unwrap(), (ZH.to_owned(), Gb18030));
        let (gbk, _, lossy) = encoding_rs::GBK.encode(ZH);
        assert!(!lossy);
        assert_eq!(decode(&gbk).unwrap(), (ZH.to_owned(), Gb18030));
        // A GB18030 four-byte sequence (U+20AC is two-byte; U+00E9 é is four-byte).
        let (gb4, _, _) = GB18030.encode("规划é");
        assert_eq!(decode(&gb4).unwrap().0, "规划é");
    }

    #[test]
    fn neither_utf8_nor_gb18030_is_refused_with_offset() {
        let err = decode(b"caf\xe9 au lait \xff\xfe").unwrap_err();
        assert!(matches!(err, EncodingError::Unrecognised { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("GB18030/GBK") && msg.contains("iconv"),
            "{msg}"
        );
    }

    #[test]
    fn utf8_with_a_damaged_byte_is_not_read_as_gb18030() {
        let mut bytes = ZH.as_bytes().to_vec();
        let at = bytes.len();
        bytes.extend(&"城镇化".as_bytes()[..2]); // cut mid-character
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err, EncodingError::BrokenUtf8 { offset: at });
        assert!(err.to_string().contains(&format!("byte {at}")), "{err}");
    }

    #[test]
    fn gb18030_error_offset_points_at_the_bad_byte() {
        assert_eq!(gb18030_error_offset(b"ab\xff"), 2);
        assert_eq!(gb18030_error_offset(b"ab\xd6\xd0\x81"), 4);
        // 规 = E8 A7 84: "E8 A7" is a GB18030 pair, then 84 is cut off.
        assert_eq!(gb18030_error_offset("规".as_bytes()), 2);
    }

    #[test]
    fn binary_junk_is_refused() {
        let err = decode(b"text\0with a NUL").unwrap_err();
        assert_eq!(err, EncodingError::Binary { count: 1 });
        assert!(err.to_string().contains("binary file"), "{err}");
        // Under a UTF-16 BOM the NUL bytes of ASCII are fine; a NUL character is not.
        assert!(decode(&utf16("abc", true)).is_ok());
        assert_eq!(
            decode(&utf16("a\0c", true)),
            Err(EncodingError::Binary { count: 1 })
        );
        // More than 1% other C0 controls.
        let mut text = "x".repeat(98);
        text.push_str("\x01\x02");
        assert_eq!(
            decode(text.as_bytes()),
            Err(EncodingError::Binary { count: 2 })
        );
        // Exactly 1% is tolerated; TAB, CR, LF and FF do not count.
        let mut text = "x".repeat(99);
        text.push('\x01');
        assert!(decode(text.as_bytes()).is_ok());
        assert!(decode(b"a\tb\x0cc\r\nd").is_ok());
        // Undecodable junk with NULs is called binary, not "unrecognised encoding".
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").unwrap_err();
        assert!(matches!(err, EncodingError::Binary { .. }), "{err:?}");
    }

    #[test]
    fn empty_inputs() {
        assert_eq!(decode(b""), Err(EncodingError::Empty));
        assert_eq!(decode(BOM_UTF8), Err(EncodingError::Empty));
        assert_eq!(decode(BOM_UTF16LE), Err(EncodingError::Empty));
        assert_eq!(decode(BOM_UTF16BE), Err(EncodingError::Empty));
        assert_eq!(decode(" \r\n\t\n　".as_bytes()), Err(EncodingError::Empty));
        assert_eq!(EncodingError::Empty.to_string(), "the file is empty");
    }

    #[test]
    fn size_cap_is_checked_before_decoding() {
        let big = vec![0xFFu8; MAX_FILE_BYTES + 1];
        let err = decode(&big).unwrap_err();
        assert_eq!(
            err,
            EncodingError::TooLarge {
                bytes: MAX_FILE_BYTES + 1,
                cap: MAX_FILE_BYTES
            }
        );
        let msg = err.to_string();
        assert!(
            msg.contains("16.0 MB") && msg.contains("16 MB limit"),
            "{msg}"
        );
        let at_cap = vec![b'a'; MAX_FILE_BYTES];
        assert!(decode(&at_cap).is_ok());
        assert_eq!(mb(17 * 1024 * 1024), "17 MB");
        assert_eq!(mb(1024 * 1024 + 600 * 1024), "1.5 MB");
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(decode(b"a\r\nb\rc\n\r\nd\r").unwrap().0, "a\nb\nc\n\nd\n");
        assert_eq!(decode(&utf16("a\r\nb\rc", false)).unwrap().0, "a\nb\nc");
        let (gb, _, _) = GB18030.encode("规划\r\n目标\r");
        assert_eq!(decode(&gb).unwrap(), ("规划\n目标\n".to_owned(), Gb18030));
    }
}
