//! `plantrack returns export|collect`: department returns (督查报表) out and back in.

use super::{Ctx, item_ref, milestone_ref, safe};
use crate::cli::{ReturnsCollectArgs, ReturnsCommand, ReturnsExportArgs};
use crate::plan::Role;
use crate::report::export::{ExportItem, collect};
use crate::report::file::write_file;
use crate::report::returns::{self, MAX_RETURN_BYTES, ReturnMilestone, ReturnRow, ReturnSheet};
use crate::store::{Department, HistoryEntry, ItemQuery, ReturnOutcome};
use crate::text::lang::Lang;
use anyhow::{Context, Result, anyhow, bail};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

pub fn run(
    command: &ReturnsCommand,
    ctx: &mut Ctx,
    lang: Option<&str>,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = super::message_lang(lang);
    match command {
        ReturnsCommand::Export(args) => export(args, ctx, out),
        ReturnsCommand::Collect(args) => collect_all(args, ctx, lang, out),
    }
}

/// The items of the scope; with --dept, only those the department is linked to.
fn query(args: &ReturnsExportArgs) -> ItemQuery {
    let mut query = ItemQuery {
        plan: args.plan.clone(),
        chapter: args.chapter.clone(),
        box_number: args.box_number,
        ..ItemQuery::default()
    };
    query.filter.department = args.dept.clone();
    query
}

/// The department's items of `items`, each with how it is linked.
fn rows_of(items: &[ExportItem], short: &str) -> Vec<ReturnRow> {
    items
        .iter()
        .filter_map(|item| {
            let role = if item.lead.as_deref() == Some(short) {
                Role::Lead
            } else if item.co.iter().any(|c| c == short) {
                Role::Co
            } else {
                return None;
            };
            Some(ReturnRow {
                item: item.clone(),
                role,
            })
        })
        .collect()
}

/// A file name for a department's workbook: its short name, without path separators.
fn file_name(short: &str) -> String {
    let name: String = short
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | '\0') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.xlsx", name.trim_start_matches('.'))
}

fn export(args: &ReturnsExportArgs, ctx: &mut Ctx, out: &mut dyn Write) -> Result<()> {
    let named = match &args.dept {
        Some(name) => Some(ctx.store.find_department(name)?.ok_or_else(|| {
            anyhow!(
                "--dept: no department is known as “{}” (see `plantrack departments`)",
                safe(name)
            )
        })?),
        None => None,
    };
    let stamp = ctx.store.stamp()?;
    let export = collect(&ctx.store, &query(args), ctx.today, "")?;
    let departments: Vec<Department> = match named {
        Some(department) => vec![department],
        None => {
            let mut linked: Vec<&str> = export
                .items
                .iter()
                .flat_map(|i| i.lead.iter().chain(i.co.iter()))
                .map(String::as_str)
                .collect();
            linked.sort_unstable();
            linked.dedup();
            let all = ctx.store.departments()?;
            all.into_iter()
                .filter(|d| linked.binary_search(&d.short.as_str()).is_ok())
                .collect()
        }
    };
    if args.all {
        if args.output.exists() && !args.output.is_dir() {
            bail!(
                "-o: {} is not a directory; with --all, name a directory for the workbooks",
                safe(&args.output.display().to_string())
            );
        }
        std::fs::create_dir_all(&args.output).with_context(|| {
            format!("cannot create {}", safe(&args.output.display().to_string()))
        })?;
    }
    let ids: Vec<i64> = export.items.iter().map(|i| i.id).collect();
    let open = ctx.store.open_milestones(&ids)?;
    for department in &departments {
        let rows = rows_of(&export.items, &department.short);
        let mut milestones = Vec::new();
        for row in &rows {
            for m in open.get(&row.item.id).into_iter().flatten() {
                milestones.push(ReturnMilestone {
                    item: row.item.id,
                    item_title: row.item.title.clone(),
                    milestone: m.id,
                    name: crate::report::export::clean(&m.title),
                    due: m.due_on,
                });
            }
        }
        let sheet = ReturnSheet {
            department: department.official.clone(),
            stamp: stamp.0,
            exported_on: ctx.today,
            rows,
            milestones,
        };
        let path = if args.all {
            args.output.join(file_name(&department.short))
        } else {
            args.output.clone()
        };
        let mut bytes = Vec::new();
        returns::write(&sheet, &mut bytes)?;
        write_file(&path, &bytes, args.force, ctx.store.path())?;
        ctx.store
            .record_return_sent(&department.official, stamp, sheet.rows.len())?;
        writeln!(
            out,
            "{}: {} 项事项 items, {} 个节点 milestones → {}",
            safe(&department.short),
            sheet.rows.len(),
            sheet.milestones.len(),
            safe(&path.display().to_string())
        )?;
    }
    if departments.is_empty() {
        writeln!(
            out,
            "没有单位 no department leads or supports an item in this scope"
        )?;
    }
    Ok(())
}

