//! Search: Chinese substrings of titles and bodies (FTS5 trigram for three characters or
//! more, a scan for one or two), and pinyin of titles by initials or syllables (`czt` or
//! `changzhutan` finds 长株潭) for terminals without a Chinese input method.

use super::Store;
use super::error::Result;
use crate::text::pinyin;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Whether a query is pinyin: ASCII letters (and spaces/apostrophes) only.
fn is_pinyin_query(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '\'')
}

/// Ids of the items of plans `from..to` whose title `query` spells (titles only: from the
/// covering index `item_row`, not the bodies).
fn pinyin_matches(
    conn: &rusqlite::Connection,
    query: &pinyin::Query,
    from: i64,
    to: i64,
) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title FROM item INDEXED BY item_row WHERE plan_id >= ?1 AND plan_id < ?2",
    )?;
    let mut rows = stmt.query([from, to])?;
    let mut ids = Vec::new();
    while let Some(r) = rows.next()? {
        if query.matches_utf8(r.get_ref(1)?.as_bytes().unwrap_or_default()) {
            ids.push(r.get(0)?);
        }
    }
    Ok(ids)
}

/// Plans per piece of a pinyin search: some 8k titles at 100k items.
const PLANS_PER_PIECE: usize = 8;

/// The ranges of plan ids `[from, to)` a pinyin search takes in turn, covering every id.
fn plan_pieces(plans: &[i64]) -> Vec<(i64, i64)> {
    let starts: Vec<i64> = plans.iter().step_by(PLANS_PER_PIECE).copied().collect();
    let mut pieces: Vec<(i64, i64)> = starts
        .iter()
        .zip(starts.iter().skip(1).copied().chain([i64::MAX]))
        .map(|(&from, to)| (from, to))
        .collect();
    match pieces.first_mut() {
        Some(first) => first.0 = i64::MIN,
        None => pieces.push((i64::MIN, i64::MAX)),
    }
    pieces
}

/// An FTS5 phrase: the query in double quotes, inner quotes doubled.
fn fts_phrase(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

impl Store {
    /// Ids of items whose title or body contains `text`, or whose title matches it as pinyin.
    pub fn search_ids(&self, text: &str) -> Result<HashSet<i64>> {
        let text = text.trim();
        let mut ids = self.search_text_ids(text)?;
        if is_pinyin_query(text)
            && let Some(query) = pinyin::Query::new(&text.to_ascii_lowercase())
        {
            ids.extend(self.pinyin_ids(&query)?);
        }
        Ok(ids)
    }

    /// Ids of items whose title `query` spells in pinyin. Two threads, each on its own
    /// connection, take pieces of a few plans in turn until none is left (two cores: half
    /// the time). Taking turns rather than halves, a thread that starts late (a
    /// millisecond or more here, at times) leaves the other less to wait for.
    fn pinyin_ids(&self, query: &pinyin::Query) -> Result<Vec<i64>> {
        let plans: Vec<i64> = self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT id FROM plan ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })?;
        let pieces = plan_pieces(&plans);
        let taken = AtomicUsize::new(0);
        let search = |conn: &rusqlite::Connection| -> rusqlite::Result<Vec<i64>> {
            let mut ids = Vec::new();
            while let Some(&(from, to)) = pieces.get(taken.fetch_add(1, Ordering::Relaxed)) {
                ids.extend(pinyin_matches(conn, query, from, to)?);
            }
            Ok(ids)
        };
        let path = self.path().to_path_buf();
        std::thread::scope(|threads| {
            let helper = threads.spawn(|| search(&super::open_reader(&path)?));
            let mut ids = self.read(|conn| Ok(search(conn)?))?;
            match helper.join() {
                Ok(Ok(found)) => ids.extend(found),
                // No second connection to be had, or it failed part way: the pieces it
                // took are searched again here (an id found twice is one id).
                _ => ids.extend(self.read(|conn| {
                    let mut all = Vec::new();
                    for &(from, to) in &pieces {
                        all.extend(pinyin_matches(conn, query, from, to)?);
                    }
                    Ok(all)
                })?),
            }
            Ok(ids)
        })
    }

    /// Ids of items whose title or body contains `text` (no pinyin): for a client that
    /// already matches titles by pinyin in memory, as the workbench does while you type.
    pub fn search_text_ids(&self, text: &str) -> Result<HashSet<i64>> {
        let text = text.trim();
        self.read(|conn| {
            let mut ids = HashSet::new();
            if text.chars().count() >= 3 {
                let mut stmt =
                    conn.prepare_cached("SELECT rowid FROM item_fts WHERE item_fts MATCH ?1")?;
                for id in stmt.query_map([fts_phrase(text)], |r| r.get(0))? {
                    ids.insert(id?);
                }
            } else if !text.is_empty() {
                let mut stmt = conn.prepare_cached(
                    "SELECT id FROM item WHERE instr(title, ?1) > 0 OR instr(body, ?1) > 0",
                )?;
                for id in stmt.query_map([text], |r| r.get(0))? {
                    ids.insert(id?);
                }
            }
            Ok(ids)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_kinds() {
        assert!(is_pinyin_query("czt"));
        assert!(is_pinyin_query("chang zhu tan"));
        assert!(!is_pinyin_query("长株潭"));
        assert!(!is_pinyin_query("5G"));
        assert_eq!(fts_phrase("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn plan_pieces_cover_every_id_once() {
        assert_eq!(plan_pieces(&[]), vec![(i64::MIN, i64::MAX)]);
        assert_eq!(plan_pieces(&[3]), vec![(i64::MIN, i64::MAX)]);
        let plans: Vec<i64> = (1..=20).collect();
        assert_eq!(
            plan_pieces(&plans),
            vec![(i64::MIN, 9), (9, 17), (17, i64::MAX)]
        );
    }
}
