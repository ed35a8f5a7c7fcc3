//! Edits of items: a person's edit conditional on the snapshot it was made on, and bulk
//! assignment. Every field written is recorded in the history.

use super::{ItemEdit, Stamp, require_item};
use crate::plan::Role;
use crate::store::Store;
use crate::store::departments::{links_of, put_link, resolve_or_create, role_str};
use crate::store::error::{ConflictDuring, Result, StoreError};
use crate::store::history::{FieldKey, HistoryEntry, Recorded, changed_since, record, rows_of};
use crate::store::queries::typed;
use crate::store::rejection::Rejection;
use crate::track::fields::ItemField;
use crate::track::limits::Field;
use crate::track::status::Status;
use chrono::NaiveDate;
use rusqlite::{Transaction, params};

impl Store {
    /// Apply an edit of item `id`. With `base` (the stamp of the snapshot a person made
    /// it on), fields someone else changed since are refused with a `Conflict` and nothing
    /// is written; without it (a command, which has no think time) the edit applies to
    /// the item as it is in the write transaction. Returns the fields it changed (empty
    /// when everything already had the values given).
    pub fn edit_item(
        &mut self,
        id: i64,
        base: Option<Stamp>,
        edit: &ItemEdit,
    ) -> Result<Vec<HistoryEntry>> {
        let mine = self.session_changes.clone();
        self.write("edit item", |tx, change| {
            apply_edit(tx, change, id, base.map(|b| (b, mine.as_slice())), edit)?;
            rows_of(tx, change)
        })
    }

    /// Give every item of a scope the same owner or department in one change.
    pub fn bulk_assign(
        &mut self,
        items: &[i64],
        owner: Option<&str>,
        department: Option<(&str, Role)>,
    ) -> Result<usize> {
        let owner = owner.map(|o| typed(Field::Owner, o)).transpose()?;
        let department = match department {
            Some((name, role)) => Some((typed(Field::Department, name)?, role)),
            None => None,
        };
        self.write("bulk assign", |tx, change| {
            let department = match &department {
                Some((name, role)) => Some((resolve_or_create(tx, name)?, *role)),
                None => None,
            };
            for &id in items {
                require_item(tx, id)?;
                if let Some(owner) = &owner {
                    set_field(tx, change, id, ItemField::Owner, Some(owner))?;
                }
                if let Some((department, role)) = department {
                    if role == Role::Lead {
                        for link in links_of(tx, id)? {
                            if link.role == Role::Lead && link.department != department {
                                put_link(tx, change, id, link.department, Some("co@user"))?;
                            }
                        }
                    }
                    let value = format!("{}@user", role_str(role));
                    put_link(tx, change, id, department, Some(&value))?;
                }
            }
            Ok(items.len())
        })
    }
}

fn column_text(tx: &Transaction<'_>, id: i64, field: ItemField) -> Result<Option<String>> {
    Ok(tx.query_row(
        &format!(
            "SELECT CAST({} AS TEXT) FROM item WHERE id = ?1",
            field.column()
        ),
        [id],
        |r| r.get(0),
    )?)
}

/// Whether a column already holds a value. Amounts are compared as numbers: SQLite
/// writes the REAL 3 as "3.0".
fn same_value(field: ItemField, old: Option<&str>, new: Option<&str>) -> bool {
    if field.is_amount() {
        let number = |v: Option<&str>| v.and_then(|v| v.parse::<f64>().ok());
        return number(old) == number(new) && old.is_some() == new.is_some();
    }
    old == new
}

/// Write one column of an item and its history row.
pub(in crate::store) fn set_field(
    tx: &Transaction<'_>,
    change: i64,
    id: i64,
    field: ItemField,
    value: Option<&str>,
) -> Result<()> {
    let old = column_text(tx, id, field)?;
    if same_value(field, old.as_deref(), value) {
        return Ok(());
    }
    tx.execute(
        &format!("UPDATE item SET {} = ?1 WHERE id = ?2", field.column()),
        params![value, id],
    )?;
    record(
        tx,
        change,
        Some(id),
        &Recorded::Item(field),
        Some(id),
        old.as_deref(),
        value,
    )
}

