//! `plantrack dept ID (--lead NAME | --co NAME | --remove NAME)`.

use super::{Ctx, item_ref, safe};
use crate::cli::DeptArgs;
use crate::plan::Role;
use anyhow::{Result, bail};
use std::io::Write;

/// Warn on stderr when `name` is not in the directory: linking it will add it.
pub fn warn_if_new(ctx: &Ctx, name: &str) -> Result<()> {
    if ctx.store.find_department(name)?.is_none() {
        eprintln!(
            "plantrack: note: “{}” is not a known department name; it is added to the directory as written (see `plantrack departments`)",
            safe(name.trim())
        );
    }
    Ok(())
}

pub fn run(args: &DeptArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let id = args.id;
    let what = if let Some(name) = &args.remove {
        ctx.store.remove_department(id, name)?;
        format!("已移除 removed {}", safe(name))
    } else {
        let (name, role) = match (&args.lead, &args.co) {
            (Some(name), _) => (super::clean_input("--lead", name)?, Role::Lead),
            (None, Some(name)) => (super::clean_input("--co", name)?, Role::Co),
            (None, None) => bail!("give --lead NAME, --co NAME or --remove NAME"),
        };
        let name = &name;
        warn_if_new(ctx, name)?;
        // No think time: only a script that read the item first asks for the check.
        let base = args.if_unchanged_since.map(crate::store::Stamp);
        ctx.store.set_department(id, name, role, base)?;
        let label = match role {
            Role::Lead => "牵头 lead",
            Role::Co => "配合 co",
        };
        format!("{label}: {}", safe(name))
    };
    let detail = ctx.store.show(id, ctx.today)?;
    writeln!(out, "{}  {what}", item_ref(id))?;
    let names = |role: Role| {
        let names: Vec<String> = detail
            .departments
            .iter()
            .filter(|l| l.role == role)
            .map(|l| safe(&l.short))
            .collect();
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join("、")
        }
    };
    writeln!(out, "  牵头 lead: {}", names(Role::Lead))?;
    writeln!(out, "  配合 co:   {}", names(Role::Co))?;
    Ok(())
}
