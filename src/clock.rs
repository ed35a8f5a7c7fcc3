//! The one place that reads the system clock: "today" for every rule, "now" for every
//! timestamp.
//!
//! Owns [`Today`] and its override: when the environment variable `PLANTRACK_TODAY` is set
//! to a date (`YYYY-MM-DD`), that date is "today" — for tests, screenshots and for looking
//! at the tracker as it will stand on a report date. Nothing else in the crate may call the
//! system clock (the CI fence greps for it); everything else receives a `Today` or a
//! timestamp from here.

use chrono::{DateTime, Local, NaiveDate, Utc};
use std::ffi::OsString;
use thiserror::Error;

/// The environment variable that overrides today's date.
pub const TODAY_VAR: &str = "PLANTRACK_TODAY";

/// The date every rule is judged at (序时进度, overdue, due soon).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Today(NaiveDate);

impl Today {
    /// A fixed date, for tests and for callers that already know the date.
    pub fn fixed(date: NaiveDate) -> Today {
        Today(date)
    }

    /// The calendar date.
    pub fn date(self) -> NaiveDate {
        self.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClockError {
    #[error("{var} must be a date like 2026-03-31, got {value:?}")]
    BadDate { var: &'static str, value: String },
}

/// Today: the date in `PLANTRACK_TODAY` if that is set (and not empty), else the local date.
///
/// An empty value counts as unset, so `PLANTRACK_TODAY= plantrack` uses the real date.
pub fn today_from_env() -> Result<Today, ClockError> {
    match override_from(std::env::var_os(TODAY_VAR))? {
        Some(today) => Ok(today),
        None => Ok(Today(Local::now().date_naive())),
    }
}

/// Parse a `PLANTRACK_TODAY` value strictly: exactly `YYYY-MM-DD`, four-digit year, two-digit
/// month and day, no spaces, a real calendar date.
pub fn parse_today(value: &str) -> Result<Today, ClockError> {
    let bad = || ClockError::BadDate {
        var: TODAY_VAR,
        value: value.to_string(),
    };
    let bytes = value.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(bad());
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map(Today)
        .map_err(|_| bad())
}

/// The current instant, for timestamps of changes (history rows, "changed at").
///
/// When `PLANTRACK_TODAY` holds a valid date, the result is that date at the current real
/// UTC time of day. Why: a change made while "today" is overridden should be stamped on
/// that day (so history, "changed today" and reports agree with the dates the rules use),
/// and output stays reproducible at the level of dates; keeping the real time of day keeps
/// successive changes within one run in order (unless the run crosses midnight UTC).
/// An invalid value is ignored here — [`today_from_env`] reports it at start-up — and the
/// real time is returned.
pub fn now_utc() -> DateTime<Utc> {
    let now = Utc::now();
    match override_from(std::env::var_os(TODAY_VAR)) {
        Ok(Some(today)) => today.date().and_time(now.time()).and_utc(),
        _ => now,
    }
}

/// The override in a raw environment value: `None` when unset or empty.
fn override_from(raw: Option<OsString>) -> Result<Option<Today>, ClockError> {
    let Some(raw) = raw else {
        return Ok(None);
    };
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.to_str() {
        Some(value) => parse_today(value).map(Some),
        None => Err(ClockError::BadDate {
            var: TODAY_VAR,
            value: raw.to_string_lossy().into_owned(),
        }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_a_strict_date() {
        assert_eq!(parse_today("2026-03-31").unwrap().date(), date(2026, 3, 31));
        assert_eq!(parse_today("2024-02-29").unwrap().date(), date(2024, 2, 29));
    }

    #[test]
    fn rejects_other_shapes_naming_the_variable_and_value() {
        for bad in [
            "31/03/2026",
            "2026-3-31",
            "2026-03-1",
            " 2026-03-31",
            "2026-03-31 ",
            "2026/03/31",
            "+2026-03-31",
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "20260331",
            "",
        ] {
            assert!(parse_today(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            parse_today("31/03/2026").unwrap_err().to_string(),
            "PLANTRACK_TODAY must be a date like 2026-03-31, got \"31/03/2026\""
        );
    }

    #[test]
    fn unset_or_empty_means_no_override() {
        assert_eq!(override_from(None).unwrap(), None);
        assert_eq!(override_from(Some(OsString::new())).unwrap(), None);
        assert_eq!(
            override_from(Some(OsString::from("2026-01-02"))).unwrap(),
            Some(Today::fixed(date(2026, 1, 2)))
        );
        assert!(override_from(Some(OsString::from("tomorrow"))).is_err());
    }

    #[test]
    fn fixed_today_round_trips() {
        let today = Today::fixed(date(2025, 12, 31));
        assert_eq!(today.date(), date(2025, 12, 31));
    }
}
