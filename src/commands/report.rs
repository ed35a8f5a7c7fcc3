//! `plantrack report --from … --to … -o FILE`: the period report (`report::period`).

use super::{Ctx, parse_date, safe};
use crate::cli::{ReportArgs, ReportFormat};
use crate::report::file::write_file;
use crate::report::period::{self, PeriodReport};
use crate::store::ItemQuery;
use crate::track::period::Span;
use anyhow::{Result, anyhow, bail};
use std::io::Write;

fn format_of(args: &ReportArgs) -> Result<ReportFormat> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let name = args.output.to_string_lossy().to_lowercase();
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "docx" => Ok(ReportFormat::Docx),
        "xlsx" => Ok(ReportFormat::Xlsx),
        "md" | "markdown" => Ok(ReportFormat::Md),
        _ if args.output.as_os_str() == "-" => Ok(ReportFormat::Md),
        _ => Err(anyhow!(
            "--format: say which format to write (docx, xlsx or md); it cannot be told from the name “{}”",
            safe(&args.output.to_string_lossy())
        )),
    }
}

/// The bytes of the report in `format`.
pub fn render(report: &PeriodReport, format: ReportFormat) -> Result<Vec<u8>> {
    Ok(match format {
        ReportFormat::Docx => period::docx::document(report)?,
        ReportFormat::Xlsx => period::xlsx::workbook(report)?,
        ReportFormat::Md => {
            let mut bytes = Vec::new();
            period::markdown::write(report, &mut bytes)?;
            bytes
        }
    })
}

pub fn run(args: &ReportArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let format = format_of(args)?;
    let from = parse_date("--from", &args.from)?;
    let to = parse_date("--to", &args.to)?;
    let Some(span) = Span::new(from, to) else {
        bail!("--to {to} is before --from {from}");
    };
    if from > ctx.today {
        bail!(
            "--from {from} is after today ({}): the period has not begun",
            ctx.today
        );
    }
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && format != ReportFormat::Md {
        bail!("-o -: only Markdown goes to stdout; name a .docx or .xlsx file");
    }
    let query = ItemQuery {
        plan: args.plan.clone(),
        ..ItemQuery::default()
    };
    let report = period::collect(&ctx.store, &query, span, ctx.today)?;
    let bytes = render(&report, format)?;
    if to_stdout {
        out.write_all(&bytes)?;
        return Ok(());
    }
    write_file(&args.output, &bytes, true, ctx.store.path())?;
    writeln!(
        out,
        "report of {} to {} ({} items, previous period {} to {}) written to {}",
        span.from,
        span.to,
        report.total.now.items,
        report.previous.from,
        report.previous.to,
        safe(&args.output.display().to_string())
    )?;
    Ok(())
}
