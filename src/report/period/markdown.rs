//! The period report as Markdown: the document's blocks, text escaped as the export's
//! brief does (`report::markdown::escape`).

use super::PeriodReport;
use super::document::{Block, Table, blocks};
use crate::report::markdown::escape;
use std::io::{self, Write};

fn table(t: &Table, out: &mut dyn Write) -> io::Result<()> {
    let row = |cells: &[String]| {
        let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
        format!("| {} |", cells.join(" | "))
    };
    writeln!(out, "{}", row(&t.headers))?;
    writeln!(out, "|{}", "---|".repeat(t.headers.len()))?;
    for cells in &t.rows {
        writeln!(out, "{}", row(cells))?;
    }
    writeln!(out)
}

/// Write the report as Markdown.
pub fn write(report: &PeriodReport, out: &mut dyn Write) -> io::Result<()> {
    for block in blocks(report) {
        match block {
            Block::Title(text) => writeln!(out, "# {}\n", escape(&text))?,
            Block::Subtitle(text) | Block::Dated(text) | Block::Paragraph(text) => {
                writeln!(out, "{}\n", escape(&text))?
            }
            Block::Heading(text) => writeln!(out, "## {}\n", escape(&text))?,
            Block::Table(t) => table(&t, out)?,
            Block::PageBreak => writeln!(out, "---\n")?,
        }
    }
    Ok(())
}
