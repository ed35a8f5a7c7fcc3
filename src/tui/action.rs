//! Every user intent and every result that changes the workbench's state.

use super::effect::Outcome;
use super::effect::{Save, Saved};
use super::screens::ScreenId;
use super::snapshot::Snapshot;
use crate::plan::Role;
use crate::store::{Conflict, ItemDetail};
use std::collections::HashSet;

/// What an input line is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputPurpose {
    Search,
    Filter,
    Owner(i64),
    Progress(i64),
    /// A 重大项目's stage and investment, as one line.
    Project(i64),
    Department(i64, Role),
    Milestone(i64),
    /// Extend (延期) milestone: new date and reason.
    Extend(i64),
    /// New title of a milestone.
    RenameMilestone(i64),
    /// The day a milestone was done (empty: today).
    CompleteMilestone(i64),
    /// A department to take off an item.
    RemoveDepartment(i64),
    /// One's own note, edited (emptied: removed, after asking).
    EditNote(i64),
    Note(i64),
    BulkOwner(Vec<i64>),
    Indicator(i64),
    /// Export what the screen shows to a file.
    Export(ExportWhat),
    Command,
}

/// What a screen exports (`x`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportWhat {
    /// These items (the Items screen's rows, the Detail's item).
    Items(Vec<i64>),
    /// A roll-up screen's roll-up.
    Rollup(crate::track::rollup::RollupBy),
    /// The indicators screen's indicators.
    Indicators,
}

/// Rows re-read after a commit, and the small lists read again.
#[derive(Debug, Clone)]
pub struct Refresh {
    pub mark: crate::store::ReadMark,
    pub rows: Vec<super::snapshot::ChangedRow>,
    pub lists: super::snapshot::Lists,
}

#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    Back,
    Switch(ScreenId),
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    FocusNext,
    Open,
    ToggleHelp,
    CycleSort,
    ToggleSelect,
    /// Open an input line for a purpose (owner, note, filter, …).
    Ask(AskKind),
    /// Remove the selected milestone (asks first).
    RemoveMilestone,
    /// The answer about the old lead: keep as co (`Some(true)`), remove, or cancel.
    LeadChoice(Option<bool>),
    /// A click or the wheel.
    Mouse(ratatui::crossterm::event::MouseEvent),
    /// Capture the mouse, or give it back to the terminal (to select text).
    ToggleMouse,
    /// The Overview's plans table: the column left (-1) or right (+1).
    Column(i8),
    /// Open the status list (`t`).
    PickStatus,
    /// A status picked from the list.
    SetStatus(crate::track::Status),
    /// Show or hide the light and pace rules.
    ToggleRules,
    /// Fold or unfold the Detail's plan text.
    ToggleBody,
    /// Fold or unfold the plan or chapter under the tree's cursor.
    ToggleFold,
    /// Drop every filter, the search, the drill-down and the marks of the Items screen.
    ClearFilters,
    /// Close the open input (Esc): a note's text is kept as a draft.
    CloseInput,
    /// A line for the status bar (a hint, not an error).
    Hint(String),
    ProgressStep(i8),
    CompleteNextMilestone,
    /// Show what an undo would revert, and ask.
    Undo,
    /// Show what a redo would re-apply, and ask.
    Redo,
    Reload,
    ConfirmYes,
    ConfirmNo,
    /// The text of an input line was submitted.
    Submitted(InputPurpose, String),
    /// Search text changed (search as you type).
    SearchChanged(String),
    Tick,
    Resize,
    // Results of effects:
    Loaded(Box<Snapshot>),
    /// Only some items changed: their rows, re-read.
    Refreshed(Box<Refresh>),
    DetailLoaded(Box<ItemDetail>),
    SearchHits(String, HashSet<i64>),
    Saved(Saved),
    Failed(String),
    Conflicted(Conflict),
    /// A typed value the field does not take (said in the session's language).
    Refused(crate::track::limits::Refused),
    /// Another process held the lock: the save is kept, to be retried.
    Pending(Box<Save>),
    /// The waiting edits were written to the journal (`error`: they could not be).
    Persisted {
        count: usize,
        error: Option<String>,
    },
    /// Waiting edits were tried again: how each of those dealt with fared (the others still
    /// wait: the lock was busy again).
    Flushed(Vec<Outcome>),
    /// Edits a previous workbench of this person left unsaved (from the journal).
    Recovered(Vec<Save>),
    /// What an undo (`false`) or a redo (`true`) would revert now.
    UndoPreview(bool, Option<Box<crate::store::ChangePreview>>),
    /// An undo (`false`) or redo (`true`) was done.
    Reverted(bool, Box<crate::store::ChangeSummary>),
    /// A file was written: what to tell the user.
    Exported(String),
    OthersChanged,
    /// Show the 变化 screen: changes since the date (`None`: the date shown last, else the
    /// first of this month).
    OpenChanges(Option<chrono::NaiveDate>),
    /// Move the 变化 screen's date by months.
    ShiftChanges(i32),
    /// The changes since the date, read, with the short names of departments by id (what a
    /// link change is about).
    ChangesLoaded(
        chrono::NaiveDate,
        Vec<crate::store::HistoryEntry>,
        std::collections::HashMap<i64, String>,
    ),
}

/// Input lines the user can open from a screen (the item they apply to is resolved by
/// the app from the current selection).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskKind {
    Search,
    Filter,
    Owner,
    Progress,
    Project,
    Lead,
    Co,
    Milestone,
    Extend,
    RenameMilestone,
    Note,
    BulkOwner,
    Indicator,
    Export,
    Command,
    RemoveDepartment,
    EditNote,
}
