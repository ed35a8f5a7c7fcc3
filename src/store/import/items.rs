//! The plan's boxes and items as stored, written from the mapping (`mapping.rs`): found
//! items keep their id (and so every tracking fact), new ones are queued, changed text is
//! applied and reported, missing ones flagged.

use super::super::error::Result;
use super::super::queries::to_json;
use super::mapping::{Mapping, StoredItem, TextItem};
use super::{Batch, PlanImport, log, queue, tracking};
use crate::plan::{BoxKind, MergedPlan};
use crate::track::fields::Recorded;
use rusqlite::types::Value;
use rusqlite::{Transaction, params};
use std::collections::HashMap;

fn kind_str(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Items => "items",
        BoxKind::IndicatorTable => "indicator_table",
        BoxKind::Table => "table",
    }
}

/// Write the boxes: the stored box each text box is keeps its id (its number and title
/// follow the text; a title no rendition kept stays as it was); boxes the text no longer
/// has are flagged. Returns the id of each text box.
pub(super) fn write_boxes(
    tx: &Transaction<'_>,
    plan: i64,
    merged: &MergedPlan,
    mapping: &Mapping<'_>,
) -> Result<Vec<i64>> {
    let mut ids = Vec::with_capacity(merged.plan.boxes.len());
    for (b, found) in merged.plan.boxes.iter().zip(&mapping.boxes) {
        let (kind, rows, notes) = (kind_str(b.kind), to_json(&b.rows), to_json(&b.notes));
        let id = match found {
            Some(s) => {
                let id = mapping.stored_boxes[*s].id;
                // Written only when something differs: an unchanged re-import writes nothing.
                tx.prepare_cached(
                    "UPDATE plan_box SET number = ?2, title = coalesce(?3, title), chapter = ?4, section = ?5, kind = ?6,
                         rows = ?7, notes = ?8, in_plan = 1
                     WHERE id = ?1 AND (number IS NOT ?2 OR title IS NOT coalesce(?3, title) OR chapter IS NOT ?4
                         OR section IS NOT ?5 OR kind IS NOT ?6 OR rows IS NOT ?7 OR notes IS NOT ?8 OR in_plan = 0)",
                )?
                .execute(params![id, b.number, b.title, b.chapter, b.section, kind, rows, notes])?;
                id
            }
            None => tx
                .prepare_cached(
                    "INSERT INTO plan_box(plan_id, number, title, chapter, section, kind, rows, notes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
                )?
                .query_row(
                    params![plan, b.number, b.title, b.chapter, b.section, kind, rows, notes],
                    |r| r.get(0),
                )?,
        };
        ids.push(id);
    }
    let mut kept = vec![false; mapping.stored_boxes.len()];
    for s in mapping.boxes.iter().flatten() {
        kept[*s] = true;
    }
    for (stored, _) in mapping.stored_boxes.iter().zip(kept).filter(|(_, k)| !k) {
        tx.prepare_cached("UPDATE plan_box SET in_plan = 0 WHERE id = ?1 AND in_plan = 1")?
            .execute([stored.id])?;
    }
    Ok(ids)
}

/// Free the stable keys the text's items will take: a found item whose key changes moves
/// to a key of its own first ("~" and its id), and a stored item no longer in the text
/// that holds a wanted key gives it up ("KEY~ID"). Keys are unique per plan, and two
/// items may swap keys in one import.
fn free_keys(tx: &Transaction<'_>, mapping: &Mapping<'_>) -> Result<()> {
    let mut matched_to: Vec<Option<usize>> = vec![None; mapping.stored.len()];
    for (t, found) in mapping.matching.matched.iter().enumerate() {
        if let Some((s, _)) = found {
            matched_to[*s] = Some(t);
        }
    }
    let holder: HashMap<&str, usize> = mapping
        .stored
        .iter()
        .enumerate()
        .map(|(s, e)| (e.stable_key.as_str(), s))
        .collect();
    let rekey = |sql: &str, value: String, id: i64| -> Result<()> {
        tx.prepare_cached(sql)?.execute(params![value, id])?;
        Ok(())
    };
    for (s, stored) in mapping.stored.iter().enumerate() {
        if let Some(t) = matched_to[s]
            && mapping.items[t].stable_key != stored.stable_key
        {
            rekey(
                "UPDATE item SET stable_key = ?1 WHERE id = ?2",
                format!("~{}", stored.id),
                stored.id,
            )?;
        }
    }
    for item in &mapping.items {
        if let Some(&s) = holder.get(item.stable_key.as_str())
            && matched_to[s].is_none()
        {
            let stored = &mapping.stored[s];
            rekey(
                "UPDATE item SET stable_key = ?1 WHERE id = ?2",
                format!("{}~{}", stored.stable_key, stored.id),
                stored.id,
            )?;
        }
    }
    Ok(())
}

