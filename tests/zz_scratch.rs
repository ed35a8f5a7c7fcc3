#![allow(clippy::unwrap_used)]
#[test]
fn dump() {
    for arg in std::env::var("DUMP").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        let bytes = std::fs::read(arg).unwrap();
        let f = plantrack::plan::formats::detect(&bytes).unwrap();
        let e = plantrack::plan::formats::extract(&bytes, f).unwrap();
        let name = std::path::Path::new(arg).file_name().unwrap().to_string_lossy().to_string();
        std::fs::write(format!("/tmp/dump/{name}.txt"), e.text).unwrap();
    }
}
