//! Matching a pinyin query: against a [`PinyinKey`], or against a text itself (the
//! readings then come from the table of ideographs, so no key is built or kept).

use super::readings::{
    LETTERS, Unit, first_letters, fold_width, han_entry, letter_bit, push_readings,
};
use super::{MIN_QUERY_LEN, POSITION_SEP, PinyinKey, READING_SEP, RUN_SEP};

/// A query prepared for matching many keys or texts; [`matches`] prepares one per call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub(super) letters: Box<[u8]>,
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
        (letters.len() >= MIN_QUERY_LEN).then(|| Query {
            letters: letters.into_boxed_slice(),
        })
    }

    /// Whether the query spells a run of consecutive characters of the key.
    pub fn matches(&self, key: &PinyinKey) -> bool {
        let mut spelling = Spelling::new(&self.letters);
        for run in key.as_str().split(RUN_SEP) {
            spelling.gap();
            for position in run.split(POSITION_SEP).filter(|p| !p.is_empty()) {
                let readings = position.as_bytes();
                if spelling.read(readings, first_letters(readings)) {
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
        let mut spelling = Spelling::new(&self.letters);
        let mut other = String::new();
        for c in text.chars() {
            let c = fold_width(c);
            let (readings, firsts): (&[u8], u64) = if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase() as u8;
                let at = LETTERS.iter().position(|&l| l == lower).unwrap_or(0);
                (&LETTERS[at..=at], letter_bit(lower))
            } else if let Some((readings, firsts)) = han_entry(c) {
                (readings.as_bytes(), *firsts)
            } else {
                other.clear();
                match push_readings(c, &mut other, false) {
                    Unit::Readings => (other.as_bytes(), first_letters(other.as_bytes())),
                    Unit::Separator => (&[], 0),
                }
            };
            if readings.is_empty() {
                spelling.gap();
            } else if spelling.read(readings, firsts) {
                return true;
            }
        }
        false
    }
}

/// Whether `query` spells a run of consecutive characters of the text behind `key`
/// (see the module documentation). Queries shorter than two letters match nothing.
pub fn matches(key: &PinyinKey, query: &str) -> bool {
    Query::new(query).is_some_and(|q| q.matches(key))
}

/// Sets of query positions, one bit each: two words on the stack for any query a person
/// types, more on the heap for longer ones.
enum Bits {
    Two([u64; 2]),
    Many(Vec<u64>),
}

impl Bits {
    fn new(letters: usize) -> Bits {
        match letters.div_ceil(64) {
            0..=2 => Bits::Two([0; 2]),
            words => Bits::Many(vec![0; words]),
        }
    }

    fn words(&mut self) -> &mut [u64] {
        match self {
            Bits::Two(words) => words,
            Bits::Many(words) => words,
        }
    }
}

/// A match in progress, read character by character. The state is the set of query
/// positions reached by a match ending just before the current character, so the cost
/// is linear in the text's length for a given query.
struct Spelling<'q> {
    letters: &'q [u8],
    /// The query's first letter, as a [`letter_bit`].
    first: u64,
    cur: Bits,
    next: Bits,
    /// Whether a partial match is under way (`cur` holds more than the start).
    active: bool,
}

impl<'q> Spelling<'q> {
    fn new(letters: &'q [u8]) -> Spelling<'q> {
        Spelling {
            letters,
            first: letters.first().map_or(0, |&b| letter_bit(b)),
            cur: Bits::new(letters.len()),
            next: Bits::new(letters.len()),
            active: false,
        }
    }

    /// A character that is neither Han nor a letter or digit: it ends every partial match.
    fn gap(&mut self) {
        if self.active {
            self.cur.words().fill(0);
            self.active = false;
        }
    }

    /// The next character, by its comma-joined `readings` and the set of their first
    /// letters; true when the query is now spelled.
    fn read(&mut self, readings: &[u8], firsts: u64) -> bool {
        // Idle, a match can only start at a character with a reading that starts with
        // the query's first letter; any other leaves the state as it is.
        if !self.active && firsts & self.first == 0 {
            return false;
        }
        // A match may start at any character.
        self.cur.words()[0] |= 1;
        let next = self.next.words();
        next.fill(0);
        for (w, &word) in self.cur.words().iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let p = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if step(&self.letters[p..], readings, |len| {
                    let to = p + len;
                    next[to / 64] |= 1 << (to % 64);
                }) {
                    return true;
                }
            }
        }
        std::mem::swap(&mut self.cur, &mut self.next);
        self.active = self.cur.words().iter().any(|&w| w != 0);
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
        if rest.len() <= r.len() && r.starts_with(rest) {
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
        if r.len() > 1 && rest.starts_with(r) {
            advance(r.len());
        }
    }
    false
}
