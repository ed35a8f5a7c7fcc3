//! Walk the classified lines of one text and assemble its plan: outline, boxes, tables
//! (indicators and task lists), glossary; then the tasks of what is left (`tasks.rs`).
//! Every part marks the lines it places, for the coverage report.

use super::box_items::parse_items;
use super::boxes::{Placement, parse_box};
use super::coverage::{Marks, Placed};
use super::glossary::parse_glossary;
use super::indicators::{indicators_from_rows, is_indicator_table};
use super::lines::{Kind, Numbered, classify, clause_title, collapse_spaces, is_heading_text};
use super::meta::Meta;
use super::normalize::Line;
use super::outline::OutlineBuilder;
use super::plain_tables::{parse_plain_table, plain_header};
use super::responsibility::carries_clause;
use super::run_together::{is_run_together_row, parse_run_together};
use super::table_tasks::{is_task_table, tasks_from_table};
use super::tables::{TableBlock, is_note, is_tab_row, parse_tab_table};
use super::tasks::{TaskOptions, parse_tasks};
use super::{
    BoxKind, Coverage, GlossaryEntry, Indicator, Level, OutlineNode, PlanBox, Task, Warning,
};

/// Everything read from the body of one text.
#[derive(Debug, Default)]
pub struct Body {
    pub outline: Vec<OutlineNode>,
    pub boxes: Vec<PlanBox>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub glossary: Vec<GlossaryEntry>,
    pub warnings: Vec<Warning>,
    pub coverage: Coverage,
}

/// Where the walk is: the enclosing headings, for placing boxes.
#[derive(Debug, Default)]
struct Position {
    part: Option<String>,
    chapter: Option<String>,
    section: Option<String>,
}

impl Position {
    fn placement(&self, year: Option<i32>) -> Placement {
        Placement {
            chapter: self.chapter.clone().or_else(|| self.part.clone()),
            section: self.section.clone(),
            year,
        }
    }
}

/// The walk's state.
struct Walk<'a> {
    lines: &'a [Line],
    kinds: &'a [Kind],
    meta: &'a Meta,
    body: Body,
    marks: Marks,
    outline: OutlineBuilder,
    position: Position,
    has_chapters: bool,
    action_plan: bool,
    /// Heading lines of the outline (marked once the tasks took theirs).
    headings: Vec<usize>,
}

/// Read the body of a text (after `normalize`).
pub fn parse_body(lines: &[Line], meta: &Meta, source: &str) -> Body {
    let kinds: Vec<Kind> = lines.iter().map(classify).collect();
    let clauses: Vec<bool> = lines.iter().map(|l| carries_clause(&l.text)).collect();
    let mut walk = Walk {
        lines,
        kinds: &kinds,
        meta,
        body: Body::default(),
        marks: Marks::new(lines.len()),
        outline: OutlineBuilder::default(),
        position: Position::default(),
        has_chapters: kinds.iter().any(|k| matches!(k, Kind::Chapter(_))),
        // The notice that publishes a document assigns nothing of the document's.
        action_plan: clauses.iter().skip(meta.body_start).any(|&c| c),
        headings: Vec::new(),
    };
    // A notice that publishes the document: its paragraphs are not the document's.
    walk.marks.set_range(0, meta.body_start, Placed::Outline);
    for &index in &meta.front_lines {
        walk.marks.set(index, Placed::Outline);
    }
    // A glossary heading that is also the first line of the text still opens the glossary.
    for (index, kind) in kinds.iter().enumerate() {
        if *kind == Kind::Glossary {
            walk.marks.set(index, Placed::Nothing);
        }
    }
    walk.run();
    // A plan written in 篇/章/节 tracks its 专栏 items; its sub-points are outline.
    let sectioned = kinds
        .iter()
        .any(|k| matches!(k, Kind::Part(_) | Kind::Chapter(_) | Kind::Section(_)));
    let options = TaskOptions {
        leaf_tasks: !walk.action_plan,
        sectioned,
        year: meta.year,
    };
    let mut tasks = parse_tasks(lines, &kinds, &clauses, &mut walk.marks, options);
    walk.body.tasks.append(&mut tasks);
    walk.body.tasks.sort_by_key(|t| t.line);
    for &index in &walk.headings {
        walk.marks.set_if_free(index, Placed::Outline);
    }
    walk.body.coverage = super::coverage::coverage(lines, &kinds, &clauses, &walk.marks, source);
    walk.body.outline = std::mem::take(&mut walk.outline.roots);
    walk.body
}