/// An entry of the preview: `状态 status: 进行中 → 已完成`.
fn entry_line(entry: &HistoryEntry, zh: bool) -> String {
    let label = crate::track::fields::field_label(&entry.entity, &entry.field)
        .map(|l| if zh { l.zh } else { l.en }.to_string())
        .unwrap_or_else(|| format!("{}.{}", entry.entity, entry.field));
    let value = |v: &Option<String>| match v {
        Some(v) => {
            let v = crate::track::fields::value_label(&entry.entity, &entry.field, v, zh);
            crate::text::width::truncate(&safe(&v).replace('\n', "⏎"), 60).into_owned()
        }
        None => "—".to_string(),
    };
    match (entry.entity.as_str(), entry.field.as_str()) {
        ("note", "created") => format!("{label}: + {}", value(&entry.new)),
        ("milestone", _) => format!(
            "{} {label}: {} → {}",
            milestone_ref(entry.entity_id.unwrap_or_default()),
            value(&entry.old),
            value(&entry.new)
        ),
        _ => format!("{label}: {} → {}", value(&entry.old), value(&entry.new)),
    }
}

fn report(outcome: &ReturnOutcome, dry_run: bool, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let zh = lang == Lang::Zh;
    let mut by_item: BTreeMap<i64, Vec<&HistoryEntry>> = BTreeMap::new();
    for entry in &outcome.applied {
        by_item
            .entry(entry.item.unwrap_or_default())
            .or_default()
            .push(entry);
    }
    for (item, entries) in &by_item {
        writeln!(out, "  {}", item_ref(*item))?;
        for entry in entries {
            writeln!(out, "    {}", entry_line(entry, zh))?;
        }
    }
    if !outcome.conflicts.is_empty() {
        writeln!(out, "  冲突 conflicts (not applied):")?;
        for c in &outcome.conflicts {
            let returned = crate::track::fields::value_label(
                &c.conflict.entity,
                &c.conflict.field,
                &c.returned,
                zh,
            );
            writeln!(
                out,
                "    {} [{}: {}]",
                safe(&c.conflict.describe(zh)),
                if zh { "报表值" } else { "returned" },
                safe(&returned)
            )?;
        }
    }
    for refused in &outcome.refused {
        writeln!(out, "  未采用 refused: {}", safe(&refused.message(lang)))?;
    }
    if dry_run {
        if outcome.applied.is_empty() {
            writeln!(out, "  预览 preview: 没有变化 nothing would change")?;
        } else {
            writeln!(
                out,
                "  预览 preview: nothing was changed; collecting it applies the above as one change"
            )?;
        }
        return Ok(());
    }
    match (outcome.change, &outcome.collected_before) {
        (Some(change), _) => writeln!(
            out,
            "  已采用 applied as change {change} (plantrack undo takes the whole return back)"
        )?,
        (None, Some(at)) => writeln!(
            out,
            "  没有变化 nothing changed: this file was collected before ({})",
            super::local_time(at)
        )?,
        (None, None) => writeln!(out, "  没有变化 nothing changed")?,
    }
    Ok(())
}

fn collect_all(
    args: &ReturnsCollectArgs,
    ctx: &mut Ctx,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let mut failed = Vec::new();
    for path in &args.files {
        let shown = safe(&path.display().to_string());
        match collect_one(path, args, ctx, lang, out) {
            Ok(true) => {}
            Ok(false) => failed.push(shown),
            Err(e) => {
                writeln!(out, "{shown}: {}", safe(&format!("{e:#}")))?;
                failed.push(shown);
            }
        }
    }
    if !failed.is_empty() {
        bail!(
            "{} workbook(s) not applied (see above): {}",
            failed.len(),
            failed.join(", ")
        );
    }
    Ok(())
}

/// Collect one workbook; false when it has bad cells and was not applied.
fn collect_one(
    path: &Path,
    args: &ReturnsCollectArgs,
    ctx: &mut Ctx,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<bool> {
    let shown = safe(&path.display().to_string());
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {shown}"))?;
    let bytes = super::read_capped(file, MAX_RETURN_BYTES, &shown)?;
    let read = returns::read(&bytes).map_err(|e| anyhow!("{}", e.message(lang)))?;
    writeln!(
        out,
        "{shown}: {} ({} 项事项 items, {} 个节点 milestones)",
        safe(&read.input.department),
        read.rows.0,
        read.rows.1
    )?;
    for problem in &read.problems {
        writeln!(out, "  {}", safe(&problem.describe(lang)))?;
    }
    let bad = !read.problems.is_empty() && !args.skip_bad;
    if bad {
        writeln!(
            out,
            "  {} 处错误，未采用任何内容 {} bad cell(s): nothing of this workbook {} applied (fix them, or --skip-bad to apply the good rows)",
            read.problems.len(),
            read.problems.len(),
            if args.dry_run { "would be" } else { "was" }
        )?;
        return Ok(false);
    }
    let outcome = if args.dry_run {
        ctx.store.preview_return(&read.input)
    } else {
        ctx.store.collect_return(&read.input)
    }
    .map_err(|e| anyhow!("{}", e.describe(lang)))?;
    report(&outcome, args.dry_run, lang, out)?;
    Ok(true)
}
