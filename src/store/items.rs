//! Items (box items and key tasks): list with filters, show, and edits that are conditional
//! on what the editor read.
//!
//! An edit carries the `Stamp` (the newest change id) of the snapshot it was made on. It is
//! refused for a field that someone changed after that stamp, naming who, when and to what;
//! edits of different fields of one item merge. Notes are append-only and never conflict.

mod edit;
mod row;
mod select;

pub(super) use edit::set_field;

use super::Store;
use super::departments::{Link, links_of};
use super::error::{Result, StoreError};
use super::history::HistoryEntry;
use super::milestones::{Milestone, milestones_of};
use super::notes::{Note, notes_of};
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

impl Store {
    /// Items matching `query`, in plan order, with pace and light as of `today`: chosen
    /// on the compact scan, full rows read for those only (`select.rs`).
    pub fn list(&self, query: &ItemQuery, today: NaiveDate) -> Result<Vec<ItemRow>> {
        let mut rows = Vec::new();
        self.list_each(query, today, &mut |row| rows.push(row))?;
        Ok(rows)
    }

    /// The item `id` with everything about it.
    pub fn show(&self, id: i64, today: NaiveDate) -> Result<ItemDetail> {
        let thresholds = self.thresholds()?;
        let history = self.history(Some(id), 200)?;
        self.read(|conn| {
            let stamp = current_stamp(conn)?;
            let base = optional(
                conn.prepare_cached(&format!("{} WHERE i.id = ?1", row::select()))?
                    .query_row([id], row::base_row),
            )?
            .ok_or_else(|| StoreError::NotFound {
                what: "item",
                id: id.to_string(),
            })?;
            let BaseRow { mut row, period } = base;
            let departments = links_of(conn, id)?;
            row.lead = departments
                .iter()
                .find(|l| l.role == Role::Lead)
                .map(|l| l.short.clone());
            row.co = departments
                .iter()
                .filter(|l| l.role == Role::Co)
                .map(|l| l.short.clone())
                .collect();
            let milestones = milestones_of(conn, id)?;
            let facts: Vec<MilestoneFacts> = milestones
                .iter()
                .map(|m| MilestoneFacts {
                    due: m.due_on,
                    done: m.done_on,
                })
                .collect();
            row.health = assess(
                &ItemFacts {
                    status: row.status,
                    progress: row.progress,
                    period,
                    milestones: facts,
                },
                today,
                &thresholds,
            );
            let extra = row::detail(conn, id)?;
            let glossary =
                glossary_in(conn, extra.plan_id, &format!("{}{}", row.title, extra.body))?;
            Ok(ItemDetail {
                row,
                body: extra.body,
                start_on: extra.start_on,
                due_on: extra.due_on,
                period,
                departments,
                milestones,
                notes: notes_of(conn, id)?,
                history: history.clone(),
                glossary,
                stamp,
            })
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

fn glossary_in(conn: &Connection, plan: i64, text: &str) -> Result<Vec<(String, String)>> {
    let entries = conn
        .prepare_cached("SELECT term, definition FROM glossary WHERE plan_id = ?1 ORDER BY number")?
        .query_map([plan], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries
        .into_iter()
        .filter(|(term, _)| {
            let bare: String = term
                .chars()
                .filter(|c| !matches!(c, '“' | '”' | '"'))
                .collect();
            text.contains(term.as_str()) || (!bare.is_empty() && text.contains(&bare))
        })
        .collect())
}
