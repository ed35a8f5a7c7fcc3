//! `plantrack set ID ...`: edit an item's tracking fields and print what changed.

use super::{Ctx, item_ref, or_dash, parse_date, safe};
use crate::cli::SetArgs;
use crate::store::{ItemDetail, ItemEdit};
use crate::track::Progress;
use anyhow::{Result, anyhow, bail};
use std::io::Write;

/// A project stage in its stored form, from Chinese or English.
pub fn parse_stage(text: &str) -> Result<&'static str> {
    let key = text.trim().to_lowercase().replace(['-', ' '], "_");
    match key.as_str() {
        "前期" | "preparation" => Ok("preparation"),
        "新开工" | "new_start" => Ok("new_start"),
        "续建" | "continuing" => Ok("continuing"),
        "竣工" | "completed" => Ok("completed"),
        _ => Err(anyhow!(
            "--stage: unknown stage “{}”; use 前期|新开工|续建|竣工 or preparation|new_start|continuing|completed",
            safe(text)
        )),
    }
}

/// An amount of money (亿元): a finite number, not negative.
fn parse_amount(flag: &str, text: &str) -> Result<f64> {
    match text.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        _ => Err(anyhow!(
            "{flag}: expected an amount like 12.5 (亿元, not negative), got “{}”",
            safe(text)
        )),
    }
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
    if let (Some(start), Some(due)) = (edit.start_on.flatten(), edit.due_on.flatten())
        && due < start
    {
        bail!("--due {due} is before --start {start}");
    }
    if let Some(stage) = &args.stage {
        edit.project_stage = Some(Some(parse_stage(stage)?.to_string()));
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

/// The fields `set` can change, as (label, value) pairs for display.
fn fields(d: &ItemDetail) -> Vec<(&'static str, String)> {
    let date = |v: Option<chrono::NaiveDate>| v.map_or_else(|| "—".to_string(), |d| d.to_string());
    let project = d.project.as_ref();
    let num = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v}"));
    vec![
        ("负责人 owner", or_dash(d.row.owner.as_deref())),
        (
            "状态 status",
            format!("{} {}", d.row.status.label_zh(), d.row.status.as_str()),
        ),
        ("进度 progress", format!("{}%", d.row.progress)),
        ("开始 start", date(d.start_on)),
        ("截止 due", date(d.due_on)),
        (
            "阶段 stage",
            project
                .and_then(|p| p.stage.as_deref())
                .map_or_else(|| "—".to_string(), super::stage_label),
        ),
        (
            "总投资 invest total",
            num(project.and_then(|p| p.invest_total)),
        ),
        (
            "年度计划投资 invest plan",
            num(project.and_then(|p| p.invest_year_plan)),
        ),
        (
            "年度完成投资 invest done",
            num(project.and_then(|p| p.invest_year_done)),
        ),
    ]
}

pub fn run(args: &SetArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let edit = edit(args)?;
    let before = ctx.store.show(args.id, ctx.today)?;
    // A command has no think time: the edit is based on the state right now.
    let base = ctx.store.stamp()?;
    ctx.store.edit_item(args.id, base, &edit)?;
    let after = ctx.store.show(args.id, ctx.today)?;
    writeln!(
        out,
        "{}  {}",
        item_ref(args.id),
        crate::text::width::truncate(&safe(&after.row.title), 60)
    )?;
    let mut changed = 0;
    for ((label, old), (_, new)) in fields(&before).into_iter().zip(fields(&after)) {
        if old != new {
            writeln!(out, "  {label}: {old} → {new}")?;
            changed += 1;
        }
    }
    if changed == 0 {
        writeln!(out, "  没有变化 nothing changed (already set)")?;
    } else {
        let h = &after.row.health;
        writeln!(
            out,
            "  序时进度 {}%  {}  灯 {}",
            h.scheduled,
            h.pace.label_zh(),
            h.light.label_zh()
        )?;
    }
    Ok(())
}
