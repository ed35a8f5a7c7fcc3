//! `plantrack summary --by ...`: roll-up counts as a table, CSV or JSON.

use super::Ctx;
use crate::cli::{SummaryArgs, SummaryBy, SummaryFormat};
use crate::report::summary::{write_csv, write_json_report, write_table};
use crate::store::ItemQuery;
use crate::track::rollup::{RollupBy, rollup, total};
use anyhow::Result;
use std::io::Write;

pub fn rollup_by(by: SummaryBy) -> RollupBy {
    match by {
        SummaryBy::Plan => RollupBy::Plan,
        SummaryBy::Chapter => RollupBy::Chapter,
        SummaryBy::Department => RollupBy::LeadDepartment,
        SummaryBy::CoDepartment => RollupBy::CoDepartment,
        SummaryBy::Owner => RollupBy::Owner,
    }
}

pub fn run(args: &SummaryArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let filter = ItemQuery {
        plan: args.plan.clone(),
        ..ItemQuery::default()
    };
    let items = match super::as_of(args.as_of.as_deref())? {
        Some(day) => ctx.store.summaries_as_of(&filter, day)?,
        None => ctx.store.summaries(&filter, ctx.today)?,
    };
    let by = rollup_by(args.by);
    let rows = rollup(&items, by);
    let total = total(&items);
    match args.format {
        SummaryFormat::Table => write_table(by, &rows, &total, ctx.width, out)?,
        SummaryFormat::Csv => write_csv(&rows, &total, out)?,
        SummaryFormat::Json => write_json_report(by, &rows, &total, out)?,
    }
    Ok(())
}
