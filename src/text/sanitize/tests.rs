//! Cleaning imported text and making any text safe for a terminal, against every kind of
//! control and escape sequence.

use super::*;
use proptest::prelude::*;

/// Every bidi control and invisible format character named in §3.3, plus a tag character.
const FORMAT: &str = "\u{061C}\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\
    \u{2066}\u{2067}\u{2068}\u{2069}\u{200B}\u{200C}\u{200D}\u{2060}\u{2061}\u{2062}\
    \u{2063}\u{2064}\u{FEFF}\u{00AD}\u{180E}\u{E0041}";

fn clean(s: &str) -> (String, usize) {
    let c = clean_imported(s);
    (c.text, c.removed)
}

#[test]
fn every_c0_del_and_c1_code_point() {
    for cp in (0u32..0x20).chain(0x7F..0xA0) {
        let c = char::from_u32(cp).unwrap();
        let s = format!("前{c}后\n尾");
        let got = clean(&s);
        let want = match c {
            '\t' | '\n' => (s.clone(), 0),
            '\r' | '\u{85}' => ("前\n后\n尾".to_owned(), 0),
            // A control-string introducer takes the rest of its line with it.
            '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => ("前〓\n尾".to_owned(), 1),
            _ => ("前〓后\n尾".to_owned(), 1),
        };
        assert_eq!(got, want, "U+{cp:04X}");
        assert!(is_terminal_safe(&got.0), "U+{cp:04X}");

        let shown = term_safe(&s);
        let want = match cp {
            0x09 | 0x0A => s.clone(),
            0x7F => "前^?后\n尾".to_owned(),
            0..0x20 => format!("前^{}后\n尾", char::from_u32(cp + 0x40).unwrap()),
            _ => format!("前<U+{cp:04X}>后\n尾"),
        };
        assert_eq!(shown, want, "U+{cp:04X}");
        assert!(is_terminal_safe(&shown));
        assert_eq!(is_terminal_safe(&s), cp == 0x09 || cp == 0x0A, "U+{cp:04X}");
    }
    assert_eq!(term_safe("\0\x1b\x7f"), "^@^[^?");
}

#[test]
fn bidi_and_format_characters() {
    for c in FORMAT.chars() {
        let s = format!("bidi {c}txt.exe ok");
        assert_eq!(clean(&s), ("bidi txt.exe ok".to_owned(), 1), "{c:?}");
        let want = format!("bidi <U+{:04X}>txt.exe ok", u32::from(c));
        assert_eq!(term_safe(&s), want);
        assert!(!is_terminal_safe(&s), "{c:?}");
    }
}

#[test]
fn line_breaks_become_lf() {
    let s = "a\r\nb\rc\u{2028}d\u{2029}e\u{85}f";
    assert_eq!(clean(s), ("a\nb\nc\nd\ne\nf".to_owned(), 0));
}

