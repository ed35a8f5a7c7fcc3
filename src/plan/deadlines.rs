//! Deadline hints: 到2025年, 2025年前, 2025年6月底前, 6月底前, 年底前, 三季度末, 力争2030年,
//! “十四五”末 … become proposed milestones due at the end of that year, quarter or month, with
//! the sentence that sets them as their text. A month or quarter without a year belongs to
//! the document's year (when the document states one).

use super::Deadline;
use chrono::NaiveDate;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Month numerals as written: 1–12 in digits or Chinese.
const MONTH: &str = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
/// Quarter numerals: 一季度, 第三季度, 3季度.
const QUARTER: &str = r"[一二三四1-4]";
/// What closes a month: 6月底前, 6月末, 6月前, 6月中旬前.
const MONTH_END: &str = r"底前|底|末前|末|前|以前|中旬前|上旬前|下旬前";

/// Every deadline phrase, one alternative per form; the groups say which form matched:
/// `y` an explicit year with `ym` a month, `yq` a quarter, `yh` a half or `ye` a year-level
/// ending; `ty` 到/力争 + year; `n` 明年/次年 (the year after the document's) with `nm`, `nq`,
/// `nh` or `ne`; then, in the document's own year, `m` a month, `q` a quarter, `e` 年底,
/// `h`/`hh` a half.
#[allow(clippy::expect_used)]
static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = [
        // A day: "至2024年12月31日", "2025年3月15日前".
        format!(
            r"(?:至|到)\s*(?P<dy>(?:20|21)\d{{2}})\s*年\s*(?P<dm>{MONTH})\s*月\s*(?P<dd>[12]\d|3[01]|0?[1-9])\s*日"
        ),
        format!(
            r"(?P<ey>(?:20|21)\d{{2}})\s*年\s*(?P<em>{MONTH})\s*月\s*(?P<ed>[12]\d|3[01]|0?[1-9])\s*日\s*(?:以前|之前|前)"
        ),
        format!(
            r"(?:到)?\s*(?P<y>(?:20|21)\d{{2}})\s*年\s*(?:(?P<ym>{MONTH})\s*月\s*(?:份)?(?:{MONTH_END})|(?:第)?(?P<yq>{QUARTER})\s*季度\s*(?:末前|末|底前|底|前)?|(?P<yh>上半年|下半年|年中)|(?P<ye>底前|以前|前|底|末|年底前))"
        ),
        r"(?:到|力争|争取)\s*(?P<ty>(?:20|21)\d{2})\s*年(?:底前|以前|前|底|末)?".to_string(),
        format!(
            r"(?P<n>明年|次年)\s*(?:(?P<nm>{MONTH})\s*月\s*(?:份)?(?:{MONTH_END})?|(?:第)?(?P<nq>{QUARTER})\s*季度\s*(?:末前|末|底前|底|前)?|(?P<nh>上半年|下半年)|(?P<ne>年底前|年底|底前|底))"
        ),
        format!(r"(?P<m>{MONTH})\s*月\s*(?:份)?(?:{MONTH_END})"),
        format!(r"(?:第)?(?P<q>{QUARTER})\s*季度\s*(?:末前|末|底前|底|前)"),
        r"(?P<e>(?:今|本|当)?年底前|(?:今|本|当)年底)".to_string(),
        r"(?:今年|本年|当年)(?P<h>上半年|下半年)|(?P<hh>上半年|下半年)(?:前|内|底前|完成)"
            .to_string(),
    ]
    .join("|");
    Regex::new(&pattern).expect("deadline pattern is valid")
});

