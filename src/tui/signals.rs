//! SIGINT, SIGTERM, SIGHUP and SIGQUIT on their own thread. A flag for the event loop would not do:
//! once the tty is gone crossterm can spin inside `poll()` and never return (crossterm#793).
//!
//! The thread restores the terminal (leaves raw mode and the alternate screen, shows the
//! cursor) and exits with 128 + the signal number. It holds the stdout lock from then on, so the event loop
//! cannot draw another frame over the restored screen. Restoring writes to the terminal,
//! and a write to a dead or stuck terminal can block forever (after SIGHUP the pty may be
//! gone), so a watchdog exits anyway after [`RESTORE_DEADLINE`]. No transaction is ever open
//! between keys, so exiting here loses nothing that was saved.
//!
//! The terminal can also vanish with no signal at all (SIGHUP ignored): a second thread
//! notices that the tty hung up and exits too (see [`watch_for_hangup`]).
//!
//! Panics are handled by ratatui's hook (installed by `ratatui::init`, restores the terminal)
//! chained to plantrack's own in `main.rs` (prints the message made terminal-safe).

use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Set when the workbench comes back from a suspension (Ctrl-Z, then `fg`): the event loop
/// clears the screen and draws everything again.
static RESUMED: AtomicBool = AtomicBool::new(false);

/// Whether the workbench was suspended and resumed since the last call.
pub fn take_resumed() -> bool {
    RESUMED.swap(false, Ordering::SeqCst)
}

/// Whether the workbench captures the mouse (`set_mouse`), kept across Ctrl-Z.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// The terminal as the workbench uses it: raw mode, the alternate screen, bracketed paste
/// (a paste arrives as one event, never as keys), the mouse unless it was given back.
pub fn enter_terminal() -> std::io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::event::EnableBracketedPaste
    )?;
    if MOUSE.load(Ordering::SeqCst) {
        ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableMouseCapture
        )?;
    }
    Ok(())
}

/// Capture the mouse or give it back to the terminal (so text can be selected).
pub fn set_mouse(on: bool) -> std::io::Result<()> {
    MOUSE.store(on, Ordering::SeqCst);
    if on {
        ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::EnableMouseCapture
        )
    } else {
        ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableMouseCapture
        )
    }
}

/// The terminal as the shell had it. Never panics (it runs in the panic hook and on a
/// terminal that may be gone).
pub fn leave_terminal() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableMouseCapture,
        ratatui::crossterm::event::DisableBracketedPaste
    );
    // Not `restore()`: on a hung-up tty it reports the failure with `eprintln!`, which
    // panics when stderr is gone too.
    let _ = ratatui::try_restore();
    // Restoring leaves the cursor hidden.
    let _ = ratatui::crossterm::execute!(std::io::stdout(), ratatui::crossterm::cursor::Show);
}

/// Ctrl-Z: suspend as any terminal program does (the signal thread gives the terminal back
/// first, and takes it again on `fg`).
pub fn suspend() {
    let _ = signal_hook::low_level::raise(SIGTSTP);
}

/// Longest time restoring the terminal may take before the process exits regardless.
const RESTORE_DEADLINE: Duration = Duration::from_millis(300);

/// How often the hang-up watch checks that the terminal is still there.
const HANGUP_CHECK: Duration = Duration::from_millis(100);

/// Start the signal thread and the hang-up watch. Call before `ratatui::init`.
pub fn install() -> std::io::Result<()> {
    watch_for_hangup()?;
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGCONT {
                    continue;
                }
                if signal == SIGTSTP {
                    // Give the terminal back, stop; on SIGCONT take it again.
                    let stdout = std::io::stdout();
                    let _frozen = stdout.lock();
                    leave_terminal();
                    let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
                    let _ = enter_terminal();
                    RESUMED.store(true, Ordering::SeqCst);
                    continue;
                }
                let code = 128 + signal;
                // The watchdog: exit even if a write below blocks.
                let _ = std::thread::Builder::new()
                    .name("signals-deadline".into())
                    .spawn(move || {
                        std::thread::sleep(RESTORE_DEADLINE);
                        std::process::exit(code);
                    });
                let stdout = std::io::stdout();
                let _frozen = stdout.lock();
                leave_terminal();
                std::process::exit(code);
            }
        })?;
    Ok(())
}

/// A test hook, in debug builds only (`cargo build`, `cargo test`; compiled out of release
/// builds): with `PLANTRACK_DEBUG_PANIC=1` in the environment the workbench panics right
/// after drawing its first frame, so `tests/it/signals_terminal.rs` can check in a real
/// terminal that a panic restores the terminal modes and prints a terminal-safe message.
/// The message deliberately carries an OSC title sequence and a screen clear: the panic hook
/// must show them as inert text.
#[allow(clippy::panic)]
pub fn after_frame() {
    #[cfg(debug_assertions)]
    if std::env::var_os("PLANTRACK_DEBUG_PANIC").is_some_and(|v| v == "1") {
        panic!(
            "PLANTRACK_DEBUG_PANIC=1: deliberate panic after the first frame \u{1b}]0;PWNED\u{7}\u{1b}[2J"
        );
    }
}

/// When the terminal goes away without a SIGHUP reaching us (SIGHUP ignored as under
/// `nohup`, or a shell that survives the hang-up and forwards nothing), crossterm's `poll()`
/// spins on the dead tty (crossterm#793) and the event loop never runs again. A hung-up
/// tty answers every ioctl with EIO, so `isatty` turns false: this thread checks that
/// every [`HANGUP_CHECK`] and exits as SIGHUP would (129), without writing to the gone
/// terminal.
fn watch_for_hangup() -> std::io::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Ok(());
    }
    std::thread::Builder::new()
        .name("hangup-watch".into())
        .spawn(|| {
            loop {
                std::thread::sleep(HANGUP_CHECK);
                if !std::io::stdout().is_terminal() {
                    std::process::exit(128 + SIGHUP);
                }
            }
        })?;
    Ok(())
}
