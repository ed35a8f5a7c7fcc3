//! Effects: the only place the workbench talks to the store. `App::update` returns an
//! effect; the loop performs it here and feeds the result back as an action.

mod export;
mod save;

pub use save::{Outcome, Save, Saved};

use super::action::Action;
use super::action::Refresh;
use super::display;
use super::snapshot::{Builder, ChangedRow, Directory, Lists, Snapshot};
use crate::store::{Changes, ReadMark, Store, StoreError};
use crate::text::sanitize::for_display;
use chrono::{Duration, NaiveDate};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    None,
    Quit,
    /// Read everything again.
    Reload,
    /// Read what changed since the snapshot's mark.
    Refresh(ReadMark),
    LoadDetail(i64),
    Search(String),
    /// Save one edit (when nothing is waiting before it).
    Save(Save),
    /// Write the edits waiting for the lock to the journal (none: remove it).
    Persist(Vec<Save>),
    /// Try the waiting edits again, in order.
    Flush(Vec<Save>),
    /// Look up what an undo (or redo) would revert, to show it first.
    PreviewUndo,
    PreviewRedo,
    /// Revert the change a preview showed.
    Undo(i64),
    Redo(i64),
    /// Write the given items to a file (format from the extension).
    /// Write what a screen shows to a file (an absolute path).
    Export {
        what: super::action::ExportWhat,
        path: std::path::PathBuf,
    },
    /// Read the changes made since the date (the 变化 screen).
    LoadChanges(NaiveDate),
    /// Several effects in order.
    Many(Vec<Effect>),
}

/// Read everything the screens show: one pass over the items, then the small lists.
pub fn load(store: &Store, today: NaiveDate) -> Result<Snapshot, StoreError> {
    let outline = store.outline()?;
    let builder = Builder::new(&outline);
    let (mark, parts) = store.scan_rows(
        today,
        || builder.part(),
        |part, row| builder.push(part, row),
    )?;
    let lists = lists(store, today, Stale::ALL)?;
    let mut snapshot = builder.finish(mark, parts, lists, directory(store)?);
    snapshot.thresholds = store.thresholds()?;
    snapshot.people = store.people()?;
    Ok(snapshot)
}

/// Read what changed since `since`: the changed items' rows only, or everything when
/// more than items changed.
fn refresh(store: &Store, today: NaiveDate, since: ReadMark) -> Result<Vec<Action>, StoreError> {
    let mut rows = Vec::new();
    match store.changed_rows(since, today, &mut |row| rows.push(ChangedRow::of(&row)))? {
        Changes::None => Ok(Vec::new()),
        Changes::Everything => Ok(vec![Action::Loaded(Box::new(load(store, today)?))]),
        Changes::Items {
            mark,
            indicators,
            milestones,
            by_others,
            ..
        } => {
            let stale = Stale {
                due_soon: milestones,
                recent_by_others: by_others,
                indicators,
            };
            Ok(vec![Action::Refreshed(Box::new(Refresh {
                mark,
                rows,
                lists: lists(store, today, stale)?,
            }))])
        }
    }
}

/// Which of the small lists to read again.
struct Stale {
    due_soon: bool,
    recent_by_others: bool,
    indicators: bool,
}

impl Stale {
    const ALL: Stale = Stale {
        due_soon: true,
        recent_by_others: true,
        indicators: true,
    };
}

/// The small lists shown whole: milestones due within 30 days, others' recent changes,
/// and the indicators — those that may have changed.
fn lists(store: &Store, today: NaiveDate, stale: Stale) -> Result<Lists, StoreError> {
    let due_soon = match stale.due_soon {
        true => Some(
            store
                .milestones_due(today, today + Duration::days(30))?
                .into_iter()
                .map(|m| (m.item, for_display(&m.title).into_owned(), m.due_on))
                .collect(),
        ),
        false => None,
    };
    let recent_by_others = match stale.recent_by_others {
        true => {
            let mut recent = store.recent_by_others(20)?;
            recent.iter_mut().for_each(display::history);
            Some(recent)
        }
        false => None,
    };
    let indicators = match stale.indicators {
        true => {
            let mut rows = store.indicators(None)?;
            rows.iter_mut().for_each(display::indicator);
            Some(rows)
        }
        false => None,
    };
    // A handful of rows: read with every refresh (an export records no change).
    let mut returns = store.return_states()?;
    for state in &mut returns {
        state.department = for_display(&state.department).into_owned();
    }
    Ok(Lists {
        due_soon,
        recent_by_others,
        indicators,
        returns: Some(returns),
    })
}

