//! Walk the classified lines of one text and assemble its plan: outline, boxes, tasks,
//! indicator tables, glossary.

use super::boxes::{Placement, parse_box, parse_items};
use super::glossary::parse_glossary;
use super::indicators::{indicators_from_rows, is_indicator_table};
use super::lines::{Kind, Numbered, classify, clause_title, collapse_spaces, is_heading_text};
use super::meta::Meta;
use super::normalize::Line;
use super::tables::{is_note, is_tab_row, parse_tab_table};
use super::tasks::{has_responsibilities, parse_tasks};
use super::{BoxKind, GlossaryEntry, Indicator, Level, OutlineNode, PlanBox, Task, Warning};

/// Everything read from the body of one text.
#[derive(Debug, Default)]
pub struct Body {
    pub outline: Vec<OutlineNode>,
    pub boxes: Vec<PlanBox>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub glossary: Vec<GlossaryEntry>,
    pub warnings: Vec<Warning>,
}

/// The outline under construction: the open node at each level.
#[derive(Debug, Default)]
struct OutlineBuilder {
    roots: Vec<OutlineNode>,
    /// Path of indices from the roots to the deepest open node.
    path: Vec<(Level, usize)>,
}

impl OutlineBuilder {
    fn push(&mut self, level: Level, n: &Numbered, title: String) {
        while self.path.last().is_some_and(|(open, _)| *open >= level) {
            self.path.pop();
        }
        let node = OutlineNode {
            level,
            number: n.number,
            label: n.label.clone(),
            title,
            children: Vec::new(),
        };
        let siblings = self.children_of_open();
        siblings.push(node);
        let index = siblings.len() - 1;
        self.path.push((level, index));
    }

    fn children_of_open(&mut self) -> &mut Vec<OutlineNode> {
        let mut nodes = &mut self.roots;
        for (_, index) in &self.path {
            nodes = &mut nodes[*index].children;
        }
        nodes
    }
}

/// Where the walk is: the enclosing headings, for placing boxes.
#[derive(Debug, Default)]
struct Position {
    part: Option<String>,
    chapter: Option<String>,
    section: Option<String>,
}

impl Position {
    fn placement(&self) -> Placement {
        Placement {
            chapter: self.chapter.clone().or_else(|| self.part.clone()),
            section: self.section.clone(),
        }
    }
}

/// Read the body of a text (after `normalize`).
pub fn parse_body(lines: &[Line], meta: &Meta) -> Body {
    let mut body = Body::default();
    let action_plan = has_responsibilities(lines);
    let has_chapters = lines
        .iter()
        .any(|l| matches!(classify(l), Kind::Chapter(_)));
    let mut outline = OutlineBuilder::default();
    let mut position = Position::default();
    let mut index = 0;
    let mut after_box = false;
    while index < lines.len() {
        let line = &lines[index];
        let kind = classify(line);
        index += 1;
        let kind = match kind {
            Kind::Part(n) => Kind::Part(join_wrapped_heading(n, lines, &mut index)),
            Kind::Chapter(n) => Kind::Chapter(join_wrapped_heading(n, lines, &mut index)),
            other => other,
        };
        // Notes directly under a box (only blank lines between) belong to it.
        let follows_box = after_box;
        if kind != Kind::Blank {
            after_box = matches!(kind, Kind::BoxHead(_));
        }
        match kind {
            Kind::Part(n) => {
                outline.push(Level::Part, &n, collapse_spaces(&n.rest));
                position = Position {
                    part: Some(n.display()),
                    ..Position::default()
                };
            }
            Kind::Chapter(n) => {
                outline.push(Level::Chapter, &n, collapse_spaces(&n.rest));
                position.chapter = Some(n.display());
                position.section = None;
            }
            Kind::Section(n) => {
                outline.push(Level::Section, &n, collapse_spaces(&n.rest));
                position.section = Some(n.display());
            }
            Kind::CnEnum(n) if !has_chapters && is_heading_text(&n.rest) => {
                outline.push(Level::Chapter, &n, collapse_spaces(&n.rest));
                position.chapter = Some(n.display());
                position.section = None;
            }
            Kind::ParenCn(n) | Kind::ParenNum(n)
                if is_heading_text(&n.rest) && !is_title_line(&n, meta) =>
            {
                let level = if has_chapters {
                    Level::Point
                } else {
                    Level::Section
                };
                outline.push(level, &n, heading_title(&n.rest));
            }
            Kind::Num(n) if action_plan => {
                outline.push(Level::Point, &n, clause_title(&n.rest).to_string());
            }
            Kind::BoxHead(n) => {
                let parsed = parse_box(lines, index - 1, &n, &position.placement());
                index += parsed.consumed;
                if parsed.plan_box.items.is_empty() && parsed.plan_box.rows.is_empty() {
                    body.warnings.push(Warning {
                        line: Some(line.no),
                        message: format!("专栏{} has neither items nor a table", n.number),
                    });
                }
                body.indicators.extend(parsed.indicators);
                body.boxes.push(parsed.plan_box);
            }
            Kind::Num(n) if n.number == 1 => {
                index = untitled_box(lines, index - 1, &position, &mut body);
            }
            Kind::Num(n) => body.warnings.push(Warning {
                line: Some(line.no),
                message: format!(
                    "numbered clause {} outside any 专栏 or task list: {}",
                    n.number,
                    preview(&n.rest)
                ),
            }),
            Kind::Glossary => {
                let (entries, used) = parse_glossary(lines, index);
                body.glossary.extend(entries);
                index += used;
            }
            Kind::Text if is_note(line) => {
                let (notes, used) = note_block(lines, index - 1);
                if follows_box && let Some(last) = body.boxes.last_mut() {
                    last.notes.extend(notes);
                }
                index += used.saturating_sub(1);
            }
            Kind::Text if is_tab_row(line) => {
                let table = parse_tab_table(lines, index - 1);
                if is_indicator_table(&table.rows) {
                    body.indicators
                        .extend(indicators_from_rows(&table.rows, None));
                } else {
                    body.warnings.push(Warning {
                        line: Some(line.no),
                        message: format!(
                            "table of {} rows outside any 专栏 skipped",
                            table.rows.len()
                        ),
                    });
                }
                index += table.consumed.saturating_sub(1);
            }
            _ => {}
        }
    }
    if action_plan {
        body.tasks = parse_tasks(lines);
    }
    body.outline = outline.roots;
    body
}