/// Verbs a year's target opens with ("2024年建成…", "2024年更换10万个", "2030年进一步提升至62%").
const TARGET_VERBS: &[&str] = &[
    "建成",
    "完成",
    "实现",
    "达到",
    "新增",
    "新建",
    "累计",
    "力争",
    "基本",
    "全面",
    "开工",
    "投运",
    "出台",
    "启动",
    "计划",
    "进一步",
    "更新",
    "更换",
    "改造",
    "升级",
    "淘汰",
    "推动",
    "推进",
    "培育",
    "打造",
    "建设",
    "实施",
    "创建",
    "提升",
    "提高",
    "争取",
    "确保",
    "新购置",
    "置换",
    "报废",
];
/// What a year that is no target is followed by: 2024年度, 2024年以来, 2024年的, 2024年底 (read
/// elsewhere), 2024年前, 2024年末, 2024年内.
const NOT_A_TARGET: &[char] = &['度', '以', '的', '底', '前', '末', '内'];

/// The year written just before `end` ("…，2025" → 2025) and where its digits start.
fn year_before(text: &str) -> Option<(usize, i32)> {
    let digits = text.len().checked_sub(4)?;
    let year_text = text.get(digits..)?;
    let plausible = year_text.starts_with("20") || year_text.starts_with("21");
    let year = year_text
        .parse::<i32>()
        .ok()
        .filter(|_| plausible && year_text.bytes().all(|b| b.is_ascii_digit()))?;
    Some((digits, year))
}

/// What comes before a year once the years listed with it are set aside: "2024、2025年计划…"
/// (a list of years) and "2025年至2027年…" (a period, read at its end) open where their
/// first year does.
fn before_listed_years(lead: &str) -> &str {
    let mut lead = lead.trim_end();
    loop {
        let Some(rest) = lead
            .strip_suffix('、')
            .or_else(|| lead.strip_suffix('至'))
            .or_else(|| lead.strip_suffix('—'))
            .or_else(|| lead.strip_suffix('-'))
        else {
            return lead;
        };
        let rest = rest.trim_end();
        let rest = rest.strip_suffix('年').unwrap_or(rest).trim_end();
        match year_before(rest) {
            Some((digits, _)) => lead = rest[..digits].trim_end(),
            None => return lead,
        }
    }
}

/// Years that open a clause and set its target: "2025年，力争…", "…；2024年建成1005座",
/// "其中2024年中心城区打造…", and the years of a breakdown after 其中 ("其中2024年850台、
/// 2025年1200台"): (byte offset of the year, the year, the phrase). Found from each 年 back
/// to the clause start, so text without years costs one search.
fn opening_years(sentence: &str) -> Vec<(usize, i32, String)> {
    let mut found = Vec::new();
    // Every year named is 20xx or 21xx.
    if !sentence.contains('2') {
        return found;
    }
    // The last year taken opened a breakdown (其中…) whose later years are listed after it.
    let mut breakdown = false;
    for (at, _) in sentence.match_indices('年') {
        let before = sentence[..at].trim_end();
        let Some((digits, year)) = year_before(before) else {
            continue;
        };
        let lead = before[..digits].trim_end();
        let after = sentence[at + '年'.len_utf8()..].trim_start();
        let opened = before_listed_years(lead);
        let clause_start = opened.is_empty() || opened.ends_with(['，', ',', '；', ';', '。']);
        let after_of_which = lead
            .trim_end_matches(['，', ','])
            .trim_end()
            .ends_with("其中");
        let listed = breakdown && lead.ends_with(['、', '，', ',']);
        // A period opening the clause ("2025年至2027年…") ends with its target.
        let period_end = lead.ends_with(['至', '—', '-']) && opened.len() < lead.len();
        let target = after.starts_with(['，', ','])
            || period_end
            || TARGET_VERBS.iter().any(|v| after.starts_with(v));
        let open = after
            .chars()
            .next()
            .is_some_and(|c| !NOT_A_TARGET.contains(&c));
        if clause_start && target && open || (after_of_which || listed) && open {
            let phrase = sentence[digits..at + '年'.len_utf8()].trim().to_string();
            found.push((digits, year, phrase));
            breakdown = after_of_which || listed;
        } else if !lead.ends_with(['、', '至', '—', '-']) {
            breakdown = false;
        }
    }
    found
}

