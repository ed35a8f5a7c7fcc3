//! Time travel: the tracking state as it stood at the end of a day, rebuilt from the
//! history (`history` rows record every field-level change with its old value), not from
//! snapshots.
//!
//! A [`Rewind`] holds, for every field changed after the day, the value it had before the
//! first such change; everything else is as it is now. Days end at midnight UTC, the
//! clock the history's timestamps are written in. Items, milestones and notes created
//! later did not exist yet; an extension counts from the moment it was recorded.

use super::departments::Link;
use super::error::Result;
use super::items::ItemRow;
use super::milestones::{Extension, Milestone};
use super::notes::Note;
use crate::plan::Role;
use crate::track::fields::{ItemField, Recorded};
use crate::track::health::{Period, Thresholds};
use crate::track::project::{Project, ProjectStage};
use crate::track::status::Status;
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, params};
use std::collections::HashMap;

/// Whose field a history row is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    entity: String,
    item: Option<i64>,
    entity_id: Option<i64>,
    field: String,
}

/// What the state was at the end of `day`: the value before the first later change of
/// each field.
#[derive(Debug, Clone)]
pub(crate) struct Rewind {
    /// The first instant after the day, as stored timestamps (RFC 3339, UTC) compare.
    cutoff: String,
    before: HashMap<Key, Option<String>>,
}

