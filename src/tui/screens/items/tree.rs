//! The Items screen's pointer and tree actions: a click on a node or a row, the tree's
//! nodes shown and their folds (a second `impl ItemsScreen`).

use super::super::super::snapshot::Snapshot;
use super::{Focus, ItemsScreen};

impl ItemsScreen {
    /// A click on the tree's node `node`: its rows are shown, the tree has the focus.
    pub fn click_node(&mut self, node: usize, data: &Snapshot, user: &str) {
        if node < data.tree.len() {
            self.focus = Focus::Tree;
            self.tree_selected = node;
            self.selected = 0;
            self.recompute(data, user);
        }
    }

    /// A click on the row at `index` of the table: selected; true when it already was
    /// (a second click opens it).
    pub fn click_row(&mut self, index: usize) -> bool {
        if index >= self.visible.len() {
            return false;
        }
        let again = self.focus == Focus::Table && self.selected == index;
        self.focus = Focus::Table;
        self.selected = index;
        again
    }

    /// The tree's selected node.
    pub fn tree_selected(&self) -> usize {
        self.tree_selected
    }

    /// The tree's nodes shown (none under a folded one), in order.
    pub fn shown_nodes(&self, data: &Snapshot) -> Vec<usize> {
        self.folds.shown(&data.tree)
    }

    /// `z`: fold or unfold the plan or chapter under the tree's cursor.
    pub fn toggle_fold(&mut self, data: &Snapshot) -> bool {
        self.folds.toggle(&data.tree, self.tree_selected)
    }

    /// Width of the tree beside the table in an area `width` cells wide.
    pub fn tree_width(width: u16) -> u16 {
        if width >= 120 { 34 } else { 22 }
    }
}
