//! Snapshots of every screen at 80×24, at the smallest size (72×20) and at a wide size, with Chinese text. Dates and
//! times of changes are filtered (they are real times of the seed import).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::tui as tui_support;

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

/// The smallest size the workbench works at (a compact layout; "too small" below it).
#[test]
fn screens_72x20_zh() {
    each_screen(Lang::Zh, 72, 20, "72x20_zh");
}

#[test]
fn screens_72x20_en() {
    each_screen(Lang::En, 72, 20, "72x20_en");
}

#[test]
fn too_small_terminal_is_a_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
    for (w, h) in [(71, 24), (80, 19), (20, 5), (1, 1), (0, 0)] {
        let text = screen_text(&render(&app, w, h));
        if w >= 20 {
            assert!(text.contains("终端太小"), "{w}x{h}: {text}");
            assert!(text.contains("72×20"), "{w}x{h}: {text}");
        }
    }
    // tmux on an 80×24 terminal leaves 80×23; 79 columns is common: both work.
    for (w, h) in [(80, 23), (79, 24), (72, 20)] {
        let text = screen_text(&render(&app, w, h));
        assert!(!text.contains("终端太小"), "{w}x{h}: {text}");
        assert!(
            text.contains("总览") && text.contains("合计"),
            "{w}x{h}: {text}"
        );
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

/// The cells of row `y` from `from` to `to` (exclusive), wide characters once.
fn cells(
    terminal: &ratatui::Terminal<ratatui::backend::TestBackend>,
    y: u16,
    from: u16,
    to: u16,
) -> String {
    let buffer = terminal.backend().buffer();
    (from..to.min(buffer.area.width))
        .map(|x| buffer[(x, y)].symbol().to_string())
        .collect()
}

/// Every header of the item table is drawn whole, with room after it ("Li" was the
/// English "Light" clipped to two cells).
#[test]
fn item_table_headers_are_never_clipped() {
    use plantrack::report::columns::{Form, WORKBENCH_NARROW, WORKBENCH_WIDE};
    for (lang, width) in [
        (Lang::Zh, 80),
        (Lang::En, 80),
        (Lang::Zh, 120),
        (Lang::En, 120),
        (Lang::En, 160),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", lang);
        keys(&mut app, &mut store, "2");
        let text = screen_text(&render(&app, width, 24));
        let header = text
            .lines()
            .find(|l| l.contains("│ID "))
            .unwrap_or_else(|| panic!("{lang:?} {width}: no header row in\n{text}"));
        // The table is wide when its area is (the outline takes the left of the screen).
        let wide = header.contains(WORKBENCH_WIDE[1].header(Form::Workbench(lang)));
        let columns: &[_] = if wide {
            &WORKBENCH_WIDE
        } else {
            &WORKBENCH_NARROW
        };
        assert_eq!(wide, width >= 160, "{lang:?} {width}: {header}");
        for column in columns {
            let label = column.header(Form::Workbench(lang));
            assert!(
                header.contains(&format!("{label} ")) || header.contains(&format!("{label}│")),
                "{lang:?} {width}: header {label:?} clipped or run into the next in {header:?}"
            );
        }
    }
}

/// Every binding of the help overlay is shown whole at 80×24: its key, then its whole
/// description (wrapped in its column, never cut or run into the other column).
#[test]
fn help_entries_are_whole_and_apart() {
    use plantrack::tui::{ScreenId, key_help};
    for lang in [Lang::Zh, Lang::En] {
        for (screen_key, screen) in [("2", ScreenId::Items), ("2<Enter>", ScreenId::Detail)] {
            let dir = tempfile::tempdir().unwrap();
            let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", lang);
            keys(&mut app, &mut store, screen_key);
            keys(&mut app, &mut store, "?");
            let terminal = render(&app, 80, 24);
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            // The two columns meet in the middle: read each half top to bottom.
            let half = |from, to| -> String {
                (0..24)
                    .map(|y| squeeze(&cells(&terminal, y, from, to)))
                    .collect()
            };
            let (left, right) = (half(1, 40), half(40, 79));
            for (keys_text, what) in key_help(screen, lang) {
                let entry = squeeze(&format!("{keys_text}{what}"));
                assert!(
                    left.contains(&entry) || right.contains(&entry),
                    "{lang:?} {screen:?}: “{keys_text} {what}” is not shown whole:\n{}",
                    screen_text(&terminal)
                );
            }
        }
    }
}

/// Text is wrapped where Chinese allows: no line of the Detail screen starts with a
/// closing mark (。，、；：）”), at 80×24 and wide, scrolled through the whole item.
#[test]
fn detail_lines_never_start_with_closing_punctuation() {
    for (width, height) in [(80, 24), (100, 30), (160, 48)] {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, mut store) = app(&dir.path().join("p.db"), "alice", Lang::Zh);
        keys(&mut app, &mut store, "2<Enter>");
        for _ in 0..6 {
            let text = screen_text(&render(&app, width, height));
            for line in text.lines() {
                let inner = line.trim_start_matches(['│', '┌', '└']).trim_start();
                assert!(
                    !inner.starts_with(['。', '，', '、', '；', '：', '）', '”']),
                    "{width}×{height}: a line starts with a closing mark: {line}\n{text}"
                );
            }
            keys(&mut app, &mut store, "jjjjjjjjjj");
        }
    }
}
