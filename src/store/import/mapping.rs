//! Which stored box and item each box and item of a plan text is (`track::identity` for
//! items, titles for boxes), computed the same way for the preview (`import --dry-run`,
//! the question before an import) and for the import itself. Also the stable keys the
//! text's items get: unique within the text by construction (parent, title, and the
//! occurrence of that title in its parent).

use crate::plan::{Deadline, DepartmentRef, MergedPlan, title_key};
use crate::store::error::Result;
use crate::track::identity::{self, Candidate, Decision, Matching, Relation};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// A person's decision about a stored item, for `import --map`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemDecision {
    /// Stored item `item` is the text item at `text` (1-based, in the order the mapping
    /// lists the plan's items: box items box by box, then tasks).
    Same { item: i64, text: usize },
    /// Stored item `item` is none of the text's items.
    NotInText { item: i64 },
}

/// One line of the mapping shown before an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MappingLine {
    /// kept, text_changed, renumbered, moved, retitled, new, missing, back, uncertain.
    pub relation: &'static str,
    /// The stored item.
    pub item: Option<i64>,
    /// The text item: 1-based position among the plan's items in the text.
    pub text: Option<usize>,
    pub old_title: Option<String>,
    pub new_title: Option<String>,
    pub old_number: Option<String>,
    pub new_number: Option<String>,
    /// Where it sits (box title or task group), before and in the text.
    pub old_place: Option<String>,
    pub new_place: Option<String>,
    /// Similarity of an uncertain pair, in percent.
    pub score: Option<u8>,
}

/// A box as stored.
#[derive(Debug)]
pub(super) struct StoredBox {
    pub id: i64,
    pub number: u32,
    pub title: Option<String>,
}

/// An item as stored.
#[derive(Debug)]
pub(super) struct StoredItem {
    pub id: i64,
    pub stable_key: String,
    pub kind: String,
    pub box_id: Option<i64>,
    pub chapter: Option<String>,
    pub section: Option<String>,
    pub number: Option<String>,
    pub group: Option<String>,
    pub title: String,
    pub body: String,
    pub position: i64,
    pub in_plan: bool,
    /// The box title or group it sits in, for the mapping.
    pub place: Option<String>,
    /// What `track::identity` compares as its parent.
    pub parent: String,
}

/// An item as the plan text gives it.
pub(super) struct TextItem<'a> {
    pub stable_key: String,
    pub kind: &'static str,
    /// Index of its box in the plan's boxes.
    pub box_index: Option<usize>,
    pub chapter: Option<&'a str>,
    pub section: Option<&'a str>,
    pub number: Option<&'a str>,
    pub group: Option<&'a str>,
    pub title: &'a str,
    pub body: &'a str,
    pub departments: &'a [DepartmentRef],
    pub deadlines: &'a [Deadline],
    pub place: Option<&'a str>,
    pub parent: String,
}

/// Everything decided about one plan before anything is written.
pub(super) struct Mapping<'a> {
    /// Per text box: the stored box it is (index into `stored_boxes`).
    pub boxes: Vec<Option<usize>>,
    pub stored_boxes: Vec<StoredBox>,
    pub items: Vec<TextItem<'a>>,
    pub stored: Vec<StoredItem>,
    pub matching: Matching,
}

/// How a box is named when it has no title.
fn box_key(number: u32, title: Option<&str>) -> String {
    match title.map(title_key).filter(|t| !t.is_empty()) {
        Some(title) => title,
        None => format!("专栏{number}"),
    }
}

/// The text's items in plan order, with stable keys unique within the text: parent,
/// title (or number, or the opening of the text), and the occurrence of that within the
/// parent ("#2" for the second).
fn text_items(plan: &MergedPlan) -> Vec<TextItem<'_>> {
    let mut items = Vec::new();
    for (index, b) in plan.plan.boxes.iter().enumerate() {
        let parent = box_key(b.number, b.title.as_deref());
        for item in &b.items {
            items.push(TextItem {
                stable_key: format!(
                    "b/{parent}/{}",
                    item_key(&item.title, item.number.as_deref(), &item.body)
                ),
                kind: "box_item",
                box_index: Some(index),
                chapter: b.chapter.as_deref(),
                section: b.section.as_deref(),
                number: item.number.as_deref(),
                group: item.group.as_deref(),
                title: &item.title,
                body: &item.body,
                departments: &item.departments,
                deadlines: &item.deadlines,
                place: b.title.as_deref(),
                parent: String::new(),
            });
        }
    }
    for task in &plan.plan.tasks {
        let group = task.group.as_deref().or(task.chapter.as_deref());
        let parent = group.map(title_key).unwrap_or_default();
        items.push(TextItem {
            stable_key: format!(
                "t/{parent}/{}",
                item_key(&task.title, Some(&task.number), &task.body)
            ),
            kind: "task",
            box_index: None,
            chapter: task.chapter.as_deref(),
            section: task.group.as_deref(),
            number: Some(&task.number),
            group: task.group.as_deref(),
            title: &task.title,
            body: &task.body,
            departments: &task.departments,
            deadlines: &task.deadlines,
            place: group,
            parent,
        });
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in &mut items {
        let n = seen.entry(item.stable_key.clone()).or_default();
        *n += 1;
        if *n > 1 {
            item.stable_key = format!("{}#{n}", item.stable_key);
        }
    }
    items
}

