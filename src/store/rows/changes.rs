//! What was committed since a reader's mark: nothing, a set of items, or more than
//! items (then the reader reads everything again).

use super::super::error::Result;
use super::columns::text_at;
use super::{Changes, ReadMark, read_mark};
use rusqlite::{Connection, params};

/// More changed items than this are read by one full scan rather than one by one.
const MAX_ROWS_BY_ID: usize = 2_000;

/// Changes that touch only the items their history rows name.
const ITEM_ACTIONS: &[&str] = &[
    "edit item",
    "set department",
    "remove department",
    "add milestone",
    "complete milestone",
    "extend milestone",
    "remove milestone",
    "rename milestone",
    "add note",
    "bulk assign",
    "record indicator",
    "undo",
];

/// What was committed after `since`: nothing, a set of items, or more than items.
pub(super) fn changes_since(conn: &Connection, since: ReadMark, user: &str) -> Result<Changes> {
    let mark = read_mark(conn)?;
    if mark == since {
        return Ok(Changes::None);
    }
    if mark.epoch != since.epoch || mark.stamp < since.stamp {
        return Ok(Changes::Everything);
    }
    let mut actions =
        conn.prepare_cached("SELECT DISTINCT action FROM change WHERE id > ?1 AND id <= ?2")?;
    let mut rows = actions.query(params![since.stamp.0, mark.stamp.0])?;
    while let Some(r) = rows.next()? {
        if !ITEM_ACTIONS.contains(&text_at(r, 0)?) {
            return Ok(Changes::Everything);
        }
    }
    let by_others: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM change WHERE id > ?1 AND id <= ?2 AND who != ?3)",
        )?
        .query_row(params![since.stamp.0, mark.stamp.0, user], |r| r.get(0))?;
    let mut items = Vec::new();
    let mut indicators = false;
    let mut milestones = false;
    // The change_id range, not the entity, picks the rows (an import's history holds tens
    // of thousands of milestone rows).
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT item_id, entity FROM history INDEXED BY history_change
         WHERE change_id > ?1 AND change_id <= ?2",
    )?;
    let mut rows = stmt.query(params![since.stamp.0, mark.stamp.0])?;
    while let Some(r) = rows.next()? {
        let entity = text_at(r, 1)?;
        indicators |= entity == "indicator_value";
        milestones |= entity == "milestone";
        match r.get::<_, Option<i64>>(0)? {
            Some(item) => items.push(item),
            // A change of something other than an item or an indicator value.
            None if entity != "indicator_value" => return Ok(Changes::Everything),
            None => {}
        }
        if items.len() > MAX_ROWS_BY_ID {
            return Ok(Changes::Everything);
        }
    }
    items.sort_unstable();
    items.dedup();
    Ok(Changes::Items {
        mark,
        items,
        indicators,
        milestones,
        by_others,
    })
}
