//! Two layers of text hygiene (facts-reliability.md §3.3).
//!
//! - [`clean_imported`]: for text being *stored* (imports, pastes, typed input). Line breaks
//!   become `\n`; each terminal escape sequence and each other control character (C0 but TAB
//!   and LF, DEL, C1) is replaced by one visible [`MARKER`] (`〓`), so a reader sees where
//!   something was removed; bidi controls and invisible format characters are removed
//!   without a trace (they have no visible form to mark); runs of combining marks are cut
//!   to [`MAX_COMBINING_RUN`]. The caller reports [`Cleaned::removed`].
//! - [`term_safe`]: for every output boundary outside the TUI's widgets (CLI tables, error
//!   messages, anything printed after the TUI exits). Nothing is deleted silently: each
//!   offending character becomes a visible marker (`^[`, `<U+202E>`), so an escape sequence
//!   is shown as text and cannot act.
//!
//! [`is_terminal_safe`] is the property both guarantee.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::str::Chars;
use unicode_width::UnicodeWidthChar;

/// Longest run of combining marks kept on one base character (zalgo / CVE-2021-27135 class).
pub const MAX_COMBINING_RUN: usize = 4;

/// What [`clean_imported`] puts where it removed an escape sequence or a control character:
/// U+3013 GETA MARK, the typesetter's mark for an unreadable character. It is a wide CJK
/// character (two cells in every terminal, not East Asian Ambiguous), so it cannot shift a
/// layout the way an ambiguous-width symbol would.
pub const MARKER: char = '〓';

/// Text cleaned for storage, and how many code points or escape sequences were removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub removed: usize,
}

impl Cleaned {
    /// True when nothing but white space and [`MARKER`]s is left: the input was only control
    /// characters or escape sequences, so there is nothing worth storing.
    pub fn is_blank(&self) -> bool {
        self.text.chars().all(|c| c.is_whitespace() || c == MARKER)
    }
}

/// Bidi controls and invisible format characters (all Unicode category Cf): never useful in
/// plan text, and able to hide or reorder what a reader sees.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'   // ZWSP, ZWNJ, ZWJ, LRM, RLM
        | '\u{202A}'..='\u{202E}'   // LRE, RLE, PDF, LRO, RLO
        | '\u{2060}'..='\u{2064}'   // word joiner, invisible operators
        | '\u{2066}'..='\u{2069}'   // LRI, RLI, FSI, PDI
        | '\u{206A}'..='\u{206F}'   // deprecated format characters
        | '\u{FEFF}'                // BOM / ZWNBSP mid-text
        | '\u{FFF9}'..='\u{FFFB}'   // interlinear annotation
        | '\u{E0001}' | '\u{E0020}'..='\u{E007F}' // tag characters ("ASCII smuggling")
    )
}

/// Characters a terminal must never receive raw: C0 except TAB and LF, DEL, C1, and the
/// format characters above.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_format(c)
}

/// A combining mark (or other zero-width non-control character) that stacks on the
/// preceding character.
fn is_mark(c: char) -> bool {
    if c.is_ascii() || is_unsafe(c) {
        return false;
    }
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}'
    ) || c.width() == Some(0)
}

/// Does `text` hold anything [`is_terminal_safe`] rejects, or line breaks
/// [`clean_imported`] rewrites?
fn scan(text: &str, also: impl Fn(char) -> bool) -> bool {
    let mut run = 0usize;
    for c in text.chars() {
        // Fast path for what plan text is mostly made of: printable ASCII and CJK unified
        // ideographs are never unsafe nor combining marks.
        if matches!(c, ' '..='~' | '\u{4E00}'..='\u{9FFF}') && !also(c) {
            run = 0;
            continue;
        }
        if is_unsafe(c) || also(c) {
            return true;
        }
        if is_mark(c) {
            run += 1;
            if run > MAX_COMBINING_RUN {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// True when `text` has no C0 control except `\t` and `\n`, no DEL, no C1, no bidi or
/// invisible format character, and no run of more than [`MAX_COMBINING_RUN`] combining marks.
pub fn is_terminal_safe(text: &str) -> bool {
    !scan(text, |_| false)
}

/// Clean text for storage. See the module documentation for what is removed: escape
/// sequences and controls leave one [`MARKER`] each, format characters and excess combining
/// marks nothing. Text that needs no cleaning comes back unchanged.
pub fn clean_imported(text: &str) -> Cleaned {
    if !scan(text, |c| matches!(c, '\r' | '\u{2028}' | '\u{2029}')) {
        return Cleaned {
            text: text.to_owned(),
            removed: 0,
        };
    }
    let mut out = String::with_capacity(text.len());
    let mut removed = 0usize;
    // Marks kept since the last kept base character. A silently removed format character
    // does not end a run, since it vanishes from the output; a marker does (it is a base).
    let mut run = 0usize;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\u{0085}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.clone().next() == Some('\n') {
                    chars.next();
                }
                out.push('\n');
                run = 0;
            }
            '\u{1B}' | '\u{9B}' | '\u{90}' | '\u{98}' | '\u{9D}' | '\u{9E}' | '\u{9F}' => {
                match c {
                    '\u{1B}' => skip_escape(&mut chars),
                    '\u{9B}' => skip_csi(&mut chars),
                    _ => skip_string(&mut chars),
                }
                out.push(MARKER);
                removed += 1;
                run = 0;
            }
            c if is_format(c) => removed += 1,
            c if is_unsafe(c) => {
                out.push(MARKER);
                removed += 1;
                run = 0;
            }
            c if is_mark(c) => {
                if run < MAX_COMBINING_RUN {
                    out.push(c);
                    run += 1;
                } else {
                    removed += 1;
                }
            }
            c => {
                out.push(c);
                run = 0;
            }
        }
    }
    Cleaned { text: out, removed }
}

/// Text read back from a database, made safe to hand to a terminal widget: borrowed when
/// it is already clean (everything plantrack stored itself), otherwise cleaned as on import,
/// with visible markers. For text written behind plantrack's back (another tool, an older
/// version): the widget library draws a zero-width grapheme (a bidi control, ZWSP) into the
/// cell before it, and a base character with all its combining marks, so widgets need clean
/// text.
pub fn for_display(text: &str) -> Cow<'_, str> {
    if is_terminal_safe(text) && !text.contains('\r') {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(clean_imported(text).text)
    }
}

