//! A private tmux server for real-terminal tests: run commands, send keys, read the pane
//! as a person would see it. The server is killed when the value is dropped.
#![allow(dead_code, clippy::expect_used, clippy::panic)]

use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// The session (and its one pane) the other commands address.
    session: String,
}

impl Tmux {
    pub fn new(socket: &str, session: &str) -> Tmux {
        Tmux {
            socket: socket.to_string(),
            session: session.to_string(),
        }
    }

    /// Whether tmux is installed (says SKIPPED when not, and fails under `CI=true`:
    /// `.ci/run` installs it).
    pub fn available() -> bool {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            crate::support::skip::skipped("tmux is not installed (.ci/run installs it)");
        }
        ok
    }

    /// Start session `session` of `width`×`height` running `script` in `sh -c`, in a UTF-8
    /// locale with an xterm's TERM, with no tmux configuration read.
    pub fn start(&self, session: &str, width: u16, height: u16, script: &str) {
        let (width, height) = (width.to_string(), height.to_string());
        self.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            &width,
            "-y",
            &height,
            "env",
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "sh",
            "-c",
            script,
        ]);
    }

    pub fn session(&self) -> &str {
        &self.session
    }

    /// Run a tmux command on this server; its standard output.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The pane's text; lines the terminal wrapped are joined again (-J).
    pub fn capture(&self) -> String {
        self.capture_of(&self.session)
    }

    /// The text of the pane of another session on this server.
    pub fn capture_of(&self, session: &str) -> String {
        self.run(&["capture-pane", "-p", "-J", "-t", session])
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.session];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Wait until the pane shows `text` (at most 20 s); the pane.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_in(&self.session.clone(), text)
    }

    /// Wait until the pane of `session` on this server shows `text` (at most 20 s).
    pub fn wait_for_in(&self, session: &str, text: &str) -> String {
        let start = Instant::now();
        loop {
            let pane = self.capture_of(session);
            if pane.contains(text) {
                return pane;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("the pane never showed {text:?}; it shows:\n{pane}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
