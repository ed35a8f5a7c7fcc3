//! The workbench in a real terminal of the size tmux leaves on an 80×24 screen (80×23,
//! its status line taking one): everything drawn, keys and a bracketed paste typed as a
//! person would (issue 18, point 4) — a pasted owner with line ends is one line of text,
//! never Enter or commands.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use crate::support::tmux;
use tmux::Tmux;

#[test]
fn workbench_at_80x23_takes_a_paste_as_text() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let script = format!(
        "PLANTRACK_TODAY=2026-11-23 PLANTRACK_USER=alice '{bin}' --db '{db}' --lang zh; \
         echo \"EXIT=$?\"; sleep 60",
        bin = env!("CARGO_BIN_EXE_plantrack"),
        db = db.display(),
    );
    let tmux = Tmux::new(&format!("plantrack-small-{}", std::process::id()), "small");
    tmux.start("small", 80, 23, &script);
    let pane = tmux.wait_for("合计");
    assert!(!pane.contains("终端太小"), "{pane}");
    assert!(
        pane.contains("q 退出"),
        "the key-hint line is drawn:\n{pane}"
    );
    assert_eq!(pane.lines().count(), 23, "{pane}");

    tmux.keys(&["2"]);
    tmux.wait_for("显示 290/290");
    tmux.keys(&["/", "czt", "Enter"]);
    tmux.wait_for("[/czt]");
    // Paste "王五⏎u⏎t⏎" into the owner prompt, bracketed (-p): one line of text.
    tmux.keys(&["o"]);
    tmux.wait_for("负责人（Tab 补全）");
    tmux.run(&["set-buffer", "-b", "p", "王五\nu\nt\n"]);
    tmux.run(&["paste-buffer", "-p", "-b", "p", "-t", "small"]);
    std::thread::sleep(Duration::from_millis(300));
    let pane = tmux.capture();
    assert!(
        pane.contains("负责人（Tab 补全）"),
        "the paste closed the prompt:\n{pane}"
    );
    tmux.keys(&["Enter"]);
    let pane = tmux.wait_for("已保存");
    assert!(pane.contains("王五 u t"), "{pane}");
    // Nothing ran as a command: no undo question, no status list.
    assert!(
        !pane.contains("撤销") && !pane.contains("状态（数字键选择"),
        "{pane}"
    );

    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    let pane = tmux.wait_for("EXIT=");
    assert!(pane.contains("EXIT=0"), "{pane}");

    let store = plantrack::store::Store::open(&db, "checker").unwrap();
    let owned = store
        .list(
            &plantrack::store::ItemQuery {
                filter: plantrack::track::filter::Filter {
                    owner: Some("王五 u t".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        )
        .unwrap();
    assert_eq!(owned.len(), 1);
}
