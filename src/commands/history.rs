//! `plantrack history [ID]` and `plantrack undo`.

use super::{Ctx, item_ref, local_time, milestone_ref, safe};
use crate::cli::{HistoryArgs, UndoArgs};
use crate::report::json::write_json;
use crate::store::HistoryEntry;
use anyhow::{Result, bail};
use std::io::{IsTerminal, Write};

/// Department ids and short names, to name departments in link changes.
pub type DepartmentNames = [(i64, String)];

/// Every department's id and short name.
pub fn department_names(ctx: &Ctx) -> Result<Vec<(i64, String)>> {
    Ok(ctx
        .store
        .departments()?
        .into_iter()
        .map(|d| (d.id, d.short))
        .collect())
}

/// A field's label as `set`, `history` and `undo` print it: "负责人 owner".
pub fn field_label(entity: &str, field: &str) -> String {
    match crate::track::fields::field_label(entity, field) {
        Some(label) if entity == "setting" => {
            format!("{} {} {}", label.zh, label.en, safe(field))
        }
        Some(label) => format!("{} {}", label.zh, label.en),
        None => format!("{}.{}", safe(entity), safe(field)),
    }
}

fn value(text: Option<&str>) -> String {
    match text {
        None => "—".to_string(),
        Some(text) => {
            let one_line: String = safe(text)
                .chars()
                .map(|c| if c == '\n' { '⏎' } else { c })
                .collect();
            crate::text::width::truncate(&one_line, 60).into_owned()
        }
    }
}

/// Link values are "role@origin": shown as 牵头/配合 and where the link came from.
fn link_value(text: Option<&str>) -> String {
    match text {
        Some(text) => safe(&crate::track::fields::value_label(
            "link", "role", text, true,
        )),
        None => value(None),
    }
}

/// One history entry on one line: when, who, what, field, old → new.
pub fn describe(entry: &HistoryEntry, departments: &DepartmentNames) -> String {
    let item = entry.item.map(item_ref).unwrap_or_default();
    let what = match entry.entity.as_str() {
        "link" => {
            let id = entry.entity_id.unwrap_or_default();
            let name = departments
                .iter()
                .find(|(d, _)| *d == id)
                .map_or_else(|| format!("部门{id}"), |(_, n)| safe(n));
            format!(
                "部门 {name}: {} → {}",
                link_value(entry.old.as_deref()),
                link_value(entry.new.as_deref())
            )
        }
        entity => {
            let subject = match (entity, entry.entity_id) {
                ("milestone", Some(id)) => format!(" {}", milestone_ref(id)),
                _ => String::new(),
            };
            format!(
                "{}{subject}: {} → {}",
                field_label(entity, &entry.field),
                value(entry.old.as_deref()),
                value(entry.new.as_deref())
            )
        }
    };
    let undone = if entry.undone {
        "  (已撤销 undone)"
    } else {
        ""
    };
    format!(
        "{} {} [{}] {item} {what}{undone}",
        local_time(&entry.at),
        safe(&entry.who),
        safe(&entry.action)
    )
}

pub fn run(args: &HistoryArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if let Some(id) = args.id {
        // A missing item is an error, not an empty history.
        ctx.store.show(id, ctx.today)?;
    }
    let entries = ctx.store.history(args.id, args.limit)?;
    if args.json {
        write_json(&entries, out)?;
        return Ok(());
    }
    let departments = department_names(ctx)?;
    for entry in &entries {
        writeln!(out, "{}", describe(entry, &departments))?;
    }
    let n = entries.len();
    writeln!(out, "{n} {}", if n == 1 { "change" } else { "changes" })?;
    Ok(())
}

/// `undo` and `redo`: show the change first, ask on a terminal, then revert it and say
/// what was written back.
pub fn undo(args: &UndoArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    revert(args, ctx, out, Direction::Undo)
}

pub fn redo(args: &UndoArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    revert(args, ctx, out, Direction::Redo)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Undo,
    Redo,
}

fn revert(args: &UndoArgs, ctx: &mut Ctx, out: &mut dyn Write, direction: Direction) -> Result<()> {
    let preview = match direction {
        Direction::Undo => ctx.store.undo_preview()?,
        Direction::Redo => ctx.store.redo_preview()?,
    };
    let user = safe(ctx.store.user());
    let Some(preview) = preview else {
        bail!(match direction {
            Direction::Undo => format!("{user} 没有可撤销的修改 has no change left to undo"),
            Direction::Redo => format!("{user} 没有可重做的修改 has nothing to redo"),
        });
    };
    let departments = department_names(ctx)?;
    let (verb, heading) = match direction {
        Direction::Undo => ("撤销 undo", "将撤销 would undo"),
        Direction::Redo => ("重做 redo", "将重做 would redo"),
    };
    writeln!(
        out,
        "{heading}: change {} “{}” made {} ({} field{}):",
        preview.change,
        safe(&preview.action),
        local_time(&preview.at),
        preview.entries.len(),
        if preview.entries.len() == 1 { "" } else { "s" }
    )?;
    for entry in &preview.entries {
        writeln!(out, "  {}", reverted(entry, &departments))?;
    }
    if args.dry_run {
        writeln!(out, "（预览，未做任何更改 dry run: nothing changed）")?;
        return Ok(());
    }
    if !args.yes && std::io::stdin().is_terminal() {
        write!(out, "{verb}？[y/N] ")?;
        out.flush()?;
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "是") {
            bail!("已取消 cancelled: nothing was changed");
        }
    }
    let summary = match direction {
        Direction::Undo => ctx.store.undo_expecting(preview.change)?,
        Direction::Redo => ctx.store.redo_expecting(preview.change)?,
    };
    let done = match direction {
        Direction::Undo => "已撤销 undone",
        Direction::Redo => "已重做 redone",
    };
    writeln!(
        out,
        "{done}: change {} “{}” made {} ({} field{})",
        summary.change,
        safe(&summary.action),
        local_time(&summary.at),
        summary.fields,
        if summary.fields == 1 { "" } else { "s" }
    )?;
    for entry in &summary.entries {
        writeln!(out, "  {}", describe(entry, &departments))?;
    }
    Ok(())
}

/// A row of the change to revert, as what reverting it does: its new value goes back to
/// its old one (a created entity is removed again).
fn reverted(entry: &HistoryEntry, departments: &DepartmentNames) -> String {
    let mut shown = entry.clone();
    if entry.field == "created" {
        shown.field = "removed".into();
        shown.old = Some("0".into());
        shown.new = Some("1".into());
        let text = describe(&shown, departments);
        let what = value(entry.new.as_deref());
        return format!("{text}  ({what})");
    }
    std::mem::swap(&mut shown.old, &mut shown.new);
    describe(&shown, departments)
}
