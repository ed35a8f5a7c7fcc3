//! `plantrack list`: items matching filters, as a table fitted to the terminal or as JSON.

use super::{Ctx, item_ref};
use crate::cli::{FilterArgs, ListArgs, RoleArg};
use crate::plan::Role;
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use crate::store::{ItemQuery, ItemRow};
use crate::text::width::display_width;
use crate::track::filter::Filter;
use crate::track::{Light, Pace, Status};
use anyhow::{Result, anyhow};
use std::io::Write;

/// The store role of a `--role` value.
pub fn role(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Lead => Role::Lead,
        RoleArg::Co => Role::Co,
    }
}

/// A `--status` value, with the flag named when it is not understood.
pub fn parse_status(flag: &str, text: &str) -> Result<Status> {
    text.parse()
        .map_err(|e| anyhow!("{flag}: {}", super::safe(&format!("{e}"))))
}

/// The filter `list` (and `export`) arguments describe.
pub fn filter(args: &FilterArgs) -> Result<ItemQuery> {
    let light = match &args.light {
        Some(text) => Some(
            text.parse::<Light>()
                .map_err(|e| anyhow!("--light: {}", super::safe(&e.to_string())))?,
        ),
        None => None,
    };
    Ok(ItemQuery {
        plan: args.plan.clone(),
        chapter: args.chapter.clone(),
        box_number: args.box_number,
        text: args.text.clone(),
        include_removed: args.all,
        ids: None,
        filter: Filter {
            department: args.dept.clone(),
            role: args.role.map(role),
            owner: args.owner.clone(),
            status: match &args.status {
                Some(text) => Some(parse_status("--status", text)?),
                None => None,
            },
            light,
            overdue: args.overdue,
            unassigned: args.unassigned,
            ..Filter::default()
        },
    })
}

/// `2/3` for item 3 of box 2, the task number for a task.
pub fn position(row: &ItemRow) -> String {
    match (row.box_number, row.number.as_deref()) {
        (Some(b), Some(n)) => format!("{b}/{n}"),
        (Some(b), None) => format!("{b}/-"),
        (None, Some(n)) => n.to_string(),
        (None, None) => String::new(),
    }
}

/// One character for a pace: 超/达/欠/完.
pub fn pace_short(pace: Pace) -> &'static str {
    match pace {
        Pace::Ahead => "超",
        Pace::OnPace => "达",
        Pace::Behind => "欠",
        Pace::Done => "完",
    }
}

/// Narrowest the title gets before the plan column gives way to plan headings.
const TITLE_ROOM: usize = 24;

/// The item table: with a plan column (`grouped` false), or with a heading line per plan
/// instead (for narrow terminals).
fn table(rows: &[ItemRow], grouped: bool) -> Table {
    let mut table = Table::new().column("ID", Align::Right, 8);
    if !grouped {
        table = table.column("规划", Align::Left, 30);
    }
    let title = if grouped { 2 } else { 3 };
    let mut table = table
        .column("编号", Align::Left, 8)
        .column("标题", Align::Left, usize::MAX)
        .column("牵头单位", Align::Left, 20)
        .column("负责人", Align::Left, 10)
        .column("状态", Align::Left, 6)
        .column("进度", Align::Right, 4)
        .column("序时", Align::Left, 4)
        .column("灯", Align::Left, 2)
        .column("下个节点", Align::Left, 10)
        .shrink(title, TITLE_ROOM)
        .shrink(title + 1, 8)
        .shrink(title + 2, 6)
        .shrink(title, 10);
    let mut plan: Option<&str> = None;
    for row in rows {
        if grouped && plan != Some(row.plan_key.as_str()) {
            table.section(&format!("【{}】 {}", row.plan, row.plan_key));
            plan = Some(&row.plan_key);
        }
        let mut id = item_ref(row.id);
        if !row.in_plan {
            id.push('*');
        }
        let mut cells = vec![id];
        if !grouped {
            cells.push(row.plan.clone());
        }
        cells.extend([
            position(row),
            row.title.clone(),
            row.lead.clone().unwrap_or_default(),
            row.owner.clone().unwrap_or_default(),
            row.status.label_zh().to_string(),
            format!("{}%", row.progress),
            pace_short(row.health.pace).to_string(),
            row.health.light.label_zh().to_string(),
            row.health
                .next_due
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ]);
        table.push(cells);
    }
    table
}

pub fn run(args: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let rows = ctx.store.list(&filter(&args.filter)?, ctx.today)?;
    if args.json {
        write_json(&rows, out)?;
        return Ok(());
    }
    write_rows(&rows, ctx.width, out)
}

/// The item table (plan names in a column when they fit beside a title of
/// [`TITLE_ROOM`] cells, else as heading lines), then the count.
pub fn write_rows(rows: &[ItemRow], width: usize, out: &mut dyn Write) -> Result<()> {
    if !rows.is_empty() {
        let flat = table(rows, false);
        let widths = flat.widths(width);
        let plan_width = rows
            .iter()
            .map(|r| display_width(&r.plan))
            .max()
            .unwrap_or(0);
        let total: usize = widths.iter().sum::<usize>() + widths.len() - 1;
        let fits = widths.get(1).is_some_and(|w| *w >= plan_width.min(30))
            && widths.get(3).is_some_and(|w| *w >= TITLE_ROOM)
            && total <= width;
        if fits {
            flat.write(width, out)?;
        } else {
            table(rows, true).write(width, out)?;
        }
        if rows.iter().any(|r| !r.in_plan) {
            writeln!(out, "  * 已不在规划文本中 (no longer in the plan text)")?;
        }
    }
    let n = rows.len();
    writeln!(out, "{n} {}", if n == 1 { "item" } else { "items" })?;
    Ok(())
}
