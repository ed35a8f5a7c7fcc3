//! Terminal events → actions. Keys go to the focused layer first: an open input line
//! takes every key; a confirmation question takes y/n; otherwise the keymap decides.

use super::action::Action;
use super::app::App;
use super::keymap;
use super::mode::Mode;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind};

/// The action a terminal event asks for, if any.
pub fn action_for(app: &mut App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Resize(..) => Some(Action::Resize),
        Event::Paste(text) => match &mut app.mode {
            Mode::Input(input) => {
                input
                    .textarea
                    .insert_str(crate::text::sanitize::clean_imported(&text).text);
                None
            }
            _ => None,
        },
        _ => None,
    }
}

fn key_action(app: &mut App, key: KeyEvent) -> Option<Action> {
    match &mut app.mode {
        Mode::Input(input) => match input.key(key) {
            Some(Action::Back) => {
                app.mode = Mode::Normal;
                None
            }
            other => other,
        },
        // Only an explicit y says yes: Enter (a pasted line end, a double tap) never
        // confirms a bulk or destructive change.
        Mode::Confirm { .. } => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::ConfirmYes),
            _ => Some(Action::ConfirmNo),
        },
        Mode::Help | Mode::Normal => keymap::lookup(app.screen, key),
    }
}
