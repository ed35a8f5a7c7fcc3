//! `plantrack import`: parse plan files and report what was found.

use crate::cli::ImportArgs;
use crate::plan::{self, MergedPlan};
use crate::report::dry_run;
use crate::text::sanitize::term_safe;
use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// Read and parse every file, merging renditions of the same plan.
pub fn parse_files(args: &ImportArgs) -> Result<Vec<MergedPlan>> {
    let mut docs = Vec::new();
    for path in &args.files {
        let shown = term_safe(&path.display().to_string()).into_owned();
        let bytes = read_capped(path, &shown)?;
        let doc =
            plan::parse_bytes(&bytes, &shown).with_context(|| format!("{shown}: cannot import"))?;
        docs.push(doc);
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
