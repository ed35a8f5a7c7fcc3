//! The workbench driven with key events on a real database: filter, pinyin search, edit
//! an owner, add a milestone, undo, and a conflict between two instances.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

use plantrack::store::ItemQuery;
use plantrack::tui::{Lang, ScreenId};
use tui_support::{app, keys, render, screen_text, today};

#[test]
fn pinyin_search_finds_changzhutan() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    assert_eq!(app.screen, ScreenId::Items);
    let shown = app.screens.items.visible().to_vec();
    assert!(!shown.is_empty() && shown.len() < app.data.items.len());
    assert!(
        shown
            .iter()
            .any(|&i| app.data.items[i].title.contains("长株潭"))
    );
    let czt = plantrack::text::pinyin::Query::new("czt").unwrap();
    assert!(
        shown
            .iter()
            .all(|&i| czt.matches_text(&app.data.items[i].title))
    );
    // Full syllables work too: fewer items (initials are broad), the 长株潭 ones included.
    let by_initials = shown.clone();
    keys(&mut app, &mut store, "/<BS><BS><BS>changzhutan<Enter>");
    let by_syllables = app.screens.items.visible().to_vec();
    assert!(by_syllables.iter().all(|i| by_initials.contains(i)));
    let changzhutan = |list: &[usize]| {
        list.iter()
            .filter(|&&i| app.data.items[i].title.contains("长株潭"))
            .count()
    };
    assert_eq!(changzhutan(&by_syllables), changzhutan(&by_initials));
    let text = screen_text(&render(&app, 120, 30));
    assert!(text.contains("长株潭"), "{text}");
}

#[test]
fn filter_by_light_and_department() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    // An alias finds the department's items (省发改委 is 省发展改革委).
    keys(&mut app, &mut store, "2fdept:省发改委<Enter>");
    let visible = app.screens.items.visible().to_vec();
    assert!(!visible.is_empty());
    for i in &visible {
        let item = &app.data.items[*i];
        let named = std::iter::once(item.lead)
            .chain(item.co.iter().copied())
            .filter_map(|d| app.data.name(d))
            .any(|d| d.contains("省发展改革委"));
        assert!(named, "{item:?}");
    }
    // The filter grows word by word: department and light together.
    keys(&mut app, &mut store, "flight:黄<Enter>");
    assert_eq!(app.screens.items.filter_text(), "dept:省发改委 light:黄");
    let yellow = app.screens.items.visible().to_vec();
    assert!(!yellow.is_empty());
    assert!(
        yellow
            .iter()
            .all(|&i| app.data.items[i].health.light == plantrack::track::Light::Yellow)
    );
    keys(&mut app, &mut store, ":clear<Enter>");
    assert!(app.screens.items.visible().len() > visible.len());
    keys(&mut app, &mut store, "fnonsense:x<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("nonsense"), "{message}");
}

#[test]
fn edit_owner_add_milestone_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "o王敏<Enter>");
    assert_eq!(
        store.show(id, today()).unwrap().row.owner.as_deref(),
        Some("王敏")
    );
    // The table shows the new owner without leaving the screen.
    assert_eq!(
        app.screens
            .items
            .current(&app.data)
            .map(|i| app.data.name(i.owner))
            .unwrap(),
        Some("王敏")
    );
    keys(&mut app, &mut store, "<Enter>m2027-13-01 坏日期<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("2027-13-01") && message.contains("YYYY-MM-DD"),
        "{message}"
    );
    keys(&mut app, &mut store, "m2027-06-30 完成可研批复<Enter>");
    let detail = store.show(id, today()).unwrap();
    assert!(detail.milestones.iter().any(|m| m.title == "完成可研批复"));
    assert!(
        app.screens
            .detail
            .detail
            .as_ref()
            .unwrap()
            .milestones
            .iter()
            .any(|m| m.title == "完成可研批复")
    );
    // `u` shows what it would undo and asks; only `y` does it.
    keys(&mut app, &mut store, "u");
    let question = app.message.clone().unwrap().1;
    assert!(
        question.starts_with("撤销：")
            && question.contains("删除节点")
            && question.contains("完成可研批复"),
        "{question}"
    );
    keys(&mut app, &mut store, "<Enter>");
    assert!(
        store
            .show(id, today())
            .unwrap()
            .milestones
            .iter()
            .any(|m| m.title == "完成可研批复"),
        "Enter is not a yes"
    );
    keys(&mut app, &mut store, "uy");
    assert!(
        !store
            .show(id, today())
            .unwrap()
            .milestones
            .iter()
            .any(|m| m.title == "完成可研批复")
    );
    // Step by step further back: the owner.
    keys(&mut app, &mut store, "u");
    let question = app.message.clone().unwrap().1;
    assert!(question.contains("负责人：王敏 → （空）"), "{question}");
    keys(&mut app, &mut store, "y");
    assert_eq!(store.show(id, today()).unwrap().row.owner, None);
    let message = app.message.clone().unwrap().1;
    assert!(message.starts_with("已撤销"), "{message}");
    // Redo brings the owner back.
    keys(&mut app, &mut store, "Uy");
    assert_eq!(
        store.show(id, today()).unwrap().row.owner.as_deref(),
        Some("王敏")
    );
}

