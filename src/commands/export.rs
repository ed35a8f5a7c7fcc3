//! `plantrack export`: the items matching `list` filters, with their roll-ups, written to
//! an Excel workbook, a CSV file, a Markdown brief or JSON.

use super::{Ctx, safe};
use crate::cli::{ExportArgs, ExportFormat, FilterArgs};
use crate::report::export::{Format, collect, write};
use anyhow::{Context, Result, anyhow, bail};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

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
        parts.push("仅有逾期节点的事项".into());
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

/// A temporary file beside a target, removed when dropped unless persisted.
pub struct TempFile(Option<PathBuf>);

impl TempFile {
    /// A name beside `path` (same directory, so the final rename is atomic).
    pub fn beside(path: &Path) -> TempFile {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = format!(".{name}.plantrack-{}.tmp", std::process::id());
        TempFile(Some(path.with_file_name(temp)))
    }

    pub fn path(&self) -> &Path {
        self.0.as_deref().unwrap_or(Path::new(""))
    }

    /// Move the file to `path`: replacing it when `replace`, else only if it does not
    /// exist (a hard link fails on an existing name, so nothing is overwritten even when
    /// the file appeared meanwhile).
    pub fn persist(mut self, path: &Path, replace: bool) -> Result<()> {
        let temp = self.0.take().unwrap_or_default();
        let result = if replace {
            std::fs::rename(&temp, path)
        } else {
            std::fs::hard_link(&temp, path)
        };
        let _ = std::fs::remove_file(&temp);
        let shown = safe(&path.display().to_string());
        result.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow!("{shown} exists; add --force to replace it")
            } else {
                anyhow!(e).context(format!("cannot write {shown}"))
            }
        })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Refuse `path` when it is the database `db` (or its -wal or -shm file): replacing that
/// file under the people using it would lose their writes.
fn not_the_database(path: &Path, db: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let Ok(target) = std::fs::metadata(path) else {
        return Ok(());
    };
    for suffix in ["", "-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        if let Ok(file) = std::fs::metadata(&side)
            && (file.dev(), file.ino()) == (target.dev(), target.ino())
        {
            bail!(
                "{} is the database (or one of its files); write to another file",
                safe(&path.display().to_string())
            );
        }
    }
    Ok(())
}

/// Refuse to write `path` when it is the database `db`, when its directory is missing,
/// and when it exists unless `replace`.
pub fn check_new(path: &Path, replace: bool, db: &Path) -> Result<()> {
    not_the_database(path, db)?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        bail!(
            "cannot write {}: the directory {} does not exist",
            safe(&path.display().to_string()),
            safe(&dir.display().to_string())
        );
    }
    if !replace && path.exists() {
        bail!(
            "{} exists; add --force to replace it",
            safe(&path.display().to_string())
        );
    }
    Ok(())
}

/// Write `bytes` to `path` whole or not at all (a temporary file beside it, synced, then
/// renamed). Refused as [`check_new`] says.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool, db: &Path) -> Result<()> {
    check_new(path, replace, db)?;
    let shown = safe(&path.display().to_string());
    let temp = TempFile::beside(path);
    let mut file =
        std::fs::File::create(temp.path()).with_context(|| format!("cannot write {shown}"))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {shown}"))?;
    drop(file);
    temp.persist(path, replace)
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
