//! Responsibility clauses: who leads a task and who shares it.
//!
//! Chinese official documents name responsibility in a handful of recurring forms, all read
//! here (and only here):
//! - labelled lists: （责任单位：A、B）, （牵头单位：A；配合单位：B、C）, （牵头责任单位：A）,
//!   （责任部门：A）, 牵头考核单位：A — inside brackets, or on a line of their own;
//! - verb forms: （A牵头，B、C配合）, （A负责）, （A、B按职责分工负责）;
//! - riders: "…，C按职责分工负责" adds C as co-responsible; with "下同" it holds for every
//!   later task as well;
//! - a time limit in the same brackets: （2025年6月底前完成，牵头单位：A）.
//!
//! A plain list names its lead first ("排在第一位的为牵头单位" says so explicitly), so the
//! first department of an unlabelled or 责任单位 list leads and the others are co-responsible.

use super::names::{all_departments, split_names, split_outside_brackets};
use super::{DepartmentRef, Role};
use regex::Regex;
use std::sync::LazyLock;

/// Labels whose departments lead.
const LEAD_LABELS: &[&str] = &[
    "牵头责任单位",
    "牵头考核单位",
    "牵头落实单位",
    "牵头单位",
    "牵头部门",
    "主责单位",
    "主办单位",
];
/// Labels whose departments are co-responsible.
const CO_LABELS: &[&str] = &[
    "配合责任单位",
    "配合单位",
    "配合部门",
    "协同单位",
    "协同部门",
    "协办单位",
    "协助单位",
    "参与单位",
    "参与部门",
    "参加单位",
];
/// Labels of a plain list (the first leads).
const LIST_LABELS: &[&str] = &[
    "责任单位",
    "责任部门",
    "责任主体",
    "负责单位",
    "落实单位",
    "实施单位",
    "承办单位",
    "考核单位",
];
/// Labels of a time limit.
const TIME_LABELS: &[&str] = &[
    "完成时限",
    "完成时间",
    "时间节点",
    "时限要求",
    "办结时限",
    "时间安排",
];
/// Verb endings after a department list, longest first within each role.
const LEAD_VERBS: &[&str] = &["牵头负责", "负责牵头", "牵头"];
const RIDER_VERBS: &[&str] = &[
    "按职责分工负责",
    "按照职责分工负责",
    "按职能分工负责",
    "按职责分工落实",
    "按职责负责",
    "分工负责",
];
const CO_VERBS: &[&str] = &["配合落实", "配合", "协同", "协助", "参与"];
const LIST_VERBS: &[&str] = &["共同负责", "分别负责", "负责落实", "负责"];
/// Words that mark a part of a clause as a remark, not a list.
const REMARKS: &[&str] = &[
    "下同",
    "以下",
    "不再",
    "排在第一",
    "排名第一",
    "列第一",
    "第一个",
];
/// The words any responsibility clause contains (a cheap test before parsing).
const CLUE_WORDS: &[&str] = &["单位", "部门", "牵头", "负责", "配合", "责任主体"];

/// Who is responsible, as one clause states it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clause {
    pub lead: Vec<String>,
    pub co: Vec<String>,
    /// Departments a "…按职责分工负责，下同" rider adds to every later task.
    pub shared: Vec<String>,
    /// A time limit written in the clause ("2025年6月底前完成").
    pub time: Option<String>,
}

impl Clause {
    pub fn is_empty(&self) -> bool {
        self.lead.is_empty() && self.co.is_empty()
    }

    /// Add another clause of the same task (e.g. 牵头单位 and 配合单位 on separate lines).
    pub fn merge(&mut self, other: Clause) {
        for name in other.lead {
            push_unique(&mut self.lead, name);
        }
        for name in other.co {
            push_unique(&mut self.co, name);
        }
        self.shared.extend(other.shared);
        if self.time.is_none() {
            self.time = other.time;
        }
        self.co.retain(|n| !self.lead.contains(n));
    }
}

impl Clause {
    /// The departments, lead first, as the model stores them.
    pub fn departments(&self) -> Vec<DepartmentRef> {
        let lead = self.lead.iter().map(|name| (name, Role::Lead));
        let co = self.co.iter().map(|name| (name, Role::Co));
        lead.chain(co)
            .map(|(name, role)| DepartmentRef {
                name: name.clone(),
                role,
            })
            .collect()
    }
}

/// Text without its responsibility clause, and the clause.
pub fn split_clause(text: &str) -> (String, Option<Clause>) {
    let Some(found) = find_clause(text) else {
        return (text.to_string(), None);
    };
    let mut rest = String::with_capacity(text.len());
    rest.push_str(text[..found.start].trim_end());
    rest.push_str(text[found.end..].trim_start_matches(['。', '；', ';', ' ']));
    (rest.trim().to_string(), Some(found.clause))
}

