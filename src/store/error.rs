//! Store errors, each with a message that names the file and the fix.

use std::path::PathBuf;
use thiserror::Error;

/// What a person was doing when someone else's change stood in the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictDuring {
    /// Saving an edit made on what they had read.
    Edit,
    /// Undoing one of their changes.
    Undo,
    /// Redoing a change they had undone.
    Redo,
    /// Collecting a department's return: the field was changed after the return was
    /// exported, so the return's value is not applied.
    Return,
}

/// Someone else changed a field since it was read (or since the change being undone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The item the field belongs to (0 for a database setting).
    pub item: i64,
    /// What was changed: "item", "link", "milestone", "note", "indicator_value", "setting".
    pub entity: String,
    pub field: String,
    pub who: String,
    /// When, as stored (RFC 3339, UTC).
    pub at: String,
    /// The value they set (None when they cleared it).
    pub value: Option<String>,
    pub during: ConflictDuring,
}

impl Conflict {
    /// The field as people call it, in Chinese or English.
    pub fn field_label(&self, zh: bool) -> String {
        match crate::track::fields::field_label(&self.entity, &self.field) {
            Some(label) if self.entity == "setting" => {
                format!("{} {}", if zh { label.zh } else { label.en }, self.field)
            }
            Some(label) => (if zh { label.zh } else { label.en }).to_string(),
            None => self.field.clone(),
        }
    }

    /// The value they set, as people read it.
    pub fn value_label(&self, zh: bool) -> String {
        match &self.value {
            Some(value) => crate::track::fields::value_label(&self.entity, &self.field, value, zh),
            None if zh => "（空）".to_string(),
            None => "(empty)".to_string(),
        }
    }

