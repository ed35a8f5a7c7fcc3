//! `plantrack list`: items matching filters, as a table fitted to the terminal or as JSON.

use super::Ctx;
use crate::cli::{FilterArgs, ListArgs, RoleArg};
use crate::plan::Role;
use crate::report::columns::{self, Form, ItemCells, ItemColumn, LIST, Width};
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use crate::store::{ItemQuery, ItemRow};
use crate::text::width::display_width;
use crate::track::filter::Filter;
use crate::track::{Light, Status};
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

/// Narrowest the title gets before the plan column gives way to plan headings.
const TITLE_ROOM: usize = 24;

/// The item table of the [`LIST`] columns: with the plan column (`grouped` false), or
/// with a heading line per plan instead (for narrow terminals). When too wide, the title
/// gives way first (to [`TITLE_ROOM`]), then the text columns right of it (to their
/// narrowest), then the title again (to its narrowest).
fn table(rows: &[ItemRow], grouped: bool) -> Table {
    let largest = rows.iter().map(|r| r.id).max().unwrap_or(0);
    let columns: Vec<ItemColumn> = LIST
        .into_iter()
        .filter(|&c| !(grouped && c == ItemColumn::Plan))
        .collect();
    let mut table = Table::new();
    for &column in &columns {
        let def = column.def();
        let align = match def.align {
            columns::Align::Left => Align::Left,
            columns::Align::Right => Align::Right,
        };
        let max = match def.width {
            Width::Text { max, .. } => usize::from(max),
            Width::Natural => usize::from(column.cells(Form::Cli, true, largest).unwrap_or(0)),
            Width::Bar { .. } | Width::Fill { .. } => usize::MAX,
        };
        table = table.column(column.header(Form::Cli), align, max);
    }
    let title = columns
        .iter()
        .position(|&c| c == ItemColumn::Title)
        .unwrap_or(0);
    table = table.shrink(title, TITLE_ROOM);
    for (index, column) in columns.iter().enumerate().skip(title + 1) {
        if let Width::Text { min, .. } = column.def().width {
            table = table.shrink(index, usize::from(min));
        }
    }
    if let Width::Fill { min } = ItemColumn::Title.def().width {
        table = table.shrink(title, usize::from(min));
    }
    let mut plan: Option<&str> = None;
    for row in rows {
        if grouped && plan != Some(row.plan_key.as_str()) {
            table.section(&format!("【{}】 {}", row.plan, row.plan_key));
            plan = Some(&row.plan_key);
        }
        let cells = columns
            .iter()
            .map(|&column| {
                let mut text = row.value(column).text(Form::Cli).into_owned();
                if column == ItemColumn::Id && !row.in_plan {
                    text.push('*');
                }
                text
            })
            .collect();
        table.push(cells);
    }
    table
}

pub fn run(args: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let query = filter(&args.filter)?;
    let rows = match super::as_of(args.as_of.as_deref())? {
        Some(day) => ctx.store.list_as_of(&query, day)?,
        None => ctx.store.list(&query, ctx.today)?,
    };
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
