//! Loading a dump: the tracking state of this database is replaced by the dump's, in one
//! `BEGIN IMMEDIATE` transaction (all or nothing).

use super::super::error::{Result, StoreError};
use super::super::migrations::latest_version;
use super::super::queries::optional;
use super::format::{Dump, DumpHistory, DumpItem, Key, Target, from_json};
use super::{DUMP_FORMAT, DUMP_VERSION, Store};
use crate::progress::{Progress, Silent, Stage};
use crate::text::sanitize::clean_imported;
use crate::track::fields::{FieldValue, ItemField};
use rusqlite::{Transaction, params};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// Items whose tracking data was set from the dump.
    pub items: usize,
    /// Items of the dump this database's plan text lacked, created (not in the plan).
    pub items_created: usize,
    /// Items of this database the dump does not name: their tracking data was cleared.
    pub items_cleared: usize,
    pub departments: usize,
    pub links: usize,
    pub milestones: usize,
    pub notes: usize,
    pub indicator_values: usize,
    pub settings: usize,
    pub changes: usize,
    pub history: usize,
}

/// Every string of the dump passed through `clean_imported`: a dump is a file from
/// outside, and typed text is stored clean. Text plantrack stored is unchanged by this.
fn cleaned(dump: &Dump) -> Result<Dump> {
    fn walk(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(s) => *s = clean_imported(s).text,
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            serde_json::Value::Object(map) => map.values_mut().for_each(walk),
            _ => {}
        }
    }
    let invalid = |e: serde_json::Error| StoreError::Invalid(format!("invalid dump: {e}"));
    let mut value = serde_json::to_value(dump).map_err(invalid)?;
    walk(&mut value);
    serde_json::from_value(value).map_err(invalid)
}

fn check_header(dump: &Dump) -> Result<()> {
    if dump.format != DUMP_FORMAT || dump.version != DUMP_VERSION {
        return Err(StoreError::Invalid(format!(
            "not a plantrack dump of version {DUMP_VERSION} (format “{}”, version {})",
            dump.format, dump.version
        )));
    }
    if dump.schema > latest_version() {
        return Err(StoreError::Invalid(format!(
            "the dump comes from a newer plantrack (schema version {}, this one knows up to {}); upgrade plantrack",
            dump.schema,
            latest_version()
        )));
    }
    Ok(())
}

fn lookup<K: std::hash::Hash + Eq, V: Copy>(map: &HashMap<K, V>, key: &K) -> Option<V> {
    map.get(key).copied()
}

impl Store {
    /// Replace this database's tracking state with `dump`'s. Refused when the database
    /// already has tracking data (changes other than imports) unless `replace`, and when
    /// the dump names plans or indicators this database lacks (import their text first).
    /// Items the dump has and the plan text here lacks are created, kept out of the plan.
    pub fn load(&mut self, dump: &Dump, replace: bool) -> Result<LoadReport> {
        self.load_reporting(dump, replace, &Silent)
    }

    /// [`load`](Store::load), telling `progress` that the dump is being checked, then
    /// each record (department, item, milestone, note, indicator value, setting, change)
    /// as it is loaded.
    pub fn load_reporting(
        &mut self,
        dump: &Dump,
        replace: bool,
        progress: &dyn Progress,
    ) -> Result<LoadReport> {
        check_header(dump)?;
        progress.begin(Stage::CheckDump, None);
        let dump = cleaned(dump)?;
        let run = |tx: &Transaction<'_>| -> Result<LoadReport> {
            let tracked: i64 = tx.query_row(
                "SELECT count(*) FROM change WHERE action != 'import'",
                [],
                |r| r.get(0),
            )?;
            if tracked > 0 && !replace {
                return Err(StoreError::Invalid(format!(
                    "this database already has tracking data ({tracked} changes); \
                     add --replace to replace it with the dump (take a backup first)"
                )));
            }
            load(tx, &dump, progress)
        };
        let result = (|| {
            let tx = self.conn.transaction()?;
            let report = run(&tx)?;
            tx.commit()?;
            Ok(report)
        })();
        progress.end();
        result.map_err(|e| self.specific(e))
    }
}

