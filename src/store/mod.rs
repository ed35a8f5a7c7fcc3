//! The tracking store: one SQLite file shared by several people at once. The only module
//! that speaks SQL; it returns plan/track types, never rows.
//!
//! Rules it keeps:
//! - every connection runs WAL, `synchronous=FULL`, `foreign_keys=ON`, a 5 s busy timeout,
//!   and every transaction is `BEGIN IMMEDIATE` (a deferred read that turns into a write
//!   fails with BUSY at once, whatever the timeout);
//! - a transaction lives only inside one call: none is ever open while a person types;
//! - a person's edit is a conditional write on what they read (see `items`), and every
//!   change records who and when (see `history`).

mod access;
mod as_of;
mod backup;
mod bulk;
mod columns;
mod compact;
mod departments;
mod error;
mod history;
mod identify;
mod import;
mod indexes;
mod indicators;
mod items;
mod measure;
mod migrations;
mod milestones;
mod notes;
mod people;
mod plans;
mod queries;
mod rejection;
mod returns;
mod rows;
mod search;
mod types;
mod write;

pub use backup::{
    DUMP_FORMAT, DUMP_VERSION, Dump, DumpChange, DumpDepartment, DumpExtension, DumpHistory,
    DumpIndicatorValue, DumpItem, DumpLink, DumpMilestone, DumpNote, DumpPlan, DumpSetting, Key,
    LoadReport, Target,
};
pub use bulk::OpenMilestone;
pub use compact::{COMPACT_AFTER_ITEMS, Compacted};
pub use departments::{Department, Link};
pub use error::{Conflict, ConflictDuring, Result, StoreError};
pub use history::{ChangePreview, ChangeSummary, HistoryEntry};
pub use import::{ImportReport, ItemDecision, MappingLine, PlanImport};
pub use indicators::{IndicatorRow, IndicatorValue, parse_period};
pub use items::{ItemDetail, ItemEdit, ItemQuery, ItemRow, Stamp};
pub use migrations::latest_version;
pub use milestones::{Extension, Milestone};
pub use notes::Note;
pub use plans::PlanInfo;
pub use rejection::Rejection;
pub use returns::{
    ItemReturn, MilestoneReturn, ReturnConflict, ReturnInput, ReturnOutcome, ReturnState,
};
pub use rows::{Changes, Outline, ReadMark, RowView};
pub use search::MIN_INDEXED_QUERY;

use crate::track::health::Thresholds;
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another's write lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open database.
pub struct Store {
    conn: Connection,
    /// Declared after `conn`, so it is dropped after the connection is closed.
    _open: access::OpenGuard,
    path: PathBuf,
    user: String,
    warnings: Vec<String>,
    created: bool,
    /// Whole-write attempts when the lock stays busy past the busy timeout.
    attempts: usize,
    /// The busy timeout in force (see `set_patience`).
    timeout: Duration,
    /// Changes committed through this store, oldest first: the person knows about them,
    /// so they never count as someone else's change against an edit of theirs.
    session_changes: Vec<i64>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("user", &self.user)
            .finish()
    }
}

/// A second, read-only connection to the same file, for reading on another thread while
/// this store's connection reads too (start-up, search).
fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn sqlite_error(path: &Path, source: rusqlite::Error) -> StoreError {
    let code = source.sqlite_error_code();
    match code {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase { path: path.to_path_buf() },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt { path: path.to_path_buf(), detail: source.to_string() },
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: path.to_path_buf() },
        // A full disk also shows as an I/O error (creating the -shm file of a WAL database
        // needs room even to read): said as what it is.
        Some(ErrorCode::SystemIoFailure) if access::disk_is_full(path) => {
            StoreError::DiskFull { path: path.to_path_buf() }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Busy { path: path.to_path_buf(), waited: BUSY_TIMEOUT }
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
            fix: "check the permissions of the database, its -wal and -shm files and its directory (README \"Sharing a database\")".into(),
        },
        _ => StoreError::Sqlite { path: path.to_path_buf(), source },
    }
}

