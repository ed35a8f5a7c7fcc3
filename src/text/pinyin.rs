//! Pinyin search keys, so titles can be found without a Chinese input method.
//!
//! [`key`] turns a text into a compact [`PinyinKey`]: every Han character keeps all its
//! toneless readings (heteronyms included: 长 is both `chang` and `zhang`), ASCII letters
//! and digits stand for themselves, and every other character (punctuation, spaces,
//! quotes) breaks the text into runs that a match may not span.
//!
//! [`matches`] accepts a query that spells a run of consecutive characters, each by its
//! initial (`c`, or `ch`/`zh`/`sh`) or by a full reading; the last character may be
//! spelled by any prefix of a reading, so a title matches while the user is still typing:
//! `czt`, `changzhutan`, `zhangzhutan`, `changzt` and `changzhut` all find 长株潭.
//!
//! `ü` is written `v` (绿 is `lv`), as in every pinyin input method.

use pinyin::ToPinyinMulti;

/// Separates positions (characters) inside a run.
const POSITION_SEP: char = ' ';
/// Separates the readings of one position.
const READING_SEP: char = ',';
/// Separates runs: stands for one or more characters that are neither Han nor ASCII
/// letters or digits.
const RUN_SEP: char = '|';

/// Shortest query that can match anything; one letter would match almost every title.
const MIN_QUERY_LEN: usize = 2;

/// The pinyin readings of a text, for [`matches`].
///
/// Stored as one string to stay small (the store keeps one per item title): runs are
/// separated by `|`, the characters of a run by a space, and the readings of one
/// character by a comma, e.g. 长株潭（试点） → `zhang,chang zhu tan,xun,yin,dan|shi dian`.
/// Some six bytes per character, plus one 16-byte header; no per-character allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PinyinKey {
    encoded: Box<str>,
}

impl PinyinKey {
    /// The encoded readings (see the type documentation); empty when the text has no
    /// Han characters, letters or digits.
    pub fn as_str(&self) -> &str {
        &self.encoded
    }

    /// Whether the text had nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.encoded.is_empty()
    }
}

/// What one character of a text contributes to a key.
enum Unit {
    /// A Han character (its readings) or an ASCII letter or digit (itself, lowercased).
    Readings,
    /// Anything else: breaks a match.
    Separator,
}

/// Fold full-width ASCII letters and digits (`５Ｇ`) to ASCII.
fn fold_width(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Append the readings of `c` to `out`, comma-separated, lowercase ASCII, without
/// duplicates (several toned readings share one plain spelling). `ü` is spelled `v`;
/// `lüe` and `nüe` also as `lue` and `nue`, as input methods accept both. `first_only`
/// keeps only the first reading. Says whether `c` has readings or is a separator.
fn push_readings(c: char, out: &mut String, first_only: bool) -> Unit {
    let c = fold_width(c);
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
        return Unit::Readings;
    }
    let Some(multi) = c.to_pinyin_multi() else {
        return Unit::Separator;
    };
    let start = out.len();
    for reading in multi {
        // The longest plain reading has six letters (zhuang).
        let mut buf = [0u8; 8];
        let mut len = 0;
        for r in reading.plain().chars() {
            let b = match r {
                'ü' => b'v',
                'ê' => b'e',
                r if r.is_ascii_alphabetic() => r.to_ascii_lowercase() as u8,
                _ => continue,
            };
            if let Some(slot) = buf.get_mut(len) {
                *slot = b;
                len += 1;
            }
        }
        let Ok(spelled) = std::str::from_utf8(&buf[..len]) else {
            continue;
        };
        push_unique(out, start, spelled);
        if first_only && out.len() > start {
            break;
        }
        match spelled {
            "lve" => push_unique(out, start, "lue"),
            "nve" => push_unique(out, start, "nue"),
            _ => {}
        }
    }
    if out.len() > start {
        Unit::Readings
    } else {
        Unit::Separator
    }
}

/// Append `reading` to the readings of one character (those in `out[start..]`) unless
/// it is empty or already there.
fn push_unique(out: &mut String, start: usize, reading: &str) {
    let known = out
        .get(start..)
        .is_some_and(|old| old.split(READING_SEP).any(|old| old == reading));
    if reading.is_empty() || known {
        return;
    }
    if out.len() > start {
        out.push(READING_SEP);
    }
    out.push_str(reading);
}

/// The reading [`initials`] and [`full`] use where the first one the pinyin data lists
/// is not the one plans mostly mean (counted in the texts under `seed/`): 长沙, 长株潭,
/// 长江 (not 增长); 都市圈 (not 都要); 协调, 调整 (not 调查).
const PREFERRED_READING: &[(char, &str)] = &[('长', "chang"), ('都', "du"), ('调', "tiao")];

