//! Pinyin search, so titles can be found without a Chinese input method.
//!
//! A [`Query`] spells a run of consecutive characters of a title, each by its initial
//! (`c`, or `ch`/`zh`/`sh`) or by a full reading; every Han character counts with all its
//! toneless readings (heteronyms included: 长 is both `chang` and `zhang`), ASCII letters
//! and digits stand for themselves, and any other character (punctuation, spaces,
//! quotes) ends a match. The last character may be spelled by any prefix of a reading,
//! so a title matches while the user is still typing: `czt`, `changzhutan`,
//! `zhangzhutan`, `changzt` and `changzhut` all find 长株潭.
//!
//! `ü` is written `v` (绿 is `lv`), as in every pinyin input method.
//!
//! Titles are matched as they are, through a table of every ideograph's readings: no
//! per-title key is built or kept. The tests keep the key-based matcher it replaced
//! (`keys`) as the reference it must agree with.

mod find;
#[cfg(test)]
mod keys;
mod query;
mod readings;

pub use find::{Found, find};
pub use query::Query;

/// Separates the readings of one character in the readings table.
const READING_SEP: char = ',';

/// Shortest query that can match anything; one letter would match almost every title.
const MIN_QUERY_LEN: usize = 2;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
