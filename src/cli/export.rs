//! The grammar of `plantrack export`.

use super::FilterArgs;
use clap::ValueEnum;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Excel workbook: items, one sheet per roll-up, notes (opens in Excel and WPS).
    Xlsx,
    /// The item list, UTF-8 with BOM, RFC 4180.
    Csv,
    /// A brief to paste into a report: per plan and chapter, what is late.
    #[value(alias = "markdown")]
    Md,
    /// Items and roll-ups for scripts.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// xlsx|csv|md|json (default: from the extension of the output file).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Output file (replaced if it exists); `-` writes csv, md or json to stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub filter: FilterArgs,
}
