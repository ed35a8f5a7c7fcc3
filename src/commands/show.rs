//! `plantrack show ID`: everything about one item, wrapped to the terminal width.

use super::{Ctx, item_ref, local_time, milestone_ref, or_dash, safe};
use crate::cli::ShowArgs;
use crate::plan::Role;
use crate::report::json::write_json;
use crate::store::ItemDetail;
use crate::text::width::{display_width, wrap};
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;

/// Entries of the history shown (the JSON has all the store returns).
const HISTORY_SHOWN: usize = 20;

pub fn run(args: &ShowArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let as_of = super::as_of(args.as_of.as_deref())?;
    let detail = match as_of {
        Some(day) => match ctx.store.show_as_of(args.id, day) {
            Err(crate::store::StoreError::NotFound { .. })
                if ctx.store.show(args.id, ctx.today).is_ok() =>
            {
                anyhow::bail!("{} did not exist yet on {day}", item_ref(args.id))
            }
            other => other?,
        },
        None => ctx.store.show(args.id, ctx.today)?,
    };
    if args.json {
        write_json(&detail, out)?;
        return Ok(());
    }
    if let Some(day) = as_of {
        writeln!(out, "截至 as of:    {day}（按变更记录 from the history）")?;
    }
    write_detail(&detail, ctx, as_of.unwrap_or(ctx.today), out)
}

/// `text` wrapped to `width` cells after `label`, made terminal-safe first; continuation
/// lines are indented as far as the label reaches.
fn write_wrapped(out: &mut dyn Write, label: &str, text: &str, width: usize) -> Result<()> {
    let indent = display_width(label);
    let room = width.saturating_sub(indent).max(20);
    for (i, line) in wrap(&safe(text), room).iter().enumerate() {
        if i == 0 {
            writeln!(out, "{label}{line}")?;
        } else {
            writeln!(out, "{:indent$}{line}", "")?;
        }
    }
    Ok(())
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "box_item" => "专栏项目 box item",
        "task" => "重点任务 key task",
        _ => "事项 item",
    }
}

