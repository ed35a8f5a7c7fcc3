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
    Input(Box<Input>),
    Confirm {
        question: String,
        effect: Box<Effect>,
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
        }
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

    /// Suggestions that contain what is typed (before any Tab completion).
    pub fn matching(&self) -> Vec<&str> {
        let typed = self.text();
        self.suggestions
            .iter()
            .map(String::as_str)
            .filter(|s| typed.is_empty() || s.contains(typed.as_str()) || self.cycle.is_some())
            .take(8)
            .collect()
    }

    pub fn prompt(&self, lang: Lang) -> std::borrow::Cow<'static, str> {
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
                "命令：quit reload undo clear mine lang zh|en",
                "Command: quit reload undo clear mine lang zh|en",
            ),
        })
    }

    /// Feed a key to the input. Returns the action it completes, if any; Esc cancels
    /// (returned as `Action::Back`, which the caller turns into closing the input).
    pub fn key(&mut self, event: KeyEvent) -> Option<Action> {
        if event.kind != KeyEventKind::Press {
            return None;
        }
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let alt = event.modifiers.contains(KeyModifiers::ALT);
        match event.code {
            KeyCode::Esc => return Some(Action::Back),
            KeyCode::Char('c') if ctrl => return Some(Action::Back),
            KeyCode::Char('s') if ctrl => {
                return Some(Action::Submitted(self.purpose.clone(), self.text()));
            }
            KeyCode::Enter if !self.multiline() || alt || ctrl => {
                return Some(Action::Submitted(self.purpose.clone(), self.text()));
            }
            KeyCode::Tab if !self.suggestions.is_empty() => {
                let candidates: Vec<String> = {
                    let typed = if self.cycle.is_some() {
                        String::new()
                    } else {
                        self.text()
                    };
                    self.suggestions
                        .iter()
                        .filter(|s| typed.is_empty() || s.contains(typed.as_str()))
                        .cloned()
                        .collect()
                };
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
