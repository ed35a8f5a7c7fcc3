//! Snapshots of every screen at 80×24 and at a wide size, with Chinese text. Dates and
//! times of changes are filtered (they are real times of the seed import).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/tui.rs"]
mod tui_support;

use plantrack::tui::Lang;
use tui_support::{app, keys, render, screen_text};

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", "[date time]");
    settings.add_filter(r"\d{2}-\d{2} \d{2}:\d{2}", "[time]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

fn each_screen(lang: Lang, width: u16, height: u16, suffix: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", lang);
    for (key, name) in [
        ("1", "overview"),
        ("2", "items"),
        ("4", "by_chapter"),
        ("5", "by_department"),
        ("6", "indicators"),
    ] {
        keys(&mut app, &mut store, key);
        snapshot(
            &format!("{name}_{suffix}"),
            &screen_text(&render(&app, width, height)),
        );
    }
    keys(&mut app, &mut store, "2<Enter>");
    snapshot(
        &format!("detail_{suffix}"),
        &screen_text(&render(&app, width, height)),
    );
    keys(&mut app, &mut store, "?");
    snapshot(
        &format!("help_{suffix}"),
        &screen_text(&render(&app, width, height)),
    );
}

#[test]
fn screens_80x24_zh() {
    each_screen(Lang::Zh, 80, 24, "80x24_zh");
}

#[test]
fn screens_wide_zh() {
    each_screen(Lang::Zh, 160, 48, "160x48_zh");
}

#[test]
fn screens_80x24_en() {
    each_screen(Lang::En, 80, 24, "80x24_en");
}

#[test]
fn too_small_terminal_is_a_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    for (w, h) in [(79, 24), (80, 23), (20, 5), (1, 1), (0, 0)] {
        let text = screen_text(&render(&app, w, h));
        if w >= 20 {
            assert!(text.contains("终端太小"), "{w}x{h}: {text}");
        }
    }
}

#[test]
fn truncated_cjk_title_never_splits_a_wide_character() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    keys(&mut app, &mut store, "2");
    for width in [80u16, 81, 83, 97, 101] {
        let terminal = render(&app, width, 24);
        let buffer = terminal.backend().buffer();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                let w = plantrack::text::width::display_width(symbol) as u16;
                // A wide character always has its second cell inside the screen.
                assert!(
                    x + w <= buffer.area.width,
                    "wide char split at {x},{y} in width {width}"
                );
            }
        }
        let text = screen_text(&terminal);
        assert!(
            text.contains('…'),
            "titles are truncated with an ellipsis at width {width}:\n{text}"
        );
    }
}

#[test]
fn ascii_borders_draw_no_box_drawing_characters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut store = plantrack::store::Store::open(&path, "alice").unwrap();
    let mut session = tui_support::session("alice", Lang::Zh);
    session.theme.ascii = true;
    let mut app = plantrack::tui::App::new(session);
    plantrack::tui::start(&mut app, &mut store);
    for key in ["1", "2", "4", "5", "6", "2<Enter>", "?"] {
        keys(&mut app, &mut store, key);
        let text = screen_text(&render(&app, 80, 24));
        let boxy: Vec<char> = text
            .chars()
            .filter(|c| ('\u{2500}'..='\u{257F}').contains(c))
            .collect();
        assert!(boxy.is_empty(), "after {key}: {boxy:?}\n{text}");
        assert!(text.contains("+-"), "after {key}:\n{text}");
    }
}