/// First and last of the CJK unified ideographs (the basic block), which plan titles are
/// almost entirely made of.
const HAN_FIRST: u32 = 0x4E00;
const HAN_LAST: u32 = 0x9FFF;

/// The encoded readings of a CJK unified ideograph ("" for none), from a table built on
/// first use (some 5 ms): a key is then a lookup per character instead of a walk through
/// the pinyin data, five times faster over 100k titles. `None` outside the block.
fn han_readings(c: char) -> Option<&'static str> {
    han_entry(c).map(|(readings, _)| &**readings)
}

/// The readings of an ideograph of the basic block and the set of their first letters
/// ([`letter_bit`]).
fn han_entry(c: char) -> Option<&'static (Box<str>, u64)> {
    static TABLE: std::sync::OnceLock<Vec<(Box<str>, u64)>> = std::sync::OnceLock::new();
    let index = u32::from(c).checked_sub(HAN_FIRST)?;
    if u32::from(c) > HAN_LAST {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (HAN_FIRST..=HAN_LAST)
            .map(|code| {
                let mut readings = String::new();
                if let Some(c) = char::from_u32(code) {
                    push_readings(c, &mut readings, false);
                }
                let mask = first_letters(readings.as_bytes());
                (readings.into_boxed_str(), mask)
            })
            .collect()
    });
    table.get(index as usize)
}

/// One bit per letter and digit.
fn letter_bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 0,
    }
}

/// The first letters of comma-joined readings, as [`letter_bit`]s.
fn first_letters(readings: &[u8]) -> u64 {
    readings
        .split(|&b| b == READING_SEP as u8)
        .filter_map(|r| r.first())
        .fold(0, |mask, &b| mask | letter_bit(b))
}

/// Each ASCII letter and digit read as itself.
const LETTERS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// Build the search key of a text.
pub fn key(text: &str) -> PinyinKey {
    let mut encoded = String::with_capacity(text.len() * 2);
    // What to write before the next position, if anything is written at all.
    let mut pending: Option<char> = None;
    for c in text.chars() {
        let mark = encoded.len();
        if let Some(sep) = pending {
            encoded.push(sep);
        }
        let unit = match han_readings(c) {
            Some("") => Unit::Separator,
            Some(readings) => {
                encoded.push_str(readings);
                Unit::Readings
            }
            None => push_readings(c, &mut encoded, false),
        };
        match unit {
            Unit::Readings => pending = Some(POSITION_SEP),
            Unit::Separator => {
                encoded.truncate(mark);
                if pending.is_some() {
                    pending = Some(RUN_SEP);
                }
            }
        }
    }
    PinyinKey {
        encoded: encoded.into_boxed_str(),
    }
}

/// The first reading of every character (or only its first letter), but see
/// [`PREFERRED_READING`]; runs of other characters become one space, none at either end.
fn first_readings(text: &str, initial_only: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut reading = String::new();
    let mut gap = false;
    for c in text.chars() {
        reading.clear();
        let preferred = PREFERRED_READING.iter().find(|(p, _)| *p == c);
        let unit = match preferred {
            Some((_, r)) => {
                reading.push_str(r);
                Unit::Readings
            }
            None => push_readings(c, &mut reading, true),
        };
        match unit {
            Unit::Readings => {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                if initial_only {
                    out.extend(reading.chars().next());
                } else {
                    out.push_str(&reading);
                }
            }
            Unit::Separator => gap = true,
        }
    }
    out
}

/// The initial of every character, by its first reading (长 is `c`, see
/// [`PREFERRED_READING`]), for a database column:
/// 株洲市“十四五”新型城镇化 → `zzs ssw xxczh`. ASCII letters and digits are kept
/// (lowercased); every run of other characters becomes one space.
pub fn initials(text: &str) -> String {
    first_readings(text, true)
}

/// The first reading of every character (长 is `chang`, see [`PREFERRED_READING`]), for a
/// database column or display:
/// 长株潭 → `changzhutan`. ASCII letters and digits are kept (lowercased); every run of
/// other characters becomes one space.
pub fn full(text: &str) -> String {
    first_readings(text, false)
}

