//! Indicators of the plans and the actual values people record against them.

use super::Store;
use super::error::{Result, StoreError};
use super::history::record;
use super::queries::{from_json, optional};
use crate::plan::Attribute;
use crate::track::fields::Recorded;
use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

/// A recorded actual value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndicatorValue {
    pub id: i64,
    /// A year ("2024") or a date ("2024-06-30").
    pub period: String,
    pub value: String,
    pub who: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRow {
    pub id: i64,
    pub plan_key: String,
    pub plan: String,
    pub box_number: Option<u32>,
    pub number: Option<u32>,
    pub category: Option<String>,
    pub name: String,
    pub unit: Option<String>,
    pub baseline_year: Option<i32>,
    pub baseline: Option<String>,
    pub target_year: Option<i32>,
    pub target: Option<String>,
    pub cumulative: bool,
    pub attribute: Option<Attribute>,
    pub notes: Vec<String>,
    /// Recorded values, latest period last.
    pub values: Vec<IndicatorValue>,
}

/// Check a period: a year (2024) or a date (2024-06-30).
pub fn parse_period(text: &str) -> Result<String> {
    let text = text.trim();
    if text.len() == 4
        && text
            .parse::<i32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
    {
        return Ok(text.to_string());
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Ok(date.format("%Y-%m-%d").to_string()),
        Err(_) => Err(StoreError::Rejected(
            super::rejection::Rejection::BadPeriod {
                text: text.to_string(),
            },
        )),
    }
}

impl Store {
    /// Indicators (of one plan, by key or short name part, or of all), with their values.
    pub fn indicators(&self, plan: Option<&str>) -> Result<Vec<IndicatorRow>> {
        self.read(|conn| {
            let mut rows = conn
                .prepare_cached(
                    "SELECT i.id, p.key, p.short_name, i.box_number, i.number, i.category, i.name, i.unit, i.baseline_year,
                            i.baseline_value, i.target_year, i.target_value, i.cumulative, i.attribute, i.notes
                     FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE i.in_plan = 1 ORDER BY p.id, i.position",
                )?
                .query_map([], |r| {
                    let attribute: Option<String> = r.get(13)?;
                    Ok(IndicatorRow {
                        id: r.get(0)?,
                        plan_key: r.get(1)?,
                        plan: r.get(2)?,
                        box_number: r.get(3)?,
                        number: r.get(4)?,
                        category: r.get(5)?,
                        name: r.get(6)?,
                        unit: r.get(7)?,
                        baseline_year: r.get(8)?,
                        baseline: r.get(9)?,
                        target_year: r.get(10)?,
                        target: r.get(11)?,
                        cumulative: r.get::<_, i64>(12)? != 0,
                        attribute: match attribute.as_deref() {
                            Some("binding") => Some(Attribute::Binding),
                            Some("expected") => Some(Attribute::Expected),
                            _ => None,
                        },
                        notes: from_json(&r.get::<_, String>(14)?),
                        values: Vec::new(),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if let Some(plan) = plan {
                rows.retain(|r| r.plan_key == plan || r.plan.contains(plan));
            }
            let mut stmt = conn.prepare_cached(
                "SELECT id, period, value, who, at FROM indicator_value WHERE indicator_id = ?1 AND removed = 0 ORDER BY period, id",
            )?;
            for row in &mut rows {
                row.values = stmt
                    .query_map([row.id], |r| {
                        Ok(IndicatorValue { id: r.get(0)?, period: r.get(1)?, value: r.get(2)?, who: r.get(3)?, at: r.get(4)? })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
            }
            Ok(rows)
        })
    }

    /// Record an actual value of indicator `id` for a period (a year or a date).
    pub fn record_indicator(&mut self, id: i64, period: &str, value: &str) -> Result<i64> {
        let period = parse_period(period)?;
        let value = super::queries::typed(crate::track::limits::Field::IndicatorValue, value)?;
        let who = self.user.clone();
        self.write("record indicator", |tx, change| {
            optional(tx.query_row("SELECT 1 FROM indicator WHERE id = ?1", [id], |r| r.get::<_, i64>(0)))?
                .ok_or_else(|| StoreError::NotFound { what: "indicator", id: id.to_string() })?;
            let at = crate::clock::now_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            tx.execute(
                "INSERT INTO indicator_value(indicator_id, period, value, who, at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, period, value, who, at],
            )?;
            let value_id = tx.last_insert_rowid();
            record(tx, change, None, &Recorded::IndicatorValueCreated, Some(value_id),  None, Some(&format!("{period}: {value}")))?;
            Ok(value_id)
        })
    }
}
