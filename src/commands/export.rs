//! `plantrack export`: the items matching `list` filters, with their roll-ups, written to
//! an Excel workbook, a CSV file, a Markdown brief or JSON.

use super::{Ctx, safe};
use crate::cli::{ExportArgs, ExportFormat, FilterArgs};
use crate::report::export::{Format, collect, write};
use crate::report::file::write_file;
use anyhow::{Result, anyhow, bail};
use std::io::{IsTerminal, Write};

fn format_of(args: &ExportArgs) -> Result<Format> {
    if let Some(format) = args.format {
        return Ok(match format {
            ExportFormat::Xlsx => Format::Xlsx,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Json => Format::Json,
        });
    }
    Format::from_extension(&args.output.to_string_lossy()).ok_or_else(|| {
        anyhow!(
            "--format: say which format to write (xlsx, csv, md or json); \
             it cannot be told from the name “{}”",
            safe(&args.output.to_string_lossy())
        )
    })
}

/// The filters in words, for the report's "范围" line.
pub fn scope(args: &FilterArgs) -> String {
    let mut parts = Vec::new();
    let mut named = |label: &str, value: &Option<String>| {
        if let Some(value) = value {
            parts.push(format!("{label}“{value}”"));
        }
    };
    named("规划", &args.plan);
    named("章节含", &args.chapter);
    named("单位", &args.dept);
    named("负责人", &args.owner);
    named("状态", &args.status);
    named("预警灯", &args.light);
    named("文本含", &args.text);
    if let Some(n) = args.box_number {
        parts.push(format!("专栏{n}"));
    }
    if let Some(role) = args.role {
        parts.push(
            match role {
                crate::cli::RoleArg::Lead => "仅牵头",
                crate::cli::RoleArg::Co => "仅配合",
            }
            .to_string(),
        );
    }
    if args.overdue {
        parts.push("仅逾期事项（有逾期节点或期限已过未完成）".into());
    }
    if args.unassigned {
        parts.push("仅无负责人的事项".into());
    }
    let mut scope = if parts.is_empty() {
        "全部事项".to_string()
    } else {
        parts.join("，")
    };
    if args.all {
        scope.push_str("（含已不在规划文本中的事项）");
    }
    scope
}

pub fn run(args: &ExportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let format = format_of(args)?;
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && format == Format::Xlsx && std::io::stdout().is_terminal() {
        bail!("-o -: an Excel workbook is not for a terminal; name a file (-o report.xlsx)");
    }
    let filter = super::list::filter(&args.filter)?;
    let export = collect(&ctx.store, &filter, ctx.today, &scope(&args.filter))?;
    let mut bytes = Vec::new();
    write(format, &export, &mut bytes)?;
    if to_stdout {
        out.write_all(&bytes)?;
        return Ok(());
    }
    write_file(&args.output, &bytes, true, ctx.store.path())?;
    let n = export.items.len();
    writeln!(
        out,
        "exported {n} {} as of {} to {}",
        if n == 1 { "item" } else { "items" },
        export.as_of,
        safe(&args.output.display().to_string())
    )?;
    Ok(())
}
