//! Thin entry point: parse the command line, run, map errors to an exit code.

use clap::Parser;
use plantrack::cli::Cli;
use plantrack::text::sanitize::term_safe;
use std::process::ExitCode;

fn main() -> ExitCode {
    install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
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

/// A command line clap refused. Its message quotes what was typed (a pasted item id or
/// department name may carry escape sequences or bidi controls), so it goes through
/// `term_safe` like every other message; help and version go out as clap writes them.
fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    use std::io::Write;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    // Display of a rendered message is its plain text, without clap's colours.
    let text = error.render().to_string();
    let _ = write!(std::io::stderr(), "{}", term_safe(&text));
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
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

/// Print a panic (a bug) as one terminal-safe message: a panic message may quote data from a
/// plan or the database, and the default hook would print it raw. In the workbench,
/// ratatui's hook (installed after this one by `ratatui::init`) first leaves raw mode and the
/// alternate screen and then calls this one, so the message lands on the normal screen.
/// `RUST_BACKTRACE=1` still prints the backtrace. The exit status stays 101.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        use std::io::Write;
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let backtrace = std::backtrace::Backtrace::capture();
        let tail = match backtrace.status() {
            std::backtrace::BacktraceStatus::Captured => format!("\n{backtrace}"),
            _ => "\nnote: run with RUST_BACKTRACE=1 for a backtrace".to_string(),
        };
        let text = format!("plantrack: internal error{location}: {message}{tail}");
        // ratatui's hook left raw mode and the alternate screen but keeps the cursor hidden.
        if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            let _ = ratatui::crossterm::execute!(
                std::io::stdout(),
                ratatui::crossterm::event::DisableBracketedPaste,
                ratatui::crossterm::cursor::Show
            );
        }
        // Never panic inside the hook: stderr may be a terminal that is gone.
        let _ = writeln!(std::io::stderr(), "{}", term_safe(&text));
    }));
}
