//! Bulk reads for reports: what `show` gives of one item, for a whole list of items in one
//! query each. Exporting 100k items through `show` (history, links, extensions, glossary:
//! a dozen queries per item) took seconds; a report needs only the open milestones and the
//! newest note.

use super::Store;
use super::error::Result;
use super::notes::Note;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// Up to this many items, their rows are looked up by item (index); beyond, one scan of
/// the table filtered in memory is faster.
const LOOKUP_MAX: usize = 512;

/// A milestone not done yet (overdue ones included), as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenMilestone {
    pub id: i64,
    pub item: i64,
    pub title: String,
    pub due_on: NaiveDate,
    /// The due date before any extension (延期).
    pub original_due: NaiveDate,
}

/// The ids as a JSON array, for `json_each`.
fn id_list(items: &[i64]) -> String {
    let ids: Vec<String> = items.iter().map(i64::to_string).collect();
    format!("[{}]", ids.join(","))
}

/// Rows of `base` (a query whose first column is the item id and whose `{items}` is the
/// filter), for `items` only, grouped by item in the query's order.
fn grouped<T>(
    conn: &Connection,
    base: &str,
    items: &[i64],
    lookup_max: usize,
    row: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<HashMap<i64, Vec<T>>> {
    let mut out: HashMap<i64, Vec<T>> = HashMap::new();
    if items.is_empty() {
        return Ok(out);
    }
    let mut keep = |item: i64, value: T| out.entry(item).or_default().push(value);
    if items.len() <= lookup_max {
        let sql = base.replace("{items}", "item_id IN (SELECT value FROM json_each(?1))");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([id_list(items)], |r| Ok((r.get::<_, i64>(0)?, row(r)?)))?;
        for found in rows {
            let (item, value) = found?;
            keep(item, value);
        }
    } else {
        let wanted: HashSet<i64> = items.iter().copied().collect();
        let sql = base.replace("{items}", "1");
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, row(r)?)))?;
        for found in rows {
            let (item, value) = found?;
            if wanted.contains(&item) {
                keep(item, value);
            }
        }
    }
    Ok(out)
}

fn open_milestones_in(
    conn: &Connection,
    items: &[i64],
    lookup_max: usize,
) -> Result<HashMap<i64, Vec<OpenMilestone>>> {
    grouped(
        conn,
        "SELECT item_id, id, title, due_on, original_due FROM milestone
         WHERE removed = 0 AND done_on IS NULL AND {items}
         ORDER BY item_id, due_on, id",
        items,
        lookup_max,
        |r| {
            Ok(OpenMilestone {
                id: r.get("id")?,
                item: r.get("item_id")?,
                title: r.get("title")?,
                due_on: r.get("due_on")?,
                original_due: r.get("original_due")?,
            })
        },
    )
}

fn latest_notes_in(
    conn: &Connection,
    items: &[i64],
    lookup_max: usize,
) -> Result<HashMap<i64, Note>> {
    let notes = grouped(
        conn,
        "SELECT item_id, id, author, at, text FROM (
             SELECT item_id, id, author, at, text,
                    row_number() OVER (PARTITION BY item_id ORDER BY at DESC, id DESC) AS newest
             FROM note WHERE removed = 0 AND {items})
         WHERE newest = 1",
        items,
        lookup_max,
        |r| {
            Ok(Note {
                id: r.get(1)?,
                author: r.get(2)?,
                at: r.get(3)?,
                text: r.get(4)?,
            })
        },
    )?;
    Ok(notes
        .into_iter()
        .filter_map(|(item, mut notes)| Some((item, notes.pop()?)))
        .collect())
}

impl Store {
    /// The open milestones (not done, not removed) of each of `items`, by due date then id,
    /// as `show` lists them; items without any are absent.
    pub fn open_milestones(&self, items: &[i64]) -> Result<HashMap<i64, Vec<OpenMilestone>>> {
        self.read(|conn| open_milestones_in(conn, items, LOOKUP_MAX))
    }

    /// The newest note (by time, then id) of each of `items` that has one.
    pub fn latest_notes(&self, items: &[i64]) -> Result<HashMap<i64, Note>> {
        self.read(|conn| latest_notes_in(conn, items, LOOKUP_MAX))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::store::ItemQuery;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// Both ways of reading (by item and by scan) give what `show` gives, item by item.
    #[test]
    fn bulk_reads_agree_with_show() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("plan.db"), "alice").unwrap();
        let ids: Vec<i64> = store
            .list(&ItemQuery::default(), today())
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        // Milestones done, extended, removed, added out of order; several notes on some items.
        let due = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        for (n, &id) in ids.iter().enumerate().step_by(7) {
            let a = store
                .add_milestone(id, "第一阶段完成", due(12, 31))
                .unwrap();
            let b = store.add_milestone(id, "前期工作", due(3, 1)).unwrap();
            store.add_milestone(id, "同日节点", due(3, 1)).unwrap();
            match n % 4 {
                0 => store.complete_milestone(a, due(6, 1)).unwrap(),
                1 => store.remove_milestone(b).unwrap(),
                2 => {
                    store.extend_milestone(b, due(9, 30), "资金未到位").unwrap();
                }
                _ => {}
            }
            store.add_note(id, &format!("进展{n}")).unwrap();
            if n % 3 == 0 {
                store.add_note(id, &format!("后续{n}")).unwrap();
            }
        }
        // Looked up by item (all of them) and by scan (none), and as the store chooses.
        let check = |items: &[i64], lookup_max: usize| {
            let milestones = store
                .read(|c| open_milestones_in(c, items, lookup_max))
                .unwrap();
            let notes = store
                .read(|c| latest_notes_in(c, items, lookup_max))
                .unwrap();
            assert_eq!(store.open_milestones(items).unwrap(), milestones);
            assert_eq!(store.latest_notes(items).unwrap(), notes);
            for &id in items {
                let detail = store.show(id, today()).unwrap();
                let open: Vec<OpenMilestone> = detail
                    .milestones
                    .iter()
                    .filter(|m| m.done_on.is_none())
                    .map(|m| OpenMilestone {
                        id: m.id,
                        item: id,
                        title: m.title.clone(),
                        due_on: m.due_on,
                        original_due: m.original_due,
                    })
                    .collect();
                assert_eq!(
                    milestones.get(&id).cloned().unwrap_or_default(),
                    open,
                    "{id}"
                );
                assert_eq!(notes.get(&id), detail.notes.last(), "{id}");
            }
            assert!(milestones.keys().all(|id| items.contains(id)));
            assert!(notes.keys().all(|id| items.contains(id)));
        };
        for lookup_max in [0, usize::MAX] {
            check(&ids, lookup_max);
            check(&ids[..40], lookup_max);
            check(&ids[ids.len() - 3..], lookup_max);
            check(&[], lookup_max);
        }
        assert!(store.latest_notes(&ids).unwrap().len() > ids.len() / 8);
    }
}
