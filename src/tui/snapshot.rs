//! The data the screens show, kept in memory: read from the store in one pass at start
//! (`Builder`), then kept current by re-reading only the items that changed
//! (`Snapshot::apply`). Rendering reads only this, never the store.
//!
//! Items are slim: repeated names (chapters, owners, departments) are interned once
//! (`names`), plans and boxes are indices.

mod names;
mod rollups;
mod tree;

pub use names::{NO_NAME, NameId, Names};
pub use rollups::RollupRows;
pub use tree::{Scope, ScopeIds, TreeNode};

use crate::store::{HistoryEntry, IndicatorRow, Outline, ReadMark, RowView, Stamp};
use crate::track::health::Health;
use crate::track::rollup::RollupRow;
use crate::track::{Light, Status};
use rollups::Rollups;
use std::collections::HashMap;
use tree::TreeBuilder;

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
}

/// The directory of departments, read at a full load.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// Short names, sorted, for completion.
    pub departments: Vec<String>,
    /// Every name a department is known by (normalised) → its short name, so a filter
    /// may use 省发改委 for 省发展改革委.
    pub department_names: HashMap<String, String>,
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
    pub tree: Vec<TreeNode>,
    rollups: Rollups,
    pub rollup_rows: RollupRows,
    pub indicators: Vec<IndicatorRow>,
    pub due_soon: Vec<DueSoon>,
    pub recent_by_others: Vec<HistoryEntry>,
    /// Owners, most items first (for completion).
    pub owners: Vec<String>,
    /// Per owner: (items, red items).
    pub owner_counts: FastMap<NameId, (usize, usize)>,
    pub directory: Directory,
    ids: IdMaps,
    pub mark: ReadMark,
    pub stamp: Option<Stamp>,
}

/// Builds a snapshot from rows lent by `Store::scan_rows`, which reads the items in
/// parts on two threads: each part interns into its own copy of the names, and `finish`
/// merges them.
pub struct Builder {
    snapshot: Snapshot,
}

/// The items of one part of a scan, with the names they use.
pub struct Part {
    names: Names,
    items: Vec<Item>,
}

impl Builder {
    pub fn new(outline: &Outline) -> Builder {
        let mut snapshot = Snapshot::default();
        for (index, (id, key, name)) in outline.plans.iter().enumerate() {
            snapshot.ids.plans.insert(*id, index as u32);
            snapshot.plans.push(PlanName {
                key: clean(key),
                name: clean(name),
            });
        }
        for (index, (id, number, title)) in outline.boxes.iter().enumerate() {
            snapshot.ids.boxes.insert(*id, index as u32);
            snapshot.boxes.push(BoxName {
                number: *number,
                title: clean(title),
            });
        }
        for (id, short) in &outline.departments {
            let name = snapshot.names.intern(short);
            snapshot.ids.departments.insert(*id, name);
        }
        Builder { snapshot }
    }

    /// An empty part: the departments' names already known, so every part gives them
    /// the same ids.
    pub fn part(&self) -> Part {
        Part {
            names: self.snapshot.names.clone(),
            items: Vec::new(),
        }
    }

    /// Add a row to a part (called from the part's thread).
    pub fn push(&self, part: &mut Part, row: RowView<'_>) {
        let item = intern_item(&mut part.names, &self.snapshot.ids, &row);
        part.items.push(item);
    }

    pub fn finish(
        self,
        mark: ReadMark,
        parts: Vec<Part>,
        lists: Lists,
        directory: Directory,
    ) -> Snapshot {
        let Builder { mut snapshot } = self;
        let mut parts = parts.into_iter();
        if let Some(first) = parts.next() {
            snapshot.names = first.names;
            snapshot.items = first.items;
        }
        for part in parts {
            // The part's ids → the merged names' ids.
            let mut remap = vec![NO_NAME; part.names.len()];
            for (raw, id) in part.names.entries() {
                if let Some(slot) = remap.get_mut(id as usize) {
                    *slot = snapshot.names.intern(raw);
                }
            }
            let map = |id: NameId| remap.get(id as usize).copied().unwrap_or(NO_NAME);
            snapshot
                .items
                .extend(part.items.into_iter().map(|mut item| {
                    item.chapter = map(item.chapter);
                    item.number = map(item.number);
                    item.owner = map(item.owner);
                    item.lead = map(item.lead);
                    item.co.iter_mut().for_each(|d| *d = map(*d));
                    item
                }));
        }
        let mut tree = TreeBuilder::default();
        let max_id = snapshot.items.iter().map(|i| i.id).max().unwrap_or(0);
        snapshot.position = vec![NOT_LOADED; usize::try_from(max_id).unwrap_or(0) + 1];
        for (index, item) in snapshot.items.iter().enumerate() {
            tree.add(item);
            snapshot.rollups.apply(item, true);
            if let Some(slot) = usize::try_from(item.id)
                .ok()
                .and_then(|id| snapshot.position.get_mut(id))
            {
                *slot = index as u32;
            }
        }
        snapshot.tree = tree.finish(&snapshot.names, &snapshot.plans, &snapshot.boxes);
        snapshot.directory = directory;
        snapshot.mark = mark;
        snapshot.stamp = Some(mark.stamp);
        snapshot.set_lists(lists);
        snapshot.derive();
        snapshot
    }
}

