//! `plantrack milestone add|done|extend|rm|list`.

use super::{Ctx, item_ref, milestone_ref, parse_date, safe};
use crate::cli::MilestoneCommand;
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use crate::store::ItemQuery;
use anyhow::{Result, bail};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::io::Write;

pub fn run(command: &MilestoneCommand, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    match command {
        MilestoneCommand::Add { id, due, title } => {
            let due = parse_date("--due", due)?;
            let title = super::clean_input("TITLE", &title.join(" "))?;
            let mid = ctx.store.add_milestone(*id, &title, due)?;
            writeln!(
                out,
                "{}  已添加节点 added {} due {due}: {}",
                item_ref(*id),
                milestone_ref(mid),
                safe(title.trim())
            )?;
        }
        MilestoneCommand::Done { id, on } => {
            let on = match on {
                Some(on) => parse_date("--on", on)?,
                None => ctx.today,
            };
            ctx.store.complete_milestone(*id, on)?;
            writeln!(out, "{}  已完成 done on {on}", milestone_ref(*id))?;
        }
        MilestoneCommand::Extend { id, to, reason } => {
            let to = parse_date("--to", to)?;
            if reason.trim().is_empty() {
                bail!("--reason: an extension (延期) needs a reason");
            }
            let reason = &super::clean_input("--reason", reason)?;
            ctx.store.extend_milestone(*id, to, reason)?;
            writeln!(
                out,
                "{}  已延期 extended to {to}: {}",
                milestone_ref(*id),
                safe(reason.trim())
            )?;
        }
        MilestoneCommand::Rm { id, yes } => {
            if !yes {
                bail!(
                    "removing milestone {} needs confirmation: add --yes (undo brings it back)",
                    milestone_ref(*id)
                );
            }
            ctx.store.remove_milestone(*id)?;
            writeln!(
                out,
                "{}  已删除 removed (plantrack undo brings it back)",
                milestone_ref(*id)
            )?;
        }
        MilestoneCommand::List { from, to, json } => list(from, to, *json, ctx, out)?,
    }
    Ok(())
}

fn list(
    from: &Option<String>,
    to: &Option<String>,
    json: bool,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<()> {
    let from = match from {
        Some(from) => parse_date("--from", from)?,
        None => NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
    };
    let to = match to {
        Some(to) => parse_date("--to", to)?,
        None => NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
    };
    if to < from {
        bail!("--to {to} is before --from {from}");
    }
    let due = ctx.store.milestones_due(from, to)?;
    if json {
        write_json(&due, out)?;
        return Ok(());
    }
    let all = ItemQuery {
        include_removed: true,
        ..ItemQuery::default()
    };
    let items: HashMap<i64, (String, String)> = ctx
        .store
        .list(&all, ctx.today)?
        .into_iter()
        .map(|r| (r.id, (r.title, r.owner.unwrap_or_default())))
        .collect();
    let mut table = Table::new()
        .column("节点", Align::Left, 8)
        .column("截止 due", Align::Left, 10)
        .column("", Align::Left, 4)
        .column("事项", Align::Right, 7)
        .column("负责人", Align::Left, 10)
        .column("节点名称 milestone", Align::Left, usize::MAX)
        .column("事项标题 item", Align::Left, usize::MAX)
        .shrink(6, 16)
        .shrink(5, 16)
        .shrink(4, 6)
        .shrink(6, 8);
    for m in &due {
        let (title, owner) = items.get(&m.item).cloned().unwrap_or_default();
        let state = if m.due_on < ctx.today {
            "逾期"
        } else if m.due_on != m.original_due {
            "延期"
        } else {
            ""
        };
        table.push(vec![
            milestone_ref(m.id),
            m.due_on.to_string(),
            state.to_string(),
            item_ref(m.item),
            owner,
            m.title.clone(),
            title,
        ]);
    }
    if !table.is_empty() {
        table.write(ctx.width, out)?;
    }
    let n = due.len();
    writeln!(
        out,
        "{n} {} due and not done (逾期 = overdue, 延期 = extended)",
        if n == 1 { "milestone" } else { "milestones" }
    )?;
    Ok(())
}
