//! One real-terminal run: the binary in tmux at 80×24 on a temporary database. Keys are
//! sent as a person would type them, the pane is read as a person would see it, then the
//! program quits and the terminal modes and the database are checked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use crate::support::tmux;
use tmux::Tmux;

#[test]
fn workbench_in_a_real_terminal() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let before = dir.path().join("stty.before");
    let after = dir.path().join("stty.after");
    let script = format!(
        "stty -g > '{before}'; PLANTRACK_TODAY=2026-11-23 PLANTRACK_USER=alice '{bin}' --db '{db}' --lang zh; \
         echo \"EXIT=$?\"; stty -g > '{after}'; sleep 60",
        before = before.display(),
        after = after.display(),
        bin = env!("CARGO_BIN_EXE_plantrack"),
        db = db.display(),
    );
    let tmux = Tmux::new(&format!("plantrack-e2e-{}", std::process::id()), "e2e");
    tmux.start("e2e", 80, 24, &script);

    // First frame: the overview with the seeded plans.
    let pane = tmux.wait_for("合计");
    assert!(
        pane.contains("1 总览") && pane.contains("湖南“十五五”规划纲要"),
        "{pane}"
    );

    // Items, search by pinyin.
    tmux.keys(&["2"]);
    tmux.wait_for("显示 290/290");
    tmux.keys(&["/", "czt", "Enter"]);
    let pane = tmux.wait_for("/czt");
    assert!(pane.contains("长株潭"), "{pane}");

    // Set the owner of the item under the cursor.
    tmux.keys(&["o"]);
    tmux.wait_for("负责人（Tab 补全）");
    tmux.keys(&["王敏", "Enter"]);
    let pane = tmux.wait_for("已保存");
    assert!(pane.contains("王敏"), "{pane}");

    // Help, then back out and quit.
    tmux.keys(&["?"]);
    tmux.wait_for("快捷键");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    let pane = tmux.wait_for("EXIT=");
    assert!(pane.contains("EXIT=0"), "{pane}");
    assert!(
        !pane.contains("1 总览"),
        "the alternate screen was left:\n{pane}"
    );
    wait_for_file(&after);
    let modes = |p: &Path| std::fs::read_to_string(p).unwrap();
    assert_eq!(
        modes(&before),
        modes(&after),
        "terminal modes were not restored"
    );

    // The database has the change, made by alice.
    let store = plantrack::store::Store::open(&db, "checker").unwrap();
    let owned = store
        .list(
            &plantrack::store::ItemQuery {
                filter: plantrack::track::filter::Filter {
                    owner: Some("王敏".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        )
        .unwrap();
    assert_eq!(owned.len(), 1);
    assert!(
        store
            .history(Some(owned[0].id), 5)
            .unwrap()
            .iter()
            .any(|h| h.who == "alice" && h.field == "owner")
    );
}

fn wait_for_file(path: &Path) {
    let start = Instant::now();
    while !path.exists() || std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} never written",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A real import from a terminal shows a preview and asks first; "n" writes nothing.
#[test]
fn import_from_a_terminal_previews_and_asks() {
    if !Tmux::available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    // A plan the seeds do not have.
    let text = "某市“十四五”测试规划\n\n第一章 总则\n\n专栏1 测试工程\n\n1．甲工程。到2025年建成。\n\n2．乙工程。推进。\n";
    let file = dir.path().join("plan.txt");
    std::fs::write(&file, text).unwrap();
    let run = |answer: &str, socket: &str| {
        let script = format!(
            "PLANTRACK_TODAY=2026-11-23 '{bin}' --db '{db}' import '{file}'; echo \"EXIT=$?\"; sleep 30",
            bin = env!("CARGO_BIN_EXE_plantrack"),
            db = db.display(),
            file = file.display(),
        );
        let tmux = Tmux::new(socket, "e2e");
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "env",
            "LANG=C.UTF-8",
            "sh",
            "-c",
            &script,
        ]);
        let pane = tmux.wait_for("[y/N]");
        assert!(
            pane.contains("某市“十四五”测试规划") && pane.contains("1 专栏, 2 items"),
            "{pane}"
        );
        tmux.keys(&[answer, "Enter"]);
        tmux.wait_for("EXIT=")
    };
    let pane = run("n", &format!("plantrack-import-n-{}", std::process::id()));
    assert!(
        pane.contains("import cancelled") && pane.contains("EXIT=1"),
        "{pane}"
    );
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let count = |db: &std::path::Path| {
        let store = plantrack::store::Store::open(db, "checker").unwrap();
        store
            .list(&plantrack::store::ItemQuery::default(), today)
            .unwrap()
            .len()
    };
    let before = count(&db);
    let pane = run("y", &format!("plantrack-import-y-{}", std::process::id()));
    assert!(pane.contains("EXIT=0"), "{pane}");
    assert_eq!(count(&db), before + 2);
}