/// One row as an item, its names interned in `names`.
fn intern_item(names: &mut Names, ids: &IdMaps, row: &RowView<'_>) -> Item {
    let departments = &ids.departments;
    let mut co: Vec<NameId> = Vec::with_capacity(row.co.len());
    for d in row.co {
        if let Some(&name) = departments.get(d)
            && !co.contains(&name)
        {
            co.push(name);
        }
    }
    Item {
        id: row.id,
        plan: ids.plans.get(&row.plan_id).copied().unwrap_or(NO_NAME),
        box_index: row
            .box_id
            .and_then(|b| ids.boxes.get(&b).copied())
            .unwrap_or(NO_NAME),
        chapter: names.intern_opt(named(row.chapter)),
        number: names.intern_opt(named(row.number)),
        title: crate::text::sanitize::for_display(row.title).into(),
        owner: names.intern_opt(named(row.owner)),
        lead: row
            .lead
            .and_then(|d| departments.get(&d).copied())
            .unwrap_or(NO_NAME),
        co: co.into_boxed_slice(),
        status: row.status,
        progress: row.progress,
        in_plan: row.in_plan,
        health: row.health,
    }
}

fn clean(text: &str) -> String {
    crate::text::sanitize::for_display(text).into_owned()
}

/// A name, or none when missing or empty (empty names count as missing everywhere).
fn named(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.is_empty())
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

    pub fn total(&self) -> Option<&RollupRow> {
        self.rollup_rows.total.as_ref()
    }

    /// The titles of items, for lists that name them (due soon).
    pub fn title_of(&self, id: i64) -> Option<&str> {
        self.item(id).map(|i| &*i.title)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn row<'a>(
        id: i64,
        plan_id: i64,
        chapter: &'a str,
        owner: Option<&'a str>,
        co: &'a [i64],
    ) -> RowView<'a> {
        RowView {
            id,
            plan_id,
            box_id: None,
            chapter: Some(chapter),
            number: Some("1"),
            title: "长株潭一体化",
            owner,
            status: Status::InProgress,
            progress: 10,
            in_plan: true,
            lead: Some(1),
            co,
            health: Health::default(),
        }
    }

    #[test]
    fn parts_interned_apart_merge_into_one_set_of_names() {
        let outline = Outline {
            plans: vec![
                (1, "a".into(), "规划甲".into()),
                (2, "b".into(), "规划乙".into()),
            ],
            boxes: Vec::new(),
            departments: vec![(1, "省发改委".into()), (2, "省教育厅".into())],
        };
        let builder = Builder::new(&outline);
        let mut first = builder.part();
        let mut second = builder.part();
        builder.push(&mut first, row(1, 1, "第一章", Some("王敏"), &[2]));
        // The second part meets a new owner first, then the one the first part knows.
        builder.push(&mut second, row(7, 2, "第二章", Some("李强"), &[2, 2]));
        builder.push(&mut second, row(3, 2, "第一章", Some("王敏"), &[]));
        let data = builder.finish(
            ReadMark::default(),
            vec![first, second],
            Lists::default(),
            Directory::default(),
        );
        let names = |id: i64| {
            let item = data.item(id).unwrap();
            (
                data.name(item.chapter).unwrap(),
                data.name(item.owner).unwrap(),
                data.name(item.lead).unwrap(),
                item.co
                    .iter()
                    .map(|&d| data.name(d).unwrap())
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(names(1), ("第一章", "王敏", "省发改委", vec!["省教育厅"]));
        assert_eq!(names(7), ("第二章", "李强", "省发改委", vec!["省教育厅"]));
        assert_eq!(names(3), ("第一章", "王敏", "省发改委", vec![]));
        assert_eq!(
            data.items.iter().map(|i| i.id).collect::<Vec<_>>(),
            [1, 7, 3]
        );
        assert_eq!(data.item(1).unwrap().owner, data.item(3).unwrap().owner);
        assert_eq!(data.owners, ["王敏", "李强"]);
        assert_eq!(data.total().unwrap().items, 3);
        assert_eq!(
            data.by_plan().iter().map(|r| r.items).collect::<Vec<_>>(),
            [1, 2]
        );
        assert!(data.item(2).is_none());
    }
}