#[test]
fn escape_sequences_go_whole_on_import_and_are_inert_on_output() {
    let cases: &[(&str, &str)] = &[
        ("a\x1b]0;PWNED\x07b", "a〓b"), // OSC 0 title
        ("\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\", "〓click〓"), // OSC 8 link
        ("x\x1b]52;c;cm0gLXJmIH4=\x07y", "x〓y"), // OSC 52 clipboard
        ("\x1b[2J\x1b[31mred\x1b[0m", "〓〓red〓"), // CSI
        ("\x1b[?1049h全屏", "〓全屏"),
        ("s\x1bPq#0;2;0;0;0#1!6~-\x1b\\e", "s〓e"), // DCS sixel
        ("\x1b_apc\x1b\\|\x1b^pm\x07|\x1bXsos\u{9c}", "〓|〓|〓"), // APC, PM, SOS
        ("\u{9b}31m红\u{9d}0;t\u{07}!\u{90}q\u{9c}.", "〓红〓!〓."), // 8-bit forms
        ("\x1b(B\x1b7\x1bc中", "〓〓〓中"),         // nF and Fp/Fs escapes
        ("\x1b中文", "〓中文"),                     // lone ESC keeps the text
        ("\x1b]0;unterminated title\n下一行", "〓\n下一行"), // OSC ends at the line
        ("end\x1b", "end〓"),
    ];
    for (input, want) in cases {
        let got = clean_imported(input);
        assert_eq!(&got.text, want, "{input:?}");
        assert!(got.removed > 0);
        let shown = term_safe(input);
        assert!(is_terminal_safe(&shown), "{shown:?}");
        assert!(
            !shown.contains('\x1b') && !shown.contains('\x07'),
            "{shown:?}"
        );
    }
    assert_eq!(clean_imported("\x1b[2J\x1b[31mred").removed, 2);
    assert_eq!(term_safe("a\x1b]0;PWNED\x07b"), "a^[]0;PWNED^Gb");
    assert_eq!(term_safe("\x1b[2Jx"), "^[[2Jx");
    assert_eq!(term_safe("\u{9b}31m"), "<U+009B>31m");
}

#[test]
fn combining_runs_are_cut_to_four() {
    let zalgo = format!("Z{}a", "\u{0301}".repeat(1000));
    let got = clean_imported(&zalgo);
    assert_eq!(got.text, format!("Z{}a", "\u{0301}".repeat(4)));
    assert_eq!(got.removed, 996);
    assert!(!is_terminal_safe(&zalgo));
    let shown = term_safe(&zalgo);
    assert_eq!(
        shown,
        format!("Z{}<+996 combining marks>a", "\u{0301}".repeat(4))
    );
    // Four marks are fine; a silently removed format character inside a run does not
    // reset it, a control's visible marker does (it is a base character of its own).
    let four = "e\u{0301}\u{0302}\u{0303}\u{0304}";
    assert!(is_terminal_safe(four));
    let split = "e\u{0301}\u{0302}\u{0303}\u{200B}\u{0304}\u{0305}";
    assert_eq!(
        clean(split),
        ("e\u{0301}\u{0302}\u{0303}\u{0304}".to_owned(), 2)
    );
    let marked = "e\u{0301}\u{0302}\u{0303}\x01\u{0304}\u{0305}";
    assert_eq!(
        clean(marked),
        ("e\u{0301}\u{0302}\u{0303}〓\u{0304}\u{0305}".to_owned(), 1)
    );
}

#[test]
fn plain_chinese_is_untouched_and_borrowed() {
    let s = "湖南省推进以人为本的新型城镇化行动方案（2024—2026年）\n\t一、总体要求 ①②";
    assert!(is_terminal_safe(s));
    assert!(matches!(term_safe(s), Cow::Borrowed(x) if x == s));
    assert_eq!(clean(s), (s.to_owned(), 0));
    // One variation selector or a Hangul syllable's jamo are not a "run".
    assert!(is_terminal_safe("葛\u{E0100}、\u{1100}\u{1161}\u{11A8}"));
}

#[test]
fn one_visible_marker_per_removed_control_or_sequence() {
    // Each escape sequence, whatever its length, is one marker; so is each control.
    let got = clean_imported("甲\x1b]0;PWNED\x07乙\x00\x00丙\x1b[2J\u{7f}丁");
    assert_eq!(got.text, "甲〓乙〓〓丙〓〓丁");
    assert_eq!(got.removed, 5);
    // Format and bidi characters go without a marker: they have no visible form.
    assert_eq!(
        clean("甲\u{202E}乙\u{200B}丙\u{FEFF}"),
        ("甲乙丙".to_owned(), 3)
    );
    // The marker itself is ordinary text: cleaning again changes nothing.
    let again = clean_imported(&got.text);
    assert_eq!((again.text.as_str(), again.removed), (got.text.as_str(), 0));
    // The marker is wide, not East Asian Ambiguous: two cells everywhere.
    assert_eq!(MARKER.width(), Some(2));
}

#[test]
fn for_display_borrows_clean_text_and_marks_the_rest() {
    let clean = "湖南省〓规划\n\t第一章";
    assert!(matches!(for_display(clean), Cow::Borrowed(x) if x == clean));
    assert_eq!(for_display("甲\x1b[2J乙\u{202E}丙\r\n"), "甲〓乙丙\n");
    let zalgo = format!("Z{}", "\u{0301}".repeat(1000));
    assert_eq!(for_display(&zalgo), format!("Z{}", "\u{0301}".repeat(4)));
}

#[test]
fn only_controls_is_blank() {
    assert!(clean_imported("\x1b]0;PWNED\x07").is_blank());
    assert!(clean_imported(" \x00\t\x1b[2J \u{202E}").is_blank());
    assert!(clean_imported("").is_blank());
    assert!(!clean_imported("\x1b[31m红").is_blank());
}

const MIXED: &[char] = &[
    '\u{0301}', '\u{20D0}', '\u{1AB0}', '[', ']', '\\', 'P', '\u{2028}', '中', ';', '0',
];

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        any::<char>(),
        (0u32..0x20).prop_map(|u| char::from_u32(u).unwrap_or('?')),
        (0x7Fu32..0xA0).prop_map(|u| char::from_u32(u).unwrap_or('?')),
        prop::sample::select(FORMAT.chars().collect::<Vec<_>>()),
        prop::sample::select(MIXED),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]
    #[test]
    fn output_is_always_terminal_safe(chars in prop::collection::vec(hostile_char(), 0..48)) {
        let s: String = chars.into_iter().collect();
        let cleaned = clean_imported(&s);
        prop_assert!(is_terminal_safe(&cleaned.text), "{:?} -> {:?}", s, cleaned.text);
        let markers = cleaned.text.chars().filter(|&c| c == MARKER).count()
            - s.chars().filter(|&c| c == MARKER).count();
        prop_assert!(markers <= cleaned.removed, "{:?} -> {:?}", s, cleaned.text);
        prop_assert_eq!(cleaned.removed == 0, clean_imported(&cleaned.text) == cleaned);
        let shown = term_safe(&s);
        prop_assert!(is_terminal_safe(&shown), "{:?} -> {:?}", s, shown);
        prop_assert_eq!(matches!(shown, Cow::Borrowed(_)), is_terminal_safe(&s));
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        prop_assert!(is_terminal_safe(&clean_imported(&s).text));
        prop_assert!(is_terminal_safe(&term_safe(&s)));
    }
}
