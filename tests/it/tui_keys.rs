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
use tui_support::{app, keys, render, screen_text, today};

fn open(
    lang: Lang,
) -> (
    tempfile::TempDir,
    plantrack::tui::App,
    plantrack::store::Store,
) {
    let dir = tempfile::tempdir().unwrap();
    let (app, store) = app(&dir.path().join("p.db"), "alice", lang);
    (dir, app, store)
}

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

/// Point 14: 按负责人 (7) lists owners like 按单位 lists departments; Enter opens the
/// owner's items; `s` orders a roll-up by red, overdue or count.
#[test]
fn the_by_owner_screen_and_sortable_rollups() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>o王敏<Enter>");
    keys(&mut app, &mut store, "7");
    assert_eq!(app.screen, ScreenId::ByOwner);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("按负责人"), "{screen}");
    assert!(
        screen.contains("王敏") && screen.contains("（未指定负责人）"),
        "{screen}"
    );
    // Most items first: the unassigned row leads; Enter on it opens the unassigned items.
    keys(&mut app, &mut store, "sss");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("事项多的在前"), "{screen}");
    keys(&mut app, &mut store, "<Enter>");
    assert_eq!(app.screen, ScreenId::Items);
    assert_eq!(app.screens.items.visible().len(), 289);
    keys(&mut app, &mut store, "7j<Enter>");
    assert_eq!(app.screens.items.visible().len(), 1);
    let screen = screen_text(&render(&app, 120, 30));
    assert!(screen.contains("[负责人:王敏]"), "{screen}");

    // 按章节 most red first: the first row has the most red items.
    keys(&mut app, &mut store, "4s");
    let rows = app.screens.by_chapter.rows(&app.view());
    let red = |i: usize| rows[i].light_count(Light::Red);
    assert!((1..rows.len()).all(|i| red(i - 1) >= red(i)));
    assert!(red(0) > 0);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("红灯多的在前"), "{screen}");
}

