//! Pasted text in the workbench (the adversarial review's F7 and F10), with key events
//! and paste events on a real database: a paste goes into the open input only, as text;
//! line breaks in a one-line input are joined, never Enter; a paste longer than the field
//! takes is refused at once (a 50k-character paste froze the workbench for 40 s and was
//! saved); with no input open a paste does nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

use plantrack::tui::{Lang, Mode};
use ratatui::crossterm::event::Event;
use std::time::{Duration, Instant};
use tui_support::{app, keys, today};

fn paste(app: &mut plantrack::tui::App, store: &mut plantrack::store::Store, text: &str) {
    plantrack::tui::handle_event(app, store, Event::Paste(text.to_string()));
}

fn input_text(app: &plantrack::tui::App) -> Option<String> {
    match &app.mode {
        Mode::Input(input) => Some(input.text()),
        _ => None,
    }
}

#[test]
fn a_paste_is_text_in_the_open_input_and_nothing_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2");
    let id = app.screens.items.current(&app.data).unwrap().id;
    // No input open: nothing happens.
    paste(&mut app, &mut store, "u\nt\n+\n");
    assert!(
        store
            .history(None, 10)
            .unwrap()
            .iter()
            .all(|h| h.who != "alice")
    );
    assert_eq!(app.mode, Mode::Normal);
    // Into the owner prompt: one line, no Enter.
    keys(&mut app, &mut store, "o");
    paste(&mut app, &mut store, "王五\nu\nt\n");
    assert_eq!(input_text(&app).as_deref(), Some("王五 u t"));
    assert!(
        store.show(id, today()).unwrap().row.owner.is_none(),
        "not saved by the paste"
    );
    keys(&mut app, &mut store, "<Esc>");
    // Into the note editor: lines kept.
    keys(&mut app, &mut store, "n");
    paste(&mut app, &mut store, "第一行\n第二行");
    assert_eq!(input_text(&app).as_deref(), Some("第一行\n第二行"));
    keys(&mut app, &mut store, "<C-s>");
    assert_eq!(
        store.show(id, today()).unwrap().notes[0].text,
        "第一行\n第二行"
    );
}

#[test]
fn a_paste_longer_than_the_field_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2o");
    let started = Instant::now();
    paste(&mut app, &mut store, &"长".repeat(50_000));
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(input_text(&app).as_deref(), Some(""));
    let message = app.message.clone().unwrap().1;
    assert!(message.contains("最多 64 个字"), "{message}");
    // Typing stops at the limit too.
    paste(&mut app, &mut store, &"王".repeat(64));
    keys(&mut app, &mut store, "多");
    assert_eq!(input_text(&app).unwrap().chars().count(), 64);
}

#[test]
fn a_refused_value_is_explained_in_the_sessions_language() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2o");
    paste(&mut app, &mut store, "王敏\u{3164}");
    keys(&mut app, &mut store, "<Enter>");
    let message = app.message.clone().unwrap().1;
    assert!(
        message.contains("U+3164") && message.contains("未保存"),
        "{message}"
    );
}
