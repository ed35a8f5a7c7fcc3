//! Where a search matches a title, for ranking and highlighting the rows already found
//! (the matching itself is [`super::Query`]'s, fast over every title; this runs on the
//! hits only). A Chinese query is found as written; a pinyin query is spelled by a run
//! of consecutive characters, each giving a prefix of one of its readings — whole
//! syllables (`changzhutan`) count apart from initials (`czt`).

use super::Query;
use super::readings::{Unit, push_readings};
use std::collections::HashMap;

/// A match in a title, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub len: usize,
    /// Characters spelled by a whole reading (all of them for a query found as written).
    pub whole: usize,
    /// The query was found as written (Chinese text, or letters in the title).
    pub literal: bool,
}

/// The best match of `query` in `title`: as written first, else the pinyin spelling with
/// the most whole syllables, the earliest among equals. `None` when it does not match.
pub fn find(title: &str, query: &str) -> Option<Found> {
    let query = query.trim();
    if query.is_empty() {
        return None;
    }
    if let Some(at) = title.find(query) {
        let len = query.chars().count();
        return Some(Found {
            start: title[..at].chars().count(),
            len,
            whole: len,
            literal: true,
        });
    }
    let letters = Query::new(query)?.letters;
    let readings: Vec<Option<Vec<String>>> = title
        .chars()
        .map(|c| {
            let mut out = String::new();
            match push_readings(c, &mut out, false) {
                Unit::Readings => Some(
                    out.split(super::READING_SEP)
                        .filter(|r| !r.is_empty())
                        .map(str::to_string)
                        .collect(),
                ),
                Unit::Separator => None,
            }
        })
        .collect();
    let mut best: Option<Found> = None;
    let mut memo = HashMap::new();
    for start in 0..readings.len() {
        // Only a character with a reading that starts with the first letter starts a match.
        let starts = readings[start]
            .as_ref()
            .is_some_and(|r| r.iter().any(|r| r.as_bytes().first() == letters.first()));
        if !starts {
            continue;
        }
        // Spelling from a character on does not depend on where the run began: one memo.
        if let Some((len, whole)) = spell(&readings, &letters, start, 0, &mut memo)
            && best.is_none_or(|b| whole > b.whole)
        {
            best = Some(Found {
                start,
                len,
                whole,
                literal: false,
            });
        }
    }
    best
}

/// Spell `letters[at..]` from character `from` on: the characters used and how many gave
/// a whole reading, the most whole readings first.
fn spell(
    readings: &[Option<Vec<String>>],
    letters: &[u8],
    from: usize,
    at: usize,
    memo: &mut HashMap<(usize, usize), Option<(usize, usize)>>,
) -> Option<(usize, usize)> {
    if at == letters.len() {
        return Some((0, 0));
    }
    if let Some(known) = memo.get(&(from, at)) {
        return *known;
    }
    let mut best: Option<(usize, usize)> = None;
    if let Some(Some(choices)) = readings.get(from) {
        let rest = &letters[at..];
        for reading in choices {
            let reading = reading.as_bytes();
            // A prefix of the reading, at least its first letter.
            let shared = reading.iter().zip(rest).take_while(|(a, b)| a == b).count();
            for used in 1..=shared {
                let whole = usize::from(used == reading.len());
                let next = if at + used == letters.len() {
                    Some((0, 0))
                } else {
                    spell(readings, letters, from + 1, at + used, memo)
                };
                if let Some((len, w)) = next {
                    let candidate = (len + 1, w + whole);
                    if best.is_none_or(|b| candidate.1 > b.1) {
                        best = Some(candidate);
                    }
                }
            }
        }
    }
    memo.insert((from, at), best);
    best
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn found_as_written_first() {
        let f = find("推动长株潭都市圈建设", "长株潭").unwrap();
        assert_eq!((f.start, f.len, f.literal), (2, 3, true));
        let f = find("建设5G网络", "5g").unwrap();
        assert_eq!((f.start, f.len, f.whole), (2, 2, 2));
    }

    #[test]
    fn pinyin_initials_and_whole_syllables() {
        let f = find("推动长株潭都市圈建设", "czt").unwrap();
        assert_eq!((f.start, f.len, f.whole, f.literal), (2, 3, 0, false));
        let f = find("推动长株潭都市圈建设", "changzhutan").unwrap();
        assert_eq!((f.start, f.len, f.whole), (2, 3, 3));
        // Mixed: whole syllables then an initial.
        let f = find("推动长株潭都市圈建设", "changzt").unwrap();
        assert_eq!((f.start, f.len, f.whole), (2, 3, 1));
        // 长 also reads zhang.
        assert!(find("推动长株潭都市圈建设", "zhangzt").is_some());
        assert_eq!(find("推动长株潭都市圈建设", "xyz"), None);
        // A separator ends a run.
        assert_eq!(find("长株，潭", "czt"), None);
    }

    #[test]
    fn the_match_with_more_whole_syllables_wins() {
        // 财政体制 spells czt by initials; 长株潭 by the syllable "zhu" too for "czhut".
        let f = find("财政体制与长株潭", "czhut").unwrap();
        assert_eq!(f.start, 5);
    }
}
