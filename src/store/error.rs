//! Store errors, each with a message that names the file and the fix.

use std::path::PathBuf;
use thiserror::Error;

/// Someone else changed a field since it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub item: i64,
    pub field: String,
    pub who: String,
    /// When, as stored (RFC 3339, UTC).
    pub at: String,
    /// The value they set (None when they cleared it).
    pub value: Option<String>,
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = self.value.as_deref().unwrap_or("(empty)");
        write!(
            f,
            "item {}: {} was changed by {} at {} to “{}” after you read it; reload to see the current value",
            self.item, self.field, self.who, self.at, value
        )
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "the directory {dir} does not exist; create it first (mkdir -p {dir}) or choose another path with --db"
    )]
    MissingDirectory { dir: PathBuf },
    #[error("{path} is not writable for you: {fix}")]
    ReadOnly { path: PathBuf, fix: String },
    #[error(
        "{path} is not a plantrack database (not an SQLite file); choose another path with --db"
    )]
    NotADatabase { path: PathBuf },
    #[error("{path} is damaged ({detail}); restore it from a backup")]
    Corrupt { path: PathBuf, detail: String },
    #[error(
        "{path} was written by a newer plantrack (schema version {found}, this version knows up to {supported}); upgrade plantrack"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error(
        "the disk holding {path} is full; free some space and try again (nothing was saved by this action)"
    )]
    DiskFull { path: PathBuf },
    #[error(
        "database is busy ({path}): another process has held its write lock for over {:.1} s; try again (nothing was saved by this action)",
        waited.as_secs_f64()
    )]
    Busy {
        path: PathBuf,
        waited: std::time::Duration,
    },
    #[error("{0}")]
    Conflict(Conflict),
    #[error("no {what} {id}")]
    NotFound { what: &'static str, id: String },
    #[error("{0}")]
    Invalid(String),
    #[error("database error on {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A database error not yet tied to its file; `Store` replaces it with a specific one
    /// before it leaves the store.
    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("cannot set up {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;
