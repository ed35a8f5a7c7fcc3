//! Arbitrary bytes as a saved web page: no panic, no runaway memory or time, nothing of a
//! script reaches the text; what is accepted parses to a terminal-safe model.
#![no_main]

#[path = "read_documents.rs"]
mod read_documents;

use libfuzzer_sys::fuzz_target;
use plantrack::plan::formats::{Format, extract};

fuzz_target!(|data: &[u8]| {
    if let Ok(e) = extract(data, Format::Html) {
        read_documents::check_text(&e.text);
    }
});
