//! A dump is checked whole before `load` replaces anything: every value as typed input
//! would be (`track::limits`: lengths, one-line names, dates that exist), every code one
//! plantrack writes, every reference to something the dump has. All problems are listed
//! at once, each with its JSON path.

use super::format::from_json;
use super::format::{Dump, DumpHistory, Key, Target};
use crate::track::fields::{FieldValue, ItemField};
use crate::track::limits::{self, Field};
use std::collections::HashSet;

/// One thing wrong with a dump, at its JSON path (e.g. `items[3].progress`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn add(&mut self, path: String, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    fn date(&mut self, path: String, text: &str) {
        if limits::parse_date(text).is_none() {
            self.add(
                path,
                format!(
                    "“{text}” is not a date that exists (YYYY-MM-DD, years {}–{})",
                    limits::YEARS.start(),
                    limits::YEARS.end()
                ),
            );
        }
    }

    fn opt_date(&mut self, path: String, text: Option<&str>) {
        if let Some(text) = text {
            self.date(path, text);
        }
    }

    fn text(&mut self, path: String, field: Field, text: &str) {
        if let Err(refused) = limits::check(field, text) {
            self.add(path, refused.describe(false));
        }
    }

    fn flag(&mut self, path: String, value: i64) {
        if value != 0 && value != 1 {
            self.add(path, format!("{value} is not 0 or 1"));
        }
    }

    fn one_of(&mut self, path: String, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.add(
                path,
                format!("“{value}” is not one of {}", allowed.join(", ")),
            );
        }
    }

    fn item(&mut self, path: String, key: &Key, items: &HashSet<&Key>) {
        if !items.contains(key) {
            self.add(
                path,
                format!(
                    "names item {} of plan {}, which the dump does not have",
                    key.1, key.0
                ),
            );
        }
    }
}

const ROLES: &[&str] = &["lead", "co"];
const ORIGINS: &[&str] = &["plan", "user"];

