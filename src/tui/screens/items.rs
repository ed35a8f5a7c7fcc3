//! Items: a tree of plan → chapter → box on the left, the item table on the right, with
//! filters (`f`), search (`/`, Chinese substring or pinyin), sorting and selection.

use super::super::labels::{self, Lang};
use super::super::snapshot::Snapshot;
use super::super::view::View;
use super::super::widgets::{item_table, outline_tree};
use crate::store::ItemRow;
use crate::text::pinyin;
use crate::track::{Light, Pace, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use std::collections::{BTreeSet, HashSet};

/// What part of the plans a tree node covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub plan: Option<String>,
    pub chapter: Option<String>,
    pub box_number: Option<u32>,
}

impl Scope {
    fn contains(&self, item: &ItemRow) -> bool {
        self.plan.as_ref().is_none_or(|p| *p == item.plan_key)
            && self
                .chapter
                .as_ref()
                .is_none_or(|c| item.chapter.as_ref() == Some(c))
            && self.box_number.is_none_or(|b| item.box_number == Some(b))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeNode {
    pub depth: u8,
    pub label: String,
    pub scope: Scope,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Tree,
    #[default]
    Table,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Plan,
    Light,
    Progress,
    NextDue,
    Owner,
}

impl SortKey {
    fn next(self) -> SortKey {
        match self {
            SortKey::Plan => SortKey::Light,
            SortKey::Light => SortKey::Progress,
            SortKey::Progress => SortKey::NextDue,
            SortKey::NextDue => SortKey::Owner,
            SortKey::Owner => SortKey::Plan,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SortKey::Plan => lang.pick("规划顺序", "plan order"),
            SortKey::Light => lang.pick("预警灯", "light"),
            SortKey::Progress => lang.pick("进度", "progress"),
            SortKey::NextDue => lang.pick("下个节点", "next due"),
            SortKey::Owner => lang.pick("负责人", "owner"),
        }
    }
}

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

    /// `department` is the filter's department resolved to its short name, when known.
    fn keeps(&self, item: &ItemRow, user: &str, department: Option<&str>) -> bool {
        self.status.is_none_or(|s| item.status == s)
            && self.light.is_none_or(|l| item.health.light == l)
            && self.pace.is_none_or(|p| item.health.pace == p)
            && self
                .department
                .as_ref()
                .is_none_or(|typed| match department {
                    Some(short) => {
                        item.lead.as_deref() == Some(short) || item.co.iter().any(|c| c == short)
                    }
                    None => {
                        item.lead
                            .as_ref()
                            .is_some_and(|l| l.contains(typed.as_str()))
                            || item.co.iter().any(|c| c.contains(typed.as_str()))
                    }
                })
            && self
                .owner
                .as_ref()
                .is_none_or(|o| item.owner.as_deref() == Some(o.as_str()))
            && (!self.overdue || item.health.overdue > 0)
            && (!self.unassigned || item.owner.is_none())
            && (!self.mine || item.owner.as_deref() == Some(user))
    }
}

#[derive(Debug, Clone, Default)]
pub struct ItemsScreen {
    pub tree: Vec<TreeNode>,
    pub tree_selected: usize,
    pub focus: Focus,
    pub selected: usize,
    pub filter: ItemsFilter,
    pub filter_text: String,
    pub search: String,
    /// Items whose body matched the search in the store (titles are matched in memory).
    pub search_hits: HashSet<i64>,
    pub sort: SortKey,
    pub marked: BTreeSet<i64>,
    /// Indices into `Snapshot::items` of the rows shown, in order.
    pub visible: Vec<usize>,
}

impl ItemsScreen {
    /// Rebuild tree and rows after new data or a new filter, keeping the cursor on the
    /// same node and item.
    pub fn refresh(&mut self, data: &Snapshot, user: &str) {
        let tree_scope = self.tree.get(self.tree_selected).map(|n| n.scope.clone());
        let item_id = self.current(data).map(|i| i.id);
        self.tree = build_tree(data);
        self.tree_selected = tree_scope
            .and_then(|s| self.tree.iter().position(|n| n.scope == s))
            .unwrap_or(0);
        self.recompute(data, user);
        if let Some(id) = item_id
            && let Some(pos) = self.visible.iter().position(|&i| data.items[i].id == id)
        {
            self.selected = pos;
        }
    }

