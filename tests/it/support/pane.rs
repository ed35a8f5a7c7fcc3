//! One workbench in a real terminal for process-fault tests: the binary runs in tmux at
//! 80×24 on a temporary database inside `sh -c 'stty -g > before; plantrack …; echo
//! EXIT=$?; stty -g > after'`, and everything the program writes to the pty is recorded
//! with `pipe-pane`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tmux::Tmux;
use plantrack::store::Store;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

pub const TODAY: &str = "2026-11-23";
/// What the tab bar shows at 80×24 in Chinese: present while the workbench is on screen.
pub const TAB_BAR: &str = "1 总览";

/// One tmux server with one 80×24 pane running the workbench on its own database.
pub struct Pane {
    pub tmux: Tmux,
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Pane {
    /// Start `plantrack --db DB --lang zh` (after `env`, e.g. `FOO=1`; `prelude` runs in the
    /// shell first) in a new pane. The program starts only once the pty's output is being
    /// recorded.
    pub fn start(name: &str, env: &str, prelude: &str) -> Pane {
        let dir = tempfile::tempdir().unwrap();
        // A path unique to this test, so `pgrep -f` finds only this test's process.
        let db = dir
            .path()
            .join(format!("signals-{name}-{}.db", std::process::id()));
        drop(Store::open(&db, "setup").unwrap());
        let p = |f: &str| dir.path().join(f).display().to_string();
        let script = format!(
            "while [ ! -e '{go}' ]; do sleep 0.02; done; {prelude} stty -g > '{before}'; \
             PLANTRACK_TODAY={TODAY} PLANTRACK_USER=alice {env} '{bin}' --db '{db}' --lang zh; \
             echo \"EXIT=$?\"; stty -g > '{after}'; sleep 30",
            go = p("go"),
            before = p("stty.before"),
            after = p("stty.after"),
            bin = env!("CARGO_BIN_EXE_plantrack"),
            db = db.display(),
        );
        let raw = p("raw.out");
        let pane = Pane {
            tmux: Tmux::new(
                &format!("plantrack-signals-{name}-{}", std::process::id()),
                "t",
            ),
            dir,
            db,
        };
        pane.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "80",
            "-y",
            "24",
            "env",
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "sh",
            "-c",
            &script,
        ]);
        pane.tmux(&["pipe-pane", "-t", "t", "-o", &format!("cat > '{raw}'")]);
        std::fs::write(pane.dir.path().join("go"), b"").unwrap();
        pane
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        self.tmux.run(args)
    }

    pub fn capture(&self) -> String {
        self.tmux.capture()
    }

    pub fn keys(&self, keys: &[&str]) {
        self.tmux.keys(keys);
    }

    pub fn wait_for(&self, text: &str) -> String {
        self.tmux.wait_for(text)
    }

    /// The workbench process: the one `pgrep -f` finds by the database path whose
    /// executable is plantrack (not the `sh -c` around it).
    pub fn pid(&self) -> u32 {
        let start = Instant::now();
        loop {
            let out = Command::new("pgrep")
                .arg("-f")
                .arg(self.db.display().to_string())
                .output()
                .unwrap();
            let bin = std::fs::canonicalize(env!("CARGO_BIN_EXE_plantrack")).unwrap();
            let found: Vec<u32> = String::from_utf8_lossy(&out.stdout)
                .split_whitespace()
                .filter_map(|p| p.parse().ok())
                .filter(|p| std::fs::read_link(format!("/proc/{p}/exe")).is_ok_and(|e| e == bin))
                .collect();
            if let [pid] = found[..] {
                return pid;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "no single plantrack process: {found:?}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The terminal modes recorded before and after the run, once both are written.
    pub fn modes(&self) -> (String, String) {
        let read = |name: &str| {
            let path = self.dir.path().join(name);
            let start = Instant::now();
            loop {
                if let Ok(text) = std::fs::read_to_string(&path)
                    && !text.is_empty()
                {
                    return text;
                }
                assert!(
                    start.elapsed() < Duration::from_secs(10),
                    "{name} never written"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        };
        (read("stty.before"), read("stty.after"))
    }

    /// tmux's cursor flag of the pane: "1" when the cursor is shown.
    pub fn cursor_shown(&self) -> String {
        self.tmux(&["display-message", "-p", "-t", "t", "#{cursor_flag}"])
            .trim()
            .to_string()
    }

    /// Everything the pane's programs wrote to the pty so far.
    pub fn raw(&self) -> Vec<u8> {
        std::fs::read(self.dir.path().join("raw.out")).unwrap_or_default()
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        // The tmux server goes with `self.tmux`. A failed test must not leave a plantrack behind (one that ignores SIGHUP would
        // outlive the tmux server): kill whatever still runs on this test's database.
        let _ = Command::new("pkill")
            .arg("-9")
            .arg("-f")
            .arg(self.db.display().to_string())
            .output();
    }
}

pub fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .unwrap();
    assert!(status.success(), "kill -{name} {pid}");
}

pub fn alive(pid: u32) -> bool {
    // A zombie has exited: only its entry is left for the parent to reap.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat_field(&stat, 3) != "Z")
}

/// Field `n` (1-based, as in proc(5)) of /proc/PID/stat.
pub fn stat_field(stat: &str, n: usize) -> String {
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    after_name
        .split_whitespace()
        .nth(n - 3)
        .unwrap()
        .to_string()
}

/// CPU time (user + system) of a process, in clock ticks, while it exists.
pub fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    Some(stat_field(&stat, 14).parse::<u64>().ok()? + stat_field(&stat, 15).parse::<u64>().ok()?)
}

/// Wait for `pid` to end; how long it took and the last CPU time seen (ticks) before it ended.
pub fn wait_gone(pid: u32, limit: Duration) -> (Duration, u64) {
    let start = Instant::now();
    let mut ticks = 0;
    while alive(pid) {
        if let Some(t) = cpu_ticks(pid) {
            ticks = t;
        }
        assert!(
            start.elapsed() < limit,
            "process {pid} still alive after {limit:?} (cpu {ticks} ticks)"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    (start.elapsed(), ticks)
}

pub fn exit_line(pane: &str) -> &str {
    pane.lines()
        .find(|l| l.starts_with("EXIT="))
        .unwrap_or_else(|| panic!("no EXIT= line:\n{pane}"))
}

/// The position just after the last "leave the alternate screen" sequence in `raw`.
pub fn after_leaving_alternate_screen(raw: &[u8]) -> usize {
    let leave = b"\x1b[?1049l";
    raw.windows(leave.len())
        .rposition(|w| w == leave)
        .map(|at| at + leave.len())
        .unwrap_or_else(|| panic!("the alternate screen was never left"))
}
