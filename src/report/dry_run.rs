//! The import dry-run report: a readable summary, or exactly one JSON object.

use crate::plan::formats::Format;
use crate::plan::{BoxKind, Level, MergedPlan, OutlineNode, Role};
use crate::text::sanitize::term_safe;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Report<'a> {
    plans: &'a [MergedPlan],
}

/// `{"plans": [...]}`, one entry per distinct plan after merging renditions.
pub fn write_json(plans: &[MergedPlan], out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &Report { plans })?;
    writeln!(out)
}

fn count(nodes: &[OutlineNode], level: Level) -> usize {
    nodes
        .iter()
        .map(|n| usize::from(n.level == level) + count(&n.children, level))
        .sum()
}

fn kind_label(kind: BoxKind) -> &'static str {
    match kind {
        BoxKind::Items => "items",
        BoxKind::IndicatorTable => "indicator table",
        BoxKind::Table => "table",
    }
}

/// A readable report of what the files contain. Every string from a file passes through
/// `term_safe`: plan texts are untrusted.
pub fn write_text(plans: &[MergedPlan], out: &mut dyn Write) -> io::Result<()> {
    for merged in plans {
        write_plan(merged, out)?;
    }
    Ok(())
}

/// A short preview: per plan, its sources, what it holds, and how many warnings.
pub fn write_summary(plans: &[MergedPlan], out: &mut dyn Write) -> io::Result<()> {
    for merged in plans {
        let plan = &merged.plan;
        let items: usize = plan.boxes.iter().map(|b| b.items.len()).sum();
        writeln!(out, "{}", safe(&plan.title))?;
        for r in &merged.renditions {
            writeln!(
                out,
                "  source: {} ({}{})",
                safe(&r.source),
                format_of(r),
                r.encoding.label()
            )?;
            write_mismatch(r, out)?;
        }
        writeln!(
            out,
            "  {} 专栏, {items} items, {} tasks, {} indicators, {} glossary terms; {} warnings, {} disagreements",
            plan.boxes.len(),
            plan.tasks.len(),
            plan.indicators.len(),
            plan.glossary.len(),
            merged.warnings.len(),
            merged.disagreements.len()
        )?;
        for coverage in &merged.coverage {
            writeln!(
                out,
                "  {} of {} paragraphs placed; {} numbered or with a responsibility clause not placed",
                coverage.boxes
                    + coverage.items
                    + coverage.tasks
                    + coverage.indicators
                    + coverage.glossary
                    + coverage.outline,
                coverage.paragraphs,
                coverage.missed.len()
            )?;
        }
    }
    Ok(())
}

/// "  牵头: A  配合: B、C" for an item that names its departments, else nothing.
fn departments_of(departments: &[crate::plan::DepartmentRef]) -> String {
    if departments.is_empty() {
        return String::new();
    }
    let names = |role: Role| -> String {
        departments
            .iter()
            .filter(|d| d.role == role)
            .map(|d| safe(&d.name))
            .collect::<Vec<_>>()
            .join("、")
    };
    format!("  牵头: {}  配合: {}", names(Role::Lead), names(Role::Co))
}

/// "Word .docx, read by the docx reader (…); " for a rendition read from a document format;
/// nothing for plain text.
fn format_of(r: &crate::plan::Rendition) -> String {
    match r.format.format {
        Format::Text => String::new(),
        f => format!("{}, read by the {}; ", f.label(), f.reader()),
    }
}

/// The note when the file's name suggests another format than its content.
fn write_mismatch(r: &crate::plan::Rendition, out: &mut dyn Write) -> io::Result<()> {
    if let Some(note) = &r.format.mismatch {
        writeln!(out, "  note: {}: {}", safe(&r.source), safe(note))?;
    }
    Ok(())
}

fn safe(text: &str) -> String {
    term_safe(text).into_owned()
}

