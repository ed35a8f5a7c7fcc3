//! Import or refresh plans. Re-importing (or importing another rendition) never
//! duplicates anything and never loses tracking data: a plan is found again by its key or
//! title, an item by its stable key (box number + title, or task number), falling back to
//! its number in the same box; plan text changes are applied and reported; items the text
//! no longer has are kept, flagged `in_plan = 0`, with all their tracking data.

mod fts;
mod indicators;
mod log;
mod queue;
mod tracking;

use super::Store;
use super::departments::seed_directory;
use super::error::Result;
use super::indexes::{BULK_IMPORT_ITEMS, WORKBENCH_INDEXES};
use super::queries::{optional, to_json};
use crate::plan::{BoxKind, Deadline, DepartmentRef, Level, MergedPlan, OutlineNode, title_key};
use crate::seed::PlanMeta;
use chrono::Datelike;
use rusqlite::types::Value;
use rusqlite::{Transaction, params};
use serde::Serialize;
use std::collections::HashMap;

/// What importing one plan did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanImport {
    pub key: String,
    pub title: String,
    pub created: bool,
    pub items_added: usize,
    /// "item 12 title: old → new"-style lines for plan text that changed.
    pub text_changes: Vec<String>,
    /// Items the text no longer has (kept with their tracking data).
    pub items_missing: Vec<String>,
    pub links_added: usize,
    pub milestones_added: usize,
    pub indicators_added: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub plans: Vec<PlanImport>,
}

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

/// The plan period: from the manifest, else inferred from the title (十四五 → 2021–2025),
/// else the five years from the issue year.
fn period(plan: &MergedPlan, meta: Option<&PlanMeta>) -> (i32, i32) {
    if let Some(meta) = meta {
        return (meta.period[0], meta.period[1]);
    }
    if let Some((start, end)) = crate::plan::five_year_period(&plan.plan.title) {
        return (start, end);
    }
    let year = plan
        .plan
        .issued_on
        .map_or_else(|| crate::clock::now_utc().year(), |d| d.year());
    (year, year + 4)
}

fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// What one import carries from plan to plan.
struct Batch {
    /// The history rows of the change.
    log: log::Log,
    user: String,
    /// New outline rows and items, many to a statement, with the ids they will have.
    outline: (queue::Queue, queue::Ids),
    items: queue::Queue,
    item_ids: queue::Ids,
    /// Department names resolved, links and milestones waiting to be written.
    tracking: tracking::Writes,
    /// Search index work, done once at the end.
    fts: fts::Pending,
}

impl Store {
    /// Import or refresh plans (one change, one transaction).
    pub fn import_plans(
        &mut self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
    ) -> Result<ImportReport> {
        let user = self.user.clone();
        let incoming: usize = plans
            .iter()
            .map(|p| p.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>() + p.plan.tasks.len())
            .sum();
        // A bulk load is followed by a compaction (`plantrack import`), which rewrites the
        // file anyway: copying the WAL into it at this commit first would be done twice.
        let bulk_load = incoming >= BULK_IMPORT_ITEMS;
        let autocheckpoint: i64 =
            self.conn
                .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))?;
        if bulk_load {
            self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        let report = self.write("import", |tx, change| {
            // A bulk load: the workbench's covering indexes are built once at the end.
            let existing: i64 = tx.query_row("SELECT count(*) FROM item", [], |r| r.get(0))?;
            let bulk = incoming >= BULK_IMPORT_ITEMS
                && i64::try_from(incoming).unwrap_or(i64::MAX) >= existing;
            if bulk {
                for (name, _) in WORKBENCH_INDEXES {
                    tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
                }
            }
            let directory_empty: i64 =
                tx.query_row("SELECT count(*) FROM department", [], |r| r.get(0))?;
            if directory_empty == 0 {
                seed_directory(tx)?;
            }
            let mut batch = Batch {
                log: log::Log::new(change),
                user: user.clone(),
                outline: (
                    queue::Queue::new(
                        "INSERT INTO outline_node(id, plan_id, parent_id, position, level, number, label, title) VALUES",
                        8,
                        "",
                    ),
                    queue::Ids::after_largest(tx, "outline_node")?,
                ),
                items: queue::Queue::new(
                    "INSERT INTO item(id, plan_id, stable_key, kind, box_id, chapter, section, number, grp, title, body, position) VALUES",
                    12,
                    "",
                ),
                item_ids: queue::Ids::after_largest(tx, "item")?,
                tracking: tracking::Writes::new(tx)?,
                fts: fts::Pending::default(),
            };
            let mut report = ImportReport::default();
            for plan in plans {
                let meta = metas.iter().find(|m| {
                    plan.sources
                        .iter()
                        .any(|s| m.files.iter().any(|f| f == file_name(s)))
                });
                report.plans.push(import_plan(tx, &mut batch, plan, meta)?);
            }
            batch.log.flush(tx)?;
            batch.fts.finish(tx)?;
            if bulk {
                for (_, create) in WORKBENCH_INDEXES {
                    tx.execute_batch(create)?;
                }
            }
            Ok(report)
        });
        if bulk_load {
            self.conn
                .pragma_update(None, "wal_autocheckpoint", autocheckpoint)?;
        }
        report
    }
}

