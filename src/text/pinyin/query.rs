//! Matching a pinyin query against a text itself (the readings come from the table of
//! ideographs, so no key is built or kept), and, for the tests, against a `PinyinKey`.

#[cfg(test)]
use super::keys::{POSITION_SEP, PinyinKey, RUN_SEP};
use super::readings::{
    LETTERS, Unit, first_letters, fold_width, han_entry, han_starting_with, letter_bit,
    push_readings,
};
use super::{MIN_QUERY_LEN, READING_SEP};

/// A query prepared for matching many keys or texts; [`matches`] prepares one per call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub(super) letters: Box<[u8]>,
    /// For each letter and digit (by [`letter_bit`]'s order), the positions (below 128)
    /// where the query has it: a character can only go on from a position whose letter
    /// starts one of its readings, and one mask operation finds those.
    at_letter: Box<[Short; 36]>,
}

impl Query {
    /// Lowercase the query and drop spaces and apostrophes (`xi'an`). `None` when what is
    /// left is shorter than two letters or holds anything but ASCII letters and digits.
    pub fn new(query: &str) -> Option<Query> {
        let mut letters = Vec::with_capacity(query.len());
        for c in query.chars().map(fold_width) {
            match c {
                ' ' | '\'' | '\u{3000}' | '’' => {}
                c if c.is_ascii_alphanumeric() => letters.push(c.to_ascii_lowercase() as u8),
                _ => return None,
            }
        }
        if letters.len() < MIN_QUERY_LEN {
            return None;
        }
        let mut at_letter = Box::new([0; 36]);
        for (position, &letter) in letters.iter().enumerate().take(SHORT_LETTERS) {
            let bit = letter_bit(letter).trailing_zeros() as usize;
            if let Some(positions) = at_letter.get_mut(bit) {
                positions.insert(position);
            }
        }
        Some(Query {
            letters: letters.into_boxed_slice(),
            at_letter,
        })
    }

    /// Whether the query spells a run of consecutive characters of the key.
    #[cfg(test)]
    pub(super) fn matches(&self, key: &PinyinKey) -> bool {
        if self.letters.len() <= SHORT_LETTERS {
            self.matches_key_with::<Short>(key)
        } else {
            self.matches_key_with::<Long>(key)
        }
    }

