//! Building a snapshot from the rows `Store::scan_rows` lends, in parts read on two
//! threads, merged into one set of interned names.

use super::names::{NO_NAME, NameId, Names};
use super::tree::TreeBuilder;
use super::{BoxName, Directory, IdMaps, Item, Lists, NOT_LOADED, PlanName, Snapshot};
use crate::store::{Outline, ReadMark, RowView};

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
            snapshot.projects += usize::from(item.project.is_some());
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
pub(super) fn intern_item(names: &mut Names, ids: &IdMaps, row: &RowView<'_>) -> Item {
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
        project: row.project.map(Box::new),
    }
}

fn clean(text: &str) -> String {
    crate::text::sanitize::for_display(text).into_owned()
}

/// A name, or none when missing or empty (empty names count as missing everywhere).
fn named(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.is_empty())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::*;
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
            project: None,
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
