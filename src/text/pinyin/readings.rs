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

/// The readings of every ideograph of the basic block, built once on first use (some
/// 5 ms): a key or a match then costs a lookup per character instead of a walk through
/// the pinyin data, five times faster over 100k titles. Packed (one string, offsets,
/// masks) so the parts a match touches per character stay in the CPU's caches.
struct HanTable {
    /// Every ideograph's comma-joined readings, one after another.
    text: String,
    /// Where each ideograph's readings end in `text` (they start where the previous end).
    ends: Vec<u32>,
    /// The first letters of each ideograph's readings ([`letter_bit`]; never a digit).
    firsts: Vec<u32>,
    /// For each letter `a`..=`z`, one bit per ideograph: whether one of its readings
    /// starts with it. 2.6 KiB a letter: a match that has not started yet checks a
    /// character against its query's first letter here, without touching the rest.
    starting: Vec<Box<[u64]>>,
}

const HAN_COUNT: usize = (HAN_LAST - HAN_FIRST + 1) as usize;

fn han_table() -> &'static HanTable {
    static TABLE: std::sync::OnceLock<HanTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HanTable {
            text: String::with_capacity(HAN_COUNT * 5),
            ends: Vec::with_capacity(HAN_COUNT),
            firsts: Vec::with_capacity(HAN_COUNT),
            starting: vec![vec![0; HAN_COUNT.div_ceil(64)].into_boxed_slice(); 26],
        };
        let mut readings = String::new();
        for (index, code) in (HAN_FIRST..=HAN_LAST).enumerate() {
            readings.clear();
            if let Some(c) = char::from_u32(code) {
                push_readings(c, &mut readings, false);
            }
            table.text.push_str(&readings);
            table
                .ends
                .push(u32::try_from(table.text.len()).unwrap_or(u32::MAX));
            let firsts = first_letters(readings.as_bytes());
            // Han readings never start with a digit (the bits past 31); if one did, every
            // letter is possible and the readings themselves decide.
            table.firsts.push(u32::try_from(firsts).unwrap_or(u32::MAX));
            for (letter, bits) in table.starting.iter_mut().enumerate() {
                if firsts & (1 << letter) != 0 {
                    bits[index / 64] |= 1 << (index % 64);
                }
            }
        }
        table
    })
}

/// The index of an ideograph of the basic block in the table.
fn han_index(c: char) -> Option<usize> {
    let code = u32::from(c);
    (HAN_FIRST..=HAN_LAST)
        .contains(&code)
        .then(|| (code - HAN_FIRST) as usize)
}

/// The encoded readings of a CJK unified ideograph ("" for none); `None` outside the
/// basic block.
#[cfg(test)]
pub(super) fn han_readings(c: char) -> Option<&'static str> {
    let index = han_index(c)?;
    let table = han_table();
    table.text.get(table.span(index))
}

/// The readings of an ideograph of the basic block (comma-joined ASCII) and the set of
/// their first letters ([`letter_bit`]).
#[inline]
pub(super) fn han_entry(c: char) -> Option<(&'static [u8], u64)> {
    let index = han_index(c)?;
    let table = han_table();
    let readings = table.text.as_bytes().get(table.span(index))?;
    Some((readings, u64::from(*table.firsts.get(index)?)))
}

impl HanTable {
    /// Where the readings of the ideograph at `index` are in `text`.
    fn span(&self, index: usize) -> std::ops::Range<usize> {
        let start = index
            .checked_sub(1)
            .and_then(|previous| self.ends.get(previous))
            .map_or(0, |&end| end as usize);
        let end = self.ends.get(index).map_or(start, |&end| end as usize);
        start..end
    }
}

/// The ideographs of the basic block one of whose readings starts with `letter`, one bit
/// each (by [`han_index`]); `None` for a digit or anything else.
pub(super) fn han_starting_with(letter: u8) -> Option<HanSet> {
    let bits = han_table()
        .starting
        .get(usize::from(letter.checked_sub(b'a')?))?;
    Some(HanSet { bits })
}

/// A set of ideographs of the basic block.
#[derive(Clone, Copy)]
pub(super) struct HanSet {
    bits: &'static [u64],
}

impl HanSet {
    /// Where the first character of `bytes[at..]` (UTF-8) that is not an ideograph of the
    /// basic block outside the set begins (`bytes.len()` when there is none). Read straight from
    /// the UTF-8 bytes: the inner loop of a pinyin search while no match is under way.
    pub(super) fn skip_others(self, bytes: &[u8], at: usize) -> usize {
        let mut rest = bytes.get(at..).unwrap_or_default();
        // U+4E00..=U+9FFF are the three-byte sequences led by E4 (from E4 B8 80) to E9.
        // Anything else, a broken sequence included, is left to the caller's decoding.
        while let [
            lead @ 0xE4..=0xE9,
            second @ 0x80..=0xBF,
            third @ 0x80..=0xBF,
            after @ ..,
        ] = rest
        {
            let code = (u32::from(lead & 0x0F) << 12)
                | (u32::from(second & 0x3F) << 6)
                | u32::from(third & 0x3F);
            let Some(index) = code.checked_sub(HAN_FIRST) else {
                break;
            };
            let index = index as usize;
            if self.bits[index / 64] & (1 << (index % 64)) != 0 {
                break;
            }
            rest = after;
        }
        bytes.len() - rest.len()
    }
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
