//! The workbench's reads: every item's list columns in one pass, lent to a callback so
//! the caller decides what to copy (it interns repeated names), and the items changed
//! since a snapshot, so an edit or another person's commit re-reads only those rows.

use super::Store;
use super::columns::Columns;
use super::error::Result;
use super::items::{Stamp, current_stamp};
use crate::track::health::{Health, ItemFacts, Period, Thresholds, assess};
use crate::track::project::Project;
use crate::track::status::Status;
use chrono::NaiveDate;
use rusqlite::{Connection, Row};

mod changes;
mod columns;
mod facts;

use changes::changes_since;
use columns::{text, text_at, text_date};
use facts::{Extras, extras, read_links, read_milestones, year_bounds};

/// One item's list columns, borrowed from the statement for the length of one callback.
#[derive(Debug, Clone, PartialEq)]
pub struct RowView<'a> {
    pub id: i64,
    pub plan_id: i64,
    pub box_id: Option<i64>,
    pub chapter: Option<&'a str>,
    pub number: Option<&'a str>,
    pub title: &'a str,
    pub owner: Option<&'a str>,
    pub status: Status,
    pub progress: u8,
    pub in_plan: bool,
    /// Department ids (see [`Outline::departments`]), lead first.
    pub lead: Option<i64>,
    pub co: &'a [i64],
    pub health: Health,
    /// Stage and investment, for a 重大项目.
    pub project: Option<Project>,
}

/// The names items refer to by id: plans, boxes and departments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// (id, key, short name), in import order.
    pub plans: Vec<(i64, String, String)>,
    /// (id, number, title).
    pub boxes: Vec<(i64, u32, String)>,
    /// (id, short name).
    pub departments: Vec<(i64, String)>,
}

/// Where a reader stands: the newest change it has seen, and the epoch (bumped by
/// `load`, which rewrites history).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReadMark {
    pub stamp: Stamp,
    pub epoch: i64,
}

/// What changed since a [`ReadMark`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changes {
    /// Nothing committed since.
    None,
    /// Only these items' tracking data (and indicator values when `indicators`);
    /// `milestones` when a milestone changed, `by_others` when someone else committed.
    Items {
        mark: ReadMark,
        items: Vec<i64>,
        indicators: bool,
        milestones: bool,
        by_others: bool,
    },
    /// Something beyond single items changed (an import, thresholds, a load, a
    /// department directory edit): read everything again.
    Everything,
}

/// The columns of the start-up scan, in SELECT order (served by the covering index
/// `item_row`, see `indexes.rs`).
const SCAN: Columns = Columns(&[
    "id", "plan_id", "box_id", "chapter", "number", "title", "owner", "status", "progress",
    "in_plan", "start_on", "due_on",
]);
const ID: usize = SCAN.at("id");
const PLAN_ID: usize = SCAN.at("plan_id");
const BOX_ID: usize = SCAN.at("box_id");
const CHAPTER: usize = SCAN.at("chapter");
const NUMBER: usize = SCAN.at("number");
const TITLE: usize = SCAN.at("title");
const OWNER: usize = SCAN.at("owner");
const STATUS: usize = SCAN.at("status");
const PROGRESS: usize = SCAN.at("progress");
const IN_PLAN: usize = SCAN.at("in_plan");
const START_ON: usize = SCAN.at("start_on");
const DUE_ON: usize = SCAN.at("due_on");

/// `SELECT <the scan's columns> FROM item`.
fn rows_select() -> &'static str {
    static SQL: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| format!("SELECT {} FROM item", SCAN.list()));
    &SQL
}

/// Buffers reused from row to row.
struct Scratch {
    facts: ItemFacts,
    co: Vec<i64>,
    /// The last plan looked up and its period (rows come plan by plan).
    plan: Option<(i64, Period)>,
}

