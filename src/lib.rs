//! plantrack: track the implementation of Chinese government plans.
//!
//! Module map (data flows downward; each layer uses only those below it):
//! - `cli`: the command-line grammar. `commands`: one file per subcommand, glue and output.
//! - `report`: output formats (the import dry-run report today; exports later).
//! - `plan`: plan text → plan model (encoding, normalising, outline, boxes, tasks,
//!   indicators, deadlines, glossary, merging renditions). Pure: no I/O but the bytes given.
//! - `seed`: the plan texts embedded from `seed/` and their manifest.
//! - `text`: terminal safety (`sanitize`), Chinese script conversion (`zh`).

pub mod cli;
pub mod clock;
mod commands;
pub mod directory;
pub mod plan;
pub mod report;
pub mod seed;
pub mod store;
pub mod text;
pub mod track;

use cli::{Cli, Command};
use std::process::ExitCode;

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        Some(Command::Import(args)) => commands::import::run(&args, &mut out)?,
        None => anyhow::bail!(
            "the workbench is not available yet; try `plantrack import --dry-run FILE`"
        ),
    }
    Ok(ExitCode::SUCCESS)
}