/// A query prepared for matching many keys; [`matches`] prepares one per call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    letters: Box<[u8]>,
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
    ///
    /// One forward pass over the key. The state is the set of query positions reached
    /// by a match ending just before the current character, as a bitset; so the cost is
    /// linear in the key's length for a given query.
    pub fn matches(&self, key: &PinyinKey) -> bool {
        let words = self.letters.len().div_ceil(64);
        if words <= 2 {
            let mut buf = [0u64; 4];
            let (cur, next) = buf.split_at_mut(2);
            self.run(key, &mut cur[..words], &mut next[..words])
        } else {
            let mut buf = vec![0u64; words * 2];
            let (cur, next) = buf.split_at_mut(words);
            self.run(key, cur, next)
        }
    }

    /// Whether the query spells a run of consecutive characters of `text` itself: the
    /// same answer as [`Query::matches`] on the text's [`key`], without building the key
    /// (readings come from the table of ideographs), so a search over 100k titles needs
    /// neither 150 ms of keys nor 17 MiB to keep them.
    pub fn matches_text(&self, text: &str) -> bool {
        let q = &self.letters[..];
        let Some(&first) = q.first() else {
            return true;
        };
        let first = letter_bit(first);
        let words = q.len().div_ceil(64);
        let mut small = [0u64; 4];
        let mut large = Vec::new();
        let (mut cur, mut next) = if words <= 2 {
            let (cur, next) = small.split_at_mut(2);
            (&mut cur[..words], &mut next[..words])
        } else {
            large.resize(words * 2, 0u64);
            large.split_at_mut(words)
        };
        let mut active = false;
        let mut other = String::new();
        for c in text.chars() {
            let c = fold_width(c);
            let (readings, mask): (&[u8], u64) = if c.is_ascii_alphanumeric() {
                let lower = c.to_ascii_lowercase() as u8;
                let at = LETTERS.iter().position(|&l| l == lower).unwrap_or(0);
                (&LETTERS[at..=at], letter_bit(lower))
            } else if let Some((readings, mask)) = han_entry(c) {
                (readings.as_bytes(), *mask)
            } else {
                other.clear();
                match push_readings(c, &mut other, false) {
                    Unit::Readings => (other.as_bytes(), first_letters(other.as_bytes())),
                    Unit::Separator => (&[], 0),
                }
            };
            if readings.is_empty() {
                // A separator ends every partial match.
                if active {
                    cur.fill(0);
                    active = false;
                }
                continue;
            }
            // Idle, a match can only start at a character with a reading that starts
            // with the query's first letter; the others leave the state as it is.
            if !active && mask & first == 0 {
                continue;
            }
            cur[0] |= 1;
            next.fill(0);
            for (w, &word) in cur.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let p = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if step(&q[p..], readings, |len| {
                        let to = p + len;
                        next[to / 64] |= 1 << (to % 64);
                    }) {
                        return true;
                    }
                }
            }
            std::mem::swap(&mut cur, &mut next);
            active = cur.iter().any(|&w| w != 0);
        }
        false
    }

    fn run<'a>(&self, key: &PinyinKey, mut cur: &'a mut [u64], mut next: &'a mut [u64]) -> bool {
        let q = &self.letters[..];
        let Some(&first) = q.first() else {
            return true;
        };
        // Bytes, not chars: the key is ASCII. This runs over every title at each
        // keystroke of a pinyin search, so while no match is under way it jumps straight
        // to the next character with a reading that starts with the query's first letter
        // (the only place a match can start); the others cannot change the state.
        let bytes = key.encoded.as_bytes();
        let mut at = 0;
        let mut active = false;
        while at < bytes.len() {
            if !active {
                match next_reading_start(bytes, at, first) {
                    Some(found) => at = position_start(bytes, found),
                    None => return false,
                }
                cur.fill(0);
            }
            let end = bytes[at..]
                .iter()
                .position(|&b| b == POSITION_SEP as u8 || b == RUN_SEP as u8)
                .map_or(bytes.len(), |n| at + n);
            // A match may start at any character.
            cur[0] |= 1;
            next.fill(0);
            for (w, &word) in cur.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let p = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    if step(&q[p..], &bytes[at..end], |len| {
                        let to = p + len;
                        next[to / 64] |= 1 << (to % 64);
                    }) {
                        return true;
                    }
                }
            }
            std::mem::swap(&mut cur, &mut next);
            // A run separator ends every partial match.
            active = bytes.get(end) == Some(&(POSITION_SEP as u8)) && cur.iter().any(|&w| w != 0);
            at = end + 1;
        }
        false
    }
}

/// Index of the next byte at or after `from` that is `letter` at the start of a reading.
fn next_reading_start(bytes: &[u8], mut from: usize, letter: u8) -> Option<usize> {
    while let Some(offset) = bytes.get(from..)?.iter().position(|&b| b == letter) {
        let found = from + offset;
        let starts = found == 0
            || matches!(
                bytes[found - 1] as char,
                POSITION_SEP | READING_SEP | RUN_SEP
            );
        if starts {
            return Some(found);
        }
        from = found + 1;
    }
    None
}

