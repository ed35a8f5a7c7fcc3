//! Which rows the Items screen shows: the criteria (scope, the shared filter with its names
//! resolved to the snapshot's ids, search) a row must pass.

use super::super::super::snapshot::{Item, NO_NAME, NameId, ScopeIds, Snapshot};
use crate::plan::Role;
use crate::text::pinyin;
use crate::track::filter::{Facts, Resolved};
use crate::track::{Light, Pace, Status};
use std::collections::HashSet;

/// The filter bar is the filter every view shares (`track::filter`): the same words and the
/// same rule as the command line's flags.
pub use crate::track::filter::Filter as ItemsFilter;

impl Facts<NameId> for Item {
    fn status(&self) -> Status {
        self.status
    }
    fn light(&self) -> Light {
        self.health.light
    }
    fn pace(&self) -> Pace {
        self.health.pace
    }
    fn late(&self) -> bool {
        self.health.is_late()
    }
    fn owner(&self) -> Option<&NameId> {
        (self.owner != NO_NAME).then_some(&self.owner)
    }
    fn has_department(&self, key: &NameId, role: Option<Role>) -> bool {
        (role != Some(Role::Co) && self.lead == *key)
            || (role != Some(Role::Lead) && self.co.contains(key))
    }
}

/// The filter's names as the snapshot's ids: departments by the one rule of
/// `directory::Directory::matching`, owners by name.
fn resolve<'f>(filter: &'f ItemsFilter, data: &Snapshot, user: &str) -> Resolved<'f, NameId> {
    filter.resolve(
        |typed| {
            data.directory
                .all
                .matching(typed)
                .into_iter()
                .filter_map(|entry| data.names.find(&entry.short))
                .collect()
        },
        |name| data.names.find(name),
        user,
    )
}

/// What a row must pass to be shown: the tree node's scope, the filter (its names
/// resolved to ids), and the search.
pub(super) struct Criteria<'a> {
    scope: ScopeIds,
    resolved: Resolved<'a, NameId>,
    pub(super) query: String,
    pub(super) pinyin: Option<pinyin::Query>,
    /// Items whose body matched, from the store.
    hits: &'a HashSet<i64>,
}

impl<'a> Criteria<'a> {
    pub(super) fn new(
        filter: &'a ItemsFilter,
        search: &str,
        hits: &'a HashSet<i64>,
        scope: ScopeIds,
        data: &Snapshot,
        user: &str,
    ) -> Criteria<'a> {
        let query = search.trim().to_string();
        Criteria {
            scope,
            resolved: resolve(filter, data, user),
            pinyin: pinyin::Query::new(&query),
            query,
            hits,
        }
    }

    /// Still in the plan, in scope and through the filter.
    pub(super) fn passes(&self, item: &Item) -> bool {
        item.in_plan && self.scope.contains(item) && self.resolved.keeps(item)
    }

    /// The title holds the search text, or spells it in pinyin.
    pub(super) fn title_matches(&self, item: &Item) -> bool {
        item.title.contains(self.query.as_str())
            || self
                .pinyin
                .as_ref()
                .is_some_and(|q| q.matches_text(&item.title))
    }

    /// Shown: passes, and matches the search (if any) by title or body.
    pub(super) fn shows(&self, item: &Item) -> bool {
        self.passes(item)
            && (self.query.is_empty() || self.title_matches(item) || self.hits.contains(&item.id))
    }
}
