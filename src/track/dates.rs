//! Dates as people type them in the workbench: `2026-06-30`, `2026/6/30`, `2026年6月30日`,
//! `6/30`, `6月30日`, `+30` (days from today), `+2w`, `+3m`, `月底`, `下月底`, `季末`, `年底`,
//! `明年底`. Each is read against one `today`, and the exact date is shown back before
//! anything is saved.
//!
//! A month and day without a year is the next such day from today on for a date ahead (a
//! due date: typed in December, `1/15` is next January) and the last such day up to today
//! for a date behind (a completion: typed on 11/23, `11/20` is three days ago) — the caller
//! says which ([`Toward`]). Every result lies in [`super::limits::YEARS`].

use super::limits::{YEARS, parse_date};
use chrono::{Datelike, Days, Months, NaiveDate};

/// Which way a month and day without a year is read from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// The next such day, today included (due dates, new dates of an extension).
    Ahead,
    /// The last such day, today included (the day something was done).
    Behind,
}

/// The date `text` stands for at `today`, or `None` when it is not one of the forms above.
pub fn parse_typed(text: &str, today: NaiveDate, toward: Toward) -> Option<NaiveDate> {
    let text = text.trim();
    let date = parse_date(text)
        .or_else(|| relative(text, today))
        .or_else(|| named(text, today))
        .or_else(|| numeric(text, today, toward))?;
    YEARS.contains(&date.year()).then_some(date)
}

/// `+30`, `+30d`, `+2w`, `+3m` (also with ＋).
fn relative(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let rest = text.strip_prefix('+').or_else(|| text.strip_prefix('＋'))?;
    let (number, unit) = match rest.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((at, _)) => rest.split_at(at),
        None => (rest, ""),
    };
    let n: u32 = number.parse().ok().filter(|&n| n <= 3660)?;
    match unit {
        "" | "d" | "天" => today.checked_add_days(Days::new(u64::from(n))),
        "w" | "周" => today.checked_add_days(Days::new(u64::from(n) * 7)),
        "m" | "个月" | "月" => today.checked_add_months(Months::new(n)),
        _ => None,
    }
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// 月底, 本月底, 下月底, 季末, 本季末, 季度末, 年底, 年末, 今年底, 明年底.
fn named(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let (year, month) = (today.year(), today.month());
    match text {
        "月底" | "月末" | "本月底" | "本月末" => month_end(year, month),
        "下月底" | "下月末" | "下个月底" => {
            let next = today.with_day(1)?.checked_add_months(Months::new(1))?;
            month_end(next.year(), next.month())
        }
        "季末" | "季度末" | "本季末" | "本季度末" => {
            month_end(year, month.div_ceil(3) * 3)
        }
        "年底" | "年末" | "今年底" | "今年年底" => NaiveDate::from_ymd_opt(year, 12, 31),
        "明年底" | "明年年底" => NaiveDate::from_ymd_opt(year + 1, 12, 31),
        _ => None,
    }
}

/// `2026/6/30`, `2026.6.30`, `2026年6月30日`, `6/30`, `6-30`, `6.30`, `6月30日`, `6月30号`.
fn numeric(text: &str, today: NaiveDate, toward: Toward) -> Option<NaiveDate> {
    let text = text
        .strip_suffix('日')
        .or_else(|| text.strip_suffix('号'))
        .unwrap_or(text);
    let parts: Vec<&str> = text.split(['/', '-', '.', '年', '月']).collect();
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match numbers.as_slice() {
        [year, month, day] if parts[0].len() == 4 => {
            NaiveDate::from_ymd_opt(i32::try_from(*year).ok()?, *month, *day)
        }
        [month, day] => {
            let on = |year: i32| NaiveDate::from_ymd_opt(year, *month, *day);
            let year = today.year();
            match toward {
                // Within four years a 29 February comes round.
                Toward::Ahead => (0..=4).find_map(|k| on(year + k).filter(|d| *d >= today)),
                Toward::Behind => (0..=4).find_map(|k| on(year - k).filter(|d| *d <= today)),
            }
        }
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_form_at_one_today() {
        let today = d(2026, 11, 23);
        for (typed, expected) in [
            ("2026-06-30", d(2026, 6, 30)),
            (" 2027/1/5 ", d(2027, 1, 5)),
            ("2027.01.05", d(2027, 1, 5)),
            ("2027年1月5日", d(2027, 1, 5)),
            ("12/31", d(2026, 12, 31)),
            ("11/23", d(2026, 11, 23)),
            ("6/30", d(2027, 6, 30)),
            ("6月30日", d(2027, 6, 30)),
            ("12月1号", d(2026, 12, 1)),
            ("12-1", d(2026, 12, 1)),
            ("+30", d(2026, 12, 23)),
            ("+0", d(2026, 11, 23)),
            ("＋7天", d(2026, 11, 30)),
            ("+2w", d(2026, 12, 7)),
            ("+3m", d(2027, 2, 23)),
            ("月底", d(2026, 11, 30)),
            ("下月底", d(2026, 12, 31)),
            ("季末", d(2026, 12, 31)),
            ("年底", d(2026, 12, 31)),
            ("明年底", d(2027, 12, 31)),
        ] {
            assert_eq!(
                parse_typed(typed, today, Toward::Ahead),
                Some(expected),
                "{typed}"
            );
        }
    }

    #[test]
    fn month_ends_across_years_and_leap_days() {
        let ahead = |text, today| parse_typed(text, today, Toward::Ahead);
        assert_eq!(ahead("下月底", d(2026, 12, 5)), Some(d(2027, 1, 31)));
        assert_eq!(ahead("下月底", d(2028, 1, 31)), Some(d(2028, 2, 29)));
        assert_eq!(ahead("月底", d(2027, 2, 1)), Some(d(2027, 2, 28)));
        assert_eq!(ahead("季末", d(2026, 2, 10)), Some(d(2026, 3, 31)));
        assert_eq!(ahead("2/29", d(2027, 3, 1)), Some(d(2028, 2, 29)));
    }

    #[test]
    fn a_day_behind_is_the_last_one_up_to_today() {
        let today = d(2026, 11, 23);
        let behind = |text| parse_typed(text, today, Toward::Behind);
        assert_eq!(behind("11/20"), Some(d(2026, 11, 20)));
        assert_eq!(behind("11/23"), Some(d(2026, 11, 23)));
        assert_eq!(behind("12/1"), Some(d(2025, 12, 1)));
        assert_eq!(behind("2/29"), Some(d(2024, 2, 29)));
        // Forms with a year or relative to today read the same either way.
        assert_eq!(behind("2027-01-05"), Some(d(2027, 1, 5)));
        assert_eq!(behind("+0"), Some(today));
    }

    #[test]
    fn what_is_not_a_date_is_none() {
        let today = d(2026, 11, 23);
        for typed in [
            "",
            "明天见",
            "2026-02-30",
            "13/1",
            "6/31",
            "+",
            "+x",
            "+99999",
            "1/2/3/4",
            "6//30",
            "-30",
            "二〇二六年",
            "12/31完成",
            "2026-6-30-1",
        ] {
            assert_eq!(parse_typed(typed, today, Toward::Ahead), None, "{typed}");
        }
    }
}
