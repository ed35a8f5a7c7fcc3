//! What the plan text proposes for tracking: department links from 责任单位 and milestones
//! from deadline phrases. Both respect what users did: a department the user linked keeps
//! the user's role, and a plan milestone already present (perhaps extended or done) is
//! left as it is.
//!
//! What a plan's items already have is read once per plan ([`Known`]), not per item;
//! department names are resolved once per import, and new links and milestones are
//! written many to a statement ([`Writes`]): at 100k items the per-item statements were a
//! large part of an import.

use super::log::Log;
use super::queue::{Ids, Queue, text};
use crate::plan::title_key;
use crate::plan::{Deadline, DepartmentRef, Role};
use crate::store::departments::resolve_or_create;
use crate::store::error::Result;
use crate::track::fields::Recorded;
use rusqlite::types::Value;
use rusqlite::{Transaction, params};
use std::collections::HashMap;

/// What the import writes about items beyond their text, across plans.
#[derive(Debug)]
pub(super) struct Writes {
    /// Department names already resolved (the directory only grows meanwhile).
    departments: HashMap<String, i64>,
    links: Queue,
    milestones: Queue,
    milestone_ids: Ids,
}

impl Writes {
    pub(super) fn new(tx: &Transaction<'_>) -> Result<Writes> {
        Ok(Writes {
            departments: HashMap::new(),
            links: Queue::new(
                "INSERT INTO item_department(item_id, department_id, role, origin, position) VALUES",
                5,
                "ON CONFLICT(item_id, department_id) DO UPDATE SET role = excluded.role, origin = excluded.origin",
            ),
            milestones: Queue::new(
                "INSERT INTO milestone(id, item_id, title, due_on, original_due, origin, plan_phrase) VALUES",
                7,
                "",
            ),
            milestone_ids: Ids::after_largest(tx, "milestone")?,
        })
    }

    fn resolve(&mut self, tx: &Transaction<'_>, name: &str) -> Result<i64> {
        if let Some(&id) = self.departments.get(name) {
            return Ok(id);
        }
        let id = resolve_or_create(tx, name)?;
        self.departments.insert(name.to_string(), id);
        Ok(id)
    }

    /// Write the links and milestones still waiting (their items are written).
    pub(super) fn flush(&mut self, tx: &Transaction<'_>) -> Result<()> {
        self.links.flush(tx)?;
        self.milestones.flush(tx)
    }
}

/// A department link of an item as stored.
#[derive(Debug, Clone)]
pub(super) struct StoredLink {
    department: i64,
    role: String,
    origin: String,
    position: i64,
}

/// A plan milestone of an item as stored (title as its `title_key`).
#[derive(Debug)]
pub(super) struct KnownMilestone {
    title: String,
    original_due: String,
    phrase: Option<String>,
    claimed: bool,
}

/// The links and plan milestones the items of one plan have before the import, and the
/// departments people removed from them (which the plan text does not bring back).
#[derive(Debug, Default)]
pub(super) struct Known {
    links: HashMap<i64, Vec<StoredLink>>,
    milestones: HashMap<i64, Vec<KnownMilestone>>,
    removed: HashMap<i64, Vec<i64>>,
}

impl Known {
    /// Read what the items of `plan` have, in the order the per-item reads gave it
    /// (links by department, milestones by id).
    pub(super) fn read(tx: &Transaction<'_>, plan: i64) -> Result<Known> {
        let mut known = Known::default();
        let mut stmt = tx.prepare_cached(
            "SELECT l.item_id, l.department_id, l.role, l.origin, l.position
             FROM item_department l JOIN item i ON i.id = l.item_id
             WHERE i.plan_id = ?1 ORDER BY l.item_id, l.department_id",
        )?;
        let rows = stmt.query_map([plan], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                StoredLink {
                    department: r.get(1)?,
                    role: r.get(2)?,
                    origin: r.get(3)?,
                    position: r.get(4)?,
                },
            ))
        })?;
        for row in rows {
            let (item, link) = row?;
            known.links.entry(item).or_default().push(link);
        }
        let mut stmt = tx.prepare_cached(
            "SELECT m.item_id, m.title, m.original_due, m.plan_phrase
             FROM milestone m JOIN item i ON i.id = m.item_id
             WHERE i.plan_id = ?1 AND m.origin = 'plan' ORDER BY m.id",
        )?;
        let rows = stmt.query_map([plan], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                KnownMilestone {
                    title: title_key(&r.get::<_, String>(1)?),
                    original_due: r.get(2)?,
                    phrase: r.get(3)?,
                    claimed: false,
                },
            ))
        })?;
        for row in rows {
            let (item, milestone) = row?;
            known.milestones.entry(item).or_default().push(milestone);
        }
        let mut stmt = tx.prepare_cached(
            "SELECT r.item_id, r.department_id FROM link_removed r JOIN item i ON i.id = r.item_id
             WHERE i.plan_id = ?1",
        )?;
        let rows = stmt.query_map([plan], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (item, department) = row?;
            known.removed.entry(item).or_default().push(department);
        }
        Ok(known)
    }

    /// What `item` has (nothing for an item this import inserted), taken out: its links,
    /// its plan milestones, the departments removed from it.
    pub(super) fn take(&mut self, item: i64) -> (Vec<StoredLink>, Vec<KnownMilestone>, Vec<i64>) {
        (
            self.links.remove(&item).unwrap_or_default(),
            self.milestones.remove(&item).unwrap_or_default(),
            self.removed.remove(&item).unwrap_or_default(),
        )
    }
}