/// Point 13: `x` on every screen exports what it shows — a roll-up screen its roll-up, the
/// indicators their rows, Detail its item — into the export directory, and says where by
/// the absolute path.
#[test]
fn every_screen_exports_what_it_shows_into_the_export_directory() {
    let (dir, mut app, mut store) = open(Lang::Zh);
    let out = dir.path().join("exports");
    std::fs::create_dir(&out).unwrap();
    app.session.export_dir = out.clone();
    let export = |app: &mut plantrack::tui::App,
                  store: &mut plantrack::store::Store,
                  screen: &str,
                  name: &str| {
        keys(app, store, &format!("{screen}x<C-u>{name}<Enter>"));
        let message = app.message.clone().unwrap().1;
        let path = out.join(name);
        assert!(
            message.contains(&path.display().to_string()),
            "{name}: the message does not give the absolute path: {message}"
        );
        std::fs::read_to_string(&path).unwrap_or_default()
    };
    let plans = export(&mut app, &mut store, "1", "plans.csv");
    assert!(
        plans.contains("湖南“十四五”新型城镇化规划") && plans.contains("合计"),
        "{plans}"
    );
    assert_eq!(
        plans.lines().count(),
        1 + 4 + 1,
        "header, four plans, the total"
    );
    let chapters = export(&mut app, &mut store, "4", "chapters.json");
    let json: serde_json::Value = serde_json::from_str(&chapters).unwrap();
    assert_eq!(json["by"], "chapter");
    let owners = export(&mut app, &mut store, "7", "owners.md");
    assert!(owners.contains("（未指定负责人）"), "{owners}");
    let indicators = export(&mut app, &mut store, "6", "indicators.csv");
    assert!(
        indicators.starts_with("\u{feff}规划,编号,指标")
            || indicators.starts_with("规划,编号,指标"),
        "{indicators}"
    );
    // Detail: its one item.
    keys(&mut app, &mut store, ":12<Enter>");
    let item = export(&mut app, &mut store, "", "item.csv");
    assert_eq!(item.lines().count(), 2, "{item}");
    // An indicator workbook is refused in Chinese, nothing written.
    keys(&mut app, &mut store, "6x<C-u>ind.xlsx<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("指标可导出为 .csv 或 .json"), "{message}");
    assert!(!out.join("ind.xlsx").exists());
    // A directory that does not exist is said so.
    keys(&mut app, &mut store, "1x<C-u>nowhere/plans.csv<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("不存在"), "{message}");
}

/// Point 8: the Chinese workbench says changes in Chinese — no stored names such as
/// `item.status` or `link.role` in Detail's history.
#[test]
fn detail_history_speaks_the_session_language() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(
        &mut app,
        &mut store,
        "2/czt<Enter>o王敏<Enter>t2C省财政厅<Enter>m年底 完成<Enter>n记一笔<C-s><Enter>",
    );
    let screen = {
        keys(&mut app, &mut store, "G");
        screen_text(&render(&app, 160, 48))
    };
    let raw = regex::Regex::new(r"\b(item|link|milestone|note)\.[a-z_]+").unwrap();
    assert!(
        !raw.is_match(&screen),
        "a stored name in the Chinese UI:\n{screen}"
    );
    for said in [
        "负责人：（空） → 王敏",
        "状态：未开始 → 进行中",
        "新增节点：完成",
    ] {
        assert!(screen.contains(said), "{said} not in:\n{screen}");
    }
}

/// Point 9: a search ranks its rows — a recurring term spelled by initials (长株潭 for
/// czt) before chance initials, whole syllables before initials — and marks the matched
/// characters.
#[test]
fn search_ranks_and_highlights() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let titles: Vec<String> = app
        .screens
        .items
        .visible()
        .iter()
        .map(|&i| app.data.items[i].title.to_string())
        .collect();
    let chang = titles.iter().filter(|t| t.contains("长株潭")).count();
    assert!(chang >= 3, "{titles:?}");
    assert!(
        titles[..chang].iter().all(|t| t.contains("长株潭")),
        "长株潭 titles first: {titles:?}"
    );
    // The matched characters are marked in the table.
    let terminal = render(&app, 80, 24);
    let buffer = terminal.backend().buffer();
    let underlined: String = (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buffer[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect();
    assert!(underlined.contains("长株潭"), "{underlined:?}");
    // Typed as written, a title holding the text comes before one spelling it.
    keys(&mut app, &mut store, "/<C-u>城镇<Enter>");
    let first = app
        .screens
        .items
        .current(&app.data)
        .unwrap()
        .title
        .to_string();
    assert!(first.contains("城镇"), "{first}");
}

/// Point 3: Enter on the Overview opens what the cursor is on — a plan its items, a count
/// those items, a due milestone or a colleague's change its item.
#[test]
fn enter_on_the_overview_opens_what_a_row_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = tui_support::app(&path, "alice", Lang::Zh);
    let visible = |app: &plantrack::tui::App| app.screens.items.visible().len();
    keys(&mut app, &mut store, "<Enter>");
    assert_eq!(app.screen, ScreenId::Items);
    assert_eq!(visible(&app), 51, "the first plan's items");
    // The 红 column of the first plan: its red items.
    keys(&mut app, &mut store, "1<Right><Enter>");
    let screen = screen_text(&render(&app, 120, 30));
    assert!(screen.contains("[灯:红]"), "{screen}");
    assert_eq!(visible(&app), 51);
    assert!(
        app.screens
            .items
            .visible()
            .iter()
            .all(|&i| app.data.items[i].health.light == Light::Red)
    );
    // The total's 未分配 column: every unassigned item.
    keys(
        &mut app,
        &mut store,
        "1jjjj<Right><Right><Right><Right><Right><Right><Enter>",
    );
    assert!(screen_text(&render(&app, 120, 30)).contains("[未分配]"));
    assert_eq!(visible(&app), 290);

    // A milestone due soon, and a colleague's change.
    store
        .add_milestone(5, "开工", NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())
        .unwrap();
    let mut bob = plantrack::store::Store::open(&path, "bob").unwrap();
    bob.edit_item(
        7,
        None,
        &plantrack::store::ItemEdit {
            owner: Some(Some("王敏".into())),
            ..Default::default()
        },
    )
    .unwrap();
    keys(&mut app, &mut store, "1r<Tab><Enter>");
    assert_eq!(app.screen, ScreenId::Detail);
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 5);
    keys(&mut app, &mut store, "1");
    let screen = screen_text(&render(&app, 140, 30));
    assert!(screen.contains("bob #7 负责人：（空） → 王敏"), "{screen}");
    keys(&mut app, &mut store, "<Tab><Enter>");
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, 7);
}