fn push_unique(names: &mut Vec<String>, name: String) {
    if !names.contains(&name) {
        names.push(name);
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Lead,
    Co,
    List,
    Rider,
    Time,
}

/// The words of `CLUE_WORDS` as one pattern: one pass over a line.
#[allow(clippy::expect_used)]
static CLUES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&CLUE_WORDS.join("|")).expect("clue words make a valid pattern"));

/// Whether `text` may hold a clause at all (one pass, no allocation).
pub fn has_clue(text: &str) -> bool {
    CLUES.is_match(text)
}

/// A label at the start of `text` ("牵头单位：", "责任单位:"), with its role and the rest.
fn strip_label(text: &str) -> Option<(Part, &str)> {
    let groups: [(&[&str], Part); 4] = [
        (LEAD_LABELS, Part::Lead),
        (CO_LABELS, Part::Co),
        (LIST_LABELS, Part::List),
        (TIME_LABELS, Part::Time),
    ];
    for (labels, role) in groups {
        for label in labels {
            if let Some(rest) = text.strip_prefix(label) {
                let rest = rest.trim_start();
                if let Some(rest) = rest.strip_prefix(['：', ':']) {
                    return Some((role, rest.trim()));
                }
            }
        }
    }
    None
}

/// Whether a line is a responsibility or time label line of its own ("牵头单位：市发改委").
pub fn is_label_line(text: &str) -> bool {
    let inner = text
        .strip_prefix(['（', '(', '【', '['])
        .unwrap_or(text)
        .trim_start();
    strip_label(inner).is_some()
}

/// Whether a paragraph carries a responsibility clause, or is a label line of its own.
pub fn carries_clause(text: &str) -> bool {
    is_label_line(text) || find_clause(text).is_some()
}

/// The departments of a table cell: a clause when it is written as one ("市发改委牵头，市财政局
/// 配合"), else a plain list.
pub fn cell_departments(cell: &str) -> Clause {
    if let Some(clause) = parse_clause(cell) {
        return clause;
    }
    let names = split_names(cell);
    let mut clause = Clause::default();
    let mut names = names.into_iter();
    clause.lead.extend(names.next());
    clause.co.extend(names);
    clause
}

/// A part that states a time ("2025年6月底前完成", "长期坚持", "持续推进").
fn is_time_part(part: &str) -> bool {
    let timeish = ["年", "月", "季度", "底前", "长期", "持续", "常态", "每年"];
    part.chars().count() <= 30 && timeish.iter().any(|w| part.contains(w)) && !part.contains("单位")
}

fn strip_verb<'a>(part: &'a str, verbs: &[&str]) -> Option<&'a str> {
    verbs
        .iter()
        .find_map(|v| part.strip_suffix(v))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
}

/// Parse the inside of a clause ("牵头单位：A；配合单位：B、C"). `None` when it names no
/// department in any of the known forms.
pub fn parse_clause(inner: &str) -> Option<Clause> {
    parse_inner(inner, false)
}

/// Words after which a clause names who shares every task ("具体任务均涉及相关市(州)人民政府").
const RIDER_WORDS: &[&str] = &["均涉及", "涉及", "均需", "均由"];
/// Words that make a would-be name a sentence.
const SENTENCE_WORDS: &[&str] = &[
    "完成", "推进", "开展", "做好", "加强", "落实", "实施", "建立",
];

/// A verb ending a department list ("A牵头", "B配合", "C按职责分工负责"), with the list.
fn verb_form(part: &str) -> Option<(Part, &str)> {
    let verb_forms: [(&[&str], Part); 4] = [
        (RIDER_VERBS, Part::Rider),
        (LEAD_VERBS, Part::Lead),
        (CO_VERBS, Part::Co),
        (LIST_VERBS, Part::List),
    ];
    if let Some(rest) = slipped_rider(part) {
        return Some((Part::Rider, rest));
    }
    verb_forms
        .iter()
        .find_map(|(verbs, role)| strip_verb(part, verbs).map(|rest| (*role, rest)))
}

/// "A、B等控职责分工负责": the rider with its first character mistyped (按 → 控), as a
/// printed copy may have it; the list before it closes with 等, as riders' lists do.
fn slipped_rider(part: &str) -> Option<&str> {
    let rest = part.strip_suffix("职责分工负责")?;
    let slip = rest.chars().next_back()?;
    let rest = &rest[..rest.len() - slip.len_utf8()];
    rest.ends_with('等')
        .then_some(rest.trim())
        .filter(|r| r.chars().count() > 1)
}

/// Names that continue a labelled list after a comma: departments, or short names that
/// are not a sentence ("全区经济运行各专班").
fn continues_list(names: &[String]) -> bool {
    let named = |n: &String| {
        all_departments(std::slice::from_ref(n))
            || n.chars().count() <= 12 && !SENTENCE_WORDS.iter().any(|w| n.contains(w))
    };
    !names.is_empty() && names.iter().all(named)
}

