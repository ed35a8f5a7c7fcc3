//! Is this SQLite file a plantrack database? Decided by reading only, before anything is
//! written to it (no schema added, no switch to WAL): another application's database
//! given by mistake to `--db` is refused, as is one from a newer plantrack.

use super::error::{Result, StoreError};
use super::migrations::latest_version;
use rusqlite::Connection;
use std::path::Path;

/// `PRAGMA application_id` of every plantrack database ("PLTR"), set by migration 004.
pub const APPLICATION_ID: i64 = 0x504C_5452;

/// Tables every plantrack schema since version 1 has.
const OWN_TABLES: &[&str] = &["plan", "item", "change", "history"];

/// What the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No tables: a new (or empty) file, to be created and seeded.
    Empty,
    /// A plantrack database this build can open (perhaps to be migrated).
    Ours,
}

/// Read the header and the table names; refuse what is not ours, or ours but newer.
pub fn identify(conn: &Connection, path: &Path) -> Result<Kind> {
    let read = |e: rusqlite::Error| super::sqlite_error(path, e);
    let application_id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(read)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(read)?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()
        })
        .map_err(read)?;
    let ours = application_id == APPLICATION_ID
        || (application_id == 0 && OWN_TABLES.iter().all(|t| tables.iter().any(|n| n == t)));
    if !ours {
        if tables.is_empty() && application_id == 0 && version == 0 {
            return Ok(Kind::Empty);
        }
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            tables: tables.into_iter().take(5).collect(),
        });
    }
    if version > i64::from(latest_version()) {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: u32::try_from(version).unwrap_or(u32::MAX),
            supported: latest_version(),
        });
    }
    Ok(Kind::Ours)
}
