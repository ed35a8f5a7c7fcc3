//! Import or refresh plans. Re-importing (or importing another rendition) never
//! duplicates anything and never loses tracking data: a plan is found again by its key or
//! title, a box by its title, an item by its content (`track::identity`: the same title,
//! else a clearly similar text; numbers only break ties); plan text changes are applied
//! and reported; items the text no longer has are kept, flagged `in_plan = 0`, with all
//! their tracking data. What matches what is computed the same way for the preview
//! (`import_preview`) as for the import, and a doubtful match is never applied unless a
//! person decided it (`ItemDecision`).

mod fts;
mod indicators;
mod items;
mod log;
mod mapping;
mod outline;
mod queue;
mod tracking;

use super::Store;
use super::departments::seed_directory;
use super::error::{Result, StoreError};
use super::indexes::{BULK_IMPORT_ITEMS, WORKBENCH_INDEXES};
use super::queries::{optional, to_json};
use crate::plan::{MergedPlan, title_key};
use crate::progress::{Progress, Silent, Stage};
use crate::seed::PlanMeta;
use crate::track::fields::Recorded;
use chrono::Datelike;
use items::{write_boxes, write_items};
pub use mapping::{ItemDecision, MappingLine};
use outline::write_outline;
use rusqlite::{Transaction, params};
use serde::Serialize;

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
    /// Every item that is not simply kept: renumbered, moved, retitled, text changed, new,
    /// back in the text, missing, or uncertain (empty for a new plan).
    pub mapping: Vec<MappingLine>,
}

impl PlanImport {
    /// The pairs that need a person's decision.
    pub fn uncertain(&self) -> impl Iterator<Item = &MappingLine> {
        self.mapping.iter().filter(|l| l.relation == "uncertain")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub plans: Vec<PlanImport>,
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
struct Batch<'p> {
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
    /// Told each item written.
    progress: &'p dyn Progress,
}

impl Store {
    /// What importing `plans` would do now, item by item, without writing anything.
    pub fn import_preview(
        &self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
        decisions: &[ItemDecision],
    ) -> Result<ImportReport> {
        self.import_preview_reporting(plans, metas, decisions, &Silent)
    }

    /// [`import_preview`](Store::import_preview), telling `progress` each plan matched.
    pub fn import_preview_reporting(
        &self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
        decisions: &[ItemDecision],
        progress: &dyn Progress,
    ) -> Result<ImportReport> {
        progress.begin(Stage::Match, Some(plans.len() as u64));
        let preview = self.read(|conn| {
            let mut report = ImportReport::default();
            for plan in plans {
                progress.add(1);
                let meta = meta_of(plan, metas);
                let key = meta.map_or_else(|| title_key(&plan.plan.title), |m| m.key.clone());
                let existing = find_plan(conn, &key, &plan.plan.title)?;
                let mapping = mapping::map_plan(conn, existing, plan, decisions)?;
                report.plans.push(PlanImport {
                    key,
                    title: plan.plan.title.clone(),
                    created: existing.is_none(),
                    items_added: mapping
                        .matching
                        .matched
                        .iter()
                        .filter(|m| m.is_none())
                        .count()
                        - mapping.matching.uncertain.len(),
                    mapping: mapping.lines(),
                    ..PlanImport::default()
                });
            }
            Ok(report)
        });
        progress.end();
        preview
    }

    /// Import or refresh plans (one change, one transaction). Refused, with nothing
    /// written, when an item's match is uncertain: see `import_plans_deciding`.
    pub fn import_plans(
        &mut self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
    ) -> Result<ImportReport> {
        self.import_plans_deciding(plans, metas, &[])
    }

    /// Import or refresh plans with a person's decisions on uncertain matches.
    pub fn import_plans_deciding(
        &mut self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
        decisions: &[ItemDecision],
    ) -> Result<ImportReport> {
        self.import_plans_reporting(plans, metas, decisions, &Silent)
    }

