//! The outline tree (篇/章/节 and their sub-points) as the walk meets its headings.

use super::lines::Numbered;
use super::{Level, OutlineNode};

/// The outline under construction: the open node at each level.
#[derive(Debug, Default)]
pub struct OutlineBuilder {
    pub roots: Vec<OutlineNode>,
    /// Path of indices from the roots to the deepest open node.
    path: Vec<(Level, usize)>,
}

impl OutlineBuilder {
    pub fn push(&mut self, level: Level, n: &Numbered, title: String) {
        while self.path.last().is_some_and(|(open, _)| *open >= level) {
            self.path.pop();
        }
        let node = OutlineNode {
            level,
            number: n.number,
            label: n.label.clone(),
            title,
            children: Vec::new(),
        };
        let siblings = self.children_of_open();
        siblings.push(node);
        let index = siblings.len() - 1;
        self.path.push((level, index));
    }

    fn children_of_open(&mut self) -> &mut Vec<OutlineNode> {
        let mut nodes = &mut self.roots;
        for (_, index) in &self.path {
            nodes = &mut nodes[*index].children;
        }
        nodes
    }
}