pub(super) fn write_items(
    tx: &Transaction<'_>,
    batch: &mut Batch<'_>,
    plan: i64,
    mapping: &mut Mapping<'_>,
    box_ids: &[i64],
    report: &mut PlanImport,
) -> Result<()> {
    // What the items have is read for the whole plan at once; a new plan has nothing.
    let mut known = if mapping.stored.is_empty() {
        tracking::Known::default()
    } else {
        tracking::Known::read(tx, plan)?
    };
    free_keys(tx, mapping)?;
    let box_of = |item: &TextItem<'_>| item.box_index.map(|b| box_ids[b]);
    // The item rows first (new ones many to a statement), then, item by item in text
    // order, what is recorded about each and its links and milestones: the history rows
    // come in the order one-by-one writes gave them.
    let mut ids = Vec::with_capacity(mapping.items.len());
    for (position, (item, found)) in mapping
        .items
        .iter()
        .zip(&mapping.matching.matched)
        .enumerate()
    {
        ids.push(match found {
            Some((s, _)) => {
                let e = &mapping.stored[*s];
                update_item(tx, e, item, box_of(item), position)?;
                e.id
            }
            None => insert_item(tx, batch, plan, item, box_of(item), position)?,
        });
    }
    batch.items.flush(tx)?;
    let matched = mapping.matching.matched.clone();
    for ((item, found), id) in mapping.items.iter().zip(&matched).zip(ids) {
        match found {
            Some((s, _)) => {
                record_refresh(tx, batch, &mut mapping.stored[*s], item, report)?;
            }
            None => {
                batch.log.record(
                    tx,
                    Some(id),
                    &Recorded::ItemCreated,
                    Some(id),
                    None,
                    Some(item.title),
                )?;
                batch.fts.added(id);
                report.items_added += 1;
            }
        }
        let (links, milestones, removed) = known.take(id);
        report.links_added += tracking::write_plan_links(
            tx,
            &mut batch.tracking,
            &mut batch.log,
            id,
            item.departments,
            links,
            &removed,
        )?;
        report.milestones_added += tracking::write_plan_milestones(
            tx,
            &mut batch.tracking,
            &mut batch.log,
            id,
            item.deadlines,
            milestones,
        )?;
        batch.progress.add(1);
    }
    // A later plan of this import may read them (the same plan given twice).
    batch.tracking.flush(tx)?;
    for s in mapping.unmatched_stored() {
        let e = &mapping.stored[s];
        set_in_plan(tx, &mut batch.log, e, false)?;
        if e.in_plan {
            report
                .items_missing
                .push(format!("item {} {}", e.id, e.title));
        }
    }
    Ok(())
}

/// Queue a new item (written by `batch.items.flush`); returns its id.
fn insert_item(
    tx: &Transaction<'_>,
    batch: &mut Batch<'_>,
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
fn unchanged(e: &StoredItem, item: &TextItem<'_>, box_id: Option<i64>, position: usize) -> bool {
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
    e: &StoredItem,
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
    batch: &mut Batch<'_>,
    e: &mut StoredItem,
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
                &Recorded::ItemTitle,
                Some(e.id),
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
                &Recorded::ItemBody,
                Some(e.id),
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
    e: &StoredItem,
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
        &Recorded::ItemInPlan,
        Some(id),
        Some(flag(was)),
        Some(flag(now)),
    )
}
