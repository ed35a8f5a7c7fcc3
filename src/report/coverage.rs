//! The coverage part of the import dry run: where each text's paragraphs went, and every
//! paragraph that carries a number or a responsibility clause yet was placed nowhere — what
//! the importer missed, with its line, so a user sees it at once.

use crate::plan::Coverage;
use crate::text::sanitize::term_safe;
use std::io::{self, Write};

/// Write the coverage of one rendition.
pub fn write_coverage(coverage: &Coverage, out: &mut dyn Write) -> io::Result<()> {
    let placed = coverage.boxes
        + coverage.items
        + coverage.tasks
        + coverage.indicators
        + coverage.glossary
        + coverage.outline;
    writeln!(
        out,
        "  coverage of {}: {} paragraphs, {placed} placed — {} in boxes, {} box items, {} tasks, {} indicators, {} glossary, {} outline; {} numbered or with a responsibility clause not placed",
        term_safe(&coverage.source),
        coverage.paragraphs,
        coverage.boxes,
        coverage.items,
        coverage.tasks,
        coverage.indicators,
        coverage.glossary,
        coverage.outline,
        coverage.missed.len()
    )?;
    for missed in &coverage.missed {
        writeln!(
            out,
            "    not placed: line {} ({}): {}",
            missed.line,
            term_safe(&missed.reason),
            term_safe(&missed.text)
        )?;
    }
    Ok(())
}
