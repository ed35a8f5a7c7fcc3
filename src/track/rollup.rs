//! Roll-ups: counts of items by status, pace and warning light, grouped by plan, chapter,
//! department or owner — and the rules for what counts where.
//!
//! ## Counting rules
//!
//! - Each item counts once in every group it belongs to, and in no other.
//! - **By plan**: the item's plan.
//! - **By chapter**: the item's plan and chapter, keyed `规划 / 章节`; items outside any
//!   chapter are grouped under `规划 / （无章节）`.
//! - **By lead department (牵头单位)**: the item's lead department; items without one are
//!   grouped under `（未指定牵头单位）`.
//! - **By co-department (配合单位)**: every co-department of the item — an item with three
//!   co-departments counts in three groups (once each, even if a name is listed twice);
//!   items without co-departments are not counted in this roll-up.
//! - **By owner (负责人)**: the item's owner; items without one are grouped under
//!   `（未指定负责人）`.
//! - An empty name counts as missing; names are compared exactly as recorded.
//! - **Mean progress** is the plain mean of the recorded progress of the group's items;
//!   finished items count with the progress recorded for them (usually 100).
//! - **Overdue milestones** adds up each item's overdue milestones (due before today, not
//!   done — see `track::health`); **no owner** and **no lead** count the group's items
//!   without an owner or a lead department.
//! - The total counts every item once.
//!
//! ## Order of rows
//!
//! Plan and chapter rows come in the order the plan or chapter first appears in the
//! items given (the outline order, when items come in outline order). Department and
//! owner rows are sorted by name in Unicode code-point order, with the group of items
//! lacking a name last; a screen may re-sort them (by pinyin, by count).

use super::health::{Health, Light, Pace};
use super::status::Status;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::Hash;

/// Group of the items outside any chapter (after `规划 / `).
pub const NO_CHAPTER: &str = "（无章节）";
/// Group of the items without a lead department.
pub const NO_LEAD: &str = "（未指定牵头单位）";
/// Group of the items without an owner.
pub const NO_OWNER: &str = "（未指定负责人）";
/// Key of the row counting every item.
pub const TOTAL_KEY: &str = "total";
/// Label of the row counting every item.
pub const TOTAL_LABEL: &str = "合计";

/// The facts about one item that roll-ups count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub id: i64,
    pub plan: String,
    pub chapter: Option<String>,
    pub owner: Option<String>,
    /// 牵头单位
    pub lead: Option<String>,
    /// 配合单位
    pub co: Vec<String>,
    pub status: Status,
    pub progress: u8,
    pub health: Health,
}

/// What to group by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RollupBy {
    Plan,
    Chapter,
    LeadDepartment,
    CoDepartment,
    Owner,
}

impl RollupBy {
    pub const ALL: [RollupBy; 5] = [
        RollupBy::Plan,
        RollupBy::Chapter,
        RollupBy::LeadDepartment,
        RollupBy::CoDepartment,
        RollupBy::Owner,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            RollupBy::Plan => "plan",
            RollupBy::Chapter => "chapter",
            RollupBy::LeadDepartment => "lead_department",
            RollupBy::CoDepartment => "co_department",
            RollupBy::Owner => "owner",
        }
    }

    pub const fn label_zh(self) -> &'static str {
        match self {
            RollupBy::Plan => "按规划",
            RollupBy::Chapter => "按章节",
            RollupBy::LeadDepartment => "按牵头单位",
            RollupBy::CoDepartment => "按配合单位",
            RollupBy::Owner => "按负责人",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            RollupBy::Plan => "by plan",
            RollupBy::Chapter => "by chapter",
            RollupBy::LeadDepartment => "by lead department",
            RollupBy::CoDepartment => "by co-department",
            RollupBy::Owner => "by owner",
        }
    }
}

