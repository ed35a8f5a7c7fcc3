//! `plantrack assign (--box N | --chapter C) --plan P (--owner NAME | --lead DEPT | --co DEPT)`:
//! one change that gives every item of a box or chapter the same owner or department.

use super::{Ctx, safe};
use crate::cli::AssignArgs;
use crate::plan::Role;
use crate::store::ItemQuery;
use anyhow::{Result, bail};
use std::io::Write;

pub fn run(args: &AssignArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let filter = ItemQuery {
        plan: Some(args.plan.clone()),
        box_number: args.box_number,
        chapter: args.chapter.clone(),
        ..ItemQuery::default()
    };
    let rows = ctx.store.list(&filter, ctx.today)?;
    let scope = match (args.box_number, &args.chapter) {
        (Some(n), _) => format!("专栏{n} (box {n})"),
        (None, Some(c)) => format!("章节 chapter “{}”", safe(c)),
        (None, None) => bail!("give --box N or --chapter C"),
    };
    if rows.is_empty() {
        bail!(
            "no items in {scope} of plan “{}”; check with `plantrack list --plan ...`",
            safe(&args.plan)
        );
    }
    let plans: Vec<&str> = {
        let mut keys: Vec<&str> = rows.iter().map(|r| r.plan_key.as_str()).collect();
        keys.dedup();
        keys
    };
    if plans.len() > 1 {
        bail!(
            "--plan “{}” matches several plans ({}); give a plan key",
            safe(&args.plan),
            safe(&plans.join(", "))
        );
    }
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let owner = match &args.owner {
        Some(owner) => Some(super::clean_input("--owner", owner)?),
        None => None,
    };
    let owner = owner.as_deref();
    let department = match (&args.lead, &args.co) {
        (Some(name), _) => Some((super::clean_input("--lead", name)?, Role::Lead)),
        (None, Some(name)) => Some((super::clean_input("--co", name)?, Role::Co)),
        (None, None) => None,
    };
    let department = match department {
        Some((name, role)) => Some((
            super::dept::department_name(ctx, &name, args.new_department)?,
            role,
        )),
        None => None,
    };
    let department = department
        .as_ref()
        .map(|(name, role)| (name.as_str(), *role));
    let count = ctx.store.bulk_assign(&ids, owner, department)?;
    let what = match (owner, department) {
        (Some(owner), _) => format!("负责人 owner {}", safe(owner)),
        (None, Some((name, Role::Lead))) => format!("牵头单位 lead {}", safe(name)),
        (None, Some((name, Role::Co))) => format!("配合单位 co {}", safe(name)),
        (None, None) => bail!("give --owner, --lead or --co"),
    };
    writeln!(
        out,
        "已分配 assigned {count} {} of {scope} in {}: {what}",
        if count == 1 { "item" } else { "items" },
        safe(plans.first().copied().unwrap_or_default())
    )?;
    Ok(())
}
