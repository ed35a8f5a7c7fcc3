//! Indicator rows of a plan: found again by their name (a box inserted before the
//! indicator table renumbers it, and the recorded values must stay with their indicator);
//! rows the text no longer has are flagged, keeping their recorded values.

use super::PlanImport;
use crate::plan::title_key;
use crate::plan::{Attribute, Indicator};
use crate::store::error::Result;
use crate::store::queries::to_json;
use rusqlite::{Transaction, params};
use std::collections::HashMap;

fn attribute_str(attribute: Option<Attribute>) -> Option<&'static str> {
    attribute.map(|a| match a {
        Attribute::Expected => "expected",
        Attribute::Binding => "binding",
    })
}

/// An indicator as stored.
struct Stored {
    id: i64,
    key: String,
    name: String,
    box_number: Option<u32>,
}

/// Stable keys of the text's indicators: the name, and its occurrence ("#2").
fn keys(indicators: &[Indicator]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    indicators
        .iter()
        .map(|i| {
            let key = format!("i/{}", title_key(&i.name));
            let n = seen.entry(key.clone()).or_default();
            *n += 1;
            if *n > 1 { format!("{key}#{n}") } else { key }
        })
        .collect()
}

/// For each text indicator, the stored one of the same name (in the same box first).
fn match_stored(indicators: &[Indicator], stored: &[Stored]) -> Vec<Option<usize>> {
    let mut taken = vec![false; stored.len()];
    let mut found = vec![None; indicators.len()];
    for same_box in [true, false] {
        for (t, i) in indicators.iter().enumerate() {
            if found[t].is_some() {
                continue;
            }
            let name = title_key(&i.name);
            if let Some(s) = (0..stored.len()).find(|&s| {
                !taken[s]
                    && title_key(&stored[s].name) == name
                    && (!same_box || stored[s].box_number == i.box_number)
            }) {
                taken[s] = true;
                found[t] = Some(s);
            }
        }
    }
    found
}

pub(super) fn write_indicators(
    tx: &Transaction<'_>,
    plan: i64,
    indicators: &[Indicator],
    report: &mut PlanImport,
) -> Result<()> {
    let stored: Vec<Stored> = tx
        .prepare_cached(
            "SELECT id, stable_key, name, box_number FROM indicator WHERE plan_id = ?1 ORDER BY position, id",
        )?
        .query_map([plan], |r| {
            Ok(Stored {
                id: r.get("id")?,
                key: r.get("stable_key")?,
                name: r.get("name")?,
                box_number: r.get("box_number")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let keys = keys(indicators);
    let found = match_stored(indicators, &stored);
    let mut matched = vec![false; stored.len()];
    for s in found.iter().flatten() {
        matched[*s] = true;
    }
    // Free the keys the text's rows take (as for items: unique per plan at every step).
    let rekey = |key: String, id: i64| -> Result<()> {
        tx.prepare_cached("UPDATE indicator SET stable_key = ?1 WHERE id = ?2")?
            .execute(params![key, id])?;
        Ok(())
    };
    for (t, s) in found.iter().enumerate() {
        if let Some(s) = *s
            && stored[s].key != keys[t]
        {
            rekey(format!("~{}", stored[s].id), stored[s].id)?;
        }
    }
    for (s, e) in stored.iter().enumerate() {
        if !matched[s] {
            if keys.contains(&e.key) {
                rekey(format!("{}~{}", e.key, e.id), e.id)?;
            }
            tx.prepare_cached("UPDATE indicator SET in_plan = 0 WHERE id = ?1 AND in_plan = 1")?
                .execute([e.id])?;
        }
    }
    for (position, (i, (key, found))) in indicators.iter().zip(keys.iter().zip(&found)).enumerate()
    {
        let cumulative = i.baseline.as_ref().is_some_and(|m| m.cumulative)
            || i.target.as_ref().is_some_and(|m| m.cumulative);
        let values = params![
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
            position as i64,
            found.map(|s| stored[s].id),
        ];
        match found {
            Some(_) => tx.prepare_cached(
                "UPDATE indicator SET plan_id = ?1, stable_key = ?2, box_number = ?3, number = ?4, category = ?5, name = ?6,
                     unit = ?7, baseline_year = ?8, baseline_value = ?9, target_year = ?10, target_value = ?11,
                     cumulative = ?12, attribute = ?13, notes = ?14, position = ?15, in_plan = 1
                 WHERE id = ?16",
            )?,
            None => {
                report.indicators_added += 1;
                tx.prepare_cached(
                    "INSERT INTO indicator(plan_id, stable_key, box_number, number, category, name, unit, baseline_year,
                         baseline_value, target_year, target_value, cumulative, attribute, notes, position, in_plan)
                     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 1 WHERE ?16 IS NULL",
                )?
            }
        }
        .execute(values)?;
    }
    Ok(())
}
