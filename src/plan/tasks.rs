//! Key tasks and policy measures of an action plan, with their （责任单位：…）.
//!
//! The first department named leads (牵头), the others are co-responsible (配合). A rider
//! such as "各市州、县市区人民政府按职责分工负责，下同" names a department that shares
//! every task of the plan; it is added to each task as co-responsible.

use super::deadlines::find_deadlines;
use super::lines::{Kind, classify, clause_title, collapse_spaces, is_heading_text};
use super::normalize::Line;
use super::patterns::RESPONSIBLE;
use super::{DepartmentRef, Role, Task};

/// Whether a text is an action plan whose tasks carry 责任单位.
pub fn has_responsibilities(lines: &[Line]) -> bool {
    lines.iter().any(|l| l.text.contains("责任单位"))
}

/// A task text split into its body and the departments of its （责任单位：…）.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsibility {
    pub body: String,
    pub departments: Vec<String>,
    /// A department the clause says shares every task ("…按职责分工负责，下同").
    pub shared: Option<String>,
}

/// Split the （责任单位：…） clause off the end of a task text.
pub fn split_responsibility(text: &str) -> Option<Responsibility> {
    let caps = RESPONSIBLE.captures(text)?;
    let whole = caps.get(0)?;
    let clause = caps.get(1)?.as_str();
    let body = text[..whole.start()].trim().to_string();
    let mut departments = Vec::new();
    let mut shared = None;
    for part in clause.split(['，', ',', '；', ';', '。']) {
        let part = part.trim();
        if part.is_empty()
            || part.starts_with("下同")
            || part.starts_with("以下")
            || part.starts_with("不再")
        {
            continue;
        }
        if let Some(at) = part.find("按职责分工负责") {
            let name = part[..at].trim();
            if !name.is_empty() {
                shared = Some(name.to_string());
            }
            continue;
        }
        departments.extend(split_names(part));
    }
    Some(Responsibility {
        body,
        departments,
        shared,
    })
}

/// Split "省教育厅、省财政厅" into names; "各市州、县市区人民政府" stays one name.
fn split_names(list: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in list.split('、').map(str::trim).filter(|n| !n.is_empty()) {
        match names.last_mut() {
            Some(previous) if previous.ends_with("市州") && name.starts_with("县市区") => {
                previous.push('、');
                previous.push_str(name);
            }
            _ => names.push(name.to_string()),
        }
    }
    names
}

fn task(
    number: String,
    chapter: &Option<String>,
    group: Option<String>,
    title: &str,
    text: &str,
) -> (Task, Option<String>) {
    let (body, names, shared) = match split_responsibility(text) {
        Some(r) => (r.body, r.departments, r.shared),
        None => (text.to_string(), Vec::new(), None),
    };
    let body = collapse_spaces(&body);
    let departments = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| DepartmentRef {
            name,
            role: if i == 0 { Role::Lead } else { Role::Co },
        })
        .collect();
    let title = if title.is_empty() {
        clause_title(&body).to_string()
    } else {
        title.to_string()
    };
    let deadlines = find_deadlines(&body);
    (
        Task {
            number,
            group,
            chapter: chapter.clone(),
            title,
            body,
            departments,
            deadlines,
        },
        shared,
    )
}

