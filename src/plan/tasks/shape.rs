//! The shape of the numbering around a node: whether its part holds measures, how its
//! siblings are numbered and filled, whether its paragraphs open with a title sentence.

use super::{Draft, MAX_RUN_IN_TITLE_CHARS, Reader};
use crate::plan::lines::{clause_title, ordinal_items};
use crate::plan::responsibility::Clause;

impl Reader<'_> {
    /// Whether leaves of this node's part are measures: in a document without clauses (and
    /// without 篇/章/节), or in a part where other measures carry clauses (a sibling whose
    /// clause was lost is still a measure).
    pub(super) fn leaf_allowed(&self, id: usize) -> bool {
        !self.options.sectioned
            && (self.options.leaf_tasks || self.clause_parts.contains(&self.top(id)))
    }

    /// A heading numbered like the groups around it (each over measures of its own) that
    /// holds nothing: a group left empty, as a misplaced heading is, not a measure.
    pub(super) fn empty_group(&self, id: usize) -> bool {
        let node = &self.tree.nodes[id];
        if !node.paragraphs.is_empty() || !node.children.is_empty() {
            return false;
        }
        // (siblings numbered alike, those of them with numbered lines under them)
        let (alike, groups) = self
            .sibling_groups
            .get(&(node.parent, node.rank))
            .copied()
            .unwrap_or((0, 0));
        alike > 1 && groups == alike - 1
    }

    /// Whether another node numbered the same way under the same heading carries a clause.
    pub(super) fn sibling_has_clause(&self, id: usize) -> bool {
        let node = &self.tree.nodes[id];
        let with_clause = self
            .clause_siblings
            .get(&(node.parent, node.rank))
            .copied()
            .unwrap_or(0);
        with_clause > usize::from(node.clause)
    }

    /// The outermost numbered line above a node (the node itself at the top).
    pub(super) fn top(&self, id: usize) -> usize {
        let mut top = id;
        while let Some(parent) = self.tree.nodes[top].parent {
            top = parent;
        }
        top
    }

    /// Whether a paragraph opens with a short title sentence ("突出重点事项攻坚。…").
    pub(super) fn is_run_in(&self, paragraph: usize) -> bool {
        let text = self.text(paragraph);
        let title = clause_title(text);
        title.len() < text.len() && title.chars().count() <= MAX_RUN_IN_TITLE_CHARS
    }

    /// Whether most paragraphs open with a short title sentence.
    pub(super) fn mostly_run_in(&self, paragraphs: &[usize]) -> bool {
        let run_in = paragraphs.iter().filter(|&&p| self.is_run_in(p)).count();
        run_in * 2 >= paragraphs.len()
    }

    /// A paragraph that lists measures inline ("今年再办好15件民生实事。一是…。二是…。"): one
    /// task per item, numbered as written ("一是"). Whether it did.
    pub(super) fn enumerated_tasks(&mut self, parent: usize, paragraph: usize) -> bool {
        let Some(items) = ordinal_items(self.text(paragraph)) else {
            return false;
        };
        for (number, text) in items {
            self.drafts.push(Draft {
                number,
                title: clause_title(&text).to_string(),
                body: vec![text],
                clause: Clause::default(),
                group: self.group(Some(parent)),
                chapter: self.chapter(parent),
                used: vec![paragraph],
            });
        }
        true
    }
}