#[test]
fn progress_keys_and_note_with_cjk() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::En);
    keys(&mut app, &mut store, "2");
    let id = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "++");
    assert_eq!(store.show(id, today()).unwrap().row.progress, 20);
    keys(&mut app, &mut store, "n第一行<Enter>第二行<C-s>");
    let notes = store.show(id, today()).unwrap().notes;
    assert_eq!(notes.last().unwrap().text, "第一行\n第二行");
}

#[test]
fn conflict_between_two_instances_is_shown_and_reload_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut alice, mut alice_store) = app(&path, "alice", Lang::Zh);
    let (mut bob, mut bob_store) = app(&path, "bob", Lang::En);
    keys(&mut alice, &mut alice_store, "2");
    keys(&mut bob, &mut bob_store, "2");
    let id = alice.screens.items.current(&alice.data).unwrap().id;
    keys(&mut bob, &mut bob_store, "o王敏<Enter>");
    // Alice's screen still shows the old data; her edit of the same field is refused.
    keys(&mut alice, &mut alice_store, "o李强<Enter>");
    let (_, message) = alice.message.clone().unwrap();
    assert!(
        message.contains("bob") && message.contains("王敏") && message.contains("r"),
        "{message}"
    );
    assert_eq!(
        alice_store.show(id, today()).unwrap().row.owner.as_deref(),
        Some("王敏")
    );
    // After reloading she sees Bob's value and can change it.
    keys(&mut alice, &mut alice_store, "r");
    assert_eq!(
        alice
            .screens
            .items
            .current(&alice.data)
            .map(|i| alice.data.name(i.owner))
            .unwrap(),
        Some("王敏")
    );
    keys(&mut alice, &mut alice_store, "o李强<Enter>");
    assert_eq!(
        alice_store.show(id, today()).unwrap().row.owner.as_deref(),
        Some("李强")
    );
    // A different field merges without a conflict.
    keys(&mut bob, &mut bob_store, "+");
    assert_eq!(bob_store.show(id, today()).unwrap().row.progress, 10);
    assert!(
        bob_store
            .list(&ItemQuery::default(), today())
            .unwrap()
            .iter()
            .any(|i| i.owner.as_deref() == Some("李强"))
    );
}