/// The counts of one group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollupRow {
    /// Identifies the group: the plan, `规划 / 章节`, the department or owner name, or
    /// `total`.
    pub key: String,
    /// What to show when the context is already clear: the chapter alone for chapter rows,
    /// `合计` for the total, else the key.
    pub label: String,
    pub items: usize,
    /// In [`Status::ALL`] order: 未开始, 进行中, 已完成, 暂停.
    pub by_status: [usize; 4],
    /// In [`Pace::ALL`] order: 超进度, 达进度, 欠进度, 已完成.
    pub by_pace: [usize; 4],
    /// In [`Light::ALL`] order: 红, 黄, 蓝, 绿, 灰.
    pub by_light: [usize; 5],
    /// Plain mean of the items' progress; 0 for an empty group.
    pub mean_progress: f64,
    pub overdue_milestones: usize,
    pub no_owner: usize,
    pub no_lead: usize,
}

impl RollupRow {
    pub fn status_count(&self, status: Status) -> usize {
        self.by_status[status.index()]
    }

    pub fn pace_count(&self, pace: Pace) -> usize {
        self.by_pace[pace.index()]
    }

    pub fn light_count(&self, light: Light) -> usize {
        self.by_light[light.index()]
    }
}

/// What a roll-up counts of one item, whatever group it lands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub status: Status,
    pub progress: u8,
    pub pace: Pace,
    pub light: Light,
    pub overdue: usize,
    pub has_owner: bool,
    pub has_lead: bool,
}

impl Counted {
    pub fn of(item: &ItemSummary) -> Counted {
        Counted::new(
            item.status,
            item.progress,
            &item.health,
            name(item.owner.as_deref()).is_some(),
            name(item.lead.as_deref()).is_some(),
        )
    }

    pub fn new(
        status: Status,
        progress: u8,
        health: &Health,
        has_owner: bool,
        has_lead: bool,
    ) -> Counted {
        Counted {
            status,
            progress: progress.min(100),
            pace: health.pace,
            light: health.light,
            overdue: health.overdue,
            has_owner,
            has_lead,
        }
    }
}

/// Running counts of one group.
#[derive(Debug, Clone, Default)]
struct Tally {
    items: usize,
    by_status: [usize; 4],
    by_pace: [usize; 4],
    by_light: [usize; 5],
    progress_sum: u64,
    overdue: usize,
    no_owner: usize,
    no_lead: usize,
}

impl Tally {
    fn add(&mut self, item: &ItemSummary) {
        self.count(&Counted::of(item));
    }

    fn count(&mut self, item: &Counted) {
        self.items += 1;
        self.by_status[item.status.index()] += 1;
        self.by_pace[item.pace.index()] += 1;
        self.by_light[item.light.index()] += 1;
        self.progress_sum += u64::from(item.progress);
        self.overdue += item.overdue;
        self.no_owner += usize::from(!item.has_owner);
        self.no_lead += usize::from(!item.has_lead);
    }

    /// Undo `count` of the same facts (saturating: a mismatch never panics).
    fn uncount(&mut self, item: &Counted) {
        let less = |n: &mut usize, by: usize| *n = n.saturating_sub(by);
        less(&mut self.items, 1);
        less(&mut self.by_status[item.status.index()], 1);
        less(&mut self.by_pace[item.pace.index()], 1);
        less(&mut self.by_light[item.light.index()], 1);
        self.progress_sum = self.progress_sum.saturating_sub(u64::from(item.progress));
        less(&mut self.overdue, item.overdue);
        less(&mut self.no_owner, usize::from(!item.has_owner));
        less(&mut self.no_lead, usize::from(!item.has_lead));
    }

    fn into_row(self, key: String, label: String) -> RollupRow {
        self.row(key, label)
    }

    fn row(&self, key: String, label: String) -> RollupRow {
        let mean_progress = if self.items == 0 {
            0.0
        } else {
            self.progress_sum as f64 / self.items as f64
        };
        RollupRow {
            key,
            label,
            items: self.items,
            by_status: self.by_status,
            by_pace: self.by_pace,
            by_light: self.by_light,
            mean_progress,
            overdue_milestones: self.overdue,
            no_owner: self.no_owner,
            no_lead: self.no_lead,
        }
    }
}

/// A name as counted: `None` when missing or empty. Names are not trimmed here (the store
/// trims them on the way in), so that counting never reads a name's bytes.
fn name(value: Option<&str>) -> Option<&str> {
    value.filter(|s| !s.is_empty())
}

/// Groups in first-appearance order, found by key: a name, or (plan, chapter).
struct Groups<K> {
    index: HashMap<K, usize, foldhash::fast::RandomState>,
    tallies: Vec<(K, Tally)>,
}

