//! Items: a tree of plan → chapter → box on the left, the item table on the right, with
//! filters (`f`), search (`/`, Chinese substring or pinyin), sorting and selection.

use super::super::labels::{self, Lang};
use super::super::snapshot::{Item, Scope, ScopeIds, Snapshot};
use super::super::view::View;
use super::super::widgets::{item_table, outline_tree};
use super::step;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use std::collections::{BTreeSet, HashSet};

mod filter;
pub mod fold;
pub mod rank;
mod tree;

use filter::Criteria;
pub use filter::ItemsFilter;

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

/// The Items screen. Its fields are its own: the rows shown (`visible`) always follow
/// the tree node, filter, search and sort, and the cursor stays on a row; every change
/// goes through a method that keeps it so.
#[derive(Debug, Clone, Default)]
pub struct ItemsScreen {
    /// Index into `Snapshot::tree`.
    tree_selected: usize,
    /// Plans and chapters folded in the tree.
    folds: fold::Folds,
    focus: Focus,
    selected: usize,
    filter: ItemsFilter,
    filter_text: String,
    search: String,
    /// Items whose body matched the search in the store (titles are matched in memory).
    search_hits: HashSet<i64>,
    sort: SortKey,
    marked: BTreeSet<i64>,
    /// Indices into `Snapshot::items` of the rows shown, in order.
    visible: Vec<usize>,
    /// The last search's title matches, to narrow from while typing.
    title_matches: Option<TitleMatches>,
}

/// Rows (in scope and filter, in plan order) whose title matched `query`.
#[derive(Debug, Clone)]
struct TitleMatches {
    query: String,
    /// Tree node, filter, and whether the query was read as pinyin.
    context: (usize, ItemsFilter, bool),
    rows: Vec<usize>,
}

/// Where the cursors stand, by name and id, to find them again in new data.
pub struct Place {
    scope: Option<Scope>,
    item: Option<i64>,
}

impl ItemsScreen {
    /// Where the cursors stand (call before the data is replaced).
    pub fn place(&self, data: &Snapshot) -> Place {
        Place {
            scope: data.tree.get(self.tree_selected).map(|n| n.scope.clone()),
            item: self.current(data).map(|i| i.id),
        }
    }

    /// Recompute the rows after new data or a new filter, keeping the cursors on the
    /// same node and item.
    pub fn refresh(&mut self, data: &Snapshot, user: &str, place: Place) {
        // Rows may have changed: nothing to narrow from.
        self.title_matches = None;
        self.tree_selected = place
            .scope
            .and_then(|s| data.tree.iter().position(|n| n.scope == s))
            .unwrap_or(0);
        self.recompute(data, user);
        if let Some(id) = place.item
            && let Some(pos) = self.visible.iter().position(|&i| data.items[i].id == id)
        {
            self.selected = pos;
        }
    }

    fn scope(&self, data: &Snapshot) -> ScopeIds {
        data.tree
            .get(self.tree_selected)
            .map(|n| n.ids)
            .unwrap_or_default()
    }

    /// Rows `changed` (indices into the items) were re-read after a commit. In plan order
    /// only their own place in the list can change: each is added or taken out where it
    /// belongs, instead of a pass over every item. Other orders recompute.
    pub fn rows_changed(&mut self, data: &Snapshot, user: &str, changed: &[usize], place: Place) {
        if self.sort != SortKey::Plan
            || !self.search.is_empty()
            || data.tree.get(self.tree_selected).map(|n| &n.scope) != place.scope.as_ref()
        {
            return self.refresh(data, user, place);
        }
        // The cached search result may hold a row that no longer passes the filter.
        self.title_matches = None;
        let criteria = Criteria::new(
            &self.filter,
            &self.search,
            &self.search_hits,
            self.scope(data),
            data,
            user,
        );
        for &i in changed {
            let Some(item) = data.items.get(i) else {
                continue;
            };
            match (criteria.shows(item), self.visible.binary_search(&i)) {
                (true, Err(at)) => self.visible.insert(at, i),
                (false, Ok(at)) => {
                    self.visible.remove(at);
                }
                _ => {}
            }
        }
        self.selected = place
            .item
            .and_then(|id| self.visible.iter().position(|&i| data.items[i].id == id))
            .unwrap_or(self.selected)
            .min(self.visible.len().saturating_sub(1));
    }