/// Plan-text department links: added when new; a department the user already linked keeps
/// the user's role, one the user removed stays removed (`removed`); plan links the text no
/// longer names are removed (user links never are). `current` is what the item had.
pub(super) fn write_plan_links(
    tx: &Transaction<'_>,
    writes: &mut Writes,
    log: &mut Log,
    item: i64,
    departments: &[DepartmentRef],
    current: Vec<StoredLink>,
    removed: &[i64],
) -> Result<usize> {
    if departments.is_empty() && current.is_empty() {
        return Ok(0);
    }
    let mut wanted = Vec::new();
    for d in departments {
        let department = writes.resolve(tx, &d.name)?;
        if !removed.contains(&department) {
            wanted.push((department, d.role));
        }
    }
    // Decisions are made on what the item had; `live` follows the writes, for the old
    // value each history row records and the position of a new link.
    let mut live = current.clone();
    for link in &current {
        if link.origin == "plan" && !wanted.iter().any(|(d, _)| *d == link.department) {
            put_link(tx, writes, log, item, &mut live, link.department, None)?;
        }
    }
    let mut added = 0;
    for (department, role) in wanted {
        let value = format!("{}@plan", if role == Role::Lead { "lead" } else { "co" });
        match current.iter().find(|l| l.department == department) {
            Some(l) if l.origin == "user" => {}
            Some(l) if format!("{}@plan", l.role) == value => {}
            Some(_) => put_link(tx, writes, log, item, &mut live, department, Some(&value))?,
            None => {
                put_link(tx, writes, log, item, &mut live, department, Some(&value))?;
                added += 1;
            }
        }
    }
    Ok(added)
}

/// Write a link "role@origin" (or remove it: None) and record the change: what
/// `departments::put_link` does, with the item's links in hand instead of read per call.
/// A removal is written at once, a link waits in `writes` (the two never meet: a plan
/// link is removed only when the text no longer names its department).
fn put_link(
    tx: &Transaction<'_>,
    writes: &mut Writes,
    log: &mut Log,
    item: i64,
    live: &mut Vec<StoredLink>,
    department: i64,
    value: Option<&str>,
) -> Result<()> {
    let index = live.iter().position(|l| l.department == department);
    let old = index.map(|i| format!("{}@{}", live[i].role, live[i].origin));
    match value {
        None => {
            tx.prepare_cached(
                "DELETE FROM item_department WHERE item_id = ?1 AND department_id = ?2",
            )?
            .execute(params![item, department])?;
            if let Some(i) = index {
                live.remove(i);
            }
        }
        Some(value) => {
            let (role, origin) = value.split_once('@').unwrap_or((value, "user"));
            let position = live.iter().map(|l| l.position).max().map_or(0, |p| p + 1);
            writes.links.push(
                tx,
                [
                    Value::Integer(item),
                    Value::Integer(department),
                    text(role),
                    text(origin),
                    Value::Integer(position),
                ],
            )?;
            match index {
                Some(i) => {
                    live[i].role = role.to_string();
                    live[i].origin = origin.to_string();
                }
                None => live.push(StoredLink {
                    department,
                    role: role.to_string(),
                    origin: origin.to_string(),
                    position,
                }),
            }
        }
    }
    log.record(
        tx,
        Some(item),
        &Recorded::LinkRole,
        Some(department),
        old.as_deref(),
        value,
    )
}

/// Plan deadlines become proposed milestones once; existing ones (perhaps extended, done,
/// renamed or removed) are left as they are. A deadline is the plan milestone of the item
/// with the same sentence (compared by its characters: renditions differ in punctuation),
/// else one with the same phrase and original due date that no other deadline claimed
/// (a renamed milestone, a reworded sentence). `known` is what the item had.
pub(super) fn write_plan_milestones(
    tx: &Transaction<'_>,
    writes: &mut Writes,
    log: &mut Log,
    item: i64,
    deadlines: &[Deadline],
    mut known: Vec<KnownMilestone>,
) -> Result<usize> {
    if deadlines.is_empty() {
        return Ok(0);
    }
    // An item with no plan milestone yet (every new item) claims nothing: no keys to build.
    let nothing_known = known.is_empty();
    let mut claim = |test: &dyn Fn(&KnownMilestone) -> bool| match known
        .iter_mut()
        .find(|k| !k.claimed && test(k))
    {
        Some(k) => {
            k.claimed = true;
            true
        }
        None => false,
    };
    let mut claimed: Vec<bool> = deadlines
        .iter()
        .map(|deadline| {
            if nothing_known {
                return false;
            }
            let wanted = title_key(&deadline.text);
            claim(&|k| k.title == wanted)
        })
        .collect();
    for (deadline, claimed) in deadlines.iter().zip(claimed.iter_mut()) {
        if !*claimed && !nothing_known {
            let due = deadline.due.format("%Y-%m-%d").to_string();
            *claimed = claim(&|k| {
                k.original_due == due && k.phrase.as_deref() == Some(deadline.phrase.as_str())
            });
        }
    }
    let mut added = 0;
    for (deadline, claimed) in deadlines.iter().zip(claimed) {
        if !claimed {
            // What `milestones::insert` does for a plan milestone; the id is known ahead
            // for the history row.
            let id = writes.milestone_ids.take();
            let due = deadline.due.format("%Y-%m-%d").to_string();
            writes.milestones.push(
                tx,
                [
                    Value::Integer(id),
                    Value::Integer(item),
                    text(&deadline.text),
                    text(&due),
                    text(&due),
                    text("plan"),
                    text(&deadline.phrase),
                ],
            )?;
            log.record(
                tx,
                Some(item),
                &Recorded::MilestoneCreated,
                Some(id),
                None,
                Some(&deadline.text),
            )?;
            added += 1;
        }
    }
    Ok(added)
}
