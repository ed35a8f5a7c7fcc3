//! Plan text → plan model. Pure: no database, no clock, no terminal.
//!
//! The pipeline: `encoding` decodes bytes; `normalize` turns the text into clean lines
//! (bookmarks, running headers, tables of contents and page numbers removed; traditional
//! script converted; Markdown marks and pipe rows read; flattened lines split by
//! `flattened`); `lines` classifies each line; `meta` reads the title and first page;
//! `document` walks the lines, handing boxes to `boxes`/`box_items`, tables to `tables`,
//! `plain_tables` and `run_together` (columns named by `columns`; indicator rows to
//! `indicators`, task lists to `table_tasks`), the 名词解释 to `glossary`; then `tasks` reads
//! the measures off the numbering tree of what is left (`task_tree`), with their
//! responsibility clauses (`responsibility`, `names`) and `deadlines`. Every part marks the
//! lines it placed, for the coverage report (`coverage`). `renditions` merges several
//! renditions of one plan.

mod box_items;
mod boxes;
mod columns;
mod coverage;
mod deadlines;
mod document;
pub mod encoding;
mod flattened;
pub mod formats;
mod glossary;
mod indicators;
mod lines;
mod markdown;
mod meta;
mod model;
mod names;
mod normalize;
mod numerals;
mod outline;
mod pages;
mod patterns;
mod plain_tables;
mod renditions;
mod responsibility;
mod row_fit;
mod run_together;
mod table_tasks;
mod tables;
mod task_tree;
mod tasks;
mod title;

pub use deadlines::{find_deadlines, five_year_period};
pub use model::*;
pub use renditions::{merge_renditions, same_plan, title_key};

use thiserror::Error;

/// Largest plan file accepted (the longest real plan is well under 1 MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Longest single line kept; longer lines are cut and reported.
pub const MAX_LINE_CHARS: usize = 64 * 1024;

#[derive(Debug, Error)]
pub enum ParseError {
    #[error(transparent)]
    Encoding(#[from] encoding::EncodingError),
    #[error("the file holds no readable text (only white space or control characters)")]
    Empty,
    #[error(transparent)]
    Format(#[from] formats::FormatError),
}

/// Parse one plan file.
pub fn parse_bytes(bytes: &[u8], source: &str) -> Result<ParsedDocument, ParseError> {
    let (text, encoding) = encoding::decode(bytes)?;
    parse_text(&text, encoding, source)
}

/// Parse one plan file of any supported format (.docx, a saved web page, PDF with a text
/// layer, OFD, or text), found by its content; `source` is the name to report, and its
/// extension only a hint (a mismatch is noted in the result's `format`).
pub fn parse_document(bytes: &[u8], source: &str) -> Result<ParsedDocument, ParseError> {
    let format = formats::detect(bytes)?;
    let mut doc = if format == formats::Format::Text {
        parse_bytes(bytes, source)?
    } else {
        let extracted = formats::extract(bytes, format)?;
        parse_text(&extracted.text, extracted.encoding, source)?
    };
    doc.format = formats::SourceFormat::of(format, source);
    Ok(doc)
}

/// Parse several files (bytes and the name to report) on every core, in their order:
/// a province's plans are parsed independently of one another.
pub fn parse_all(files: &[(Vec<u8>, String)]) -> Vec<Result<ParsedDocument, ParseError>> {
    parse_all_reporting(files, &crate::progress::Silent)
}

/// [`parse_all`], telling `progress` the bytes of each file once it is parsed (the
/// caller begins and ends the stage).
pub fn parse_all_reporting(
    files: &[(Vec<u8>, String)],
    progress: &dyn crate::progress::Progress,
) -> Vec<Result<ParsedDocument, ParseError>> {
    let parse = |(bytes, name): &(Vec<u8>, String)| {
        let parsed = parse_document(bytes, name);
        progress.add(bytes.len() as u64);
        parsed
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = files.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        let parts: Vec<_> = files
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || chunk.iter().map(parse).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .zip(files.chunks(per_thread))
            .flat_map(|(part, chunk)| {
                // A parser thread that panicked: parse its files here, so the panic
                // shows where it happened instead of being lost.
                part.join().unwrap_or_else(|_| {
                    chunk
                        .iter()
                        .map(|(bytes, name)| parse_document(bytes, name))
                        .collect()
                })
            })
            .collect()
    })
}

/// The file name without directories and extension: the title of last resort.
fn file_stem(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    if stem.trim().is_empty() {
        "untitled".to_string()
    } else {
        stem.to_string()
    }
}

/// Parse decoded text (line ends already LF).
pub fn parse_text(
    text: &str,
    encoding: TextEncoding,
    source: &str,
) -> Result<ParsedDocument, ParseError> {
    let normalized = normalize::normalize(text);
    if normalized.lines.iter().all(|l| l.is_blank()) {
        return Err(ParseError::Empty);
    }
    let meta = meta::parse_meta(&normalized.lines);
    let mut warnings = normalized.warnings;
    let title = match meta.title.clone() {
        Some(title) => title,
        None => {
            let name = file_stem(source);
            warnings.push(Warning {
                line: None,
                message: format!(
                    "no title found (no heading-like line names a document type such as 规划, 方案, 意见, 要点 or 报告): the file name \"{name}\" is the title"
                ),
            });
            name
        }
    };
    let body = document::parse_body(&normalized.lines, &meta, source);
    warnings.extend(body.warnings);
    Ok(ParsedDocument {
        source: source.to_string(),
        encoding,
        plan: Plan {
            title,
            issuer: meta.issuer,
            doc_number: meta.doc_number,
            issued_on: meta.issued_on,
            script: normalized.script,
            outline: body.outline,
            boxes: body.boxes,
            tasks: body.tasks,
            indicators: body.indicators,
            glossary: body.glossary,
        },
        warnings,
        coverage: body.coverage,
        format: formats::SourceFormat::default(),
    })
}
