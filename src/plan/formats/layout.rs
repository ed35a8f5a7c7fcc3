//! Positioned text (PDF glyphs, OFD text codes) → lines, for formats that only say where
//! each character is drawn. Characters on one baseline form a line; a wide gap splits a line
//! into segments, and runs of lines with several aligned segments are table rows (a line
//! holding only later columns continues the row above). Running headers and footers (the
//! same text at the top or bottom of most pages) and page numbers are dropped, and so are
//! footnotes (small type at the foot of a page, opened by a note mark). A line that reaches
//! the right margin continues on the next line unless that one is indented or numbered, so
//! paragraphs come out whole, across pages too.

use super::layout_pages::{body_size, drop_footnotes, drop_running};
use super::out::TextOut;
use crate::plan::lines::{classify, numbering};
use crate::plan::normalize::Line as PlanLine;
use std::collections::HashMap;

/// One drawn piece of text: `y` is its baseline measured from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone)]
pub struct Segment {
    pub x: f64,
    pub right: f64,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct TextLine {
    pub y: f64,
    pub size: f64,
    pub segments: Vec<Segment>,
}

impl TextLine {
    pub fn left(&self) -> f64 {
        self.segments.first().map_or(0.0, |s| s.x)
    }
    pub fn right(&self) -> f64 {
        self.segments.last().map_or(0.0, |s| s.right)
    }
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.segments.iter().map(|s| s.text.trim()).collect();
        parts.join(" ")
    }
}

fn join_text(a: &str, b: &str) -> String {
    let space = a.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if space {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// The glyphs of a page as lines, top to bottom, segments left to right.
fn page_lines(page: &Page) -> Vec<TextLine> {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.size > 0.0 && g.x.is_finite() && g.y.is_finite())
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in glyphs {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() < 0.4 * row[0].size.max(g.size) => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let size = row.iter().map(|g| g.size).fold(0.0, f64::max);
            let mut segments: Vec<Segment> = Vec::new();
            for g in &row {
                match segments.last_mut() {
                    Some(s) if g.x - s.right < 0.6 * size => {
                        if g.x - s.right > 0.2 * size && !s.text.ends_with(' ') {
                            s.text.push(' ');
                        }
                        s.text.push_str(&g.text);
                        s.right = s.right.max(g.x + g.width);
                    }
                    _ => segments.push(Segment {
                        x: g.x,
                        right: g.x + g.width,
                        text: g.text.clone(),
                    }),
                }
            }
            segments.retain(|s| !s.text.trim().is_empty());
            TextLine {
                y: row[0].y,
                size,
                segments,
            }
        })
        .filter(|l| !l.segments.is_empty())
        .collect()
}

fn numbered(text: &str) -> bool {
    let line = PlanLine {
        no: 1,
        indented: false,
        text: text.to_string(),
        marked: false,
        boxed: false,
    };
    numbering(&classify(&line)).is_some() || text.starts_with("专栏")
}

/// Where a page's text starts and ends (the most common left edge, the widest right edge),
/// and where its paragraphs' indented first lines start (the most common indented edge).
fn margins(lines: &[TextLine]) -> (f64, f64, f64) {
    let mut lefts: HashMap<i64, usize> = HashMap::new();
    for l in lines.iter().filter(|l| l.segments.len() == 1) {
        *lefts.entry(l.left().round() as i64).or_default() += 1;
    }
    let left = lefts
        .into_iter()
        .max_by_key(|&(x, n)| (n, -x))
        .map_or(0.0, |(x, _)| x as f64);
    let right = lines.iter().map(TextLine::right).fold(0.0, f64::max);
    let mut indents: HashMap<i64, usize> = HashMap::new();
    for l in lines
        .iter()
        .filter(|l| l.segments.len() == 1 && l.left() > left + 0.8 * l.size)
    {
        *indents.entry(l.left().round() as i64).or_default() += 1;
    }
    let first = indents
        .into_iter()
        .max_by_key(|&(x, n)| (n, -x))
        .map_or(left, |(x, _)| x as f64);
    (left, right, first)
}

/// Column starts shared by a line and the table so far (within a type size).
fn column_of(columns: &[f64], x: f64, size: f64) -> Option<usize> {
    columns.iter().rposition(|&c| c <= x + size)
}