    /// Recompute the visible rows (scope, filter, search, sort).
    pub fn recompute(&mut self, data: &Snapshot, user: &str) {
        let criteria = Criteria::new(
            &self.filter,
            &self.search,
            &self.search_hits,
            self.scope(data),
            data,
            user,
        );
        let context = (
            self.tree_selected,
            self.filter.clone(),
            criteria.pinyin.is_some(),
        );
        let items = &data.items;
        let mut visible: Vec<usize> = if criteria.query.is_empty() {
            self.title_matches = None;
            (0..items.len())
                .filter(|&i| criteria.passes(&items[i]))
                .collect()
        } else {
            let query = &criteria.query;
            // Typing extends the query: only the rows the shorter query matched can match
            // (a title containing the longer text contains the shorter; a pinyin spelling
            // of the longer query spells the shorter one too).
            let matched: Vec<usize> = match self.title_matches.take() {
                Some(last) if last.context == context && query.starts_with(&last.query) => last
                    .rows
                    .into_iter()
                    .filter(|&i| criteria.title_matches(&items[i]))
                    .collect(),
                _ => filter_indices(items.len(), |i| {
                    criteria.passes(&items[i]) && criteria.title_matches(&items[i])
                }),
            };
            self.title_matches = Some(TitleMatches {
                query: query.clone(),
                context,
                rows: matched.clone(),
            });
            let mut visible = matched;
            // Items whose body matched, from the store.
            let before = visible.len();
            visible.extend(
                self.search_hits
                    .iter()
                    .filter_map(|&id| data.index_of(id))
                    .filter(|&i| criteria.passes(&items[i])),
            );
            if visible.len() > before {
                visible.sort_unstable();
                visible.dedup();
            }
            visible
        };
        match self.sort {
            SortKey::Plan if !criteria.query.is_empty() => {
                rank::rank(&mut visible, items, &criteria.query)
            }
            SortKey::Plan => {}
            SortKey::Light => visible.sort_by_key(|&i| items[i].health.light),
            SortKey::Progress => visible.sort_by_key(|&i| items[i].progress),
            SortKey::NextDue => visible
                .sort_by_key(|&i| (items[i].health.next_due.is_none(), items[i].health.next_due)),
            SortKey::Owner => visible.sort_by_key(|&i| data.name(items[i].owner)),
        }
        self.visible = visible;
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// Indices into `Snapshot::items` of the rows shown, in order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }

    /// The row under the cursor (an index into `visible`).
    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The search in force.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// The filter in force, as typed.
    pub fn filter_text(&self) -> &str {
        &self.filter_text
    }

    pub fn marked(&self) -> &BTreeSet<i64> {
        &self.marked
    }

    /// A new search text: the rows follow, the cursor goes to the first.
    pub fn set_search(&mut self, text: &str, data: &Snapshot, user: &str) {
        self.search = text.to_string();
        self.search_hits.clear();
        self.selected = 0;
        self.recompute(data, user);
    }

    /// Items whose body matched `text` in the store: shown while `text` is still the
    /// search (an answer to an older search is dropped).
    pub fn body_hits(&mut self, text: &str, hits: HashSet<i64>, data: &Snapshot, user: &str) {
        if text == self.search {
            self.search_hits = hits;
            self.recompute(data, user);
        }
    }

    /// A new filter (and its text as typed): the rows follow, the cursor goes to the first.
    pub fn set_filter(&mut self, filter: ItemsFilter, text: String, data: &Snapshot, user: &str) {
        self.filter = filter;
        self.filter_text = text;
        self.selected = 0;
        self.recompute(data, user);
    }

    /// No filter, search or marks.
    pub fn clear(&mut self, data: &Snapshot, user: &str) {
        self.filter = ItemsFilter::default();
        self.filter_text.clear();
        self.search.clear();
        self.search_hits.clear();
        self.marked.clear();
        self.recompute(data, user);
    }

    /// Mark or unmark the row under the cursor and step down (no row's visibility changes).
    pub fn toggle_mark(&mut self, data: &Snapshot) {
        if let Some(id) = self.current(data).map(|i| i.id) {
            if !self.marked.remove(&id) {
                self.marked.insert(id);
            }
            self.selected = (self.selected + 1).min(self.visible.len().saturating_sub(1));
        }
    }

    /// Enter in the tree moves to the table (true); in the table it opens the row (false).
    pub fn enter_table(&mut self) -> bool {
        let from_tree = self.focus == Focus::Tree;
        self.focus = Focus::Table;
        from_tree
    }

    /// The item under the cursor.
    pub fn current<'a>(&self, data: &'a Snapshot) -> Option<&'a Item> {
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

