//! Deadline hints: 到2025年, 2025年前, 2025年6月底前, 6月底前, 年底前, 三季度末, 力争2030年,
//! “十四五”末 … become proposed milestones due at the end of that year, quarter or month, with
//! the sentence that sets them as their text. A month or quarter without a year belongs to
//! the document's year (when the document states one).

use super::Deadline;
use chrono::NaiveDate;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Month numerals as written: 1–12 in digits or Chinese.
const MONTH: &str = r"(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
/// Quarter numerals: 一季度, 第三季度, 3季度.
const QUARTER: &str = r"(?:第)?([一二三四1-4])";

#[allow(clippy::expect_used)]
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let year = r"((?:20|21)\d{2})\s*年";
    let pattern = [
        // 1: an explicit year, with a month (2), a quarter (3), a half (4), or a year-level ending (5)
        format!(
            r"(?:到)?\s*{year}\s*(?:{MONTH}\s*月\s*(?:份)?(?:底前|底|末前|末|前|以前|中旬前|上旬前|下旬前)|{QUARTER}\s*季度\s*(?:末前|末|底前|底|前)?|(上半年|下半年|年中)|(底前|以前|前|底|末|年底前))"
        ),
        // 6: 到/力争 + year alone
        r"(?:到|力争|争取)\s*((?:20|21)\d{2})\s*年(?:底前|以前|前|底|末)?".to_string(),
        // 7: a month without a year (needs an ending)
        format!(r"{MONTH}\s*月\s*(?:份)?(?:底前|底|末前|末|前|以前|中旬前|上旬前|下旬前)"),
        // 8: a quarter without a year
        format!(r"{QUARTER}\s*季度\s*(?:末前|末|底前|底|前)"),
        // 9: the end of the document's year
        r"((?:今|本|当)?年底前|(?:今|本|当)年底)".to_string(),
        // 10, 11: a half of the document's year
        r"(?:今年|本年|当年)(上半年|下半年)|(上半年|下半年)(?:前|内|底前|完成)".to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("deadline pattern is valid")
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

/// The last day of a month.
fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

fn small_number(text: &str) -> Option<u32> {
    super::numerals::parse_numeral(text)
}

fn year_of(caps: &Captures<'_>, group: usize) -> Option<i32> {
    caps.get(group)?.as_str().parse().ok()
}

/// The due date a phrase sets (`doc_year` for phrases without a year).
fn due_of(caps: &Captures<'_>, doc_year: Option<i32>) -> Option<NaiveDate> {
    let quarter_end = |year: i32, q: &str| month_end(year, small_number(q)?.checked_mul(3)?);
    if let Some(year) = year_of(caps, 1) {
        if let Some(month) = caps.get(2) {
            return month_end(year, small_number(month.as_str())?);
        }
        if let Some(q) = caps.get(3) {
            return quarter_end(year, q.as_str());
        }
        if let Some(half) = caps.get(4) {
            let month = if half.as_str() == "下半年" { 12 } else { 6 };
            return month_end(year, month);
        }
        return month_end(year, 12);
    }
    if let Some(year) = year_of(caps, 6) {
        return month_end(year, 12);
    }
    let year = doc_year?;
    if let Some(month) = caps.get(7) {
        return month_end(year, small_number(month.as_str())?);
    }
    if let Some(q) = caps.get(8) {
        return quarter_end(year, q.as_str());
    }
    if let Some(half) = caps.get(10).or(caps.get(11)) {
        return month_end(year, if half.as_str() == "上半年" { 6 } else { 12 });
    }
    month_end(year, 12)
}

/// Every deadline hint in `text`, in order of appearance, one per (due date, sentence);
/// phrases without a year ("6月底前") are left out.
pub fn find_deadlines(text: &str) -> Vec<Deadline> {
    find_deadlines_in(text, None)
}

/// A time limit as a table cell or a clause writes it: the phrases `find_deadlines_in`
/// knows, or a bare date ("2024年12月", "12月", "2025年"). "长期坚持", "持续推进" set none.
pub fn deadlines_of_time(time: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    let found = find_deadlines_in(time, doc_year);
    if !found.is_empty() {
        return found;
    }
    let squashed: String = time.split_whitespace().collect();
    let Some(caps) = BARE_DATE.captures(&squashed) else {
        return Vec::new();
    };
    let year = caps.get(1).and_then(|m| m.as_str().parse().ok()).or(doc_year);
    let month = caps.get(2).and_then(|m| small_number(m.as_str()));
    let due = match (year, month) {
        (Some(year), Some(month)) => month_end(year, month),
        (Some(year), None) if caps.get(1).is_some() => month_end(year, 12),
        _ => None,
    };
    due.map(|due| Deadline {
        year: chrono::Datelike::year(&due),
        due,
        phrase: time.trim().to_string(),
        text: time.trim().to_string(),
    })
    .into_iter()
    .collect()
}

/// "2024年12月", "12月", "2025年" (optionally "…完成", "…前"): a time cell's bare date.
#[allow(clippy::expect_used)]
static BARE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:((?:20|21)\d{{2}})年)?(?:{MONTH}月(?:份)?)?(?:底|末|前|中旬|上旬|下旬|完成|以前)*$"
    ))
    .expect("bare date pattern is valid")
});

