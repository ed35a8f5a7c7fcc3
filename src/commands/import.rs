//! `plantrack import`: parse plan files and report what was found.

use super::Ctx;
use crate::cli::ImportArgs;
use crate::plan::{self, MergedPlan};
use crate::report::dry_run;
use crate::seed;
use crate::store::PlanImport;
use crate::text::sanitize::term_safe;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Read and parse every file, merging renditions of the same plan.
pub fn parse_files(args: &ImportArgs) -> Result<Vec<MergedPlan>> {
    let mut files = Vec::new();
    for path in &args.files {
        let shown = term_safe(&path.display().to_string()).into_owned();
        files.push((read_capped(path, &shown)?, shown));
    }
    let mut docs = Vec::new();
    for (doc, (_, shown)) in plan::parse_all(&files).into_iter().zip(&files) {
        docs.push(doc.with_context(|| format!("{shown}: cannot import"))?);
    }
    Ok(plan::merge_renditions(docs))
}

/// Read a file, refusing one over the size cap before loading it into memory.
fn read_capped(path: &Path, shown: &str) -> Result<Vec<u8>> {
    let size = std::fs::metadata(path)
        .with_context(|| format!("cannot read {shown}"))?
        .len();
    let cap = plan::MAX_FILE_BYTES;
    if size > cap as u64 {
        let bytes = usize::try_from(size).unwrap_or(usize::MAX);
        return Err(anyhow::Error::new(
            plan::encoding::EncodingError::TooLarge { bytes, cap },
        ))
        .with_context(|| format!("{shown}: cannot import"));
    }
    std::fs::read(path).with_context(|| format!("cannot read {shown}"))
}

/// `import --dry-run`: parse and report; no database is opened.
pub fn dry_run(args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    let plans = parse_files(args)?;
    if args.json {
        dry_run::write_json(&plans, out)?;
    } else {
        dry_run::write_text(&plans, out)?;
    }
    Ok(())
}

/// `import FILE...`: parse, merge renditions, and import or refresh the plans in the
/// database, keeping every tracking field; print what changed per plan.
pub fn run(args: &ImportArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    if args.json {
        bail!("--json goes with --dry-run; an import prints a readable report");
    }
    let plans = parse_files(args)?;
    if !args.yes && std::io::stdin().is_terminal() && !confirm(&plans, ctx, out)? {
        bail!("import cancelled: nothing was written");
    }
    let metas = seed::manifest()?;
    let report = ctx.store.import_plans(&plans, &metas)?;
    for plan in &report.plans {
        write_plan_import(plan, out)?;
    }
    // A bulk load leaves the new rows scattered through the file: put them in order
    // (the import is saved already; a failure here loses nothing and is only reported).
    let added: usize = report.plans.iter().map(|p| p.items_added).sum();
    if ctx.store.import_calls_for_compaction(added)? {
        match ctx.store.compact() {
            Ok(done) => super::backup::write_compacted(&done, ctx, out)?,
            Err(e) => writeln!(
                out,
                "note: the import is saved, but compacting the file failed ({}); run `plantrack compact` later",
                term_safe(&e.to_string())
            )?,
        }
    }
    Ok(())
}

/// Show what the files hold and ask before writing to the database.
fn confirm(plans: &[crate::plan::MergedPlan], ctx: &Ctx, out: &mut dyn Write) -> Result<bool> {
    crate::report::dry_run::write_summary(plans, out)?;
    let db = term_safe(&ctx.store.path().display().to_string()).into_owned();
    write!(out, "Import into {db}? 导入？[y/N] ")?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "是"))
}

fn write_plan_import(plan: &PlanImport, out: &mut dyn Write) -> Result<()> {
    let state = if plan.created {
        "已创建 created"
    } else {
        "已刷新 refreshed"
    };
    writeln!(
        out,
        "{} ({}): {state}",
        term_safe(&plan.title),
        term_safe(&plan.key)
    )?;
    let counts = [
        ("items added 新增事项", plan.items_added),
        ("text changes 文本变化", plan.text_changes.len()),
        ("items missing 已不在文本中", plan.items_missing.len()),
        ("links added 新增部门关联", plan.links_added),
        ("milestones added 新增节点", plan.milestones_added),
        ("indicators added 新增指标", plan.indicators_added),
    ];
    if counts.iter().all(|(_, n)| *n == 0) {
        writeln!(out, "  nothing added or changed 无新增或变化")?;
        return Ok(());
    }
    for (label, n) in counts {
        writeln!(out, "  {label}: {n}")?;
    }
    for change in &plan.text_changes {
        writeln!(out, "    ~ {}", term_safe(change))?;
    }
    for missing in &plan.items_missing {
        writeln!(out, "    - {}", term_safe(missing))?;
    }
    Ok(())
}
