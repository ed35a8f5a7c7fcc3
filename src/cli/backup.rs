//! The grammar of `backup`, `dump` and `load`.

use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The copy to write (a new SQLite file).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct LoadArgs {
    /// A file written by `plantrack dump` (`-` reads stdin).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Replace tracking data this database already has.
    #[arg(long)]
    pub replace: bool,
}
