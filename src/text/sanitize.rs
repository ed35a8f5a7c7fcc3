//! Two layers of text hygiene (README, "Reliability").
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
mod tests;