impl<K: Hash + Eq + Copy> Groups<K> {
    fn new() -> Groups<K> {
        Groups {
            index: HashMap::with_hasher(foldhash::fast::RandomState::default()),
            tallies: Vec::new(),
        }
    }

    /// Index of the group, created empty on first sight.
    fn slot(&mut self, key: K) -> usize {
        let next = self.tallies.len();
        let slot = *self.index.entry(key).or_insert(next);
        if slot == next {
            self.tallies.push((key, Tally::default()));
        }
        slot
    }

    fn add(&mut self, key: K, item: &ItemSummary) {
        let slot = self.slot(key);
        self.tallies[slot].1.add(item);
    }
}

/// Roll the items up by `by`, following the counting rules in the module documentation.
pub fn rollup(items: &[ItemSummary], by: RollupBy) -> Vec<RollupRow> {
    match by {
        RollupBy::Chapter => by_chapter(items),
        RollupBy::Plan => by_name(items, Order::FirstSeen, |item, add| add(&item.plan)),
        RollupBy::LeadDepartment => by_name(items, Order::ByName(Some(NO_LEAD)), |item, add| {
            add(name(item.lead.as_deref()).unwrap_or(NO_LEAD));
        }),
        RollupBy::Owner => by_name(items, Order::ByName(Some(NO_OWNER)), |item, add| {
            add(name(item.owner.as_deref()).unwrap_or(NO_OWNER));
        }),
        // No placeholder group: items without co-departments are not counted.
        RollupBy::CoDepartment => by_name(items, Order::ByName(None), |item, add| {
            for co in &item.co {
                if let Some(co) = name(Some(co)) {
                    add(co);
                }
            }
        }),
    }
}

/// Rows keyed `规划 / 章节`, labelled with the chapter, in first-appearance order.
fn by_chapter(items: &[ItemSummary]) -> Vec<RollupRow> {
    let mut groups: Groups<(&str, &str)> = Groups::new();
    for item in items {
        let chapter = name(item.chapter.as_deref()).unwrap_or(NO_CHAPTER);
        groups.add((&item.plan, chapter), item);
    }
    groups
        .tallies
        .into_iter()
        .map(|((plan, chapter), tally)| {
            tally.into_row(format!("{plan} / {chapter}"), chapter.to_string())
        })
        .collect()
}

/// Order of rows keyed by a name.
enum Order {
    /// As the groups first appear in the items.
    FirstSeen,
    /// By name, code point by code point, with the placeholder group (if any) last.
    ByName(Option<&'static str>),
}

/// Code-point order of names, with the placeholder group (if any) last.
fn name_order(placeholder: Option<&str>, a: &str, b: &str) -> std::cmp::Ordering {
    let last = |key: &str| placeholder == Some(key);
    (last(a), a).cmp(&(last(b), b))
}

/// Rows keyed by a name. `groups_of` calls its second argument with each group name of
/// an item; an item counts once per distinct name.
fn by_name<'a>(
    items: &'a [ItemSummary],
    order: Order,
    groups_of: impl Fn(&'a ItemSummary, &mut dyn FnMut(&'a str)),
) -> Vec<RollupRow> {
    let mut groups: Groups<&str> = Groups::new();
    let mut seen: Vec<usize> = Vec::new();
    for item in items {
        seen.clear();
        groups_of(item, &mut |key| {
            let slot = groups.slot(key);
            if !seen.contains(&slot) {
                seen.push(slot);
                groups.tallies[slot].1.add(item);
            }
        });
    }
    let mut tallies = groups.tallies;
    if let Order::ByName(placeholder) = order {
        tallies.sort_by(|(a, _), (b, _)| name_order(placeholder, a, b));
    }
    tallies
        .into_iter()
        .map(|(key, tally)| tally.into_row(key.to_string(), key.to_string()))
        .collect()
}

/// One row counting every item once: key `total`, label `合计`.
pub fn total(items: &[ItemSummary]) -> RollupRow {
    let mut tally = Tally::default();
    for item in items {
        tally.add(item);
    }
    tally.into_row(TOTAL_KEY.to_string(), TOTAL_LABEL.to_string())
}

pub mod live;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
