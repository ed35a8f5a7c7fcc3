//! The workbench's keys as a daily user expects them (issue 18, points 1, 2, 5, 7, 12):
//! Esc goes back and never quits, `q` quits from the Overview, Ctrl-C quits from anywhere
//! and asks before a note is lost, Esc keeps a note as a draft, the status is picked from a
//! list, the bottom line hints the keys of the screen, the Detail puts tracking first and
//! says why its light is what it is.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

use chrono::NaiveDate;
use plantrack::track::{Light, Status};
use plantrack::tui::{Lang, Mode, ScreenId};
use tui_support::{fresh as open, keys, render, screen_text, today};

#[test]
fn esc_never_quits_q_quits_from_the_overview_only() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "<Esc><Esc><Esc>");
    assert!(!app.quit, "Esc on the Overview quit the workbench");
    keys(&mut app, &mut store, "2q");
    assert!(!app.quit, "q on Items goes back");
    assert_eq!(app.screen, ScreenId::Overview);
    keys(&mut app, &mut store, "4<Esc>");
    assert_eq!(app.screen, ScreenId::Overview);
    assert!(!app.quit);
    keys(&mut app, &mut store, "q");
    assert!(app.quit, "q on the Overview quits");
}

#[test]
fn ctrl_c_quits_from_anywhere_even_an_input() {
    for start in ["2", "2o王", "2/czt", "3"] {
        let (_dir, mut app, mut store) = open(Lang::Zh);
        keys(&mut app, &mut store, start);
        keys(&mut app, &mut store, "<C-c>");
        assert!(app.quit, "Ctrl-C after {start:?} did not quit");
    }
}

#[test]
fn a_note_is_never_lost_to_esc_or_ctrl_c() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "n已完成可研批复");
    // The first Esc asks; the editor stays open with the text.
    keys(&mut app, &mut store, "<Esc>");
    assert!(matches!(app.mode, Mode::Input(_)), "{:?}", app.mode);
    let said = app.message.clone().unwrap().1;
    assert!(said.contains("再按 Esc") && said.contains("草稿"), "{said}");
    // Typing goes on; a second Esc in a row closes and keeps a draft.
    keys(&mut app, &mut store, "，<Esc><Esc>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        app.drafts.get(&id).map(String::as_str),
        Some("已完成可研批复，")
    );
    assert!(store.show(id, today()).unwrap().notes.is_empty());
    // n goes on from the draft.
    keys(&mut app, &mut store, "n");
    let Mode::Input(input) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(input.text(), "已完成可研批复，");
    // Ctrl-C asks before the note is lost; any key but y cancels and keeps it.
    keys(&mut app, &mut store, "<C-c>");
    assert!(matches!(app.mode, Mode::Confirm { .. }));
    assert!(!app.quit);
    keys(&mut app, &mut store, "x");
    assert!(!app.quit);
    keys(&mut app, &mut store, "n待招标<C-s>");
    let notes = store.show(id, today()).unwrap().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "已完成可研批复，待招标");
    assert!(app.drafts.is_empty(), "a saved note leaves no draft");
    // A note being written, then Ctrl-C and y: the workbench quits.
    keys(&mut app, &mut store, "n再议<C-c>y");
    assert!(app.quit);
}

#[test]
fn the_status_is_picked_from_a_list_and_the_save_says_what_changed() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "t");
    assert_eq!(app.mode, Mode::Status(id));
    let screen = screen_text(&render(&app, 80, 24));
    for choice in ["1 未开始 *", "2 进行中", "3 已完成", "4 暂停"] {
        assert!(screen.contains(choice), "{choice} missing:\n{screen}");
    }
    keys(&mut app, &mut store, "3");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(store.show(id, today()).unwrap().row.status, Status::Done);
    let said = app.message.clone().unwrap().1;
    assert!(
        said.contains(&format!("#{id} 状态：未开始 → 已完成")),
        "{said}"
    );
    // Any other key closes the list and changes nothing.
    keys(&mut app, &mut store, "tx");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(store.show(id, today()).unwrap().row.status, Status::Done);
}

