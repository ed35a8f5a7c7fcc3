//! The mapping of a re-import, shown before it is applied (the dry run, the question
//! before an import) and after: which tracked item each item of the revised text is.

use crate::plan::MergedPlan;
use crate::store::{MappingLine, PlanImport};
use crate::text::sanitize::term_safe;
use serde::Serialize;
use std::io::{self, Write};

/// The relations in the order they are listed, with their labels.
const RELATIONS: &[(&str, &str)] = &[
    ("uncertain", "待定 uncertain"),
    ("retitled", "改名 retitled"),
    ("moved", "移动 moved"),
    ("renumbered", "重新编号 renumbered"),
    ("text_changed", "文本变化 text changed"),
    ("back", "重回文本 back in the text"),
    ("new", "新增 new"),
    ("missing", "不在文本中 no longer in the text"),
];

fn label(relation: &str) -> &'static str {
    RELATIONS
        .iter()
        .find(|(r, _)| *r == relation)
        .map_or("?", |(_, l)| l)
}

fn safe(text: &str) -> String {
    term_safe(text).into_owned()
}

/// Items of a plan text, in the order the mapping numbers them (+1, +2, …).
pub fn text_items(plan: &MergedPlan) -> usize {
    plan.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>() + plan.plan.tasks.len()
}

fn numbered(number: Option<&str>, title: Option<&str>) -> String {
    match number {
        Some(n) if !n.is_empty() => format!("{} {}", safe(n), safe(title.unwrap_or(""))),
        _ => safe(title.unwrap_or("")),
    }
}

/// One line: "#53 → +2  改名 retitled: 2 旧标题 → 2 新标题".
pub fn describe(line: &MappingLine) -> String {
    let from = line.item.map_or_else(String::new, |id| format!("#{id}"));
    let to = line.text.map_or_else(String::new, |n| format!("+{n}"));
    let arrow = match (line.item, line.text) {
        (Some(_), Some(_)) => format!("{from} → {to}"),
        (Some(_), None) => from,
        (None, _) => to,
    };
    let old = numbered(line.old_number.as_deref(), line.old_title.as_deref());
    let new = numbered(line.new_number.as_deref(), line.new_title.as_deref());
    let detail = match line.relation {
        "new" => new,
        "missing" => old,
        "moved" => format!(
            "{new}: {} → {}",
            safe(line.old_place.as_deref().unwrap_or("—")),
            safe(line.new_place.as_deref().unwrap_or("—"))
        ),
        "uncertain" => format!("{old} ↔ {new} ({}%)", line.score.unwrap_or_default()),
        _ if old == new => new,
        _ => format!("{old} → {new}"),
    };
    format!("{arrow}  {}: {detail}", label(line.relation))
}

/// The counts and every line of one plan's mapping.
pub fn write_plan(
    import: &PlanImport,
    items_in_text: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    if import.created {
        return Ok(());
    }
    let count = |relation: &str| {
        import
            .mapping
            .iter()
            .filter(|l| l.relation == relation)
            .count()
    };
    let kept = items_in_text.saturating_sub(
        import
            .mapping
            .iter()
            .filter(|l| l.relation != "missing")
            .count(),
    );
    let mut counts = vec![format!("保留 kept {kept}")];
    for (relation, label) in RELATIONS {
        let n = count(relation);
        if n > 0 {
            counts.push(format!("{label} {n}"));
        }
    }
    writeln!(out, "  对应关系 mapping: {}", counts.join(" · "))?;
    for (relation, _) in RELATIONS {
        for line in import.mapping.iter().filter(|l| l.relation == *relation) {
            writeln!(out, "    {}", describe(line))?;
        }
    }
    Ok(())
}

/// The dry run as one JSON object when a database was compared: the plans, and per plan
/// the mapping against what is tracked.
#[derive(Serialize)]
struct DryRun<'a> {
    plans: &'a [MergedPlan],
    mapping: Vec<PlanMapping<'a>>,
}

#[derive(Serialize)]
struct PlanMapping<'a> {
    key: &'a str,
    created: bool,
    lines: Vec<MappingLine>,
}

/// A line with the stored text made safe to show: another program may have written
/// anything into the database (the text side was cleaned when it was parsed).
fn cleaned(line: &MappingLine) -> MappingLine {
    let clean = |text: &Option<String>| {
        text.as_deref()
            .map(|t| crate::text::sanitize::for_display(t).into_owned())
    };
    MappingLine {
        old_title: clean(&line.old_title),
        new_title: clean(&line.new_title),
        old_number: clean(&line.old_number),
        new_number: clean(&line.new_number),
        old_place: clean(&line.old_place),
        new_place: clean(&line.new_place),
        ..line.clone()
    }
}

pub fn write_json(
    plans: &[MergedPlan],
    imports: &[PlanImport],
    out: &mut dyn Write,
) -> io::Result<()> {
    let mapping = imports
        .iter()
        .map(|i| PlanMapping {
            key: &i.key,
            created: i.created,
            lines: i.mapping.iter().map(cleaned).collect(),
        })
        .collect();
    crate::report::json::write_json(&DryRun { plans, mapping }, out)
}