fn find_plan(tx: &Transaction<'_>, key: &str, title: &str) -> Result<Option<i64>> {
    if let Some(id) = optional(
        tx.prepare_cached("SELECT id FROM plan WHERE key = ?1")?
            .query_row([key], |r| r.get(0)),
    )? {
        return Ok(Some(id));
    }
    let wanted = title_key(title);
    let mut stmt = tx.prepare_cached("SELECT id, title FROM plan")?;
    let plans = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for plan in plans {
        let (id, existing) = plan?;
        if title_key(&existing) == wanted {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

fn import_plan(
    tx: &Transaction<'_>,
    batch: &mut Batch,
    merged: &MergedPlan,
    meta: Option<&PlanMeta>,
) -> Result<PlanImport> {
    let plan = &merged.plan;
    let key = meta.map_or_else(|| title_key(&plan.title), |m| m.key.clone());
    let short = meta.map_or_else(|| plan.title.clone(), |m| m.short_name.clone());
    let (start, end) = period(merged, meta);
    let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let existing = find_plan(tx, &key, &plan.title)?;
    let mut report = PlanImport {
        key: key.clone(),
        title: plan.title.clone(),
        created: existing.is_none(),
        ..PlanImport::default()
    };
    let issued = plan.issued_on.map(|d| d.format("%Y-%m-%d").to_string());
    let sources = to_json(&merged.sources);
    let user = batch.user.as_str();
    let plan_id = match existing {
        Some(id) => {
            let old_title: String =
                tx.query_row("SELECT title FROM plan WHERE id = ?1", [id], |r| r.get(0))?;
            if old_title != plan.title {
                report
                    .text_changes
                    .push(format!("plan title: {old_title} → {}", plan.title));
                batch.log.record(
                    tx,
                    None,
                    "plan",
                    Some(id),
                    "title",
                    Some(&old_title),
                    Some(&plan.title),
                )?;
            }
            tx.execute(
                "UPDATE plan SET title = ?1, issuer = ?2, doc_number = ?3, issued_on = ?4, sources = ?5, imported_at = ?6, imported_by = ?7
                 WHERE id = ?8",
                params![plan.title, plan.issuer, plan.doc_number, issued, sources, at, user, id],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO plan(key, title, short_name, level, region, period_start, period_end, issuer, doc_number, issued_on,
                                  sources, imported_at, imported_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                params![
                    key,
                    plan.title,
                    short,
                    meta.map(|m| m.level.clone()),
                    meta.map(|m| m.region.clone()),
                    start,
                    end,
                    plan.issuer,
                    plan.doc_number,
                    issued,
                    sources,
                    at,
                    user
                ],
            )?;
            let id = tx.last_insert_rowid();
            batch.log.record(
                tx,
                None,
                "plan",
                Some(id),
                "created",
                None,
                Some(&plan.title),
            )?;
            id
        }
    };
    write_outline(tx, &mut batch.outline, plan_id, &plan.outline)?;
    let boxes = write_boxes(tx, plan_id, merged)?;
    write_items(tx, batch, plan_id, merged, &boxes, &mut report)?;
    indicators::write_indicators(tx, plan_id, &plan.indicators, &mut report)?;
    tx.prepare_cached("DELETE FROM glossary WHERE plan_id = ?1")?
        .execute([plan_id])?;
    for entry in &plan.glossary {
        tx.prepare_cached(
            "INSERT INTO glossary(plan_id, number, term, definition) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
        )?
        .execute(params![plan_id, entry.number, entry.term, entry.definition])?;
    }
    Ok(report)
}

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
fn write_outline(
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

fn kind_str(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Items => "items",
        BoxKind::IndicatorTable => "indicator_table",
        BoxKind::Table => "table",
    }
}

/// Upsert the boxes; returns box number → box id.
fn write_boxes(tx: &Transaction<'_>, plan: i64, merged: &MergedPlan) -> Result<HashMap<u32, i64>> {
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

fn write_items(
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
