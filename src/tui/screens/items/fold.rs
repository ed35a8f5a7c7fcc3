//! Folding the plan tree (issue 18, point 3): a folded plan or chapter hides the nodes
//! under it. Folds are kept by scope (plan, chapter, box), so they hold across reloads.

use super::super::super::snapshot::{Scope, TreeNode};
use std::collections::HashSet;

#[derive(Debug, Clone, Default)]
pub struct Folds(HashSet<Scope>);

impl Folds {
    /// Whether `node` has nodes under it.
    pub fn has_children(tree: &[TreeNode], node: usize) -> bool {
        match (tree.get(node), tree.get(node + 1)) {
            (Some(this), Some(next)) => next.depth > this.depth,
            _ => false,
        }
    }

    pub fn is_folded(&self, node: &TreeNode) -> bool {
        self.0.contains(&node.scope)
    }

    /// Fold or unfold `node` (one with nodes under it); false when it has none.
    pub fn toggle(&mut self, tree: &[TreeNode], node: usize) -> bool {
        if !Self::has_children(tree, node) {
            return false;
        }
        let scope = tree[node].scope.clone();
        if !self.0.remove(&scope) {
            self.0.insert(scope);
        }
        true
    }

    /// The nodes shown, in tree order: none under a folded node.
    pub fn shown(&self, tree: &[TreeNode]) -> Vec<usize> {
        let mut shown = Vec::with_capacity(tree.len());
        let mut hidden_below: Option<u8> = None;
        for (index, node) in tree.iter().enumerate() {
            match hidden_below {
                Some(depth) if node.depth > depth => continue,
                _ => hidden_below = None,
            }
            shown.push(index);
            if self.is_folded(node) {
                hidden_below = Some(node.depth);
            }
        }
        shown
    }
}