impl Store {
    /// Open (or create and seed) the database at `path`, acting as `user`.
    pub fn open(path: &Path, user: &str) -> Result<Store> {
        // Who makes changes is shown to others: one line, checked like any typed name.
        let user = queries::typed(crate::track::limits::Field::User, user)?;
        let (existed, open) = access::check_writable(path)?;
        let mut warnings: Vec<String> = access::network_warning(path).into_iter().collect();
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| sqlite_error(path, e))?;
        if !existed {
            access::share_with_group(path)?;
        }
        let shm_existed = access::shm_of(path).exists();
        // Nothing is written before the file is known to be ours.
        identify::identify(&conn, path).inspect_err(|e| {
            if matches!(e, StoreError::DiskFull { .. }) && !shm_existed {
                access::remove_stub_shm(path);
            }
        })?;
        configure(&mut conn).map_err(|e| sqlite_error(path, e))?;
        let mut store = Store {
            conn,
            _open: open,
            path: path.to_path_buf(),
            user,
            warnings: Vec::new(),
            created: false,
            attempts: write::WRITE_ATTEMPTS,
            timeout: BUSY_TIMEOUT,
            session_changes: Vec::new(),
        };
        store.migrate()?;
        // Off during the migrations, which rebuild tables others refer to (checked by
        // foreign_key_check instead); on for everything else.
        store
            .conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| sqlite_error(path, e))?;
        if store.plan_count()? == 0 {
            store.seed()?;
            store.created = true;
        }
        warnings.append(&mut store.warnings);
        store.warnings = warnings;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        use rusqlite_migration::{Error as MigrationError, MigrationDefinitionError};
        let path = self.path.clone();
        migrations::to_latest(&mut self.conn).map_err(|e| match e {
            MigrationError::MigrationDefinition(MigrationDefinitionError::DatabaseTooFarAhead) => {
                let found: u32 = self
                    .conn
                    .pragma_query_value(None, "user_version", |r| r.get(0))
                    .unwrap_or(0);
                StoreError::TooNew {
                    path: path.clone(),
                    found,
                    supported: latest_version(),
                }
            }
            MigrationError::RusqliteError { err, .. } => sqlite_error(&path, err),
            other => StoreError::Invalid(format!(
                "cannot update the schema of {}: {other}",
                path.display()
            )),
        })
    }

    /// Import the embedded seed plans into an empty database.
    fn seed(&mut self) -> Result<()> {
        let metas = crate::seed::manifest().map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut docs = Vec::new();
        for file in crate::seed::SEED_FILES {
            let doc = crate::plan::parse_bytes(file.bytes, file.name)
                .map_err(|e| StoreError::Invalid(format!("embedded seed {}: {e}", file.name)))?;
            docs.push(doc);
        }
        let plans = crate::plan::merge_renditions(docs);
        self.import_plans(&plans, &metas)?;
        Ok(())
    }

    /// How long a write may wait for another process's lock before it gives up with
    /// `StoreError::Busy`: the busy timeout, tried `attempts` times. Scripts keep the
    /// default (5 s, 3 times); the workbench waits briefly and keeps the edit pending
    /// instead, so the screen never freezes for long.
    pub fn set_patience(&mut self, timeout: Duration, attempts: usize) -> Result<()> {
        self.conn
            .busy_timeout(timeout)
            .map_err(|e| sqlite_error(&self.path, e))?;
        self.attempts = attempts.max(1);
        self.timeout = timeout;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who this store records as the author of changes.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// Warnings found when opening (e.g. a network filesystem).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The changes committed through this store so far (a workbench's own saves).
    pub fn session_changes(&self) -> &[i64] {
        &self.session_changes
    }

    /// Count `changes` (committed by an earlier session of the same person, e.g. before
    /// the workbench was killed) as this session's own.
    pub fn adopt_changes(&mut self, changes: &[i64]) {
        self.session_changes.extend_from_slice(changes);
    }

    /// Whether this open created and seeded the database.
    pub fn was_created(&self) -> bool {
        self.created
    }

    fn plan_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM plan", [], |r| r.get(0))
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// Changes whenever another connection commits (PRAGMA data_version): poll it to
    /// refresh what is shown.
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// Leave WAL checkpoints to [`Store::checkpoint`]: a checkpoint stalls the commit
    /// that triggers it by 10–30 ms, so the workbench runs them while nobody types.
    pub fn defer_checkpoints(&mut self) -> Result<()> {
        self.conn
            .pragma_update(None, "wal_autocheckpoint", 0)
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// Copy committed pages from the WAL into the database, without waiting for readers
    /// or writers (PASSIVE).
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// Pace and light thresholds of this database (settings table, defaults otherwise).
    pub fn thresholds(&self) -> Result<Thresholds> {
        settings(&self.conn)
            .map(thresholds_of)
            .map_err(|e| sqlite_error(&self.path, e))
    }

    /// Set one threshold: pace_tolerance and yellow_lag in points (0–100), due_soon_days
    /// in days (0–3650).
    pub fn set_threshold(&mut self, key: &str, value: u32) -> Result<()> {
        let limit = match key {
            "pace_tolerance" | "yellow_lag" => 100,
            "due_soon_days" => 3650,
            _ => {
                return Err(StoreError::Rejected(Rejection::UnknownThreshold {
                    key: key.to_string(),
                }));
            }
        };
        if value > limit {
            return Err(StoreError::Rejected(Rejection::ThresholdOutOfRange {
                key: key.to_string(),
                limit: i64::from(limit),
                value: i64::from(value),
            }));
        }
        self.write("set threshold", |tx, change| {
            let old: Option<String> = queries::optional(tx.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)))?;
            tx.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![key, value.to_string()],
            )?;
            let what = history::Recorded::Setting(key.to_string());
            history::record(tx, change, None, &what, None, old.as_deref(), Some(&value.to_string()))?;
            Ok(())
        })
    }
}

/// The stored settings, (key, value).
fn settings(conn: &Connection) -> rusqlite::Result<Vec<(String, String)>> {
    conn.prepare_cached("SELECT key, value FROM setting")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect()
}

/// The thresholds the settings give (defaults for what is missing or unreadable).
fn thresholds_of(settings: impl IntoIterator<Item = (String, String)>) -> Thresholds {
    let mut thresholds = Thresholds::default();
    for (key, value) in settings {
        match key.as_str() {
            "pace_tolerance" => {
                thresholds.pace_tolerance = value.parse().unwrap_or(thresholds.pace_tolerance)
            }
            "yellow_lag" => thresholds.yellow_lag = value.parse().unwrap_or(thresholds.yellow_lag),
            "due_soon_days" => {
                thresholds.due_soon_days = value.parse().unwrap_or(thresholds.due_soon_days)
            }
            _ => {}
        }
    }
    thresholds
}

fn configure(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Turning a new file to WAL upgrades a read to a write, which SQLite refuses at once,
    // without waiting in the busy handler, while another connection opening the same new
    // file is doing the same: wait and retry as the busy timeout would.
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    let mode: String = loop {
        match conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)) {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(10));
            }
            other => break other?,
        }
    };
    debug_assert_eq!(mode.to_lowercase(), "wal");
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    Ok(())
}