fn parse_inner(inner: &str, allow_time_only: bool) -> Option<Clause> {
    if !has_clue(inner) && !allow_time_only {
        return None;
    }
    let mut parts: Vec<(Part, Vec<String>)> = Vec::new();
    let mut clause = Clause::default();
    let mut labelled: Option<Part> = None;
    let mut shared_rider = false;
    for part in split_outside_brackets(inner, &['；', ';', '，', ',', '。']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if part.starts_with("下同") {
            shared_rider = true;
            continue;
        }
        if let Some(at) = RIDER_WORDS
            .iter()
            .find_map(|w| part.find(w).map(|i| i + w.len()))
        {
            let names =
                split_names(strip_verb(&part[at..], &["落实", "负责"]).unwrap_or(&part[at..]));
            if labelled.is_some() && all_departments(&names) {
                parts.push((Part::Rider, names));
            }
            continue;
        }
        if REMARKS.iter().any(|r| part.starts_with(r)) {
            continue;
        }
        if let Some((role, rest)) = strip_label(part) {
            labelled = Some(role);
            if role == Part::Time {
                clause.time = Some(rest.to_string());
                continue;
            }
            // "责任单位：A牵头" / "责任单位：A、B按职责分工负责"
            let (role, rest) = match verb_form(rest) {
                Some((verb @ (Part::Lead | Part::Co), names)) => (verb, names),
                Some((_, names)) => (role, names),
                None => (role, rest),
            };
            parts.push((role, split_names(rest)));
            continue;
        }
        if let Some((role, rest)) = verb_form(part) {
            let names = split_names(rest);
            if labelled.is_some() || all_departments(&names) {
                parts.push((role, names));
                continue;
            }
            return None;
        }
        if is_time_part(part) {
            clause.time = Some(part.to_string());
            continue;
        }
        match labelled {
            // "牵头单位：A，B" — the list goes on after a comma.
            Some(role) if role != Part::Time => {
                let names = split_names(part);
                if !continues_list(&names) {
                    return None;
                }
                parts.push((role, names));
            }
            _ => return None,
        }
    }
    resolve(&mut clause, parts, shared_rider);
    (!clause.is_empty() || allow_time_only && clause.time.is_some()).then_some(clause)
}

/// The clause of label lines read together ("牵头单位：A" / "责任单位：B、C" / "完成时限：…"):
/// one clause, so a 责任单位 list after a 牵头单位 is co-responsible.
pub fn parse_label_lines(texts: &[&str]) -> Option<Clause> {
    let inner: Vec<&str> = texts
        .iter()
        .map(|t| {
            t.trim()
                .trim_start_matches(['（', '(', '【', '[', '〔'])
                .trim_end_matches(['）', ')', '】', ']', '〕', '。', '；'])
        })
        .collect();
    parse_inner(&inner.join("；"), true)
}

/// Assign roles: labelled leads and co-departments as stated; a plain list's first name
/// leads unless a lead is named; riders are co-responsible (or the list, when alone).
fn resolve(clause: &mut Clause, parts: Vec<(Part, Vec<String>)>, shared_rider: bool) {
    let has_lead = parts.iter().any(|(r, n)| *r == Part::Lead && !n.is_empty());
    let has_list = parts
        .iter()
        .any(|(r, n)| matches!(r, Part::List | Part::Co) && !n.is_empty());
    for (role, names) in parts {
        let role = match role {
            Part::Rider if has_lead || has_list => {
                if shared_rider {
                    for name in &names {
                        push_unique(&mut clause.shared, name.clone());
                    }
                }
                Part::Co
            }
            Part::Rider => Part::List,
            other => other,
        };
        for name in names {
            let target = match role {
                Part::Lead => &mut clause.lead,
                Part::List if !has_lead && clause.lead.is_empty() => &mut clause.lead,
                _ => &mut clause.co,
            };
            push_unique(target, name);
        }
    }
    let lead = clause.lead.clone();
    clause.co.retain(|n| !lead.contains(n));
}

/// "…工作由A、B牵头，C、D等部门配合，…": who leads and who shares a measure, stated in
/// its prose rather than in a clause of its own.
#[allow(clippy::expect_used)]
static PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"由([^，。；：由]{2,60}?)(?:牵头负责|牵头)[，,]\s*([^，。；：]{2,60}?)(?:共同)?配合",
    )
    .expect("prose clause pattern is valid")
});

/// The clause a paragraph states in prose ("由A、B牵头，C、D等部门配合"), when both lists
/// name departments. Not a clause of the paragraph's own: a measure carries it only when it
/// has none.
pub fn prose_clause(text: &str) -> Option<Clause> {
    if !text.contains("牵头") || !text.contains("配合") {
        return None;
    }
    let caps = PROSE.captures(text)?;
    let lead = split_names(caps.get(1)?.as_str());
    let co = split_names(caps.get(2)?.as_str());
    (all_departments(&lead) && all_departments(&co)).then(|| Clause {
        lead,
        co,
        ..Clause::default()
    })
}

mod find;
pub use find::find_clause;

#[cfg(test)]
mod tests;
