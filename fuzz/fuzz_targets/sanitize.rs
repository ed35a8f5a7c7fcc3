//! Arbitrary text through both layers of `text::sanitize`: the output is always
//! terminal-safe, cleaning is idempotent, and each removed sequence leaves at most one
//! visible marker.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plantrack::text::sanitize::{MARKER, clean_imported, is_terminal_safe, term_safe};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let cleaned = clean_imported(&text);
    assert!(
        is_terminal_safe(&cleaned.text),
        "{text:?} -> {:?}",
        cleaned.text
    );
    let again = clean_imported(&cleaned.text);
    assert_eq!(again.text, cleaned.text);
    assert_eq!(again.removed, 0);
    let markers = |s: &str| s.chars().filter(|&c| c == MARKER).count();
    assert!(markers(&cleaned.text) <= markers(&text) + cleaned.removed);
    let shown = term_safe(&text);
    assert!(is_terminal_safe(&shown), "{text:?} -> {shown:?}");
});