/// Decode one row of `rows_select()` and hand it to `each`.
fn visit(
    r: &Row<'_>,
    extras: &Extras,
    scratch: &mut Scratch,
    today: NaiveDate,
    thresholds: &Thresholds,
    each: &mut dyn FnMut(RowView<'_>),
) -> Result<()> {
    let id: i64 = r.get(ID)?;
    let plan_id: i64 = r.get(PLAN_ID)?;
    let plan_period = match scratch.plan {
        Some((plan, period)) if plan == plan_id => period,
        _ => {
            let period = extras
                .periods
                .iter()
                .find(|(plan, _)| *plan == plan_id)
                .map_or_else(|| year_bounds((2000, 2000)), |(_, period)| *period);
            scratch.plan = Some((plan_id, period));
            period
        }
    };
    let facts = &mut scratch.facts;
    facts.status = r.get(STATUS)?;
    facts.progress = r.get::<_, i64>(PROGRESS)?.clamp(0, 100) as u8;
    facts.period = Period {
        start: text_date(r, START_ON)?.unwrap_or(plan_period.start),
        end: text_date(r, DUE_ON)?.unwrap_or(plan_period.end),
    };
    facts.milestones.clear();
    facts
        .milestones
        .extend_from_slice(extras.milestones.get(id));
    let health = assess(facts, today, thresholds);
    let mut lead = None;
    scratch.co.clear();
    for &(is_lead, department) in extras.links.get(id) {
        if is_lead && lead.is_none() {
            lead = Some(department);
        } else {
            scratch.co.push(department);
        }
    }
    each(RowView {
        id,
        plan_id,
        box_id: r.get(BOX_ID)?,
        chapter: text(r, CHAPTER)?,
        number: text(r, NUMBER)?,
        title: text_at(r, TITLE)?,
        owner: text(r, OWNER)?,
        status: facts.status,
        progress: facts.progress,
        in_plan: r.get::<_, i64>(IN_PLAN)? != 0,
        lead,
        co: &scratch.co,
        health,
        project: extras.projects.get(id).first().copied(),
    });
    Ok(())
}

impl Store {
    /// The plans, boxes and departments that item rows refer to by id.
    pub fn outline(&self) -> Result<Outline> {
        self.read(|conn| {
            let plans = conn
                .prepare_cached("SELECT id, key, short_name FROM plan ORDER BY id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let boxes = conn
                .prepare_cached("SELECT id, number, title FROM plan_box")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let departments = conn
                .prepare_cached("SELECT id, short FROM department")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(Outline {
                plans,
                boxes,
                departments,
            })
        })
    }

    /// Every item, with pace and light as of `today`, in two parts read at once: the
    /// items of the earlier plans on this connection, those of the later plans on a
    /// second connection and thread, in the same snapshot (work for a second core, and from
    /// a cold disk two reads in flight instead of one; BENCHMARKS.md has the figures). `part` makes each part's accumulator, `each`
    /// feeds it a row; the parts come back in plan order, with the mark of the snapshot.
    pub fn scan_rows<P: Send>(
        &self,
        today: NaiveDate,
        part: impl Fn() -> P + Sync,
        each: impl Fn(&mut P, RowView<'_>) + Sync,
    ) -> Result<(ReadMark, Vec<P>)> {
        let thresholds = self.thresholds()?;
        let path = self.path().to_path_buf();
        self.read(|conn| {
            let mark = read_mark(conn)?;
            let plans: Vec<i64> = conn
                .prepare_cached("SELECT id FROM plan ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let middle = plans.get(plans.len() / 2).copied().unwrap_or(i64::MAX);
            // The second reader fetches the milestones while this one fetches the links,
            // then reads the later plans' items while this one reads the earlier ones.
            let (second, links, milestones) = std::thread::scope(|threads| -> Result<_> {
                let second = threads.spawn(|| {
                    let conn = second_reader(&path, mark)?;
                    let milestones = read_milestones(&conn, None).ok()?;
                    Some((conn, milestones))
                });
                let links = read_links(conn, None)?;
                Ok(match second.join() {
                    Ok(Some((second, milestones))) => (Some(second), links, milestones),
                    _ => (None, links, read_milestones(conn, None)?),
                })
            })?;
            let extras = extras(conn, links, milestones, None)?;
            let read_part = |conn: &Connection, from: i64, to: i64| -> Result<P> {
                let mut accumulator = part();
                scan(
                    conn,
                    Selection::Plans(from, to),
                    &extras,
                    today,
                    &thresholds,
                    &mut |row| each(&mut accumulator, row),
                )?;
                Ok(accumulator)
            };
            std::thread::scope(|threads| {
                let later = threads.spawn(|| read_part(&second?, middle, i64::MAX).ok());
                let earlier = read_part(conn, i64::MIN, middle)?;
                let later = match later.join() {
                    Ok(Some(later)) => later,
                    // No second reader (or it failed): read that part here.
                    _ => read_part(conn, middle, i64::MAX)?,
                };
                Ok((mark, vec![earlier, later]))
            })
        })
    }

    /// The rows of `ids`, in the order given, lent to `each`: for a selection narrowed
    /// beforehand, only these items' links and milestones are read.
    pub(crate) fn scan_ids(
        &self,
        ids: &[i64],
        today: NaiveDate,
        each: &mut dyn FnMut(RowView<'_>),
    ) -> Result<()> {
        let thresholds = self.thresholds()?;
        self.read(|conn| {
            let extras = extras(
                conn,
                read_links(conn, Some(ids))?,
                read_milestones(conn, Some(ids))?,
                Some(ids),
            )?;
            scan(conn, Selection::Ids(ids), &extras, today, &thresholds, each)
        })
    }

    /// What was committed after `since`, and (when only items changed) those items' rows
    /// lent to `each` — read in one snapshot, so the mark returned covers every row read.
    pub fn changed_rows(
        &self,
        since: ReadMark,
        today: NaiveDate,
        each: &mut dyn FnMut(RowView<'_>),
    ) -> Result<Changes> {
        let thresholds = self.thresholds()?;
        self.read(|conn| {
            let changes = changes_since(conn, since, &self.user)?;
            if let Changes::Items { items, .. } = &changes {
                let extras = extras(
                    conn,
                    read_links(conn, Some(items))?,
                    read_milestones(conn, Some(items))?,
                    Some(items),
                )?;
                scan(
                    conn,
                    Selection::Ids(items),
                    &extras,
                    today,
                    &thresholds,
                    each,
                )?;
            }
            Ok(changes)
        })
    }
}

/// Which items a scan reads.
#[derive(Clone, Copy)]
enum Selection<'a> {
    /// The items of plans with ids in `from..to`, in plan order.
    Plans(i64, i64),
    Ids(&'a [i64]),
}

/// The selected items, each lent to `each`.
fn scan(
    conn: &Connection,
    selection: Selection<'_>,
    extras: &Extras,
    today: NaiveDate,
    thresholds: &Thresholds,
    each: &mut dyn FnMut(RowView<'_>),
) -> Result<()> {
    let mut scratch = Scratch {
        facts: ItemFacts {
            status: Status::NotStarted,
            progress: 0,
            period: year_bounds((2000, 2000)),
            milestones: Vec::new(),
        },
        co: Vec::new(),
        plan: None,
    };
    match selection {
        Selection::Plans(from, to) => {
            let mut stmt = conn.prepare_cached(&format!(
                "{} WHERE plan_id >= ?1 AND plan_id < ?2 ORDER BY plan_id, position",
                rows_select()
            ))?;
            let mut rows = stmt.query([from, to])?;
            while let Some(r) = rows.next()? {
                visit(r, extras, &mut scratch, today, thresholds, each)?;
            }
        }
        Selection::Ids(ids) => {
            let mut stmt = conn.prepare_cached(&format!("{} WHERE id = ?1", rows_select()))?;
            for id in ids {
                let mut rows = stmt.query([id])?;
                if let Some(r) = rows.next()? {
                    visit(r, extras, &mut scratch, today, thresholds, each)?;
                }
            }
        }
    }
    Ok(())
}

/// A second read-only connection to the same file, in a read transaction whose snapshot
/// is `mark`; `None` if someone committed since (its rows would not match the first
/// connection's) or it cannot be opened.
fn second_reader(path: &std::path::Path, mark: ReadMark) -> Option<Connection> {
    let conn = super::open_reader(path).ok()?;
    conn.execute_batch("BEGIN DEFERRED").ok()?;
    (read_mark(&conn).ok()? == mark).then_some(conn)
}

/// Where the database stands now.
fn read_mark(conn: &Connection) -> Result<ReadMark> {
    Ok(ReadMark {
        stamp: current_stamp(conn)?,
        epoch: conn.query_row("SELECT value FROM epoch", [], |r| r.get(0))?,
    })
}