#[test]
fn bulk_assign_asks_for_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2<Space><Space>a张三<Enter>");
    assert!(app.message.clone().unwrap().1.contains("2"));
    keys(&mut app, &mut store, "n");
    assert!(
        store
            .list(
                &ItemQuery {
                    filter: plantrack::track::filter::Filter {
                        owner: Some("张三".into()),
                        ..Default::default()
                    },
                    ..Default::default()
                },
                today()
            )
            .unwrap()
            .is_empty()
    );
    keys(&mut app, &mut store, "a张三<Enter>y");
    assert_eq!(
        store
            .list(
                &ItemQuery {
                    filter: plantrack::track::filter::Filter {
                        owner: Some("张三".into()),
                        ..Default::default()
                    },
                    ..Default::default()
                },
                today()
            )
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn others_commits_refresh_the_screen_keeping_cursor_and_typing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut alice, mut alice_store) = app(&path, "alice", Lang::Zh);
    let (mut bob, mut bob_store) = app(&path, "bob", Lang::Zh);
    let mut watcher = plantrack::tui::Watcher::new(&alice_store).unwrap();
    keys(&mut alice, &mut alice_store, "2jjj");
    let cursor = alice.screens.items.current(&alice.data).unwrap().id;
    // Alice starts typing a note.
    keys(&mut alice, &mut alice_store, "n写到一半");
    // Bob sets the owner of the item under Alice's cursor.
    keys(&mut bob, &mut bob_store, "2jjj");
    assert_eq!(bob.screens.items.current(&bob.data).unwrap().id, cursor);
    keys(&mut bob, &mut bob_store, "o王敏<Enter>");
    assert!(watcher.refresh(&mut alice, &mut alice_store, true).unwrap());
    // Alice sees it, on the same row, and her note is still being typed.
    let current = alice.screens.items.current(&alice.data).unwrap();
    assert_eq!(current.id, cursor);
    assert_eq!(alice.data.name(current.owner), Some("王敏"));
    keys(&mut alice, &mut alice_store, "。<C-s>");
    let notes = alice_store.show(cursor, today()).unwrap().notes;
    assert_eq!(notes.last().unwrap().text, "写到一半。");
}

#[test]
fn extend_then_complete_a_plan_milestone_from_detail() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/棚户区改造<Enter><Enter>");
    let detail = app.screens.detail.detail.clone().unwrap();
    assert_eq!(detail.row.title, "棚户区改造");
    let milestone = detail
        .milestones
        .iter()
        .find(|m| m.done_on.is_none())
        .unwrap()
        .clone();
    assert_eq!(milestone.due_on.to_string(), "2025-12-31");
    keys(&mut app, &mut store, "E2026-12-31 中央资金下达延迟<Enter>");
    let shown = store.show(detail.row.id, today()).unwrap();
    let extended = shown
        .milestones
        .iter()
        .find(|m| m.id == milestone.id)
        .unwrap();
    assert_eq!(extended.due_on.to_string(), "2026-12-31");
    assert_eq!(extended.original_due.to_string(), "2025-12-31");
    assert_eq!(extended.extensions[0].reason, "中央资金下达延迟");
    assert_eq!(extended.extensions[0].who, "alice");
    // Add a second milestone, select it with Tab and rename it.
    keys(&mut app, &mut store, "m2026-03-31 摸清底数<Enter>");
    let titles = |store: &plantrack::store::Store| {
        store
            .show(detail.row.id, today())
            .unwrap()
            .milestones
            .iter()
            .map(|m| m.title.clone())
            .collect::<Vec<_>>()
    };
    assert!(titles(&store).contains(&"摸清底数".to_string()));
    let position = app
        .screens
        .detail
        .detail
        .as_ref()
        .unwrap()
        .milestones
        .iter()
        .position(|m| m.title == "摸清底数")
        .unwrap();
    while app.screens.detail.milestone != position {
        keys(&mut app, &mut store, "<Tab>");
    }
    keys(&mut app, &mut store, "R摸清改造底数<Enter>");
    assert!(titles(&store).contains(&"摸清改造底数".to_string()));
    // Back to the extended plan milestone.
    while app.screens.detail.selected_milestone().unwrap().id != milestone.id {
        keys(&mut app, &mut store, "<Tab>");
    }
    // Completing asks the day, shown back exactly; Esc cancels, a day still to come is
    // refused, Enter alone is today, a typed day (11/20) is that day.
    keys(&mut app, &mut store, "M");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(screen.contains("→ 2026-11-23 周一"), "{screen}");
    keys(&mut app, &mut store, "<Esc>");
    let done_on = |store: &plantrack::store::Store| {
        store
            .show(detail.row.id, today())
            .unwrap()
            .milestones
            .iter()
            .find(|m| m.id == milestone.id)
            .unwrap()
            .done_on
    };
    assert_eq!(done_on(&store), None);
    keys(&mut app, &mut store, "M月底<Enter>");
    assert_eq!(done_on(&store), None);
    assert!(app.message.clone().unwrap().1.contains("2026-11-30 还没到"));
    keys(&mut app, &mut store, "M11/20");
    let screen = screen_text(&render(&app, 80, 24));
    assert!(
        screen.contains("→ 2026-11-20 周五"),
        "a day done is the last one: {screen}"
    );
    keys(&mut app, &mut store, "<Enter>");
    assert_eq!(
        done_on(&store),
        Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap())
    );
}

