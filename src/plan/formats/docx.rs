//! Word .docx → lines. The body (`word/document.xml`) in order: paragraphs with the
//! numbering Word draws for them (`numbering.xml`, through direct properties or the style),
//! tables as rows (merged cells kept in place), text boxes as frames where they are
//! anchored, one-column or `专栏` tables as frames. Headers, footers, footnotes and comments
//! live in other parts and are never read; deleted text, field codes and the fallback copy
//! of drawings are skipped.

use super::docx_numbering::Numbering;
use super::docx_styles::Styles;
use super::limits::MAX_TABLE_DEPTH;
use super::out::TextOut;
use super::xml::{Ev, Xml, attr, local, part_text};
use super::zipped::Archive;
use super::{Extracted, FormatError};
use crate::plan::TextEncoding;
use crate::plan::lines::{classify, numbering};
use crate::plan::normalize::Line;

const FORMAT: &str = "Word .docx";

#[derive(Debug, Default)]
struct Para {
    /// Inside a text box (a frame).
    framed: bool,
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

#[derive(Debug, Default)]
struct Cell {
    paras: Vec<String>,
    span: usize,
}

#[derive(Debug, Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
}

struct Walker {
    out: TextOut,
    styles: Styles,
    numbering: Numbering,
    paras: Vec<Para>,
    tables: Vec<Table>,
    in_ppr: bool,
    in_text: bool,
    /// Open text boxes.
    boxes: usize,
}

/// Elements whose whole content is left out.
const SKIPPED: &[&[u8]] = &[
    b"Fallback",
    b"del",
    b"moveFrom",
    b"instrText",
    b"delInstrText",
    b"sectPr",
    b"sdtPr",
    b"rPr",
    b"tblPr",
    b"trPr",
    b"commentReference",
    b"footnoteReference",
    b"endnoteReference",
];

pub fn extract(bytes: &[u8]) -> Result<Extracted, FormatError> {
    let mut archive = Archive::open(bytes, FORMAT)?;
    let document = archive.require("word/document.xml")?;
    let styles = match archive.read("word/styles.xml")? {
        Some(b) => Styles::parse(part_text(&b, "word/styles.xml")?)?,
        None => Styles::default(),
    };
    let numbering = match archive.read("word/numbering.xml")? {
        Some(b) => Numbering::parse(part_text(&b, "word/numbering.xml")?)?,
        None => Numbering::default(),
    };
    let mut walker = Walker {
        out: TextOut::new(FORMAT),
        styles,
        numbering,
        paras: Vec::new(),
        tables: Vec::new(),
        in_ppr: false,
        in_text: false,
        boxes: 0,
    };
    walker.walk(part_text(&document, "word/document.xml")?)?;
    Ok(Extracted {
        text: walker.out.finish()?,
        encoding: TextEncoding::Utf8,
    })
}

/// The text already starts with a number the importer reads (第一章, 一、, （一）, 1. …).
fn numbered(text: &str) -> bool {
    let line = Line {
        no: 1,
        indented: false,
        text: text.to_string(),
        marked: false,
        boxed: false,
    };
    numbering(&classify(&line)).is_some() || text.starts_with(|c| ('①'..='⑳').contains(&c))
}

impl Walker {
    fn walk(&mut self, xml: &str) -> Result<(), FormatError> {
        let mut reader = Xml::new(xml, "word/document.xml");
        loop {
            match reader.next()? {
                Ev::Start(e) => {
                    let name = local(&e);
                    if SKIPPED.contains(&name.as_slice()) {
                        reader.skip()?;
                        continue;
                    }
                    self.start(&name, &e)?;
                }
                Ev::Empty(e) => {
                    let name = local(&e);
                    self.leaf(&name, &e);
                    if name == b"p" {
                        // An empty paragraph: it still advances its list's numbering.
                        self.paras.push(Para {
                            framed: self.boxes > 0,
                            ..Para::default()
                        });
                        self.end_para();
                    }
                }
                Ev::Text(t) => {
                    if self.in_text
                        && let Some(p) = self.paras.last_mut()
                    {
                        p.text.push_str(&t);
                    }
                }
                Ev::End(name) => self.end(&name),
                Ev::Eof => return Ok(()),
            }
        }
    }

