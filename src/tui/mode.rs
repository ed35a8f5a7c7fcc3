//! What has the keyboard: the screens, an input line (which gets keys first), a
//! confirmation question, or the help overlay.

use super::action::{Action, InputPurpose};
use super::effect::Effect;
use super::labels::Lang;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui_textarea::TextArea;

#[derive(Debug, PartialEq)]
pub enum Mode {
    Normal,
    Help,
    /// The light and pace rules (`w`), with why the Detail's item has its light.
    Rules,
    /// The status list for an item (`t`): a number key picks.
    Status(i64),
    Input(Box<Input>),
    Confirm {
        question: String,
        effect: Box<Effect>,
    },
    /// A new lead: `c` keeps the old lead as co-responsible, `r` removes it.
    LeadChoice {
        question: String,
        keep: Box<Effect>,
        drop: Box<Effect>,
    },
}

/// An open input line (or the multi-line note editor).
#[derive(Debug)]
pub struct Input {
    pub purpose: InputPurpose,
    pub textarea: TextArea<'static>,
    /// Completion candidates (owners already used, department names).
    pub suggestions: Vec<String>,
    /// Index of the suggestion Tab last inserted.
    pub cycle: Option<usize>,
    /// What was typed when Tab was first pressed: the candidates Tab cycles through.
    cycle_from: String,
    /// For department inputs: the directory, so any official name, short name, alias or
    /// pinyin completes (`住建`, `省发改委`, `fgw`) by `Directory::suggestions`.
    directory: Option<crate::directory::Directory>,
    /// Said after the prompt: what the input acts on (the milestone of `E`/`R`).
    pub subject: Option<String>,
    /// A first Esc in a note with text asked; a second one closes (keeping a draft).
    escape_armed: bool,
}

impl PartialEq for Input {
    fn eq(&self, other: &Input) -> bool {
        self.purpose == other.purpose && self.textarea.lines() == other.textarea.lines()
    }
}

impl Input {
    pub fn new(purpose: InputPurpose, initial: &str, suggestions: Vec<String>) -> Input {
        let mut textarea = TextArea::from(initial.lines().map(str::to_string).collect::<Vec<_>>());
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        Input {
            purpose,
            textarea,
            suggestions,
            cycle: None,
            cycle_from: String::new(),
            directory: None,
            subject: None,
            escape_armed: false,
        }
    }

    /// Complete department names from the directory (any of their names, or pinyin).
    pub fn with_directory(mut self, directory: crate::directory::Directory) -> Input {
        self.directory = Some(directory);
        self
    }

    /// The suggestions for `typed`: the directory's for a department, else the ones given
    /// that contain it.
    fn candidates(&self, typed: &str) -> Vec<String> {
        match &self.directory {
            Some(directory) if !typed.trim().is_empty() => directory
                .suggestions(typed)
                .into_iter()
                .map(|e| e.short.clone())
                .collect(),
            _ => self
                .suggestions
                .iter()
                .filter(|s| typed.is_empty() || s.contains(typed))
                .cloned()
                .collect(),
        }
    }

    /// Name what the input acts on in its prompt.
    pub fn about(mut self, subject: String) -> Input {
        self.subject = Some(subject);
        self
    }

    /// The note's item, when this is the note editor.
    pub fn note_of(&self) -> Option<i64> {
        match self.purpose {
            InputPurpose::Note(id) => Some(id),
            _ => None,
        }
    }

