//! Items (box items and key tasks): list with filters, show, and edits that are conditional
//! on what the editor read.
//!
//! An edit carries the `Stamp` (the newest change id) of the snapshot it was made on. It is
//! refused for a field that someone changed after that stamp, naming who, when and to what;
//! edits of different fields of one item merge. Notes are append-only and never conflict.

mod edit;
mod row;
mod select;
mod show;

pub(super) use edit::set_field;

use super::Store;
use super::as_of::Rewind;
use super::departments::Link;
use super::error::{Result, StoreError};
use super::history::HistoryEntry;
use super::milestones::Milestone;
use super::notes::Note;
use super::queries::optional;
use crate::plan::Role;
use crate::track::filter::{Facts, Filter};
use crate::track::health::{Health, ItemFacts, MilestoneFacts, Period, assess};
pub use crate::track::project::Project;
use crate::track::project::ProjectStage;
use crate::track::rollup::ItemSummary;
use crate::track::status::Status;
use chrono::NaiveDate;
use row::BaseRow;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The newest change id of a snapshot: what an edit was made against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stamp(pub i64);

/// One row of the item list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub id: i64,
    pub plan_key: String,
    pub plan: String,
    pub kind: String,
    pub box_number: Option<u32>,
    pub box_title: Option<String>,
    pub chapter: Option<String>,
    pub section: Option<String>,
    pub number: Option<String>,
    pub group: Option<String>,
    pub title: String,
    pub owner: Option<String>,
    pub status: Status,
    pub progress: u8,
    pub lead: Option<String>,
    pub co: Vec<String>,
    pub in_plan: bool,
    pub health: Health,
    /// Stage and investment, for a 重大项目.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
}

impl ItemRow {
    /// What roll-ups count of this row.
    pub fn into_summary(self) -> ItemSummary {
        ItemSummary {
            id: self.id,
            plan: self.plan,
            chapter: self.chapter,
            owner: self.owner,
            lead: self.lead,
            co: self.co,
            status: self.status,
            progress: self.progress,
            health: self.health,
        }
    }
}

/// Everything about one item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDetail {
    #[serde(flatten)]
    pub row: ItemRow,
    pub body: String,
    pub start_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub period: Period,
    pub departments: Vec<Link>,
    pub milestones: Vec<Milestone>,
    pub notes: Vec<Note>,
    pub history: Vec<HistoryEntry>,
    /// Glossary terms of the item's plan that occur in its text: (term, definition).
    pub glossary: Vec<(String, String)>,
    pub stamp: Stamp,
}

/// Which items `list` reads: a scope (plan, chapter, box, the ids a screen shows), a search
/// text, and the filter every view shares (`track::filter`); all given must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemQuery {
    /// Plan key or part of its short name or title.
    pub plan: Option<String>,
    /// Part of the chapter name.
    pub chapter: Option<String>,
    pub box_number: Option<u32>,
    /// Chinese substring of title or body, or pinyin of the title.
    pub text: Option<String>,
    /// Include items a re-import no longer found in the plan text.
    pub include_removed: bool,
    /// Only these items (e.g. the rows a screen shows).
    pub ids: Option<std::collections::HashSet<i64>>,
    /// Status, light, department and role, owner…: the rule every view shares.
    pub filter: Filter,
}

impl Facts<String> for ItemRow {
    fn status(&self) -> Status {
        self.status
    }
    fn light(&self) -> crate::track::Light {
        self.health.light
    }
    fn pace(&self) -> crate::track::Pace {
        self.health.pace
    }
    fn late(&self) -> bool {
        self.health.is_late()
    }
    fn owner(&self) -> Option<&String> {
        self.owner.as_ref()
    }
    fn has_department(&self, key: &String, role: Option<Role>) -> bool {
        (role != Some(Role::Co) && self.lead.as_ref() == Some(key))
            || (role != Some(Role::Lead) && self.co.contains(key))
    }
}

/// A person's edit of an item. `None` fields are left alone; `Some(None)` clears. As JSON
/// (the workbench's journal of pending edits): absent, `null` (clear), or the value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemEdit {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub owner: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u8>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub start_on: Option<Option<NaiveDate>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub due_on: Option<Option<NaiveDate>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub project_stage: Option<Option<ProjectStage>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub invest_total: Option<Option<f64>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub invest_year_plan: Option<Option<f64>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "set_or_clear"
    )]
    pub invest_year_done: Option<Option<f64>>,
}

