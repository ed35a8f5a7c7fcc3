//! Long work on a real terminal (issue 19, part 4): `plantrack import` of a generated
//! task list of a few MB, run in a tmux pane whose output is recorded byte for byte,
//! draws a progress bar on stderr — what is being done, in the user's language, with how
//! far it is — and leaves nothing of it on the screen: the pane ends with the report
//! alone. `--quiet` draws no bar at all.

use crate::support::{tasks_text, tmux};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tmux::Tmux;

/// Run `plantrack ARGS` in an 100×30 pane (zh locale); wait for it to end. Everything
/// written to the pane, and the pane as shown at the end.
fn run_in_pane(name: &str, dir: &Path, args: &str) -> (String, String) {
    let raw = dir.join(format!("{name}.raw"));
    let go = dir.join(format!("{name}.go"));
    let script = format!(
        "while [ ! -e '{go}' ]; do sleep 0.02; done; \
         PLANTRACK_TODAY=2026-11-23 PLANTRACK_USER=alice XDG_DATA_HOME='{dir}/xdg' \
         '{bin}' --db '{dir}/{name}.db' {args}; echo \"EXIT=$?\"; sleep 60",
        go = go.display(),
        dir = dir.display(),
        bin = env!("CARGO_BIN_EXE_plantrack"),
    );
    // A server of its own for every run: a server just killed may still hold the socket.
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, Ordering::Relaxed);
    let tmux = Tmux::new(
        &format!("plantrack-progress-{name}-{}-{run}", std::process::id()),
        "t",
    );
    tmux.start("t", 100, 30, &script);
    tmux.run(&[
        "pipe-pane",
        "-t",
        "t",
        "-o",
        &format!("cat > '{}'", raw.display()),
    ]);
    std::fs::write(&go, b"").unwrap();
    let start = Instant::now();
    let pane = loop {
        let pane = tmux.capture();
        if pane.contains("EXIT=") {
            break pane;
        }
        assert!(
            start.elapsed() < Duration::from_secs(180),
            "the import never ended; the pane shows:\n{pane}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    // pipe-pane writes through a shell pipeline: let it catch up.
    std::thread::sleep(Duration::from_millis(300));
    let raw = String::from_utf8_lossy(&std::fs::read(&raw).unwrap()).into_owned();
    (raw, pane)
}

#[test]
fn import_on_a_terminal_shows_a_bar_and_leaves_only_the_report() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = tasks_text::write_tasks(dir.path(), "分工方案.txt", 12_000);
    let (raw, pane) = run_in_pane(
        "bar",
        dir.path(),
        &format!("import --yes '{}'", text.display()),
    );
    assert!(pane.contains("EXIT=0"), "{pane}");
    // The bar said what was being done, in Chinese (the locale), with how far it was.
    for label in ["解析规划文本", "写入事项", "整理数据库文件"] {
        assert!(
            raw.contains(label),
            "the bar never showed {label:?}:\n{raw}"
        );
    }
    assert!(
        raw.contains("/12,000 项"),
        "no count of items written:\n{raw}"
    );
    assert!(
        regex::Regex::new(r"\[=*>? *\] [0-9,]+/12,000 项 +[0-9]+%")
            .unwrap()
            .is_match(&raw),
        "no bar with a count and a percentage:\n{raw}"
    );
    // Nothing of it is left: the pane shows the report and the exit.
    assert!(!pane.contains("写入事项") && !pane.contains('%'), "{pane}");
    assert!(pane.contains("items added 新增事项: 12000"), "{pane}");
    let report_at = pane.find("湖南省2026年重点工作任务分工方案").unwrap();
    assert!(
        pane[..report_at].trim().is_empty(),
        "something is left above the report:\n{pane}"
    );
}

#[test]
fn quiet_draws_no_bar_and_english_labels_follow_the_language() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = tasks_text::write_tasks(dir.path(), "分工方案.txt", 4_000);
    let (raw, pane) = run_in_pane(
        "quiet",
        dir.path(),
        &format!("--quiet import --yes '{}'", text.display()),
    );
    assert!(pane.contains("items added 新增事项: 4000"), "{pane}");
    for label in ["解析规划文本", "写入事项", "整理数据库文件", "约剩", "%"] {
        assert!(
            !raw.contains(label),
            "--quiet, yet {label:?} was drawn:\n{raw}"
        );
    }
    // The same database exported in English: the export's own bar.
    let (raw, pane) = run_in_pane(
        "quiet",
        dir.path(),
        &format!("--lang en export -o '{}/e.csv'", dir.path().display()),
    );
    assert!(pane.contains("exported 4290 items"), "{pane}");
    assert!(raw.contains("writing items"), "{raw}");
    assert!(!pane.contains("writing items"), "{pane}");
}
