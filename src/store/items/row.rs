//! How an item row is read: the columns named once (`ROW`), each read typed by its
//! name's index (a status or date that does not parse is an error, never a default).

use super::ItemRow;
use crate::store::columns::Columns;
use crate::store::error::Result;
use crate::track::health::{Health, Period};
use crate::track::project::Project;
use chrono::NaiveDate;
use rusqlite::{Connection, Row};
use std::sync::LazyLock;

/// The columns of a list row, in SELECT order.
const ROW: Columns = Columns(&[
    "i.id",
    "p.key",
    "p.short_name",
    "i.kind",
    "b.number",
    "b.title",
    "i.chapter",
    "i.section",
    "i.number",
    "i.grp",
    "i.title",
    "i.owner",
    "i.status",
    "i.progress",
    "i.in_plan",
    "p.period_start",
    "p.period_end",
    "i.start_on",
    "i.due_on",
    "i.project_stage",
    "i.invest_total",
    "i.invest_year_plan",
    "i.invest_year_done",
]);

const ID: usize = ROW.at("i.id");
const PLAN_KEY: usize = ROW.at("p.key");
const PLAN: usize = ROW.at("p.short_name");
const KIND: usize = ROW.at("i.kind");
const BOX_NUMBER: usize = ROW.at("b.number");
const BOX_TITLE: usize = ROW.at("b.title");
const CHAPTER: usize = ROW.at("i.chapter");
const SECTION: usize = ROW.at("i.section");
const NUMBER: usize = ROW.at("i.number");
const GROUP: usize = ROW.at("i.grp");
const TITLE: usize = ROW.at("i.title");
const OWNER: usize = ROW.at("i.owner");
const STATUS: usize = ROW.at("i.status");
const PROGRESS: usize = ROW.at("i.progress");
const IN_PLAN: usize = ROW.at("i.in_plan");
const PERIOD_START: usize = ROW.at("p.period_start");
const PERIOD_END: usize = ROW.at("p.period_end");
const START_ON: usize = ROW.at("i.start_on");
const DUE_ON: usize = ROW.at("i.due_on");
const PROJECT_STAGE: usize = ROW.at("i.project_stage");
const INVEST_TOTAL: usize = ROW.at("i.invest_total");
const INVEST_YEAR_PLAN: usize = ROW.at("i.invest_year_plan");
const INVEST_YEAR_DONE: usize = ROW.at("i.invest_year_done");

/// `SELECT <the row's columns> FROM item i JOIN plan p … LEFT JOIN plan_box b …`.
pub(super) fn select() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {} FROM item i JOIN plan p ON p.id = i.plan_id LEFT JOIN plan_box b ON b.id = i.box_id",
            ROW.list()
        )
    });
    &SQL
}

/// A list row and the period its pace is judged over.
pub(super) struct BaseRow {
    pub row: ItemRow,
    pub period: Period,
    /// The plan's years, which an item's period falls back on.
    pub plan: Period,
}

fn year_bound(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// One row of `select()` (links and health are filled in by the caller).
pub(super) fn base_row(r: &Row<'_>) -> rusqlite::Result<BaseRow> {
    let start_on: Option<NaiveDate> = r.get(START_ON)?;
    let due_on: Option<NaiveDate> = r.get(DUE_ON)?;
    let plan = Period {
        start: year_bound(r.get(PERIOD_START).unwrap_or(2000), 1, 1),
        end: year_bound(r.get(PERIOD_END).unwrap_or(2000), 12, 31),
    };
    let period = Period::for_item(start_on, due_on, plan);
    Ok(BaseRow {
        row: ItemRow {
            id: r.get(ID)?,
            plan_key: r.get(PLAN_KEY)?,
            plan: r.get(PLAN)?,
            kind: r.get(KIND)?,
            box_number: r.get(BOX_NUMBER)?,
            box_title: r.get(BOX_TITLE)?,
            chapter: r.get(CHAPTER)?,
            section: r.get(SECTION)?,
            number: r.get(NUMBER)?,
            group: r.get(GROUP)?,
            title: r.get(TITLE)?,
            owner: r.get(OWNER)?,
            status: r.get(STATUS)?,
            progress: r.get::<_, i64>(PROGRESS)?.clamp(0, 100) as u8,
            lead: None,
            co: Vec::new(),
            in_plan: r.get::<_, i64>(IN_PLAN)? != 0,
            health: Health::default(),
            project: Project::from_fields(
                r.get(PROJECT_STAGE)?,
                r.get(INVEST_TOTAL)?,
                r.get(INVEST_YEAR_PLAN)?,
                r.get(INVEST_YEAR_DONE)?,
            ),
        },
        period,
        plan,
    })
}

/// What `show` reads beyond the list row.
pub(super) struct Detail {
    pub body: String,
    pub plan_id: i64,
    pub start_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
}

pub(super) fn detail(conn: &Connection, id: i64) -> Result<Detail> {
    Ok(conn.query_row(
        "SELECT body, plan_id, start_on, due_on FROM item WHERE id = ?1",
        [id],
        |r| {
            Ok(Detail {
                body: r.get("body")?,
                plan_id: r.get("plan_id")?,
                start_on: r.get("start_on")?,
                due_on: r.get("due_on")?,
            })
        },
    )?)
}