#[test]
fn the_bottom_line_hints_the_keys_of_the_screen_and_the_input() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    let last = |app: &plantrack::tui::App, width: u16| {
        screen_text(&render(app, width, 24))
            .lines()
            .last()
            .unwrap()
            .to_string()
    };
    let overview = last(&app, 80);
    assert!(
        overview.starts_with("q 退出") && overview.contains("? 帮助"),
        "{overview}"
    );
    keys(&mut app, &mut store, "2");
    let items = last(&app, 80);
    for hint in [
        "q Esc 返回",
        "? 帮助",
        "/ 搜索",
        "f 筛选",
        "o 负责人",
        "t 状态",
    ] {
        assert!(items.contains(hint), "{hint} not in {items:?}");
    }
    // Narrower: fewer hints, none cut.
    let narrow = last(&app, 72);
    assert!(narrow.contains("? 帮助"), "{narrow}");
    assert!(narrow.len() < items.len(), "{narrow}");
    assert!(
        items.starts_with(narrow.as_str()),
        "{narrow} is not whole hints of {items}"
    );
    assert!(
        items[narrow.len()..].starts_with("  "),
        "{narrow}: a hint was cut"
    );
    keys(&mut app, &mut store, "o");
    assert!(last(&app, 80).contains("Ctrl-U 清空"));
    keys(&mut app, &mut store, "王五<C-u>");
    let Mode::Input(input) = &app.mode else {
        panic!()
    };
    assert_eq!(input.text(), "", "Ctrl-U clears the prompt line");
}

#[test]
fn one_key_clears_every_filter() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    let all = {
        keys(&mut app, &mut store, "2");
        app.screens.items.visible().len()
    };
    keys(&mut app, &mut store, "f灯:红<Enter>/czt<Enter>");
    assert!(app.screens.items.visible().len() < all);
    keys(&mut app, &mut store, "F");
    assert_eq!(app.screens.items.visible().len(), all);
    assert_eq!(app.screens.items.filter_text(), "");
    assert_eq!(app.screens.items.search(), "");
}

/// The 十四五 items at 0% on 2026-11-23 are red, and Detail says why; `w` shows the rules.
#[test]
fn detail_puts_tracking_first_and_says_why_the_light() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    // #1 建设长株潭国家中心城市, of the 十四五 plan.
    let id = 1;
    assert_eq!(app.data.item(id).unwrap().health.light, Light::Red);
    for n in 1..=12u32 {
        let due = NaiveDate::from_ymd_opt(2027, 1, n).unwrap();
        store.add_milestone(id, &format!("节点{n}"), due).unwrap();
    }
    store.add_note(id, "第一条备注").unwrap();
    keys(&mut app, &mut store, ":1<Enter>r");
    assert_eq!(app.screen, ScreenId::Detail);
    let screen = screen_text(&render(&app, 80, 24));
    let line = |needle: &str| {
        screen
            .lines()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not shown:\n{screen}"))
    };
    assert!(
        screen.contains("为什么: 红：逾期未完成——期限 2025-12-31 已过，进度 0%"),
        "{screen}"
    );
    // Status, the why, departments and the milestones come before the plan text.
    assert!(line("状态:") < line("为什么:"));
    assert!(line("为什么:") < line("牵头:"));
    assert!(line("牵头:") < line("【节点】"));
    // The plan text comes after the milestones and the latest note, folded until z.
    keys(&mut app, &mut store, "G");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("按 z 展开"), "{screen}");
    assert!(
        screen.find("第一条备注").unwrap() < screen.find("【正文】").unwrap(),
        "{screen}"
    );
    keys(&mut app, &mut store, "z");
    assert!(!screen_text(&render(&app, 80, 24)).contains("按 z 展开"));
    keys(&mut app, &mut store, "zg");

    // Tab to the 12th milestone: it scrolls into view.
    keys(&mut app, &mut store, &"<Tab>".repeat(11));
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("> ["),
        "selected milestone not in view:\n{screen}"
    );
    assert!(screen.contains("节点12"), "{screen}");

    // G shows the last page, never an empty one.
    keys(&mut app, &mut store, "G");
    let screen = screen_text(&render(&app, 80, 24));
    let inside: Vec<&str> = screen.lines().skip(2).take(21).collect();
    let blank = inside
        .iter()
        .filter(|l| l.trim_matches(['│', ' ']).is_empty())
        .count();
    assert!(blank < 3, "G showed an empty page:\n{screen}");

    // The prompt of E names the milestone it acts on.
    keys(&mut app, &mut store, "gE");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("「节点12」2027-01-12"), "{screen}");
    keys(&mut app, &mut store, "<Esc>");

    // w: the rules, with why this item is red.
    keys(&mut app, &mut store, "w");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("预警灯规则"), "{screen}");
    assert!(screen.contains("逾期未完成"), "{screen}");
    assert!(screen.contains(&format!("#{id}")), "{screen}");
    keys(&mut app, &mut store, "w");
    assert_eq!(app.mode, Mode::Normal);
}