/// Start of the position (character) holding byte `at`.
fn position_start(bytes: &[u8], at: usize) -> usize {
    bytes[..at]
        .iter()
        .rposition(|&b| b == POSITION_SEP as u8 || b == RUN_SEP as u8)
        .map_or(0, |sep| sep + 1)
}

/// Try every way one character (its comma-joined `readings`) can consume the start of
/// `rest` (never empty). Returns true when it can consume all of `rest` (the query is
/// matched); otherwise reports every shorter consumption through `advance`.
fn step(rest: &[u8], readings: &[u8], mut advance: impl FnMut(usize)) -> bool {
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

/// Whether `query` spells a run of consecutive characters of the text behind `key`
/// (see the module documentation). Queries shorter than two letters match nothing.
pub fn matches(key: &PinyinKey, query: &str) -> bool {
    Query::new(query).is_some_and(|q| q.matches(key))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    /// The matcher as first written, position by position without skipping: the
    /// reference the fast one must agree with.
    fn reference(query: &Query, key: &PinyinKey) -> bool {
        let q = &query.letters[..];
        for run in key.as_str().split(RUN_SEP).filter(|r| !r.is_empty()) {
            let mut cur = vec![false; q.len() + 1];
            for position in run.split(POSITION_SEP) {
                cur[0] = true;
                let mut next = vec![false; q.len() + 1];
                for p in (0..q.len()).filter(|&p| cur[p]) {
                    if step(&q[p..], position.as_bytes(), |len| next[p + len] = true) {
                        return true;
                    }
                }
                cur = next;
            }
        }
        false
    }

    /// `key` as first written, asking the pinyin data for every character.
    fn reference_key(text: &str) -> String {
        let mut encoded = String::new();
        let mut pending: Option<char> = None;
        for c in text.chars() {
            let mark = encoded.len();
            if let Some(sep) = pending {
                encoded.push(sep);
            }
            match push_readings(c, &mut encoded, false) {
                Unit::Readings => pending = Some(POSITION_SEP),
                Unit::Separator => {
                    encoded.truncate(mark);
                    if pending.is_some() {
                        pending = Some(RUN_SEP);
                    }
                }
            }
        }
        encoded
    }

    proptest::proptest! {
        #[test]
        fn matching_a_text_equals_matching_its_key(
            title in proptest::collection::vec(proptest::sample::select(
                "长株潭城市群都市圈协调发展重点工程株洲湘潭衡阳交通枢纽行银 ，、（）5GabＡ〇㐀".chars().collect::<Vec<_>>()), 0..30),
            from in 0usize..40,
            len in 2usize..10,
            random in "[a-z]{2,8}",
        ) {
            let title: String = title.into_iter().collect();
            let k = key(&title);
            let spelled = format!("{}{}", full(&title).replace(' ', ""), initials(&title).replace(' ', ""));
            let taken: String = spelled.chars().skip(from % (spelled.len() + 1)).take(len).collect();
            for query in [taken.as_str(), random.as_str()] {
                if let Some(q) = Query::new(query) {
                    proptest::prop_assert_eq!(q.matches_text(&title), q.matches(&k), "{} / {}", title, query);
                }
            }
        }
    }

    #[test]
    fn the_readings_table_agrees_with_the_pinyin_data_for_every_ideograph() {
        let every: String = (HAN_FIRST..=HAN_LAST + 2)
            .filter_map(char::from_u32)
            .collect();
        let mixed = format!("长株潭（{every}）5G，ａｂ〇");
        assert_eq!(key(&mixed).as_str(), reference_key(&mixed));
    }

    proptest::proptest! {
        #[test]
        fn fast_matcher_agrees_with_the_reference(
            title in proptest::collection::vec(proptest::sample::select(
                "长株潭城市群都市圈协调发展重点工程株洲湘潭衡阳交通枢纽 ，、（）5Gab".chars().collect::<Vec<_>>()), 0..30),
            query in "[a-z]{2,8}",
        ) {
            let title: String = title.into_iter().collect();
            let key = key(&title);
            if let Some(q) = Query::new(&query) {
                proptest::prop_assert_eq!(q.matches(&key), reference(&q, &key), "{} / {}", title, query);
            }
        }
    }

    #[test]
    fn fast_matcher_agrees_on_prefixes_of_titles() {
        for title in [
            "长株潭城市群一体化发展",
            "“十四五”时期株洲市新型城镇化",
            "5G基站（长沙）建设",
        ] {
            let key = key(title);
            let spelled = full(title).replace(' ', "");
            let initials = initials(title).replace(' ', "");
            for text in [&spelled, &initials] {
                for from in 0..text.len() {
                    for to in from + 2..=text.len().min(from + 10) {
                        let q = Query::new(&text[from..to]).unwrap();
                        assert_eq!(
                            q.matches(&key),
                            reference(&q, &key),
                            "{title} / {}",
                            &text[from..to]
                        );
                    }
                }
            }
        }
    }

    fn finds(title: &str, query: &str) -> bool {
        matches(&key(title), query)
    }

    #[test]
    fn heteronyms_and_mixed_forms() {
        let title = "长株潭";
        for q in [
            "czt",
            "changzhutan",
            "zhangzhutan",
            "changzt",
            "czhutan",
            "chang",
            "changzhut",
            "chzht",
            "zhzt",
            "Chang Zhu Tan",
            "chang'zhu'tan",
            "zt",
            "zhut",
        ] {
            assert!(finds(title, q), "{q} should find {title}");
        }
        for q in [
            "ctz",
            "x",
            "c",
            "zzz",
            "",
            "changzhutanx",
            "cht",
            "长株潭",
            "tc",
        ] {
            assert!(!finds(title, q), "{q} should not find {title}");
        }
    }

    #[test]
    fn matches_start_anywhere() {
        assert!(finds("湘江新区", "xjxq"));
        assert!(finds("湘江新区", "xiangjiang"));
        assert!(finds("湘江新区", "jxq"));
        assert!(finds("湘江新区", "xinqu"));
        assert!(!finds("湘江新区", "xqj"));
        let title = "株洲市“十四五”新型城镇化";
        for q in [
            "ssw",
            "shisiwu",
            "sswu",
            "zzs",
            "xxczh",
            "xinxingchengzhenhua",
            "xxcz",
        ] {
            assert!(finds(title, q), "{q} should find {title}");
        }
    }

    #[test]
    fn punctuation_breaks_a_match() {
        let title = "株洲市“十四五”新型城镇化";
        assert!(!finds(title, "zzsssw"));
        assert!(!finds(title, "sswxx"));
        assert!(!finds("长株潭 一体化", "tyt"));
        assert!(finds("长株潭 一体化", "yth"));
    }

    #[test]
    fn ascii_in_titles() {
        assert!(finds("5G网络", "5gwl"));
        assert!(finds("5G网络", "5gwangluo"));
        assert!(finds("５Ｇ网络", "5G"));
        assert!(finds("推进GDP核算", "gdph"));
        assert!(!finds("5G网络", "5"));
        assert!(!finds("5G网络", "5-g"));
    }

    #[test]
    fn v_stands_for_u_umlaut() {
        assert!(finds("绿色建筑", "lvse"));
        assert!(finds("绿色建筑", "lsjz"));
        assert!(finds("战略", "zhanlve"));
        assert!(finds("战略", "zhanlue"));
    }

    #[test]
    fn key_is_one_compact_string() {
        let k = key("长株潭（试点），  A");
        assert_eq!(k.as_str(), "zhang,chang zhu tan,xun,yin,dan|shi dian|a");
        assert!(key("——").is_empty());
        assert_eq!(key("，和。").as_str(), "he,hu,huo");
    }

    #[test]
    fn long_queries_and_titles() {
        let title = "湖南省推进以人为本的新型城镇化战略五年行动实施方案".repeat(20);
        let k = key(&title);
        let q = "hunanshengtuijinyirenweibendexinxingchengzhenhuazhanlue".to_string()
            + "wunianxingdongshishifangan"
            + "hunanshengtuijinyirenweibendexinxingchengzhenhuazhanlve";
        assert!(q.len() > 128);
        assert!(matches(&k, &q));
        assert!(!matches(&k, &(q + "x")));
        assert!(matches(&k, "fanganhunan"));
        assert!(!matches(&k, "fanghunan"));
    }

    #[test]
    fn initials_and_full_use_the_first_reading() {
        assert_eq!(initials("长株潭"), "czt");
        assert_eq!(full("长株潭"), "changzhutan");
        assert_eq!(initials("株洲市“十四五”新型城镇化"), "zzs ssw xxczh");
        assert_eq!(full("5G网络"), "5gwangluo");
        assert_eq!(full("  “绿色”  "), "lvse");
        assert_eq!(initials(""), "");
        assert_eq!(full("首都都市圈协调"), "shoududushiquanxietiao");
        assert_eq!(full("略"), "lve");
    }
}
