//! `plantrack list`: items matching filters, as a table fitted to the terminal or as JSON.

use super::Ctx;
use crate::cli::{FilterArgs, ListArgs, RoleArg};
use crate::plan::Role;
use crate::report::columns::{self, Form, ItemCells, ItemColumn, LIST, Width};
use crate::report::json::JsonArray;
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
            mine: args.mine,
            ..Filter::default()
        },
    })
}

/// Narrowest the title gets before the plan column gives way to plan headings.
const TITLE_ROOM: usize = 24;

/// The [`LIST`] columns shown: all, or all but the plan when plans are heading lines.
fn shown(grouped: bool) -> Vec<ItemColumn> {
    LIST.into_iter()
        .filter(|&c| !(grouped && c == ItemColumn::Plan))
        .collect()
}

/// Widest `column` gets whatever its cells hold, with `largest` the largest id shown.
fn column_max(column: ItemColumn, largest: i64) -> usize {
    match column.def().width {
        Width::Text { max, .. } => usize::from(max),
        Width::Natural => usize::from(column.cells(Form::Cli, true, largest).unwrap_or(0)),
        Width::Bar { .. } | Width::Fill { .. } => usize::MAX,
    }
}

/// The empty item table of the [`LIST`] columns: with the plan column (`grouped` false),
/// or without (a heading line per plan instead, for narrow terminals); `largest` the
/// largest id shown. When too wide, the title gives way first (to [`TITLE_ROOM`]), then
/// the text columns right of it (to their narrowest), then the title again (to its
/// narrowest).
fn layout(grouped: bool, largest: i64) -> Table {
    let columns = shown(grouped);
    let mut table = Table::new();
    for &column in &columns {
        let align = match column.def().align {
            columns::Align::Left => Align::Left,
            columns::Align::Right => Align::Right,
        };
        table = table.column(column.header(Form::Cli), align, column_max(column, largest));
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
    table
}

/// The cells of `row` in `columns`.
fn cells(row: &ItemRow, columns: &[ItemColumn]) -> Vec<String> {
    columns
        .iter()
        .map(|&column| {
            let mut text = row.value(column).text(Form::Cli).into_owned();
            if column == ItemColumn::Id && !row.in_plan {
                text.push('*');
            }
            text
        })
        .collect()
}

/// The item list being filled as rows come: the grouped table (plans as heading lines),
/// and what choosing the flat layout instead needs to know. Rows are not kept.
struct Listing {
    grouped: Table,
    columns: Vec<ItemColumn>,
    /// Plan key of the last row.
    plan: Option<String>,
    /// The plan names as the flat table's plan cells, one a plan (to measure them).
    plan_cells: Table,
    plan_width: usize,
    largest: i64,
    removed: bool,
    count: usize,
}

impl Listing {
    fn new() -> Listing {
        Listing {
            grouped: layout(true, i64::MAX),
            columns: shown(true),
            plan: None,
            plan_cells: Table::new().column("", Align::Left, usize::MAX),
            plan_width: 0,
            largest: 0,
            removed: false,
            count: 0,
        }
    }

    fn push(&mut self, row: &ItemRow) {
        if self.plan.as_deref() != Some(row.plan_key.as_str()) {
            self.grouped
                .section(&format!("【{}】 {}", row.plan, row.plan_key));
            self.plan = Some(row.plan_key.clone());
            self.plan_cells.push(vec![
                row.value(ItemColumn::Plan).text(Form::Cli).into_owned(),
            ]);
            self.plan_width = self.plan_width.max(display_width(&row.plan));
        }
        self.grouped.push(cells(row, &self.columns));
        self.largest = self.largest.max(row.id);
        self.removed |= !row.in_plan;
        self.count += 1;
    }

    /// Write the table (plan names in a column when they fit beside a title of
    /// [`TITLE_ROOM`] cells, else as heading lines), then the count. `again` lends the
    /// same rows once more, for the flat layout.
    fn write(
        mut self,
        width: usize,
        again: impl FnOnce(&mut dyn FnMut(&ItemRow)) -> Result<()>,
        out: &mut dyn Write,
    ) -> Result<()> {
        if self.count > 0 {
            let mut widest = self.grouped.widest().to_vec();
            let plan_at = LIST
                .iter()
                .position(|&c| c == ItemColumn::Plan)
                .unwrap_or(0);
            let plan_cells = self.plan_cells.widest().first().copied().unwrap_or(0);
            widest.insert(plan_at.min(widest.len()), plan_cells);
            let flat = layout(false, self.largest).assume_widest(widest);
            let widths = flat.widths(width);
            let total: usize = widths.iter().sum::<usize>() + widths.len() - 1;
            let fits = widths.get(1).is_some_and(|w| *w >= self.plan_width.min(30))
                && widths.get(3).is_some_and(|w| *w >= TITLE_ROOM)
                && total <= width;
            if fits {
                drop(self.grouped);
                let columns = shown(false);
                let mut flat = layout(false, self.largest);
                again(&mut |row| flat.push(cells(row, &columns)))?;
                flat.write(width, out)?;
            } else {
                for (index, &column) in self.columns.iter().enumerate() {
                    self.grouped.cap(index, column_max(column, self.largest));
                }
                self.grouped.write(width, out)?;
            }
            if self.removed {
                writeln!(out, "  * 已不在规划文本中 (no longer in the plan text)")?;
            }
        }
        let n = self.count;
        writeln!(out, "{n} {}", if n == 1 { "item" } else { "items" })?;
        Ok(())
    }
}

pub fn run(args: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let query = filter(&args.filter)?;
    // As of a past day: the rows rebuilt from the history (store::as_of), then the same
    // writers as today's.
    let past = match super::as_of(args.as_of.as_deref())? {
        Some(day) => Some(ctx.store.list_as_of(&query, day)?),
        None => None,
    };
    let each = |each: &mut dyn FnMut(ItemRow)| -> Result<()> {
        match &past {
            Some(rows) => {
                rows.iter().cloned().for_each(each);
                Ok(())
            }
            None => Ok(ctx.store.list_each(&query, ctx.today, each)?),
        }
    };
    if args.json {
        // Written as the rows come: a 100k-item list is never gathered.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        let mut array = JsonArray::new(&mut out);
        let mut failed = None;
        each(&mut |row| {
            if failed.is_none() {
                failed = array.push(&row).err();
            }
        })?;
        if let Some(error) = failed {
            return Err(error.into());
        }
        array.finish()?;
        out.flush()?;
        return Ok(());
    }
    let mut listing = Listing::new();
    each(&mut |row| listing.push(&row))?;
    listing.write(ctx.width, |again| each(&mut |row| again(&row)), out)
}
