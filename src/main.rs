//! Thin entry point: parse the command line, run, map errors to an exit code.

use clap::Parser;
use plantrack::cli::Cli;
use plantrack::text::sanitize::term_safe;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match plantrack::run_with_width(cli, terminal_width()) {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("plantrack: {}", term_safe(&format!("{error:#}")));
            ExitCode::FAILURE
        }
    }
}

/// The terminal's width in cells, when stdout is a terminal.
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let (width, _) = ratatui::crossterm::terminal::size().ok()?;
    (width > 0).then_some(usize::from(width))
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
