//! Chinese and Arabic numerals as used in plan numbering (第十二章, （三）, 第1节).

/// Value of a numeral written in Chinese (一 … 九十九, 一百…) or Arabic digits
/// (ASCII or full-width). `None` when it is neither.
pub fn parse_numeral(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return text.chars().try_fold(0u32, |acc, c| {
            let digit = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - '０' as u32
            };
            acc.checked_mul(10)?.checked_add(digit)
        });
    }
    parse_chinese(text)
}

fn digit_value(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn parse_chinese(text: &str) -> Option<u32> {
    // Checked arithmetic throughout: an overlong run of numerals is not a number.
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in text.chars() {
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            _ => {
                let digit = digit_value(c)?;
                pending = Some(match pending {
                    Some(p) => p.checked_mul(10)?.checked_add(digit)?,
                    None => digit,
                });
                continue;
            }
        };
        total = total.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
    }
    let value = total.checked_add(pending.unwrap_or(0))?;
    (value > 0 || text.contains(['〇', '零'])).then_some(value)
}

/// Characters that may appear in a numeral (for building patterns).
pub const NUMERAL_CHARS: &str = "0-9０-９〇零一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_and_arabic_numerals() {
        assert_eq!(parse_numeral("一"), Some(1));
        assert_eq!(parse_numeral("十"), Some(10));
        assert_eq!(parse_numeral("十二"), Some(12));
        assert_eq!(parse_numeral("二十"), Some(20));
        assert_eq!(parse_numeral("五十八"), Some(58));
        assert_eq!(parse_numeral("一百零三"), Some(103));
        assert_eq!(parse_numeral("12"), Some(12));
        assert_eq!(parse_numeral("１２"), Some(12));
        assert_eq!(parse_numeral("章"), None);
        assert_eq!(parse_numeral(""), None);
        assert_eq!(parse_numeral("九九九九九九九九九九九"), None);
        assert_eq!(parse_numeral("九九九九九九九九九九十"), None);
    }
}