/// Every task of an action plan: numbered key tasks (1.…) and policy measures whose
/// （一）heading is followed by a paragraph carrying its own 责任单位.
pub fn parse_tasks(lines: &[Line]) -> Vec<Task> {
    let mut tasks = Vec::new();
    let mut shared: Vec<String> = Vec::new();
    let mut chapter: Option<String> = None;
    let mut group: Option<String> = None;
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        match classify(line) {
            Kind::CnEnum(n) => {
                chapter = Some(format!("{}{}", n.label, n.rest));
                group = None;
            }
            Kind::ParenCn(n) if is_heading_text(&n.rest) => {
                let heading = format!("{}{}", n.label, n.rest);
                let (text, used) = paragraph_after(lines, index);
                if text.as_deref().is_some_and(|t| RESPONSIBLE.is_match(t)) {
                    let text = text.unwrap_or_default();
                    let (t, s) = task(
                        n.label.clone(),
                        &chapter,
                        chapter.clone(),
                        n.rest.trim_end_matches('。'),
                        &text,
                    );
                    tasks.push(t);
                    shared.extend(s);
                    index += used;
                } else {
                    group = Some(heading);
                }
            }
            Kind::Num(n) => {
                let (more, used) = continuation(lines, index);
                let text = if more.is_empty() {
                    n.rest.clone()
                } else {
                    format!("{}{}", n.rest, more)
                };
                let (t, s) = task(n.number.to_string(), &chapter, group.clone(), "", &text);
                tasks.push(t);
                shared.extend(s);
                index += used;
            }
            _ => {}
        }
    }
    for name in shared {
        for task in &mut tasks {
            if !task.departments.iter().any(|d| d.name == name) {
                task.departments.push(DepartmentRef {
                    name: name.clone(),
                    role: Role::Co,
                });
            }
        }
    }
    tasks
}

/// The first paragraph after a heading at `lines[from]`, if it is plain text.
fn paragraph_after(lines: &[Line], from: usize) -> (Option<String>, usize) {
    let Some(offset) = lines[from..].iter().position(|l| !l.text.is_empty()) else {
        return (None, 0);
    };
    let line = &lines[from + offset];
    match classify(line) {
        Kind::Text => (Some(line.text.clone()), offset + 1),
        _ => (None, 0),
    }
}

/// Text paragraphs that continue a task whose own line has no 责任单位 yet.
fn continuation(lines: &[Line], from: usize) -> (String, usize) {
    let Some(previous) = from.checked_sub(1).map(|i| &lines[i]) else {
        return (String::new(), 0);
    };
    if RESPONSIBLE.is_match(&previous.text) {
        return (String::new(), 0);
    }
    let mut text = String::new();
    let mut used = 0;
    for line in &lines[from..] {
        if line.text.is_empty() {
            used += 1;
            continue;
        }
        if !matches!(classify(line), Kind::Text) {
            break;
        }
        text.push_str(&line.text);
        used += 1;
        if RESPONSIBLE.is_match(&line.text) {
            return (text, used);
        }
    }
    // No clause found: the task stands alone.
    (String::new(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_co_and_shared_rider() {
        let r = split_responsibility(
            "正文。（责任单位：省公安厅、省发展改革委、省自然资源厅，各市州、县市区人民政府按职责分工负责，下同。以下各项任务均需各市州、县市区人民政府落实，不再单独列出）",
        );
        let r = r.unwrap_or_else(|| Responsibility {
            body: String::new(),
            departments: vec![],
            shared: None,
        });
        assert_eq!(r.body, "正文。");
        assert_eq!(
            r.departments,
            vec!["省公安厅", "省发展改革委", "省自然资源厅"]
        );
        assert_eq!(r.shared.as_deref(), Some("各市州、县市区人民政府"));
    }

    #[test]
    fn tasks_get_groups_and_shared_department() {
        let text = "二、重点任务\n（一）实施行动\n1.健全制度。正文。（责任单位：省公安厅、省发展改革委，各市州、县市区人民政府按职责分工负责，下同）\n2.促进就业。正文。（责任单位：省人力资源社会保障厅）\n三、政策措施\n（一）健全激励政策\n建立奖励机制。（责任单位：省财政厅、省教育厅）\n";
        let lines: Vec<Line> = text
            .lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                indented: false,
                text: t.to_string(),
            })
            .collect();
        let tasks = parse_tasks(&lines);
        assert_eq!(tasks.len(), 3);
        assert_eq!(tasks[1].group.as_deref(), Some("（一）实施行动"));
        assert_eq!(tasks[1].title, "促进就业");
        let names: Vec<&str> = tasks[1]
            .departments
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(
            names,
            vec!["省人力资源社会保障厅", "各市州、县市区人民政府"]
        );
        assert_eq!(tasks[1].departments[0].role, Role::Lead);
        assert_eq!(tasks[2].number, "（一）");
        assert_eq!(tasks[2].title, "健全激励政策");
        assert_eq!(tasks[2].group.as_deref(), Some("三、政策措施"));
    }
}
