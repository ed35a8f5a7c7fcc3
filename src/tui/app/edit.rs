//! Editing and input lines: what the editing keys and submitted prompts do to the state
//! (a second `impl App`; `update` in app.rs routes to these).

use super::App;
use crate::plan::Role;
use crate::store::ItemEdit;
use crate::track::dates::Toward;
use crate::tui::action::{AskKind, ExportWhat, InputPurpose};
use crate::tui::effect::{Effect, Save};
use crate::tui::labels::Lang;
use crate::tui::mode::{Input, Mode};
use crate::tui::screens::ScreenId;
use crate::tui::screens::items::ItemsFilter;
use crate::tui::widgets::status_line::Tone;
use chrono::NaiveDate;

use crate::store::MIN_INDEXED_QUERY;

impl App {
    pub(super) fn stamp(&self) -> crate::store::Stamp {
        self.data.stamp.unwrap_or(crate::store::Stamp(0))
    }

    pub(super) fn edit(&self, edit: ItemEdit) -> Effect {
        match self.current_item() {
            Some(item) => Effect::Save(Save::Edit {
                id: item.id,
                stamp: self.stamp(),
                edit,
            }),
            None => Effect::None,
        }
    }

    pub(super) fn progress_step(&mut self, step: i8) -> Effect {
        let Some(item) = self.current_item() else {
            return Effect::None;
        };
        let progress = (i16::from(item.progress) + i16::from(step)).clamp(0, 100) as u8;
        self.edit(ItemEdit {
            progress: Some(progress),
            ..ItemEdit::default()
        })
    }

    /// The open milestone under the Detail cursor (with a hint when there is none).
    pub(super) fn selected_open_milestone(&mut self) -> Option<crate::store::Milestone> {
        let selected = self
            .screens
            .detail
            .selected_milestone()
            .filter(|m| self.screen == ScreenId::Detail && m.done_on.is_none())
            .cloned();
        if selected.is_none() {
            let hint = self.lang().pick(
                "请在详情页用 Tab 选择一个未完成的节点",
                "On the Detail screen, select an open milestone with Tab",
            );
            self.message = Some((Tone::Hint, hint.into()));
        }
        selected
    }

    /// The latest note of this person on the item shown in Detail.
    fn my_latest_note(&self) -> Option<crate::store::Note> {
        let detail = self.screens.detail.detail.as_ref()?;
        detail
            .notes
            .iter()
            .filter(|n| n.author == self.session.user)
            .max_by(|a, b| a.at.cmp(&b.at))
            .cloned()
    }

    /// `D`: remove the selected milestone, asking first (undo brings it back).
    pub(super) fn remove_milestone(&mut self) -> Effect {
        let Some(selected) = self
            .screens
            .detail
            .selected_milestone()
            .filter(|_| self.screen == ScreenId::Detail)
            .cloned()
        else {
            return Effect::None;
        };
        let question = match self.lang() {
            Lang::Zh => format!(
                "删除节点「{}」（{}）？可用 u 撤销。y/n",
                selected.title, selected.due_on
            ),
            Lang::En => format!(
                "Remove milestone “{}” ({})? u undoes it. y/n",
                selected.title, selected.due_on
            ),
        };
        self.ask_yes(
            question,
            Effect::Save(Save::RemoveMilestone {
                milestone: selected.id,
                title: selected.title,
            }),
        )
    }

    /// `M`: ask the day the selected milestone was done (Enter alone: today).
    pub(super) fn complete_next_milestone(&mut self) -> Effect {
        let Some(next) = self.selected_open_milestone() else {
            return Effect::None;
        };
        let input = Input::new(InputPurpose::CompleteMilestone(next.id), "", Vec::new())
            .about(format!("「{}」{}", next.title, next.due_on));
        self.mode = Mode::Input(Box::new(input));
        Effect::None
    }

