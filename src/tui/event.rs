//! Terminal events → actions. Keys go to the focused layer first: an open input line
//! takes every key; a confirmation question takes y/n; otherwise the keymap decides.

use super::action::Action;
use super::app::App;
use super::keymap;
use super::mode::Mode;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The action a terminal event asks for, if any.
pub fn action_for(app: &mut App, event: Event) -> Option<Action> {
    match event {
        // Ctrl-Z in any mode: suspend (an open input is kept for `fg`).
        Event::Key(key)
            if key.kind == KeyEventKind::Press
                && key.code == KeyCode::Char('z')
                && key.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            super::signals::suspend();
            None
        }
        Event::Key(key) if key.kind == KeyEventKind::Press => key_action(app, key),
        Event::Resize(..) => Some(Action::Resize),
        // The mouse acts on the screens, not on an open input or question.
        Event::Mouse(mouse) if matches!(app.mode, Mode::Normal) => Some(Action::Mouse(mouse)),
        // A paste goes into the open input only, as text; with no input open it does
        // nothing (it is never read as keys).
        Event::Paste(text) => match &mut app.mode {
            Mode::Input(input) => match input.paste(&text) {
                Ok(action) => action,
                Err(limit) => Some(Action::Failed(match app.session.lang {
                    super::labels::Lang::Zh => format!(
                        "粘贴的文本太长，未粘贴：此处最多 {limit} 个字（粘贴了 {} 个）",
                        text.chars().count()
                    ),
                    super::labels::Lang::En => format!(
                        "Not pasted: too long ({} characters; this input takes at most {limit})",
                        text.chars().count()
                    ),
                })),
            },
            _ => None,
        },
        _ => None,
    }
}

fn key_action(app: &mut App, key: KeyEvent) -> Option<Action> {
    match &mut app.mode {
        Mode::Input(input) => input.key(key, app.session.lang),
        // Only an explicit y says yes: Enter (a pasted line end, a double tap) never
        // confirms a bulk or destructive change.
        Mode::Confirm { .. } => match key.code {
            KeyCode::Char('y' | 'Y') => Some(Action::ConfirmYes),
            _ => Some(Action::ConfirmNo),
        },
        Mode::LeadChoice { .. } => Some(match key.code {
            KeyCode::Char('c' | 'C') => Action::LeadChoice(Some(true)),
            KeyCode::Char('r' | 'R') => Action::LeadChoice(Some(false)),
            _ => Action::LeadChoice(None),
        }),
        // The status list: 1–4 pick (in `Status::ALL` order), anything else closes it.
        Mode::Status(_) => match key.code {
            KeyCode::Char(c @ '1'..='4') => crate::track::Status::ALL
                .get(usize::from(c as u8 - b'1'))
                .map(|&s| Action::SetStatus(s)),
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                Some(Action::Quit)
            }
            _ => Some(Action::CloseInput),
        },
        Mode::Help | Mode::Rules | Mode::Normal => keymap::lookup(app.screen, key),
    }
}
