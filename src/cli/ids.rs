//! The IDs typed on the command line: items `12` or `#12`, milestones `M5`, indicators `I3`.

/// `12`, `#12` or `＃12`: an item ID.
pub fn parse_item_id(text: &str) -> Result<i64, String> {
    parse_id(text, &['#', '＃'], "an item ID like 12 or #12")
}

/// `5` or `M5`: a milestone ID.
pub fn parse_milestone_id(text: &str) -> Result<i64, String> {
    parse_id(text, &['M', 'm'], "a milestone ID like 5 or M5")
}

/// `3` or `I3`: an indicator ID.
pub fn parse_indicator_id(text: &str) -> Result<i64, String> {
    parse_id(text, &['I', 'i'], "an indicator ID like 3 or I3")
}

fn parse_id(text: &str, prefixes: &[char], expected: &str) -> Result<i64, String> {
    let trimmed = text.trim();
    let digits = trimmed.strip_prefix(prefixes).unwrap_or(trimmed);
    match digits.parse::<i64>() {
        Ok(id) if id > 0 && digits.bytes().all(|b| b.is_ascii_digit()) => Ok(id),
        _ => Err(format!("expected {expected}")),
    }
}
#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(parse_item_id("12"), Ok(12));
        assert_eq!(parse_item_id("#12"), Ok(12));
        assert_eq!(parse_item_id("＃12"), Ok(12));
        assert_eq!(parse_milestone_id("M5"), Ok(5));
        assert_eq!(parse_indicator_id("i3"), Ok(3));
        for bad in ["", "#", "x1", "-3", "0", "+4", "1.5", "##1"] {
            assert!(parse_item_id(bad).is_err(), "{bad:?}");
        }
    }
}
