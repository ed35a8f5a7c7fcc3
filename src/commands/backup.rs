//! `plantrack backup`, `dump` and `load`: a consistent copy of the database file, and the
//! tracking state as JSON moved between databases.

use super::progress::Reading;
use super::{Ctx, safe};
use crate::cli::{BackupArgs, DumpArgs, LoadArgs};
use crate::progress::Stage;
use crate::report::file::{Protection, TempFile, check_new, write_file};
use crate::report::json::write_json;
use crate::store::Dump;
use anyhow::{Context, Result};
use std::io::Write;

/// Largest dump `load` reads (a province's 100k items dump to well under this).
const MAX_DUMP_BYTES: u64 = 1 << 30;

/// Parse a dump as it is read, reading no more than [`MAX_DUMP_BYTES`]: what is not JSON
/// is refused at its first byte (`/dev/zero`, `yes |`), and nothing larger than the cap is
/// ever read.
fn read_dump(reader: impl std::io::Read, what: &str) -> Result<Dump> {
    let mut limited = std::io::Read::take(reader, MAX_DUMP_BYTES + 1);
    let parsed = serde_json::from_reader::<_, Dump>(std::io::BufReader::new(&mut limited));
    if limited.limit() == 0 {
        anyhow::bail!(
            "{what} is larger than the {} MB a dump may be; nothing was loaded",
            MAX_DUMP_BYTES / 1_000_000
        );
    }
    parsed.with_context(|| {
        format!(
            "{what} is not a plantrack dump (JSON written by `plantrack dump`); nothing was loaded"
        )
    })
}
fn shown(path: &std::path::Path) -> String {
    safe(&path.display().to_string())
}

pub fn backup(args: &BackupArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    check_new(&args.file, args.force, ctx.store.path())?;
    let temp = TempFile::beside(&args.file, Protection::of(ctx.store.path()))?;
    ctx.store
        .backup_reporting(temp.path(), &*ctx.progress)
        .with_context(|| format!("cannot back up to {}", shown(&args.file)))?;
    temp.persist(&args.file, args.force)?;
    writeln!(
        out,
        "backed up {} to {} (integrity check: ok)",
        shown(ctx.store.path()),
        shown(&args.file)
    )?;
    Ok(())
}

pub fn compact(ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let done = ctx
        .store
        .compact_reporting(&*ctx.progress)
        .with_context(|| format!("cannot compact {}", shown(ctx.store.path())))?;
    write_compacted(&done, ctx, out)
}

/// "compacted FILE: 288.0 MB → 251.3 MB in 1.4 s"
pub fn write_compacted(
    done: &crate::store::Compacted,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<()> {
    let mb = |bytes: u64| bytes as f64 / 1e6;
    writeln!(
        out,
        "compacted {}: {:.1} MB → {:.1} MB in {:.1} s",
        shown(ctx.store.path()),
        mb(done.before),
        mb(done.after),
        done.took.as_secs_f64()
    )?;
    Ok(())
}

pub fn dump(args: &DumpArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let dump = ctx.store.dump()?;
    match &args.output {
        None => write_json(&dump, out)?,
        Some(path) => {
            let mut bytes = Vec::new();
            write_json(&dump, &mut bytes)?;
            write_file(path, &bytes, args.force, ctx.store.path())?;
            writeln!(
                out,
                "dumped {} items, {} milestones, {} notes, {} indicator values, {} changes to {}",
                dump.items.len(),
                dump.milestones.len(),
                dump.notes.len(),
                dump.indicator_values.len(),
                dump.changes.len(),
                shown(path)
            )?;
        }
    }
    Ok(())
}

pub fn load(args: &LoadArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let progress = &*ctx.progress;
    let dump = if args.file.as_os_str() == "-" {
        progress.begin(Stage::ReadDump, None);
        let stdin = std::io::stdin().lock();
        read_dump(
            Reading {
                inner: stdin,
                progress,
            },
            "the dump on stdin",
        )?
    } else {
        let file = std::fs::File::open(&args.file)
            .with_context(|| format!("cannot read {}", shown(&args.file)))?;
        progress.begin(Stage::ReadDump, file.metadata().ok().map(|m| m.len()));
        read_dump(
            Reading {
                inner: file,
                progress,
            },
            &shown(&args.file),
        )?
    };
    progress.end();
    let report = ctx.store.load_reporting(&dump, args.replace, progress)?;
    writeln!(
        out,
        "loaded {} items ({} created, {} cleared), {} departments, {} links, {} milestones, \
         {} notes, {} indicator values, {} settings, {} changes ({} history rows) into {}",
        report.items,
        report.items_created,
        report.items_cleared,
        report.departments,
        report.links,
        report.milestones,
        report.notes,
        report.indicator_values,
        report.settings,
        report.changes,
        report.history,
        shown(ctx.store.path())
    )?;
    Ok(())
}
