//! `plantrack departments`: the directory.

use super::Ctx;
use crate::cli::JsonArgs;
use crate::directory::normalize_name;
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use anyhow::Result;
use std::io::Write;

pub fn run(args: &JsonArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let departments = ctx.store.departments()?;
    if args.json {
        write_json(&departments, out)?;
        return Ok(());
    }
    let mut table = Table::new()
        .column("简称 short", Align::Left, 30)
        .column("全称 official", Align::Left, 40)
        .column("别名 aliases", Align::Left, usize::MAX)
        .shrink(2, 12)
        .shrink(1, 16)
        .shrink(0, 12)
        .wrap_last();
    for d in &departments {
        let known = [normalize_name(&d.official), normalize_name(&d.short)];
        let aliases: Vec<&str> = d
            .aliases
            .iter()
            .filter(|a| !known.contains(a))
            .map(String::as_str)
            .collect();
        table.push(vec![
            d.short.clone(),
            d.official.clone(),
            aliases.join("、"),
        ]);
    }
    table.write(ctx.width, out)?;
    writeln!(out, "{} departments", departments.len())?;
    Ok(())
}