#[test]
fn an_edit_made_while_another_process_holds_the_lock_is_kept_and_saved_later() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = app(&path, "alice", Lang::Zh);
    store
        .set_patience(std::time::Duration::from_millis(100), 1)
        .unwrap();
    keys(&mut app, &mut store, "2");
    let id = app.screens.items.current(&app.data).unwrap().id;
    // Another process holds the write lock.
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    keys(&mut app, &mut store, "o王敏<Enter>");
    assert_eq!(app.queue.len(), 1);
    assert!(app.message.clone().unwrap().1.contains("已保留"));
    // Quitting now asks first; "n" keeps working.
    keys(&mut app, &mut store, "qq");
    assert!(!app.quit);
    // A retry while the lock is still held keeps it pending.
    plantrack::tui::dispatch(&mut app, &mut store, plantrack::tui::Action::Tick);
    assert_eq!(app.queue.len(), 1);
    holder.execute_batch("COMMIT").unwrap();
    plantrack::tui::dispatch(&mut app, &mut store, plantrack::tui::Action::Tick);
    assert!(app.queue.is_empty());
    assert_eq!(
        store.show(id, today()).unwrap().row.owner.as_deref(),
        Some("王敏")
    );
}

/// The journal of waiting edits, as the workbench of `store` writes it.
fn journal(path: &std::path::Path, store: &plantrack::store::Store) -> std::path::PathBuf {
    plantrack::tui::journal::path_for(&tui_support::journal_dir(path), store)
}

#[test]
fn three_edits_under_a_held_lock_are_all_saved_in_order_and_a_conflict_drops_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = app(&path, "alice", Lang::Zh);
    store
        .set_patience(std::time::Duration::from_millis(50), 1)
        .unwrap();
    keys(&mut app, &mut store, "2");
    let first = app.screens.items.current(&app.data).unwrap().id;
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Owner on #1, owner on #2, a note on #3, each while the lock is held.
    keys(&mut app, &mut store, "o第一<Enter>j");
    let second = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "o第二<Enter>j");
    let third = app.screens.items.current(&app.data).unwrap().id;
    keys(&mut app, &mut store, "nnote during lock<C-s>");
    assert_eq!(app.queue.len(), 3, "every edit is kept, not only the last");
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("3 项修改已保留"), "{message}");
    // They are on disk before the person is told.
    let file = journal(&path, &store);
    let kept: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(kept["saves"].as_array().unwrap().len(), 3);

    // Meanwhile the process holding the lock changes #2's owner, as bob: that edit
    // conflicts with it.
    holder
        .execute_batch(&format!(
            "INSERT INTO change(at, who, action) VALUES ('2026-11-23T09:00:00.000Z', 'bob', 'edit item');
             UPDATE item SET owner = '鲍勃' WHERE id = {second};
             INSERT INTO history(change_id, item_id, entity, entity_id, field, old, new)
                 VALUES (last_insert_rowid(), {second}, 'item', {second}, 'owner', NULL, '鲍勃');
             COMMIT"
        ))
        .unwrap();
    plantrack::tui::dispatch(&mut app, &mut store, plantrack::tui::Action::Tick);
    assert!(app.queue.is_empty());
    let owner = |id| store.show(id, today()).unwrap().row.owner;
    assert_eq!(owner(first).as_deref(), Some("第一"));
    assert_eq!(
        owner(second).as_deref(),
        Some("鲍勃"),
        "the conflict is refused"
    );
    let notes = store.show(third, today()).unwrap().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "note during lock");
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("鲍勃") && message.contains("bob"),
        "{message}"
    );
    assert!(message.contains("其余 2 项已保存"), "{message}");
    assert!(
        !file.exists(),
        "the journal goes once everything is dealt with"
    );
}

