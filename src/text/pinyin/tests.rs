//! Keys, matching (by key and on the text itself) and the readings table, against
//! references written the plain way.

use super::keys::*;
use super::query::matches;
use super::query::step;
use super::readings::{HAN_FIRST, HAN_LAST};
use super::readings::{Unit, push_readings};
use super::*;
use proptest::strategy::Strategy;

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

/// A lead byte whose sequence breaks off is one bad byte: the ideograph after it is
/// still read (found by the property below on CI: "\u{E5}调工" / "tg").
#[test]
fn a_broken_sequence_before_an_ideograph_keeps_the_ideograph() {
    let q = Query::new("tg").unwrap();
    let mut bytes = vec![0xE5];
    bytes.extend_from_slice("调工".as_bytes());
    assert!(q.matches_utf8(&bytes));
    assert!(q.matches_text(&String::from_utf8_lossy(&bytes)));
}

proptest::proptest! {
    /// Bytes that are not UTF-8 end a match, like the replacement character a lossy
    /// decoding puts in their place.
    #[test]
    fn bytes_that_are_not_utf8_break_a_match_like_punctuation(
        parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::sample::select("长株潭城市群都市圈协调发展重点工程 ，5Ga".chars().collect::<Vec<_>>())
                .prop_map(|c| c.to_string().into_bytes()),
            proptest::collection::vec(0x80u8..=0xFF, 1..4),
        ], 0..30),
        query in "[a-z]{2,8}",
    ) {
        let bytes: Vec<u8> = parts.concat();
        let lossy = String::from_utf8_lossy(&bytes);
        if let Some(q) = Query::new(&query) {
            proptest::prop_assert_eq!(q.matches_utf8(&bytes), q.matches_text(&lossy), "{:?} / {}", lossy, query);
        }
    }

    /// Queries past 128 letters keep their positions on the heap: the same answers.
    #[test]
    fn long_queries_agree_with_the_reference(
        title in proptest::collection::vec(proptest::sample::select(
            "长株潭城市群都市圈协调发展重点工程".chars().collect::<Vec<_>>()), 20..60),
        from in 0usize..20,
        len in 120usize..200,
    ) {
        let title: String = title.into_iter().collect();
        let key = key(&title);
        let spelled = full(&title);
        let query: String = spelled.chars().skip(from).take(len).collect();
        if let Some(q) = Query::new(&query) {
            let expected = reference(&q, &key);
            proptest::prop_assert_eq!(q.matches(&key), expected, "{} / {}", title, query);
            proptest::prop_assert_eq!(q.matches_text(&title), expected, "{} / {}", title, query);
        }
    }
}

#[test]
fn utf8_is_decoded_by_hand_as_the_standard_library_does() {
    for c in ['a', 'é', '长', '〇', '𠀀', '\u{FFFD}', '\u{10FFFF}'] {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        assert_eq!(super::query::first_char(bytes), Ok((c, bytes.len())));
    }
    // Overlong, surrogate, past U+10FFFF, truncated, stray continuation byte.
    for bad in [
        &[0xC0, 0x80][..],
        &[0xE0, 0x80, 0x80],
        &[0xED, 0xA0, 0x80],
        &[0xF4, 0x90, 0x80, 0x80],
        &[0xE9, 0x95],
        &[0x80],
        &[],
    ] {
        assert_eq!(super::query::first_char(bad), Err(1), "{bad:x?}");
    }
}