/// A field that is present: `null` clears it (`Some(None)`), a value sets it.
fn set_or_clear<'de, D, T>(deserializer: D) -> std::result::Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

pub(super) fn require_item(conn: &Connection, item: i64) -> Result<()> {
    let found = optional(
        conn.prepare_cached("SELECT 1 FROM item WHERE id = ?1")?
            .query_row([item], |r| r.get::<_, i64>(0)),
    )?;
    found.map(|_| ()).ok_or_else(|| StoreError::NotFound {
        what: "item",
        id: item.to_string(),
    })
}

pub(super) fn current_stamp(conn: &Connection) -> Result<Stamp> {
    Ok(Stamp(conn.query_row(
        "SELECT coalesce(max(id), 0) FROM change",
        [],
        |r| r.get(0),
    )?))
}

/// Lead and co-responsible departments (short names) of one item.
type LeadAndCo = (Option<String>, Vec<String>);

/// Lead and co departments (short names) of every item.
fn all_links(conn: &Connection) -> Result<HashMap<i64, LeadAndCo>> {
    let mut links: HashMap<i64, LeadAndCo> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.item_id, l.role, d.short FROM item_department l JOIN department d ON d.id = l.department_id
         ORDER BY l.item_id, l.position",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (item, role, name) = row?;
        add_link(links.entry(item).or_default(), role == "lead", name);
    }
    Ok(links)
}

/// One more department of an item, in link order: the first lead is the lead.
fn add_link(entry: &mut LeadAndCo, lead: bool, name: String) {
    if lead && entry.0.is_none() {
        entry.0 = Some(name);
    } else {
        entry.1.push(name);
    }
}

/// The milestone facts of every item.
type FactsPerItem = HashMap<i64, Vec<MilestoneFacts>>;

/// Links and milestone facts per item: as they are now, or as they were then.
fn links_and_facts(
    conn: &Connection,
    rewind: Option<&Rewind>,
) -> Result<(HashMap<i64, LeadAndCo>, FactsPerItem)> {
    let Some(rewind) = rewind else {
        return Ok((all_links(conn)?, all_milestone_facts(conn)?));
    };
    let mut links: HashMap<i64, LeadAndCo> = HashMap::new();
    for (item, list) in rewind.links(conn, None)? {
        let entry = links.entry(item).or_default();
        for link in list {
            add_link(entry, link.role == Role::Lead, link.short);
        }
    }
    let facts = rewind
        .milestones(conn, None)?
        .into_iter()
        .map(|(item, list)| (item, list.iter().map(Milestone::facts).collect()))
        .collect();
    Ok((links, facts))
}

/// Due and done dates of the live milestones of every item.
fn all_milestone_facts(conn: &Connection) -> Result<HashMap<i64, Vec<MilestoneFacts>>> {
    let mut facts: HashMap<i64, Vec<MilestoneFacts>> = HashMap::new();
    let mut stmt =
        conn.prepare_cached("SELECT item_id, due_on, done_on FROM milestone WHERE removed = 0")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>("item_id")?,
            MilestoneFacts {
                due: r.get("due_on")?,
                done: r.get("done_on")?,
            },
        ))
    })?;
    for row in rows {
        let (item, milestone) = row?;
        facts.entry(item).or_default().push(milestone);
    }
    Ok(facts)
}

impl Store {
    /// Items matching `query`, in plan order, with pace and light as of `today`: chosen
    /// on the compact scan, full rows read for those only (`select.rs`).
    pub fn list(&self, query: &ItemQuery, today: NaiveDate) -> Result<Vec<ItemRow>> {
        let mut rows = Vec::new();
        self.list_each(query, today, &mut |row| rows.push(row))?;
        Ok(rows)
    }

    /// Items matching `filter` as they stood at the end of `day` (see `as_of`), judged at
    /// that day.
    pub fn list_as_of(&self, query: &ItemQuery, day: NaiveDate) -> Result<Vec<ItemRow>> {
        self.list_with(query, day, true)
    }