    #[cfg(test)]
    fn matches_key_with<S: Positions>(&self, key: &PinyinKey) -> bool {
        let mut spelling = Spelling::<S>::new(self);
        for run in key.as_str().split(RUN_SEP) {
            spelling.gap();
            for position in run.split(POSITION_SEP).filter(|p| !p.is_empty()) {
                let readings = position.as_bytes();
                if spelling.read(first_letters(readings), || readings) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the query spells a run of consecutive characters of `text` itself: the
    /// same answer as [`Query::matches`] on the text's key, without building the key, so
    /// a search over 100k titles needs neither 150 ms of keys nor 17 MiB to keep them.
    pub fn matches_text(&self, text: &str) -> bool {
        self.matches_utf8(text.as_bytes())
    }

    /// [`Query::matches_text`] on UTF-8 bytes, as SQLite hands a text over: checking
    /// 100k titles for valid UTF-8 first took as long as matching them. A byte sequence
    /// that is not UTF-8 ends a match, like punctuation.
    pub fn matches_utf8(&self, text: &[u8]) -> bool {
        if self.letters.len() <= SHORT_LETTERS {
            self.matches_utf8_with::<Short>(text)
        } else {
            self.matches_utf8_with::<Long>(text)
        }
    }

    fn matches_utf8_with<S: Positions>(&self, text: &[u8]) -> bool {
        let mut spelling = Spelling::<S>::new(self);
        // The ideographs a match can start at (`None`: the query starts with a digit).
        let starting = self.letters.first().and_then(|&b| han_starting_with(b));
        let mut other = String::new();
        let mut at = 0;
        loop {
            // Most characters of a title are ideographs that cannot start a match: while
            // none is under way, they are passed over a bit each.
            if !spelling.active
                && let Some(starting) = starting
            {
                at = starting.skip_others(text, at);
            }
            let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) else {
                return false;
            };
            let c = match first_char(rest) {
                Ok((c, width)) => {
                    at += width;
                    fold_width(c)
                }
                Err(invalid) => {
                    at += invalid;
                    spelling.gap();
                    continue;
                }
            };
            let matched = if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase() as u8;
                let at = LETTERS.iter().position(|&l| l == lower).unwrap_or(0);
                spelling.read(letter_bit(lower), || &LETTERS[at..=at])
            } else if let Some((readings, firsts)) = han_entry(c) {
                if readings.is_empty() {
                    spelling.gap();
                    false
                } else {
                    spelling.read(firsts, || readings)
                }
            } else {
                other.clear();
                match push_readings(c, &mut other, false) {
                    Unit::Readings => {
                        spelling.read(first_letters(other.as_bytes()), || other.as_bytes())
                    }
                    Unit::Separator => {
                        spelling.gap();
                        false
                    }
                }
            };
            if matched {
                return true;
            }
        }
    }
}

/// The character `bytes` starts with and its length, or how many bytes to pass over
/// when they do not start with a UTF-8 sequence (or are empty). Decoded by hand: only
/// this character's bytes are looked at, never the rest of the text.
pub(super) fn first_char(bytes: &[u8]) -> Result<(char, usize), usize> {
    let lead = *bytes.first().ok_or(1usize)?;
    if lead < 0x80 {
        return Ok((char::from(lead), 1));
    }
    let (width, least) = match lead {
        0xC2..=0xDF => (2, 0x80),
        0xE0..=0xEF => (3, 0x800),
        0xF0..=0xF4 => (4, 0x1_0000),
        _ => return Err(1),
    };
    let sequence = bytes.get(1..width).ok_or(1usize)?;
    let mut code = u32::from(lead) & (0x7F >> width);
    for &byte in sequence {
        if byte & 0xC0 != 0x80 {
            return Err(1);
        }
        code = (code << 6) | u32::from(byte & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    match char::from_u32(code) {
        Some(c) if code >= least => Ok((c, width)),
        _ => Err(1),
    }
}

/// Whether `query` spells a run of consecutive characters of the text behind `key`
/// (see the module documentation). Queries shorter than two letters match nothing.
#[cfg(test)]
pub(super) fn matches(key: &PinyinKey, query: &str) -> bool {
    Query::new(query).is_some_and(|q| q.matches(key))
}

/// A set of query positions (how many letters a match under way has spelled).
trait Positions {
    fn empty(letters: usize) -> Self;
    fn insert(&mut self, position: usize);
    /// Take out the smallest position.
    fn pop_first(&mut self) -> Option<usize>;
    fn is_empty(&self) -> bool;
    fn clear(&mut self);
    /// Keep only the positions whose letter is in `firsts` (a set of [`letter_bit`]s).
    fn keep_spelled(&mut self, query: &Query, firsts: u64);
}

/// The positions of any query a person types (up to 128 letters), in one register.
type Short = u128;

/// The longest query whose positions (0 to its length less one) a [`Short`] holds.
const SHORT_LETTERS: usize = 128;

impl Positions for Short {
    fn empty(_: usize) -> Self {
        0
    }
    fn insert(&mut self, position: usize) {
        *self |= 1 << position;
    }
    fn pop_first(&mut self) -> Option<usize> {
        let first = (*self != 0).then(|| self.trailing_zeros() as usize);
        *self &= self.wrapping_sub(1);
        first
    }
    fn is_empty(&self) -> bool {
        *self == 0
    }
    fn clear(&mut self) {
        *self = 0;
    }
    fn keep_spelled(&mut self, query: &Query, firsts: u64) {
        let mut allowed = 0;
        let mut letters = firsts;
        while letters != 0 {
            if let Some(positions) = query.at_letter.get(letters.trailing_zeros() as usize) {
                allowed |= positions;
            }
            letters &= letters - 1;
        }
        *self &= allowed;
    }
}

/// The positions of a longer query: one bit each, on the heap.
struct Long(Vec<u64>);

impl Positions for Long {
    fn empty(letters: usize) -> Self {
        Long(vec![0; letters.div_ceil(64)])
    }
    fn insert(&mut self, position: usize) {
        self.0[position / 64] |= 1 << (position % 64);
    }
    fn pop_first(&mut self) -> Option<usize> {
        let (w, word) = self
            .0
            .iter_mut()
            .enumerate()
            .find(|(_, word)| **word != 0)?;
        let bit = word.trailing_zeros() as usize;
        *word &= *word - 1;
        Some(w * 64 + bit)
    }
    fn is_empty(&self) -> bool {
        self.0.iter().all(|&word| word == 0)
    }
    fn clear(&mut self) {
        self.0.fill(0);
    }
    fn keep_spelled(&mut self, query: &Query, firsts: u64) {
        for (w, word) in self.0.iter_mut().enumerate() {
            let mut bits = *word;
            while bits != 0 {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if firsts & letter_bit(query.letters[w * 64 + bit]) == 0 {
                    *word &= !(1 << bit);
                }
            }
        }
    }
}

/// A match in progress, read character by character. The state is the set of query
/// positions reached by a match ending just before the current character, so the cost
/// is linear in the text's length for a given query.
struct Spelling<'q, S> {
    query: &'q Query,
    cur: S,
    next: S,
    /// Whether a partial match is under way (`cur` is not empty).
    active: bool,
}

impl<'q, S: Positions> Spelling<'q, S> {
    fn new(query: &'q Query) -> Spelling<'q, S> {
        Spelling {
            query,
            cur: S::empty(query.letters.len()),
            next: S::empty(query.letters.len()),
            active: false,
        }
    }

    /// A character that is neither Han nor a letter or digit: it ends every partial match.
    fn gap(&mut self) {
        if self.active {
            self.cur.clear();
            self.active = false;
        }
    }

    /// The next character, by the set of the first letters of its readings and (asked
    /// only when some match can go on through it) its comma-joined readings; true when
    /// the query is now spelled.
    fn read<'r>(&mut self, firsts: u64, readings: impl FnOnce() -> &'r [u8]) -> bool {
        // A match may start at any character.
        self.cur.insert(0);
        // Every way of spelling a character starts with the first letter of one of its
        // readings: a position whose next letter is none of them ends here. Most
        // characters end every match under way and start none, without a look at their
        // readings.
        self.cur.keep_spelled(self.query, firsts);
        if self.cur.is_empty() {
            self.active = false;
            return false;
        }
        let readings = readings();
        let letters = &self.query.letters;
        let next = &mut self.next;
        while let Some(p) = self.cur.pop_first() {
            if step(&letters[p..], readings, |len| next.insert(p + len)) {
                return true;
            }
        }
        // `cur` is empty now: it becomes the next character's `next`.
        std::mem::swap(&mut self.cur, &mut self.next);
        self.active = !self.cur.is_empty();
        false
    }
}

/// Try every way one character (its comma-joined `readings`) can consume the start of
/// `rest` (never empty). Returns true when it can consume all of `rest` (the query is
/// matched); otherwise reports every shorter consumption through `advance`.
pub(super) fn step(rest: &[u8], readings: &[u8], mut advance: impl FnMut(usize)) -> bool {
    let Some(&first) = rest.first() else {
        return true;
    };
    for r in readings.split(|&b| b == READING_SEP as u8) {
        // Every way of spelling a reading starts with its first letter.
        if r.first() != Some(&first) {
            continue;
        }
        // The last character: any prefix of a reading.
        if starts_with(r, rest) {
            return true;
        }
        // The initial letter.
        advance(1);
        // zh, ch, sh.
        if r.len() > 2
            && r[1] == b'h'
            && matches!(r[0], b'z' | b'c' | b's')
            && rest.get(1) == Some(&b'h')
        {
            advance(2);
        }
        // The whole reading (longer than its initial).
        if r.len() > 1 && starts_with(rest, r) {
            advance(r.len());
        }
    }
    false
}

/// `text.starts_with(prefix)` for the few letters of a reading, compared in place: a call
/// to `memcmp` for each took a tenth of a search.
fn starts_with(text: &[u8], prefix: &[u8]) -> bool {
    prefix.len() <= text.len() && prefix.iter().zip(text).all(|(a, b)| a == b)
}