fn write_plan(merged: &MergedPlan, out: &mut dyn Write) -> io::Result<()> {
    let plan = &merged.plan;
    writeln!(out, "{}", safe(&plan.title))?;
    for r in &merged.renditions {
        let script = match r.script {
            crate::plan::Script::Simplified => "simplified",
            crate::plan::Script::Traditional => "traditional, converted to simplified",
        };
        writeln!(
            out,
            "  source: {} ({}{}, {script})",
            safe(&r.source),
            format_of(r),
            r.encoding.label()
        )?;
        write_mismatch(r, out)?;
    }
    let or_dash = |value: Option<String>| value.map_or_else(|| "—".to_string(), |v| safe(&v));
    writeln!(
        out,
        "  issuer: {}   document: {}   issued: {}",
        or_dash(plan.issuer.clone()),
        or_dash(plan.doc_number.clone()),
        or_dash(plan.issued_on.map(|d| d.to_string()))
    )?;
    let o = &plan.outline;
    writeln!(
        out,
        "  outline: {} 篇, {} 章, {} 节, {} sub-points",
        count(o, Level::Part),
        count(o, Level::Chapter),
        count(o, Level::Section),
        count(o, Level::Point)
    )?;
    writeln!(out, "  boxes: {}", plan.boxes.len())?;
    for b in &plan.boxes {
        let title = b
            .title
            .as_deref()
            .map_or_else(|| "(heading lost)".to_string(), safe);
        let size = match b.kind {
            BoxKind::Items => format!("{} items", b.items.len()),
            _ => format!("{} rows", b.rows.len()),
        };
        writeln!(
            out,
            "    专栏{} {}  [{}, {}]",
            b.number,
            title,
            kind_label(b.kind),
            size
        )?;
        for item in &b.items {
            let number = item
                .number
                .as_deref()
                .map(|n| format!("{n}. "))
                .unwrap_or_default();
            let group = item
                .group
                .as_deref()
                .map(|g| format!("{} / ", safe(g)))
                .unwrap_or_default();
            let departments = departments_of(&item.departments);
            writeln!(
                out,
                "      {group}{number}{}{departments}",
                safe(&item.title)
            )?;
        }
    }
    if !plan.tasks.is_empty() {
        writeln!(out, "  tasks: {}", plan.tasks.len())?;
        for task in &plan.tasks {
            let lead: Vec<String> = task
                .departments
                .iter()
                .filter(|d| d.role == Role::Lead)
                .map(|d| safe(&d.name))
                .collect();
            let co: Vec<String> = task
                .departments
                .iter()
                .filter(|d| d.role == Role::Co)
                .map(|d| safe(&d.name))
                .collect();
            writeln!(
                out,
                "    {} {}  牵头: {}  配合: {}",
                safe(&task.number),
                safe(&task.title),
                lead.join("、"),
                co.join("、")
            )?;
        }
    }
    if !plan.indicators.is_empty() {
        writeln!(out, "  indicators: {}", plan.indicators.len())?;
        for i in &plan.indicators {
            let value = |m: &Option<crate::plan::Measure>| {
                m.as_ref().map_or_else(
                    || "—".to_string(),
                    |m| match m.year {
                        Some(year) => format!("{} ({year})", safe(&m.value)),
                        None => safe(&m.value),
                    },
                )
            };
            let attribute = i.attribute.map_or("—", crate::plan::Attribute::label_zh);
            let unit = i
                .unit
                .as_deref()
                .map(|u| format!(" [{}]", safe(u)))
                .unwrap_or_default();
            writeln!(
                out,
                "    {}{unit}: {} → {}  {attribute}",
                safe(&i.name),
                value(&i.baseline),
                value(&i.target)
            )?;
        }
    }
    let deadlines: usize = plan
        .boxes
        .iter()
        .flat_map(|b| &b.items)
        .map(|i| i.deadlines.len())
        .sum::<usize>()
        + plan.tasks.iter().map(|t| t.deadlines.len()).sum::<usize>();
    writeln!(out, "  deadline hints: {deadlines}")?;
    let titled = plan
        .boxes
        .iter()
        .flat_map(|b| &b.items)
        .map(|i| (&i.title, &i.deadlines))
        .chain(plan.tasks.iter().map(|t| (&t.title, &t.deadlines)));
    for (title, deadlines) in titled {
        for d in deadlines {
            writeln!(out, "    {} {}: {}", d.due, safe(title), safe(&d.phrase))?;
        }
    }
    if !plan.glossary.is_empty() {
        writeln!(out, "  glossary: {} terms", plan.glossary.len())?;
    }
    for coverage in &merged.coverage {
        super::coverage::write_coverage(coverage, out)?;
    }
    for d in &merged.disagreements {
        writeln!(
            out,
            "  disagreement: {}: {}",
            safe(&d.place),
            safe(&d.message)
        )?;
    }
    for w in &merged.warnings {
        let at = w.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        writeln!(out, "  warning: {at}{}", safe(&w.message))?;
    }
    writeln!(out)
}
