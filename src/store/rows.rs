//! The workbench's reads: every item's list columns in one pass, lent to a callback so
//! the caller decides what to copy (it interns repeated names), and the items changed
//! since a snapshot, so an edit or another person's commit re-reads only those rows.

use super::Store;
use super::error::Result;
use super::items::{Stamp, current_stamp};
use crate::track::health::{Health, ItemFacts, MilestoneFacts, Period, Thresholds, assess};
use crate::track::status::Status;
use chrono::NaiveDate;
use rusqlite::types::Type;
use rusqlite::{Connection, Row, params};

/// More changed items than this are read by one full scan rather than one by one.
const MAX_ROWS_BY_ID: usize = 2_000;

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

/// Changes that touch only the items their history rows name.
const ITEM_ACTIONS: &[&str] = &[
    "edit item",
    "set department",
    "remove department",
    "add milestone",
    "complete milestone",
    "extend milestone",
    "remove milestone",
    "rename milestone",
    "add note",
    "bulk assign",
    "record indicator",
    "undo",
];

/// "YYYY-MM-DD" without chrono's format parser: start-up reads some 250k dates.
fn fast_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(0..4)?).ok()?,
        digits(5..7)?,
        digits(8..10)?,
    )
}

fn text_date(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    Ok(row.get_ref(index)?.as_str_or_null()?.and_then(fast_date))
}

