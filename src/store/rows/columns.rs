//! Reading columns as borrowed text and dates, without allocating.

use chrono::NaiveDate;
use rusqlite::Row;
use rusqlite::types::Type;

/// "YYYY-MM-DD" without chrono's format parser: start-up reads some 250k dates.
pub(super) fn fast_date(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b[range].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(0..4)?).ok()?,
        digits(5..7)?,
        digits(8..10)?,
    )
}

/// A date column: none when NULL, an error when the text is not a date that exists
/// (never a default such as 1970-01-01).
pub(super) fn text_date(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(index)?.as_str_or_null()? {
        None => Ok(None),
        Some(text) => fast_date(text).map(Some).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                Type::Text,
                format!("“{text}” is not a date").into(),
            )
        }),
    }
}

pub(super) fn text<'r>(row: &'r Row<'_>, index: usize) -> rusqlite::Result<Option<&'r str>> {
    row.get_ref(index)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

pub(super) fn text_at<'r>(row: &'r Row<'_>, index: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(index)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::fast_date;
    use chrono::NaiveDate;

    #[test]
    fn fast_date_reads_iso_dates_and_refuses_the_rest() {
        assert_eq!(
            fast_date("2025-12-31"),
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
        assert_eq!(fast_date("2025-02-30"), None);
        assert_eq!(fast_date("2025-1-3x"), None);
        assert_eq!(fast_date("20251231"), None);
        assert_eq!(fast_date("２０２５-01-01"), None);
    }
}
