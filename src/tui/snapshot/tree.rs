//! The Items screen's outline: plan → chapter → box with item counts, built in one pass
//! over the items as they load (in plan order).

use super::names::{NO_NAME, NameId, Names};
use super::{BoxName, Item, PlanName};
use std::collections::HashMap;

/// What part of the plans a tree node covers, by name: how a node is found again after a
/// reload, or from a roll-up row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Scope {
    pub plan: Option<String>,
    pub chapter: Option<String>,
    pub box_number: Option<u32>,
}

/// The same scope by ids, for matching items quickly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScopeIds {
    pub plan: Option<u32>,
    pub chapter: Option<NameId>,
    pub box_index: Option<u32>,
}

impl ScopeIds {
    pub fn contains(&self, item: &Item) -> bool {
        self.plan.is_none_or(|p| item.plan == p)
            && self.chapter.is_none_or(|c| item.chapter == c)
            && self.box_index.is_none_or(|b| item.box_index == b)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    pub depth: u8,
    pub label: String,
    pub scope: Scope,
    pub ids: ScopeIds,
    pub count: usize,
}

/// (chapter, count, boxes: (box index, count)).
type ChapterCounts = (NameId, usize, Vec<(u32, usize)>);

/// Counts of one plan's chapters and boxes, in first-seen order.
#[derive(Default)]
struct PlanCounts {
    count: usize,
    chapters: Vec<ChapterCounts>,
    chapter_slot: HashMap<NameId, usize>,
}

/// Collects counts while items load.
#[derive(Default)]
pub struct TreeBuilder {
    plans: Vec<(u32, PlanCounts)>,
    plan_slot: HashMap<u32, usize>,
    total: usize,
}

impl TreeBuilder {
    pub fn add(&mut self, item: &Item) {
        if !item.in_plan {
            return;
        }
        self.total += 1;
        let next = self.plans.len();
        let slot = *self.plan_slot.entry(item.plan).or_insert(next);
        if slot == next {
            self.plans.push((item.plan, PlanCounts::default()));
        }
        let plan = &mut self.plans[slot].1;
        plan.count += 1;
        if item.chapter == NO_NAME {
            return;
        }
        let next = plan.chapters.len();
        let slot = *plan.chapter_slot.entry(item.chapter).or_insert(next);
        if slot == next {
            plan.chapters.push((item.chapter, 0, Vec::new()));
        }
        let chapter = &mut plan.chapters[slot];
        chapter.1 += 1;
        if item.box_index == NO_NAME {
            return;
        }
        // Boxes of a chapter are few: a short linear search beats a map.
        match chapter.2.iter_mut().find(|(b, _)| *b == item.box_index) {
            Some(found) => found.1 += 1,
            None => chapter.2.push((item.box_index, 1)),
        }
    }

    pub fn finish(self, names: &Names, plans: &[PlanName], boxes: &[BoxName]) -> Vec<TreeNode> {
        let mut tree = vec![TreeNode {
            depth: 0,
            label: String::new(),
            scope: Scope::default(),
            ids: ScopeIds::default(),
            count: self.total,
        }];
        for (plan, counts) in self.plans {
            let Some(info) = plans.get(plan as usize) else {
                continue;
            };
            tree.push(TreeNode {
                depth: 1,
                label: info.name.clone(),
                scope: Scope {
                    plan: Some(info.key.clone()),
                    ..Scope::default()
                },
                ids: ScopeIds {
                    plan: Some(plan),
                    ..ScopeIds::default()
                },
                count: counts.count,
            });
            for (chapter, count, chapter_boxes) in counts.chapters {
                let chapter_name = names.get(chapter).unwrap_or_default().to_string();
                tree.push(TreeNode {
                    depth: 2,
                    label: chapter_name.clone(),
                    scope: Scope {
                        plan: Some(info.key.clone()),
                        chapter: Some(chapter_name.clone()),
                        box_number: None,
                    },
                    ids: ScopeIds {
                        plan: Some(plan),
                        chapter: Some(chapter),
                        box_index: None,
                    },
                    count,
                });
                for (box_index, count) in chapter_boxes {
                    let Some(b) = boxes.get(box_index as usize) else {
                        continue;
                    };
                    tree.push(TreeNode {
                        depth: 3,
                        label: format!("专栏{} {}", b.number, b.title),
                        scope: Scope {
                            plan: Some(info.key.clone()),
                            chapter: Some(chapter_name.clone()),
                            box_number: Some(b.number),
                        },
                        ids: ScopeIds {
                            plan: Some(plan),
                            chapter: Some(chapter),
                            box_index: Some(box_index),
                        },
                        count,
                    });
                }
            }
        }
        tree
    }
}
