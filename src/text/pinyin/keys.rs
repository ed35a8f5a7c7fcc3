//! The pinyin key of a text and matching a query against it: the first design, kept for
//! the tests as the reference [`Query::matches_text`](super::Query::matches_text) must
//! agree with, and for building queries from titles (`initials`, `full`).

use super::readings::{Unit, han_readings, push_readings};

/// Separates positions (characters) inside a run.
pub(super) const POSITION_SEP: char = ' ';
/// Separates runs: stands for one or more characters that are neither Han nor ASCII
/// letters or digits.
pub(super) const RUN_SEP: char = '|';

/// The pinyin readings of a text, for [`matches`](super::query::matches).
///
/// Stored as one string to stay small (the store keeps one per item title): runs are
/// separated by `|`, the characters of a run by a space, and the readings of one
/// character by a comma, e.g. 长株潭（试点） → `zhang,chang zhu tan,xun,yin,dan|shi dian`.
/// Some six bytes per character, plus one 16-byte header; no per-character allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(super) struct PinyinKey {
    encoded: Box<str>,
}

impl PinyinKey {
    /// The encoded readings (see the type documentation); empty when the text has no
    /// Han characters, letters or digits.
    pub(super) fn as_str(&self) -> &str {
        &self.encoded
    }

    /// Whether the text had nothing to search for.
    pub(super) fn is_empty(&self) -> bool {
        self.encoded.is_empty()
    }
}

/// The reading [`initials`] and [`full`] use where the first one the pinyin data lists
/// is not the one plans mostly mean (counted in the texts under `seed/`): 长沙, 长株潭,
/// 长江 (not 增长); 都市圈 (not 都要); 协调, 调整 (not 调查).
const PREFERRED_READING: &[(char, &str)] = &[('长', "chang"), ('都', "du"), ('调', "tiao")];

/// Build the search key of a text.
pub(super) fn key(text: &str) -> PinyinKey {
    let mut encoded = String::with_capacity(text.len() * 2);
    // What to write before the next position, if anything is written at all.
    let mut pending: Option<char> = None;
    for c in text.chars() {
        let mark = encoded.len();
        if let Some(sep) = pending {
            encoded.push(sep);
        }
        let unit = match han_readings(c) {
            Some("") => Unit::Separator,
            Some(readings) => {
                encoded.push_str(readings);
                Unit::Readings
            }
            None => push_readings(c, &mut encoded, false),
        };
        match unit {
            Unit::Readings => pending = Some(POSITION_SEP),
            Unit::Separator => {
                encoded.truncate(mark);
                if pending.is_some() {
                    pending = Some(RUN_SEP);
                }
            }
        }
    }
    PinyinKey {
        encoded: encoded.into_boxed_str(),
    }
}

/// The first reading of every character (or only its first letter), but see
/// [`PREFERRED_READING`]; runs of other characters become one space, none at either end.
fn first_readings(text: &str, initial_only: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut reading = String::new();
    let mut gap = false;
    for c in text.chars() {
        reading.clear();
        let preferred = PREFERRED_READING.iter().find(|(p, _)| *p == c);
        let unit = match preferred {
            Some((_, r)) => {
                reading.push_str(r);
                Unit::Readings
            }
            None => push_readings(c, &mut reading, true),
        };
        match unit {
            Unit::Readings => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                if initial_only {
                    out.extend(reading.chars().next());
                } else {
                    out.push_str(&reading);
                }
            }
            Unit::Separator => gap = true,
        }
    }
    out
}

/// The initial of every character, by its first reading (长 is `c`, see
/// [`PREFERRED_READING`]), for a database column:
/// 株洲市“十四五”新型城镇化 → `zzs ssw xxczh`. ASCII letters and digits are kept
/// (lowercased); every run of other characters becomes one space.
pub(super) fn initials(text: &str) -> String {
    first_readings(text, true)
}

/// The first reading of every character (长 is `chang`, see [`PREFERRED_READING`]), for a
/// database column or display:
/// 长株潭 → `changzhutan`. ASCII letters and digits are kept (lowercased); every run of
/// other characters becomes one space.
pub(super) fn full(text: &str) -> String {
    first_readings(text, false)
}