    /// Recompute the visible rows (scope, filter, search, sort).
    pub fn recompute(&mut self, data: &Snapshot, user: &str) {
        let scope = self
            .tree
            .get(self.tree_selected)
            .map(|n| n.scope.clone())
            .unwrap_or_default();
        let department = self
            .filter
            .department
            .as_deref()
            .and_then(|d| {
                data.department_names
                    .get(&crate::directory::normalize_name(d))
            })
            .map(String::as_str);
        let query = self.search.trim().to_string();
        let pinyin_query = pinyin::Query::new(&query.to_ascii_lowercase());
        self.visible = (0..data.items.len())
            .filter(|&i| {
                let item = &data.items[i];
                item.in_plan
                    && scope.contains(item)
                    && self.filter.keeps(item, user, department)
                    && (query.is_empty()
                        || item.title.contains(query.as_str())
                        || self.search_hits.contains(&item.id)
                        || pinyin_query
                            .as_ref()
                            .is_some_and(|q| data.pinyin.get(i).is_some_and(|k| q.matches(k))))
            })
            .collect();
        let items = &data.items;
        match self.sort {
            SortKey::Plan => {}
            SortKey::Light => self.visible.sort_by_key(|&i| items[i].health.light),
            SortKey::Progress => self.visible.sort_by_key(|&i| items[i].progress),
            SortKey::NextDue => self
                .visible
                .sort_by_key(|&i| (items[i].health.next_due.is_none(), items[i].health.next_due)),
            SortKey::Owner => self
                .visible
                .sort_by(|&a, &b| items[a].owner.cmp(&items[b].owner)),
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// The item under the cursor.
    pub fn current<'a>(&self, data: &'a Snapshot) -> Option<&'a ItemRow> {
        self.visible
            .get(self.selected)
            .and_then(|&i| data.items.get(i))
    }

    /// Items a bulk action applies to: the marked ones, else every visible one.
    pub fn targets(&self, data: &Snapshot) -> Vec<i64> {
        if self.marked.is_empty() {
            self.visible.iter().map(|&i| data.items[i].id).collect()
        } else {
            self.marked.iter().copied().collect()
        }
    }

    pub fn cycle_sort(&mut self, data: &Snapshot, user: &str) {
        self.sort = self.sort.next();
        self.recompute(data, user);
    }

    pub fn move_by(&mut self, delta: isize, data: &Snapshot, user: &str) {
        match self.focus {
            Focus::Table => self.selected = step(self.selected, delta, self.visible.len()),
            Focus::Tree => {
                self.tree_selected = step(self.tree_selected, delta, self.tree.len());
                self.selected = 0;
                self.recompute(data, user);
            }
        }
    }

