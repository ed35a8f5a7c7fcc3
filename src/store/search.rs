//! Search: Chinese substrings of titles and bodies (FTS5 trigram for three characters or
//! more, a scan for one or two), and pinyin of titles by initials or syllables (`czt` or
//! `changzhutan` finds 长株潭) for terminals without a Chinese input method.

/// Shortest text the trigram index answers; a shorter one is a scan of every title and
/// body.
pub const MIN_INDEXED_QUERY: usize = 3;

mod by_pinyin;

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
            && let Some(query) = pinyin::Query::new(text)
        {
            ids.extend(by_pinyin::pinyin_ids(self, &query)?);
        }
        Ok(ids)
    }

    /// Ids of items whose title or body contains `text` (no pinyin): for a client that
    /// already matches titles by pinyin in memory, as the workbench does while you type.
    pub fn search_text_ids(&self, text: &str) -> Result<HashSet<i64>> {
        let text = text.trim();
        self.read(|conn| {
            let mut ids = HashSet::new();
            if text.chars().count() >= MIN_INDEXED_QUERY {
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