    pub(super) fn ask(&mut self, kind: AskKind) -> Effect {
        let lang = self.lang();
        let item = self
            .current_item()
            .map(|i| (i.id, self.data.name(i.owner).map(str::to_string)));
        let purpose = match (kind, item.as_ref().map(|i| i.0)) {
            (AskKind::Search, _) => InputPurpose::Search,
            (AskKind::Filter, _) => InputPurpose::Filter,
            (AskKind::Command, _) => InputPurpose::Command,
            (AskKind::Export, _) => InputPurpose::Export(self.what_to_export()),
            (AskKind::BulkOwner, _) => {
                InputPurpose::BulkOwner(self.screens.items.targets(&self.data))
            }
            (AskKind::Indicator, _) => match self.screens.indicators.current(&self.view()) {
                Some(indicator) => InputPurpose::Indicator(indicator.id),
                None => return Effect::None,
            },
            (AskKind::Owner, Some(id)) => InputPurpose::Owner(id),
            (AskKind::Progress, Some(id)) => InputPurpose::Progress(id),
            (AskKind::Project, Some(id)) => InputPurpose::Project(id),
            (AskKind::Lead, Some(id)) => InputPurpose::Department(id, Role::Lead),
            (AskKind::Co, Some(id)) => InputPurpose::Department(id, Role::Co),
            (AskKind::RemoveDepartment, Some(id)) => InputPurpose::RemoveDepartment(id),
            // One's own latest note on the item shown.
            (AskKind::EditNote, Some(_)) => match self.my_latest_note() {
                Some(note) => InputPurpose::EditNote(note.id),
                None => {
                    self.message = Some((
                        Tone::Hint,
                        lang.pick("本项没有我写的备注", "No note of mine on this item")
                            .into(),
                    ));
                    return Effect::None;
                }
            },
            (AskKind::Milestone, Some(id)) => InputPurpose::Milestone(id),
            (AskKind::Note, Some(id)) => InputPurpose::Note(id),
            (AskKind::Extend, Some(_)) => match self.selected_open_milestone() {
                Some(milestone) => InputPurpose::Extend(milestone.id),
                None => return Effect::None,
            },
            (AskKind::RenameMilestone, Some(_)) => match self.selected_open_milestone() {
                Some(milestone) => InputPurpose::RenameMilestone(milestone.id),
                None => return Effect::None,
            },
            (_, None) => {
                self.message = Some((
                    Tone::Hint,
                    lang.pick("请先选择一个事项", "Select an item first").into(),
                ));
                return Effect::None;
            }
        };
        // Search and filter reopen with what is in force (a filter grows word by word);
        // other prompts start empty, with the current value offered first by Tab.
        let initial = match &purpose {
            InputPurpose::Search => self.screens.items.search().to_string(),
            InputPurpose::Export(what) => {
                let name = match what {
                    ExportWhat::Items(_) => "plantrack",
                    ExportWhat::Rollup(by) => by.as_str(),
                    ExportWhat::Indicators => "indicators",
                };
                let extension = if *what == ExportWhat::Indicators {
                    "csv"
                } else {
                    "xlsx"
                };
                format!("{name}-{}.{extension}", self.session.today)
            }
            InputPurpose::Filter if !self.screens.items.filter_text().is_empty() => {
                format!("{} ", self.screens.items.filter_text())
            }
            // The project's fields as they are, to be corrected in place.
            InputPurpose::Project(id) => crate::track::project::project_line(
                self.data.item(*id).and_then(|i| i.project.as_deref()),
            ),
            InputPurpose::EditNote(id) => self
                .my_latest_note()
                .filter(|n| n.id == *id)
                .map(|n| n.text)
                .unwrap_or_default(),
            // A note closed unsaved goes on where it was left.
            InputPurpose::Note(id) => self.drafts.get(id).cloned().unwrap_or_default(),
            _ => String::new(),
        };
        let current_owner = item.and_then(|i| i.1);
        let suggestions = match &purpose {
            // The current owner, the people known, then the owners already used.
            InputPurpose::Owner(_) => current_owner
                .into_iter()
                .chain(self.data.people.iter().map(|p| p.name.clone()))
                .chain(self.data.owners.iter().cloned())
                .fold(Vec::new(), unique),
            InputPurpose::BulkOwner(_) => self
                .data
                .people
                .iter()
                .map(|p| p.name.clone())
                .chain(self.data.owners.iter().cloned())
                .fold(Vec::new(), unique),
            InputPurpose::Department(..) => self.data.directory.departments.clone(),
            // The item's own departments.
            InputPurpose::RemoveDepartment(id) => self
                .screens
                .detail
                .detail
                .as_ref()
                .filter(|d| d.row.id == *id)
                .map(|d| d.departments.iter().map(|l| l.short.clone()).collect())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        if matches!(purpose, InputPurpose::Search | InputPurpose::Filter)
            && self.screen != ScreenId::Items
        {
            self.go(ScreenId::Items);
        }
        // The milestone `E` and `R` act on is named in the prompt.
        let subject = match &purpose {
            InputPurpose::Extend(id) | InputPurpose::RenameMilestone(id) => self
                .screens
                .detail
                .selected_milestone()
                .filter(|m| m.id == *id)
                .map(|m| format!("「{}」{}", m.title, m.due_on)),
            _ => None,
        };
        let directory = matches!(purpose, InputPurpose::Department(..))
            .then(|| self.data.directory.all.clone());
        let input = Input::new(purpose, &initial, suggestions);
        let input = match directory {
            Some(directory) => input.with_directory(directory),
            None => input,
        };
        let input = match subject {
            Some(subject) => input.about(subject),
            None => input,
        };
        self.mode = Mode::Input(Box::new(input));
        Effect::None
    }

    /// Titles are matched in memory at every keystroke (substring and pinyin). Bodies
    /// are asked of the store's trigram index from three characters on; a shorter query
    /// would need a scan of every body (see BENCHMARKS.md), so that runs only
    /// when the search is submitted (`submitted` passes `whole`).
    pub(super) fn search_changed(&mut self, text: String, whole: bool) -> Effect {
        self.screens
            .items
            .set_search(&text, &self.data, &self.session.user);
        let indexed = text.trim().chars().count() >= MIN_INDEXED_QUERY;
        if text.trim().is_empty() || !(indexed || whole) {
            Effect::None
        } else {
            Effect::Search(text)
        }
    }

    pub(super) fn submitted(&mut self, purpose: InputPurpose, text: String) -> Effect {
        let lang = self.lang();
        let trimmed = text.trim().to_string();
        let stamp = self.stamp();
        let today = self.session.today;
        match purpose {
            InputPurpose::Search => self.search_changed(trimmed, true),
            InputPurpose::Filter => match ItemsFilter::parse(&trimmed) {
                Ok(filter) => {
                    self.screens
                        .items
                        .set_filter(filter, trimmed, &self.data, &self.session.user);
                    Effect::None
                }
                Err(error) => {
                    let zh = self.lang() == Lang::Zh;
                    self.fail(error.describe(zh))
                }
            },
            InputPurpose::Owner(id) => {
                let owner = (!trimmed.is_empty()).then_some(trimmed);
                Effect::Save(Save::Edit {
                    id,
                    stamp,
                    edit: ItemEdit {
                        owner: Some(owner),
                        ..ItemEdit::default()
                    },
                })
            }
            InputPurpose::Project(id) => {
                match crate::track::project::parse_project_line(&trimmed) {
                    Ok(change) if change == Default::default() => Effect::None,
                    Ok(change) => Effect::Save(Save::Edit {
                        id,
                        stamp,
                        edit: ItemEdit {
                            project_stage: change.stage,
                            invest_total: change.invest_total,
                            invest_year_plan: change.invest_year_plan,
                            invest_year_done: change.invest_year_done,
                            ..ItemEdit::default()
                        },
                    }),
                    Err(e) => self.fail(e.message(lang)),
                }
            }
            InputPurpose::Progress(id) => match trimmed.parse::<crate::track::Progress>() {
                Ok(progress) => Effect::Save(Save::Edit {
                    id,
                    stamp,
                    edit: ItemEdit {
                        progress: Some(progress.value()),
                        ..ItemEdit::default()
                    },
                }),
                Err(e) => self.fail(e.message(lang)),
            },
            InputPurpose::Department(id, role) if !trimmed.is_empty() => {
                self.department_named(id, role, trimmed)
            }
            InputPurpose::EditNote(note) if trimmed.is_empty() => {
                let question = lang
                    .pick(
                        "删除这条备注？历史中保留，可用 u 撤销。y/n",
                        "Remove this note? History keeps it; u undoes it. y/n",
                    )
                    .to_string();
                self.ask_yes(question, Effect::Save(Save::RemoveNote { note }))
            }
            InputPurpose::EditNote(note) => Effect::Save(Save::EditNote { note, text }),
            InputPurpose::RemoveDepartment(id) if !trimmed.is_empty() => {
                let question = match lang {
                    Lang::Zh => format!("从 #{id} 移除单位“{trimmed}”？y/n"),
                    Lang::En => format!("Take “{trimmed}” off #{id}? y/n"),
                };
                self.ask_yes(
                    question,
                    Effect::Save(Save::RemoveDepartment { id, name: trimmed }),
                )
            }
            InputPurpose::Milestone(id) => match parse_milestone(&trimmed, today, lang) {
                Ok((due, title)) => Effect::Save(Save::Milestone { id, title, due }),
                Err(message) => self.fail(message),
            },
            InputPurpose::Note(id) if !trimmed.is_empty() => Effect::Save(Save::Note { id, text }),
            // Enter alone: done today.
            InputPurpose::CompleteMilestone(milestone) if trimmed.is_empty() => {
                Effect::Save(Save::CompleteMilestone {
                    milestone,
                    on: today,
                })
            }
            InputPurpose::CompleteMilestone(milestone) => {
                match crate::track::dates::parse_typed(&trimmed, today, Toward::Behind) {
                    Some(on) if on <= today => Effect::Save(Save::CompleteMilestone { milestone, on }),
                    Some(on) => self.fail(match lang {
                        Lang::Zh => format!("完成日期 {on} 还没到；未保存"),
                        Lang::En => format!("{on} is still to come: a milestone is done on a past day; nothing was saved"),
                    }),
                    None => self.fail(match lang {
                        Lang::Zh => format!("日期“{trimmed}”无法识别（可写 2026-06-30、6/30、+0）；未保存"),
                        Lang::En => format!("“{trimmed}” is not a date (2026-06-30, 6/30, +0); nothing was saved"),
                    }),
                }
            }
            InputPurpose::Extend(milestone) => match parse_milestone(&trimmed, today, lang) {
                Ok((to, reason)) => Effect::Save(Save::Extend {
                    milestone,
                    to,
                    reason,
                }),
                Err(message) => self.fail(message),
            },
            InputPurpose::BulkOwner(ids) if !trimmed.is_empty() && !ids.is_empty() => {
                // Marks made before a filter changed may be off the list: say how many.
                let shown: std::collections::HashSet<i64> = self
                    .screens
                    .items
                    .visible()
                    .iter()
                    .map(|&i| self.data.items[i].id)
                    .collect();
                let hidden = ids.iter().filter(|id| !shown.contains(id)).count();
                let aside = match (hidden, lang) {
                    (0, _) => String::new(),
                    (n, Lang::Zh) => format!("（其中 {n} 项不在当前列表中）"),
                    (n, Lang::En) => format!(" ({n} of them not on the list shown)"),
                };
                let question = match lang {
                    Lang::Zh => {
                        format!("将 {} 个事项{aside}的负责人设为“{trimmed}”？y/n", ids.len())
                    }
                    Lang::En => format!(
                        "Set the owner of {} items{aside} to “{trimmed}”? y/n",
                        ids.len()
                    ),
                };
                self.message = Some((Tone::Hint, question.clone()));
                self.mode = Mode::Confirm {
                    question,
                    effect: Box::new(Effect::Save(Save::BulkOwner {
                        ids,
                        owner: trimmed,
                    })),
                };
                Effect::None
            }
            InputPurpose::Indicator(id) => match trimmed.split_once(char::is_whitespace) {
                Some((period, value)) => Effect::Save(Save::Indicator {
                    id,
                    period: period.to_string(),
                    value: value.trim().to_string(),
                }),
                None => self.fail(
                    lang.pick(
                        "格式：期间 数值，例如 2025 63.5",
                        "Format: PERIOD VALUE, e.g. 2025 63.5",
                    )
                    .into(),
                ),
            },
            InputPurpose::RenameMilestone(milestone) if !trimmed.is_empty() => {
                Effect::Save(Save::RenameMilestone {
                    milestone,
                    title: trimmed,
                })
            }
            // A name without a directory goes to the export directory; the message names
            // the file by its absolute path.
            InputPurpose::Export(what) if !trimmed.is_empty() => Effect::Export {
                what,
                path: std::path::absolute(self.session.export_dir.join(trimmed))
                    .unwrap_or_else(|_| std::path::PathBuf::from(&text)),
            },
            InputPurpose::Command => self.command(&trimmed),
            _ => Effect::None,
        }
    }

    pub(super) fn fail(&mut self, message: String) -> Effect {
        self.message = Some((Tone::Error, message));
        Effect::None
    }
}

/// "2026-06-30 完成可研批复" → (date, title), with a message naming the expected format.
pub fn parse_milestone(
    text: &str,
    today: NaiveDate,
    lang: Lang,
) -> Result<(NaiveDate, String), String> {
    let (date, title) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let format_hint = lang.pick(
        "格式：YYYY-MM-DD 节点名称，例如 2026-06-30 完成可研批复（日期也可写 6/30、+30、月底、下月底、年底）",
        "Format: YYYY-MM-DD TITLE, e.g. 2026-06-30 feasibility approved (or 6/30, +30, 月底, 下月底, 年底)",
    );
    let due =
        crate::track::dates::parse_typed(date, today, Toward::Ahead).ok_or_else(|| match lang {
            Lang::Zh => format!("日期“{date}”无效。{format_hint}"),
            Lang::En => format!("“{date}” is not a valid date. {format_hint}"),
        })?;
    let title = title.trim();
    if title.is_empty() {
        return Err(format_hint.to_string());
    }
    Ok((due, title.to_string()))
}

/// Append `name` unless it is there already.
fn unique(mut names: Vec<String>, name: String) -> Vec<String> {
    if !names.contains(&name) {
        names.push(name);
    }
    names
}