#[test]
fn edits_kept_by_a_killed_workbench_are_saved_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = app(&path, "alice", Lang::Zh);
    store
        .set_patience(std::time::Duration::from_millis(50), 1)
        .unwrap();
    keys(&mut app, &mut store, "2");
    let first = app.screens.items.current(&app.data).unwrap().id;
    let holder = rusqlite::Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    keys(&mut app, &mut store, "o第一<Enter>j+");
    let second = app.screens.items.current(&app.data).unwrap().id;
    assert_eq!(app.queue.len(), 2);
    // The workbench dies without a word (nothing runs at SIGKILL); the lock goes.
    drop((app, store));
    holder.execute_batch("ROLLBACK").unwrap();

    let (app, store) = tui_support::app(&path, "alice", Lang::Zh);
    assert!(app.queue.is_empty());
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("上次工作台关闭时有 2 项修改尚未保存"),
        "{message}"
    );
    assert_eq!(
        store.show(first, today()).unwrap().row.owner.as_deref(),
        Some("第一")
    );
    assert_eq!(store.show(second, today()).unwrap().row.progress, 10);
    assert!(!journal(&path, &store).exists());
}

#[test]
fn export_the_current_view_to_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2/czt<Enter>");
    let shown = app.screens.items.visible().len();
    let csv_path = dir.path().join("view.csv");
    let xlsx_path = dir.path().join("view.xlsx");
    keys(&mut app, &mut store, "x");
    // The prompt proposes a name; replace it with ours.
    let proposed = match &app.mode {
        plantrack::tui::Mode::Input(input) => input.text(),
        _ => panic!("no input open"),
    };
    assert_eq!(proposed, "plantrack-2026-11-23.xlsx");
    for _ in 0..proposed.chars().count() {
        keys(&mut app, &mut store, "<BS>");
    }
    keys(
        &mut app,
        &mut store,
        &format!("{}<Enter>", csv_path.display()),
    );
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("已导出"), "{message}");
    let text = std::fs::read_to_string(&csv_path).unwrap();
    let rows = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .count();
    assert_eq!(rows, shown);
    assert!(text.contains("长株潭"));
    // An existing file is not overwritten.
    keys(&mut app, &mut store, "x");
    for _ in 0..proposed.chars().count() {
        keys(&mut app, &mut store, "<BS>");
    }
    keys(
        &mut app,
        &mut store,
        &format!("{}<Enter>", csv_path.display()),
    );
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("已存在，未覆盖"), "{message}");
    keys(&mut app, &mut store, "x");
    for _ in 0..proposed.chars().count() {
        keys(&mut app, &mut store, "<BS>");
    }
    keys(
        &mut app,
        &mut store,
        &format!("{}<Enter>", xlsx_path.display()),
    );
    assert!(std::fs::metadata(&xlsx_path).unwrap().len() > 1000);
}

/// The ids shown on the Items screen, in order.
fn shown_ids(app: &plantrack::tui::App) -> Vec<i64> {
    app.screens
        .items
        .visible()
        .iter()
        .map(|&i| app.data.items[i].id)
        .collect()
}

#[test]
fn search_as_you_type_narrows_to_what_the_store_finds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2");
    for query in ["长株潭", "changzhutan", "czt", "株洲市", "城镇化建设"] {
        // Typed one character at a time (each keystroke narrows the last result)…
        keys(&mut app, &mut store, &format!("/{query}"));
        let typed = shown_ids(&app);
        // …is what the store's own search (title, body, pinyin) finds.
        let filter = ItemQuery {
            text: Some(query.to_string()),
            ..ItemQuery::default()
        };
        let expected: Vec<i64> = store
            .list(&filter, today())
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect();
        assert!(!expected.is_empty(), "{query}");
        // The same rows; the workbench ranks them (tui_keys::search_ranks_and_highlights).
        let sorted = |mut ids: Vec<i64>| {
            ids.sort_unstable();
            ids
        };
        assert_eq!(sorted(typed), sorted(expected), "{query}");
        keys(&mut app, &mut store, "<Esc>:clear<Enter>");
        assert_eq!(shown_ids(&app).len(), app.data.live, "{query}: cleared");
    }
    // Two characters: titles while typing, bodies too once the search is submitted.
    keys(&mut app, &mut store, "/株洲");
    let typed = shown_ids(&app);
    keys(&mut app, &mut store, "<Enter>");
    let submitted = shown_ids(&app);
    let filter = ItemQuery {
        text: Some("株洲".to_string()),
        ..ItemQuery::default()
    };
    let expected: Vec<i64> = store
        .list(&filter, today())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(submitted, expected);
    assert!(typed.iter().all(|id| submitted.contains(id)));
    assert!(typed.len() < submitted.len(), "bodies add rows on Enter");
}