    fn start(
        &mut self,
        name: &[u8],
        e: &quick_xml::events::BytesStart<'_>,
    ) -> Result<(), FormatError> {
        match name {
            b"p" => self.paras.push(Para {
                framed: self.boxes > 0,
                ..Para::default()
            }),
            b"txbxContent" => self.boxes += 1,
            b"pPr" => self.in_ppr = true,
            b"t" => self.in_text = true,
            b"tbl" => {
                if self.tables.len() >= MAX_TABLE_DEPTH {
                    return Err(FormatError::TablesTooDeep {
                        cap: MAX_TABLE_DEPTH,
                    });
                }
                self.tables.push(Table::default());
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows.push(Vec::new());
                }
            }
            b"tc" => {
                if let Some(row) = self.tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell {
                        span: 1,
                        ..Cell::default()
                    });
                }
            }
            _ => self.leaf(name, e),
        }
        Ok(())
    }

    /// Properties and inline marks that may come as empty or open elements.
    fn leaf(&mut self, name: &[u8], e: &quick_xml::events::BytesStart<'_>) {
        if self.in_ppr {
            self.property(name, e);
            return;
        }
        let push = |walker: &mut Walker, s: &str| {
            if let Some(p) = walker.paras.last_mut() {
                p.text.push_str(s);
            }
        };
        match name {
            b"tab" | b"ptab" => push(self, "\t"),
            b"br" => {
                let kind = attr(e, b"type").unwrap_or_default();
                if kind != "page" && kind != "column" {
                    push(self, "\n");
                }
            }
            b"cr" => push(self, "\n"),
            b"noBreakHyphen" => push(self, "-"),
            b"gridSpan" => {
                let span = attr(e, b"val")
                    .and_then(|v| v.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                if let Some(cell) = self
                    .tables
                    .last_mut()
                    .and_then(|t| t.rows.last_mut())
                    .and_then(|r| r.last_mut())
                {
                    cell.span = span;
                }
            }
            _ => {}
        }
    }

    fn property(&mut self, name: &[u8], e: &quick_xml::events::BytesStart<'_>) {
        let Some(p) = self.paras.last_mut() else {
            return;
        };
        match name {
            b"pStyle" => p.style = attr(e, b"val"),
            b"numId" => p.num_id = attr(e, b"val"),
            b"ilvl" => p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"pPr" => self.in_ppr = false,
            b"txbxContent" => self.boxes = self.boxes.saturating_sub(1),
            b"t" => self.in_text = false,
            b"p" => self.end_para(),
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    /// The paragraph's text with the label Word draws for it, when the text lacks one.
    fn end_para(&mut self) {
        let Some(para) = self.paras.pop() else {
            return;
        };
        let style_num = para.style.as_deref().and_then(|s| self.styles.numbering(s));
        let list = match (para.num_id, style_num) {
            (Some(id), style) => Some((id, para.ilvl.or(style.map(|s| s.1)).unwrap_or(0))),
            (None, Some((id, lvl))) => Some((id, para.ilvl.unwrap_or(lvl))),
            (None, None) => None,
        };
        let label = list
            .filter(|(id, _)| id != "0")
            .and_then(|(id, lvl)| self.numbering.next_label(&id, lvl));
        let tab_led = para
            .text
            .trim_start_matches([' ', '\u{3000}'])
            .starts_with('\t');
        let text = para.text.trim();
        let in_cell = !self.tables.is_empty();
        if text.is_empty() {
            // An empty paragraph is a blank line, a tab alone an empty cell (Word's text
            // export of either).
            if !in_cell && (para.framed || tab_led) {
                self.out.frame_para("");
            } else if !in_cell {
                self.out.blank();
            }
            return;
        }
        let line = match label {
            Some(label) if !numbered(text) => format!("{label}{text}"),
            _ if tab_led && !in_cell => format!("\t{text}"),
            _ => text.to_string(),
        };
        // A heading keeps its level as a Markdown mark (the text importer strips it).
        let level = para
            .style
            .as_deref()
            .and_then(|s| self.styles.outline_level(s));
        match self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            Some(cell) => cell.paras.push(line),
            None if para.framed => self.out.frame_para(&line),
            None => match level {
                Some(level) if !line.contains('\n') && !line.starts_with('\t') => {
                    self.out
                        .para(&format!("{} {line}", "#".repeat(level.min(5) + 1)));
                }
                _ => self.out.para(&line),
            },
        }
    }

    fn end_table(&mut self) {
        let Some(table) = self.tables.pop() else {
            return;
        };
        // A table inside a table cell: its rows become paragraphs of that cell.
        if let Some(cell) = self
            .tables
            .last_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            for row in &table.rows {
                let texts: Vec<String> = row.iter().map(|c| c.paras.join(" ")).collect();
                let line = texts.join(" ").trim().to_string();
                if !line.is_empty() {
                    cell.paras.push(line);
                }
            }
            return;
        }
        emit_table(&mut self.out, &table);
    }
}

/// A table's rows as pipe rows; a frame (one column, or a first row that is one `专栏…`
/// cell) as its heading and paragraphs.
fn emit_table(out: &mut TextOut, table: &Table) {
    let columns = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0);
    if columns <= 1 {
        for cell in table.rows.iter().flatten() {
            if cell.paras.is_empty() {
                out.frame_para("");
            }
            for p in &cell.paras {
                out.frame_para(p);
            }
        }
        out.end_table();
        return;
    }
    let mut rows = table.rows.iter().peekable();
    if let Some(first) = rows.peek()
        && first.len() == 1
        && first[0]
            .paras
            .first()
            .is_some_and(|p| p.trim_start().starts_with("专栏"))
    {
        for p in &first[0].paras {
            out.frame_para(p);
        }
        rows.next();
    }
    for row in rows {
        let mut cells = Vec::new();
        for cell in row {
            cells.push(cell.paras.join(" "));
            for _ in 1..cell.span {
                cells.push(String::new());
            }
        }
        out.row(&cells);
    }
    out.end_table();
}