    fn list_with(&self, query: &ItemQuery, today: NaiveDate, then: bool) -> Result<Vec<ItemRow>> {
        let filter = query;
        let (text_hits, directory) = self.query_inputs(query)?;
        let resolved = query.filter.resolve(
            |typed| {
                directory.as_ref().map_or_else(Vec::new, |d| {
                    d.matching(typed)
                        .into_iter()
                        .map(|e| e.short.clone())
                        .collect()
                })
            },
            |name| Some(name.to_string()),
            self.user(),
        );
        self.read(|conn| {
            let rewind = then.then(|| Rewind::read(conn, today)).transpose()?;
            let thresholds = match &rewind {
                Some(rewind) => rewind.thresholds(super::settings(conn)?),
                None => self.thresholds()?,
            };
            let (links, facts) = links_and_facts(conn, rewind.as_ref())?;
            let mut stmt =
                conn.prepare_cached(&format!("{} ORDER BY p.id, i.position", row::select()))?;
            let rows = stmt.query_map([], row::base_row)?;
            let mut out = Vec::new();
            for base in rows {
                let BaseRow {
                    mut row,
                    mut period,
                    plan,
                } = base?;
                if let Some(rewind) = &rewind {
                    if !rewind.item_existed(row.id) {
                        continue;
                    }
                    period = rewind.item_row(&mut row, period, plan);
                }
                if let Some(hits) = &text_hits
                    && !hits.contains(&row.id)
                {
                    continue;
                }
                if let Some((lead, co)) = links.get(&row.id) {
                    row.lead = lead.clone();
                    row.co = co.clone();
                }
                let milestones = facts.get(&row.id).cloned().unwrap_or_default();
                row.health = assess(
                    &ItemFacts {
                        status: row.status,
                        progress: row.progress,
                        period,
                        milestones,
                    },
                    today,
                    &thresholds,
                );
                if in_scope(&row, filter) && resolved.keeps(&row) {
                    out.push(row);
                }
            }
            Ok(out)
        })
    }

    /// The roll-up input for the items matching `query`, straight from the compact scan
    /// (no full rows).
    pub fn summaries(&self, query: &ItemQuery, today: NaiveDate) -> Result<Vec<ItemSummary>> {
        let (items, _) = self.select(query, today, |row, names| ItemSummary {
            id: row.id,
            plan: names.plan_short(row.plan_id),
            chapter: row.chapter.map(str::to_string),
            owner: row.owner.map(str::to_string),
            lead: row.lead.and_then(|d| names.department(d)),
            co: row.co.iter().filter_map(|&d| names.department(d)).collect(),
            status: row.status,
            progress: row.progress,
            health: row.health,
        })?;
        Ok(items)
    }

    /// The roll-up input for the items matching `query` as they stood at the end of `day`.
    pub fn summaries_as_of(&self, filter: &ItemQuery, day: NaiveDate) -> Result<Vec<ItemSummary>> {
        Ok(self
            .list_as_of(filter, day)?
            .into_iter()
            .map(ItemRow::into_summary)
            .collect())
    }

    /// The newest change id now: the stamp of a snapshot read at this moment.
    pub fn stamp(&self) -> Result<Stamp> {
        self.read(current_stamp)
    }

    /// People already used as owners, most used first (for completion).
    pub fn owners(&self) -> Result<Vec<String>> {
        self.read(|conn| {
            let owners = conn
                .prepare_cached("SELECT owner FROM item WHERE owner IS NOT NULL GROUP BY owner ORDER BY count(*) DESC, owner")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(owners)
        })
    }
}

/// Whether a row is in the query's scope (the filter is checked apart).
fn in_scope(row: &ItemRow, query: &ItemQuery) -> bool {
    let contains = |value: &Option<String>, part: &Option<String>| match part {
        Some(part) => value.as_deref().is_some_and(|v| v.contains(part.as_str())),
        None => true,
    };
    query.ids.as_ref().is_none_or(|ids| ids.contains(&row.id))
        && (query.include_removed || row.in_plan)
        && query
            .plan
            .as_ref()
            .is_none_or(|p| row.plan_key == *p || row.plan.contains(p.as_str()))
        && contains(&row.chapter, &query.chapter)
        && query.box_number.is_none_or(|b| row.box_number == Some(b))
}