fn peek(chars: &Chars<'_>) -> Option<char> {
    chars.clone().next()
}

/// After ESC: CSI (`[`), a control string (`]` OSC, `P` DCS, `_` APC, `^` PM, `X` SOS), or an
/// escape with optional intermediates (0x20–0x2F) and a final character (0x30–0x7E). Anything
/// else (a Chinese character, a line break) is left alone: only the ESC goes.
fn skip_escape(chars: &mut Chars<'_>) {
    match peek(chars) {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            skip_string(chars);
        }
        _ => {
            let mut ahead = chars.clone();
            let mut next = ahead.next();
            while matches!(next, Some('\u{20}'..='\u{2F}')) {
                next = ahead.next();
            }
            if matches!(next, Some('\u{30}'..='\u{7E}')) {
                *chars = ahead;
            }
        }
    }
}

/// CSI body: parameters and intermediates (0x20–0x3F), then a final character (0x40–0x7E).
/// Stops without consuming at anything else, so ordinary text after a broken CSI survives.
fn skip_csi(chars: &mut Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            '\u{20}'..='\u{3F}' => {
                chars.next();
            }
            '\u{40}'..='\u{7E}' => {
                chars.next();
                return;
            }
            _ => return,
        }
    }
}

/// Control string body, through its terminator: BEL, ST (ESC `\` or U+009C). Without one it
/// ends before the next line break, another ESC, or the end of text — so a stray OSC
/// introducer costs at most the rest of its line, never the rest of the document.
fn skip_string(chars: &mut Chars<'_>) {
    while let Some(c) = peek(chars) {
        match c {
            '\u{07}' | '\u{9C}' => {
                chars.next();
                return;
            }
            '\u{1B}' => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.next() == Some('\\') {
                    *chars = ahead;
                }
                return;
            }
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => return,
            _ => {
                chars.next();
            }
        }
    }
}

/// Make `text` safe to write to a terminal outside the TUI's widgets: C0 and DEL become caret
/// notation (`^[`, `^@`, `^?`), C1 and format characters `<U+009B>`, excess combining marks a
/// `<+N combining marks>` note. `\n` and `\t` are kept. Escape sequences are not interpreted:
/// their ESC becomes `^[` and the rest stays as plain, inert text. Borrowed when already safe.
pub fn term_safe(text: &str) -> Cow<'_, str> {
    if is_terminal_safe(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut run = 0usize;
    let mut excess = 0usize;
    for c in text.chars() {
        if is_mark(c) {
            if run < MAX_COMBINING_RUN {
                out.push(c);
                run += 1;
            } else {
                excess += 1;
            }
            continue;
        }
        flush_excess(&mut out, &mut excess);
        run = 0;
        match c {
            '\u{7F}' => out.push_str("^?"),
            '\u{00}'..='\u{1F}' if c != '\t' && c != '\n' => {
                out.push('^');
                out.push(char::from_u32(u32::from(c) + 0x40).unwrap_or('?'));
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "<U+{:04X}>", u32::from(c));
            }
            c => out.push(c),
        }
    }
    flush_excess(&mut out, &mut excess);
    Cow::Owned(out)
}

fn flush_excess(out: &mut String, excess: &mut usize) {
    if *excess > 0 {
        let _ = write!(out, "<+{excess} combining marks>");
        *excess = 0;
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
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
}