/// Every problem of the dump; empty when it can be loaded.
pub(super) fn problems(dump: &Dump) -> Vec<Problem> {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let keys: Vec<Key> = dump
        .items
        .iter()
        .map(|i| (i.plan.clone(), i.stable_key.clone()))
        .collect();
    let items: HashSet<&Key> = keys.iter().collect();
    let departments: HashSet<&str> = dump
        .departments
        .iter()
        .map(|d| d.official.as_str())
        .collect();
    for (n, d) in dump.departments.iter().enumerate() {
        c.text(
            format!("departments[{n}].official"),
            Field::Department,
            &d.official,
        );
        c.text(
            format!("departments[{n}].short"),
            Field::Department,
            &d.short,
        );
    }
    for (n, i) in dump.items.iter().enumerate() {
        let at = |field: &str| format!("items[{n}].{field}");
        // Each tracking field by its own rule (`ItemField::check`), then the rules between
        // fields: status and progress agree, the due date is not before the start.
        let value = |column: &str| -> Option<FieldValue> {
            let field = ItemField::from_column(column)?;
            from_json(field, i.tracked.get(column)?).ok().flatten()
        };
        for (column, json) in &i.tracked {
            let Some(field) = ItemField::from_column(column) else {
                c.add(at(column), "not a field of an item");
                continue;
            };
            match from_json(field, json) {
                Err(message) => c.add(at(column), message),
                Ok(Some(v)) => {
                    if let Err(message) = field.check(&v) {
                        c.add(at(column), message);
                    }
                }
                Ok(None) if field.blank().is_some() => c.add(at(column), "may not be empty"),
                Ok(None) => {}
            }
        }
        if let (Some(FieldValue::Text(status)), Some(FieldValue::Integer(progress))) =
            (value("status"), value("progress"))
            && let (Ok(status), Ok(progress)) = (status.parse(), u8::try_from(progress))
            && let Err(e) = crate::track::status::consistent(status, progress)
        {
            c.add(at("status"), e.to_string());
        }
        if let (Some(FieldValue::Text(start)), Some(FieldValue::Text(due))) =
            (value("start_on"), value("due_on"))
            && due < start
        {
            c.add(
                at("due_on"),
                format!("due {due} is before the start {start}"),
            );
        }
        c.flag(at("in_plan"), i.in_plan);
        for (j, link) in i.departments.iter().enumerate() {
            let at = |field: &str| format!("items[{n}].departments[{j}].{field}");
            c.one_of(at("role"), &link.role, ROLES);
            c.one_of(at("origin"), &link.origin, ORIGINS);
            if !departments.contains(link.department.as_str()) {
                c.add(
                    at("department"),
                    format!("{} is not in the dump's departments", link.department),
                );
            }
        }
    }
    for (n, m) in dump.milestones.iter().enumerate() {
        let at = |field: &str| format!("milestones[{n}].{field}");
        c.item(at("item"), &m.item, &items);
        c.text(at("title"), Field::Milestone, &m.title);
        c.date(at("due_on"), &m.due_on);
        c.date(at("original_due"), &m.original_due);
        c.opt_date(at("done_on"), m.done_on.as_deref());
        c.one_of(at("origin"), &m.origin, ORIGINS);
        c.flag(at("removed"), m.removed);
        for (j, e) in m.extensions.iter().enumerate() {
            let at = |field: &str| format!("milestones[{n}].extensions[{j}].{field}");
            c.date(at("from_due"), &e.from_due);
            c.date(at("to_due"), &e.to_due);
            c.text(at("reason"), Field::Reason, &e.reason);
        }
    }
    for (n, note) in dump.notes.iter().enumerate() {
        let at = |field: &str| format!("notes[{n}].{field}");
        c.item(at("item"), &note.item, &items);
        c.text(at("text"), Field::Note, &note.text);
        c.flag(at("removed"), note.removed);
    }
    for (n, v) in dump.indicator_values.iter().enumerate() {
        let at = |field: &str| format!("indicator_values[{n}].{field}");
        if crate::store::parse_period(&v.period).is_err() {
            c.add(
                at("period"),
                format!(
                    "“{}” is not a year like 2024 or a date like 2024-06-30",
                    v.period
                ),
            );
        }
        c.text(at("value"), Field::IndicatorValue, &v.value);
        c.flag(at("removed"), v.removed);
    }
    for (n, s) in dump.settings.iter().enumerate() {
        let limit = match s.key.as_str() {
            "pace_tolerance" | "yellow_lag" => 100,
            "due_soon_days" => 3650,
            _ => {
                c.add(
                    format!("settings[{n}].key"),
                    format!(
                        "“{}” is not a setting (pace_tolerance, yellow_lag, due_soon_days)",
                        s.key
                    ),
                );
                continue;
            }
        };
        if s.value.parse::<u32>().map_or(true, |v| v > limit) {
            c.add(
                format!("settings[{n}].value"),
                format!("“{}” is not a whole number 0–{limit}", s.value),
            );
        }
    }
    let changes: HashSet<i64> = dump.changes.iter().map(|ch| ch.n).collect();
    for (n, ch) in dump.changes.iter().enumerate() {
        let at = |field: &str| format!("changes[{n}].{field}");
        c.text(at("who"), Field::User, &ch.who);
        for (name, link) in [("undone_by", ch.undone_by), ("undoes", ch.undoes)] {
            if link.is_some_and(|l| !changes.contains(&l)) {
                c.add(
                    at(name),
                    format!(
                        "names change {}, which the dump does not have",
                        link.unwrap_or_default()
                    ),
                );
            }
        }
        for (j, h) in ch.history.iter().enumerate() {
            history(&mut c, format!("changes[{n}].history[{j}]"), h, &items);
        }
    }
    c.problems
}

fn history(c: &mut Checker, at: String, h: &DumpHistory, items: &HashSet<&Key>) {
    if crate::track::fields::field_label(&h.entity, &h.field).is_none() {
        c.add(
            format!("{at}.field"),
            format!(
                "“{}.{}” is not a field plantrack records",
                h.entity, h.field
            ),
        );
    }
    if let Some(key) = &h.item {
        c.item(format!("{at}.item"), key, items);
    }
    if let Some(Target::Key(key)) = &h.target {
        c.item(format!("{at}.target"), key, items);
    }
}