    /// The whole message in one language: in Chinese `at` is shown to the minute, in
    /// English as stored (UTC, to the millisecond).
    pub fn describe(&self, zh: bool) -> String {
        let at = if zh {
            self.at.get(..16).unwrap_or(&self.at).replace('T', " ")
        } else {
            self.at.clone()
        };
        let place = match self.item {
            0 if zh => "数据库设置".to_string(),
            0 => "database setting".to_string(),
            item => format!("#{item}"),
        };
        let (field, value) = (self.field_label(zh), self.value_label(zh));
        match (self.during, zh) {
            (ConflictDuring::Edit, true) => format!(
                "{place} 的{field}在您读取之后已被 {} 于 {at} 改为“{value}”；未保存。按 r 刷新后再改",
                self.who
            ),
            (ConflictDuring::Edit, false) => format!(
                "{place}: {field} was changed by {} at {at} to “{value}” after you read it; nothing was saved; reload to see the current value",
                self.who
            ),
            (ConflictDuring::Return, true) => format!(
                "{place} 的{field}在报表导出后已被 {} 于 {at} 改为“{value}”；报表中的值未采用",
                self.who
            ),
            (ConflictDuring::Return, false) => format!(
                "{place}: {field} was changed by {} at {at} to “{value}” after the return was exported; the return's value was not applied",
                self.who
            ),
            (ConflictDuring::Undo | ConflictDuring::Redo, true) => format!(
                "无法{}：{place} 的{field}之后已被 {} 于 {at} 改为“{value}”，{}会覆盖他人的修改；未做任何更改",
                if self.during == ConflictDuring::Undo {
                    "撤销"
                } else {
                    "重做"
                },
                self.who,
                if self.during == ConflictDuring::Undo {
                    "撤销"
                } else {
                    "重做"
                },
            ),
            (ConflictDuring::Undo | ConflictDuring::Redo, false) => format!(
                "cannot {}: {place}: {field} was changed since by {} at {at} to “{value}”, which it would overwrite; nothing was changed",
                if self.during == ConflictDuring::Undo {
                    "undo"
                } else {
                    "redo"
                },
                self.who
            ),
        }
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(false))
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
    #[error(
        "{path} is a database of another application (tables: {}), not a plantrack database; nothing was changed in it; choose another path with --db",
        tables.join(", ")
    )]
    Foreign { path: PathBuf, tables: Vec<String> },
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
    Conflict(Box<Conflict>),
    /// An import would have to guess which stored item a text item is.
    #[error(
        "{plan}: {} item(s) of the text may or may not be items tracked before; nothing was imported. Decide each with --map ID=+N (the same item) or --map ID=new (not the same): {}",
        pairs.len(),
        uncertain_list(pairs)
    )]
    Uncertain {
        plan: String,
        pairs: Vec<super::import::MappingLine>,
    },
    #[error("no {what} {id}")]
    NotFound { what: &'static str, id: String },
    /// A request the store turns down (a date out of range, nothing to undo…), said in
    /// the session's language by [`StoreError::describe`].
    #[error("{}", .0.message(crate::text::lang::Lang::En))]
    Rejected(super::rejection::Rejection),
    /// A failure of the program's own data (the embedded seed, a schema update) or of a
    /// dump's framing: not something a person typed.
    #[error("{0}")]
    Invalid(String),
    /// A typed value the field does not take (too long, two lines, an invisible filler…).
    #[error("{0}; nothing was saved")]
    Refused(crate::track::limits::Refused),
    /// A dump `load` refused, with every problem found (JSON path: what is wrong).
    #[error(
        "the dump cannot be loaded; nothing was changed. {} problem(s):\n{}",
        .0.len(),
        .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
    )]
    InvalidDump(Vec<String>),
    /// Any other database failure: said in plain words (SQLite's own text stays in the
    /// error's source, for `{:?}` and bug reports, never in the message).
    #[error("{}: {}; nothing was saved by this action", path.display(), plain(source))]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    /// A database error not yet tied to its file; `Store` replaces it with a specific one
    /// before it leaves the store.
    #[error("the database could not do this: {}", plain(.0))]
    Db(#[from] rusqlite::Error),
    #[error("cannot set up {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

fn uncertain_list(pairs: &[super::import::MappingLine]) -> String {
    pairs
        .iter()
        .map(|p| {
            format!(
                "#{} {} ↔ +{} {} ({}%)",
                p.item.unwrap_or_default(),
                p.old_title.as_deref().unwrap_or(""),
                p.text.unwrap_or_default(),
                p.new_title.as_deref().unwrap_or(""),
                p.score.unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What a database failure means, in words people read (no SQLite codes or SQL).
fn plain(error: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode::*;
    match error.sqlite_error_code() {
        Some(ConstraintViolation) => {
            "the change would break a consistency rule of the data (a defect of plantrack: please report what you did)"
        }
        Some(SystemIoFailure) => {
            "the disk could not be read or written (is it full, removed or failing?)"
        }
        Some(OutOfMemory) => "out of memory",
        Some(CannotOpen) => "the file cannot be opened",
        Some(PermissionDenied) => "permission denied",
        Some(TooBig) => "a value is too large to store",
        Some(OperationInterrupted | OperationAborted) => "the action was interrupted",
        Some(SchemaChanged) => "the database was changed by another program meanwhile; try again",
        Some(FileLockingProtocolFailed) => {
            "file locking does not work here (a network filesystem?)"
        }
        _ => match error {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => {
                "a stored value is not what plantrack wrote there (was the file edited by another program?)"
            }
            _ => {
                "the database reported an unexpected failure (a defect of plantrack: please report what you did)"
            }
        },
    }
}

impl StoreError {
    /// The message in `lang`: conflicts, refused values and rejections in Chinese for a
    /// Chinese session; the rest as the English message (file paths and plain words).
    pub fn describe(&self, lang: crate::text::lang::Lang) -> String {
        use crate::text::lang::Lang;
        let zh = lang == Lang::Zh;
        match self {
            StoreError::Conflict(conflict) => conflict.describe(zh),
            StoreError::Rejected(rejection) => rejection.message(lang),
            StoreError::Refused(refused) if zh => format!("{}；未保存", refused.describe(true)),
            StoreError::NotFound { what, id } if zh => {
                let what = match *what {
                    "item" => "事项",
                    "milestone" => "节点",
                    "indicator" => "指标",
                    "department" => "单位",
                    other => other,
                };
                format!("没有{what} {id}")
            }
            StoreError::Busy { path, waited } if zh => format!(
                "数据库正忙（{}）：另一进程已占用写锁超过 {:.1} 秒；请稍后再试（本次操作未保存）",
                path.display(),
                waited.as_secs_f64()
            ),
            StoreError::DiskFull { path } if zh => format!(
                "{} 所在磁盘已满；请腾出空间后再试（本次操作未保存）",
                path.display()
            ),
            StoreError::ReadOnly { path, .. } if zh => {
                format!("{} 对您不可写；本次操作未保存", path.display())
            }
            other => other.to_string(),
        }
    }
}
