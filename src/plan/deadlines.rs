//! Deadline hints: 到2025年, 2025年前, 2025年底, “十四五”末 … become proposed milestones
//! due at the end of that year, with the sentence that sets them as their text.

use super::Deadline;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

#[allow(clippy::expect_used)]
static YEAR_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"到\s*((?:20|21)\d{2})\s*年(?:底|末)?|((?:20|21)\d{2})\s*年(?:底前|以前|前|底)")
        .expect("deadline pattern is valid")
});
#[allow(clippy::expect_used)]
static PERIOD_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[“\x22]?(十[一二三四五六七八九]五)[”\x22]?(?:期|时期)?末")
        .expect("period pattern is valid")
});

/// Last year of a five-year plan period named like 十四五 (the 14th: 2021–2025).
fn period_last_year(name: &str) -> Option<i32> {
    let ordinal = match name.chars().nth(1)? {
        '一' => 11,
        '二' => 12,
        '三' => 13,
        '四' => 14,
        '五' => 15,
        '六' => 16,
        '七' => 17,
        '八' => 18,
        '九' => 19,
        _ => return None,
    };
    // The 14th plan ends in 2025; each plan is five years.
    Some(2025 + (ordinal - 14) * 5)
}

/// The years of a five-year plan named in a title: “十四五” or 第十四个五年 → 2021–2025.
pub fn five_year_period(title: &str) -> Option<(i32, i32)> {
    let chars: Vec<char> = title.chars().collect();
    let short_form = chars.windows(3).find_map(|w| match w {
        ['十', n, '五'] => period_last_year(&format!("十{n}五")),
        _ => None,
    });
    const LONG_FORMS: [&str; 6] = [
        "第十一个五年",
        "第十二个五年",
        "第十三个五年",
        "第十四个五年",
        "第十五个五年",
        "第十六个五年",
    ];
    let long_form = || {
        LONG_FORMS
            .iter()
            .position(|f| title.contains(f))
            .map(|i| 2010 + 5 * i as i32)
    };
    short_form.or_else(long_form).map(|end| (end - 4, end))
}

/// Split text into sentences, keeping the closing punctuation.
fn sentences(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    let mut out = Vec::new();
    for (index, c) in text.char_indices() {
        if matches!(c, '。' | '；' | '！' | '？' | '\n') {
            let end = index + c.len_utf8();
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out.into_iter()
}

/// Every deadline hint in `text`, in order of appearance, one per (year, sentence).
pub fn find_deadlines(text: &str) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = Vec::new();
    for (_, sentence) in sentences(text) {
        let mut hits: Vec<(usize, i32, String)> = Vec::new();
        for caps in YEAR_PHRASE.captures_iter(sentence) {
            let year = caps
                .get(1)
                .or(caps.get(2))
                .and_then(|m| m.as_str().parse::<i32>().ok());
            if let (Some(year), Some(whole)) = (year, caps.get(0)) {
                hits.push((whole.start(), year, whole.as_str().to_string()));
            }
        }
        for caps in PERIOD_END.captures_iter(sentence) {
            let year = caps.get(1).and_then(|m| period_last_year(m.as_str()));
            if let (Some(year), Some(whole)) = (year, caps.get(0)) {
                hits.push((whole.start(), year, whole.as_str().to_string()));
            }
        }
        hits.sort_by_key(|hit| hit.0);
        let text = sentence.trim().trim_end_matches('\n').to_string();
        for (_, year, phrase) in hits {
            let Some(due) = NaiveDate::from_ymd_opt(year, 12, 31) else {
                continue;
            };
            if found.iter().any(|d| d.year == year && d.text == text) {
                continue;
            }
            found.push(Deadline {
                year,
                due,
                phrase,
                text: text.clone(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_year_phrases_with_their_sentences() {
        let found = find_deadlines(
            "加快建设。到2025年，全省累计完成改造10000个。力争 2030 年前建成；“十四五”末基本覆盖。",
        );
        let years: Vec<i32> = found.iter().map(|d| d.year).collect();
        assert_eq!(years, vec![2025, 2030, 2025]);
        assert_eq!(found[0].text, "到2025年，全省累计完成改造10000个。");
        assert_eq!(found[0].phrase, "到2025年");
        assert_eq!(
            found[0].due,
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
        );
        assert_eq!(found[1].phrase, "2030 年前");
        assert_eq!(found[2].phrase, "“十四五”末");
    }

    #[test]
    fn five_year_periods_from_titles() {
        assert_eq!(
            five_year_period("湖南省“十四五”新型城镇化规划"),
            Some((2021, 2025))
        );
        assert_eq!(
            five_year_period("湖南省国民经济和社会发展第十五个五年规划纲要"),
            Some((2026, 2030))
        );
        assert_eq!(five_year_period("实施方案"), None);
    }

    #[test]
    fn ignores_plain_years_and_dedupes() {
        assert!(find_deadlines("2020年全市城镇人口达到278万人。").is_empty());
        assert_eq!(find_deadlines("到2025年建成，到2025年达到。").len(), 1);
        assert_eq!(
            find_deadlines("“十五五”末").first().map(|d| d.year),
            Some(2030)
        );
    }
}