/// Point 3: `:12` or `#12` opens item 12 from any screen; an unknown number is said.
#[test]
fn a_number_typed_after_colon_or_hash_opens_that_item() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, ":12<Enter>");
    assert_eq!(app.screen, ScreenId::Detail);
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 12);
    keys(&mut app, &mut store, "4#7<Enter>");
    assert_eq!(app.screen, ScreenId::Detail);
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 7);
    keys(&mut app, &mut store, "<Esc>");
    assert_eq!(
        app.screen,
        ScreenId::ByChapter,
        "Esc goes back where the jump was made"
    );
    keys(&mut app, &mut store, ":99999<Enter>");
    assert_eq!(app.message.clone().unwrap().1, "没有事项 #99999");
    assert_eq!(app.screen, ScreenId::ByChapter);
}

/// Point 11: dates as people type them, shown back exactly before saving.
#[test]
fn milestone_dates_as_people_type_them() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "m下月底");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("→ 2026-12-31 周四"), "{screen}");
    keys(&mut app, &mut store, " 完成招标<Enter>");
    // The save says what it did, in words (point 1).
    let said = app.message.clone().unwrap().1;
    assert!(
        said.contains(&format!("#{id} 新增节点：")) && said.contains("完成招标"),
        "{said}"
    );
    keys(&mut app, &mut store, "m+30 开工<Enter>m6/30 竣工<Enter>");
    let mut dues: Vec<(String, NaiveDate)> = store
        .show(id, today())
        .unwrap()
        .milestones
        .into_iter()
        .map(|m| (m.title, m.due_on))
        .collect();
    dues.sort();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    assert_eq!(
        dues,
        vec![
            ("完成招标".to_string(), d(2026, 12, 31)),
            ("开工".to_string(), d(2026, 12, 23)),
            ("竣工".to_string(), d(2027, 6, 30)),
        ]
    );
    // What is not a date is said while typing, and refused.
    keys(&mut app, &mut store, "m明天");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("“明天”不是日期"), "{screen}");
}

/// Point 7: the filters in force are chips in the table title — a drill-down's too, which
/// keeps its role (from 牵头 on 按单位, lead items only) — marks show their count, and a
/// bulk action says how many marked items are off the list.
#[test]
fn filters_show_as_chips_and_marks_off_the_list_are_counted() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2f灯:红 逾期<Enter>");
    let screen = screen_text(&render(&app, 120, 30));
    assert!(screen.contains("[灯:红] [逾期] F 清除"), "{screen}");
    keys(&mut app, &mut store, "F");
    let screen = screen_text(&render(&app, 120, 30));
    assert!(!screen.contains("F 清除"), "{screen}");

    // Drill in from a lead row of 按单位: lead items only, and the chips say so.
    keys(&mut app, &mut store, "5");
    let department = app
        .screens
        .by_department
        .selected_department(&app.view())
        .unwrap();
    keys(&mut app, &mut store, "<Enter>");
    let screen = screen_text(&render(&app, 160, 30));
    assert!(
        screen.contains(&format!("[单位:{department}] [角色:牵头]")),
        "{screen}"
    );
    let shown = app.screens.items.visible().len();
    let leads = store
        .list(
            &plantrack::store::ItemQuery {
                filter: plantrack::track::filter::Filter::parse(&format!(
                    "单位:{department} 角色:牵头"
                ))
                .unwrap(),
                ..Default::default()
            },
            today(),
        )
        .unwrap()
        .len();
    assert_eq!(shown, leads);

    // Two marks, then a filter that hides one: the bulk question counts it.
    keys(&mut app, &mut store, "F/czt<Enter><Space><Space>");
    let screen = screen_text(&render(&app, 160, 30));
    assert!(screen.contains("[已选 2]"), "{screen}");
    let first = *app.screens.items.marked().iter().next().unwrap();
    let title = app.data.item(first).unwrap().title.clone();
    keys(&mut app, &mut store, &format!("/<C-u>{title}<Enter>"));
    let visible: Vec<i64> = app
        .screens
        .items
        .visible()
        .iter()
        .map(|&i| app.data.items[i].id)
        .collect();
    assert!(
        visible.contains(&first),
        "{first} {title}: {visible:?} {:?}",
        app.screens.items.marked()
    );
    keys(&mut app, &mut store, "a王敏<Enter>");
    let Mode::Confirm { question, .. } = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert!(
        question.contains("将 2 个事项（其中 1 项不在当前列表中）"),
        "{question}"
    );
    keys(&mut app, &mut store, "n");
}
