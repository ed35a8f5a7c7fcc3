//! Several renditions of one plan (e.g. a simplified text and a lossy traditional copy)
//! become one plan. They are recognised by their title after traditional→simplified
//! conversion (done in `normalize`) and by sharing their 专栏 titles. The simplified
//! rendition is primary; the others fill what it lacks, and every disagreement is reported.

use super::{Disagreement, MergedPlan, ParsedDocument, Plan, PlanBox, Rendition, Script};

/// Title reduced to its characters, so punctuation and spacing variants compare equal
/// (also the key the store matches plans, items and milestones by).
pub fn title_key(title: &str) -> String {
    title.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn box_titles(plan: &Plan) -> Vec<String> {
    plan.boxes
        .iter()
        .filter_map(|b| b.title.as_deref().map(title_key))
        .collect()
}

/// Same plan: equal titles, and (when both have titled boxes) mostly the same box titles.
pub fn same_plan(a: &Plan, b: &Plan) -> bool {
    if title_key(&a.title) != title_key(&b.title) {
        return false;
    }
    let (ta, tb) = (box_titles(a), box_titles(b));
    if ta.is_empty() || tb.is_empty() {
        return true;
    }
    let shared = ta.iter().filter(|t| tb.contains(t)).count();
    shared * 2 >= ta.len().min(tb.len())
}

/// Group documents into distinct plans and merge each group.
pub fn merge_renditions(docs: Vec<ParsedDocument>) -> Vec<MergedPlan> {
    let mut groups: Vec<Vec<ParsedDocument>> = Vec::new();
    for doc in docs {
        match groups.iter_mut().find(|g| same_plan(&g[0].plan, &doc.plan)) {
            Some(group) => group.push(doc),
            None => groups.push(vec![doc]),
        }
    }
    groups.into_iter().filter_map(merge_group).collect()
}

/// Merge one group of renditions (`None` only for an empty group).
fn merge_group(mut group: Vec<ParsedDocument>) -> Option<MergedPlan> {
    // The first simplified rendition is primary (display text is simplified).
    if let Some(primary) = group
        .iter()
        .position(|d| d.plan.script == Script::Simplified)
    {
        let doc = group.remove(primary);
        group.insert(0, doc);
    }
    let mut docs = group.into_iter();
    let first = docs.next()?;
    let mut merged = MergedPlan {
        renditions: vec![rendition(&first)],
        plan: first.plan,
        sources: vec![first.source],
        disagreements: Vec::new(),
        warnings: first.warnings,
        coverage: vec![first.coverage],
    };
    for doc in docs {
        fill_from(&mut merged, &doc);
        merged.renditions.push(rendition(&doc));
        merged.sources.push(doc.source);
        merged.warnings.extend(doc.warnings);
        merged.coverage.push(doc.coverage);
    }
    merged.plan.boxes.sort_by_key(|b| b.number);
    Some(merged)
}

fn rendition(doc: &ParsedDocument) -> Rendition {
    Rendition {
        source: doc.source.clone(),
        encoding: doc.encoding,
        script: doc.plan.script,
        format: doc.format.clone(),
    }
}

fn fill_field<T: Clone + PartialEq + std::fmt::Debug>(
    primary: &mut Option<T>,
    other: &Option<T>,
    field: &str,
    source: &str,
    disagreements: &mut Vec<Disagreement>,
) {
    match (primary.as_ref(), other) {
        (None, Some(value)) => *primary = Some(value.clone()),
        (Some(mine), Some(theirs)) if mine != theirs => disagreements.push(Disagreement {
            place: field.to_string(),
            message: format!("{source} says {theirs:?}, kept {mine:?}"),
        }),
        _ => {}
    }
}

fn fill_from(merged: &mut MergedPlan, doc: &ParsedDocument) {
    let source = doc.source.as_str();
    let plan = &mut merged.plan;
    let notes = &mut merged.disagreements;
    fill_field(&mut plan.issuer, &doc.plan.issuer, "issuer", source, notes);
    fill_field(
        &mut plan.doc_number,
        &doc.plan.doc_number,
        "doc_number",
        source,
        notes,
    );
    fill_field(
        &mut plan.issued_on,
        &doc.plan.issued_on,
        "issued_on",
        source,
        notes,
    );
    for other in &doc.plan.boxes {
        match plan.boxes.iter_mut().find(|b| b.number == other.number) {
            Some(mine) => merge_box(mine, other, source, notes),
            None => {
                notes.push(Disagreement {
                    place: format!("专栏{}", other.number),
                    message: format!("missing from the primary rendition; taken from {source}"),
                });
                plan.boxes.push(other.clone());
            }
        }
    }
    for indicator in &doc.plan.indicators {
        let known = plan
            .indicators
            .iter()
            .any(|i| i.box_number == indicator.box_number);
        if !known {
            plan.indicators.push(indicator.clone());
        }
    }
    if plan.outline.is_empty() {
        plan.outline = doc.plan.outline.clone();
    }
    if plan.tasks.is_empty() {
        plan.tasks = doc.plan.tasks.clone();
    }
    if plan.glossary.is_empty() {
        plan.glossary = doc.plan.glossary.clone();
    }
}

fn merge_box(mine: &mut PlanBox, other: &PlanBox, source: &str, notes: &mut Vec<Disagreement>) {
    let place = format!("专栏{}", mine.number);
    match (&mine.title, &other.title) {
        (None, Some(title)) => {
            notes.push(Disagreement {
                place: place.clone(),
                message: format!(
                    "heading lost in the primary rendition; title “{title}” taken from {source}"
                ),
            });
            mine.title = Some(title.clone());
        }
        (Some(a), Some(b)) if title_key(a) != title_key(b) => notes.push(Disagreement {
            place: place.clone(),
            message: format!("title differs: {source} has “{b}”, kept “{a}”"),
        }),
        _ => {}
    }
    if other.items.len() > mine.items.len() {
        notes.push(Disagreement {
            place: place.clone(),
            message: format!(
                "{} items in the primary rendition, {} in {source}: took the fuller list",
                mine.items.len(),
                other.items.len()
            ),
        });
        mine.items = other.items.clone();
    } else if other.items.len() < mine.items.len() && !other.items.is_empty() {
        notes.push(Disagreement {
            place: place.clone(),
            message: format!(
                "{} items here, only {} in {source}",
                mine.items.len(),
                other.items.len()
            ),
        });
    } else {
        let differing = mine
            .items
            .iter()
            .zip(&other.items)
            .filter(|(a, b)| title_key(&a.title) != title_key(&b.title))
            .count();
        if differing > 0 {
            notes.push(Disagreement {
                place,
                message: format!("{differing} item titles differ in {source}; kept the primary's"),
            });
        }
    }
    if mine.rows.is_empty() && !other.rows.is_empty() {
        mine.rows = other.rows.clone();
        mine.kind = other.kind;
    }
}
