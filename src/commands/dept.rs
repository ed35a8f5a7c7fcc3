//! `plantrack dept ID (--lead NAME | --co NAME | --remove NAME)`.

use super::{Ctx, item_ref, safe};
use crate::cli::DeptArgs;
use crate::directory::Named;
use crate::plan::Role;
use anyhow::{Result, bail};
use std::io::Write;

/// The department a typed name means, by the directory's one rule (any official name,
/// short name, alias, part of one or pinyin): its short name. A part several departments
/// share is refused with their names; a name no department has is refused unless
/// `allow_new` (`--new-department`), when it is added as written.
pub fn department_name(ctx: &Ctx, typed: &str, allow_new: bool) -> Result<String> {
    // What no department name may hold (line breaks, fillers, excess) is refused first.
    let typed = &crate::track::limits::check(crate::track::limits::Field::Department, typed)
        .map_err(crate::store::StoreError::Refused)?;
    let directory = ctx.store.directory()?;
    match directory.named(typed) {
        Named::One(entry) => {
            if directory.resolve(typed).is_none() {
                eprintln!(
                    "plantrack: note: “{}” is taken as {}",
                    safe(typed.trim()),
                    safe(&entry.official)
                );
            }
            Ok(entry.short.clone())
        }
        Named::Nobody if allow_new => {
            eprintln!(
                "plantrack: note: “{}” is added to the department directory as written",
                safe(typed.trim())
            );
            Ok(typed.trim().to_string())
        }
        Named::Nobody => bail!(
            "no department is called “{}” (see `plantrack departments`); to add it to the directory as written, give --new-department",
            safe(typed.trim())
        ),
        Named::Several(several) => bail!(
            "“{}” is part of the names of {} departments: {}; give one of them",
            safe(typed.trim()),
            several.len(),
            several
                .iter()
                .take(8)
                .map(|e| safe(&e.short))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
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
        let name = &department_name(ctx, &name, args.new_department)?;
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