    /// Show the items behind a roll-up row: a chapter or a department.
    /// Show what a roll-up row stands for: its chapter's items, or the items its filter
    /// keeps (a department in its role — from 牵头 lead items only —, an owner, the
    /// unassigned), with no search left over.
    pub fn drill(
        &mut self,
        data: &Snapshot,
        user: &str,
        (plan, chapter): (Option<String>, Option<String>),
        filter: ItemsFilter,
    ) {
        self.filter_text = filter.words(true).join(" ");
        self.filter = filter;
        self.search.clear();
        self.search_hits.clear();
        let scope = Scope {
            plan,
            chapter,
            box_number: None,
        };
        self.tree_selected = data.tree.iter().position(|n| n.scope == scope).unwrap_or(0);
        self.selected = 0;
        self.focus = Focus::Table;
        self.recompute(data, user);
    }

    /// What narrows the list, as chips for the title: ` [灯:红] [单位:住建] [/czt] [已选 3]
    /// F 清除`; empty when nothing does.
    pub fn chips(&self, lang: labels::Lang) -> String {
        let mut chips: Vec<String> = self.filter.words(lang == labels::Lang::Zh);
        if !self.search.is_empty() {
            chips.push(format!("/{}", self.search));
        }
        if !self.marked.is_empty() {
            chips.push(match lang {
                labels::Lang::Zh => format!("已选 {}", self.marked.len()),
                labels::Lang::En => format!("{} marked", self.marked.len()),
            });
        }
        if chips.is_empty() {
            return String::new();
        }
        let chips: String = chips.iter().map(|c| format!(" [{c}]")).collect();
        format!(
            " |{chips} {}",
            labels::Lang::pick(lang, "F 清除", "F clears")
        )
    }

    pub fn render(&self, view: &View<'_>, area: Rect, buf: &mut Buffer) {
        let tree_width = Self::tree_width(area.width);
        let [tree_area, table_area] =
            Layout::horizontal([Constraint::Length(tree_width), Constraint::Min(40)]).areas(area);
        outline_tree::render(
            &view.data.tree,
            &self.folds,
            self.tree_selected,
            self.focus == Focus::Tree,
            view,
            tree_area,
            buf,
        );
        let title = format!(
            "{} {}/{} | {} {}{}",
            labels::SHOWN.get(view.lang),
            self.visible.len(),
            view.data.live,
            labels::SORT.get(view.lang),
            self.sort.label(view.lang),
            self.chips(view.lang),
        );
        item_table::render(
            &self.visible,
            self.selected,
            &self.marked,
            self.focus == Focus::Table,
            &title,
            self.search.trim(),
            view,
            table_area,
            buf,
        );
    }
}

/// The indices below `len` that pass `keep`, in order; a long list is split over two
/// threads (a pinyin pass over every title of a large database is the slowest part of a
/// keystroke; BENCHMARKS.md has the figures).
fn filter_indices(len: usize, keep: impl Fn(usize) -> bool + Sync) -> Vec<usize> {
    const SPLIT_FROM: usize = 20_000;
    if len < SPLIT_FROM {
        return (0..len).filter(|&i| keep(i)).collect();
    }
    let middle = len / 2;
    let keep = &keep;
    std::thread::scope(|threads| {
        let later = threads.spawn(move || (middle..len).filter(|&i| keep(i)).collect::<Vec<_>>());
        let mut found: Vec<usize> = (0..middle).filter(|&i| keep(i)).collect();
        match later.join() {
            Ok(later) => found.extend(later),
            // The other half's thread died: do its share here.
            Err(_) => found.extend((middle..len).filter(|&i| keep(i))),
        }
        found
    })
}

impl super::Navigate for ItemsScreen {
    /// In the table, the row; in the tree, the node (and the rows with it).
    fn move_by(&mut self, delta: isize, ctx: &super::Ctx<'_>) {
        match self.focus {
            Focus::Table => self.selected = step(self.selected, delta, self.visible.len()),
            Focus::Tree => {
                let shown = self.folds.shown(&ctx.data.tree);
                let at = shown
                    .iter()
                    .position(|&n| n == self.tree_selected)
                    .unwrap_or(0);
                self.tree_selected = shown
                    .get(step(at, delta, shown.len()))
                    .copied()
                    .unwrap_or(0);
                self.selected = 0;
                self.recompute(ctx.data, ctx.user);
            }
        }
    }

    /// The tree and the table in turn.
    fn focus_next(&mut self, _ctx: &super::Ctx<'_>) {
        self.focus = match self.focus {
            Focus::Tree => Focus::Table,
            Focus::Table => Focus::Tree,
        };
    }
}
