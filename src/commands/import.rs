//! `plantrack import`: parse plan files and report what was found.

use super::Ctx;
use crate::cli::ImportArgs;
use crate::plan::{self, MergedPlan};
use crate::progress::{Progress, Stage};
use crate::report::{dry_run, mapping};
use crate::seed;
use crate::store::{ImportReport, ItemDecision, PlanImport};
use crate::text::sanitize::term_safe;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Read and parse every file, merging renditions of the same plan; `progress` is told
/// the bytes read, then the bytes parsed.
pub fn parse_files(args: &ImportArgs, progress: &dyn Progress) -> Result<Vec<MergedPlan>> {
    if progress.visible() {
        let sizes = args.files.iter().filter_map(|p| std::fs::metadata(p).ok());
        progress.begin(Stage::ReadFiles, Some(sizes.map(|m| m.len()).sum()));
    }
    let mut files = Vec::new();
    for path in &args.files {
        let shown = term_safe(&path.display().to_string()).into_owned();
        let bytes = read_capped(path, &shown)?;
        progress.add(bytes.len() as u64);
        files.push((bytes, shown));
    }
    let total: usize = files.iter().map(|(bytes, _)| bytes.len()).sum();
    progress.begin(Stage::Parse, Some(total as u64));
    let parsed = plan::parse_all_reporting(&files, progress);
    progress.end();
    let mut docs = Vec::new();
    for (doc, (_, shown)) in parsed.into_iter().zip(&files) {
        docs.push(doc.with_context(|| format!("{shown}: cannot import"))?);
    }
    Ok(plan::merge_renditions(docs))
}

/// Read a file, refusing one over the size cap before loading it into memory: by its size
/// when it has one, and in any case by reading no more than the cap (a device such as
/// `/dev/zero` or a pipe reports no size).
fn read_capped(path: &Path, shown: &str) -> Result<Vec<u8>> {
    let cap = plan::MAX_FILE_BYTES;
    let too_large = |bytes: usize| {
        Err(anyhow::Error::new(
            plan::encoding::EncodingError::TooLarge { bytes, cap },
        ))
        .with_context(|| format!("{shown}: cannot import"))
    };
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {shown}"))?;
    let size = file
        .metadata()
        .with_context(|| format!("cannot read {shown}"))?
        .len();
    if size > cap as u64 {
        return too_large(usize::try_from(size).unwrap_or(usize::MAX));
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, cap as u64 + 1), &mut bytes)
        .with_context(|| format!("cannot read {shown}"))?;
    if bytes.len() > cap {
        return too_large(bytes.len());
    }
    Ok(bytes)
}