fn id_map(tx: &Transaction<'_>, sql: &str) -> Result<HashMap<Key, i64>> {
    let mut stmt = tx.prepare(sql)?;
    let found = stmt
        .query_map([], |r| Ok(((r.get(1)?, r.get(2)?), r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

fn plan_ids(tx: &Transaction<'_>) -> Result<HashMap<String, i64>> {
    let mut stmt = tx.prepare("SELECT key, id FROM plan")?;
    let found = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(found)
}

/// What the dump names that this database lacks, as problems (the plan texts must be
/// imported first).
fn missing<'a>(what: &str, names: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut names: Vec<&str> = names.collect();
    names.sort_unstable();
    names.dedup();
    (!names.is_empty()).then(|| {
        format!(
            "{what}: the dump needs {} this database does not have; import the same plan texts first",
            names.join(", ")
        )
    })
}

/// Tables holding only tracking state, emptied before the dump's rows go in (history
/// first: it refers to changes).
const CLEAR_TABLES: [&str; 10] = [
    "history",
    "link_removed",
    "change",
    "extension",
    "milestone",
    "note",
    "indicator_value",
    "item_department",
    "department_alias",
    "setting",
];

/// Check that the plans and indicators the dump names are here, then replace the
/// tracking state.
fn load(tx: &Transaction<'_>, dump: &Dump, progress: &dyn Progress) -> Result<LoadReport> {
    let mut report = LoadReport::default();
    let plans = plan_ids(tx)?;
    let indicators = id_map(
        tx,
        "SELECT i.id, p.key, i.stable_key FROM indicator i JOIN plan p ON p.id = i.plan_id",
    )?;
    // Checked whole before anything is replaced: every problem at once.
    let mut problems: Vec<String> = super::validate::problems(dump)
        .into_iter()
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect();
    problems.extend(missing(
        "plans",
        dump.plans
            .iter()
            .map(|p| p.key.as_str())
            .chain(dump.items.iter().map(|i| i.plan.as_str()))
            .filter(|k| !plans.contains_key(*k)),
    ));
    problems.extend(missing(
        "indicator_values",
        dump.indicator_values
            .iter()
            .filter(|v| super::keys::indicator(&indicators, &v.indicator).is_none())
            .map(|v| v.indicator.1.as_str()),
    ));
    if !problems.is_empty() {
        return Err(StoreError::InvalidDump(problems));
    }
    for table in CLEAR_TABLES {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let records = dump.departments.len()
        + dump.items.len()
        + dump.milestones.len()
        + dump.notes.len()
        + dump.indicator_values.len()
        + dump.settings.len()
        + dump.changes.len();
    progress.begin(Stage::LoadRows, Some(records as u64));
    let departments = load_departments(tx, dump, &mut report, progress)?;
    let items = load_items(tx, dump, &plans, &departments, &mut report, progress)?;
    load_records(tx, dump, &items, &indicators, &mut report, progress)?;
    load_changes(
        tx,
        dump,
        &items,
        &departments,
        &plans,
        &mut report,
        progress,
    )?;
    // The departments people removed from items, which a re-import does not bring back,
    // follow from the history just loaded.
    tx.execute_batch(crate::store::departments::REMOVED_LINKS_FROM_HISTORY)?;
    // History was replaced, not appended to: open workbenches must read everything again.
    tx.execute("UPDATE epoch SET value = value + 1", [])?;
    Ok(report)
}

/// The directory of the dump: departments found by official name keep their ids here,
/// the others are created; those the dump does not have are dropped (nothing links them
/// any more). Returns official name → id.
fn load_departments<'a>(
    tx: &Transaction<'_>,
    dump: &'a Dump,
    report: &mut LoadReport,
    progress: &dyn Progress,
) -> Result<HashMap<&'a str, i64>> {
    let mut departments: HashMap<&str, i64> = HashMap::new();
    for d in &dump.departments {
        let id: i64 = tx.query_row(
            "INSERT INTO department(official, short) VALUES (?1, ?2)
             ON CONFLICT(official) DO UPDATE SET short = excluded.short RETURNING id",
            params![d.official, d.short],
            |r| r.get(0),
        )?;
        for alias in &d.aliases {
            tx.execute(
                "INSERT INTO department_alias(alias, department_id) VALUES (?1, ?2)",
                params![alias, id],
            )?;
        }
        departments.insert(&d.official, id);
        report.departments += 1;
        progress.add(1);
    }
    let keep: Vec<i64> = departments.values().copied().collect();
    tx.execute(
        "DELETE FROM department WHERE id NOT IN (SELECT value FROM json_each(?1))",
        [serde_json::to_string(&keep).unwrap_or_default()],
    )?;
    Ok(departments)
}

/// Tracking fields and links of every item of the dump (created when the plan text here
/// lacks it); items here the dump does not name are cleared. Returns key → id.
fn load_items(
    tx: &Transaction<'_>,
    dump: &Dump,
    plans: &HashMap<String, i64>,
    departments: &HashMap<&str, i64>,
    report: &mut LoadReport,
    progress: &dyn Progress,
) -> Result<HashMap<Key, i64>> {
    let mut items = id_map(
        tx,
        "SELECT i.id, p.key, i.stable_key FROM item i JOIN plan p ON p.id = i.plan_id",
    )?;
    let unfound: Vec<&DumpItem> = dump
        .items
        .iter()
        .filter(|i| !items.contains_key(&(i.plan.clone(), i.stable_key.clone())))
        .collect();
    let by_content = super::keys::by_content(tx, &unfound, &items)?;
    items.extend(by_content);
    let mut loaded = HashSet::new();
    for item in &dump.items {
        let key = (item.plan.clone(), item.stable_key.clone());
        let id = match lookup(&items, &key) {
            Some(id) => id,
            None => {
                let id = create_item(tx, lookup(plans, &item.plan).unwrap_or_default(), item)?;
                report.items_created += 1;
                items.insert(key, id);
                id
            }
        };
        set_tracked(tx, id, item.in_plan, |field| {
            item.tracked
                .get(field.column())
                .and_then(|v| from_json(field, v).ok().flatten())
        })?;
        for link in &item.departments {
            let department = departments
                .get(link.department.as_str())
                .copied()
                .ok_or_else(|| {
                    StoreError::Invalid(format!(
                        "invalid dump: department {} is linked but not listed",
                        link.department
                    ))
                })?;
            tx.execute(
                "INSERT INTO item_department(item_id, department_id, role, origin, position) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, department, link.role, link.origin, link.position],
            )?;
            report.links += 1;
        }
        loaded.insert(id);
        report.items += 1;
        progress.add(1);
    }
    for (_, &id) in items.iter().filter(|(_, id)| !loaded.contains(*id)) {
        let in_plan: i64 =
            tx.query_row("SELECT in_plan FROM item WHERE id = ?1", [id], |r| r.get(0))?;
        set_tracked(tx, id, in_plan, |_| None)?;
        report.items_cleared += 1;
    }
    Ok(items)
}

/// The id here of an item of the dump.
fn item_id(items: &HashMap<Key, i64>, key: &Key) -> Result<i64> {
    lookup(items, key).ok_or_else(|| {
        StoreError::Invalid(format!(
            "invalid dump: item {} of {} is not listed",
            key.1, key.0
        ))
    })
}

/// Milestones (with their extensions), notes and indicator values, each with its
/// position in the dump as id, and the settings.
fn load_records(
    tx: &Transaction<'_>,
    dump: &Dump,
    items: &HashMap<Key, i64>,
    indicators: &HashMap<Key, i64>,
    report: &mut LoadReport,
    progress: &dyn Progress,
) -> Result<()> {
    let item_id = |key: &Key| item_id(items, key);

    for m in &dump.milestones {
        tx.execute(
            "INSERT INTO milestone(id, item_id, title, due_on, original_due, done_on, origin, plan_phrase, removed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![m.n, item_id(&m.item)?, m.title, m.due_on, m.original_due, m.done_on, m.origin, m.plan_phrase, m.removed],
        )?;
        for e in &m.extensions {
            tx.execute(
                "INSERT INTO extension(milestone_id, from_due, to_due, reason, who, at, removed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![m.n, e.from_due, e.to_due, e.reason, e.who, e.at, e.removed],
            )?;
        }
        report.milestones += 1;
        progress.add(1);
    }
    for n in &dump.notes {
        tx.execute(
            "INSERT INTO note(id, item_id, author, at, text, removed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![n.n, item_id(&n.item)?, n.author, n.at, n.text, n.removed],
        )?;
        report.notes += 1;
        progress.add(1);
    }
    for v in &dump.indicator_values {
        tx.execute(
            "INSERT INTO indicator_value(id, indicator_id, period, value, who, at, removed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![v.n, super::keys::indicator(indicators, &v.indicator).unwrap_or_default(), v.period, v.value, v.who, v.at, v.removed],
        )?;
        report.indicator_values += 1;
        progress.add(1);
    }
    for s in &dump.settings {
        tx.execute(
            "INSERT INTO setting(key, value) VALUES (?1, ?2)",
            params![s.key, s.value],
        )?;
        report.settings += 1;
        progress.add(1);
    }
    Ok(())
}

/// The change log: changes keep their position as id, history rows point at the ids here.
fn load_changes(
    tx: &Transaction<'_>,
    dump: &Dump,
    items: &HashMap<Key, i64>,
    departments: &HashMap<&str, i64>,
    plans: &HashMap<String, i64>,
    report: &mut LoadReport,
    progress: &dyn Progress,
) -> Result<()> {
    for c in &dump.changes {
        tx.execute(
            "INSERT INTO change(id, at, who, action) VALUES (?1, ?2, ?3, ?4)",
            params![c.n, c.at, c.who, c.action],
        )?;
        for h in &c.history {
            let item = h.item.as_ref().map(|k| item_id(items, k)).transpose()?;
            let entity_id = entity_id(h, items, departments, plans);
            tx.execute(
                "INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![c.n, item, h.entity, entity_id, h.field, h.old, h.new],
            )?;
            report.history += 1;
        }
        report.changes += 1;
        progress.add(1);
    }
    for c in dump
        .changes
        .iter()
        .filter(|c| c.undone_by.is_some() || c.undoes.is_some())
    {
        tx.execute(
            "UPDATE change SET undone_by = ?1, undoes = ?2 WHERE id = ?3",
            params![c.undone_by, c.undoes, c.n],
        )?;
    }
    Ok(())
}

/// The id here of what a history row is about.
fn entity_id(
    h: &DumpHistory,
    items: &HashMap<Key, i64>,
    departments: &HashMap<&str, i64>,
    plans: &HashMap<String, i64>,
) -> Option<i64> {
    match (&h.target, h.entity.as_str()) {
        (Some(Target::Key(key)), _) => lookup(items, key),
        (Some(Target::Name(name)), "link") => departments.get(name.as_str()).copied(),
        (Some(Target::Name(name)), _) => lookup(plans, name),
        (Some(Target::Number(n)), _) => Some(*n),
        (None, _) => None,
    }
}

/// An item the plan text here lacks, created out of the plan (in_plan is set after).
fn create_item(tx: &Transaction<'_>, plan: i64, item: &DumpItem) -> Result<i64> {
    let box_id: Option<i64> = match item.box_number {
        Some(number) => optional(tx.query_row(
            "SELECT id FROM plan_box WHERE plan_id = ?1 AND number = ?2 ORDER BY in_plan DESC, id LIMIT 1",
            params![plan, number],
            |r| r.get(0),
        ))?,
        None => None,
    };
    tx.execute(
        "INSERT INTO item(plan_id, stable_key, kind, box_id, chapter, section, number, grp, title, body, position, in_plan)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
        params![plan, item.stable_key, item.kind, box_id, item.chapter, item.section, item.number, item.group,
                item.title, item.body, item.position],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO item_fts(rowid, search_text) SELECT id, search_text FROM item WHERE id = ?1",
        params![id],
    )?;
    Ok(id)
}

/// Write an item's tracking fields (`track::fields::ItemField`, each from `value`, or
/// blank — not started, 0% — when it has none) and whether the plan text has it.
fn set_tracked(
    tx: &Transaction<'_>,
    id: i64,
    in_plan: i64,
    value: impl Fn(ItemField) -> Option<FieldValue>,
) -> Result<()> {
    let columns: Vec<String> = ItemField::ALL
        .iter()
        .map(|f| format!("{} = ?", f.column()))
        .collect();
    let sql = format!(
        "UPDATE item SET in_plan = ?, {} WHERE id = ?",
        columns.join(", ")
    );
    let mut values: Vec<rusqlite::types::Value> = vec![in_plan.into()];
    for field in ItemField::ALL {
        values.push(match value(field).or_else(|| field.blank()) {
            None => rusqlite::types::Value::Null,
            Some(FieldValue::Text(t)) => t.into(),
            Some(FieldValue::Integer(n)) => n.into(),
            Some(FieldValue::Real(v)) => v.into(),
        });
    }
    values.push(id.into());
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values))?;
    Ok(())
}
