//! `plantrack import`: parse plan files and report what was found.

use crate::cli::ImportArgs;
use crate::plan::{self, MergedPlan};
use crate::report::dry_run;
use crate::text::sanitize::term_safe;
use anyhow::{Context, Result, bail};
use std::io::Write;

/// Read and parse every file, merging renditions of the same plan.
pub fn parse_files(args: &ImportArgs) -> Result<Vec<MergedPlan>> {
    let mut docs = Vec::new();
    for path in &args.files {
        let shown = term_safe(&path.display().to_string()).into_owned();
        let bytes = std::fs::read(path).with_context(|| format!("cannot read {shown}"))?;
        let doc =
            plan::parse_bytes(&bytes, &shown).with_context(|| format!("{shown}: cannot import"))?;
        docs.push(doc);
    }
    Ok(plan::merge_renditions(docs))
}

pub fn run(args: &ImportArgs, out: &mut dyn Write) -> Result<()> {
    if !args.dry_run {
        bail!(
            "importing into a database is not available yet: run with --dry-run to see what the files contain"
        );
    }
    let plans = parse_files(args)?;
    if args.json {
        dry_run::write_json(&plans, out)?;
    } else {
        dry_run::write_text(&plans, out)?;
    }
    Ok(())
}
