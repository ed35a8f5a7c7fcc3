//! The domain's types as SQL values, so rows are read typed once: a status, a project
//! stage, a date (rusqlite's `chrono` feature: `YYYY-MM-DD`) that does not parse is an
//! error, never a default.

use crate::track::Status;
use crate::track::project::ProjectStage;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

fn parsed<T: std::str::FromStr>(value: ValueRef<'_>) -> FromSqlResult<T>
where
    T::Err: std::error::Error + Send + Sync + 'static,
{
    value
        .as_str()?
        .parse()
        .map_err(|e| FromSqlError::Other(Box::new(e)))
}

impl FromSql for Status {
    /// The stored codes first (start-up reads 100k of them), then anything `Status` parses.
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        match Status::ALL.into_iter().find(|s| s.as_str() == text) {
            Some(status) => Ok(status),
            None => parsed(value),
        }
    }
}

impl ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ProjectStage {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        parsed(value)
    }
}

impl ToSql for ProjectStage {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for crate::track::fields::FieldValue {
    /// A tracking field as stored (NULL is read through `Option`).
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        use crate::track::fields::FieldValue;
        match value {
            ValueRef::Integer(n) => Ok(FieldValue::Integer(n)),
            ValueRef::Real(v) => Ok(FieldValue::Real(v)),
            ValueRef::Text(_) => Ok(FieldValue::Text(value.as_str()?.to_string())),
            ValueRef::Null | ValueRef::Blob(_) => Err(FromSqlError::InvalidType),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn typed_values_round_trip_and_bad_ones_are_errors() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let (status, stage, date): (Status, ProjectStage, NaiveDate) = conn
            .query_row(
                "SELECT ?1, ?2, ?3",
                rusqlite::params![
                    Status::Paused,
                    ProjectStage::NewStart,
                    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
                ],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((status, stage), (Status::Paused, ProjectStage::NewStart));
        assert_eq!(date.to_string(), "2026-06-30");
        let bad: rusqlite::Result<NaiveDate> =
            conn.query_row("SELECT '2026-02-30'", [], |r| r.get(0));
        assert!(
            bad.is_err(),
            "a date that does not exist is an error, never 1970-01-01"
        );
        let bad: rusqlite::Result<Status> = conn.query_row("SELECT 'hacked'", [], |r| r.get(0));
        assert!(bad.is_err());
    }
}
