//! SIGTERM and SIGHUP on their own thread. A flag for the event loop would not do: once
//! the tty is gone crossterm can spin inside `poll()` and never return (crossterm#793).
//! SIGTERM restores the terminal, then exits; SIGHUP (the SSH session dropped) exits at
//! once, as writing to a dead terminal can block. No transaction is ever open between
//! keys, so exiting here loses nothing that was saved.

use signal_hook::consts::{SIGHUP, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

pub fn install() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                if signal != SIGHUP {
                    ratatui::restore();
                }
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}
