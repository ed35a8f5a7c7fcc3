//! The order of a search's rows in plan order (issue 18, point 9): what was found as typed
//! first, then spellings with more whole syllables (`changzhutan` before `czt`), then the
//! matched text the most rows share — a recurring term such as 长株潭 rather than the
//! chance initials of 财政体(制) —, then a match at the start of the title or after
//! punctuation, then the earliest match, then plan order. Rows found only in their body
//! come last. Only the rows found are ranked, and only up to [`RANKED`] of them: a query
//! that keeps more (two letters over 100k titles) is still being typed, and keeps plan order
//! so each keystroke stays within its budget (BENCHMARKS.md).

use super::super::super::snapshot::Item;
use crate::text::pinyin::{Found, find};
use std::cmp::Reverse;
use std::collections::HashMap;

/// Most rows a search ranks.
pub const RANKED: usize = 1_000;

/// Reorder `visible` (indices into `items`, in plan order) by how well `query` matches.
pub(super) fn rank(visible: &mut [usize], items: &[Item], query: &str) {
    if visible.len() > RANKED {
        return;
    }
    let found: HashMap<usize, (Found, String)> = visible
        .iter()
        .filter_map(|&i| {
            let title = &items[i].title;
            let f = find(title, query)?;
            let matched: String = title.chars().skip(f.start).take(f.len).collect();
            Some((i, (f, matched)))
        })
        .collect();
    let mut shared: HashMap<&str, usize> = HashMap::new();
    for (_, matched) in found.values() {
        *shared.entry(matched.as_str()).or_default() += 1;
    }
    visible.sort_by_key(|&i| match found.get(&i) {
        Some((f, matched)) => {
            let before = f
                .start
                .checked_sub(1)
                .and_then(|b| items[i].title.chars().nth(b));
            let at_boundary = before.is_none_or(|c| !c.is_alphanumeric());
            (
                false,
                !f.literal,
                Reverse(f.whole),
                Reverse(shared.get(matched.as_str()).copied().unwrap_or(0)),
                !at_boundary,
                f.start,
                i,
            )
        }
        None => (true, true, Reverse(0), Reverse(0), true, usize::MAX, i),
    });
}

/// The characters of `title` a search matched, to highlight: (start, length).
pub fn matched(title: &str, query: &str) -> Option<(usize, usize)> {
    find(title, query).map(|f| (f.start, f.len))
}
