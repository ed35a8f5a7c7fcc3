//! Arbitrary bytes as a plan file: the importer never panics, never loops or allocates
//! without bound (libFuzzer's -timeout and -rss_limit_mb), and whatever it accepts holds no
//! control, bidi or invisible format character and no pile of combining marks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plantrack::plan::parse_bytes;
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

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = parse_bytes(data, "fuzz.txt") else {
        return;
    };
    let value = serde_json::to_value(&doc).expect("the model serializes");
    let mut all = Vec::new();
    strings(&value, &mut all);
    for s in all {
        assert!(is_terminal_safe(s), "unsafe string in the model: {s:?}");
    }
});
