//! The plan's outline (篇/章/节 and numbered points) as stored: written over the
//! plan's existing rows, position by position.

use super::super::error::Result;
use super::queue;
use crate::plan::{Level, OutlineNode};
use rusqlite::types::Value;
use rusqlite::{Transaction, params};

fn level_str(level: Level) -> &'static str {
    match level {
        Level::Part => "part",
        Level::Chapter => "chapter",
        Level::Section => "section",
        Level::Point => "point",
    }
}

/// An outline row as stored.
#[derive(PartialEq)]
struct OutlineRow<'a> {
    parent: Option<i64>,
    position: i64,
    level: &'a str,
    number: u32,
    label: &'a str,
    title: &'a str,
}

/// The outline is plan text only (nothing tracks it or refers to its ids): it is written
/// over the plan's existing rows, position by position, changing only rows that differ.
/// (Deleting and re-inserting it made SQLite scan the whole table for the children of
/// every deleted row — `parent_id` has no index — minutes for a 100k-item re-import.)
pub(super) fn write_outline(
    tx: &Transaction<'_>,
    new_rows: &mut (queue::Queue, queue::Ids),
    plan: i64,
    outline: &[OutlineNode],
) -> Result<()> {
    struct Old {
        id: i64,
        parent: Option<i64>,
        position: i64,
        level: String,
        number: i64,
        label: String,
        title: String,
    }
    let old: Vec<Old> = tx
        .prepare_cached(
            "SELECT id, parent_id, position, level, number, label, title FROM outline_node
             WHERE plan_id = ?1 ORDER BY position, id",
        )?
        .query_map([plan], |r| {
            Ok(Old {
                id: r.get(0)?,
                parent: r.get(1)?,
                position: r.get(2)?,
                level: r.get(3)?,
                number: r.get(4)?,
                label: r.get(5)?,
                title: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut position = 0;
    let mut stack: Vec<(Option<i64>, &[OutlineNode])> = vec![(None, outline)];
    while let Some((parent, nodes)) = stack.pop() {
        for node in nodes {
            let new = OutlineRow {
                parent,
                position,
                level: level_str(node.level),
                number: node.number,
                label: &node.label,
                title: &node.title,
            };
            let id = match old.get(position as usize) {
                Some(o) => {
                    let same = OutlineRow {
                        parent: o.parent,
                        position: o.position,
                        level: &o.level,
                        number: u32::try_from(o.number).unwrap_or(u32::MAX),
                        label: &o.label,
                        title: &o.title,
                    } == new;
                    if !same {
                        tx.prepare_cached(
                            "UPDATE outline_node SET parent_id = ?1, position = ?2, level = ?3, number = ?4, label = ?5, title = ?6
                             WHERE id = ?7",
                        )?
                        .execute(params![new.parent, new.position, new.level, new.number, new.label, new.title, o.id])?;
                    }
                    o.id
                }
                None => {
                    // Parents come before their children, so each row's parent is
                    // written before it or in the same statement.
                    let id = new_rows.1.take();
                    new_rows.0.push(
                        tx,
                        [
                            Value::Integer(id),
                            Value::Integer(plan),
                            queue::opt_int(new.parent),
                            Value::Integer(new.position),
                            queue::text(new.level),
                            Value::Integer(i64::from(new.number)),
                            queue::text(new.label),
                            queue::text(new.title),
                        ],
                    )?;
                    id
                }
            };
            position += 1;
            if !node.children.is_empty() {
                stack.push((Some(id), &node.children));
            }
        }
    }
    new_rows.0.flush(tx)?;
    // Rows past the new outline's end: every kept row now points at a kept parent.
    for o in old.iter().skip(position as usize) {
        tx.prepare_cached("DELETE FROM outline_node WHERE id = ?1")?
            .execute([o.id])?;
    }
    Ok(())
}
