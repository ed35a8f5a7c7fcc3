//! The bindings answer their keys per screen; the help shows their own keys.
use super::*;
use crate::tui::labels::Lang;

#[test]
fn keys_map_to_actions_per_screen() {
    let press = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert!(matches!(
        lookup(ScreenId::Items, press('j')),
        Some(Action::Down)
    ));
    assert!(matches!(
        lookup(ScreenId::Items, press('-')),
        Some(Action::ProgressStep(-10))
    ));
    assert!(matches!(
        lookup(ScreenId::Items, press('2')),
        Some(Action::Switch(ScreenId::Items))
    ));
    assert!(lookup(ScreenId::Overview, press('o')).is_none());
    assert!(matches!(
        lookup(ScreenId::Indicators, press('v')),
        Some(Action::Ask(AskKind::Indicator))
    ));
    let rows = help(ScreenId::Items, Lang::En);
    assert!(rows.iter().any(|(_, d)| d == "set owner"));
    // Shown keys come from the bindings; aliases (Left, =) are not shown.
    assert!(rows.contains(&("1-7".to_string(), "switch screen".to_string())));
    assert!(rows.contains(&("Tab h l".to_string(), "focus / next milestone".to_string())));
    assert!(rows.contains(&("+ -".to_string(), "progress +/-10".to_string())));
    assert!(rows.contains(&("U Ctrl-R".to_string(), "redo what I undid".to_string())));
    assert!(rows.contains(&("x".to_string(), "export (xlsx/csv/md/json)".to_string())));
}
