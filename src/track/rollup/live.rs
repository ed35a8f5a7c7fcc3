//! Roll-ups kept current while items change, for the workbench: each item's facts are
//! counted once at load, and an edit moves only that item's counts (uncount the old
//! facts, count the new), so every roll-up is current after an edit in microseconds
//! instead of a pass over every item. Same counting rules and row order as
//! [`rollup`](super::rollup); the tests check the two agree.

use super::{Counted, NO_CHAPTER, Order, RollupRow, TOTAL_KEY, TOTAL_LABEL, Tally, name_order};
use std::collections::HashMap;
use std::hash::Hash;

/// Groups keyed by `K` (an interned name, a plan, a (plan, chapter) pair), in the order
/// they were first counted. A group whose items all moved away stays, empty, and is
/// left out of the rows.
#[derive(Debug, Clone)]
pub struct LiveGroups<K> {
    index: HashMap<K, usize, foldhash::fast::RandomState>,
    tallies: Vec<(K, Tally)>,
}

impl<K> Default for LiveGroups<K> {
    fn default() -> Self {
        LiveGroups {
            index: HashMap::default(),
            tallies: Vec::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> LiveGroups<K> {
    pub fn count(&mut self, key: &K, item: &Counted) {
        let next = self.tallies.len();
        let slot = *self.index.entry(key.clone()).or_insert(next);
        if slot == next {
            self.tallies.push((key.clone(), Tally::default()));
        }
        self.tallies[slot].1.count(item);
    }

    pub fn uncount(&mut self, key: &K, item: &Counted) {
        if let Some(&slot) = self.index.get(key) {
            self.tallies[slot].1.uncount(item);
        }
    }

    /// Rows in first-counted order; `names` gives each group's key and label.
    pub fn rows_first_seen(&self, names: impl Fn(&K) -> (String, String)) -> Vec<RollupRow> {
        self.rows(Order::FirstSeen, |k| {
            let (key, label) = names(k);
            (key, label)
        })
    }

    /// Rows sorted by name (code points), the placeholder group last.
    pub fn rows_by_name(
        &self,
        placeholder: Option<&'static str>,
        name: impl Fn(&K) -> String,
    ) -> Vec<RollupRow> {
        self.rows(Order::ByName(placeholder), |k| {
            let n = name(k);
            (n.clone(), n)
        })
    }

    fn rows(&self, order: Order, names: impl Fn(&K) -> (String, String)) -> Vec<RollupRow> {
        let mut rows: Vec<RollupRow> = self
            .tallies
            .iter()
            .filter(|(_, tally)| tally.items > 0)
            .map(|(key, tally)| {
                let (key, label) = names(key);
                tally.row(key, label)
            })
            .collect();
        if let Order::ByName(placeholder) = order {
            rows.sort_by(|a, b| name_order(placeholder, &a.key, &b.key));
        }
        rows
    }
}

/// The total row, kept current like the groups.
#[derive(Debug, Clone, Default)]
pub struct LiveTotal(Tally);

impl LiveTotal {
    pub fn count(&mut self, item: &Counted) {
        self.0.count(item);
    }

    pub fn uncount(&mut self, item: &Counted) {
        self.0.uncount(item);
    }

    pub fn row(&self) -> RollupRow {
        self.0.row(TOTAL_KEY.to_string(), TOTAL_LABEL.to_string())
    }
}

/// The chapter group's label: the chapter, or the placeholder for items outside one.
pub fn chapter_label(chapter: Option<&str>) -> &str {
    chapter.filter(|c| !c.is_empty()).unwrap_or(NO_CHAPTER)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
