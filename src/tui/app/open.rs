//! Enter: what the cursor is on opens — an item, a roll-up row's items, an Overview count
//! (a third `impl App`; `update` in app.rs routes here).

use super::App;
use crate::tui::effect::Effect;
use crate::tui::screens::ScreenId;
use crate::tui::screens::by_owner::OwnerRow;
use crate::tui::screens::overview::Opens;

impl App {
    pub(super) fn open(&mut self) -> Effect {
        let user = self.session.user.clone();
        match self.screen {
            ScreenId::Items if self.screens.items.enter_table() => Effect::None,
            ScreenId::Items => match self.screens.items.current(&self.data) {
                Some(item) => {
                    let id = item.id;
                    self.history.push(self.screen);
                    self.screen = ScreenId::Detail;
                    Effect::LoadDetail(id)
                }
                None => Effect::None,
            },
            ScreenId::ByChapter => {
                let chapter = self.screens.by_chapter.selected_chapter(&self.view());
                let scope = chapter.map_or((None, None), |(p, c)| (Some(p), Some(c)));
                self.screens
                    .items
                    .drill(&self.data, &user, scope, Default::default());
                self.go(ScreenId::Items)
            }
            ScreenId::ByDepartment => {
                let department = self.screens.by_department.selected_department(&self.view());
                let role = if self.screens.by_department.co {
                    crate::plan::Role::Co
                } else {
                    crate::plan::Role::Lead
                };
                let filter = crate::track::filter::Filter {
                    role: department.as_ref().map(|_| role),
                    department,
                    ..Default::default()
                };
                self.screens
                    .items
                    .drill(&self.data, &user, (None, None), filter);
                self.go(ScreenId::Items)
            }
            ScreenId::Overview => match self.screens.overview.opens(&self.view()) {
                Some(Opens::Items { plan, filter }) => {
                    self.screens
                        .items
                        .drill(&self.data, &user, (plan, None), filter);
                    self.go(ScreenId::Items)
                }
                Some(Opens::Item(id)) => self.jump(id),
                None => Effect::None,
            },
            ScreenId::ByOwner => {
                let Some(owner) = self.screens.by_owner.selected_owner(&self.view()) else {
                    return Effect::None;
                };
                let filter = match owner {
                    OwnerRow::Owner(name) => crate::track::filter::Filter {
                        owner: Some(name),
                        ..Default::default()
                    },
                    OwnerRow::Unassigned => crate::track::filter::Filter {
                        unassigned: true,
                        ..Default::default()
                    },
                };
                self.screens
                    .items
                    .drill(&self.data, &user, (None, None), filter);
                self.go(ScreenId::Items)
            }
            ScreenId::Changes => self.open_changed_item(),
            _ => Effect::None,
        }
    }

    pub(super) fn toggle_mark(&mut self) -> Effect {
        self.screens.items.toggle_mark(&self.data);
        Effect::None
    }
}
