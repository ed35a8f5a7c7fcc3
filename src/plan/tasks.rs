//! Tasks: the trackable measures of a document, with who is responsible for each.
//!
//! The lines nobody placed form a tree by their numbering (`task_tree.rs`). A task is then:
//! - a numbered line whose own text, or whose paragraphs below, carry a responsibility
//!   clause (`responsibility.rs`), or which is followed by label lines (牵头单位：…);
//! - an unnumbered paragraph with its own clause (a run-in task: "培育平台。……（责任单位：…）");
//! - a numbered sibling of such tasks (a measure whose clause was left out);
//! - in a document that writes no clause at all, or in a part where other measures carry one,
//!   a leaf of the tree — a numbered line with no numbered lines under it — outside the
//!   background parts (回顾, 形势, 指导思想, 基本原则, 目标, 意义 …): a heading over run-in
//!   paragraphs gives one task per paragraph, an inline list (一是…二是…) one per item, and a
//!   heading with a paragraph of its own above its sub-measures is a task too.
//!
//! A 规划 written in 篇/章/节 tracks its 专栏 items instead: there only clauses make tasks.

use super::coverage::{Marks, Placed};
use super::deadlines::{deadlines_of_time, find_deadlines_in};
use super::lines::ordinal_items;
use super::lines::{Kind, clause_title, collapse_spaces, is_heading_text};
use super::normalize::Line;
use super::responsibility::{
    Clause, find_clause, is_label_line, parse_label_lines, prose_clause, split_clause,
};
use super::task_tree::{Node, RANK_CN_ENUM, Tree, build_tree, is_background};
use super::{DepartmentRef, Role, Task};
use std::collections::{HashMap, HashSet};

/// How the tasks of one text are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct TaskOptions {
    /// Leaves of the numbering tree are tasks (no clause anywhere).
    pub leaf_tasks: bool,
    /// The document is written in 篇/章/节: its sub-points are outline, only clauses make tasks.
    pub sectioned: bool,
    /// The year of a month or quarter written without one.
    pub year: Option<i32>,
}

/// Longest title sentence of a run-in paragraph ("突出重点事项攻坚。").
const MAX_RUN_IN_TITLE_CHARS: usize = 20;

/// A task being assembled.
struct Draft {
    number: String,
    title: String,
    body: Vec<String>,
    clause: Clause,
    group: Option<String>,
    chapter: Option<String>,
    /// Line indices it was read from.
    used: Vec<usize>,
}

/// Reads tasks off the tree.
struct Reader<'a> {
    lines: &'a [Line],
    tree: &'a Tree,
    options: TaskOptions,
    drafts: Vec<Draft>,
    /// Whether each line carries a responsibility clause.
    clauses: &'a [bool],
    /// Top-level nodes whose part holds a responsibility clause.
    clause_parts: Vec<usize>,
    /// How many nodes with a clause each (parent, rank) has.
    clause_siblings: HashMap<(Option<usize>, u8), usize>,
    /// Whether each node sits in a background part.
    background: Vec<bool>,
    /// (parent, rank) of headings over run-in paragraphs, each paragraph a measure.
    run_in_groups: HashSet<(Option<usize>, u8)>,
    /// Per (parent, rank): how many nodes are numbered so, and how many of them hold
    /// numbered lines of their own.
    sibling_groups: HashMap<(Option<usize>, u8), (usize, usize)>,
}

