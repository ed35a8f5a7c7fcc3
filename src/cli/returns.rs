//! The grammar of `plantrack returns export|collect` (department returns, 督查报表).

use clap::{ArgGroup, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ReturnsCommand {
    /// Write the workbook a department fills in: the items it leads or supports, with
    /// 状态, 进度, 本期进展, 存在问题 and its open milestones (完成日期, 延期) to fill in.
    Export(ReturnsExportArgs),
    /// Read returned workbooks, check every cell, and apply each as one change (undoable
    /// as one) recorded as that department's return.
    Collect(ReturnsCollectArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(ArgGroup::new("departments").required(true).args(["dept", "all"])))]
pub struct ReturnsExportArgs {
    /// The department, by any of its names: one workbook, written to -o FILE.xlsx.
    #[arg(long, value_name = "NAME")]
    pub dept: Option<String>,
    /// Every department that leads or supports an item: one workbook each, written into
    /// the directory -o DIR (named after the department).
    #[arg(long)]
    pub all: bool,
    /// Plan key (hn-czh-14) or part of its short name.
    #[arg(long, value_name = "P")]
    pub plan: Option<String>,
    /// Part of the chapter name.
    #[arg(long, value_name = "C")]
    pub chapter: Option<String>,
    /// Box (专栏) number.
    #[arg(long = "box", value_name = "N")]
    pub box_number: Option<u32>,
    /// The workbook (with --dept) or the directory (with --all).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: PathBuf,
    /// Replace workbooks that exist.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ReturnsCollectArgs {
    /// Returned workbooks (.xlsx).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Apply the good rows of a workbook that has bad cells (by default nothing of such a
    /// workbook is applied).
    #[arg(long)]
    pub skip_bad: bool,
    /// Only show what each workbook would change (and its conflicts); change nothing.
    #[arg(long)]
    pub dry_run: bool,
}
