//! Whether an indicator is on track: its latest recorded value against its target, in
//! the direction from its baseline (a target written ＜5.5 or below the baseline falls).

/// The leading number of a cell ("＜5.5" → 5.5, "年均5—5.5" → 5), if any.
pub fn leading_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// On track when the latest value has reached the target (in the direction from the
/// baseline); unknown when the latest value or the target is not a number.
pub fn on_track(
    baseline: Option<&str>,
    target: Option<&str>,
    latest: Option<&str>,
) -> Option<bool> {
    let latest = leading_number(latest?)?;
    let target_text = target?;
    let target = leading_number(target_text)?;
    let baseline = baseline.and_then(leading_number);
    let falling = target_text.contains(['＜', '<', '≤']) || baseline.is_some_and(|b| target < b);
    Some(if falling {
        latest <= target
    } else {
        latest >= target
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn numbers_lead_cells() {
        assert_eq!(leading_number("＜5.5"), Some(5.5));
        assert_eq!(leading_number("年均5—5.5"), Some(5.0));
        assert_eq!(leading_number("稳步提高"), None);
    }

    #[test]
    fn rising_and_falling_targets() {
        // 常住人口城镇化率 60.2 → 65: 63 is not there yet, 65.1 is.
        assert_eq!(on_track(Some("60.2"), Some("65"), Some("63")), Some(false));
        assert_eq!(on_track(Some("60.2"), Some("65"), Some("65.1")), Some(true));
        // 单位GDP能耗 below the baseline, or written ＜: falling.
        assert_eq!(on_track(Some("0.5"), Some("0.4"), Some("0.38")), Some(true));
        assert_eq!(on_track(None, Some("＜5.5"), Some("6")), Some(false));
        assert_eq!(on_track(None, Some("稳步提高"), Some("6")), None);
        assert_eq!(on_track(None, Some("65"), None), None);
    }
}
