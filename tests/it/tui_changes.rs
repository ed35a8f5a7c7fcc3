//! The 变化 screen: what changed since a date, by whom, grouped by department — on a
//! history made through the built binary on known days, then read in the workbench
//! (TestBackend, 80×24, Chinese and English), with Enter opening the item.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli::Db;
use crate::support::tui::{app, keys, render, screen_text};
use plantrack::tui::{Lang, ScreenId, key_help};

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d{2}-\d{2} \d{2}:\d{2}", "[time]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// October: alice moves #5. November: bob leads #1 for 省体育局, moves it (which starts it),
/// writes a note;
/// carol gives #3 an owner, 省信访局 and a milestone; carol starts #2 (no lead); a
/// threshold changes (no item).
fn history() -> Db {
    let db = Db::new();
    db.on("2026-10-20", &["set", "5", "--progress", "10"]);
    let bob = |day: &str, args: &[&str]| {
        let out = db
            .as_user("bob")
            .args(args)
            .env("PLANTRACK_TODAY", day)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
    };
    bob("2026-11-05", &["dept", "1", "--lead", "省体育局"]);
    bob("2026-11-05", &["set", "1", "--progress", "30"]);
    bob("2026-11-05", &["note", "1", "已召开推进会"]);
    let carol = |day: &str, args: &[&str]| {
        let out = db
            .as_user("carol")
            .args(args)
            .env("PLANTRACK_TODAY", day)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
    };
    carol("2026-11-12", &["set", "3", "--owner", "王敏"]);
    carol("2026-11-12", &["dept", "3", "--lead", "省信访局"]);
    carol(
        "2026-11-12",
        &["milestone", "add", "3", "--due", "2026-12-31", "完成验收"],
    );
    carol("2026-11-20", &["set", "2", "--status", "in_progress"]);
    carol("2026-11-21", &["config", "yellow_lag", "20"]);
    db
}

#[test]
fn changes_since_the_month_began_grouped_by_department() {
    let db = history();
    let (mut app, mut store) = app(&db.path, "alice", Lang::Zh);
    keys(&mut app, &mut store, "c");
    assert_eq!(app.screen, ScreenId::Changes);
    let text = screen_text(&render(&app, 80, 24));
    snapshot("changes_80x24_zh", &text);
    snapshot("changes_160x48_zh", &screen_text(&render(&app, 160, 48)));
    assert!(
        text.contains("变化 · 自 2026-11-01 起 · 9 项修改"),
        "{text}"
    );
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in\n{text}"))
    };
    // Departments by name, then the items without a lead, then what is about no item.
    assert!(at("省体育局（4 项修改）") < at("省信访局（3 项修改）"));
    assert!(at("省信访局（3 项修改）") < at("（未指定牵头单位）（1 项修改）"));
    assert!(at("（未指定牵头单位）（1 项修改）") < at("（非事项）（1 项修改）"));
    // By whom and what, in words (a progress above 0 starts the item: its status too).
    assert!(at("bob") < at("进度：0 → 30"));
    assert!(
        text.contains("省信访局 责任单位：（空） → 牵头（用户）"),
        "{text}"
    );
    assert!(
        text.contains("carol") && text.contains("负责人：（空） → 王敏"),
        "{text}"
    );
    // October is not shown.
    assert!(!text.contains("0 → 10"), "{text}");

    // `[`: from the first of October; `]`: back to November.
    keys(&mut app, &mut store, "[");
    let october = screen_text(&render(&app, 80, 24));
    assert!(
        october.contains("自 2026-10-01 起 · 11 项修改"),
        "{october}"
    );
    keys(&mut app, &mut store, "]");
    assert_eq!(app.screens.changes.since.unwrap().to_string(), "2026-11-01");

    // Enter opens the selected change's item; q comes back.
    keys(&mut app, &mut store, "<Enter>");
    assert_eq!(app.screen, ScreenId::Detail);
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 1);
    keys(&mut app, &mut store, "q");
    assert_eq!(app.screen, ScreenId::Changes);
    // Down past bob's four changes to carol's first: #3.
    keys(&mut app, &mut store, "jjjj<Enter>");
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 3);

    // `:changes DATE` sets the date.
    keys(&mut app, &mut store, "q:changes 2026-11-12<Enter>");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("自 2026-11-12 起 · 5 项修改"), "{text}");
    assert!(!text.contains("bob"), "{text}");
    keys(&mut app, &mut store, ":changes 2026-13-01<Enter>");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("日期“2026-13-01”无效"), "{text}");

    // Someone's change made meanwhile shows once the data is read again (`r`, or by
    // itself when the workbench notices it).
    db.on("2026-11-22", &["set", "4", "--progress", "40"]);
    keys(&mut app, &mut store, "r");
    let text = screen_text(&render(&app, 80, 24));
    assert!(
        text.contains("自 2026-11-12 起 · 7 项修改") && text.contains("#4 "),
        "{text}"
    );
}

#[test]
fn changes_in_english_and_the_help_from_the_keymap() {
    let db = history();
    let (mut app, mut store) = app(&db.path, "alice", Lang::En);
    keys(&mut app, &mut store, "c");
    let text = screen_text(&render(&app, 80, 24));
    snapshot("changes_80x24_en", &text);
    assert!(text.contains("Changes since 2026-11-01 · 9"), "{text}");
    assert!(text.contains("省体育局 (4 changes)"), "{text}");
    assert!(text.contains("(not an item) (1 change)"), "{text}");
    assert!(text.contains("progress: 0 → 30"), "{text}");

    // The help lists the screen's own keys, from the keymap.
    let help = key_help(ScreenId::Changes, Lang::En);
    assert!(help.contains(&(
        "[ ]".to_string(),
        "start a month earlier / later".to_string()
    )));
    let overview = key_help(ScreenId::Overview, Lang::Zh);
    assert!(
        overview
            .iter()
            .any(|(k, d)| k == "c" && d.starts_with("变化"))
    );
    keys(&mut app, &mut store, "?");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("start a month earlier / later"), "{text}");
}
