//! `plantrack people [set LOGIN NAME [--dept D] | remove LOGIN]`: who logins are.

use super::{Ctx, safe};
use crate::cli::{PeopleArgs, PeopleCommand};
use crate::report::json::write_json;
use crate::report::table::{Align, Table};
use anyhow::{Result, bail};
use std::io::Write;

pub fn run(args: &PeopleArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    match &args.command {
        Some(PeopleCommand::Set { login, name, dept }) => {
            let department = match dept {
                Some(d) => Some(super::dept::department_name(ctx, d, false)?),
                None => None,
            };
            ctx.store.set_person(login, name, department.as_deref())?;
            let dept = department
                .map(|d| format!("，{}", safe(&d)))
                .unwrap_or_default();
            writeln!(out, "{} = {}{dept}", safe(login.trim()), safe(name.trim()))?;
        }
        Some(PeopleCommand::Remove { login }) => {
            if !ctx.store.remove_person(login)? {
                bail!("nobody is recorded for the login “{}”", safe(login.trim()));
            }
            writeln!(out, "已移除 removed {}", safe(login.trim()))?;
        }
        None => {
            let people = ctx.store.people()?;
            if args.json {
                write_json(&people, out)?;
                return Ok(());
            }
            let mut table = Table::new()
                .column("登录名 login", Align::Left, 24)
                .column("姓名 name", Align::Left, 24)
                .column("单位 department", Align::Left, usize::MAX)
                .wrap_last();
            for p in &people {
                table.push(vec![
                    safe(&p.login),
                    safe(&p.name),
                    p.department.as_deref().map(safe).unwrap_or_default(),
                ]);
            }
            table.write(ctx.width, out)?;
        }
    }
    Ok(())
}
