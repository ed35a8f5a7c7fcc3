//! Search: Chinese substrings of titles and bodies (FTS5 trigram for three characters or
//! more, a scan for one or two), and pinyin of titles by initials or syllables (`czt` or
//! `changzhutan` finds 长株潭) for terminals without a Chinese input method.

use super::Store;
use super::error::Result;
use crate::text::pinyin;
use std::collections::HashSet;

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
        if query.matches_text(r.get_ref(1)?.as_str().unwrap_or_default()) {
            ids.push(r.get(0)?);
        }
    }
    Ok(ids)
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

    /// Ids of items whose title `query` spells in pinyin. The titles of the later half of
    /// the plans are matched on a second connection and thread (two cores: half the time).
    fn pinyin_ids(&self, query: &pinyin::Query) -> Result<Vec<i64>> {
        let plans: Vec<i64> = self.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT id FROM plan ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        })?;
        let middle = plans.get(plans.len() / 2).copied().unwrap_or(i64::MAX);
        let path = self.path().to_path_buf();
        std::thread::scope(|threads| {
            let later = threads.spawn(move || -> rusqlite::Result<Vec<i64>> {
                let conn = super::open_reader(&path)?;
                pinyin_matches(&conn, query, middle, i64::MAX)
            });
            let mut ids = self.read(|conn| Ok(pinyin_matches(conn, query, i64::MIN, middle)?))?;
            match later.join() {
                Ok(Ok(found)) => ids.extend(found),
                // No second connection to be had: match that half here.
                _ => ids
                    .extend(self.read(|conn| Ok(pinyin_matches(conn, query, middle, i64::MAX)?))?),
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
}