fn item_key(title: &str, number: Option<&str>, body: &str) -> String {
    let title = title_key(title);
    if !title.is_empty() {
        return title;
    }
    match number.map(title_key).filter(|n| !n.is_empty()) {
        Some(number) => format!("№{number}"),
        None => title_key(body).chars().take(24).collect(),
    }
}

fn read_boxes(conn: &Connection, plan: Option<i64>) -> Result<Vec<StoredBox>> {
    let Some(plan) = plan else {
        return Ok(Vec::new());
    };
    Ok(conn
        .prepare_cached("SELECT id, number, title FROM plan_box WHERE plan_id = ?1 ORDER BY id")?
        .query_map([plan], |r| {
            Ok(StoredBox {
                id: r.get("id")?,
                number: r.get("number")?,
                title: r.get("title")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

fn read_items(conn: &Connection, plan: Option<i64>) -> Result<Vec<StoredItem>> {
    let Some(plan) = plan else {
        return Ok(Vec::new());
    };
    Ok(conn
        .prepare_cached(
            "SELECT i.id, i.stable_key, i.kind, i.box_id, i.chapter, i.section, i.number, i.grp, i.title, i.body,
                    i.position, i.in_plan, b.title AS box_title
             FROM item i LEFT JOIN plan_box b ON b.id = i.box_id WHERE i.plan_id = ?1 ORDER BY i.position, i.id",
        )?
        .query_map([plan], |r| {
            let kind: String = r.get("kind")?;
            let group: Option<String> = r.get("grp")?;
            let chapter: Option<String> = r.get("chapter")?;
            let box_id: Option<i64> = r.get("box_id")?;
            let place = match kind.as_str() {
                "box_item" => r.get("box_title")?,
                _ => group.clone().or_else(|| chapter.clone()),
            };
            let parent = match (kind.as_str(), box_id) {
                ("box_item", Some(b)) => format!("b{b}"),
                _ => place.as_deref().map(title_key).unwrap_or_default(),
            };
            Ok(StoredItem {
                id: r.get("id")?,
                stable_key: r.get("stable_key")?,
                kind,
                box_id,
                chapter,
                section: r.get("section")?,
                number: r.get("number")?,
                group,
                title: r.get("title")?,
                body: r.get("body")?,
                position: r.get("position")?,
                in_plan: r.get::<_, i64>("in_plan")? != 0,
                place,
                parent,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Boxes are the same box when their titles are; untitled (or unmatched) boxes fall back
/// on their number among the boxes left.
fn match_boxes(plan: &MergedPlan, stored: &[StoredBox]) -> Vec<Option<usize>> {
    let mut taken = vec![false; stored.len()];
    let mut found = vec![None; plan.plan.boxes.len()];
    for (t, b) in plan.plan.boxes.iter().enumerate() {
        let Some(title) = b.title.as_deref().map(title_key).filter(|k| !k.is_empty()) else {
            continue;
        };
        if let Some(s) = (0..stored.len()).find(|&s| {
            !taken[s]
                && stored[s].title.as_deref().map(title_key).as_deref() == Some(title.as_str())
        }) {
            taken[s] = true;
            found[t] = Some(s);
        }
    }
    for (t, b) in plan.plan.boxes.iter().enumerate() {
        if found[t].is_some() {
            continue;
        }
        let fits = |s: usize| {
            !taken[s]
                && stored[s].number == b.number
                && (b.title.is_none() || stored[s].title.is_none())
        };
        if let Some(s) = (0..stored.len()).find(|&s| fits(s)) {
            taken[s] = true;
            found[t] = Some(s);
        }
    }
    found
}

/// Read what the plan has, and decide which stored box and item each of the text's is.
pub(super) fn map_plan<'a>(
    conn: &Connection,
    plan_id: Option<i64>,
    plan: &'a MergedPlan,
    decisions: &[ItemDecision],
) -> Result<Mapping<'a>> {
    let stored_boxes = read_boxes(conn, plan_id)?;
    let stored = read_items(conn, plan_id)?;
    let boxes = match_boxes(plan, &stored_boxes);
    let mut items = text_items(plan);
    // A box item's parent is its box: the stored box it is, or a new one.
    for item in &mut items {
        if let Some(index) = item.box_index {
            item.parent = match boxes[index] {
                Some(s) => format!("b{}", stored_boxes[s].id),
                None => format!("new{index}"),
            };
        }
    }
    let candidate = |kind, parent, number, title, body| Candidate {
        kind,
        parent,
        number,
        title,
        body,
    };
    let stored_candidates: Vec<Candidate<'_>> = stored
        .iter()
        .map(|s| {
            candidate(
                s.kind.as_str(),
                s.parent.as_str(),
                s.number.as_deref(),
                s.title.as_str(),
                s.body.as_str(),
            )
        })
        .collect();
    let text_candidates: Vec<Candidate<'_>> = items
        .iter()
        .map(|t| candidate(t.kind, t.parent.as_str(), t.number, t.title, t.body))
        .collect();
    let index_of: HashMap<i64, usize> = stored.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
    let decided: Vec<Decision> = decisions
        .iter()
        .filter_map(|d| match *d {
            ItemDecision::Same { item, text } => Some(Decision::Same {
                stored: *index_of.get(&item)?,
                text: text.checked_sub(1)?,
            }),
            ItemDecision::NotInText { item } => Some(Decision::NotInText {
                stored: *index_of.get(&item)?,
            }),
        })
        .collect();
    let matching = if stored.is_empty() {
        Matching {
            matched: vec![None; items.len()],
            uncertain: Vec::new(),
        }
    } else {
        identity::match_items(&stored_candidates, &text_candidates, &decided)
    };
    Ok(Mapping {
        boxes,
        stored_boxes,
        items,
        stored,
        matching,
    })
}

impl Mapping<'_> {
    /// The stored items no text item is (nor an uncertain pair's).
    pub fn unmatched_stored(&self) -> Vec<usize> {
        let mut used = vec![false; self.stored.len()];
        for (s, _) in self.matching.matched.iter().flatten() {
            used[*s] = true;
        }
        for u in &self.matching.uncertain {
            used[u.stored] = true;
        }
        (0..self.stored.len()).filter(|&s| !used[s]).collect()
    }

    /// The mapping as shown: every item that is not simply kept, for a plan that existed;
    /// nothing item by item for a new plan (everything is new).
    pub fn lines(&self) -> Vec<MappingLine> {
        let mut lines = Vec::new();
        if self.stored.is_empty() {
            return lines;
        }
        let uncertain_text: HashMap<usize, &identity::Uncertain> = self
            .matching
            .uncertain
            .iter()
            .map(|u| (u.text, u))
            .collect();
        for (t, item) in self.items.iter().enumerate() {
            let mut line = MappingLine {
                relation: "new",
                item: None,
                text: Some(t + 1),
                old_title: None,
                new_title: Some(item.title.to_string()),
                old_number: None,
                new_number: item.number.map(str::to_string),
                old_place: None,
                new_place: item.place.map(str::to_string),
                score: None,
            };
            let stored = match (self.matching.matched[t], uncertain_text.get(&t)) {
                (Some((s, relation)), _) => {
                    line.relation = match relation {
                        Relation::Kept => "kept",
                        Relation::TextChanged => "text_changed",
                        Relation::Renumbered => "renumbered",
                        Relation::Moved => "moved",
                        Relation::Retitled => "retitled",
                    };
                    if !self.stored[s].in_plan {
                        line.relation = "back";
                    }
                    Some(s)
                }
                (None, Some(u)) => {
                    line.relation = "uncertain";
                    line.score = Some((u.score * 100.0).round().clamp(0.0, 100.0) as u8);
                    Some(u.stored)
                }
                (None, None) => None,
            };
            if let Some(s) = stored {
                let s = &self.stored[s];
                line.item = Some(s.id);
                line.old_title = Some(s.title.clone());
                line.old_number = s.number.clone();
                line.old_place = s.place.clone();
            }
            if line.relation != "kept" {
                lines.push(line);
            }
        }
        for s in self.unmatched_stored() {
            let s = &self.stored[s];
            if !s.in_plan {
                continue;
            }
            lines.push(MappingLine {
                relation: "missing",
                item: Some(s.id),
                text: None,
                old_title: Some(s.title.clone()),
                new_title: None,
                old_number: s.number.clone(),
                new_number: None,
                old_place: s.place.clone(),
                new_place: None,
                score: None,
            });
        }
        lines
    }
}
