//! Taking a dump: every piece of tracking state read in one snapshot, with ids replaced
//! by keys or positions.

use super::super::error::Result;
use super::super::migrations::latest_version;
use super::format::to_json;
use super::format::{
    Dump, DumpChange, DumpDepartment, DumpExtension, DumpHistory, DumpIndicatorValue, DumpItem,
    DumpLink, DumpMilestone, DumpNote, DumpPlan, DumpSetting, Key, Target,
};
use super::{DUMP_FORMAT, DUMP_VERSION, Store};
use crate::track::fields::ItemField;
use rusqlite::Connection;
use std::collections::HashMap;

/// Rows of a query, each read by `read`.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    read: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let found = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// Row id → position (1-based) of the rows of `table`, in id order.
fn positions(conn: &Connection, table: &str) -> Result<HashMap<i64, i64>> {
    let ids = rows(conn, &format!("SELECT id FROM {table} ORDER BY id"), |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(ids.into_iter().zip(1..).collect())
}

fn keys(conn: &Connection, sql: &str) -> Result<HashMap<i64, Key>> {
    Ok(
        rows(conn, sql, |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .into_iter()
            .collect(),
    )
}

fn names(conn: &Connection, sql: &str) -> Result<HashMap<i64, String>> {
    Ok(rows(conn, sql, |r| Ok((r.get(0)?, r.get(1)?)))?
        .into_iter()
        .collect())
}

impl Store {
    /// The whole tracking state, read in one snapshot.
    pub fn dump(&self) -> Result<Dump> {
        self.read(dump)
    }
}

fn dump(conn: &Connection) -> Result<Dump> {
    let plan_keys = names(conn, "SELECT id, key FROM plan")?;
    let item_keys = keys(
        conn,
        "SELECT i.id, p.key, i.stable_key FROM item i JOIN plan p ON p.id = i.plan_id",
    )?;
    let indicator_keys = keys(
        conn,
        "SELECT i.id, p.key, i.stable_key FROM indicator i JOIN plan p ON p.id = i.plan_id",
    )?;
    let departments = names(conn, "SELECT id, official FROM department")?;
    let milestone_n = positions(conn, "milestone")?;
    let note_n = positions(conn, "note")?;
    let value_n = positions(conn, "indicator_value")?;
    let change_n = positions(conn, "change")?;
    let item_key = |id: i64| item_keys.get(&id).cloned().unwrap_or_default();

    let mut plans = rows(conn, "SELECT key, title, short_name FROM plan", |r| {
        Ok(DumpPlan {
            key: r.get(0)?,
            title: r.get(1)?,
            short_name: r.get(2)?,
        })
    })?;
    plans.sort_by(|a, b| a.key.cmp(&b.key));

    let mut directory = rows(conn, "SELECT id, official, short FROM department", |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?))
    })?;
    directory.sort_by(|a, b| a.1.cmp(&b.1));
    let mut aliases: HashMap<i64, Vec<String>> = HashMap::new();
    for (alias, id) in rows(
        conn,
        "SELECT alias, department_id FROM department_alias",
        |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)),
    )? {
        aliases.entry(id).or_default().push(alias);
    }
    let departments_out = directory
        .into_iter()
        .map(|(id, official, short)| {
            let mut aliases = aliases.remove(&id).unwrap_or_default();
            aliases.sort();
            DumpDepartment {
                official,
                short,
                aliases,
            }
        })
        .collect();

    let mut links: HashMap<i64, Vec<DumpLink>> = HashMap::new();
    for (item, link) in rows(
        conn,
        "SELECT item_id, department_id, role, origin, position FROM item_department",
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        },
    )?
    .into_iter()
    .map(|(item, department, role, origin, position)| {
        let department = departments.get(&department).cloned().unwrap_or_default();
        (
            item,
            DumpLink {
                department,
                role,
                origin,
                position,
            },
        )
    }) {
        links.entry(item).or_default().push(link);
    }

    let tracked: Vec<String> = ItemField::ALL
        .iter()
        .map(|f| format!("i.{}", f.column()))
        .collect();
    let mut items = rows(
        conn,
        &format!(
            "SELECT i.id, p.key AS plan_key, i.stable_key, i.kind, b.number AS box_number, i.chapter, i.section, i.number,
                i.grp, i.title, i.body, i.position, i.in_plan, {}
         FROM item i JOIN plan p ON p.id = i.plan_id LEFT JOIN plan_box b ON b.id = i.box_id",
            tracked.join(", ")
        ),
        |r| {
            let id: i64 = r.get("id")?;
            Ok(DumpItem {
                plan: r.get("plan_key")?,
                stable_key: r.get("stable_key")?,
                kind: r.get("kind")?,
                box_number: r.get("box_number")?,
                chapter: r.get("chapter")?,
                section: r.get("section")?,
                number: r.get("number")?,
                group: r.get("grp")?,
                title: r.get("title")?,
                body: r.get("body")?,
                position: r.get("position")?,
                in_plan: r.get("in_plan")?,
                tracked: ItemField::ALL
                    .iter()
                    .map(|f| Ok((f.column().to_string(), to_json(r.get(f.column())?))))
                    .collect::<rusqlite::Result<_>>()?,
                departments: {
                    let mut mine = links.remove(&id).unwrap_or_default();
                    mine.sort_by(|a, b| (a.position, &a.department).cmp(&(b.position, &b.department)));
                    mine
                },
            })
        },
    )?;
    items.sort_by(|a, b| {
        (&a.plan, a.position, &a.stable_key).cmp(&(&b.plan, b.position, &b.stable_key))
    });

    let mut extensions: HashMap<i64, Vec<DumpExtension>> = HashMap::new();
    for (milestone, extension) in rows(
        conn,
        "SELECT milestone_id, from_due, to_due, reason, who, at, removed FROM extension ORDER BY id",
        |r| {
            let extension = DumpExtension {
                from_due: r.get(1)?,
                to_due: r.get(2)?,
                reason: r.get(3)?,
                who: r.get(4)?,
                at: r.get(5)?,
                removed: r.get::<_, i64>(6)? != 0,
            };
            Ok((r.get::<_, i64>(0)?, extension))
        },
    )? {
        extensions.entry(milestone).or_default().push(extension);
    }
    let milestones = rows(
        conn,
        "SELECT id, item_id, title, due_on, original_due, done_on, origin, plan_phrase, removed FROM milestone ORDER BY id",
        |r| {
            let id: i64 = r.get(0)?;
            Ok(DumpMilestone {
                n: milestone_n.get(&id).copied().unwrap_or_default(),
                item: item_key(r.get(1)?),
                title: r.get(2)?,
                due_on: r.get(3)?,
                original_due: r.get(4)?,
                done_on: r.get(5)?,
                origin: r.get(6)?,
                plan_phrase: r.get(7)?,
                removed: r.get(8)?,
                extensions: extensions.remove(&id).unwrap_or_default(),
            })
        },
    )?;
    let notes = rows(
        conn,
        "SELECT id, item_id, author, at, text, removed FROM note ORDER BY id",
        |r| {
            Ok(DumpNote {
                n: note_n.get(&r.get(0)?).copied().unwrap_or_default(),
                item: item_key(r.get(1)?),
                author: r.get(2)?,
                at: r.get(3)?,
                text: r.get(4)?,
                removed: r.get(5)?,
            })
        },
    )?;
    let indicator_values = rows(
        conn,
        "SELECT id, indicator_id, period, value, who, at, removed FROM indicator_value ORDER BY id",
        |r| {
            Ok(DumpIndicatorValue {
                n: value_n.get(&r.get(0)?).copied().unwrap_or_default(),
                indicator: indicator_keys.get(&r.get(1)?).cloned().unwrap_or_default(),
                period: r.get(2)?,
                value: r.get(3)?,
                who: r.get(4)?,
                at: r.get(5)?,
                removed: r.get(6)?,
            })
        },
    )?;
    let settings = rows(conn, "SELECT key, value FROM setting ORDER BY key", |r| {
        Ok(DumpSetting {
            key: r.get(0)?,
            value: r.get(1)?,
        })
    })?;

    let target = |entity: &str, id: Option<i64>| -> Option<Target> {
        let id = id?;
        match entity {
            "item" => item_keys.get(&id).cloned().map(Target::Key),
            "link" => departments.get(&id).cloned().map(Target::Name),
            "plan" => plan_keys.get(&id).cloned().map(Target::Name),
            "milestone" => milestone_n.get(&id).copied().map(Target::Number),
            "note" => note_n.get(&id).copied().map(Target::Number),
            "indicator_value" => value_n.get(&id).copied().map(Target::Number),
            _ => Some(Target::Number(id)),
        }
    };
    let mut history: HashMap<i64, Vec<DumpHistory>> = HashMap::new();
    for (change, row) in rows(
        conn,
        "SELECT change_id, item_id, entity, entity_id, field, old, new FROM history ORDER BY id",
        |r| {
            let entity: String = r.get(2)?;
            let item: Option<i64> = r.get(1)?;
            let row = DumpHistory {
                item: item.and_then(|id| item_keys.get(&id).cloned()),
                target: target(&entity, r.get(3)?),
                entity,
                field: r.get(4)?,
                old: r.get(5)?,
                new: r.get(6)?,
            };
            Ok((r.get::<_, i64>(0)?, row))
        },
    )? {
        history.entry(change).or_default().push(row);
    }
    let position = |id: Option<i64>| id.and_then(|id| change_n.get(&id).copied());
    let changes = rows(
        conn,
        "SELECT id, at, who, action, undone_by, undoes FROM change ORDER BY id",
        |r| {
            let id: i64 = r.get(0)?;
            Ok(DumpChange {
                n: change_n.get(&id).copied().unwrap_or_default(),
                at: r.get(1)?,
                who: r.get(2)?,
                action: r.get(3)?,
                undone_by: position(r.get(4)?),
                undoes: position(r.get(5)?),
                history: history.remove(&id).unwrap_or_default(),
            })
        },
    )?;

    Ok(Dump {
        format: DUMP_FORMAT.to_string(),
        version: DUMP_VERSION,
        schema: latest_version(),
        plans,
        departments: departments_out,
        items,
        milestones,
        notes,
        indicator_values,
        settings,
        changes,
    })
}
