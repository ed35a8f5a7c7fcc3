//! Which rows the Items screen shows: the filter bar's words, resolved to ids, and the
//! criteria (scope, filter, search) a row must pass.

use super::super::super::snapshot::{Item, NO_NAME, NameId, ScopeIds, Snapshot};
use crate::text::pinyin;
use crate::track::{Light, Pace, Status};
use std::collections::HashSet;

/// Filters typed in the filter bar: `status:进行中 light:红 pace:欠进度 dept:省发改委
/// owner:王敏 overdue unassigned mine`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemsFilter {
    pub status: Option<Status>,
    pub light: Option<Light>,
    pub pace: Option<Pace>,
    pub department: Option<String>,
    pub owner: Option<String>,
    pub overdue: bool,
    pub unassigned: bool,
    pub mine: bool,
}

impl ItemsFilter {
    /// Parse the filter bar; the error names the word not understood.
    pub fn parse(text: &str) -> Result<ItemsFilter, String> {
        let mut filter = ItemsFilter::default();
        for word in text.split_whitespace() {
            let (key, value) = word.split_once([':', '：']).unwrap_or((word, ""));
            match (key, value) {
                ("status" | "状态", v) => {
                    filter.status = Some(v.parse().map_err(|e| format!("{e}"))?)
                }
                ("light" | "灯", v) => filter.light = Some(v.parse().map_err(|e| format!("{e}"))?),
                ("pace" | "序时", v) => {
                    filter.pace = Some(v.parse().map_err(|e| format!("{e}"))?)
                }
                ("dept" | "单位", v) if !v.is_empty() => filter.department = Some(v.to_string()),
                ("owner" | "负责人", v) if !v.is_empty() => filter.owner = Some(v.to_string()),
                ("overdue" | "逾期", "") => filter.overdue = true,
                ("unassigned" | "未分配", "") => filter.unassigned = true,
                ("mine" | "我的", "") => filter.mine = true,
                _ => {
                    return Err(format!(
                        "not a filter: “{word}” (use status: light: pace: dept: owner: overdue unassigned mine)"
                    ));
                }
            }
        }
        Ok(filter)
    }

    /// Whether `item` passes, with the filter's names resolved to ids (`Resolved`).
    fn keeps(&self, item: &Item, resolved: &Resolved) -> bool {
        self.status.is_none_or(|s| item.status == s)
            && self.light.is_none_or(|l| item.health.light == l)
            && self.pace.is_none_or(|p| item.health.pace == p)
            && (self.department.is_none()
                || resolved.departments.contains(&item.lead)
                || item.co.iter().any(|c| resolved.departments.contains(c)))
            && (self.owner.is_none() || item.owner == resolved.owner)
            && (!self.overdue || item.health.overdue > 0)
            && (!self.unassigned || item.owner == NO_NAME)
            && (!self.mine || item.owner == resolved.user)
    }

    /// Resolve the names the filter uses against the loaded data.
    fn resolve(&self, data: &Snapshot, user: &str) -> Resolved {
        let find = |name: &str| data.names.find(name).unwrap_or(NO_NAME - 1);
        let departments = match self.department.as_deref() {
            None => Vec::new(),
            Some(typed) => {
                match data
                    .directory
                    .department_names
                    .get(&crate::directory::normalize_name(typed))
                {
                    Some(short) => vec![find(short)],
                    // Not a known name: every department whose short name contains it.
                    None => data
                        .directory
                        .departments
                        .iter()
                        .filter(|d| d.contains(typed))
                        .map(|d| find(d))
                        .collect(),
                }
            }
        };
        Resolved {
            departments,
            owner: self.owner.as_deref().map_or(NO_NAME, find),
            user: find(user),
        }
    }
}

/// A filter's names as ids; a name no item has resolves to an id no item has.
struct Resolved {
    departments: Vec<NameId>,
    owner: NameId,
    user: NameId,
}

/// What a row must pass to be shown: the tree node's scope, the filter (its names
/// resolved to ids), and the search.
pub(super) struct Criteria<'a> {
    scope: ScopeIds,
    filter: &'a ItemsFilter,
    resolved: Resolved,
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
            filter,
            resolved: filter.resolve(data, user),
            pinyin: pinyin::Query::new(&query),
            query,
            hits,
        }
    }

    /// Still in the plan, in scope and through the filter.
    pub(super) fn passes(&self, item: &Item) -> bool {
        item.in_plan && self.scope.contains(item) && self.filter.keeps(item, &self.resolved)
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
