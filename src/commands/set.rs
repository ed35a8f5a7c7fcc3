//! `plantrack set ID ...`: edit an item's tracking fields and print what changed.

use super::history::field_label;
use super::{Ctx, item_ref, parse_date, safe};
use crate::cli::SetArgs;
use crate::store::ItemEdit;
use crate::track::Progress;
use crate::track::project::ProjectStage;
use anyhow::{Result, anyhow, bail};
use std::io::Write;

/// A project stage, in Chinese or English (the rule is `track::project`).
pub fn parse_stage(text: &str) -> Result<ProjectStage> {
    text.parse()
        .map_err(|e| anyhow!("--stage: {}", safe(&format!("{e}"))))
}

/// An amount of money (亿元), the flag named when it is not one (the rule is
/// `track::project`).
fn parse_amount(flag: &str, text: &str) -> Result<f64> {
    crate::track::project::parse_amount(text)
        .map_err(|e| anyhow!("{flag}: {}", safe(&e.to_string())))
}

/// The edit the arguments describe.
pub fn edit(args: &SetArgs) -> Result<ItemEdit> {
    let mut edit = ItemEdit::default();
    if args.no_owner {
        edit.owner = Some(None);
    } else if let Some(owner) = &args.owner {
        if owner.trim().is_empty() {
            bail!("--owner: a name cannot be empty; use --no-owner to clear the owner");
        }
        edit.owner = Some(Some(super::clean_input("--owner", owner)?));
    }
    if let Some(status) = &args.status {
        edit.status = Some(super::list::parse_status("--status", status)?);
    }
    if let Some(progress) = &args.progress {
        let progress: Progress = progress
            .parse()
            .map_err(|e| anyhow!("--progress: {}", safe(&format!("{e}"))))?;
        edit.progress = Some(progress.value());
    }
    if let Some(start) = &args.start {
        edit.start_on = Some(Some(parse_date("--start", start)?));
    }
    if let Some(due) = &args.due {
        edit.due_on = Some(Some(parse_date("--due", due)?));
    }
    if let Some(stage) = &args.stage {
        edit.project_stage = Some(Some(parse_stage(stage)?));
    }
    for (flag, value, slot) in [
        ("--invest-total", &args.invest_total, &mut edit.invest_total),
        (
            "--invest-plan",
            &args.invest_plan,
            &mut edit.invest_year_plan,
        ),
        (
            "--invest-done",
            &args.invest_done,
            &mut edit.invest_year_done,
        ),
    ] {
        if let Some(value) = value {
            *slot = Some(Some(parse_amount(flag, value)?));
        }
    }
    if edit == ItemEdit::default() {
        bail!(
            "nothing to set: give --owner, --no-owner, --status, --progress, --start, --due, --stage or --invest-*"
        );
    }
    Ok(edit)
}

/// An item field's stored value as `set` prints it.
fn field_value(field: &str, value: Option<&str>) -> String {
    let Some(value) = value else {
        return "—".to_string();
    };
    match field {
        "status" => match value.parse::<crate::track::Status>() {
            Ok(status) => format!("{} {}", status.label_zh(), status.as_str()),
            Err(_) => safe(value),
        },
        "progress" => format!("{}%", safe(value)),
        "project_stage" => match value.parse::<ProjectStage>() {
            Ok(stage) => format!("{} {}", stage.label_zh(), stage.label_en()),
            Err(_) => safe(value),
        },
        _ => safe(value),
    }
}

pub fn run(args: &SetArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let edit = edit(args)?;
    // A command has no think time: the edit applies to the item as it is when the write
    // runs, unless the script asks for the check against what it read.
    let base = args.if_unchanged_since.map(crate::store::Stamp);
    let changed = ctx.store.edit_item(args.id, base, &edit)?;
    let after = ctx.store.show(args.id, ctx.today)?;
    writeln!(
        out,
        "{}  {}",
        item_ref(args.id),
        crate::text::width::truncate(&safe(&after.row.title), 60)
    )?;
    if changed.is_empty() {
        writeln!(out, "  没有变化 nothing changed (already set)")?;
        return Ok(());
    }
    for row in &changed {
        writeln!(
            out,
            "  {}: {} → {}",
            field_label(&row.entity, &row.field),
            field_value(&row.field, row.old.as_deref()),
            field_value(&row.field, row.new.as_deref())
        )?;
    }
    let h = &after.row.health;
    writeln!(
        out,
        "  序时进度 {}%  {}  灯 {}",
        h.scheduled,
        h.pace.label_zh(),
        h.light.label_zh()
    )?;
    Ok(())
}
