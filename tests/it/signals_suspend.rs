//! In a real terminal (tmux): SIGINT restores the terminal as SIGTERM does (the
//! adversarial review's F17); Ctrl-Z gives the terminal back and stops the workbench, and
//! SIGCONT brings it back, drawn whole; a paste is text, never keys (F7): pasting
//! "王五⏎u⏎t⏎" into the owner prompt runs no undo and no status change, and a paste with
//! no input open does nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::pane;
use crate::support::tmux;

use pane::*;
use plantrack::store::Store;
use std::time::{Duration, Instant};
use tmux::Tmux;

#[test]
fn sigint_restores_the_terminal() {
    if !Tmux::available() {
        return;
    }
    let pane = Pane::start("int", "", "");
    pane.wait_for(TAB_BAR);
    let pid = pane.pid();
    signal(pid, "INT");
    wait_gone(pid, Duration::from_secs(2));
    let shown = pane.wait_for("EXIT=");
    assert_eq!(exit_line(&shown), "EXIT=130", "{shown}");
    assert!(
        !shown.contains(TAB_BAR),
        "still on the alternate screen:\n{shown}"
    );
    let (before, after) = pane.modes();
    assert_eq!(before, after, "terminal modes were not restored");
    assert_eq!(pane.cursor_shown(), "1");
    let raw = String::from_utf8_lossy(&pane.raw()).into_owned();
    assert!(raw.contains("\x1b[?2004h"), "bracketed paste was enabled");
    assert!(raw.contains("\x1b[?2004l"), "and disabled again");
}

fn state(pid: u32) -> String {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    stat[stat.rfind(')').unwrap() + 2..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

fn wait_state(pid: u32, want: &str) {
    let start = Instant::now();
    while state(pid) != want {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "state {} not {want}",
            state(pid)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_resuming_draws_everything_again() {
    if !Tmux::available() {
        return;
    }
    let pane = Pane::start("tstp", "", "");
    pane.wait_for(TAB_BAR);
    let pid = pane.pid();
    let tty = pane.tmux(&["display-message", "-p", "-t", "t", "#{pane_tty}"]);
    let modes = || {
        let out = std::process::Command::new("stty")
            .args(["-g", "-F", tty.trim()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let raw_modes = modes();
    pane.keys(&["C-z"]);
    wait_state(pid, "T");
    let (before, _) = (
        std::fs::read_to_string(pane.dir.path().join("stty.before")).unwrap(),
        (),
    );
    assert_eq!(
        modes(),
        before.trim(),
        "the terminal's modes are the shell's while stopped"
    );
    assert_ne!(modes(), raw_modes);
    let shown = pane.capture();
    assert!(
        !shown.contains(TAB_BAR),
        "the alternate screen was left:\n{shown}"
    );
    signal(pid, "CONT");
    wait_state(pid, "S");
    let shown = pane.wait_for(TAB_BAR);
    assert!(shown.contains("合计"), "drawn whole again:\n{shown}");
    assert_eq!(modes(), raw_modes, "raw again");
    // Still working: quit normally.
    pane.keys(&["q"]);
    let shown = pane.wait_for("EXIT=");
    assert_eq!(exit_line(&shown), "EXIT=0", "{shown}");
}

#[test]
fn a_paste_is_text_never_keys() {
    if !Tmux::available() {
        return;
    }
    let pane = Pane::start("paste", "", "");
    pane.wait_for(TAB_BAR);
    pane.keys(&["2"]);
    pane.wait_for("显示 ");
    let paste = |text: &str| {
        pane.tmux(&["set-buffer", "-b", "p", text]);
        pane.tmux(&["paste-buffer", "-p", "-b", "p", "-t", "t"]);
    };
    // With no input open a paste does nothing (its "u" and "t" are not keys).
    paste("u\nt\n+\n");
    std::thread::sleep(Duration::from_millis(500));
    // Into the owner prompt it is text: the lines joined, no Enter.
    pane.keys(&["o"]);
    pane.wait_for("负责人");
    paste("王五\nu\nt\n");
    pane.wait_for("王五 u t");
    pane.keys(&["Escape"]);
    // A bulk assignment after a paste ending in two line ends still asks, and only y says yes.
    pane.keys(&["a"]);
    pane.wait_for("批量负责人");
    paste("批量\n\n");
    pane.wait_for("批量负责人（已选或当前全部）");
    std::thread::sleep(Duration::from_millis(300));
    let shown = pane.capture();
    assert!(
        !shown.contains("已保存"),
        "nothing was saved by the paste:\n{shown}"
    );
    pane.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(200));
    pane.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(200));
    pane.keys(&["q"]);
    pane.wait_for("EXIT=");
    let store = Store::open(&pane.db, "checker").unwrap();
    let history = store.history(None, 50).unwrap();
    assert!(
        history.iter().all(|h| h.who != "alice"),
        "the pastes changed something: {history:?}"
    );
}
