//! The grammar of `plantrack people` (who logins are).

use clap::Subcommand;

#[derive(Debug, clap::Args)]
pub struct PeopleArgs {
    #[command(subcommand)]
    pub command: Option<PeopleCommand>,
    /// Print one JSON document instead of the table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// Say who LOGIN is: their name (as owners are written) and department.
    Set {
        login: String,
        name: String,
        /// Their department, by any of its names.
        #[arg(long, value_name = "DEPT")]
        dept: Option<String>,
    },
    /// Forget who LOGIN is.
    Remove { login: String },
}
