//! `plantrack history [ID]` and `plantrack undo`.

use super::{Ctx, item_ref, local_time, milestone_ref, safe};
use crate::cli::HistoryArgs;
use crate::report::json::write_json;
use crate::store::HistoryEntry;
use anyhow::Result;
use std::io::Write;

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

fn field_label(entity: &str, field: &str) -> String {
    let label = match (entity, field) {
        ("item", "owner") => "负责人 owner",
        ("item", "status") => "状态 status",
        ("item", "progress") => "进度 progress",
        ("item", "start_on") => "开始 start",
        ("item", "due_on") => "截止 due",
        ("item", "project_stage") => "阶段 stage",
        ("item", "invest_total") => "总投资 invest total",
        ("item", "invest_year_plan") => "年度计划投资 invest plan",
        ("item", "invest_year_done") => "年度完成投资 invest done",
        ("item", "in_plan") => "在规划中 in plan",
        ("item", "created") => "新事项 item added",
        ("item", "title") => "标题 title",
        ("item", "body") => "正文 text",
        ("milestone", "due_on") => "节点截止 milestone due",
        ("milestone", "done_on") => "节点完成 milestone done",
        ("milestone", "title") => "节点名称 milestone title",
        ("milestone", "removed") => "节点删除 milestone removed",
        ("milestone", "created") => "新节点 milestone added",
        ("note", "created") => "备注 note",
        ("note", "removed") => "备注删除 note removed",
        ("indicator_value", "created") => "指标值 indicator value",
        ("indicator_value", "removed") => "指标值删除 indicator value removed",
        ("plan", "created") => "新规划 plan added",
        ("plan", "title") => "规划标题 plan title",
        ("setting", key) => return format!("设置 setting {}", safe(key)),
        (entity, field) => return format!("{}.{}", safe(entity), safe(field)),
    };
    label.to_string()
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

/// Link values are "role@origin".
fn link_value(text: Option<&str>) -> String {
    match text.and_then(|t| t.split_once('@')) {
        Some((role, origin)) => {
            let role = match role {
                "lead" => "牵头",
                "co" => "配合",
                other => other,
            };
            format!("{} ({})", safe(role), safe(origin))
        }
        None => value(text),
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

/// Undo the user's last change and say what it was.
pub fn undo(ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let summary = ctx.store.undo()?;
    writeln!(
        out,
        "已撤销 undone: change {} “{}” made {} ({} field{})",
        summary.change,
        safe(&summary.action),
        local_time(&summary.at),
        summary.fields,
        if summary.fields == 1 { "" } else { "s" }
    )?;
    // The newest undo by this user is the one just made; show what it wrote back.
    let user = ctx.store.user().to_string();
    let recent = ctx.store.history(None, summary.fields + 50)?;
    let newest = recent
        .iter()
        .filter(|e| e.action == "undo" && e.who == user)
        .map(|e| e.change)
        .max();
    let departments = department_names(ctx)?;
    for entry in recent.iter().filter(|e| Some(e.change) == newest) {
        writeln!(out, "  {}", describe(entry, &departments))?;
    }
    Ok(())
}
