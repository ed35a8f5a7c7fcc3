//! plantrack: track the implementation of Chinese government plans.
//!
//! Layers, from the edges in (each uses only those after it; the README's "Layout" table
//! says what each owns and may not do, and `.ci/fences` checks the fences):
//! - `cli` (the command-line grammar), `commands` (one file per subcommand: glue and
//!   output), `tui` (the workbench: event → keymap → update → effect → store; render
//!   from state).
//! - `report`: output formats — tables, CSV, JSON, exports, the import reports; the item
//!   list's columns (`report::columns`).
//! - `store`: the only SQL — schema, import, items, history and undo, search.
//! - `plan`: plan text → plan model (readers of .docx/web/PDF/OFD, encoding, outline,
//!   boxes, tasks, indicators, deadlines, glossary). Pure: no I/O but the bytes given.
//! - `track`: domain rules, pure — status, pace and lights, roll-ups, filters, identity
//!   of revised items, limits, projects, indicators.
//! - `progress`: the stages of long work and the trait the parser, store and exports
//!   report them through (`commands::progress` draws the bar; nothing else does).
//! - `seed`, `directory`: the embedded plan texts and department directory; `clock`:
//!   "today"; `text`: terminal safety, display width and wrapping, script conversion,
//!   pinyin matching, the session language.

pub mod cli;
pub mod clock;
mod commands;
pub mod directory;
pub mod plan;
pub mod progress;
pub mod report;
pub mod seed;
pub mod store;
pub mod text;
pub mod track;
pub mod tui;

use cli::{Cli, Command};
use commands::Ctx;
use std::io::Write;
use std::process::ExitCode;

/// What `plantrack` without a subcommand says when there is no terminal for the workbench.
const NO_TERMINAL: &str = "the workbench (TUI) needs a terminal on stdin and stdout; \
in scripts use the subcommands: list, show, set, dept, milestone, note, indicator, history, \
undo, redo, summary, assign, import, departments, config, export, backup, compact, dump, load (see `plantrack --help` and \
`plantrack help COMMAND`)";

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    run_with_width(cli, None)
}

/// Run a parsed command line; `width` is the terminal's width in cells when stdout is a
/// terminal (otherwise `COLUMNS`, else 80, is used for tables and wrapped text).
pub fn run_with_width(cli: Cli, width: Option<usize>) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let Some(command) = cli.command else {
        use std::io::IsTerminal;
        if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
            anyhow::bail!(NO_TERMINAL);
        }
        let ctx = Ctx::open(cli.db.as_deref(), cli.user.as_deref(), width)?;
        let mut session = commands::workbench_session(&ctx, cli.lang.as_deref(), cli.ascii);
        if let Some(dir) = &cli.export_dir {
            session.export_dir = dir.clone();
        }
        drop(out);
        tui::run(ctx.store, session)?;
        return Ok(ExitCode::SUCCESS);
    };
    // A bar for long work on a terminal; nothing at all in scripts or with --quiet.
    let progress = commands::progress::reporter(cli.quiet, commands::language(cli.lang.as_deref()));
    if let Command::Import(args) = &command
        && args.dry_run
    {
        let (db, user) = (cli.db.as_deref(), cli.user.as_deref());
        commands::import::dry_run(args, db, user, &*progress, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // A command killed by a signal leaves no temporary file behind.
    crate::report::file::clean_up_on_signals()?;
    let mut ctx = Ctx::open(cli.db.as_deref(), cli.user.as_deref(), width)?;
    ctx.progress = progress;
    let ctx = &mut ctx;
    match &command {
        Command::List(args) => commands::list::run(args, ctx, &mut out)?,
        Command::Show(args) => commands::show::run(args, ctx, &mut out)?,
        Command::Set(args) => commands::set::run(args, ctx, &mut out)?,
        Command::Dept(args) => commands::dept::run(args, ctx, &mut out)?,
        Command::Milestone(command) => commands::milestone::run(command, ctx, &mut out)?,
        Command::Note(args) => commands::note::run(args, ctx, &mut out)?,
        Command::Indicator(command) => commands::indicator::run(command, ctx, &mut out)?,
        Command::History(args) => commands::history::run(args, ctx, &mut out)?,
        Command::Undo(args) => commands::history::undo(args, ctx, &mut out)?,
        Command::Redo(args) => commands::history::redo(args, ctx, &mut out)?,
        Command::Summary(args) => commands::summary::run(args, ctx, &mut out)?,
        Command::Assign(args) => commands::assign::run(args, ctx, &mut out)?,
        Command::Import(args) => commands::import::run(args, ctx, &mut out)?,
        Command::Departments(args) => commands::departments::run(args, ctx, &mut out)?,
        Command::People(args) => commands::people::run(args, ctx, &mut out)?,
        Command::Config(args) => commands::config::run(args, ctx, &mut out)?,
        Command::Export(args) => commands::export::run(args, ctx, &mut out)?,
        Command::Report(args) => commands::report::run(args, ctx, &mut out)?,
        Command::Returns(command) => {
            commands::returns::run(command, ctx, cli.lang.as_deref(), &mut out)?
        }
        Command::Backup(args) => commands::backup::backup(args, ctx, &mut out)?,
        Command::Compact => commands::backup::compact(ctx, &mut out)?,
        Command::Dump(args) => commands::backup::dump(args, ctx, &mut out)?,
        Command::Load(args) => commands::backup::load(args, ctx, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