fn text<'r>(row: &'r Row<'_>, index: usize) -> rusqlite::Result<Option<&'r str>> {
    row.get_ref(index)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

fn text_at<'r>(row: &'r Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(index)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

/// Values grouped by item id, in arrays indexed by id (ids are dense: items are never
/// deleted), so a row finds its links and milestones without hashing or allocating.
struct PerItem<T> {
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

    fn get(&self, id: i64) -> &[T] {
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
type LinkFact = (bool, i64);

/// Per-item facts read before the item rows.
struct Extras {
    links: PerItem<LinkFact>,
    milestones: PerItem<MilestoneFacts>,
    /// (plan id, its period) of every plan.
    periods: Vec<(i64, Period)>,
}

fn link_rows(
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

fn milestone_rows(
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
/// Columns in the order of `ITEM_ROW` (served by the covering index `item_row`).
const ROWS_SELECT: &str = "SELECT id, plan_id, box_id, chapter, number, title,
        owner, status, progress, in_plan, start_on, due_on FROM item";

/// Department links of every item (or only `ids`), as read.
fn read_links(conn: &Connection, ids: Option<&[i64]>) -> Result<Vec<(i64, i64, LinkFact)>> {
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
fn read_milestones(conn: &Connection, ids: Option<&[i64]>) -> Result<Vec<(i64, MilestoneFacts)>> {
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

fn extras(
    conn: &Connection,
    mut links: Vec<(i64, i64, LinkFact)>,
    mut milestones: Vec<(i64, MilestoneFacts)>,
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
        periods,
    })
}

fn year_bounds(years: (i32, i32)) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(years.0, 1, 1).unwrap_or_default(),
        end: NaiveDate::from_ymd_opt(years.1, 12, 31).unwrap_or_default(),
    }
}

/// The status as stored (the schema's CHECK allows only these four).
fn stored_status(text: &str) -> Status {
    match text {
        "in_progress" => Status::InProgress,
        "done" => Status::Done,
        "paused" => Status::Paused,
        _ => Status::NotStarted,
    }
}

/// Buffers reused from row to row.
struct Scratch {
    facts: ItemFacts,
    co: Vec<i64>,
    /// The last plan looked up and its period (rows come plan by plan).
    plan: Option<(i64, Period)>,
}

/// Decode one row of `ROWS_SELECT` and hand it to `each`.
fn visit(
    r: &Row<'_>,
    extras: &Extras,
    scratch: &mut Scratch,
    today: NaiveDate,
    thresholds: &Thresholds,
    each: &mut dyn FnMut(RowView<'_>),
) -> Result<()> {
    let id: i64 = r.get(0)?;
    let plan_id: i64 = r.get(1)?;
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
    facts.status = stored_status(text_at(r, 7)?);
    facts.progress = r.get::<_, i64>(8)?.clamp(0, 100) as u8;
    facts.period = Period {
        start: text_date(r, 10)?.unwrap_or(plan_period.start),
        end: text_date(r, 11)?.unwrap_or(plan_period.end),
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
        box_id: r.get(2)?,
        chapter: text(r, 3)?,
        number: text(r, 4)?,
        title: text_at(r, 5)?,
        owner: text(r, 6)?,
        status: facts.status,
        progress: facts.progress,
        in_plan: r.get::<_, i64>(9)? != 0,
        lead,
        co: &scratch.co,
        health,
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
    /// second connection and thread, in the same snapshot (two cores, and from a cold disk
    /// two reads in flight instead of one). `part` makes each part's accumulator, `each`
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
            let extras = extras(conn, links, milestones)?;
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
                "{ROWS_SELECT} WHERE plan_id >= ?1 AND plan_id < ?2 ORDER BY plan_id, position"
            ))?;
            let mut rows = stmt.query([from, to])?;
            while let Some(r) = rows.next()? {
                visit(r, extras, &mut scratch, today, thresholds, each)?;
            }
        }
        Selection::Ids(ids) => {
            let mut stmt = conn.prepare_cached(&format!("{ROWS_SELECT} WHERE id = ?1"))?;
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
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).ok()?;
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

/// What was committed after `since`: nothing, a set of items, or more than items.
/// What was committed after `since`: nothing, a set of items, or more than items.
fn changes_since(conn: &Connection, since: ReadMark, user: &str) -> Result<Changes> {
    let mark = read_mark(conn)?;
    if mark == since {
        return Ok(Changes::None);
    }
    if mark.epoch != since.epoch || mark.stamp < since.stamp {
        return Ok(Changes::Everything);
    }
    let mut actions =
        conn.prepare_cached("SELECT DISTINCT action FROM change WHERE id > ?1 AND id <= ?2")?;
    let mut rows = actions.query(params![since.stamp.0, mark.stamp.0])?;
    while let Some(r) = rows.next()? {
        if !ITEM_ACTIONS.contains(&text_at(r, 0)?) {
            return Ok(Changes::Everything);
        }
    }
    let by_others: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM change WHERE id > ?1 AND id <= ?2 AND who != ?3)",
        )?
        .query_row(params![since.stamp.0, mark.stamp.0, user], |r| r.get(0))?;
    let mut items = Vec::new();
    let mut indicators = false;
    let mut milestones = false;
    // The change_id range, not the entity, picks the rows (an import's history holds tens
    // of thousands of milestone rows).
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT item_id, entity FROM history INDEXED BY history_change
         WHERE change_id > ?1 AND change_id <= ?2",
    )?;
    let mut rows = stmt.query(params![since.stamp.0, mark.stamp.0])?;
    while let Some(r) = rows.next()? {
        let entity = text_at(r, 1)?;
        indicators |= entity == "indicator_value";
        milestones |= entity == "milestone";
        match r.get::<_, Option<i64>>(0)? {
            Some(item) => items.push(item),
            // A change of something other than an item or an indicator value.
            None if entity != "indicator_value" => return Ok(Changes::Everything),
            None => {}
        }
        if items.len() > MAX_ROWS_BY_ID {
            return Ok(Changes::Everything);
        }
    }
    items.sort_unstable();
    items.dedup();
    Ok(Changes::Items {
        mark,
        items,
        indicators,
        milestones,
        by_others,
    })
}

#[cfg(test)]
mod tests {
    use super::fast_date;
    use chrono::NaiveDate;

    #[test]
    fn fast_date_reads_iso_dates_and_refuses_the_rest() {
        assert_eq!(
            fast_date("2025-12-31"),
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
        assert_eq!(fast_date("2025-02-30"), None);
        assert_eq!(fast_date("2025-1-3x"), None);
        assert_eq!(fast_date("20251231"), None);
        assert_eq!(fast_date("２０２５-01-01"), None);
    }
}
