//! Helpers for workbench tests: a seeded database, an app on it, key-string driving and
//! rendering into a TestBackend.
#![allow(dead_code)]

use chrono::NaiveDate;
use plantrack::store::Store;
use plantrack::tui::{self, App, Lang, Session, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

pub fn session(user: &str, lang: Lang) -> Session {
    Session {
        lang,
        theme: Theme {
            color: false,
            ascii: false,
        },
        today: today(),
        user: user.to_string(),
        journal: None,
        export_dir: std::env::temp_dir(),
    }
}

/// The journal directory of the workbenches of the database at `path`: beside it.
pub fn journal_dir(path: &Path) -> std::path::PathBuf {
    path.with_file_name("state")
}

/// An app started on the database at `path` (seeded when new), journalling waiting edits
/// in `journal_dir(path)`.
pub fn app(path: &Path, user: &str, lang: Lang) -> (App, Store) {
    let mut store = Store::open(path, user).unwrap();
    let mut app = App::new(Session {
        journal: Some(journal_dir(path)),
        ..session(user, lang)
    });
    tui::start(&mut app, &mut store);
    (app, store)
}

/// A seeded database in a temporary directory of its own, and an app on it as alice.
pub fn fresh(lang: Lang) -> (tempfile::TempDir, App, Store) {
    let dir = tempfile::tempdir().unwrap();
    let (app, store) = app(&dir.path().join("p.db"), "alice", lang);
    (dir, app, store)
}

/// Send keys written like "jj/czt<Enter>": `<Name>` for special keys (Enter, Esc, Tab,
/// Down, Up, Space, C-s for Ctrl-S, C-c, C-u, BS for backspace), any other character as itself.
pub fn keys(app: &mut App, store: &mut Store, spec: &str) {
    let mut chars = spec.chars().peekable();
    while let Some(c) = chars.next() {
        let event = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
                "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
                "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
                "Left" => KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
                "Right" => KeyEvent::new(KeyCode::Right, KeyModifiers::NONE),
                "Space" => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
                "BS" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
                "C-s" => KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                "C-c" => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                "C-u" => KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL),
                "C-o" => KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL),
                "lt" => KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE),
                other => panic!("unknown key <{other}>"),
            }
        } else {
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        };
        tui::handle_event(app, store, Event::Key(event));
    }
}

/// Render the app into a test terminal of the given size.
pub fn render(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| tui::draw(app, frame)).unwrap();
    terminal
}

/// The screen as plain text lines (wide characters once, trailing spaces trimmed).
pub fn screen_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += plantrack::text::width::display_width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
