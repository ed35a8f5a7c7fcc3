//! Small helpers shared by the store's files.

use super::error::Result;

/// `Ok(None)` for "no rows", the value otherwise.
pub fn optional<T>(result: rusqlite::Result<T>) -> Result<Option<T>> {
    match result {
        Ok(value) => Ok(Some(value)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Serialise to a JSON column.
pub fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

/// Read a JSON column, falling back to the default when it is malformed.
pub fn from_json<T: serde::de::DeserializeOwned + Default>(text: &str) -> T {
    serde_json::from_str(text).unwrap_or_default()
}

/// A value a person typed for `field`, as stored: cleaned (`clean`), then checked at the
/// store's door against the field's rules (`track::limits`: length, one line, no
/// invisible filler characters, not empty).
pub fn typed(field: crate::track::limits::Field, text: &str) -> Result<String> {
    crate::track::limits::check(field, &clean(text)).map_err(super::StoreError::Refused)
}

/// Text a person typed, made safe to store: control, bidi and invisible characters
/// removed (as for imported text), surrounding white space trimmed.
pub fn clean(text: &str) -> String {
    crate::text::sanitize::clean_imported(text)
        .text
        .trim()
        .to_string()
}
