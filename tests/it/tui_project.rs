//! A 重大项目's stage and investment in the workbench: edited with `P` on one line, shown
//! in Detail and as a column of the wide item table, recorded in history and undone.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

use plantrack::track::project::ProjectStage;
use plantrack::tui::Lang;
use tui_support::{app, keys, render, screen_text, today};

#[test]
fn project_fields_are_edited_shown_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    // No stage column while no item is a project.
    let wide = screen_text(&render(&app, 160, 30));
    let header = wide.lines().find(|l| l.contains("│ID ")).unwrap();
    assert!(!header.contains("阶段"), "{header}");

    // A bad amount is refused in Chinese, and nothing is saved.
    keys(&mut app, &mut store, "P续建 -5<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("金额") && message.contains("-5"),
        "{message}"
    );
    assert_eq!(store.show(id, today()).unwrap().row.project, None);

    keys(&mut app, &mut store, "P续建 120 30 12<Enter>");
    let project = store.show(id, today()).unwrap().row.project.unwrap();
    assert_eq!(project.stage, Some(ProjectStage::Continuing));
    assert_eq!(
        (
            project.invest_total,
            project.invest_year_plan,
            project.invest_year_done
        ),
        (Some(120.0), Some(30.0), Some(12.0))
    );
    assert_eq!(project.completion_rate, Some(40.0));

    // The wide table has the stage beside the status; Detail has every field and 完成率.
    let wide = screen_text(&render(&app, 160, 30));
    let header = wide.lines().find(|l| l.contains("│ID ")).unwrap();
    let at = |label: &str| {
        header
            .find(label)
            .unwrap_or_else(|| panic!("{label}: {header}"))
    };
    assert!(
        at("状态") < at("阶段") && at("阶段") < at("进度"),
        "{header}"
    );
    let row = wide
        .lines()
        .find(|l| l.contains(&format!("#{id} ")))
        .unwrap();
    assert!(row.contains("续建"), "{row}");
    keys(&mut app, &mut store, "<Enter>");
    let detail = screen_text(&render(&app, 80, 24));
    assert!(
        detail.contains("阶段 续建 | 总投资 120 | 年度计划投资 30 | 年度完成投资 12 (40.0%)"),
        "{detail}"
    );

    // `P` opens on the values as they are; one field changed, the others kept.
    keys(&mut app, &mut store, "P");
    match &app.mode {
        plantrack::tui::Mode::Input(input) => assert_eq!(input.text(), "续建 120 30 12"),
        other => panic!("{other:?}"),
    }
    keys(&mut app, &mut store, "<BS><BS>18<Enter>");
    let project = store.show(id, today()).unwrap().row.project.unwrap();
    assert_eq!(project.invest_year_done, Some(18.0));
    assert_eq!(project.invest_total, Some(120.0));

    // The history names the field; undo walks back one step at a time.
    let history = store.show(id, today()).unwrap().history;
    assert!(
        history
            .iter()
            .any(|h| h.field == "invest_year_done" && h.new.as_deref() == Some("18")),
        "{history:?}"
    );
    keys(&mut app, &mut store, "u");
    let question = app.message.clone().unwrap().1;
    assert!(question.contains("年度完成投资"), "{question}");
    keys(&mut app, &mut store, "y");
    let project = store.show(id, today()).unwrap().row.project.unwrap();
    assert_eq!(project.invest_year_done, Some(12.0));
}

/// What the store turns down reaches a Chinese session in Chinese, not as the command
/// line's English message (an extension to an earlier date; a threshold out of range).
#[test]
fn store_rejections_are_said_in_the_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    keys(&mut app, &mut store, "m2027-06-30 完成可研批复<Enter>");
    keys(&mut app, &mut store, "<Enter>E2027-01-01 推迟<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("延期须晚于现截止日期") && message.contains("2027-01-01"),
        "{message}"
    );
    assert!(!message.contains("extension"), "{message}");
    let detail = store
        .show(app.screens.items.current(&app.data).unwrap().id, today())
        .unwrap();
    assert!(detail.milestones.iter().all(|m| m.extensions.is_empty()));

    let (mut en, mut en_store) = tui_support::app(&dir.path().join("p.db"), "bob", Lang::En);
    keys(
        &mut en,
        &mut en_store,
        "2/czt<Enter><Enter>E2027-01-01 later<Enter>",
    );
    let message = en.message.clone().unwrap().1;
    assert!(
        message.contains("an extension moves the due date later"),
        "{message}"
    );
}
