//! The command-line grammar (clap derive). No logic: `commands/` acts on what is parsed here.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "plantrack",
    version,
    about = "Track the implementation of Chinese government plans"
)]
pub struct Cli {
    /// Database file (default: plantrack.db in the user's data directory).
    #[arg(long, global = true, env = "PLANTRACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse plan texts; with --dry-run, print what was found without touching any database.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Parse and report only; no database is opened.
    #[arg(long)]
    pub dry_run: bool,
    /// Print exactly one JSON object {"plans": [...]} instead of the readable report.
    #[arg(long)]
    pub json: bool,
    /// Plan text files (UTF-8, UTF-16 with BOM, or GB18030/GBK).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}