/// Point 15: the wheel scrolls, a click on a tab switches, a click selects a row or a tree
/// node and a second click opens; Ctrl-O gives the mouse back to the terminal.
#[test]
fn the_mouse_clicks_tabs_rows_and_nodes_and_can_be_given_back() {
    use ratatui::crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let (_dir, mut app, mut store) = open(Lang::Zh);
    app.size = (80, 24);
    let mouse = |app: &mut plantrack::tui::App,
                 store: &mut plantrack::store::Store,
                 kind: MouseEventKind,
                 column: u16,
                 row: u16| {
        plantrack::tui::handle_event(
            app,
            store,
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }),
        );
    };
    let click = MouseEventKind::Down(MouseButton::Left);
    // " 1 总览  2 事项 …": a click on the tab of 事项.
    let bar = screen_text(&render(&app, 80, 24))
        .lines()
        .next()
        .unwrap()
        .to_string();
    let x = bar
        .find("2 事项")
        .map(|b| bar[..b].chars().count())
        .unwrap() as u16;
    mouse(&mut app, &mut store, click, x + 1, 0);
    assert_eq!(app.screen, ScreenId::Items);
    // The table's third row (below the border and the header): selected, then opened.
    mouse(&mut app, &mut store, click, 40, 1 + 1 + 1 + 2);
    assert_eq!(app.screens.items.selected(), 2);
    let id = app.screens.items.current(&app.data).unwrap().id;
    mouse(&mut app, &mut store, click, 40, 5);
    assert_eq!(app.screen, ScreenId::Detail);
    assert_eq!(app.screens.detail.detail.as_ref().unwrap().row.id, id);
    // The wheel: three rows at a time.
    keys(&mut app, &mut store, "2");
    mouse(&mut app, &mut store, MouseEventKind::ScrollDown, 40, 10);
    assert_eq!(app.screens.items.selected(), 5);
    // A tree node: the second line of the tree is the first plan.
    mouse(&mut app, &mut store, click, 5, 1 + 1 + 1);
    assert_eq!(app.screens.items.tree_selected(), 1);
    assert_eq!(app.screens.items.visible().len(), 51);
    // Ctrl-O: the mouse goes back to the terminal (to select text), Ctrl-O again takes it.
    keys(&mut app, &mut store, "<C-o>");
    assert!(!app.mouse);
    assert!(app.message.clone().unwrap().1.contains("鼠标已关闭"));
    keys(&mut app, &mut store, "<C-o>");
    assert!(app.mouse);
}