/// Numbered items with no 专栏 heading before them: the heading was lost in this rendition.
/// They are kept in an untitled box numbered after the previous one.
fn untitled_box(lines: &[Line], start: usize, position: &Position, body: &mut Body) -> usize {
    let (items, used) = parse_items(lines, start);
    let number = body.boxes.last().map_or(1, |b| b.number + 1);
    body.warnings.push(Warning {
        line: Some(lines[start].no),
        message: format!(
            "{} numbered items with no 专栏 heading before them: kept as untitled 专栏{number}",
            items.len()
        ),
    });
    let placement = position.placement();
    body.boxes.push(PlanBox {
        number,
        title: None,
        chapter: placement.chapter,
        section: placement.section,
        kind: BoxKind::Items,
        items,
        rows: Vec::new(),
        notes: Vec::new(),
    });
    start + used.max(1)
}

/// A note block: "注：1．…" and the numbered lines that continue it.
fn note_block(lines: &[Line], start: usize) -> (Vec<String>, usize) {
    let mut notes = vec![collapse_spaces(&lines[start].text)];
    let mut used = 1;
    for line in &lines[start + 1..] {
        match classify(line) {
            Kind::Num(_) => notes.push(collapse_spaces(&line.text)),
            _ => break,
        }
        used += 1;
    }
    (notes, used)
}

/// Longest line that can be the wrapped second half of a heading.
const MAX_HEADING_TAIL_CHARS: usize = 20;

/// A long 篇/章 title wrapped onto the next line ("…先进制造业" / "高地  巩固…"): join it.
fn join_wrapped_heading(mut n: Numbered, lines: &[Line], index: &mut usize) -> Numbered {
    let Some(next) = lines.get(*index) else {
        return n;
    };
    let tail = next.text.as_str();
    let wrapped = !next.indented
        && !tail.is_empty()
        && tail.chars().count() <= MAX_HEADING_TAIL_CHARS
        && !tail.contains(['。', '，', '；', '：', '、'])
        && matches!(classify(next), Kind::Text);
    if wrapped {
        n.rest.push_str(tail);
        *index += 1;
    }
    n
}

/// The title of a point heading, without its closing full stop.
fn heading_title(rest: &str) -> String {
    collapse_spaces(rest.trim_end_matches('。'))
}

/// The plan title itself can start with a bracketed number; it is not a heading.
fn is_title_line(n: &Numbered, meta: &Meta) -> bool {
    meta.title
        .as_deref()
        .is_some_and(|t| t.ends_with(n.rest.as_str()) && n.rest.len() > 6)
}

fn preview(text: &str) -> String {
    text.chars().take(30).collect()
}
