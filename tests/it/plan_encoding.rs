//! The encoding matrix (the rules are in `plan/encoding.rs`): every fixture is either decoded to text
//! identical to the UTF-8 original, or refused with a named reason. Never silent mojibake.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use encoding_rs::{GB18030, GBK};
use plantrack::plan::encoding::{EncodingError, decode};
use plantrack::plan::{MAX_FILE_BYTES, TextEncoding};

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/seed/");
const ACTION_2024: &str = "hunan-urbanization-action-plan-2024.txt";
const ALL_SEEDS: &[&str] = &[
    ACTION_2024,
    "hunan-15th-fyp-outline.txt",
    "hunan-urbanization-14th-fyp.txt",
    "hunan-urbanization-14th-fyp.zh-hant.txt",
    "zhuzhou-urbanization-14th-fyp.txt",
];

fn seed_text(name: &str) -> String {
    let bytes = std::fs::read(format!("{SEED}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
}

fn with_prefix(prefix: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = prefix.to_vec();
    out.extend_from_slice(body);
    out
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut out = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

fn assert_decodes(bytes: &[u8], want_text: &str, want: TextEncoding, what: &str) {
    match decode(bytes) {
        Ok((text, encoding)) => {
            assert_eq!(encoding, want, "{what}: encoding");
            assert!(
                text == want_text,
                "{what}: text differs from the UTF-8 original"
            );
            assert!(!text.contains('\u{FFFD}'), "{what}: replacement character");
        }
        Err(e) => panic!("{what}: {e}"),
    }
}

/// Deterministic pseudo-random bytes (xorshift), so failures reproduce.
fn junk(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[3]
        })
        .collect()
}

#[test]
fn utf8_with_and_without_bom() {
    let text = seed_text(ACTION_2024);
    assert_decodes(text.as_bytes(), &text, TextEncoding::Utf8, "UTF-8");
    let bom = with_prefix(&[0xEF, 0xBB, 0xBF], text.as_bytes());
    assert_decodes(&bom, &text, TextEncoding::Utf8Bom, "UTF-8 BOM");
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let text = seed_text(ACTION_2024);
    assert_decodes(
        &utf16(&text, true),
        &text,
        TextEncoding::Utf16Le,
        "UTF-16LE",
    );
    assert_decodes(
        &utf16(&text, false),
        &text,
        TextEncoding::Utf16Be,
        "UTF-16BE",
    );
}

#[test]
fn every_seed_as_gb18030_reads_back_identically() {
    for name in ALL_SEEDS {
        let text = seed_text(name);
        let (bytes, _, lossy) = GB18030.encode(&text);
        assert!(!lossy, "{name}: GB18030 cannot encode it");
        assert_decodes(&bytes, &text, TextEncoding::Gb18030, name);
    }
}

#[test]
fn gbk_is_read_as_gb18030() {
    let text = seed_text(ACTION_2024);
    let (bytes, _, lossy) = GBK.encode(&text);
    assert!(!lossy, "the seed has characters outside GBK");
    assert_decodes(&bytes, &text, TextEncoding::Gb18030, "GBK");
}

#[test]
fn crlf_and_lone_cr_read_like_lf() {
    let text = seed_text(ACTION_2024);
    let crlf = text.replace('\n', "\r\n");
    let cr = text.replace('\n', "\r");
    assert_decodes(crlf.as_bytes(), &text, TextEncoding::Utf8, "CRLF");
    assert_decodes(cr.as_bytes(), &text, TextEncoding::Utf8, "CR");
    let (gb, _, _) = GB18030.encode(&crlf);
    assert_decodes(&gb, &text, TextEncoding::Gb18030, "GB18030 CRLF");
    assert_decodes(
        &utf16(&cr, true),
        &text,
        TextEncoding::Utf16Le,
        "UTF-16LE CR",
    );
}

#[test]
fn latin1_bytes_mid_file_are_an_error_not_mojibake() {
    let text = seed_text(ACTION_2024);
    let cut = text.char_indices().nth(200).map(|(i, _)| i).unwrap();
    let mut bytes = text.as_bytes()[..cut].to_vec();
    bytes.extend_from_slice(b"caf\xe9 \xff\xfe");
    bytes.extend_from_slice(&text.as_bytes()[cut..]);
    let err = decode(&bytes).unwrap_err();
    assert_eq!(err, EncodingError::BrokenUtf8 { offset: cut + 3 });
    assert!(
        err.to_string().contains(&format!("byte {}", cut + 3)),
        "{err}"
    );

    // A whole Latin-1 (or Windows-1252) file: neither UTF-8 nor GB18030.
    let err = decode(b"R\xe9sum\xe9 du plan: caf\xe9 \xff\xfe\n").unwrap_err();
    assert!(matches!(err, EncodingError::Unrecognised { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("not UTF-8, UTF-16 (with BOM) or GB18030/GBK"),
        "{msg}"
    );
    assert!(
        msg.contains("convert it to UTF-8") && msg.contains("iconv"),
        "{msg}"
    );
}

#[test]
fn utf8_cut_mid_character_is_never_read_as_gb18030() {
    let text = seed_text(ACTION_2024);
    let bytes = text.as_bytes();
    // Every cut inside a multi-byte character in the first few thousand bytes, once the text
    // has shown itself to be UTF-8 (four non-ASCII characters; before that a few bytes can be
    // valid GB18030 as well, which no decoder can tell apart).
    let evidence = text.char_indices().filter(|(_, c)| !c.is_ascii()).nth(3);
    let from = evidence.map(|(i, c)| i + c.len_utf8()).unwrap();
    for cut in (from..4000).filter(|&i| !text.is_char_boundary(i)) {
        match decode(&bytes[..cut]) {
            Ok((_, encoding)) => panic!("cut at {cut}: decoded as {encoding:?}"),
            Err(e) => assert!(
                matches!(
                    e,
                    EncodingError::BrokenUtf8 { .. } | EncodingError::Unrecognised { .. }
                ),
                "cut at {cut}: {e:?}"
            ),
        }
    }
}

#[test]
fn malformed_under_a_bom_is_an_error() {
    let text = seed_text(ACTION_2024);
    let (gb, _, _) = GB18030.encode(&text);
    let err = decode(&with_prefix(&[0xEF, 0xBB, 0xBF], &gb)).unwrap_err();
    assert!(
        matches!(
            err,
            EncodingError::Malformed {
                encoding: TextEncoding::Utf8Bom,
                ..
            }
        ),
        "{err:?}"
    );
    let mut odd = utf16(&text, true);
    odd.push(b'x');
    let err = decode(&odd).unwrap_err();
    let offset = odd.len() - 1;
    assert_eq!(
        err,
        EncodingError::Malformed {
            encoding: TextEncoding::Utf16Le,
            offset
        }
    );
    assert!(err.to_string().contains(&format!("byte {offset}")), "{err}");
}

#[test]
fn empty_files() {
    for bytes in [
        &b""[..],
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\n\r\n  \t\n",
    ] {
        let err = decode(bytes).unwrap_err();
        assert_eq!(err, EncodingError::Empty, "{bytes:?}");
        assert_eq!(err.to_string(), "the file is empty");
    }
}

#[test]
fn binary_junk_is_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(junk(4096, 0x9E37_79B9_7F4A_7C15));
    let err = decode(&png).unwrap_err();
    assert!(matches!(err, EncodingError::Binary { .. }), "{err:?}");
    assert!(
        err.to_string().contains("looks like a binary file"),
        "{err}"
    );

    // Random bytes without a single NUL still carry far more than 1% control bytes.
    let no_nul: Vec<u8> = junk(4096, 42).into_iter().filter(|&b| b != 0).collect();
    assert!(matches!(decode(&no_nul), Err(EncodingError::Binary { .. })));

    // A plan text with NULs pasted in (a Word export gone wrong).
    let mut text = seed_text(ACTION_2024).into_bytes();
    text.splice(100..100, [0u8; 3]);
    assert_eq!(decode(&text), Err(EncodingError::Binary { count: 3 }));
}

#[test]
fn files_over_the_cap_are_refused_before_decoding() {
    let big = vec![b'a'; 17 * 1024 * 1024];
    let err = decode(&big).unwrap_err();
    assert_eq!(
        err,
        EncodingError::TooLarge {
            bytes: big.len(),
            cap: MAX_FILE_BYTES
        }
    );
    let msg = err.to_string();
    assert!(
        msg.contains("17 MB") && msg.contains("16 MB limit"),
        "{msg}"
    );
}
