//! What the plan text proposes for tracking: department links from 责任单位 and milestones
//! from deadline phrases. Both respect what users did: a department the user linked keeps
//! the user's role, and a plan milestone already present (perhaps extended or done) is
//! left as it is.

use crate::plan::title_key;
use crate::plan::{Deadline, DepartmentRef, Role};
use crate::store::departments::{put_link, resolve_or_create};
use crate::store::error::Result;
use crate::store::milestones;
use rusqlite::Transaction;

/// Plan-text department links: added when new; a department the user already linked keeps
/// the user's role; plan links the text no longer names are removed (user links never are).
pub(super) fn write_plan_links(
    tx: &Transaction<'_>,
    change: i64,
    item: i64,
    departments: &[DepartmentRef],
) -> Result<usize> {
    let mut wanted = Vec::new();
    for d in departments {
        wanted.push((resolve_or_create(tx, &d.name)?, d.role));
    }
    let current: Vec<(i64, String, String)> = tx
        .prepare_cached(
            "SELECT department_id, role, origin FROM item_department WHERE item_id = ?1",
        )?
        .query_map([item], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (department, _, origin) in &current {
        if origin == "plan" && !wanted.iter().any(|(d, _)| d == department) {
            put_link(tx, change, item, *department, None)?;
        }
    }
    let mut added = 0;
    for (department, role) in wanted {
        let value = format!("{}@plan", if role == Role::Lead { "lead" } else { "co" });
        match current.iter().find(|(d, _, _)| *d == department) {
            Some((_, _, origin)) if origin == "user" => {}
            Some((_, old_role, _)) if format!("{old_role}@plan") == value => {}
            Some(_) => put_link(tx, change, item, department, Some(&value))?,
            None => {
                put_link(tx, change, item, department, Some(&value))?;
                added += 1;
            }
        }
    }
    Ok(added)
}

/// Plan deadlines become proposed milestones once; existing ones (perhaps extended, done,
/// renamed or removed) are left as they are. A deadline is the plan milestone of the item
/// with the same sentence (compared by its characters: renditions differ in punctuation),
/// else one with the same phrase and original due date that no other deadline claimed
/// (a renamed milestone, a reworded sentence).
pub(super) fn write_plan_milestones(
    tx: &Transaction<'_>,
    change: i64,
    item: i64,
    deadlines: &[Deadline],
) -> Result<usize> {
    struct Known {
        title: String,
        original_due: String,
        phrase: Option<String>,
        claimed: bool,
    }
    let mut known: Vec<Known> = tx
        .prepare_cached(
            "SELECT title, original_due, plan_phrase FROM milestone WHERE item_id = ?1 AND origin = 'plan' ORDER BY id",
        )?
        .query_map([item], |r| {
            Ok(Known {
                title: title_key(&r.get::<_, String>(0)?),
                original_due: r.get(1)?,
                phrase: r.get(2)?,
                claimed: false,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut claim =
        |test: &dyn Fn(&Known) -> bool| match known.iter_mut().find(|k| !k.claimed && test(k)) {
            Some(k) => {
                k.claimed = true;
                true
            }
            None => false,
        };
    let mut claimed: Vec<bool> = deadlines
        .iter()
        .map(|deadline| {
            let wanted = title_key(&deadline.text);
            claim(&|k| k.title == wanted)
        })
        .collect();
    for (deadline, claimed) in deadlines.iter().zip(claimed.iter_mut()) {
        if !*claimed {
            let due = deadline.due.format("%Y-%m-%d").to_string();
            *claimed = claim(&|k| {
                k.original_due == due && k.phrase.as_deref() == Some(deadline.phrase.as_str())
            });
        }
    }
    let mut added = 0;
    for (deadline, claimed) in deadlines.iter().zip(claimed) {
        if !claimed {
            milestones::insert(
                tx,
                change,
                item,
                &deadline.text,
                deadline.due,
                "plan",
                Some(&deadline.phrase),
            )?;
            added += 1;
        }
    }
    Ok(added)
}