fn directory(store: &Store) -> Result<Directory, StoreError> {
    let all = store.directory()?;
    Ok(Directory {
        departments: all
            .entries()
            .iter()
            .map(|d| for_display(&d.short).into_owned())
            .collect(),
        all,
    })
}

/// A store error as the action that reports it, said in `lang`.
pub(super) fn failed(error: StoreError, lang: super::Lang) -> Action {
    match error {
        StoreError::Conflict(conflict) => Action::Conflicted(*conflict),
        StoreError::Refused(refused) => Action::Refused(refused),
        other => {
            Action::Failed(crate::text::sanitize::term_safe(&other.describe(lang)).into_owned())
        }
    }
}

/// Perform an effect; returns the actions that report its result.
pub fn perform(effect: Effect, store: &mut Store, session: &super::Session) -> Vec<Action> {
    let today = session.today;
    match effect {
        Effect::None => Vec::new(),
        // `update` already set the quit flag: nothing to report back.
        Effect::Quit => Vec::new(),
        Effect::Reload => match load(store, today) {
            Ok(snapshot) => vec![Action::Loaded(Box::new(snapshot))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Refresh(since) => {
            refresh(store, today, since).unwrap_or_else(|e| vec![failed(e, session.lang)])
        }
        Effect::LoadDetail(id) => match store.show(id, today) {
            Ok(mut detail) => {
                display::detail(&mut detail);
                vec![Action::DetailLoaded(Box::new(detail))]
            }
            Err(e) => vec![failed(e, session.lang)],
        },
        // Titles are matched in memory (screens::items::filter, `Criteria`); the store adds bodies.
        Effect::Search(text) => match store.search_text_ids(&text) {
            Ok(hits) => vec![Action::SearchHits(text, hits)],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Save(request) => match save::save(store, &request) {
            Ok(saved) => vec![Action::Saved(saved)],
            Err(StoreError::Busy { .. }) => vec![Action::Pending(Box::new(request))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Persist(saves) => vec![Action::Persisted {
            count: saves.len(),
            error: super::journal::write(session.journal.as_deref(), store, &saves).err(),
        }],
        Effect::Flush(saves) => vec![save::flush(store, &saves, session.lang)],
        Effect::PreviewUndo => match store.undo_preview() {
            Ok(preview) => vec![Action::UndoPreview(false, preview.map(Box::new))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::PreviewRedo => match store.redo_preview() {
            Ok(preview) => vec![Action::UndoPreview(true, preview.map(Box::new))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Undo(change) => match store.undo_expecting(change) {
            Ok(summary) => vec![Action::Reverted(false, Box::new(summary))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Redo(change) => match store.redo_expecting(change) {
            Ok(summary) => vec![Action::Reverted(true, Box::new(summary))],
            Err(e) => vec![failed(e, session.lang)],
        },
        Effect::Export { what, path } => match export::export(store, session, what, &path) {
            Ok(message) => vec![Action::Exported(
                crate::text::sanitize::term_safe(&message).into_owned(),
            )],
            Err(message) => vec![Action::Failed(
                crate::text::sanitize::term_safe(&message).into_owned(),
            )],
        },
        Effect::LoadChanges(since) => {
            let read = store
                .changes_since(since, super::screens::changes::LIMIT)
                .and_then(|entries| Ok((entries, store.departments()?)));
            match read {
                Ok((mut entries, departments)) => {
                    entries.iter_mut().for_each(display::history);
                    let names = departments
                        .into_iter()
                        .map(|d| (d.id, for_display(&d.short).into_owned()))
                        .collect();
                    vec![Action::ChangesLoaded(since, entries, names)]
                }
                Err(e) => vec![failed(e, session.lang)],
            }
        }
        Effect::Many(effects) => effects
            .into_iter()
            .flat_map(|e| perform(e, store, session))
            .collect(),
    }
}
