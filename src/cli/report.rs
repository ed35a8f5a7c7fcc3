//! The grammar of `plantrack report` (the period report).

use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A Word document to send upward: title, date, summary, tables, 附件.
    Docx,
    /// An Excel workbook: the same tables, figures as numbers.
    Xlsx,
    /// Markdown.
    #[value(alias = "markdown")]
    Md,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// First day of the period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Output file (replaced if it exists); `-` writes Markdown to stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// docx|xlsx|md (default: from the extension of the output file).
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,
    /// Only the items of one plan (key or part of its short name).
    #[arg(long, value_name = "P")]
    pub plan: Option<String>,
}