fn write_detail(d: &ItemDetail, ctx: &Ctx, today: NaiveDate, out: &mut dyn Write) -> Result<()> {
    let width = ctx.width;
    let row = &d.row;
    write_wrapped(
        out,
        "",
        &format!("{}  {}", item_ref(row.id), row.title),
        width,
    )?;
    writeln!(
        out,
        "规划 plan:     {} ({})",
        safe(&row.plan),
        safe(&row.plan_key)
    )?;
    writeln!(out, "类别 kind:     {}", kind_label(&row.kind))?;
    if !row.in_plan {
        writeln!(
            out,
            "注意:          已不在规划文本中 (no longer in the plan text)"
        )?;
    }
    let mut place = Vec::new();
    if let Some(chapter) = &row.chapter {
        place.push(safe(chapter));
    }
    if let Some(section) = row
        .section
        .as_ref()
        .filter(|s| Some(*s) != row.group.as_ref())
    {
        place.push(safe(section));
    }
    if let Some(number) = row.box_number {
        let title = row.box_title.as_deref().map(safe).unwrap_or_default();
        place.push(format!("专栏{number} {title}").trim_end().to_string());
    }
    if let Some(group) = &row.group {
        place.push(safe(group));
    }
    if let Some(number) = &row.number {
        place.push(format!("第{}项", safe(number)));
    }
    if !place.is_empty() {
        write_wrapped(out, "位置 where:    ", &place.join(" / "), width)?;
    }
    let h = &row.health;
    writeln!(
        out,
        "状态 status:   {} {}   进度 progress: {}%",
        row.status.label_zh(),
        row.status.as_str(),
        row.progress
    )?;
    write_wrapped(
        out,
        "序时进度:      ",
        &format!(
            "{}%   {} {}   灯 light: {} {}   逾期节点 overdue: {}",
            h.scheduled,
            h.pace.label_zh(),
            h.pace.as_str(),
            h.light.label_zh(),
            h.light.as_str(),
            h.overdue
        ),
        width,
    )?;
    // The thresholds the lights were judged by: those of the day shown.
    let thresholds = match today == ctx.today {
        true => ctx.store.thresholds()?,
        false => ctx.store.thresholds_as_of(today)?,
    };
    let why = crate::track::health::explain(
        h,
        row.status,
        row.progress,
        &thresholds,
        crate::text::lang::Lang::Zh,
    );
    write_wrapped(out, "为什么 why:    ", &why, width)?;
    writeln!(out, "负责人 owner:  {}", or_dash(row.owner.as_deref()))?;
    let date = |d: Option<chrono::NaiveDate>| d.map_or_else(|| "—".to_string(), |d| d.to_string());
    write_wrapped(
        out,
        "周期 period:   ",
        &format!(
            "{} – {}   (开始 start {}, 截止 due {})",
            d.period.start,
            d.period.end,
            date(d.start_on),
            date(d.due_on)
        ),
        width,
    )?;
    writeln!(out, "部门 departments:")?;
    if d.departments.is_empty() {
        writeln!(out, "  —")?;
    }
    for link in &d.departments {
        let role = match link.role {
            Role::Lead => "牵头 lead",
            Role::Co => "配合 co  ",
        };
        let official = if link.official != link.short {
            format!(" ({})", safe(&link.official))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {role}  {}{official}  [{}]",
            safe(&link.short),
            origin_label(&link.origin)
        )?;
    }
    if let Some(p) = &d.row.project {
        let num = |v: Option<f64>| v.map_or_else(|| "—".to_string(), |v| format!("{v}"));
        let stage = p.stage.map_or_else(
            || "—".to_string(),
            |s| format!("{} {}", s.label_zh(), s.label_en()),
        );
        let rate = p
            .completion_rate
            .map_or_else(|| "—".to_string(), |r| format!("{r:.1}%"));
        write_wrapped(
            out,
            "项目 project:  ",
            &format!(
                "阶段 stage {stage}   总投资 {} 亿元   年度计划 {}   年度完成 {}   完成率 {rate}",
                num(p.invest_total),
                num(p.invest_year_plan),
                num(p.invest_year_done),
            ),
            width,
        )?;
    }
    writeln!(out, "正文 text:")?;
    write_wrapped(out, "  ", &d.body, width)?;
    write_milestones(d, ctx, today, out)?;
    if !d.notes.is_empty() {
        writeln!(out, "备注 notes:")?;
        for note in &d.notes {
            writeln!(out, "  {} {}:", local_time(&note.at), safe(&note.author))?;
            write_wrapped(out, "    ", &note.text, width)?;
        }
    }
    if !d.glossary.is_empty() {
        writeln!(out, "名词解释 glossary:")?;
        for (term, definition) in &d.glossary {
            write_wrapped(out, "  ", &format!("{term}：{definition}"), width)?;
        }
    }
    let departments = super::history::department_names(ctx)?;
    write_history(d, &departments, out)?;
    Ok(())
}

fn origin_label(origin: &str) -> String {
    match origin {
        "plan" => "规划 plan".into(),
        "user" => "用户 user".into(),
        other => safe(other),
    }
}

fn write_milestones(
    d: &ItemDetail,
    ctx: &Ctx,
    today: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    writeln!(out, "节点 milestones:")?;
    if d.milestones.is_empty() {
        writeln!(out, "  —")?;
    }
    for m in &d.milestones {
        let mut state = match m.done_on {
            Some(done) => format!("完成 done {done}"),
            None if m.due_on < today => "逾期 overdue".to_string(),
            None => "未完成 open".to_string(),
        };
        if m.original_due != m.due_on {
            state = format!("原定 was {}, {state}", m.original_due);
        }
        writeln!(
            out,
            "  {:<5} {}  {}  [{}]",
            milestone_ref(m.id),
            m.due_on,
            state,
            origin_label(&m.origin)
        )?;
        write_wrapped(out, "        ", &m.title, ctx.width)?;
        for e in &m.extensions {
            write_wrapped(
                out,
                "        ",
                &format!(
                    "延期 extended {} → {} by {} at {}: {}",
                    e.from_due,
                    e.to_due,
                    e.who,
                    local_time(&e.at),
                    e.reason
                ),
                ctx.width,
            )?;
        }
    }
    Ok(())
}

fn write_history(
    d: &ItemDetail,
    departments: &super::history::DepartmentNames,
    out: &mut dyn Write,
) -> Result<()> {
    if d.history.is_empty() {
        return Ok(());
    }
    let shown = d.history.len().min(HISTORY_SHOWN);
    writeln!(out, "历史 history (latest {shown} of {}):", d.history.len())?;
    for entry in d.history.iter().take(HISTORY_SHOWN) {
        writeln!(out, "  {}", super::history::describe(entry, departments))?;
    }
    Ok(())
}