/// Whether `next` goes on with a table that `line` (several segments) would start: it has
/// several segments too, or it is one segment under a later column of `line` (a cell that
/// wraps).
fn continues_table(line: &TextLine, next: &TextLine) -> bool {
    if line.segments.len() < 2 {
        return false;
    }
    next.segments.len() > 1
        || next.segments.iter().all(|s| {
            line.segments
                .iter()
                .skip(1)
                .any(|c| (c.x - s.x).abs() < line.size.max(1.0))
        })
}

/// Lay out all pages as text.
pub fn lay_out(pages: &[Page], out: &mut TextOut) {
    let mut lines: Vec<Vec<TextLine>> = pages.iter().map(page_lines).collect();
    let heights: Vec<f64> = pages.iter().map(|p| p.height).collect();
    drop_running(&mut lines, &heights);
    let body = body_size(&lines);
    for page in &mut lines {
        drop_footnotes(page, body);
    }
    // The usual first-line indent, over the whole document (a page of frame content alone
    // would otherwise take the frame's inset for it).
    let all: Vec<TextLine> = lines.iter().flatten().cloned().collect();
    let (doc_left, _, _) = margins(&all);
    let mut indents: HashMap<i64, usize> = HashMap::new();
    for page in &lines {
        let (left, _, first) = margins(page);
        if first > left {
            *indents
                .entry(((first - left) * 10.0).round() as i64)
                .or_default() += page.len();
        }
    }
    let indent = indents
        .into_iter()
        .max_by_key(|&(x, n)| (n, -x))
        .map_or(0.0, |(x, _)| x as f64 / 10.0);
    // The usual distance between lines: more than that is a blank line.
    let mut gaps: HashMap<i64, usize> = HashMap::new();
    for page in &lines {
        for pair in page.windows(2) {
            *gaps
                .entry(((pair[1].y - pair[0].y) * 10.0).round() as i64)
                .or_default() += 1;
        }
    }
    let pitch = gaps
        .into_iter()
        .filter(|&(g, _)| g > 0)
        .max_by_key(|&(g, n)| (n, -g))
        .map_or(f64::MAX, |(g, _)| g as f64 / 10.0);
    let mut writer = Writer {
        out,
        para: None,
        table: Vec::new(),
        columns: Vec::new(),
        in_box: false,
        box_first: None,
    };
    for page in &lines {
        let (_, right, _) = margins(page);
        let left = doc_left;
        let first_indent = left + indent;
        let mut previous_y: Option<f64> = None;
        for (i, line) in page.iter().enumerate() {
            let gap = previous_y.map_or(0.0, |y| line.y - y);
            previous_y = Some(line.y);
            if gap > 1.45 * pitch && line.segments.len() == 1 && writer.table.is_empty() {
                writer.flush_para();
                writer.out.blank();
            }
            let next_is_row = page.get(i + 1).is_some_and(|n| continues_table(line, n));
            writer.line(
                line,
                Geometry {
                    left,
                    right,
                    first_indent,
                    gap,
                    next_is_row,
                },
            );
        }
    }
    writer.flush_para();
    writer.flush_table();
}

struct Geometry {
    left: f64,
    right: f64,
    first_indent: f64,
    gap: f64,
    next_is_row: bool,
}

struct Writer<'a> {
    out: &'a mut TextOut,
    para: Option<Para>,
    table: Vec<Vec<String>>,
    columns: Vec<f64>,
    /// Inside a 专栏 frame: from its heading to the first line back at the left margin, or
    /// to a paragraph starting left of where the frame's first paragraph started.
    in_box: bool,
    box_first: Option<f64>,
}

/// The paragraph being joined.
struct Para {
    text: String,
    /// Its last line reached the right margin.
    full: bool,
    size: f64,
    /// The leftmost start of its lines.
    left: f64,
    /// Every line started right of the page's left margin.
    indented: bool,
    lines: usize,
    /// Its first line starts right of where the page's paragraphs start theirs.
    inset: bool,
}

impl Para {
    /// Set in from the text around it, as a frame's content is: all its lines right of
    /// the margin, and more than one line or a first line right of the usual indent.
    fn framed(&self) -> bool {
        self.indented && (self.lines > 1 || self.inset)
    }
}

