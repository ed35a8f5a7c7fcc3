//! One filter rule (issue 14, part 3): the command line's flags and the workbench's filter
//! bar keep the same items. Before, `--dept 发改` failed in the CLI ("no department 发改")
//! while `dept:发改` matched in the workbench.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli;
use crate::support::tui as tui_support;

use cli::Db;
use plantrack::tui::Lang;
use std::collections::BTreeSet;

fn cli_ids(db: &Db, args: &[&str]) -> BTreeSet<i64> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    db.json(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_i64().unwrap())
        .collect()
}

fn workbench_ids(db: &Db, filter: &str) -> BTreeSet<i64> {
    let (mut app, mut store) = tui_support::app(&db.path, "alice", Lang::Zh);
    tui_support::keys(&mut app, &mut store, &format!("2f{filter}<Enter>"));
    let message = app.message.clone().map(|m| m.1).unwrap_or_default();
    assert!(!message.contains("不认识"), "{filter}: {message}");
    app.screens
        .items
        .visible()
        .iter()
        .map(|&i| app.data.items[i].id)
        .collect()
}

#[test]
fn the_command_line_and_the_workbench_keep_the_same_items() {
    let db = Db::new();
    db.ok(["set", "1", "--owner", "王敏", "--progress", "40"]);
    db.ok(["set", "30", "--owner", "王敏"]);
    for (flags, words) in [
        (vec!["--dept", "发改"], "单位:发改"),
        (vec!["--dept", "省发改委"], "dept:省发改委"),
        (vec!["--dept", "fgw"], "dept:fgw"),
        (
            vec!["--dept", "发改", "--role", "lead"],
            "单位:发改 角色:牵头",
        ),
        (vec!["--dept", "财政", "--role", "co"], "单位:财政 role:co"),
        (vec!["--owner", "王敏"], "负责人:王敏"),
        (vec!["--status", "进行中"], "状态:进行中"),
        (vec!["--light", "红"], "灯:红"),
        (vec!["--unassigned", "--light", "黄"], "未分配 light:yellow"),
    ] {
        let from_cli = cli_ids(&db, &flags);
        assert!(!from_cli.is_empty(), "{flags:?} keeps nothing");
        assert_eq!(from_cli, workbench_ids(&db, words), "{flags:?} vs {words}");
    }
    // 发改 means 省发展改革委 (its alias 省发改委 contains it), so it keeps its items.
    let lead = cli_ids(&db, &["--dept", "发改", "--role", "lead"]);
    let any = cli_ids(&db, &["--dept", "发改"]);
    assert!(lead.len() < any.len(), "lead only is fewer than lead or co");
    let err = db.fails(["list", "--dept", "某某局"]);
    assert!(err.contains("某某局"), "{err}");
}

#[test]
fn a_drill_down_from_the_lead_view_shows_lead_items_only() {
    let db = Db::new();
    let lead = cli_ids(&db, &["--dept", "省发展改革委", "--role", "lead"]);
    let co = cli_ids(&db, &["--dept", "省发展改革委", "--role", "co"]);
    assert!(!lead.is_empty() && !co.is_empty());
    let (mut app, mut store) = tui_support::app(&db.path, "alice", Lang::Zh);
    for (tab, want) in [("", &lead), ("<Tab>", &co)] {
        tui_support::keys(&mut app, &mut store, &format!("5{tab}"));
        let rows = if tab.is_empty() {
            app.data.by_lead()
        } else {
            app.data.by_co()
        };
        app.screens.by_department.selected =
            rows.iter().position(|r| r.key == "省发展改革委").unwrap();
        tui_support::keys(&mut app, &mut store, "<Enter>");
        let shown: BTreeSet<i64> = app
            .screens
            .items
            .visible()
            .iter()
            .map(|&i| app.data.items[i].id)
            .collect();
        assert_eq!(
            &shown,
            want,
            "drilled from {}",
            if tab.is_empty() { "牵头" } else { "配合" }
        );
    }
}
