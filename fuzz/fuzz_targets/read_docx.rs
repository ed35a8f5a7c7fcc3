//! Arbitrary bytes as a Word .docx: as the whole file, and as its `word/document.xml`
//! (and numbering/styles parts) inside a well-formed zip. No panic, no runaway memory or
//! time; what is accepted parses to a terminal-safe model.
#![no_main]

#[path = "read_documents.rs"]
mod read_documents;

use libfuzzer_sys::fuzz_target;
use plantrack::plan::formats::{Format, extract};

fuzz_target!(|data: &[u8]| {
    if let Ok(e) = extract(data, Format::Docx) {
        read_documents::check_text(&e.text);
    }
    let third = data.len() / 3;
    let packed = read_documents::zip(&[
        ("word/document.xml", &data[..third * 2]),
        ("word/numbering.xml", &data[third * 2..]),
        ("word/styles.xml", &data[..third]),
    ]);
    if let Ok(e) = extract(&packed, Format::Docx) {
        read_documents::check_text(&e.text);
    }
});
