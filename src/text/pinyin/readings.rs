//! The readings of one character: from the pinyin data, and for the ideographs of the
//! basic block from a table built once, with the set of their first letters.

use super::READING_SEP;
use pinyin::ToPinyinMulti;

/// What one character of a text contributes to a key.
pub(super) enum Unit {
    /// A Han character (its readings) or an ASCII letter or digit (itself, lowercased).
    Readings,
    /// Anything else: breaks a match.
    Separator,
}

/// Fold full-width ASCII letters and digits (`５Ｇ`) to ASCII.
pub(super) fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Append the readings of `c` to `out`, comma-separated, lowercase ASCII, without
/// duplicates (several toned readings share one plain spelling). `ü` is spelled `v`;
/// `lüe` and `nüe` also as `lue` and `nue`, as input methods accept both. `first_only`
/// keeps only the first reading. Says whether `c` has readings or is a separator.
pub(super) fn push_readings(c: char, out: &mut String, first_only: bool) -> Unit {
    let c = fold_width(c);
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return Unit::Readings;
    }
    let Some(multi) = c.to_pinyin_multi() else {
        return Unit::Separator;
    };
    let start = out.len();
    for reading in multi {
        // The longest plain reading has six letters (zhuang).
        let mut buf = [0u8; 8];
        let mut len = 0;
        for r in reading.plain().chars() {
            let b = match r {
                'ü' => b'v',
                'ê' => b'e',
                r if r.is_ascii_alphabetic() => r.to_ascii_lowercase() as u8,
                _ => continue,
            };
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
                len += 1;
            }
        }
        let Ok(spelled) = std::str::from_utf8(&buf[..len]) else {
            continue;
        };
        push_unique(out, start, spelled);
        if first_only && out.len() > start {
            break;
        }
        match spelled {
            "lve" => push_unique(out, start, "lue"),
            "nve" => push_unique(out, start, "nue"),
            _ => {}
        }
    }
    if out.len() > start {
        Unit::Readings
    } else {
        Unit::Separator
    }
}

/// Append `reading` to the readings of one character (those in `out[start..]`) unless
/// it is empty or already there.
fn push_unique(out: &mut String, start: usize, reading: &str) {
    let known = out
        .get(start..)
        .is_some_and(|old| old.split(READING_SEP).any(|old| old == reading));
    if reading.is_empty() || known {
        return;
    }
    if out.len() > start {
        out.push(READING_SEP);
    }
    out.push_str(reading);
}

/// First and last of the CJK unified ideographs (the basic block), which plan titles are
/// almost entirely made of.
pub(super) const HAN_FIRST: u32 = 0x4E00;
pub(super) const HAN_LAST: u32 = 0x9FFF;

/// The encoded readings of a CJK unified ideograph ("" for none), from a table built on
/// first use (some 5 ms): a key is then a lookup per character instead of a walk through
/// the pinyin data, five times faster over 100k titles. `None` outside the block.
pub(super) fn han_readings(c: char) -> Option<&'static str> {
    han_entry(c).map(|(readings, _)| &**readings)
}

/// The readings of an ideograph of the basic block and the set of their first letters
/// ([`letter_bit`]).
pub(super) fn han_entry(c: char) -> Option<&'static (Box<str>, u64)> {
    static TABLE: std::sync::OnceLock<Vec<(Box<str>, u64)>> = std::sync::OnceLock::new();
    let index = u32::from(c).checked_sub(HAN_FIRST)?;
    if u32::from(c) > HAN_LAST {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (HAN_FIRST..=HAN_LAST)
            .map(|code| {
                let mut readings = String::new();
                if let Some(c) = char::from_u32(code) {
                    push_readings(c, &mut readings, false);
                }
                let mask = first_letters(readings.as_bytes());
                (readings.into_boxed_str(), mask)
            })
            .collect()
    });
    table.get(index as usize)
}

/// One bit per letter and digit.
pub(super) fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// The first letters of comma-joined readings, as [`letter_bit`]s.
pub(super) fn first_letters(readings: &[u8]) -> u64 {
    readings
        .split(|&b| b == READING_SEP as u8)
        .filter_map(|r| r.first())
        .fold(0, |mask, &b| mask | letter_bit(b))
}

/// Each ASCII letter and digit read as itself.
pub(super) const LETTERS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
