//! Indicator rows of a plan: upserted by a stable key (box + name); rows the text no
//! longer has are flagged, keeping their recorded values.

use super::PlanImport;
use crate::plan::title_key;
use crate::plan::{Attribute, Indicator};
use crate::store::error::Result;
use crate::store::queries::{optional, to_json};
use rusqlite::{Transaction, params};

fn attribute_str(attribute: Option<Attribute>) -> Option<&'static str> {
    attribute.map(|a| match a {
        Attribute::Expected => "expected",
        Attribute::Binding => "binding",
    })
}

pub(super) fn write_indicators(
    tx: &Transaction<'_>,
    plan: i64,
    indicators: &[Indicator],
    report: &mut PlanImport,
) -> Result<()> {
    tx.execute(
        "UPDATE indicator SET in_plan = 0 WHERE plan_id = ?1",
        [plan],
    )?;
    for (position, i) in indicators.iter().enumerate() {
        let key = format!(
            "box{}/{}",
            i.box_number
                .map_or_else(|| "-".to_string(), |b| b.to_string()),
            title_key(&i.name)
        );
        let known: Option<i64> = optional(tx.query_row(
            "SELECT id FROM indicator WHERE plan_id = ?1 AND stable_key = ?2",
            params![plan, key],
            |r| r.get(0),
        ))?;
        if known.is_none() {
            report.indicators_added += 1;
        }
        let cumulative = i.baseline.as_ref().is_some_and(|m| m.cumulative)
            || i.target.as_ref().is_some_and(|m| m.cumulative);
        tx.execute(
            "INSERT INTO indicator(plan_id, stable_key, box_number, number, category, name, unit, baseline_year, baseline_value,
                                   target_year, target_value, cumulative, attribute, notes, position, in_plan)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1)
             ON CONFLICT(plan_id, stable_key) DO UPDATE SET box_number = excluded.box_number, number = excluded.number,
                 category = excluded.category, name = excluded.name, unit = excluded.unit,
                 baseline_year = excluded.baseline_year, baseline_value = excluded.baseline_value,
                 target_year = excluded.target_year, target_value = excluded.target_value, cumulative = excluded.cumulative,
                 attribute = excluded.attribute, notes = excluded.notes, position = excluded.position, in_plan = 1",
            params![
                plan,
                key,
                i.box_number,
                i.number,
                i.category,
                i.name,
                i.unit,
                i.baseline.as_ref().and_then(|m| m.year),
                i.baseline.as_ref().map(|m| m.value.clone()),
                i.target.as_ref().and_then(|m| m.year),
                i.target.as_ref().map(|m| m.value.clone()),
                cumulative,
                attribute_str(i.attribute),
                to_json(&i.notes),
                position as i64
            ],
        )?;
    }
    Ok(())
}