/// "全年新增城乡公园120座", "力争年内完成": the document's own year, as a year's plan says it.
fn whole_year(sentence: &str) -> Option<usize> {
    for word in ["全年", "年内"] {
        for (at, _) in sentence.match_indices(word) {
            let after = sentence[at + word.len()..].trim_start();
            let before = sentence[..at].trim_end();
            let set = TARGET_VERBS.iter().any(|v| after.starts_with(v))
                || ["力争", "争取", "确保"].iter().any(|w| before.ends_with(w));
            // "2025年全年" reads as its year elsewhere; "十四五" or "每年" are no one year.
            let dated = before.ends_with(|c: char| c.is_ascii_digit() || c == '年');
            if set && !dated {
                return Some(at);
            }
        }
    }
    None
}

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

/// The due date of a month, quarter, half or year-end phrase in `year`.
fn due_in(
    year: i32,
    caps: &Captures<'_>,
    month: &str,
    quarter: &str,
    half: &str,
) -> Option<NaiveDate> {
    if let Some(m) = caps.name(month) {
        return month_end(year, small_number(m.as_str())?);
    }
    if let Some(q) = caps.name(quarter) {
        return month_end(year, small_number(q.as_str())?.checked_mul(3)?);
    }
    if let Some(h) = caps.name(half) {
        return month_end(year, if h.as_str() == "下半年" { 12 } else { 6 });
    }
    month_end(year, 12)
}

/// The due date a phrase sets (`doc_year` for phrases without a year).
fn due_of(caps: &Captures<'_>, doc_year: Option<i32>) -> Option<NaiveDate> {
    let year_of = |name: &str| -> Option<i32> { caps.name(name)?.as_str().parse().ok() };
    for (y, m, d) in [("dy", "dm", "dd"), ("ey", "em", "ed")] {
        if let Some(year) = year_of(y) {
            let month = small_number(caps.name(m)?.as_str())?;
            let day = small_number(caps.name(d)?.as_str())?;
            return NaiveDate::from_ymd_opt(year, month, day);
        }
    }
    if let Some(year) = year_of("y") {
        return due_in(year, caps, "ym", "yq", "yh");
    }
    if let Some(year) = year_of("ty") {
        return month_end(year, 12);
    }
    let year = doc_year?;
    if caps.name("n").is_some() {
        return due_in(year + 1, caps, "nm", "nq", "nh");
    }
    if caps.name("hh").is_some() {
        return due_in(year, caps, "m", "q", "hh");
    }
    due_in(year, caps, "m", "q", "h")
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
    let year = caps
        .get(1)
        .and_then(|m| m.as_str().parse().ok())
        .or(doc_year);
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
        r"^(?:((?:20|21)\d{{2}})年)?(?:({MONTH})月(?:份)?)?(?:底|末|前|中旬|上旬|下旬|完成|以前)*$"
    ))
    .expect("bare date pattern is valid")
});

/// Every deadline hint in `text`; a month, quarter or 年底 without a year is in `doc_year`.
pub fn find_deadlines_in(text: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = Vec::new();
    // Every phrase names a 年, a 月 or a 季度, or a period's 末: most text names none.
    if !text.contains(['年', '月', '季', '末']) {
        return found;
    }
    for (_, sentence) in sentences(text) {
        if !sentence.contains(['年', '月', '季', '末']) {
            continue;
        }
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
        if let (Some(at), Some(year)) = (whole_year(sentence), doc_year)
            && let Some(due) = month_end(year, 12)
        {
            let phrase = if sentence[at..].starts_with("全年") {
                "全年"
            } else {
                "年内"
            };
            hits.push((at, due, phrase.to_string()));
        }
        // "2025年，力争…": a clause that opens with a year sets a target for that year (a year
        // before the document's is a review, not a deadline).
        for (at, year, phrase) in opening_years(sentence) {
            let due = Some(year)
                .filter(|y| doc_year.is_none_or(|d| *y >= d))
                .and_then(|y| month_end(y, 12));
            if let Some(due) = due {
                hits.push((at, due, phrase));
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
mod tests;