/// The workbench re-reads only the items changed since its mark; the mark must still
/// cover every commit it has not read, so a stale edit is refused, never applied.
#[test]
fn partial_refreshes_never_hide_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut alice, mut alice_store) = app(&path, "alice", Lang::En);
    let (mut bob, mut bob_store) = app(&path, "bob", Lang::En);
    keys(&mut alice, &mut alice_store, "2");
    keys(&mut bob, &mut bob_store, "2j");
    let first = alice.screens.items.current(&alice.data).unwrap().id;
    let second = bob.screens.items.current(&bob.data).unwrap().id;
    assert_ne!(first, second);
    // Alice saves item 1: her workbench re-reads what changed (item 1 only).
    keys(&mut alice, &mut alice_store, "o王敏<Enter>");
    assert_eq!(
        alice.data.name(alice.data.item(first).unwrap().owner),
        Some("王敏")
    );
    // Bob then changes item 2, which Alice has not re-read.
    keys(&mut bob, &mut bob_store, "o李强<Enter>");
    // Alice edits item 2 from her stale view: refused, naming Bob.
    keys(&mut alice, &mut alice_store, "jo张伟<Enter>");
    let (_, message) = alice.message.clone().unwrap();
    assert!(
        message.contains("bob") && message.contains("李强"),
        "{message}"
    );
    assert_eq!(
        alice_store
            .show(second, today())
            .unwrap()
            .row
            .owner
            .as_deref(),
        Some("李强")
    );
    // Her next save re-reads Bob's item too; then her edit goes through.
    keys(&mut alice, &mut alice_store, "k+");
    assert_eq!(
        alice.data.name(alice.data.item(second).unwrap().owner),
        Some("李强")
    );
    keys(&mut alice, &mut alice_store, "jo张伟<Enter>");
    assert_eq!(
        alice_store
            .show(second, today())
            .unwrap()
            .row
            .owner
            .as_deref(),
        Some("张伟")
    );
    // Every roll-up Alice shows equals a fresh load's.
    let fresh = {
        let (fresh, _) = app(&path, "carol", Lang::En);
        (
            fresh.data.by_lead().to_vec(),
            fresh.data.total().cloned(),
            fresh.data.owners.clone(),
        )
    };
    assert_eq!(
        (
            alice.data.by_lead().to_vec(),
            alice.data.total().cloned(),
            alice.data.owners.clone()
        ),
        fresh
    );
}

/// After an edit the Items list is updated in place (only the changed rows looked at):
/// it must equal a full recompute, whether the edit takes the row out of the filter or
/// brings one in.
#[test]
fn rows_updated_in_place_equal_a_full_recompute() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let (mut app, mut store) = app(&path, "alice", Lang::En);
    keys(&mut app, &mut store, "2");
    let ids: Vec<i64> = app.data.items.iter().take(3).map(|i| i.id).collect();
    plantrack::store::Store::open(&path, "bob")
        .unwrap()
        .bulk_assign(&ids[..2], Some("王敏"), None)
        .unwrap();
    keys(&mut app, &mut store, "r");
    keys(&mut app, &mut store, "fowner:王敏<Enter>");
    let check = |app: &mut plantrack::tui::App, expected: usize| {
        let in_place = app.screens.items.visible().to_vec();
        assert_eq!(in_place.len(), expected);
        app.screens.items.recompute(&app.data, "alice");
        assert_eq!(app.screens.items.visible(), in_place);
    };
    check(&mut app, 2);
    // The row under the cursor leaves the filter…
    keys(&mut app, &mut store, "o李强<Enter>");
    check(&mut app, 1);
    // …and another process brings the third item in.
    plantrack::store::Store::open(&path, "bob")
        .unwrap()
        .bulk_assign(&ids[2..], Some("王敏"), None)
        .unwrap();
    let mut watcher = plantrack::tui::Watcher::new(&store).unwrap();
    plantrack::store::Store::open(&path, "carol")
        .unwrap()
        .add_note(ids[2], "进展顺利")
        .unwrap();
    assert!(watcher.refresh(&mut app, &mut store, true).unwrap());
    check(&mut app, 2);
}