/// `import --dry-run`: parse and report; when the database exists, also the mapping to
/// the items tracked there. Nothing is written, and no database is created.
pub fn dry_run(
    args: &ImportArgs,
    db: Option<&Path>,
    user: Option<&str>,
    progress: &dyn Progress,
    out: &mut dyn Write,
) -> Result<()> {
    let plans = parse_files(args, progress)?;
    let path = match db {
        Some(path) => Some(path.to_path_buf()),
        None => super::default_db_path().ok(),
    };
    let compared = match path.filter(|p| p.is_file()) {
        Some(path) => {
            let decisions = decisions(&args.map)?;
            match super::Ctx::open(Some(&path), user, None).and_then(|ctx| {
                let metas = seed::manifest()?;
                let store = &ctx.store;
                Ok(store.import_preview_reporting(&plans, &metas, &decisions, progress)?)
            }) {
                Ok(report) => Some(report),
                Err(e) => {
                    eprintln!(
                        "plantrack: note: the mapping to tracked items is not shown: {}",
                        term_safe(&format!("{e:#}"))
                    );
                    None
                }
            }
        }
        None => None,
    };
    match (&compared, args.json) {
        (Some(report), true) => mapping::write_json(&plans, &report.plans, out)?,
        (None, true) => dry_run::write_json(&plans, out)?,
        (_, false) => {
            dry_run::write_text(&plans, out)?;
            if let Some(report) = &compared {
                for (import, plan) in report.plans.iter().zip(&plans) {
                    if !import.created {
                        writeln!(out, "{}", term_safe(&import.title))?;
                        mapping::write_plan(import, mapping::text_items(plan), out)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// `--map ID=+N` and `--map ID=new` as decisions.
fn decisions(map: &[String]) -> Result<Vec<ItemDecision>> {
    map.iter()
        .map(|given| {
            let bad = || {
                anyhow::anyhow!(
                    "--map {}: expected ID=+N (tracked item ID is item N of the text, as the mapping numbers them) or ID=new",
                    term_safe(given)
                )
            };
            let (id, to) = given.split_once('=').ok_or_else(bad)?;
            let item = crate::cli::parse_item_id(id.trim()).map_err(|_| bad())?;
            match to.trim() {
                "new" | "-" | "新增" => Ok(ItemDecision::NotInText { item }),
                n => {
                    let text = n
                        .strip_prefix('+')
                        .and_then(|n| n.parse::<usize>().ok())
                        .filter(|&n| n > 0)
                        .ok_or_else(bad)?;
                    Ok(ItemDecision::Same { item, text })
                }
            }
        })
        .collect()
}

/// Ask about each uncertain pair on the terminal; returns the decisions taken.
fn ask_uncertain(report: &ImportReport, out: &mut dyn Write) -> Result<Vec<ItemDecision>> {
    let mut taken = Vec::new();
    for plan in &report.plans {
        for line in plan.uncertain() {
            let (Some(item), Some(text)) = (line.item, line.text) else {
                continue;
            };
            writeln!(out, "{}", term_safe(&plan.title))?;
            writeln!(out, "  {}", mapping::describe(line))?;
            write!(out, "  同一事项？ the same item? [y/n] ")?;
            out.flush()?;
            let mut answer = String::new();
            std::io::stdin().read_line(&mut answer)?;
            taken.push(match answer.trim() {
                "y" | "Y" | "yes" | "是" => ItemDecision::Same { item, text },
                "n" | "N" | "no" | "否" => ItemDecision::NotInText { item },
                _ => bail!("import cancelled: nothing was written"),
            });
        }
    }
    Ok(taken)
}

/// `import FILE...`: parse, merge renditions, show what each text item is among the
/// tracked ones and ask (on a terminal), then import or refresh the plans, keeping every
/// tracking field on its item; print what changed per plan.
pub fn run(args: &ImportArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    if args.json {
        bail!("--json goes with --dry-run; an import prints a readable report");
    }
    let progress = &*ctx.progress;
    let plans = parse_files(args, progress)?;
    let metas = seed::manifest()?;
    let mut decisions = decisions(&args.map)?;
    for d in &decisions {
        let (ItemDecision::Same { item, .. } | ItemDecision::NotInText { item }) = *d;
        ctx.store
            .show(item, ctx.today)
            .with_context(|| format!("--map #{item}"))?;
    }
    let interactive = !args.yes && std::io::stdin().is_terminal();
    let preview = loop {
        let preview = ctx
            .store
            .import_preview_reporting(&plans, &metas, &decisions, progress)?;
        if preview.plans.iter().all(|p| p.uncertain().next().is_none()) {
            break preview;
        }
        if !interactive {
            let pairs: Vec<String> = preview
                .plans
                .iter()
                .flat_map(|p| p.uncertain())
                .map(|l| format!("  {}", mapping::describe(l)))
                .collect();
            bail!(
                "nothing was imported: these items of the text may or may not be items tracked before, and a guess could move their tracking data onto the wrong item:\n{}\ndecide each with --map ID=+N (the same item) or --map ID=new (not the same), or import on a terminal to be asked",
                pairs.join("\n")
            );
        }
        let taken = ask_uncertain(&preview, out)?;
        if taken.is_empty() {
            break preview;
        }
        decisions.extend(taken);
    };
    if interactive && !confirm(&plans, &preview, ctx, out)? {
        bail!("import cancelled: nothing was written");
    }
    let report = ctx
        .store
        .import_plans_reporting(&plans, &metas, &decisions, progress)?;
    for (plan, merged) in report.plans.iter().zip(&plans) {
        write_plan_import(plan, mapping::text_items(merged), out)?;
    }
    // A bulk load leaves the new rows scattered through the file: put them in order
    // (the import is saved already; a failure here loses nothing and is only reported).
    let added: usize = report.plans.iter().map(|p| p.items_added).sum();
    if ctx.store.import_calls_for_compaction(added)? {
        match ctx.store.compact_reporting(&*ctx.progress) {
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

/// Show what the files hold and what each item is among the tracked ones, and ask before
/// writing to the database.
fn confirm(
    plans: &[MergedPlan],
    preview: &ImportReport,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<bool> {
    crate::report::dry_run::write_summary(plans, out)?;
    for (import, plan) in preview.plans.iter().zip(plans) {
        mapping::write_plan(import, mapping::text_items(plan), out)?;
    }
    let db = term_safe(&ctx.store.path().display().to_string()).into_owned();
    write!(out, "Import into {db}? 导入？[y/N] ")?;
    out.flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "是"))
}

fn write_plan_import(plan: &PlanImport, items_in_text: usize, out: &mut dyn Write) -> Result<()> {
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
    mapping::write_plan(plan, items_in_text, out)?;
    Ok(())
}
