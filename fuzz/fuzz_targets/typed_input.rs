//! Arbitrary text typed into every field (`track::limits`): never a panic, and whatever a
//! field accepts is within its limit, one line where the field is one line, free of
//! controls and of the invisible fillers that make two names look the same, and accepted
//! again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plantrack::track::limits::{Field, check, is_invisible};

const FIELDS: [Field; 7] = [
    Field::Owner,
    Field::Department,
    Field::Milestone,
    Field::Reason,
    Field::User,
    Field::IndicatorValue,
    Field::Note,
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for field in FIELDS {
        let Ok(value) = check(field, &text) else {
            continue;
        };
        assert!(value.chars().count() <= field.limit(), "{field:?}: {value:?}");
        assert!(!value.is_empty());
        if field.single_line() {
            assert!(!value.contains(['\n', '\r', '\u{2028}', '\u{2029}']), "{field:?}: {value:?}");
            assert!(!value.chars().any(is_invisible), "{field:?}: {value:?}");
        }
        assert!(
            !value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\u{85}')),
            "{field:?}: {value:?}"
        );
        assert_eq!(check(field, &value), Ok(value.clone()), "{field:?}");
    }
    let _ = plantrack::track::limits::parse_date(&text);
});
