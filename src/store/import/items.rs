//! The plan's boxes and items as stored: found again by stable key (or number in the
//! same box), new ones queued, changed text applied and reported, missing ones flagged.

use super::super::error::Result;
use super::super::queries::to_json;
use super::{Batch, PlanImport, log, queue, tracking};
use crate::plan::{BoxKind, Deadline, DepartmentRef, MergedPlan, title_key};
use rusqlite::types::Value;
use rusqlite::{Transaction, params};
use std::collections::HashMap;

/// An item as the plan text gives it.
struct TextItem<'a> {
    stable_key: String,
    kind: &'static str,
    box_number: Option<u32>,
    chapter: Option<&'a str>,
    section: Option<&'a str>,
    number: Option<&'a str>,
    group: Option<&'a str>,
    title: &'a str,
    body: &'a str,
    departments: &'a [DepartmentRef],
    deadlines: &'a [Deadline],
}

fn text_items(plan: &MergedPlan) -> Vec<TextItem<'_>> {
    let mut items = Vec::new();
    for b in &plan.plan.boxes {
        for item in &b.items {
            items.push(TextItem {
                stable_key: format!("box{}/{}", b.number, title_key(&item.title)),
                kind: "box_item",
                box_number: Some(b.number),
                chapter: b.chapter.as_deref(),
                section: b.section.as_deref(),
                number: item.number.as_deref(),
                group: item.group.as_deref(),
                title: &item.title,
                body: &item.body,
                departments: &[],
                deadlines: &item.deadlines,
            });
        }
    }
    for task in &plan.plan.tasks {
        items.push(TextItem {
            stable_key: format!("task/{}", task.number),
            kind: "task",
            box_number: None,
            chapter: task.chapter.as_deref(),
            section: task.group.as_deref(),
            number: Some(&task.number),
            group: task.group.as_deref(),
            title: &task.title,
            body: &task.body,
            departments: &task.departments,
            deadlines: &task.deadlines,
        });
    }
    items
}

fn kind_str(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Items => "items",
        BoxKind::IndicatorTable => "indicator_table",
        BoxKind::Table => "table",
    }
}

/// Upsert the boxes; returns box number → box id.
pub(super) fn write_boxes(
    tx: &Transaction<'_>,
    plan: i64,
    merged: &MergedPlan,
) -> Result<HashMap<u32, i64>> {
    let mut ids = HashMap::new();
    for b in &merged.plan.boxes {
        let id: i64 = tx
            .prepare_cached(
                "INSERT INTO plan_box(plan_id, number, title, chapter, section, kind, rows, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 ON CONFLICT(plan_id, number) DO UPDATE SET title = coalesce(excluded.title, plan_box.title), chapter = excluded.chapter,
                     section = excluded.section, kind = excluded.kind, rows = excluded.rows, notes = excluded.notes
                 RETURNING id",
            )?
            .query_row(
                params![plan, b.number, b.title, b.chapter, b.section, kind_str(b.kind), to_json(&b.rows), to_json(&b.notes)],
                |r| r.get(0),
            )?;
        ids.insert(b.number, id);
    }
    Ok(ids)
}

/// An item of the plan as stored before the import.
struct Existing {
    id: i64,
    stable_key: String,
    box_id: Option<i64>,
    chapter: Option<String>,
    section: Option<String>,
    number: Option<String>,
    group: Option<String>,
    title: String,
    body: String,
    position: i64,
    in_plan: bool,
}