    /// The text typed so far, trimmed, is empty.
    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }

    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    fn multiline(&self) -> bool {
        matches!(self.purpose, InputPurpose::Note(_))
    }

    /// Longest text the input takes, in characters: the field's limit (`track::limits`),
    /// with room for the date that comes first in milestone, extension and value inputs.
    pub fn limit(&self) -> usize {
        use crate::track::limits::Field;
        const DATE: usize = 11;
        match &self.purpose {
            InputPurpose::Owner(_) | InputPurpose::BulkOwner(_) => Field::Owner.limit(),
            InputPurpose::Department(..) => Field::Department.limit(),
            InputPurpose::Milestone(_) => DATE + Field::Milestone.limit(),
            InputPurpose::RenameMilestone(_) => Field::Milestone.limit(),
            InputPurpose::CompleteMilestone(_) => 20,
            InputPurpose::RemoveDepartment(_) => Field::Department.limit(),
            InputPurpose::Extend(_) => DATE + Field::Reason.limit(),
            InputPurpose::Note(_) => Field::Note.limit(),
            InputPurpose::Indicator(_) => DATE + Field::IndicatorValue.limit(),
            InputPurpose::Progress(_) => 8,
            InputPurpose::Project(_) => 64,
            InputPurpose::Search | InputPurpose::Filter | InputPurpose::Command => 200,
            InputPurpose::Export(_) => 1024,
        }
    }

    fn chars(&self) -> usize {
        self.textarea
            .lines()
            .iter()
            .map(|l| l.chars().count())
            .sum::<usize>()
            + self.textarea.lines().len().saturating_sub(1)
    }

    /// Pasted text: into this input only, as text, never as keys. In a one-line input the
    /// lines are joined with spaces (a pasted line end is never Enter). Refused whole, with
    /// the input's limit, when it would make the text longer than the input takes.
    pub fn paste(&mut self, text: &str) -> Result<Option<Action>, usize> {
        let cleaned = crate::text::sanitize::clean_imported(text).text;
        let text = if self.multiline() {
            cleaned
        } else {
            cleaned
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        if self.chars() + text.chars().count() > self.limit() {
            return Err(self.limit());
        }
        let before = self.text();
        self.cycle = None;
        self.textarea.insert_str(text);
        let after = self.text();
        Ok(
            (matches!(self.purpose, InputPurpose::Search) && before != after)
                .then_some(Action::SearchChanged(after)),
        )
    }

    /// For inputs that start with a date: the exact date the typed one stands for, shown
    /// back before anything is saved (`→ 2026-12-31 周四`), or the forms it takes.
    pub fn date_preview(&self, today: chrono::NaiveDate, lang: Lang) -> Option<String> {
        use chrono::Datelike;
        let text = self.text();
        let first = text.split_whitespace().next().unwrap_or("");
        let empty_is_today = matches!(self.purpose, InputPurpose::CompleteMilestone(_));
        if !matches!(
            self.purpose,
            InputPurpose::Milestone(_)
                | InputPurpose::Extend(_)
                | InputPurpose::CompleteMilestone(_)
        ) {
            return None;
        }
        let date = if first.is_empty() && empty_is_today {
            Some(today)
        } else {
            let toward = if empty_is_today {
                crate::track::dates::Toward::Behind
            } else {
                crate::track::dates::Toward::Ahead
            };
            crate::track::dates::parse_typed(first, today, toward)
        };
        Some(match date {
            Some(date) => {
                let weekday = date.weekday().num_days_from_monday() as usize;
                let names = match lang {
                    Lang::Zh => ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
                    Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                };
                format!("→ {date} {}", names[weekday])
            }
            None if first.is_empty() => lang
                .pick(
                    "日期可写 2026-06-30、6/30、6月30日、+30、月底、下月底、年底",
                    "Dates: 2026-06-30, 6/30, +30, 月底, 下月底, 年底",
                )
                .to_string(),
            None => match lang {
                Lang::Zh => {
                    format!("“{first}”不是日期：可写 2026-06-30、6/30、+30、月底、下月底、年底")
                }
                Lang::En => {
                    format!("“{first}” is not a date: 2026-06-30, 6/30, +30, 月底, 下月底, 年底")
                }
            },
        })
    }

    /// Suggestions that contain what is typed (before any Tab completion).
    pub fn matching(&self) -> Vec<String> {
        let typed = if self.cycle.is_some() {
            self.cycle_from.clone()
        } else {
            self.text()
        };
        let mut candidates = self.candidates(&typed);
        candidates.truncate(8);
        candidates
    }

    pub fn prompt(&self, lang: Lang) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow;
        let base = self.base_prompt(lang);
        match &self.subject {
            Some(subject) => Cow::Owned(format!("{base}{}{subject}", lang.pick("——", " — "))),
            None => base,
        }
    }

    fn base_prompt(&self, lang: Lang) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow;
        let formats = || {
            crate::report::export::Format::extensions()
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        Cow::Borrowed(match &self.purpose {
            InputPurpose::Search => lang.pick(
                "搜索（中文或拼音，如 czt；一两个字回车后搜正文）",
                "Search (Chinese or pinyin, e.g. czt; Enter: bodies too for 1–2 chars)",
            ),
            InputPurpose::Filter => lang.pick(
                "筛选：status: light: pace: dept: owner: overdue unassigned mine",
                "Filter: status: light: pace: dept: owner: overdue unassigned mine",
            ),
            InputPurpose::Owner(_) => lang.pick("负责人（Tab 补全）", "Owner (Tab completes)"),
            InputPurpose::Progress(_) => lang.pick("进度 0–100", "Progress 0–100"),
            InputPurpose::Project(_) => lang.pick(
                "项目：阶段 总投资 年度计划投资 年度完成投资（亿元，- 为空）",
                "Project: stage total plan done (亿元, - for none)",
            ),
            InputPurpose::Department(_, crate::plan::Role::Lead) => {
                lang.pick("牵头单位（Tab 补全）", "Lead department (Tab completes)")
            }
            InputPurpose::Department(..) => lang.pick(
                "配合单位（Tab 补全）",
                "Co-responsible department (Tab completes)",
            ),
            InputPurpose::Milestone(_) => {
                lang.pick("节点：YYYY-MM-DD 名称", "Milestone: YYYY-MM-DD title")
            }
            InputPurpose::RenameMilestone(_) => lang.pick("节点新名称", "New milestone title"),
            InputPurpose::RemoveDepartment(_) => lang.pick(
                "移除本项的单位（Tab 补全）",
                "Department to take off (Tab completes)",
            ),
            InputPurpose::CompleteMilestone(_) => lang.pick(
                "完成日期（回车为今天；也可写 6/30、+0、月底）",
                "Done on (Enter: today; or 6/30, +0, 月底)",
            ),
            InputPurpose::Export(_) => {
                return Cow::Owned(match lang {
                    Lang::Zh => format!("导出到文件（{}）", formats()),
                    Lang::En => format!("Export to file ({})", formats()),
                });
            }
            InputPurpose::Extend(_) => lang.pick(
                "延期：新日期 YYYY-MM-DD 原因",
                "Extend: new date YYYY-MM-DD and reason",
            ),
            InputPurpose::Note(_) => lang.pick(
                "备注（Enter 换行，Ctrl-S 保存）",
                "Note (Enter: new line, Ctrl-S: save)",
            ),
            InputPurpose::BulkOwner(_) => lang.pick(
                "批量负责人（已选或当前全部）",
                "Owner for marked (or all shown) items",
            ),
            InputPurpose::Indicator(_) => lang.pick(
                "录入：期间 数值，如 2025 63.5",
                "Record: PERIOD VALUE, e.g. 2025 63.5",
            ),
            InputPurpose::Command => lang.pick(
                "命令：12（打开第 12 项）quit reload undo clear mine lang zh|en",
                "Command: 12 (open item 12) quit reload undo clear mine lang zh|en",
            ),
        })
    }

    /// Feed a key to the input. Returns the action it completes, if any: Esc closes
    /// (`CloseInput`; in a note with text only the second Esc, the first one asks),
    /// Ctrl-C quits (the app asks first), Ctrl-U clears the line.
    pub fn key(&mut self, event: KeyEvent, lang: Lang) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        let armed = std::mem::replace(&mut self.escape_armed, false);
        match event.code {
            KeyCode::Esc if self.multiline() && !self.is_blank() && !armed => {
                self.escape_armed = true;
                return Some(Action::Hint(
                    lang.pick(
                        "再按 Esc 关闭（备注留作草稿，按 n 接着写）；Ctrl-S 保存",
                        "Esc again to close (the note is kept as a draft: n goes on); Ctrl-S saves",
                    )
                    .to_string(),
                ));
            }
            KeyCode::Esc => return Some(Action::CloseInput),
            KeyCode::Char('c') if ctrl => return Some(Action::Quit),
            KeyCode::Char('u') if ctrl && !self.multiline() => {
                let before = self.text();
                self.textarea = TextArea::default();
                self.cycle = None;
                return (matches!(self.purpose, InputPurpose::Search) && !before.is_empty())
                    .then_some(Action::SearchChanged(String::new()));
            }
            KeyCode::Char('s') if ctrl => {
                return Some(Action::Submitted(self.purpose.clone(), self.text()));
            }
            KeyCode::Enter if !self.multiline() || alt || ctrl => {
                return Some(Action::Submitted(self.purpose.clone(), self.text()));
            }
            KeyCode::Tab if !self.suggestions.is_empty() || self.directory.is_some() => {
                // Tab cycles through what the text typed before the first Tab suggests.
                if self.cycle.is_none() {
                    self.cycle_from = self.text();
                }
                let candidates = self.candidates(&self.cycle_from);
                if candidates.is_empty() {
                    return None;
                }
                let next = self.cycle.map_or(0, |i| (i + 1) % candidates.len());
                self.cycle = Some(next);
                self.textarea = TextArea::from(vec![candidates[next].clone()]);
                self.textarea.move_cursor(ratatui_textarea::CursorMove::End);
                return None;
            }
            _ => {}
        }
        // Typing stops at the input's limit.
        if matches!(event.code, KeyCode::Char(_) | KeyCode::Enter)
            && !ctrl
            && !alt
            && self.chars() >= self.limit()
        {
            return None;
        }
        self.cycle = None;
        let before = self.text();
        self.textarea.input(event);
        let after = self.text();
        (matches!(self.purpose, InputPurpose::Search) && before != after)
            .then_some(Action::SearchChanged(after))
    }
}
