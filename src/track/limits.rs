//! What a typed value may be: the length limit of every text field, which fields are one
//! line, the characters no name may hold, and the dates that exist. One place, enforced at
//! the store's door (every edit, every `load`) and shown by the prompts.

use chrono::{Datelike, NaiveDate};

/// A text field people fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Owner,
    Department,
    Milestone,
    /// The reason of an extension (延期).
    Reason,
    /// Who makes changes (`--user`).
    User,
    IndicatorValue,
    Note,
}

impl Field {
    /// Longest value, in characters.
    pub const fn limit(self) -> usize {
        match self {
            Field::Owner | Field::Department | Field::User | Field::IndicatorValue => 64,
            Field::Milestone | Field::Reason => 200,
            Field::Note => 20_000,
        }
    }

    /// Whether the value is one line (a name, a title), shown in one row of a table.
    pub const fn single_line(self) -> bool {
        !matches!(self, Field::Note)
    }

    pub const fn label(self) -> (&'static str, &'static str) {
        match self {
            Field::Owner => ("负责人", "owner"),
            Field::Department => ("责任单位", "department"),
            Field::Milestone => ("节点名称", "milestone title"),
            Field::Reason => ("延期原因", "reason"),
            Field::User => ("用户名", "user name"),
            Field::IndicatorValue => ("指标值", "indicator value"),
            Field::Note => ("备注", "note"),
        }
    }
}

/// Why a value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLong {
        chars: usize,
    },
    LineBreak,
    /// An invisible or filler character that makes two names look the same (U+3164 …).
    Invisible(char),
    /// A control character.
    Control(char),
    /// A character kept for separating stored parts (the ｜ of a person's record).
    Reserved(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub field: Field,
    pub problem: Problem,
}

impl Refused {
    pub fn describe(&self, zh: bool) -> String {
        let (label_zh, label_en) = self.field.label();
        let limit = self.field.limit();
        match (&self.problem, zh) {
            (Problem::Empty, true) => format!("{label_zh}不能为空"),
            (Problem::Empty, false) => format!("the {label_en} cannot be empty"),
            (Problem::TooLong { chars }, true) => {
                format!("{label_zh}最多 {limit} 个字，这里有 {chars} 个")
            }
            (Problem::TooLong { chars }, false) => {
                format!("the {label_en} has {chars} characters; at most {limit} are allowed")
            }
            (Problem::LineBreak, true) => format!("{label_zh}只能是一行，不能换行"),
            (Problem::LineBreak, false) => {
                format!("the {label_en} is one line: line breaks are not allowed")
            }
            (Problem::Invisible(c), true) => format!(
                "{label_zh}含有不可见或填充字符 U+{:04X}，会让两个名称看起来相同",
                u32::from(*c)
            ),
            (Problem::Invisible(c), false) => format!(
                "the {label_en} holds the invisible or filler character U+{:04X}, which makes two names look the same",
                u32::from(*c)
            ),
            (Problem::Control(c), true) => {
                format!("{label_zh}含有控制字符 U+{:04X}", u32::from(*c))
            }
            (Problem::Control(c), false) => format!(
                "the {label_en} holds the control character U+{:04X}",
                u32::from(*c)
            ),
            (Problem::Reserved(c), true) => format!("{label_zh}不能含有“{c}”"),
            (Problem::Reserved(c), false) => format!("the {label_en} cannot hold “{c}”"),
        }
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(false))
    }
}

/// Characters that show nothing, or show as a blank that is not a space: a name holding
/// one looks like another name (王敏ㅤ and 王敏).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{3164}' // Hangul filler
            | '\u{115F}' | '\u{1160}' // Hangul choseong/jungseong fillers
            | '\u{FFA0}' // halfwidth Hangul filler
            | '\u{200B}'..='\u{200F}' // zero-width space, joiners, direction marks
            | '\u{202A}'..='\u{202E}' // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{FEFF}' // zero-width no-break space
            | '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{180E}' // Mongolian vowel separator
            | '\u{2800}' // braille blank
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
    )
}

/// The value as stored: surrounding white space trimmed; refused when empty (unless
/// `may_be_empty`), too long, or holding what the field may not hold.
pub fn check(field: Field, text: &str) -> Result<String, Refused> {
    let refuse = |problem| Refused { field, problem };
    let value = text.trim();
    if value.is_empty() {
        return Err(refuse(Problem::Empty));
    }
    let chars = value.chars().count();
    if chars > field.limit() {
        return Err(refuse(Problem::TooLong { chars }));
    }
    for c in value.chars() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' if field.single_line() => {
                return Err(refuse(Problem::LineBreak));
            }
            '\n' | '\t' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => {}
            c if c.is_control() => return Err(refuse(Problem::Control(c))),
            c if field.single_line() && is_invisible(c) => {
                return Err(refuse(Problem::Invisible(c)));
            }
            _ => {}
        }
    }
    Ok(value.to_string())
}

/// The years a date of a plan may be in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// Whether a date is one a plan may hold (in [`YEARS`]).
pub fn date_in_range(date: NaiveDate) -> bool {
    YEARS.contains(&date.year())
}

/// The dates of an item: the due date may not come before the start.
pub fn period_ok(start: Option<NaiveDate>, due: Option<NaiveDate>) -> bool {
    match (start, due) {
        (Some(start), Some(due)) => due >= start,
        _ => true,
    }
}

/// A calendar date written `YYYY-MM-DD` that exists, in [`YEARS`].
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_are_one_visible_line_within_their_limit() {
        assert_eq!(check(Field::Owner, "  王敏 ").as_deref(), Ok("王敏"));
        let forged = check(Field::Owner, "王敏\n  #99 2/1 伪造事项").unwrap_err();
        assert_eq!(forged.problem, Problem::LineBreak);
        let filler = check(Field::Owner, "王敏\u{3164}").unwrap_err();
        assert_eq!(filler.problem, Problem::Invisible('\u{3164}'));
        let long = "王".repeat(65);
        assert_eq!(
            check(Field::Owner, &long).unwrap_err().problem,
            Problem::TooLong { chars: 65 }
        );
        assert!(check(Field::Note, "第一行\n第二行").is_ok());
        assert_eq!(check(Field::Note, " ").unwrap_err().problem, Problem::Empty);
        assert!(check(Field::Department, "省发改委\u{1b}").is_err());
    }

    #[test]
    fn only_dates_that_exist_in_sensible_years() {
        assert!(parse_date("2026-06-30").is_some());
        for bad in [
            "2026-02-30",
            "0000-01-01",
            "2026-6-30",
            "20260630",
            "tomorrow",
            "9999-01-01",
        ] {
            assert!(parse_date(bad).is_none(), "{bad}");
        }
    }
}
