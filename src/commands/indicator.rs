//! `plantrack indicator list|record`.

use super::{Ctx, safe};
use crate::cli::IndicatorCommand;
use crate::plan::Attribute;
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use crate::store::IndicatorRow;
use anyhow::{Result, bail};
use std::io::Write;

/// An indicator ID as shown: `I3`.
pub fn indicator_ref(id: i64) -> String {
    format!("I{id}")
}

/// A value, with its year when that differs from the year of the whole column.
fn with_year(value: Option<&str>, year: Option<i32>, common: Option<i32>) -> String {
    match (value, year) {
        (Some(v), Some(y)) if Some(y) != common => format!("{v} ({y})"),
        (Some(v), _) => v.to_string(),
        (None, _) => String::new(),
    }
}

/// The year shared by every row that has one, if they all agree.
fn common_year(rows: &[IndicatorRow], year: impl Fn(&IndicatorRow) -> Option<i32>) -> Option<i32> {
    let mut years = rows.iter().filter_map(year);
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

fn write_table(rows: &[IndicatorRow], width: usize, out: &mut dyn Write) -> Result<()> {
    let mut start = 0;
    while start < rows.len() {
        let plan = &rows[start].plan_key;
        let end = rows[start..]
            .iter()
            .position(|r| &r.plan_key != plan)
            .map_or(rows.len(), |n| start + n);
        let group = &rows[start..end];
        let base_year = common_year(group, |r| r.baseline_year);
        let target_year = common_year(group, |r| r.target_year);
        let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{} ({})",
            safe(&rows[start].plan),
            safe(&rows[start].plan_key)
        )?;
        let mut table = Table::new()
            .column("ID", Align::Right, 6)
            .column("指标 indicator", Align::Left, usize::MAX)
            .column("单位", Align::Left, 12)
            .column(&format!("基期{}", year(base_year)), Align::Left, 20)
            .column(&format!("目标{}", year(target_year)), Align::Left, 20)
            .column("属性", Align::Left, 6)
            .column("最新 latest", Align::Left, 24)
            .shrink(1, 20)
            .shrink(6, 12)
            .shrink(3, 10)
            .shrink(4, 10)
            .shrink(2, 6)
            .shrink(1, 10);
        for r in group {
            let latest = r
                .values
                .last()
                .map(|v| format!("{} ({})", v.value, v.period))
                .unwrap_or_default();
            let attribute = r.attribute.map_or("", Attribute::label_zh);
            let mut name = r.name.clone();
            if let Some(category) = r.category.as_deref().filter(|c| !c.is_empty()) {
                name = format!("{category}：{name}");
            }
            if r.cumulative {
                name.push_str("〔累计〕");
            }
            table.push(vec![
                indicator_ref(r.id),
                name,
                r.unit.clone().unwrap_or_default(),
                with_year(r.baseline.as_deref(), r.baseline_year, base_year),
                with_year(r.target.as_deref(), r.target_year, target_year),
                attribute.to_string(),
                latest,
            ]);
        }
        table.write(width, out)?;
        start = end;
    }
    let n = rows.len();
    writeln!(
        out,
        "{n} {}",
        if n == 1 { "indicator" } else { "indicators" }
    )?;
    Ok(())
}

pub fn run(command: &IndicatorCommand, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    match command {
        IndicatorCommand::List { plan, json } => {
            let rows = ctx.store.indicators(plan.as_deref())?;
            if *json {
                write_json(&rows, out)?;
            } else {
                write_table(&rows, ctx.width, out)?;
            }
        }
        IndicatorCommand::Record { id, period, value } => {
            if value.trim().is_empty() {
                bail!("VALUE: an indicator value cannot be empty");
            }
            let period = crate::store::parse_period(period)
                .map_err(|e| anyhow::anyhow!("--period: {}", safe(&e.to_string())))?;
            let value = &super::clean_input("VALUE", value)?;
            ctx.store.record_indicator(*id, &period, value)?;
            let name = ctx
                .store
                .indicators(None)?
                .into_iter()
                .find(|r| r.id == *id)
                .map(|r| safe(&r.name))
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {name}: 已记录 recorded {} for {period}",
                indicator_ref(*id),
                safe(value.trim())
            )?;
        }
    }
    Ok(())
}
