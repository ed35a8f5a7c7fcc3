//! The data the screens show, kept in memory: read from the store in one pass at start
//! (`Builder`), then kept current by re-reading only the items that changed
//! (`Snapshot::apply`). Rendering reads only this, never the store.
//!
//! Items are slim: repeated names (chapters, owners, departments) are interned once
//! (`names`), plans and boxes are indices.

mod build;
mod names;
mod rollups;
mod tree;

pub use build::Builder;
pub use names::{NO_NAME, NameId, Names};
pub use rollups::RollupRows;
pub use tree::{Scope, ScopeIds, TreeNode};

use crate::store::{HistoryEntry, IndicatorRow, ReadMark, RowView, Stamp};
use crate::track::health::Health;
use crate::track::project::Project;
use crate::track::rollup::RollupRow;
use crate::track::{Light, Status};
use build::intern_item;
use rollups::Rollups;
use std::collections::HashMap;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// `Snapshot::position` of an id not loaded.
const NOT_LOADED: u32 = u32::MAX;

/// A milestone due soon, with its item.
#[derive(Debug, Clone, PartialEq)]
pub struct DueSoon {
    pub item: i64,
    pub item_title: String,
    pub title: String,
    pub due: chrono::NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanName {
    pub key: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoxName {
    pub number: u32,
    pub title: String,
}

/// One item as the workbench keeps it (about 100 bytes and its title).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: i64,
    /// Index into `Snapshot::plans`.
    pub plan: u32,
    /// Index into `Snapshot::boxes`, or `NO_NAME`.
    pub box_index: u32,
    pub chapter: NameId,
    pub number: NameId,
    pub title: Box<str>,
    pub owner: NameId,
    pub lead: NameId,
    pub co: Box<[NameId]>,
    pub status: Status,
    pub progress: u8,
    pub in_plan: bool,
    pub health: Health,
    /// Stage and investment, for the few items that are 重大项目 (boxed: most have none).
    pub project: Option<Box<Project>>,
}

/// An item row as read for a refresh (owned: it travels from the store to `update`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChangedRow {
    pub id: i64,
    pub plan_id: i64,
    pub box_id: Option<i64>,
    pub chapter: Option<String>,
    pub number: Option<String>,
    pub title: String,
    pub owner: Option<String>,
    pub lead: Option<i64>,
    pub co: Vec<i64>,
    pub status: Status,
    pub progress: u8,
    pub in_plan: bool,
    pub health: Health,
    pub project: Option<Project>,
}

impl ChangedRow {
    pub fn of(row: &RowView<'_>) -> ChangedRow {
        ChangedRow {
            id: row.id,
            plan_id: row.plan_id,
            box_id: row.box_id,
            chapter: row.chapter.map(str::to_string),
            number: row.number.map(str::to_string),
            title: row.title.to_string(),
            owner: row.owner.map(str::to_string),
            lead: row.lead,
            co: row.co.to_vec(),
            status: row.status,
            progress: row.progress,
            in_plan: row.in_plan,
            health: row.health,
            project: row.project,
        }
    }

    fn view(&self) -> RowView<'_> {
        RowView {
            id: self.id,
            plan_id: self.plan_id,
            box_id: self.box_id,
            chapter: self.chapter.as_deref(),
            number: self.number.as_deref(),
            title: &self.title,
            owner: self.owner.as_deref(),
            status: self.status,
            progress: self.progress,
            in_plan: self.in_plan,
            lead: self.lead,
            co: &self.co,
            health: self.health,
            project: self.project,
        }
    }
}

/// The small lists, read whole when what they show may have changed (`None`: unchanged
/// since the last read).
#[derive(Debug, Clone, Default)]
pub struct Lists {
    /// (item, milestone title, due): titles of items are filled in from the items.
    pub due_soon: Option<Vec<(i64, String, chrono::NaiveDate)>>,
    pub recent_by_others: Option<Vec<HistoryEntry>>,
    pub indicators: Option<Vec<IndicatorRow>>,
    /// Departments sent a return workbook, and whether it is back.
    pub returns: Option<Vec<crate::store::ReturnState>>,
}

/// The directory of departments, read at a full load.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Short names, sorted, for completion.
    pub departments: Vec<String>,
    /// Every department with its names: a filter's 单位:发改 means what it means to the
    /// command line (`directory::Directory::matching`).
    pub all: crate::directory::Directory,
}

/// Ids of the store's plans, boxes and departments → the snapshot's.
#[derive(Debug, Clone, Default)]
struct IdMaps {
    plans: FastMap<i64, u32>,
    boxes: FastMap<i64, u32>,
    departments: FastMap<i64, NameId>,
}

