//! Saving what a person asked for: one edit, or the edits that waited for another
//! process's lock, in the order they were made.

use crate::plan::Role;
use crate::store::{HistoryEntry, ItemEdit, Stamp, Store, StoreError};
use crate::tui::action::Action;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A write a person asked for, with the snapshot it was made on where that matters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "save", rename_all = "snake_case")]
pub enum Save {
    Edit {
        id: i64,
        stamp: Stamp,
        edit: ItemEdit,
    },
    Department {
        id: i64,
        name: String,
        role: Role,
        stamp: Stamp,
    },
    Milestone {
        id: i64,
        title: String,
        due: NaiveDate,
    },
    CompleteMilestone {
        milestone: i64,
        on: NaiveDate,
    },
    Extend {
        milestone: i64,
        to: NaiveDate,
        reason: String,
    },
    RenameMilestone {
        milestone: i64,
        title: String,
    },
    RemoveMilestone {
        milestone: i64,
        title: String,
    },
    RemoveDepartment {
        id: i64,
        name: String,
    },
    Note {
        id: i64,
        text: String,
    },
    BulkOwner {
        ids: Vec<i64>,
        owner: String,
    },
    Indicator {
        id: i64,
        period: String,
        value: String,
    },
}

impl Save {
    /// The snapshot the edit was made on, for those checked against it.
    pub fn stamp(&self) -> Option<i64> {
        match self {
            Save::Edit { stamp, .. } | Save::Department { stamp, .. } => Some(stamp.0),
            _ => None,
        }
    }
}

/// What a save did: a short description, and the fields an item edit changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub what: String,
    pub rows: Vec<HistoryEntry>,
}

impl Saved {
    /// A save described by `what` alone.
    pub fn text(what: String) -> Saved {
        Saved {
            what,
            rows: Vec::new(),
        }
    }
}

/// Perform `save`; what it changed, field by field, for the message that says so
/// ("#4 新增节点：完成可研批复", "#4 状态：进行中 → 已完成").
pub(super) fn save(store: &mut Store, save: &Save) -> Result<Saved, StoreError> {
    let mut saved = perform(store, save)?;
    if saved.rows.is_empty() {
        // The change just made is this person's latest: its rows say what it did.
        if let Ok(Some(preview)) = store.undo_preview() {
            saved.rows = preview.entries;
        }
    }
    Ok(saved)
}

fn perform(store: &mut Store, save: &Save) -> Result<Saved, StoreError> {
    match save.clone() {
        Save::Edit { id, stamp, edit } => {
            store.edit_item(id, Some(stamp), &edit).map(|rows| Saved {
                what: format!("#{id}"),
                rows,
            })
        }
        Save::Department {
            id,
            name,
            role,
            stamp,
        } => store
            .set_department(id, &name, role, Some(stamp))
            .map(|()| Saved::text(format!("#{id} {name}"))),
        Save::Milestone { id, title, due } => store
            .add_milestone(id, &title, due)
            .map(|_| Saved::text(format!("#{id} {due}"))),
        Save::CompleteMilestone { milestone, on } => store
            .complete_milestone(milestone, on)
            .map(|()| Saved::text(format!("{on}"))),
        Save::Extend {
            milestone,
            to,
            reason,
        } => store
            .extend_milestone(milestone, to, &reason)
            .map(|()| Saved::text(format!("{to}"))),
        Save::RenameMilestone { milestone, title } => store
            .rename_milestone(milestone, &title)
            .map(|()| Saved::text(title)),
        Save::RemoveMilestone { milestone, title } => store
            .remove_milestone(milestone)
            .map(|()| Saved::text(format!("− {title}"))),
        Save::RemoveDepartment { id, name } => store
            .remove_department(id, &name)
            .map(|()| Saved::text(format!("#{id} − {name}"))),
        Save::Note { id, text: note } => store
            .add_note(id, &note)
            .map(|_| Saved::text(format!("#{id}"))),
        Save::BulkOwner { ids, owner } => store
            .bulk_assign(&ids, Some(&owner), None)
            .map(|n| Saved::text(format!("{n} × {owner}"))),
        Save::Indicator { id, period, value } => store
            .record_indicator(id, &period, &value)
            .map(|_| Saved::text(format!("{period}: {value}"))),
    }
}

/// How one waiting edit fared.
#[derive(Debug, Clone)]
pub enum Outcome {
    Saved(Saved),
    /// Refused (a conflict, a removed item…): reported; the edits after it still go.
    Refused(Box<Action>),
}

/// Try the waiting edits in order until the lock is busy again. Reports how many from the
/// front were dealt with (saved or refused) and how each fared.
pub(super) fn flush(store: &mut Store, saves: &[Save], lang: crate::tui::Lang) -> Action {
    let mut outcomes = Vec::new();
    for request in saves {
        match save(store, request) {
            Ok(saved) => outcomes.push(Outcome::Saved(saved)),
            Err(StoreError::Busy { .. }) => break,
            Err(e) => outcomes.push(Outcome::Refused(Box::new(super::failed(e, lang)))),
        }
    }
    Action::Flushed(outcomes)
}
