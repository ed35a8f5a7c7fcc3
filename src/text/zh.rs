//! Chinese script helpers: traditional→simplified conversion (zhconv, MediaWiki tables).

use zhconv::{Variant, get_builtin_converter};

/// Share of traditional-only characters above which a text counts as traditional script.
const TRADITIONAL_SHARE: f64 = 0.02;

/// Convert to simplified Chinese.
pub fn to_simplified(text: &str) -> String {
    get_builtin_converter(Variant::ZhHans).convert(text)
}

/// Whether the text is written in traditional characters: more than 2% of its CJK
/// characters would change under traditional→simplified conversion.
pub fn is_traditional(text: &str) -> bool {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    if cjk == 0 {
        return false;
    }
    let replaced = get_builtin_converter(Variant::ZhHans).count_replaced(text);
    replaced as f64 / cjk as f64 > TRADITIONAL_SHARE
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
        assert_eq!(to_simplified("新型城鎮化規劃"), "新型城镇化规划");
        assert!(is_traditional("湖南省發展和改革委員會關於印發規劃的通知"));
        assert!(!is_traditional("湖南省发展和改革委员会关于印发规划的通知"));
        assert!(!is_traditional("plain ascii"));
    }
}
