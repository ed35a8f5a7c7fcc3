//! `show`: everything about one item, as it is now or as it stood at the end of a day.

use super::row::{self, BaseRow};
use super::{ItemDetail, current_stamp};
use crate::plan::Role;
use crate::store::Store;
use crate::store::as_of::Rewind;
use crate::store::departments::links_of;
use crate::store::error::{Result, StoreError};
use crate::store::milestones::{Milestone, milestones_of};
use crate::store::notes::notes_of;
use crate::store::queries::optional;
use crate::track::health::{ItemFacts, assess};
use chrono::NaiveDate;
use rusqlite::Connection;

impl Store {
    /// The item `id` with everything about it.
    pub fn show(&self, id: i64, today: NaiveDate) -> Result<ItemDetail> {
        self.show_with(id, today, false)
    }

    /// The item `id` as it stood at the end of `day` (see `as_of`), judged at that day:
    /// its history up to then.
    pub fn show_as_of(&self, id: i64, day: NaiveDate) -> Result<ItemDetail> {
        self.show_with(id, day, true)
    }

    fn show_with(&self, id: i64, today: NaiveDate, then: bool) -> Result<ItemDetail> {
        let mut history = self.history(Some(id), 200)?;
        self.read(|conn| {
            let rewind = then.then(|| Rewind::read(conn, today)).transpose()?;
            let thresholds = match &rewind {
                Some(rewind) => rewind.thresholds(crate::store::settings(conn)?),
                None => self.thresholds()?,
            };
            let stamp = current_stamp(conn)?;
            let missing = || StoreError::NotFound {
                what: "item",
                id: id.to_string(),
            };
            let base = optional(
                conn.prepare_cached(&format!("{} WHERE i.id = ?1", row::select()))?
                    .query_row([id], row::base_row),
            )?
            .ok_or_else(missing)?;
            let BaseRow {
                mut row,
                mut period,
                plan,
            } = base;
            let mut extra = row::detail(conn, id)?;
            let (departments, milestones, notes) = match &rewind {
                Some(rewind) => {
                    if !rewind.item_existed(id) {
                        return Err(missing());
                    }
                    period = rewind.item_row(&mut row, period, plan);
                    (extra.start_on, extra.due_on) =
                        rewind.item_dates(id, extra.start_on, extra.due_on);
                    extra.body = rewind.item_body(id, extra.body);
                    history.retain(|h| rewind.stamped_by(&h.at));
                    let mut links = rewind.links(conn, Some(id))?;
                    let mut milestones = rewind.milestones(conn, Some(id))?;
                    (
                        links.remove(&id).unwrap_or_default(),
                        milestones.remove(&id).unwrap_or_default(),
                        rewind.notes(conn, id)?,
                    )
                }
                None => (
                    links_of(conn, id)?,
                    milestones_of(conn, id)?,
                    notes_of(conn, id)?,
                ),
            };
            row.lead = departments
                .iter()
                .find(|l| l.role == Role::Lead)
                .map(|l| l.short.clone());
            row.co = departments
                .iter()
                .filter(|l| l.role == Role::Co)
                .map(|l| l.short.clone())
                .collect();
            row.health = assess(
                &ItemFacts {
                    status: row.status,
                    progress: row.progress,
                    period,
                    milestones: milestones.iter().map(Milestone::facts).collect(),
                },
                today,
                &thresholds,
            );
            let glossary =
                glossary_in(conn, extra.plan_id, &format!("{}{}", row.title, extra.body))?;
            Ok(ItemDetail {
                row,
                body: extra.body,
                start_on: extra.start_on,
                due_on: extra.due_on,
                period,
                departments,
                milestones,
                notes,
                history: history.clone(),
                glossary,
                stamp,
            })
        })
    }
}

fn glossary_in(conn: &Connection, plan: i64, text: &str) -> Result<Vec<(String, String)>> {
    let entries = conn
        .prepare_cached("SELECT term, definition FROM glossary WHERE plan_id = ?1 ORDER BY number")?
        .query_map([plan], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries
        .into_iter()
        .filter(|(term, _)| {
            let bare: String = term
                .chars()
                .filter(|c| !matches!(c, '“' | '”' | '"'))
                .collect();
            text.contains(term.as_str()) || (!bare.is_empty() && text.contains(&bare))
        })
        .collect())
}