impl Reader<'_> {
    fn text(&self, index: usize) -> &str {
        &self.lines[index].text
    }

    fn ancestors(&self, node: usize) -> impl Iterator<Item = &Node> {
        let mut next = self.tree.nodes[node].parent;
        std::iter::from_fn(move || {
            let id = next?;
            next = self.tree.nodes[id].parent;
            Some(&self.tree.nodes[id])
        })
    }

    /// Whether a node sits in a background part: one of its headings says so (its own
    /// title counts only at chapter level: a measure may well name a 基础 or a 目标).
    fn in_background(&self, node: usize) -> bool {
        self.background.get(node).copied().unwrap_or(false)
    }

    /// Whether each node sits in a background part, read once for the tree.
    fn backgrounds(&self) -> Vec<bool> {
        let mut background: Vec<bool> = Vec::with_capacity(self.tree.nodes.len());
        for node in &self.tree.nodes {
            // Parents come before their children: their answer is known.
            let own = node.rank <= RANK_CN_ENUM && is_background(&node.title(&node.numbered.rest));
            let inherited = node.parent.is_some_and(|p| {
                let parent = &self.tree.nodes[p];
                background[p]
                    || parent.rank > RANK_CN_ENUM
                        && is_background(&parent.title(&parent.numbered.rest))
            });
            background.push(own || inherited);
        }
        background
    }

    /// The chapter a node sits in: its outermost 章 or 一、 ancestor.
    fn chapter(&self, node: usize) -> Option<String> {
        let ancestors: Vec<&Node> = self.ancestors(node).collect();
        ancestors
            .iter()
            .rev()
            .find(|n| n.rank == 1)
            .or_else(|| ancestors.iter().rev().find(|n| n.rank == RANK_CN_ENUM))
            .or_else(|| ancestors.last())
            .map(|n| n.display())
    }

    fn group(&self, node: Option<usize>) -> Option<String> {
        node.map(|id| self.tree.nodes[id].display())
    }

    /// The body texts of paragraphs without their clauses, and the clause they give: each
    /// paragraph's own clause, and the label lines among them read together.
    fn read_paragraphs(&self, paragraphs: &[usize]) -> (Vec<String>, Clause) {
        let mut body = Vec::new();
        let mut clause = Clause::default();
        let mut labels: Vec<&str> = Vec::new();
        for &p in paragraphs {
            let text = self.text(p);
            if is_label_line(text) {
                labels.push(text);
                continue;
            }
            let (text, found) = split_clause(text);
            clause.merge(found.unwrap_or_default());
            if !text.is_empty() {
                body.push(text);
            }
        }
        clause.merge(parse_label_lines(&labels).unwrap_or_default());
        (body, clause)
    }

    /// A task from a node: its own line, the paragraphs given, label lines merged.
    fn node_task(&mut self, id: usize, paragraphs: &[usize]) {
        let node = &self.tree.nodes[id];
        let own = split_clause(&node.numbered.rest);
        let mut clause = own.1.unwrap_or_default();
        let mut body = Vec::new();
        let mut used = vec![node.index];
        let heading = is_heading_text(&own.0) && !paragraphs.is_empty();
        if !heading {
            body.push(own.0.clone());
        }
        let (texts, found) = self.read_paragraphs(paragraphs);
        clause.merge(found);
        if clause.is_empty()
            && let Some(prose) = std::iter::once(&own.0)
                .chain(&texts)
                .find_map(|t| prose_clause(t))
        {
            clause = prose;
        }
        body.extend(texts);
        used.extend_from_slice(paragraphs);
        let title = if heading {
            node.title(&own.0)
        } else {
            clause_title(&own.0).to_string()
        };
        self.drafts.push(Draft {
            number: node.number(),
            title,
            body,
            clause,
            group: self.group(node.parent),
            chapter: self.chapter(id),
            used,
        });
    }

    /// A run-in task: an unnumbered paragraph with its own clause, and label lines after it.
    fn run_in_task(&mut self, parent: Option<usize>, paragraphs: &[usize]) {
        let (body, clause) = self.read_paragraphs(paragraphs);
        let Some(text) = body.first() else {
            return;
        };
        self.drafts.push(Draft {
            number: String::new(),
            title: clause_title(text).to_string(),
            body,
            clause,
            group: self.group(parent),
            chapter: parent.and_then(|p| {
                self.chapter(p)
                    .or_else(|| Some(self.tree.nodes[p].display()))
            }),
            used: paragraphs.to_vec(),
        });
    }

    /// The paragraphs of a node (or the root) as runs: a paragraph and the label lines after it.
    fn runs(&self, paragraphs: &[usize]) -> Vec<Vec<usize>> {
        let mut runs: Vec<Vec<usize>> = Vec::new();
        for &p in paragraphs {
            match runs.last_mut() {
                Some(run) if is_label_line(self.text(p)) => run.push(p),
                _ => runs.push(vec![p]),
            }
        }
        runs
    }

    fn has_clause(&self, run: &[usize]) -> bool {
        run.iter().any(|&p| self.clauses[p])
    }

    fn read_node(&mut self, id: usize) {
        let node = &self.tree.nodes[id];
        // A speech's address to its audience ("各位代表！") closes what the heading holds.
        let paragraphs: Vec<usize> = node
            .paragraphs
            .iter()
            .copied()
            .take_while(|&p| !is_address(self.text(p)))
            .collect();
        let leaf = node.children.is_empty();
        let own_clause = find_clause(&node.numbered.rest).is_some();
        let runs = self.runs(&paragraphs);
        let clause_runs: Vec<usize> = (0..runs.len())
            .filter(|&r| self.has_clause(&runs[r]))
            .collect();
        // Label lines straight under the numbered line belong to it.
        let labels_first = paragraphs
            .first()
            .is_some_and(|&p| is_label_line(self.text(p)));
        if own_clause || labels_first {
            // Its label lines, and the paragraphs up to the first one with a clause of its own.
            let own_runs = if labels_first {
                1
            } else {
                clause_runs.first().copied().unwrap_or(runs.len())
            };
            let mine: Vec<usize> = runs[..own_runs].iter().flatten().copied().collect();
            self.node_task(id, &mine);
            for r in clause_runs.into_iter().filter(|&r| r >= own_runs) {
                self.run_in_task(Some(id), &runs[r].clone());
            }
            return;
        }
        if clause_runs.len() == 1 && leaf {
            // A heading (or a numbered sentence) whose paragraph closes with the clause.
            let last = clause_runs[0];
            let mine: Vec<usize> = runs[..=last].iter().flatten().copied().collect();
            self.node_task(id, &mine);
            return;
        }
        if !clause_runs.is_empty() {
            // A heading whose own paragraph (no title sentence of its own) comes first: that
            // paragraph is the heading's measure, the later ones are measures of their own.
            let first = clause_runs[0];
            let owns_first = leaf
                && first == 0
                && is_heading_text(&node.numbered.rest)
                && !self.is_run_in(runs[0][0]);
            let rest = if owns_first {
                self.node_task(id, &runs[0].clone());
                &clause_runs[1..]
            } else {
                &clause_runs[..]
            };
            for &r in rest {
                self.run_in_task(Some(id), &runs[r].clone());
            }
            return;
        }
        // A measure that says in its prose who leads it and who helps ("由A牵头，B配合").
        let prose = || {
            std::iter::once(node.numbered.rest.as_str())
                .chain(paragraphs.iter().map(|&p| self.text(p)))
                .any(|t| prose_clause(t).is_some())
        };
        if leaf && !self.in_background(id) && prose() {
            self.node_task(id, &paragraphs);
            return;
        }
        // Numbered like siblings that carry clauses: a measure whose clause was left out.
        let sibling_clause = self.sibling_has_clause(id);
        if !self.leaf_allowed(id) || self.in_background(id) && !sibling_clause {
            return;
        }
        if !leaf {
            // A heading whose own paragraph states a measure before its sub-measures; at
            // chapter level, where a paragraph mostly orients, only one that sets a date.
            let dated = || {
                paragraphs
                    .iter()
                    .any(|&p| !find_deadlines_in(self.text(p), self.options.year).is_empty())
            };
            // Sub-measures that name who answers for them make the heading their group, and
            // its paragraph an orientation.
            let assigned_below = node.children.iter().any(|&c| self.tree.nodes[c].clause);
            if !paragraphs.is_empty() && !assigned_below && (node.rank > RANK_CN_ENUM || dated()) {
                self.node_task(id, &paragraphs);
            }
            return;
        }
        let heading = is_heading_text(&node.numbered.rest);
        let sub_heading = node.rank > RANK_CN_ENUM;
        // A heading among groups of run-in measures holds a measure too, even when it has
        // but one paragraph (its first sentence is the measure's title).
        let among_groups = paragraphs.len() == 1
            && self.run_in_groups.contains(&(node.parent, node.rank))
            && ordinal_items(self.text(paragraphs[0])).is_none();
        if among_groups && heading && sub_heading {
            self.run_in_task(Some(id), &paragraphs);
        } else if heading && sub_heading && paragraphs.len() >= 2 && self.mostly_run_in(&paragraphs)
        {
            // A heading over run-in paragraphs ("突出重点事项攻坚。制定…"): each paragraph is
            // a measure, from the first run-in one on (a paragraph that orients the group
            // comes first); the heading groups them.
            let first = paragraphs
                .iter()
                .position(|&p| self.is_run_in(p))
                .unwrap_or(0);
            for &p in &paragraphs[first..] {
                if !self.enumerated_tasks(id, p) {
                    self.run_in_task(Some(id), &[p]);
                }
            }
        } else if paragraphs.len() == 1 && self.enumerated_tasks(id, paragraphs[0]) {
            // The paragraph's inline items are the measures.
        } else if !heading
            || (!paragraphs.is_empty() || ends_sentence(&node.numbered.rest))
                && !self.empty_group(id)
            || sibling_clause
        {
            // A numbered measure: a sentence, or a heading with its paragraphs.
            self.node_task(id, &paragraphs);
        }
    }
}