/// Every deadline hint in `text`; a month, quarter or 年底 without a year is in `doc_year`.
pub fn find_deadlines_in(text: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = Vec::new();
    for (_, sentence) in sentences(text) {
        let mut hits: Vec<(usize, NaiveDate, String)> = Vec::new();
        for caps in PHRASE.captures_iter(sentence) {
            if let (Some(due), Some(whole)) = (due_of(&caps, doc_year), caps.get(0)) {
                hits.push((whole.start(), due, whole.as_str().trim().to_string()));
            }
        }
        for caps in PERIOD_END.captures_iter(sentence) {
            let year = caps.get(1).and_then(|m| period_last_year(m.as_str()));
            let due = year.and_then(|y| month_end(y, 12));
            if let (Some(due), Some(whole)) = (due, caps.get(0)) {
                hits.push((whole.start(), due, whole.as_str().to_string()));
            }
        }
        hits.sort_by_key(|hit| hit.0);
        let text = sentence.trim().trim_end_matches('\n').to_string();
        for (_, due, phrase) in hits {
            if found.iter().any(|d| d.due == due && d.text == text) {
                continue;
            }
            found.push(Deadline {
                year: chrono::Datelike::year(&due),
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
        assert_eq!(found[1].phrase, "力争 2030 年前");
        assert_eq!(found[2].phrase, "“十四五”末");
    }

    #[test]
    fn month_and_quarter_deadlines() {
        let due = |text: &str, year: Option<i32>| -> Vec<String> {
            find_deadlines_in(text, year)
                .iter()
                .map(|d| d.due.to_string())
                .collect()
        };
        assert_eq!(due("6月底前完成。", Some(2024)), vec!["2024-06-30"]);
        assert_eq!(due("6月底前完成。", None), Vec::<String>::new());
        assert_eq!(due("2025年6月底前建成。", None), vec!["2025-06-30"]);
        assert_eq!(due("年底前出台。", Some(2024)), vec!["2024-12-31"]);
        assert_eq!(due("三季度末前完成。", Some(2024)), vec!["2024-09-30"]);
        assert_eq!(due("力争2030年全面建成。", None), vec!["2030-12-31"]);
        assert_eq!(due("2024年12月底前", None), vec!["2024-12-31"]);
        assert_eq!(due("2025年2月底前", None), vec!["2025-02-28"]);
        assert_eq!(due("2025年上半年完成", None), vec!["2025-06-30"]);
        assert_eq!(due("2024年3月，国务院印发", None), Vec::<String>::new());
        assert_eq!(due("力争今年上半年全面完成", Some(2023)), vec!["2023-06-30"]);
        let time = |text: &str| -> Vec<String> {
            deadlines_of_time(text, Some(2024))
                .iter()
                .map(|d| d.due.to_string())
                .collect()
        };
        assert_eq!(time("2024年12月"), vec!["2024-12-31"]);
        assert_eq!(time("11月"), vec!["2024-11-30"]);
        assert_eq!(time("2025年"), vec!["2025-12-31"]);
        assert_eq!(time("长期坚持"), Vec::<String>::new());
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
