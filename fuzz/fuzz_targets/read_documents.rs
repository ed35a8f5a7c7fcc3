//! Shared by the document-reader targets: whatever a reader accepts parses without panic,
//! and every string of the model is terminal-safe.
use plantrack::plan::TextEncoding;
use plantrack::plan::parse_text;
use plantrack::text::sanitize::is_terminal_safe;
use serde_json::Value;

fn strings<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => out.push(s),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k);
                strings(v, out);
            }
        }
        _ => {}
    }
}

pub fn check_text(text: &str) {
    let Ok(doc) = parse_text(text, TextEncoding::Utf8, "fuzz") else {
        return;
    };
    let value = serde_json::to_value(&doc).expect("the model serializes");
    let mut all = Vec::new();
    strings(&value, &mut all);
    for s in all {
        assert!(is_terminal_safe(s), "unsafe string in the model: {s:?}");
    }
}

/// A zip holding `parts` (stored, so the fuzzer's bytes reach the XML reader as they are).
#[allow(dead_code)]
pub fn zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut w = zip::ZipWriter::new(&mut out);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        w.start_file(*name, options).expect("zip part");
        w.write_all(data).expect("zip write");
    }
    w.finish().expect("zip finish");
    out.into_inner()
}