impl Walk<'_> {
    fn run(&mut self) {
        let mut index = 0;
        let mut after_box = false;
        while index < self.lines.len() {
            let line = &self.lines[index];
            if self.marks.is_placed(index) {
                index += 1;
                continue;
            }
            let kind = match &self.kinds[index] {
                Kind::Part(n) => Kind::Part(self.join_wrapped_heading(n.clone(), index)),
                Kind::Chapter(n) => Kind::Chapter(self.join_wrapped_heading(n.clone(), index)),
                other => other.clone(),
            };
            // Notes directly under a box (only blank lines between) belong to it.
            let follows_box = after_box;
            if kind != Kind::Blank {
                after_box = matches!(kind, Kind::BoxHead(_));
            }
            index = match kind {
                Kind::BoxHead(n) => self.plan_box(index, &n),
                Kind::Image(Some(n)) => self.image_box(index, &n),
                Kind::Glossary => self.glossary(index),
                Kind::Text if is_note(line) => self.notes(index, follows_box),
                Kind::Text if is_annex_list(&line.text) => self.annex_list(index),
                Kind::Text if self.opens_frame(index) => {
                    let titled = Numbered {
                        number: 0,
                        label: String::new(),
                        rest: collapse_spaces(&line.text),
                    };
                    self.plan_box(index, &titled)
                }
                Kind::Text if is_tab_row(line) => {
                    let table = parse_tab_table(self.lines, index);
                    self.table(index, table)
                }
                Kind::Text if self.run_together_rows(index) => {
                    let table = parse_run_together(self.lines, index);
                    self.table(index, table)
                }
                Kind::Text if plain_header(self.lines, index, 3).is_some() => {
                    let table = parse_plain_table(self.lines, index, 3);
                    self.table(index, table)
                }
                Kind::Num(n) if n.number == 1 && self.has_chapters && !self.action_plan => {
                    self.untitled_box(index)
                }
                other => {
                    self.heading(index, other);
                    index + 1
                }
            };
        }
    }

    /// A heading of the outline (篇/章/节, 一、 and （一） headings, numbered tasks).
    fn heading(&mut self, index: usize, kind: Kind) {
        match kind {
            Kind::Part(n) => {
                self.outline.push(Level::Part, &n, collapse_spaces(&n.rest));
                self.position = Position {
                    part: Some(n.display()),
                    ..Position::default()
                };
            }
            Kind::Chapter(n) => {
                self.outline
                    .push(Level::Chapter, &n, collapse_spaces(&n.rest));
                self.position.chapter = Some(n.display());
                self.position.section = None;
            }
            Kind::Section(n) => {
                self.outline
                    .push(Level::Section, &n, collapse_spaces(&n.rest));
                self.position.section = Some(n.display());
            }
            Kind::CnEnum(n) if !self.has_chapters && is_heading_text(&n.rest) => {
                self.outline
                    .push(Level::Chapter, &n, collapse_spaces(&n.rest));
                self.position.chapter = Some(n.display());
                self.position.section = None;
            }
            Kind::ParenCn(n) | Kind::ParenNum(n)
                if is_heading_text(&n.rest) && !self.is_title_line(&n) =>
            {
                let level = if self.has_chapters {
                    Level::Point
                } else {
                    Level::Section
                };
                self.outline.push(level, &n, heading_title(&n.rest));
            }
            Kind::Num(n) if self.action_plan => {
                // A numbered clause: in the outline, but placed only as the task it becomes.
                self.outline
                    .push(Level::Point, &n, clause_title(&n.rest).to_string());
                return;
            }
            _ => return,
        }
        self.headings.push(index);
    }

    fn plan_box(&mut self, index: usize, n: &Numbered) -> usize {
        let parsed = parse_box(
            self.lines,
            index,
            n,
            &self.position.placement(self.meta.year),
        );
        let end = index + 1 + parsed.consumed;
        self.marks.set_range(index, end, Placed::Box);
        for &item in &parsed.item_lines {
            self.marks.set(item, Placed::Item);
        }
        for &row in &parsed.indicator_lines {
            self.marks.set(row, Placed::Indicator);
        }
        if parsed.plan_box.items.is_empty() && parsed.plan_box.rows.is_empty() {
            self.body.warnings.push(Warning {
                line: Some(self.lines[index].no),
                message: format!("专栏{} has neither items nor a table", n.number),
            });
        }
        self.body.indicators.extend(parsed.indicators);
        self.body.boxes.push(parsed.plan_box);
        end
    }

    /// A 专栏 published as a picture: known by its number (and title, when the alt text gives
    /// one), its items are not in the text.
    fn image_box(&mut self, index: usize, n: &Numbered) -> usize {
        let placement = self.position.placement(self.meta.year);
        let title = collapse_spaces(&n.rest);
        self.marks.set(index, Placed::Box);
        self.body.warnings.push(Warning {
            line: Some(self.lines[index].no),
            message: format!(
                "专栏{} is a picture: its items are not in the text",
                n.number
            ),
        });
        self.body.boxes.push(PlanBox {
            number: n.number,
            title: (!title.is_empty()).then_some(title),
            chapter: placement.chapter,
            section: placement.section,
            kind: BoxKind::Items,
            items: Vec::new(),
            rows: Vec::new(),
            notes: Vec::new(),
            line: Some(self.lines[index].no),
        });
        index + 1
    }

    fn glossary(&mut self, index: usize) -> usize {
        let (entries, used) = parse_glossary(self.lines, index + 1);
        self.marks
            .set_range(index, index + 1 + used, Placed::Glossary);
        self.body.glossary.extend(entries);
        index + 1 + used
    }

    /// A note block "注：1．…" and the numbered lines that continue it.
    fn notes(&mut self, index: usize, follows_box: bool) -> usize {
        let mut notes = vec![collapse_spaces(&self.lines[index].text)];
        let mut end = index + 1;
        while end < self.lines.len() && matches!(self.kinds[end], Kind::Num(_)) {
            notes.push(collapse_spaces(&self.lines[end].text));
            end += 1;
        }
        if follows_box && let Some(last) = self.body.boxes.last_mut() {
            last.notes.extend(notes);
            self.marks.set_range(index, end, Placed::Box);
        }
        end
    }

    /// A box drawn round its text (a table of one column) that opens with a title over
    /// numbered items and has no 专栏 heading: a box without a number (0), as web pages draw
    /// the boxes of a draft.
    fn opens_frame(&self, index: usize) -> bool {
        let line = &self.lines[index];
        // The first text of its frame: before it, only the frame's own empty cells.
        let first = self.lines[..index]
            .iter()
            .rev()
            .find(|l| !(l.boxed && l.is_blank()))
            .is_none_or(|l| !l.boxed);
        let titled = line.boxed
            && first
            && line.text.chars().count() <= MAX_FRAME_TITLE_CHARS
            && !line.text.contains(['。', '，', '；', '：', ':', '\t']);
        if !titled {
            return false;
        }
        let items = (index + 1..self.lines.len())
            .take_while(|&i| self.lines[i].boxed)
            .filter(|&i| {
                matches!(
                    self.kinds[i],
                    Kind::Num(_) | Kind::ParenCn(_) | Kind::Circled(_)
                )
            })
            .count();
        items >= 2
    }

    /// "附件：1.《X》" and the numbered lines that continue the list ("2.《Y》"): the names of
    /// the annexes, not measures.
    fn annex_list(&mut self, index: usize) -> usize {
        let mut next = 2;
        let mut end = index + 1;
        let mut scan = index + 1;
        while scan < self.lines.len() {
            match &self.kinds[scan] {
                Kind::Blank => {}
                Kind::Num(n) if n.number == next => {
                    next += 1;
                    end = scan + 1;
                }
                _ => break,
            }
            scan += 1;
        }
        self.marks.set_range(index, end, Placed::Outline);
        end
    }

    /// A table outside any box: indicator rows, a task list, or skipped with a warning.
    fn table(&mut self, index: usize, table: TableBlock) -> usize {
        let end = index + table.consumed.max(1);
        if is_indicator_table(&table.rows) {
            let found = indicators_from_rows(&table.rows, None);
            self.marks.set_range(index, end, Placed::Indicator);
            self.body.indicators.extend(found);
        } else if is_task_table(&table.rows) {
            let group = self.position.chapter.clone();
            let found = tasks_from_table(&table, self.lines, self.meta.year, group);
            self.marks.set_range(index, end, Placed::Task);
            self.body.tasks.extend(found);
        } else {
            self.body.warnings.push(Warning {
                line: Some(self.lines[index].no),
                message: format!(
                    "table of {} rows outside any 专栏 skipped",
                    table.rows.len()
                ),
            });
        }
        end
    }

    /// Numbered items with no 专栏 heading before them: the heading was lost in this
    /// rendition. They are kept in an untitled box numbered after the previous one.
    fn untitled_box(&mut self, start: usize) -> usize {
        let parsed = parse_items(self.lines, start, self.meta.year);
        let number = self.body.boxes.last().map_or(1, |b| b.number + 1);
        self.body.warnings.push(Warning {
            line: Some(self.lines[start].no),
            message: format!(
                "{} numbered items with no 专栏 heading before them: kept as untitled 专栏{number}",
                parsed.items.len()
            ),
        });
        let placement = self.position.placement(self.meta.year);
        let end = start + parsed.consumed.max(1);
        self.marks.set_range(start, end, Placed::Box);
        for &item in &parsed.item_lines {
            self.marks.set(item, Placed::Item);
        }
        self.body.boxes.push(PlanBox {
            number,
            title: None,
            chapter: placement.chapter,
            section: placement.section,
            kind: BoxKind::Items,
            items: parsed.items,
            rows: Vec::new(),
            notes: Vec::new(),
            line: Some(self.lines[start].no),
        });
        end
    }

    /// Two indicator rows run together in a row, from `lines[index]`.
    fn run_together_rows(&self, index: usize) -> bool {
        let mut rows = self.lines[index..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(2)
            .filter(|l| is_run_together_row(l));
        rows.next().is_some() && rows.next().is_some()
    }

    /// A long 篇/章 title wrapped onto the next line ("…先进制造业" / "高地  巩固…"): join it.
    fn join_wrapped_heading(&mut self, mut n: Numbered, index: usize) -> Numbered {
        let Some(next_index) =
            (index + 1..self.lines.len().min(index + 3)).find(|&i| !self.lines[i].is_blank())
        else {
            return n;
        };
        let next = &self.lines[next_index];
        let tail = next.text.as_str();
        let wrapped = !next.indented
            && tail.chars().count() <= MAX_HEADING_TAIL_CHARS
            && !tail.contains(['。', '，', '；', '：', '、'])
            && matches!(self.kinds[next_index], Kind::Text);
        if wrapped {
            n.rest.push_str(tail);
            self.marks.set(next_index, Placed::Outline);
        }
        n
    }

    /// The plan title itself can start with a bracketed number; it is not a heading.
    fn is_title_line(&self, n: &Numbered) -> bool {
        self.meta
            .title
            .as_deref()
            .is_some_and(|t| t.ends_with(n.rest.as_str()) && n.rest.len() > 6)
    }
}

/// "附件：1.《…》", "附表：1．…": the first line of a list of annexes.
fn is_annex_list(text: &str) -> bool {
    let Some(rest) = ["附件", "附表", "附图"]
        .iter()
        .find_map(|w| text.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.trim_start().strip_prefix(['：', ':']).unwrap_or("");
    let rest = rest.trim_start();
    rest.starts_with('1')
        && rest[1..]
            .trim_start_matches('\\')
            .starts_with(['.', '．', '、', '﹒'])
}

/// Longest title of a box drawn without a 专栏 heading.
const MAX_FRAME_TITLE_CHARS: usize = 30;

/// Longest line that can be the wrapped second half of a heading.
const MAX_HEADING_TAIL_CHARS: usize = 20;

/// The title of a point heading, without its closing full stop.
fn heading_title(rest: &str) -> String {
    collapse_spaces(rest.trim_end_matches('。'))
}
