//! The facts behind each item's department links and pace: department links and
//! milestone dates, read from their covering indexes into arrays indexed by item id.

use super::super::error::Result;
use super::columns::{text_at, text_date};
use crate::track::health::{MilestoneFacts, Period};
use crate::track::project::Project;
use chrono::NaiveDate;
use rusqlite::Connection;

/// Values grouped by item id, in arrays indexed by id (ids are dense: items are never
/// deleted), so a row finds its links and milestones without hashing or allocating.
pub(super) struct PerItem<T> {
    /// `values[start[id]..start[id + 1]]` are the item's.
    start: Vec<u32>,
    values: Vec<T>,
}

impl<T> PerItem<T> {
    /// From (item id, value) pairs sorted by id.
    fn from_sorted(mut pairs: Vec<(i64, T)>) -> PerItem<T> {
        pairs.retain(|(id, _)| *id >= 0);
        let len = pairs
            .last()
            .map_or(0, |(id, _)| usize::try_from(*id).unwrap_or(0) + 1);
        let mut start = vec![0u32; len + 1];
        for (id, _) in &pairs {
            if let Ok(id) = usize::try_from(*id) {
                start[id + 1] += 1;
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        PerItem {
            start,
            values: pairs.into_iter().map(|(_, v)| v).collect(),
        }
    }

    pub(super) fn get(&self, id: i64) -> &[T] {
        let Ok(id) = usize::try_from(id) else {
            return &[];
        };
        match (self.start.get(id), self.start.get(id + 1)) {
            (Some(&from), Some(&to)) => self.values.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// One department link: (lead?, department id), in the item's order.
pub(super) type LinkFact = (bool, i64);

/// Per-item facts read before the item rows.
pub(super) struct Extras {
    pub(super) links: PerItem<LinkFact>,
    pub(super) milestones: PerItem<MilestoneFacts>,
    /// Stage and investment of the items that are 重大项目.
    pub(super) projects: PerItem<Project>,
    /// (plan id, its period) of every plan.
    pub(super) periods: Vec<(i64, Period)>,
}

/// The project fields, where an item has any (from the partial index `item_project`).
const PROJECT_WHERE: &str = "(project_stage IS NOT NULL OR invest_total IS NOT NULL \
     OR invest_year_plan IS NOT NULL OR invest_year_done IS NOT NULL)";

/// Stage and investment of every item that has them (or only of `ids`), by item id.
fn read_projects(conn: &Connection, ids: Option<&[i64]>) -> Result<Vec<(i64, Project)>> {
    const COLUMNS: &str = "id, project_stage, invest_total, invest_year_plan, invest_year_done";
    let mut projects = Vec::new();
    let mut read = |r: &rusqlite::Row<'_>| -> Result<()> {
        if let Some(project) = Project::from_fields(r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?) {
            projects.push((r.get(0)?, project));
        }
        Ok(())
    };
    match ids {
        None => {
            let sql = format!("SELECT {COLUMNS} FROM item WHERE {PROJECT_WHERE} ORDER BY id");
            let mut stmt = conn.prepare_cached(&sql)?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                read(r)?;
            }
        }
        Some(ids) => {
            let sql = format!("SELECT {COLUMNS} FROM item WHERE id = ?1 AND {PROJECT_WHERE}");
            let mut stmt = conn.prepare_cached(&sql)?;
            for id in ids {
                let mut rows = stmt.query([id])?;
                while let Some(r) = rows.next()? {
                    read(r)?;
                }
            }
            projects.sort_by_key(|&(id, _)| id);
        }
    }
    Ok(projects)
}

pub(super) fn link_rows(
    stmt: &mut rusqlite::CachedStatement<'_>,
    args: impl rusqlite::Params,
    links: &mut Vec<(i64, i64, LinkFact)>,
) -> Result<()> {
    let mut rows = stmt.query(args)?;
    while let Some(r) = rows.next()? {
        links.push((r.get(0)?, r.get(3)?, (text_at(r, 1)? == "lead", r.get(2)?)));
    }
    Ok(())
}

pub(super) fn milestone_rows(
    stmt: &mut rusqlite::CachedStatement<'_>,
    args: impl rusqlite::Params,
    facts: &mut Vec<(i64, MilestoneFacts)>,
) -> Result<()> {
    let mut rows = stmt.query(args)?;
    while let Some(r) = rows.next()? {
        if let Some(due) = text_date(r, 1)? {
            facts.push((
                r.get(0)?,
                MilestoneFacts {
                    due,
                    done: text_date(r, 2)?,
                },
            ));
        }
    }
    Ok(())
}

// In item order from the covering indexes `item_department_facts` and `milestone_facts`.
const LINKS_SELECT: &str =
    "SELECT item_id, role, department_id, position FROM item_department ORDER BY item_id, position";
const LINKS_OF: &str =
    "SELECT item_id, role, department_id, position FROM item_department WHERE item_id = ?1";
const MILESTONES_SELECT: &str = "SELECT item_id, due_on, done_on FROM milestone WHERE removed = 0";
const MILESTONES_OF: &str =
    "SELECT item_id, due_on, done_on FROM milestone WHERE removed = 0 AND item_id = ?1";
/// Department links of every item (or only `ids`), as read.
pub(super) fn read_links(
    conn: &Connection,
    ids: Option<&[i64]>,
) -> Result<Vec<(i64, i64, LinkFact)>> {
    let mut links = Vec::new();
    match ids {
        None => link_rows(&mut conn.prepare_cached(LINKS_SELECT)?, [], &mut links)?,
        Some(ids) => {
            let mut stmt = conn.prepare_cached(LINKS_OF)?;
            for id in ids {
                link_rows(&mut stmt, [id], &mut links)?;
            }
        }
    }
    Ok(links)
}

/// Milestone facts of every item (or only `ids`), as read.
pub(super) fn read_milestones(
    conn: &Connection,
    ids: Option<&[i64]>,
) -> Result<Vec<(i64, MilestoneFacts)>> {
    let mut milestones = Vec::new();
    match ids {
        None => milestone_rows(
            &mut conn.prepare_cached(MILESTONES_SELECT)?,
            [],
            &mut milestones,
        )?,
        Some(ids) => {
            let mut stmt = conn.prepare_cached(MILESTONES_OF)?;
            for id in ids {
                milestone_rows(&mut stmt, [id], &mut milestones)?;
            }
        }
    }
    Ok(milestones)
}

pub(super) fn extras(
    conn: &Connection,
    mut links: Vec<(i64, i64, LinkFact)>,
    mut milestones: Vec<(i64, MilestoneFacts)>,
    ids: Option<&[i64]>,
) -> Result<Extras> {
    // Lead first is the item's link order (position), as everywhere else.
    links.sort_unstable_by_key(|&(item, position, _)| (item, position));
    milestones.sort_by_key(|&(item, _)| item);
    let periods = conn
        .prepare_cached("SELECT id, period_start, period_end FROM plan")?
        .query_map([], |r| Ok((r.get(0)?, year_bounds((r.get(1)?, r.get(2)?)))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Extras {
        links: PerItem::from_sorted(
            links
                .into_iter()
                .map(|(item, _, link)| (item, link))
                .collect(),
        ),
        milestones: PerItem::from_sorted(milestones),
        projects: PerItem::from_sorted(read_projects(conn, ids)?),
        periods,
    })
}

pub(super) fn year_bounds(years: (i32, i32)) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(years.0, 1, 1).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(years.1, 12, 31).unwrap_or_default(),
    }
}