impl Rewind {
    /// Read the history after `day`.
    pub(super) fn read(conn: &Connection, day: NaiveDate) -> Result<Rewind> {
        let cutoff = day
            .checked_add_days(Days::new(1))
            .unwrap_or(day)
            .format("%Y-%m-%d")
            .to_string();
        let mut before = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT h.entity, h.item_id, h.entity_id, h.field, h.old FROM history h
             JOIN change c ON c.id = h.change_id WHERE c.at >= ?1 ORDER BY h.id DESC",
        )?;
        let rows = stmt.query_map([&cutoff], |r| {
            Ok((
                Key {
                    entity: r.get(0)?,
                    item: r.get(1)?,
                    entity_id: r.get(2)?,
                    field: r.get(3)?,
                },
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        // Newest first, so the oldest later change (whose old value held then) wins.
        for row in rows {
            let (key, old) = row?;
            before.insert(key, old);
        }
        Ok(Rewind { cutoff, before })
    }

    /// Whether a stored timestamp is within the day or before it.
    pub(super) fn stamped_by(&self, at: &str) -> bool {
        at < self.cutoff.as_str()
    }

    /// `Some(value then)` when `what` of the entity changed after the day.
    fn then(&self, what: &Recorded, item: Option<i64>, id: Option<i64>) -> Option<Option<&str>> {
        let key = Key {
            entity: what.entity().to_string(),
            item,
            entity_id: id,
            field: what.field().to_string(),
        };
        self.before.get(&key).map(|v| v.as_deref())
    }

    /// Whether an entity existed then (it was not created after the day).
    fn existed(&self, created: Recorded, item: Option<i64>, id: i64) -> bool {
        !matches!(self.then(&created, item, Some(id)), Some(None))
    }

    /// Whether item `id` existed at the end of the day.
    pub(super) fn item_existed(&self, id: i64) -> bool {
        self.existed(Recorded::ItemCreated, Some(id), id)
    }

    fn item_field(&self, id: i64, field: ItemField) -> Option<Option<&str>> {
        self.then(&Recorded::Item(field), Some(id), Some(id))
    }

    /// Put an item row's tracking fields back as they were; `plan` is the plan's period an
    /// item's own dates fall back on. Returns the item's period then.
    pub(super) fn item_row(&self, row: &mut ItemRow, period: Period, plan: Period) -> Period {
        let id = row.id;
        let date = |f: ItemField, now: Option<NaiveDate>| match self.item_field(id, f) {
            Some(then) => then.and_then(|t| t.parse().ok()),
            None => now,
        };
        if let Some(then) = self.item_field(id, ItemField::Owner) {
            row.owner = then.map(str::to_string);
        }
        if let Some(status) = self.item_field(id, ItemField::Status).map(|t| {
            t.and_then(|t| t.parse::<Status>().ok())
                .unwrap_or(Status::NotStarted)
        }) {
            row.status = status;
        }
        if let Some(then) = self.item_field(id, ItemField::Progress) {
            row.progress = then
                .and_then(|t| t.parse::<i64>().ok())
                .unwrap_or(0)
                .clamp(0, 100) as u8;
        }
        if let Some(then) = self.then(&Recorded::ItemInPlan, Some(id), Some(id)) {
            row.in_plan = then != Some("0");
        }
        if let Some(Some(title)) = self.then(&Recorded::ItemTitle, Some(id), Some(id)) {
            row.title = title.to_string();
        }
        let project = row.project.unwrap_or(Project {
            stage: None,
            invest_total: None,
            invest_year_plan: None,
            invest_year_done: None,
            completion_rate: None,
        });
        let amount = |f: ItemField, now: Option<f64>| match self.item_field(id, f) {
            Some(then) => then.and_then(|t| t.parse().ok()),
            None => now,
        };
        let stage = match self.item_field(id, ItemField::ProjectStage) {
            Some(then) => then.and_then(|t| t.parse::<ProjectStage>().ok()),
            None => project.stage,
        };
        row.project = Project::from_fields(
            stage,
            amount(ItemField::InvestTotal, project.invest_total),
            amount(ItemField::InvestYearPlan, project.invest_year_plan),
            amount(ItemField::InvestYearDone, project.invest_year_done),
        );
        let start = match self.item_field(id, ItemField::StartOn) {
            Some(_) => date(ItemField::StartOn, None),
            None => (period.start != plan.start).then_some(period.start),
        };
        let due = match self.item_field(id, ItemField::DueOn) {
            Some(_) => date(ItemField::DueOn, None),
            None => (period.end != plan.end).then_some(period.end),
        };
        Period::for_item(start, due, plan)
    }

    /// An item's own start and due date then, given them now.
    pub(super) fn item_dates(
        &self,
        id: i64,
        start: Option<NaiveDate>,
        due: Option<NaiveDate>,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let date = |f: ItemField, now: Option<NaiveDate>| match self.item_field(id, f) {
            Some(then) => then.and_then(|t| t.parse().ok()),
            None => now,
        };
        (date(ItemField::StartOn, start), date(ItemField::DueOn, due))
    }

    /// An item's text then, given it now.
    pub(super) fn item_body(&self, id: i64, body: String) -> String {
        match self.then(&Recorded::ItemBody, Some(id), Some(id)) {
            Some(Some(then)) => then.to_string(),
            _ => body,
        }
    }

    /// The thresholds then, from the settings as they are now.
    pub(super) fn thresholds(&self, now: Vec<(String, String)>) -> Thresholds {
        let mut settings: HashMap<String, String> = now.into_iter().collect();
        for (key, old) in &self.before {
            if key.entity == "setting" {
                match old {
                    Some(value) => settings.insert(key.field.clone(), value.clone()),
                    None => settings.remove(&key.field),
                };
            }
        }
        super::thresholds_of(settings)
    }

    /// Department links then, per item (all items, or one), in their order.
    pub(super) fn links(&self, conn: &Connection, item: Option<i64>) -> Result<LinksThen> {
        let mut departments: HashMap<i64, (String, String)> = HashMap::new();
        for row in conn
            .prepare_cached("SELECT id, short, official FROM department")?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)))?
        {
            let (id, short, official) = row?;
            departments.insert(id, (short, official));
        }
        // (item, department) → (value "role@origin", position)
        let mut links: HashMap<(i64, i64), (String, i64)> = HashMap::new();
        for row in conn
            .prepare_cached(
                "SELECT item_id, department_id, role || '@' || origin, position FROM item_department
                 WHERE ?1 IS NULL OR item_id = ?1",
            )?
            .query_map(params![item], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
        {
            let (item, department, value, position) = row?;
            links.insert((item, department), (value, position));
        }
        for (key, old) in &self.before {
            let (Some(item_id), Some(department)) = (key.item, key.entity_id) else {
                continue;
            };
            if key.entity != "link" || item.is_some_and(|i| i != item_id) {
                continue;
            }
            match old {
                Some(value) => {
                    let position = links.get(&(item_id, department)).map_or(i64::MAX, |l| l.1);
                    links.insert((item_id, department), (value.clone(), position));
                }
                None => {
                    links.remove(&(item_id, department));
                }
            }
        }
        let mut out: LinksThen = HashMap::new();
        let mut sorted: Vec<_> = links.into_iter().collect();
        sorted.sort_by_key(|((item, department), (_, position))| (*item, *position, *department));
        for ((item, department), (value, _)) in sorted {
            let (role, origin) = value.split_once('@').unwrap_or((value.as_str(), "plan"));
            let (short, official) = departments.get(&department).cloned().unwrap_or_default();
            out.entry(item).or_default().push(Link {
                department,
                short,
                official,
                role: if role == "lead" { Role::Lead } else { Role::Co },
                origin: origin.to_string(),
            });
        }
        Ok(out)
    }

    /// Milestones then, per item (all items, or one), by due date: created by then, not
    /// removed then, with the due date, completion and title they had, and the extensions
    /// recorded by then.
    pub(super) fn milestones(
        &self,
        conn: &Connection,
        item: Option<i64>,
    ) -> Result<MilestonesThen> {
        let mut stmt = conn.prepare_cached(
            "SELECT id, item_id, title, due_on, original_due, done_on, origin, removed FROM milestone
             WHERE ?1 IS NULL OR item_id = ?1",
        )?;
        let rows = stmt.query_map(params![item], |r| {
            Ok((
                Milestone {
                    id: r.get(0)?,
                    item: r.get(1)?,
                    title: r.get(2)?,
                    due_on: r.get(3)?,
                    original_due: r.get(4)?,
                    done_on: r.get(5)?,
                    origin: r.get(6)?,
                    extensions: Vec::new(),
                },
                r.get::<_, i64>(7)? != 0,
            ))
        })?;
        let mut out: MilestonesThen = HashMap::new();
        for row in rows {
            let (mut m, removed_now) = row?;
            let (item, id) = (Some(m.item), Some(m.id));
            if !self.existed(Recorded::MilestoneCreated, item, m.id) {
                continue;
            }
            let removed = match self.then(&Recorded::MilestoneRemoved, item, id) {
                Some(then) => then == Some("1"),
                None => removed_now,
            };
            if removed {
                continue;
            }
            if let Some(due) = self
                .then(&Recorded::MilestoneDue, item, id)
                .flatten()
                .and_then(|t| t.parse().ok())
            {
                m.due_on = due;
            }
            if let Some(then) = self.then(&Recorded::MilestoneDone, item, id) {
                m.done_on = then.and_then(|t| t.parse().ok());
            }
            if let Some(Some(title)) = self.then(&Recorded::MilestoneTitle, item, id) {
                m.title = title.to_string();
            }
            out.entry(m.item).or_default().push(m);
        }
        let mut ext = conn.prepare_cached(
            "SELECT e.milestone_id, e.from_due, e.to_due, e.reason, e.who, e.at FROM extension e
             JOIN milestone m ON m.id = e.milestone_id
             WHERE e.removed = 0 AND e.at < ?1 AND (?2 IS NULL OR m.item_id = ?2) ORDER BY e.id",
        )?;
        let mut extensions: HashMap<i64, Vec<Extension>> = HashMap::new();
        for row in ext.query_map(params![self.cutoff, item], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Extension {
                    from_due: r.get(1)?,
                    to_due: r.get(2)?,
                    reason: r.get(3)?,
                    who: r.get(4)?,
                    at: r.get(5)?,
                },
            ))
        })? {
            let (milestone, extension) = row?;
            extensions.entry(milestone).or_default().push(extension);
        }
        for list in out.values_mut() {
            for m in list.iter_mut() {
                m.extensions = extensions.remove(&m.id).unwrap_or_default();
            }
            list.sort_by_key(|m| (m.due_on, m.id));
        }
        Ok(out)
    }

    /// Notes of an item written by then and not removed then.
    pub(super) fn notes(&self, conn: &Connection, item: i64) -> Result<Vec<Note>> {
        let mut stmt = conn.prepare_cached(
            "SELECT id, author, at, text, removed FROM note WHERE item_id = ?1 AND at < ?2 ORDER BY at, id",
        )?;
        let rows = stmt.query_map(params![item, self.cutoff], |r| {
            Ok((
                Note {
                    id: r.get(0)?,
                    author: r.get(1)?,
                    at: r.get(2)?,
                    text: r.get(3)?,
                },
                r.get::<_, i64>(4)? != 0,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (note, removed_now) = row?;
            let removed = match self.then(&Recorded::NoteRemoved, Some(item), Some(note.id)) {
                Some(then) => then == Some("1"),
                None => removed_now,
            };
            if !removed && self.existed(Recorded::NoteCreated, Some(item), note.id) {
                out.push(note);
            }
        }
        Ok(out)
    }
}

/// Department links per item.
pub(super) type LinksThen = HashMap<i64, Vec<Link>>;
/// Milestones per item.
pub(super) type MilestonesThen = HashMap<i64, Vec<Milestone>>;

impl super::Store {
    /// Every item's milestones as they stood at the end of `day` (see the module).
    pub fn milestones_as_of(&self, day: NaiveDate) -> Result<HashMap<i64, Vec<Milestone>>> {
        self.read(|conn| Rewind::read(conn, day)?.milestones(conn, None))
    }

    /// The thresholds of the lights as they were at the end of `day`.
    pub fn thresholds_as_of(&self, day: NaiveDate) -> Result<Thresholds> {
        self.read(|conn| Ok(Rewind::read(conn, day)?.thresholds(super::settings(conn)?)))
    }

    /// The notes written from `from` to `to` (both days included) and not removed, with
    /// their items, in the order written.
    pub fn notes_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<(i64, Note)>> {
        let after = to.checked_add_days(Days::new(1)).unwrap_or(to);
        self.read(|conn| {
            let notes = conn
                .prepare_cached(
                    "SELECT item_id, id, author, at, text FROM note
                     WHERE removed = 0 AND at >= ?1 AND at < ?2 ORDER BY at, id",
                )?
                .query_map(
                    params![
                        from.format("%Y-%m-%d").to_string(),
                        after.format("%Y-%m-%d").to_string()
                    ],
                    |r| {
                        Ok((
                            r.get(0)?,
                            Note {
                                id: r.get(1)?,
                                author: r.get(2)?,
                                at: r.get(3)?,
                                text: r.get(4)?,
                            },
                        ))
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(notes)
        })
    }
}