    /// Show the items behind a roll-up row: a chapter or a department.
    pub fn drill(
        &mut self,
        data: &Snapshot,
        user: &str,
        chapter: Option<(String, String)>,
        department: Option<String>,
    ) {
        self.filter = ItemsFilter {
            department: department.clone(),
            ..ItemsFilter::default()
        };
        self.filter_text = department.map(|d| format!("dept:{d}")).unwrap_or_default();
        self.search.clear();
        self.search_hits.clear();
        let scope = match chapter {
            Some((plan, chapter)) => Scope {
                plan: Some(plan),
                chapter: Some(chapter),
                box_number: None,
            },
            None => Scope::default(),
        };
        self.tree_selected = self.tree.iter().position(|n| n.scope == scope).unwrap_or(0);
        self.selected = 0;
        self.focus = Focus::Table;
        self.recompute(data, user);
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let tree_width = if area.width >= 120 { 34 } else { 22 };
        let [tree_area, table_area] =
            Layout::horizontal([Constraint::Length(tree_width), Constraint::Min(40)]).areas(area);
        outline_tree::render(
            &self.tree,
            self.tree_selected,
            self.focus == Focus::Tree,
            view,
            tree_area,
            buf,
        );
        let rows: Vec<&ItemRow> = self.visible.iter().map(|&i| &view.data.items[i]).collect();
        let title = format!(
            "{} {}/{} | {} {}{}{}",
            labels::SHOWN.get(view.lang),
            self.visible.len(),
            view.data.items.iter().filter(|i| i.in_plan).count(),
            labels::SORT.get(view.lang),
            self.sort.label(view.lang),
            if self.search.is_empty() {
                String::new()
            } else {
                format!(" | /{}", self.search)
            },
            if self.filter_text.is_empty() {
                String::new()
            } else {
                format!(" | {}", self.filter_text)
            },
        );
        item_table::render(
            &rows,
            self.selected,
            &self.marked,
            self.focus == Focus::Table,
            &title,
            view,
            table_area,
            buf,
        );
    }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    current.saturating_add_signed(delta).min(len - 1)
}

/// Plan → chapter → box, with item counts.
fn build_tree(data: &Snapshot) -> Vec<TreeNode> {
    let live: Vec<&ItemRow> = data.items.iter().filter(|i| i.in_plan).collect();
    let mut tree = vec![TreeNode {
        depth: 0,
        label: String::new(),
        scope: Scope::default(),
        count: live.len(),
    }];
    let mut plans: Vec<(&str, &str)> = Vec::new();
    for item in &live {
        if !plans.iter().any(|(k, _)| *k == item.plan_key) {
            plans.push((&item.plan_key, &item.plan));
        }
    }
    for (key, name) in plans {
        let in_plan: Vec<&&ItemRow> = live.iter().filter(|i| i.plan_key == key).collect();
        let plan_scope = Scope {
            plan: Some(key.to_string()),
            ..Scope::default()
        };
        tree.push(TreeNode {
            depth: 1,
            label: name.to_string(),
            scope: plan_scope,
            count: in_plan.len(),
        });
        let mut chapters: Vec<Option<&String>> = Vec::new();
        for item in &in_plan {
            if !chapters.contains(&item.chapter.as_ref()) {
                chapters.push(item.chapter.as_ref());
            }
        }
        for chapter in chapters.into_iter().flatten() {
            let in_chapter: Vec<&&&ItemRow> = in_plan
                .iter()
                .filter(|i| i.chapter.as_ref() == Some(chapter))
                .collect();
            let scope = Scope {
                plan: Some(key.to_string()),
                chapter: Some(chapter.clone()),
                box_number: None,
            };
            tree.push(TreeNode {
                depth: 2,
                label: chapter.clone(),
                scope,
                count: in_chapter.len(),
            });
            let mut boxes: Vec<(u32, Option<&String>)> = Vec::new();
            for item in &in_chapter {
                if let Some(number) = item.box_number
                    && !boxes.iter().any(|(n, _)| *n == number)
                {
                    boxes.push((number, item.box_title.as_ref()));
                }
            }
            for (number, title) in boxes {
                let count = in_chapter
                    .iter()
                    .filter(|i| i.box_number == Some(number))
                    .count();
                let label = format!("专栏{number} {}", title.map_or("", String::as_str));
                let scope = Scope {
                    plan: Some(key.to_string()),
                    chapter: Some(chapter.clone()),
                    box_number: Some(number),
                };
                tree.push(TreeNode {
                    depth: 3,
                    label,
                    scope,
                    count,
                });
            }
        }
    }
    tree
}
