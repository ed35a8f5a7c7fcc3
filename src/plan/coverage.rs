//! Where each paragraph of a text went: every part of the importer marks the lines it
//! places, and the coverage report counts them and lists the paragraphs that look
//! trackable (a number, a responsibility clause) but were placed nowhere.

use super::lines::{Kind, numbering};
use super::normalize::Line;
use super::{Coverage, Missed};

/// What a line became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Placed {
    #[default]
    Nothing,
    /// A heading of the outline, the title, the notice around the document, or prose of a
    /// background chapter.
    Outline,
    /// A 专栏 heading, its table or notes.
    Box,
    Item,
    Task,
    Indicator,
    Glossary,
}

/// One mark per normalised line (by index in the line list).
#[derive(Debug, Clone)]
pub struct Marks(Vec<Placed>);

impl Marks {
    pub fn new(lines: usize) -> Marks {
        Marks(vec![Placed::Nothing; lines])
    }

    pub fn get(&self, index: usize) -> Placed {
        self.0.get(index).copied().unwrap_or_default()
    }

    pub fn is_placed(&self, index: usize) -> bool {
        self.get(index) != Placed::Nothing
    }

    pub fn set(&mut self, index: usize, placed: Placed) {
        if let Some(slot) = self.0.get_mut(index) {
            *slot = placed;
        }
    }

    /// Mark lines `from..to` (blank ones too: they carry no count).
    pub fn set_range(&mut self, from: usize, to: usize, placed: Placed) {
        let to = to.min(self.0.len());
        for slot in self.0.iter_mut().take(to).skip(from) {
            *slot = placed;
        }
    }

    /// Mark a line unless something more specific placed it already.
    pub fn set_if_free(&mut self, index: usize, placed: Placed) {
        if !self.is_placed(index) {
            self.set(index, placed);
        }
    }
}

/// Longest excerpt of a missed paragraph.
const EXCERPT_CHARS: usize = 40;

/// Why a paragraph looks trackable, if it does.
fn trackable(kind: &Kind, clause: bool) -> Option<&'static str> {
    if clause {
        Some("responsibility clause")
    } else if numbering(kind).is_some() || matches!(kind, Kind::Bullet(_)) {
        Some("numbered")
    } else {
        None
    }
}

/// Count the placed paragraphs and list the trackable ones left over (`kinds` and
/// `clauses` say, line by line, how each was classified and whether it carries a clause).
pub fn coverage(
    lines: &[Line],
    kinds: &[Kind],
    clauses: &[bool],
    marks: &Marks,
    source: &str,
) -> Coverage {
    let mut report = Coverage {
        source: source.to_string(),
        ..Coverage::default()
    };
    for (index, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        report.paragraphs += 1;
        match marks.get(index) {
            Placed::Outline => report.outline += 1,
            Placed::Box => report.boxes += 1,
            Placed::Item => report.items += 1,
            Placed::Task => report.tasks += 1,
            Placed::Indicator => report.indicators += 1,
            Placed::Glossary => report.glossary += 1,
            Placed::Nothing => {
                let kind = kinds.get(index).unwrap_or(&Kind::Blank);
                let clause = clauses.get(index).copied().unwrap_or(false);
                if let Some(reason) = trackable(kind, clause) {
                    report.missed.push(Missed {
                        line: line.no,
                        reason: reason.to_string(),
                        text: line.text.chars().take(EXCERPT_CHARS).collect(),
                    });
                }
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_placed_and_lists_missed_paragraphs() {
        let lines: Vec<Line> = [
            "一、重点任务",
            "",
            "1.推进工作。",
            "做好保障。（责任单位：市财政局）",
            "普通正文。",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            boxed: false,
            no: i + 1,
            indented: false,
            text: t.to_string(),
            marked: false,
        })
        .collect();
        let mut marks = Marks::new(lines.len());
        marks.set(0, Placed::Outline);
        let kinds: Vec<Kind> = lines.iter().map(crate::plan::lines::classify).collect();
        let clauses: Vec<bool> = lines
            .iter()
            .map(|l| crate::plan::responsibility::carries_clause(&l.text))
            .collect();
        let report = coverage(&lines, &kinds, &clauses, &marks, "x.txt");
        assert_eq!(report.paragraphs, 4);
        assert_eq!(report.outline, 1);
        let missed: Vec<(usize, &str)> = report
            .missed
            .iter()
            .map(|m| (m.line, m.reason.as_str()))
            .collect();
        assert_eq!(missed, vec![(3, "numbered"), (4, "responsibility clause")]);
    }
}
