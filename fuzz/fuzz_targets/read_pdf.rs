//! Arbitrary bytes as a PDF: no panic, no runaway memory or time (pages, decompressed
//! content and operations are capped); what is accepted parses to a terminal-safe model.
#![no_main]

#[path = "read_documents.rs"]
mod read_documents;

use libfuzzer_sys::fuzz_target;
use plantrack::plan::formats::{Format, extract};

fuzz_target!(|data: &[u8]| {
    if let Ok(e) = extract(data, Format::Pdf) {
        read_documents::check_text(&e.text);
    }
});