/// The item's dates after the edit: each in the years a plan may hold, the due date not
/// before the start (also when only one of them is set, against the stored other).
fn check_dates(id: i64, edit: &ItemEdit, start: Option<&str>, due: Option<&str>) -> Result<()> {
    if edit.start_on.is_none() && edit.due_on.is_none() {
        return Ok(());
    }
    let stored = |d: Option<&str>| d.and_then(crate::track::limits::parse_date);
    let start = edit.start_on.unwrap_or_else(|| stored(start));
    let due = edit.due_on.unwrap_or_else(|| stored(due));
    for date in [edit.start_on.flatten(), edit.due_on.flatten()]
        .into_iter()
        .flatten()
    {
        if !crate::track::limits::date_in_range(date) {
            return Err(StoreError::Rejected(Rejection::DateOutOfRange {
                item: Some(id),
                date: date.to_string(),
            }));
        }
    }
    if !crate::track::limits::period_ok(start, due) {
        let (start, due) = (start.unwrap_or_default(), due.unwrap_or_default());
        return Err(StoreError::Rejected(Rejection::DueBeforeStart {
            item: id,
            due: due.to_string(),
            start: start.to_string(),
        }));
    }
    Ok(())
}

fn apply_edit(
    tx: &Transaction<'_>,
    change: i64,
    id: i64,
    base: Option<(Stamp, &[i64])>,
    edit: &ItemEdit,
) -> Result<()> {
    require_item(tx, id)?;
    let current: (String, i64, Option<String>, Option<String>) = tx.query_row(
        "SELECT status, progress, start_on, due_on FROM item WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let current_status: Status = current.0.parse().unwrap_or(Status::NotStarted);
    let current_progress = current.1.clamp(0, 100) as u8;
    check_dates(id, edit, current.2.as_deref(), current.3.as_deref())?;
    let (status, progress) = crate::track::status::reconcile(
        edit.status,
        edit.progress,
        current_status,
        current_progress,
    )
    .map_err(|error| StoreError::Rejected(Rejection::Inconsistent { item: id, error }))?;
    let opt_date = |d: &Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let opt_num = |n: &Option<f64>| n.map(|n| n.to_string());
    let mut fields: Vec<(ItemField, Option<String>)> = Vec::new();
    if let Some(owner) = &edit.owner {
        let owner = match owner.as_deref() {
            Some(owner) => Some(typed(Field::Owner, owner)?),
            None => None,
        };
        fields.push((ItemField::Owner, owner));
    }
    if let Some(status) = status {
        fields.push((ItemField::Status, Some(status.as_str().to_string())));
    }
    if let Some(progress) = progress {
        fields.push((ItemField::Progress, Some(progress.to_string())));
    }
    if let Some(start) = &edit.start_on {
        fields.push((ItemField::StartOn, opt_date(start)));
    }
    if let Some(due) = &edit.due_on {
        fields.push((ItemField::DueOn, opt_date(due)));
    }
    if let Some(stage) = &edit.project_stage {
        fields.push((
            ItemField::ProjectStage,
            stage.map(|s| s.as_str().to_string()),
        ));
    }
    for (name, value) in [
        (ItemField::InvestTotal, &edit.invest_total),
        (ItemField::InvestYearPlan, &edit.invest_year_plan),
        (ItemField::InvestYearDone, &edit.invest_year_done),
    ] {
        if let Some(value) = value {
            fields.push((name, opt_num(value)));
        }
    }
    // Refuse before writing anything: an edit is applied whole or not at all. A field
    // changed since `base` is refused even when it now holds the value this edit sets:
    // the editor did not see that change, and accepting the edit as a silent no-op would
    // acknowledge a change that was never made (two "+1 from 5" saves ending at 6).
    if let Some((Stamp(since), mine)) = base {
        for (field, _) in &fields {
            let key = FieldKey::item(id, field.column());
            if let Some(conflict) = changed_since(tx, key, since, mine, ConflictDuring::Edit)? {
                return Err(StoreError::Conflict(Box::new(conflict)));
            }
        }
    }
    for (field, value) in &fields {
        set_field(tx, change, id, *field, value.as_deref())?;
    }
    Ok(())
}
