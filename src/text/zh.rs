//! Chinese script helpers: traditional→simplified conversion (OpenCC's phrase and character
//! tables, through ferrous-opencc, Apache-2.0).

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::sync::OnceLock;

/// Share of traditional-only characters above which a text counts as traditional script.
const TRADITIONAL_SHARE: f64 = 0.02;

/// The traditional→simplified converter, built once (its dictionaries are embedded).
fn converter() -> Option<&'static OpenCC> {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    CONVERTER
        .get_or_init(|| OpenCC::from_config(BuiltinConfig::T2s).ok())
        .as_ref()
}

/// Convert to simplified Chinese (unchanged if the embedded tables could not be loaded,
/// which a test guards).
pub fn to_simplified(text: &str) -> String {
    match converter() {
        Some(opencc) => opencc.convert(text),
        None => text.to_string(),
    }
}

/// Characters looked at to tell the script (a document keeps one script throughout).
const SAMPLE_CHARS: usize = 20_000;

/// Whether the text is written in traditional characters: more than 2% of the CJK
/// characters of its opening (up to 20,000 characters) change under traditional→simplified
/// conversion.
pub fn is_traditional(text: &str) -> bool {
    let end = text
        .char_indices()
        .nth(SAMPLE_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..end];
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    if cjk == 0 {
        return false;
    }
    let converted = to_simplified(text);
    let changed = text
        .chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b && is_cjk(*a))
        .count()
        + text.chars().count().abs_diff(converted.chars().count());
    changed as f64 / cjk as f64 > TRADITIONAL_SHARE
}

/// A CJK unified ideograph (basic block and extension A).
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_detects_traditional() {
        assert!(converter().is_some(), "the embedded OpenCC tables load");
        assert_eq!(to_simplified("新型城鎮化規劃"), "新型城镇化规划");
        assert!(is_traditional("湖南省發展和改革委員會關於印發規劃的通知"));
        assert!(!is_traditional("湖南省发展和改革委员会关于印发规划的通知"));
        assert!(!is_traditional("plain ascii"));
    }
}