pub(super) fn write_items(
    tx: &Transaction<'_>,
    batch: &mut Batch,
    plan: i64,
    merged: &MergedPlan,
    boxes: &HashMap<u32, i64>,
    report: &mut PlanImport,
) -> Result<()> {
    let mut existing: Vec<Existing> = tx
        .prepare_cached(
            "SELECT id, stable_key, box_id, chapter, section, number, grp, title, body, position, in_plan
             FROM item WHERE plan_id = ?1",
        )?
        .query_map([plan], |r| {
            Ok(Existing {
                id: r.get(0)?,
                stable_key: r.get(1)?,
                box_id: r.get(2)?,
                chapter: r.get(3)?,
                section: r.get(4)?,
                number: r.get(5)?,
                group: r.get(6)?,
                title: r.get(7)?,
                body: r.get(8)?,
                position: r.get(9)?,
                in_plan: r.get::<_, i64>(10)? != 0,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    // What the items have is read for the whole plan at once; a new plan has nothing.
    let mut known = if existing.is_empty() {
        tracking::Known::default()
    } else {
        tracking::Known::read(tx, plan)?
    };
    let items = text_items(merged);
    let box_of = |item: &TextItem<'_>| item.box_number.and_then(|n| boxes.get(&n).copied());
    // Match by stable key first, for every item, and only then fall back on the number:
    // an item inserted mid-box (the rest renumbered) must not take the number, and so the
    // id and tracking data, of an item that is still there under its own key.
    let by_key: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .map(|(i, e)| (e.stable_key.as_str(), i))
        .collect();
    let mut matched = vec![false; existing.len()];
    let mut found: Vec<Option<usize>> = items
        .iter()
        .map(|item| match by_key.get(item.stable_key.as_str()) {
            Some(&index) if !matched[index] => {
                matched[index] = true;
                Some(index)
            }
            _ => None,
        })
        .collect();
    // By number in the same box, the first unmatched in the order read.
    let mut by_number: HashMap<(Option<i64>, &str), Vec<usize>> = HashMap::new();
    for (index, e) in existing.iter().enumerate() {
        if let Some(number) = e.number.as_deref() {
            by_number.entry((e.box_id, number)).or_default().push(index);
        }
    }
    for (item, found) in items.iter().zip(found.iter_mut()) {
        if found.is_none()
            && let Some(number) = item.number
            && let Some(candidates) = by_number.get(&(box_of(item), number))
        {
            *found = candidates.iter().copied().find(|&index| !matched[index]);
            if let Some(index) = *found {
                matched[index] = true;
            }
        }
    }
    drop((by_key, by_number));
    // The item rows first (new ones many to a statement), then, item by item in text
    // order, what is recorded about each and its links and milestones: the history rows
    // come in the order one-by-one writes gave them.
    let mut ids = Vec::with_capacity(items.len());
    for (position, (item, found)) in items.iter().zip(&found).enumerate() {
        let box_id = box_of(item);
        ids.push(match *found {
            Some(index) => {
                let e = &existing[index];
                update_item(tx, e, item, box_id, position)?;
                e.id
            }
            None => insert_item(tx, batch, plan, item, box_id, position)?,
        });
    }
    batch.items.flush(tx)?;
    for ((item, found), id) in items.iter().zip(&found).zip(ids) {
        match *found {
            Some(index) => record_refresh(tx, batch, &mut existing[index], item, report)?,
            None => {
                batch.log.record(
                    tx,
                    Some(id),
                    "item",
                    Some(id),
                    "created",
                    None,
                    Some(item.title),
                )?;
                batch.fts.added(id);
                report.items_added += 1;
            }
        }
        let (links, milestones) = known.take(id);
        report.links_added += tracking::write_plan_links(
            tx,
            &mut batch.tracking,
            &mut batch.log,
            id,
            item.departments,
            links,
        )?;
        report.milestones_added += tracking::write_plan_milestones(
            tx,
            &mut batch.tracking,
            &mut batch.log,
            id,
            item.deadlines,
            milestones,
        )?;
    }
    // A later plan of this import may read them (the same plan given twice).
    batch.tracking.flush(tx)?;
    for (e, _) in existing.iter().zip(&matched).filter(|(_, m)| !**m) {
        set_in_plan(tx, &mut batch.log, e, false)?;
        report
            .items_missing
            .push(format!("item {} {}", e.id, e.title));
    }
    Ok(())
}

/// Queue a new item (written by `batch.items.flush`); returns its id.
fn insert_item(
    tx: &Transaction<'_>,
    batch: &mut Batch,
    plan: i64,
    item: &TextItem<'_>,
    box_id: Option<i64>,
    position: usize,
) -> Result<i64> {
    let id = batch.item_ids.take();
    batch.items.push(
        tx,
        [
            Value::Integer(id),
            Value::Integer(plan),
            queue::text(&item.stable_key),
            queue::text(item.kind),
            queue::opt_int(box_id),
            queue::opt_text(item.chapter),
            queue::opt_text(item.section),
            queue::opt_text(item.number),
            queue::opt_text(item.group),
            queue::text(item.title),
            queue::text(item.body),
            Value::Integer(position as i64),
        ],
    )?;
    Ok(id)
}

/// Whether the stored item already is what the text says (and is in the plan).
fn unchanged(e: &Existing, item: &TextItem<'_>, box_id: Option<i64>, position: usize) -> bool {
    e.stable_key == item.stable_key
        && e.box_id == box_id
        && e.chapter.as_deref() == item.chapter
        && e.section.as_deref() == item.section
        && e.number.as_deref() == item.number
        && e.group.as_deref() == item.group
        && e.title == item.title
        && e.body == item.body
        && e.position == position as i64
        && e.in_plan
}

/// Write the plan text of a found item. An identical row is not rewritten (that would
/// still dirty its pages): a re-import of an unchanged plan writes nothing.
fn update_item(
    tx: &Transaction<'_>,
    e: &Existing,
    item: &TextItem<'_>,
    box_id: Option<i64>,
    position: usize,
) -> Result<()> {
    if unchanged(e, item, box_id, position) {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE item SET stable_key = ?1, box_id = ?2, chapter = ?3, section = ?4, number = ?5, grp = ?6, title = ?7, body = ?8,
                         position = ?9, in_plan = 1 WHERE id = ?10",
    )?
    .execute(params![
        item.stable_key,
        box_id,
        item.chapter,
        item.section,
        item.number,
        item.group,
        item.title,
        item.body,
        position as i64,
        e.id
    ])?;
    Ok(())
}

/// Report and record what `update_item` changed of a found item's text and flag.
fn record_refresh(
    tx: &Transaction<'_>,
    batch: &mut Batch,
    e: &mut Existing,
    item: &TextItem<'_>,
    report: &mut PlanImport,
) -> Result<()> {
    if e.title != item.title || e.body != item.body {
        if e.title != item.title {
            report
                .text_changes
                .push(format!("item {} title: {} → {}", e.id, e.title, item.title));
            batch.log.record(
                tx,
                Some(e.id),
                "item",
                Some(e.id),
                "title",
                Some(&e.title),
                Some(item.title),
            )?;
        }
        if e.body != item.body {
            report
                .text_changes
                .push(format!("item {} {}: text changed", e.id, item.title));
            batch.log.record(
                tx,
                Some(e.id),
                "item",
                Some(e.id),
                "body",
                Some(&e.body),
                Some(item.body),
            )?;
        }
        batch.fts.changed(
            e.id,
            std::mem::take(&mut e.title),
            std::mem::take(&mut e.body),
        );
    }
    if !e.in_plan {
        record_in_plan(tx, &mut batch.log, e.id, false, true)?;
    }
    Ok(())
}

/// Flag an item the plan text no longer has, recording the change of the flag.
fn set_in_plan(
    tx: &Transaction<'_>,
    log: &mut log::Log,
    e: &Existing,
    in_plan: bool,
) -> Result<()> {
    if e.in_plan == in_plan {
        return Ok(());
    }
    tx.prepare_cached("UPDATE item SET in_plan = ?1 WHERE id = ?2")?
        .execute(params![in_plan, e.id])?;
    record_in_plan(tx, log, e.id, e.in_plan, in_plan)
}

fn record_in_plan(
    tx: &Transaction<'_>,
    log: &mut log::Log,
    id: i64,
    was: bool,
    now: bool,
) -> Result<()> {
    let flag = |b: bool| if b { "1" } else { "0" };
    log.record(
        tx,
        Some(id),
        "item",
        Some(id),
        "in_plan",
        Some(flag(was)),
        Some(flag(now)),
    )
}
