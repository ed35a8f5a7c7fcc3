//! Getting anywhere in the workbench and acting on what is there (issue 18, points 3, 5,
//! 6, 8, 9, 10, 13, 14, 15): the Overview's cursor, the tree's folds, the mouse, exports from
//! every screen, departments by any name, people, one's own notes, ranked search, the
//! 按负责人 screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

use chrono::NaiveDate;
use plantrack::track::Light;
use plantrack::tui::{Lang, Mode, ScreenId};
use tui_support::{fresh as open, keys, render, screen_text, today};

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

/// Point 10: with wangmin known as 王敏 of 省住建厅, the Overview greets 王敏, "mine" keeps
/// 王敏's items, the owner prompt offers 王敏 first, history names 王敏.
#[test]
fn people_are_named_in_the_workbench() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    {
        let mut admin = plantrack::store::Store::open(&path, "admin").unwrap();
        admin
            .set_person("wangmin", "王敏", Some("省住房城乡建设厅"))
            .unwrap();
    }
    let (mut app, mut store) = tui_support::app(&path, "wangmin", Lang::Zh);
    let screen = screen_text(&render(&app, 100, 30));
    assert!(
        screen.contains("王敏（省住房城乡建设厅）：0 项"),
        "{screen}"
    );
    keys(&mut app, &mut store, "2/czt<Enter>o");
    let screen = screen_text(&render(&app, 100, 30));
    assert!(screen.contains("王敏"), "owner completion: {screen}");
    keys(&mut app, &mut store, "<Tab><Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "/<C-u><Enter>f我的<Enter>");
    let mine: Vec<i64> = app
        .screens
        .items
        .visible()
        .iter()
        .map(|&i| app.data.items[i].id)
        .collect();
    assert_eq!(mine, vec![id]);
    keys(&mut app, &mut store, "1");
    let screen = screen_text(&render(&app, 100, 30));
    assert!(
        screen.contains("王敏（省住房城乡建设厅）：1 项"),
        "{screen}"
    );
    keys(&mut app, &mut store, &format!(":{id}<Enter>G"));
    let screen = screen_text(&render(&app, 160, 48));
    assert!(screen.contains("王敏 负责人：（空） → 王敏"), "{screen}");
}

/// Point 5: one's own latest note is edited or removed from Detail (N), kept in history and
/// undone; another person's note is not offered.
#[test]
fn my_note_is_edited_or_removed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = tui_support::app(&path, "alice", Lang::Zh);
    let mut bob = plantrack::store::Store::open(&path, "bob").unwrap();
    bob.add_note(12, "鲍勃的备注").unwrap();
    keys(&mut app, &mut store, ":12<Enter>N");
    assert!(app.message.clone().unwrap().1.contains("没有我写的备注"));
    keys(&mut app, &mut store, "n初稿<C-s>N");
    let Mode::Input(input) = &app.mode else {
        panic!("{:?}", app.mode)
    };
    assert_eq!(input.text(), "初稿");
    keys(&mut app, &mut store, "<BS><BS>定稿<C-s>");
    let texts = |store: &plantrack::store::Store| -> Vec<String> {
        store
            .show(12, today())
            .unwrap()
            .notes
            .iter()
            .map(|n| n.text.clone())
            .collect()
    };
    assert_eq!(
        texts(&store),
        vec!["鲍勃的备注".to_string(), "定稿".to_string()]
    );
    // Emptied and saved: asked, then removed; u brings it back.
    keys(&mut app, &mut store, "N<BS><BS><C-s>");
    assert!(matches!(app.mode, Mode::Confirm { .. }));
    keys(&mut app, &mut store, "y");
    assert_eq!(texts(&store), vec!["鲍勃的备注".to_string()]);
    keys(&mut app, &mut store, "uy");
    assert_eq!(
        texts(&store),
        vec!["鲍勃的备注".to_string(), "定稿".to_string()]
    );
    // The store refuses another person's note.
    let bobs = store.show(12, today()).unwrap().notes[0].id;
    assert!(store.remove_note(bobs).is_err());
}