/// Points 5 and 6: departments complete from any name or pinyin, a name that is no
/// department's is added only when the person says so, a new lead asks about the old one;
/// a milestone and a department link can be removed from Detail (asking first).
#[test]
fn departments_by_any_name_never_added_silently_and_removals_ask() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, ":12<Enter>");
    let id = 12;
    let departments = |store: &plantrack::store::Store| {
        let mut links: Vec<(String, String)> = store
            .show(id, today())
            .unwrap()
            .departments
            .iter()
            .map(|l| (l.short.clone(), format!("{:?}", l.role)))
            .collect();
        links.sort();
        links
    };
    let before = departments(&store);
    // Pinyin completes: fgw → 省发展改革委.
    keys(&mut app, &mut store, "Cfgw");
    let screen = screen_text(&render(&app, 100, 30));
    assert!(screen.contains("省发展改革委"), "{screen}");
    keys(&mut app, &mut store, "<Tab><Enter>");
    assert!(departments(&store).contains(&("省发展改革委".into(), "Co".into())));
    // A name no department has: asked, n adds nothing.
    keys(&mut app, &mut store, "C某某局<Enter>");
    assert!(
        app.message
            .clone()
            .unwrap()
            .1
            .contains("单位目录中没有“某某局”")
    );
    keys(&mut app, &mut store, "n");
    assert!(
        store.find_department("某某局").unwrap().is_none(),
        "added silently"
    );
    keys(&mut app, &mut store, "C某某局<Enter>y");
    assert!(store.find_department("某某局").unwrap().is_some());
    // A part several departments share is asked about, nothing saved.
    keys(&mut app, &mut store, "C省委<Enter>");
    assert!(
        app.message.clone().unwrap().1.contains("对应"),
        "{:?}",
        app.message
    );

    // A new lead, then another: r removes the old lead, c keeps it as co-responsible.
    keys(&mut app, &mut store, "L省财政厅<Enter>");
    let had_lead = before.iter().any(|(_, r)| r == "Lead");
    if had_lead {
        keys(&mut app, &mut store, "c");
    }
    keys(&mut app, &mut store, "L省住房城乡建设厅<Enter>");
    assert!(
        matches!(app.mode, Mode::LeadChoice { .. }),
        "{:?}",
        app.mode
    );
    assert!(
        app.message
            .clone()
            .unwrap()
            .1
            .contains("原牵头单位 省财政厅")
    );
    keys(&mut app, &mut store, "r");
    let now = departments(&store);
    assert!(
        now.contains(&("省住房城乡建设厅".into(), "Lead".into())),
        "{now:?}"
    );
    assert!(!now.iter().any(|(d, _)| d == "省财政厅"), "{now:?}");
    keys(&mut app, &mut store, "L省财政厅<Enter>c");
    let now = departments(&store);
    assert!(now.contains(&("省财政厅".into(), "Lead".into())), "{now:?}");
    assert!(
        now.contains(&("省住房城乡建设厅".into(), "Co".into())),
        "{now:?}"
    );

    // X takes a department off, after y.
    keys(&mut app, &mut store, "X某某局<Enter>");
    assert!(matches!(app.mode, Mode::Confirm { .. }));
    keys(&mut app, &mut store, "y");
    assert!(!departments(&store).iter().any(|(d, _)| d == "某某局"));

    // D removes the selected milestone, after y; u brings it back.
    store
        .add_milestone(id, "可研批复", NaiveDate::from_ymd_opt(2027, 3, 1).unwrap())
        .unwrap();
    keys(&mut app, &mut store, "r");
    let count = |store: &plantrack::store::Store| store.show(id, today()).unwrap().milestones.len();
    let n = count(&store);
    keys(&mut app, &mut store, "Dn");
    assert_eq!(count(&store), n);
    keys(&mut app, &mut store, "D");
    assert!(app.message.clone().unwrap().1.contains("删除节点「"));
    keys(&mut app, &mut store, "y");
    assert_eq!(count(&store), n - 1);
}

/// Point 3: the tree folds and unfolds plans and chapters (`z`); moving skips what is
/// folded; the rows follow the node under the cursor as before.
#[test]
fn the_tree_folds_plans_and_chapters() {
    let (_dir, mut app, mut store) = open(Lang::Zh);
    keys(&mut app, &mut store, "2<Tab>");
    let shown = |app: &plantrack::tui::App| app.screens.items.shown_nodes(&app.data).len();
    let all = shown(&app);
    // The first plan: fold it; its chapters and boxes are hidden, its items still listed.
    keys(&mut app, &mut store, "j");
    assert_eq!(app.screens.items.tree_selected(), 1);
    keys(&mut app, &mut store, "z");
    let folded = shown(&app);
    assert!(folded < all, "{folded} of {all}");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("+湖南“十四五”"), "{screen}");
    assert!(!screen.contains("专栏2 长株潭"), "{screen}");
    assert_eq!(app.screens.items.visible().len(), 51);
    // Down goes to the next plan, past the folded chapters.
    keys(&mut app, &mut store, "j");
    let node = app.screens.items.tree_selected();
    assert_eq!(app.data.tree[node].depth, 1, "the next plan");
    // Unfold again.
    keys(&mut app, &mut store, "kz");
    assert_eq!(shown(&app), all);
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("-湖南“十四五”"), "{screen}");
}
