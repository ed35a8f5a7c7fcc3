//! Naming a department in the workbench (issue 18, point 6): any of its names completes;
//! a name that is no department's is added only when the person says so; a name several
//! departments share is asked about; a new lead asks whether the old lead stays as
//! co-responsible or goes.

use super::App;
use crate::directory::Named;
use crate::plan::Role;
use crate::tui::effect::{Effect, Save};
use crate::tui::labels::Lang;
use crate::tui::mode::Mode;
use crate::tui::snapshot::NO_NAME;
use crate::tui::widgets::status_line::Tone;

impl App {
    /// The department typed for item `id` in `role`, submitted.
    pub(super) fn department_named(&mut self, id: i64, role: Role, typed: String) -> Effect {
        let lang = self.lang();
        let stamp = self.stamp();
        let directory = &self.data.directory.all;
        let name = match directory.named(&typed) {
            Named::One(entry) => entry.short.clone(),
            Named::Nobody => {
                // Never added silently: a mistyped name would stay in the directory.
                let as_role = match (role, lang) {
                    (Role::Lead, Lang::Zh) => "牵头单位",
                    (Role::Co, Lang::Zh) => "配合单位",
                    (Role::Lead, Lang::En) => "lead",
                    (Role::Co, Lang::En) => "co-responsible",
                };
                let question = match lang {
                    Lang::Zh => {
                        format!("单位目录中没有“{typed}”。作为新单位添加并设为{as_role}？y/n")
                    }
                    Lang::En => format!(
                        "No department “{typed}” in the directory. Add it as a new one, {as_role}? y/n"
                    ),
                };
                return self.ask_yes(
                    question,
                    Effect::Save(Save::Department {
                        id,
                        name: typed,
                        role,
                        stamp,
                    }),
                );
            }
            Named::Several(several) => {
                let shown: Vec<&str> = several.iter().take(6).map(|e| e.short.as_str()).collect();
                return self.fail(match lang {
                    Lang::Zh => format!(
                        "“{typed}”对应 {} 个单位：{}；请写全或按 Tab 选择",
                        several.len(),
                        shown.join("、")
                    ),
                    Lang::En => format!(
                        "“{typed}” names {} departments: {}; type more or pick with Tab",
                        several.len(),
                        shown.join(", ")
                    ),
                });
            }
        };
        let set = Save::Department {
            id,
            name: name.clone(),
            role,
            stamp,
        };
        let old = self
            .data
            .item(id)
            .filter(|item| role == Role::Lead && item.lead != NO_NAME)
            .and_then(|item| self.data.name(item.lead))
            .filter(|old| *old != name)
            .map(str::to_string);
        match old {
            Some(old) => {
                let question = match lang {
                    Lang::Zh => format!(
                        "#{id} 牵头单位改为 {name}。原牵头单位 {old}：c 改为配合 / r 移除 / 其他键取消"
                    ),
                    Lang::En => format!(
                        "#{id} lead: {name}. The old lead {old}: c stays as co-responsible / r is removed / any other key cancels"
                    ),
                };
                self.message = Some((Tone::Hint, question.clone()));
                self.mode = Mode::LeadChoice {
                    question,
                    keep: Box::new(Effect::Save(set.clone())),
                    drop: Box::new(Effect::Many(vec![
                        Effect::Save(set),
                        Effect::Save(Save::RemoveDepartment { id, name: old }),
                    ])),
                };
                Effect::None
            }
            None => Effect::Save(set),
        }
    }

    /// Ask a yes/no question; `y` performs `effect`.
    pub(super) fn ask_yes(&mut self, question: String, effect: Effect) -> Effect {
        self.message = Some((Tone::Hint, question.clone()));
        self.mode = Mode::Confirm {
            question,
            effect: Box::new(effect),
        };
        Effect::None
    }
}