/// Words a work report addresses its audience with.
const ADDRESSES: &[&str] = &["各位代表", "同志们", "各位委员"];

/// "各位代表！", "各位代表，…": a speech turning to its audience, not a measure.
fn is_address(text: &str) -> bool {
    ADDRESSES.iter().any(|a| text.starts_with(a))
}

/// A numbered line that closes a sentence is a measure, not a bare heading.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['。', '；', '！', ';'])
}

/// Every task of a text (lines placed elsewhere — boxes, tables, glossary — are skipped);
/// the lines used are marked.
pub fn parse_tasks(
    lines: &[Line],
    kinds: &[Kind],
    clauses: &[bool],
    marks: &mut Marks,
    options: TaskOptions,
) -> Vec<Task> {
    let tree = build_tree(lines, kinds, clauses, marks);
    let mut reader = Reader {
        lines,
        tree: &tree,
        options,
        drafts: Vec::new(),
        clauses,
        clause_parts: Vec::new(),
        clause_siblings: HashMap::new(),
        background: Vec::new(),
        run_in_groups: HashSet::new(),
        sibling_groups: HashMap::new(),
    };
    reader.background = reader.backgrounds();
    for node in &tree.nodes {
        let counts = reader
            .sibling_groups
            .entry((node.parent, node.rank))
            .or_default();
        counts.0 += 1;
        counts.1 += usize::from(!node.children.is_empty());
        let grouped = node.rank > RANK_CN_ENUM
            && node.children.is_empty()
            && node.paragraphs.len() >= 2
            && is_heading_text(&node.numbered.rest)
            && reader.mostly_run_in(&node.paragraphs);
        if grouped {
            reader.run_in_groups.insert((node.parent, node.rank));
        }
    }
    for id in 0..tree.nodes.len() {
        let node = &tree.nodes[id];
        if !node.clause {
            continue;
        }
        *reader
            .clause_siblings
            .entry((node.parent, node.rank))
            .or_default() += 1;
        let top = reader.top(id);
        if !reader.clause_parts.contains(&top) {
            reader.clause_parts.push(top);
        }
    }
    let root_runs = reader.runs(&tree.root_paragraphs);
    for run in root_runs {
        if reader.has_clause(&run) && !is_label_line(reader.text(run[0])) {
            reader.run_in_task(None, &run);
        }
    }
    for id in 0..tree.nodes.len() {
        reader.read_node(id);
    }
    let background = std::mem::take(&mut reader.background);
    let mut drafts = reader.drafts;
    drafts.sort_by_key(|d| d.used.first().copied().unwrap_or(0));
    let mut tasks = Vec::with_capacity(drafts.len());
    let mut shared: Vec<String> = Vec::new();
    for draft in drafts {
        for &index in &draft.used {
            marks.set(index, Placed::Task);
        }
        shared.extend(draft.clause.shared.iter().cloned());
        tasks.push(finish(draft, lines, &shared, options.year));
    }
    // Headings (and paragraphs heading the numbered lines below them) are outline, and so is
    // whatever a background part numbers; a numbered paragraph that became no task stays
    // unplaced, for the coverage report to show.
    for (id, node) in tree.nodes.iter().enumerate() {
        let groups = !node.children.is_empty();
        if groups || is_heading_text(&node.numbered.rest) || background[id] {
            marks.set_if_free(node.index, Placed::Outline);
        }
    }
    tasks
}

fn finish(draft: Draft, lines: &[Line], shared: &[String], year: Option<i32>) -> Task {
    let body = collapse_spaces(&draft.body.join(""));
    let mut departments: Vec<DepartmentRef> = Vec::new();
    let mut add = |name: &str, role: Role| {
        if !departments.iter().any(|d| d.name == name) {
            departments.push(DepartmentRef {
                name: name.to_string(),
                role,
            });
        }
    };
    for name in &draft.clause.lead {
        add(name, Role::Lead);
    }
    for name in draft.clause.co.iter().chain(shared) {
        add(name, Role::Co);
    }
    let mut deadlines = find_deadlines_in(&body, year);
    if let Some(time) = &draft.clause.time {
        for d in deadlines_of_time(time, year) {
            if !deadlines.iter().any(|e| e.due == d.due) {
                deadlines.push(d);
            }
        }
    }
    let title = if draft.title.is_empty() {
        clause_title(&body).to_string()
    } else {
        collapse_spaces(&draft.title)
    };
    Task {
        number: draft.number,
        group: draft.group,
        chapter: draft.chapter,
        title,
        body,
        departments,
        deadlines,
        line: draft.used.first().map(|&i| lines[i].no),
    }
}

mod shape;
#[cfg(test)]
mod tests;