/// Everything the screens list, as of one read.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub names: Names,
    pub plans: Vec<PlanName>,
    pub boxes: Vec<BoxName>,
    pub items: Vec<Item>,
    /// Item id → index into `items` (`NOT_LOADED` for none); ids are dense.
    position: Vec<u32>,
    /// Items still in the plan text.
    pub live: usize,
    /// Items with a project stage or investment (the item table then shows the stage).
    pub projects: usize,
    pub tree: Vec<TreeNode>,
    rollups: Rollups,
    pub rollup_rows: RollupRows,
    pub indicators: Vec<IndicatorRow>,
    pub due_soon: Vec<DueSoon>,
    pub recent_by_others: Vec<HistoryEntry>,
    /// Departments sent a return workbook, and whether it is back (names made safe).
    pub returns: Vec<crate::store::ReturnState>,
    /// Owners, most items first (for completion).
    pub owners: Vec<String>,
    /// Per owner: (items, red items).
    pub owner_counts: FastMap<NameId, (usize, usize)>,
    pub directory: Directory,
    /// The pace and light thresholds the lights were judged with (for the rules overlay).
    pub thresholds: crate::track::health::Thresholds,
    ids: IdMaps,
    pub mark: ReadMark,
    pub stamp: Option<Stamp>,
}

impl Snapshot {
    /// Apply rows re-read after a commit. Returns false when a row is not one of the
    /// items loaded (a new item: the caller reloads everything).
    pub fn apply(&mut self, mark: ReadMark, rows: &[ChangedRow], lists: Lists) -> bool {
        for row in rows {
            let Some(index) = self.index_of(row.id) else {
                return false;
            };
            let item = intern_item(&mut self.names, &self.ids, &row.view());
            let old = std::mem::replace(&mut self.items[index], item);
            if old.in_plan != self.items[index].in_plan
                || old.plan != self.items[index].plan
                || old.chapter != self.items[index].chapter
                || old.box_index != self.items[index].box_index
            {
                // The outline changed under the item: only an import does that.
                return false;
            }
            self.rollups.apply(&old, false);
            self.rollups.apply(&self.items[index], true);
            self.projects = self.projects + usize::from(self.items[index].project.is_some())
                - usize::from(old.project.is_some());
        }
        self.mark = mark;
        self.stamp = Some(mark.stamp);
        self.set_lists(lists);
        self.derive();
        true
    }

    fn set_lists(&mut self, lists: Lists) {
        if let Some(due_soon) = lists.due_soon {
            self.due_soon = due_soon
                .into_iter()
                .map(|(item, title, due)| DueSoon {
                    item,
                    item_title: self.title_of(item).unwrap_or_default().to_string(),
                    title,
                    due,
                })
                .collect();
        }
        if let Some(recent) = lists.recent_by_others {
            self.recent_by_others = recent;
        }
        if let Some(indicators) = lists.indicators {
            self.indicators = indicators;
        }
        if let Some(returns) = lists.returns {
            self.returns = returns;
        }
    }

    /// Roll-up rows and owner counts from the live tallies and items.
    fn derive(&mut self) {
        self.rollup_rows = self.rollups.rows(&self.names, &self.plans);
        let mut counts: FastMap<NameId, (usize, usize)> = FastMap::default();
        let mut live = 0;
        for item in self.items.iter().filter(|i| i.in_plan) {
            live += 1;
            if item.owner != NO_NAME {
                let entry = counts.entry(item.owner).or_default();
                entry.0 += 1;
                entry.1 += usize::from(item.health.light == Light::Red);
            }
        }
        self.live = live;
        let mut owners: Vec<(&str, usize)> = counts
            .iter()
            .filter_map(|(&id, &(n, _))| Some((self.names.get(id)?, n)))
            .collect();
        owners.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        self.owners = owners
            .into_iter()
            .map(|(name, _)| name.to_string())
            .collect();
        self.owner_counts = counts;
    }

    pub fn name(&self, id: NameId) -> Option<&str> {
        self.names.get(id)
    }

    pub fn plan_of(&self, item: &Item) -> Option<&PlanName> {
        self.plans.get(item.plan as usize)
    }

    pub fn box_of(&self, item: &Item) -> Option<&BoxName> {
        self.boxes.get(item.box_index as usize)
    }

    /// Index into `items` of the item `id`.
    pub fn index_of(&self, id: i64) -> Option<usize> {
        let index = *self.position.get(usize::try_from(id).ok()?)?;
        (index != NOT_LOADED).then_some(index as usize)
    }

    /// The largest item id loaded (ids are dense).
    pub fn largest_id(&self) -> i64 {
        i64::try_from(self.position.len().saturating_sub(1)).unwrap_or(i64::MAX)
    }

    pub fn item(&self, id: i64) -> Option<&Item> {
        self.items.get(self.index_of(id)?)
    }

    pub fn by_plan(&self) -> &[RollupRow] {
        &self.rollup_rows.by_plan
    }

    pub fn by_chapter(&self) -> &[RollupRow] {
        &self.rollup_rows.by_chapter
    }

    pub fn by_lead(&self) -> &[RollupRow] {
        &self.rollup_rows.by_lead
    }

    pub fn by_co(&self) -> &[RollupRow] {
        &self.rollup_rows.by_co
    }

    pub fn by_owner(&self) -> &[RollupRow] {
        &self.rollup_rows.by_owner
    }

    pub fn total(&self) -> Option<&RollupRow> {
        self.rollup_rows.total.as_ref()
    }

    /// The titles of items, for lists that name them (due soon).
    pub fn title_of(&self, id: i64) -> Option<&str> {
        self.item(id).map(|i| &*i.title)
    }
}