impl Writer<'_> {
    fn flush_para(&mut self) {
        if let Some(para) = self.para.take() {
            if self.in_box && para.framed() {
                self.out.frame_para(&para.text);
            } else {
                self.out.para(&para.text);
            }
        }
    }

    fn flush_table(&mut self) {
        if self.table.len() >= 2 {
            for row in std::mem::take(&mut self.table) {
                self.out.row(&row);
            }
            self.out.end_table();
        } else {
            for row in std::mem::take(&mut self.table) {
                let parts: Vec<&str> = row
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect();
                self.out.para(&parts.join(" "));
            }
        }
        self.columns.clear();
    }

    fn line(&mut self, line: &TextLine, g: Geometry) {
        let size = line.size.max(1.0);
        let in_table = !self.table.is_empty();
        let close = g.gap < 2.2 * size;
        // A row of a table: several segments, or a line holding only later columns of the
        // table it follows.
        if line.segments.len() > 1 || (in_table && close && self.continues_row(line, size)) {
            if !(in_table || line.segments.len() > 2 || g.next_is_row) {
                // A lone line with a wide gap (a heading set with spaces) is not a table.
                self.paragraph(&line.text(), line, &g);
                return;
            }
            self.flush_para();
            self.row(line, size, close);
            return;
        }
        if in_table {
            self.flush_table();
        }
        self.paragraph(&line.text(), line, &g);
    }

    fn continues_row(&self, line: &TextLine, size: f64) -> bool {
        let first = self.columns.first().copied().unwrap_or(0.0);
        line.segments
            .iter()
            .all(|s| s.x > first + size && column_of(&self.columns, s.x, size).is_some())
    }

    fn row(&mut self, line: &TextLine, size: f64, close: bool) {
        // Columns that do not line up with the table's: another table begins.
        let unaligned = line
            .segments
            .iter()
            .filter(|s| !self.columns.iter().any(|&c| (s.x - c).abs() < size))
            .count();
        if !self.columns.is_empty() && line.segments.len() > 1 && unaligned > 1 {
            self.flush_table();
        }
        if self.columns.is_empty() || line.segments.len() > self.columns.len() {
            let mut columns: Vec<f64> = line.segments.iter().map(|s| s.x).collect();
            // Keep the columns already known that this wider row does not replace.
            for &c in &self.columns {
                if !columns.iter().any(|&x| (x - c).abs() < size) {
                    columns.push(c);
                }
            }
            columns.sort_by(f64::total_cmp);
            self.columns = columns;
        }
        let mut cells = vec![String::new(); self.columns.len()];
        for s in &line.segments {
            let i = column_of(&self.columns, s.x, size).unwrap_or(0);
            if let Some(cell) = cells.get_mut(i) {
                *cell = join_text(cell.trim(), s.text.trim());
            }
        }
        let first = self.columns.first().copied().unwrap_or(0.0);
        let continuation =
            close && !self.table.is_empty() && line.segments.iter().all(|s| s.x > first + size);
        if continuation && let Some(last) = self.table.last_mut() {
            last.resize(cells.len().max(last.len()), String::new());
            for (i, cell) in cells.into_iter().enumerate() {
                if !cell.is_empty() {
                    last[i] = join_text(last[i].trim(), &cell);
                }
            }
            return;
        }
        self.table.push(cells);
    }

    fn paragraph(&mut self, text: &str, line: &TextLine, g: &Geometry) {
        let size = line.size.max(1.0);
        let indented = line.left() > g.left + 0.8 * size;
        let full = line.right() >= g.right - 2.0 * size;
        let joins = self.para.as_ref().is_some_and(|p| {
            // After an indented first line, the next line of the paragraph starts left of it;
            // later lines start where the second did.
            let aligned = if p.lines > 1 || p.left <= g.left + 0.8 * size {
                line.left() <= p.left + 0.5 * size
            } else {
                line.left() < p.left - 0.8 * size
            };
            p.full
                && aligned
                && (p.size - size).abs() < 0.15 * size
                && g.gap < 2.5 * size
                && !numbered(text)
        });
        if joins && let Some(p) = self.para.as_mut() {
            p.text = join_text(&p.text, text);
            p.full = full;
            p.left = p.left.min(line.left());
            p.indented &= indented;
            p.lines += 1;
            return;
        }
        self.flush_para();
        if !indented {
            self.in_box = false;
        }
        if self.in_box {
            match self.box_first {
                Some(first) if line.left() < first - 0.8 * size => self.in_box = false,
                Some(_) => {}
                None => self.box_first = Some(line.left()),
            }
        }
        if text.starts_with("专栏") {
            self.in_box = true;
            self.box_first = None;
        }
        self.para = Some(Para {
            text: text.to_string(),
            full,
            size,
            left: line.left(),
            indented,
            lines: 1,
            inset: line.left() > g.first_indent + 0.5 * size,
        });
    }
}
