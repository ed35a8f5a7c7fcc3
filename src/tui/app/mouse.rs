//! The mouse (issue 18, point 15): the wheel scrolls, a click on a tab switches to it, a
//! click on a row or a tree node selects it and a second click opens it. Where things are
//! follows the layout the screens draw (`ui.rs`: tab bar, body, bottom line; a list shows
//! the rows around its cursor, `screens::first_shown`). Capture can be turned off (`:mouse
//! off`, Ctrl-O) so the terminal selects text for copying again.

use super::App;
use crate::tui::effect::Effect;
use crate::tui::screens::items::ItemsScreen;
use crate::tui::screens::{ScreenId, first_shown};
use crate::tui::widgets::{rollup_chart, tab_bar};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// Rows the wheel moves.
const WHEEL: isize = 3;

impl App {
    pub(super) fn mouse(&mut self, event: MouseEvent) -> Effect {
        match event.kind {
            MouseEventKind::ScrollDown => self.move_by(WHEEL),
            MouseEventKind::ScrollUp => self.move_by(-WHEEL),
            MouseEventKind::Down(MouseButton::Left) => self.click(event.column, event.row),
            _ => Effect::None,
        }
    }

    fn click(&mut self, x: u16, y: u16) -> Effect {
        let (width, height) = self.size;
        if y == 0 {
            let right = format!("{} {}", self.session.user, self.session.today);
            return match tab_bar::tab_at(x, width, self.lang(), &right) {
                Some(screen) => self.go(screen),
                None => Effect::None,
            };
        }
        // The body: from the line under the tabs to the one above the bottom line.
        let body_height = height.saturating_sub(2);
        if y > body_height {
            return Effect::None;
        }
        // Lines inside a bordered list: the first row is below the border (and a header).
        let row_at = |top: u16, header: u16| y.checked_sub(1 + top + 1 + header).map(usize::from);
        match self.screen {
            ScreenId::Items => {
                let tree = ItemsScreen::tree_width(width);
                let user = self.session.user.clone();
                if x < tree {
                    let height = usize::from(body_height.saturating_sub(2)).max(1);
                    let nodes = self.screens.items.shown_nodes(&self.data);
                    let selected = self.screens.items.tree_selected();
                    let at = nodes.iter().position(|&n| n == selected).unwrap_or(0);
                    let first = first_shown(at, height);
                    if let Some(&node) = row_at(0, 0).and_then(|k| nodes.get(first + k)) {
                        self.screens.items.click_node(node, &self.data, &user);
                    }
                    return Effect::None;
                }
                let shown = usize::from(body_height.saturating_sub(3)).max(1);
                let first = first_shown(self.screens.items.selected(), shown);
                match row_at(0, 1) {
                    Some(k) if self.screens.items.click_row(first + k) => self.open(),
                    _ => Effect::None,
                }
            }
            ScreenId::ByChapter | ScreenId::ByDepartment | ScreenId::ByOwner => {
                let table = body_height.saturating_sub(rollup_chart::HEIGHT);
                let shown = usize::from(table.saturating_sub(3)).max(1);
                let Some(k) = row_at(0, 1).filter(|&k| k < shown) else {
                    return Effect::None;
                };
                let selected = match self.screen {
                    ScreenId::ByChapter => &mut self.screens.by_chapter.selected,
                    ScreenId::ByDepartment => &mut self.screens.by_department.selected,
                    _ => &mut self.screens.by_owner.selected,
                };
                let index = first_shown(*selected, shown) + k;
                let again = *selected == index;
                *selected = index;
                self.clamp_selections();
                if again { self.open() } else { Effect::None }
            }
            ScreenId::Overview => {
                let rows = self.data.by_plan().len() + usize::from(self.data.total().is_some());
                match row_at(0, 1).filter(|&k| k < rows) {
                    Some(k) => {
                        let overview = &mut self.screens.overview;
                        let again = overview.focus
                            == crate::tui::screens::overview::OverviewFocus::Plans
                            && overview.row == k;
                        overview.focus = crate::tui::screens::overview::OverviewFocus::Plans;
                        overview.row = k;
                        if again { self.open() } else { Effect::None }
                    }
                    None => Effect::None,
                }
            }
            ScreenId::Detail | ScreenId::Indicators | ScreenId::Changes => Effect::None,
        }
    }
}