    /// [`import_plans_deciding`](Store::import_plans_deciding), telling `progress` the
    /// items written, plan by plan, then that the indexes are being built.
    pub fn import_plans_reporting(
        &mut self,
        plans: &[MergedPlan],
        metas: &[PlanMeta],
        decisions: &[ItemDecision],
        progress: &dyn Progress,
    ) -> Result<ImportReport> {
        let user = self.user.clone();
        let incoming: usize = plans.iter().map(items_of).sum();
        // A bulk load is followed by a compaction (`plantrack import`), which rewrites the
        // file anyway: copying the WAL into it at this commit first would be done twice.
        let bulk_load = incoming >= BULK_IMPORT_ITEMS;
        let autocheckpoint: i64 =
            self.conn
                .pragma_query_value(None, "wal_autocheckpoint", |r| r.get(0))?;
        if bulk_load {
            self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
            // Every multi-row INSERT keeps a statement journal of the pages it changes, to
            // undo that statement alone. In a temporary file that was a sixth of a bulk
            // import's row writes; in memory it is one statement's pages at a time.
            self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        }
        let report = self.write("import", |tx, change| {
            progress.begin(Stage::WriteItems, Some(incoming as u64));
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
                progress,
            };
            let mut report = ImportReport::default();
            for plan in plans {
                let meta = meta_of(plan, metas);
                let imported = import_plan(tx, &mut batch, plan, meta, decisions)
                    .map_err(|e| in_plan(&plan.plan.title, e))?;
                report.plans.push(imported);
            }
            progress.end();
            progress.begin(Stage::Index, None);
            batch.log.flush(tx)?;
            batch.fts.finish(tx)?;
            if bulk {
                for (_, create) in WORKBENCH_INDEXES {
                    tx.execute_batch(create)?;
                }
            }
            Ok(report)
        });
        progress.end();
        if bulk_load {
            self.conn
                .pragma_update(None, "wal_autocheckpoint", autocheckpoint)?;
            self.conn.pragma_update(None, "temp_store", "DEFAULT")?;
        }
        report
    }
}

/// The items a plan's text holds: its boxes' items and its tasks.
fn items_of(plan: &MergedPlan) -> usize {
    plan.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>() + plan.plan.tasks.len()
}

/// A database failure while writing a plan, named by the plan (the whole import is rolled
/// back: nothing of it was saved).
fn in_plan(title: &str, error: StoreError) -> StoreError {
    match error {
        StoreError::Db(e)
            if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) =>
        {
            StoreError::Invalid(format!(
                "{title}: {}; nothing was imported",
                StoreError::Db(e)
            ))
        }
        other => other,
    }
}

/// The manifest entry of a plan, found by its file names.
fn meta_of<'a>(plan: &MergedPlan, metas: &'a [PlanMeta]) -> Option<&'a PlanMeta> {
    metas.iter().find(|m| {
        plan.sources
            .iter()
            .any(|s| m.files.iter().any(|f| f == file_name(s)))
    })
}

fn find_plan(tx: &rusqlite::Connection, key: &str, title: &str) -> Result<Option<i64>> {
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
    batch: &mut Batch<'_>,
    merged: &MergedPlan,
    meta: Option<&PlanMeta>,
    decisions: &[ItemDecision],
) -> Result<PlanImport> {
    let plan = &merged.plan;
    let key = meta.map_or_else(|| title_key(&plan.title), |m| m.key.clone());
    let short = meta.map_or_else(|| plan.title.clone(), |m| m.short_name.clone());
    let (start, end) = period(merged, meta);
    let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let existing = find_plan(tx, &key, &plan.title)?;
    // Decided before anything of the plan is written; a doubtful match stops the import.
    let mut mapping = mapping::map_plan(tx, existing, merged, decisions)?;
    if !mapping.matching.uncertain.is_empty() {
        return Err(StoreError::Uncertain {
            plan: plan.title.clone(),
            pairs: mapping
                .lines()
                .into_iter()
                .filter(|l| l.relation == "uncertain")
                .collect(),
        });
    }
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
                    &Recorded::PlanTitle,
                    Some(id),
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
                &Recorded::PlanCreated,
                Some(id),
                None,
                Some(&plan.title),
            )?;
            id
        }
    };
    write_outline(tx, &mut batch.outline, plan_id, &plan.outline)?;
    report.mapping = mapping.lines();
    let boxes = write_boxes(tx, plan_id, merged, &mapping)?;
    write_items(tx, batch, plan_id, &mut mapping, &boxes, &mut report)?;
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
