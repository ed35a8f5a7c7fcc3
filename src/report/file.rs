//! Writing a file that comes from the database (an export, a dump, a backup) whole or not
//! at all, with the database's own protection: a copy of a 0660 database shared by group
//! `plan` is 0660 and group `plan`, never world-readable whatever the umask, and never
//! private to its writer when the database is not. A temporary file beside the target
//! (private while written) is renamed into place; an interrupted writer leaves none behind
//! (removed on SIGINT/SIGTERM/SIGHUP, swept at the next write after SIGKILL).

use anyhow::{Context, Result, anyhow, bail};
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

fn safe(text: &str) -> String {
    crate::text::sanitize::term_safe(text).into_owned()
}

fn shown(path: &Path) -> String {
    safe(&path.display().to_string())
}

/// The mode and group a copy of the database gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Protection {
    pub mode: u32,
    pub gid: Option<u32>,
}

impl Protection {
    /// The database's permission bits (read and write only) and group; private (0600)
    /// when it cannot be read.
    pub fn of(db: &Path) -> Protection {
        match std::fs::metadata(db) {
            Ok(meta) => Protection {
                mode: meta.mode() & 0o666,
                gid: Some(meta.gid()),
            },
            Err(_) => Protection {
                mode: 0o600,
                gid: None,
            },
        }
    }

    /// Give `file` this protection (the group only where the writer may: a member of it).
    fn apply(self, file: &std::fs::File) -> std::io::Result<()> {
        if let Some(gid) = self.gid
            && file.metadata()?.gid() != gid
        {
            let _ = std::os::unix::fs::fchown(file, None, Some(gid));
        }
        file.set_permissions(std::fs::Permissions::from_mode(self.mode))
    }
}

/// Temporary files being written, removed when a signal ends the process.
fn in_progress() -> &'static Mutex<Vec<PathBuf>> {
    static FILES: OnceLock<Mutex<Vec<PathBuf>>> = OnceLock::new();
    FILES.get_or_init(|| Mutex::new(Vec::new()))
}

fn registered(update: impl FnOnce(&mut Vec<PathBuf>)) {
    let mut files = in_progress()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    update(&mut files);
}

/// For commands: on SIGINT, SIGTERM or SIGHUP remove the temporary files being written,
/// then exit as the signal would (128 + its number).
pub fn clean_up_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("cleanup".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                registered(|files| {
                    for file in files.iter() {
                        let _ = std::fs::remove_file(file);
                    }
                });
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

const TEMP_MARK: &str = ".plantrack-";

/// Temporary files of writers that no longer run (killed with SIGKILL): removed.
fn sweep(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(pid) = name
            .strip_suffix(".tmp")
            .and_then(|n| n.rsplit_once(TEMP_MARK))
            .and_then(|(_, pid)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if name.starts_with('.')
            && pid != std::process::id()
            && !Path::new(&format!("/proc/{pid}")).exists()
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A test hook, in debug builds only (compiled out of release builds): with
/// `PLANTRACK_DEBUG_SLOW_WRITE=MS` a writer waits that long once its temporary file exists,
/// so `tests/it/cli_copies.rs` can interrupt it half-way.
fn debug_pause() {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("PLANTRACK_DEBUG_SLOW_WRITE")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// A temporary file beside a target, removed when dropped unless persisted.
pub struct TempFile {
    path: Option<PathBuf>,
    protection: Protection,
}

impl TempFile {
    /// An empty file beside `path` (same directory, so the final rename is atomic), private
    /// to its writer until it is persisted with `protection`.
    pub fn beside(path: &Path, protection: Protection) -> Result<TempFile> {
        let dir = directory_of(path);
        sweep(&dir);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temp = path.with_file_name(format!(".{name}{TEMP_MARK}{}.tmp", std::process::id()));
        let _ = std::fs::remove_file(&temp);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&temp)
            .with_context(|| format!("cannot write {}", shown(path)))?;
        registered(|files| files.push(temp.clone()));
        debug_pause();
        Ok(TempFile {
            path: Some(temp),
            protection,
        })
    }

    pub fn path(&self) -> &Path {
        self.path.as_deref().unwrap_or(Path::new(""))
    }

    /// Move the file to `path` with its protection: replacing it when `replace`, else only
    /// if it does not exist (a hard link fails on an existing name, so nothing is
    /// overwritten even when the file appeared meanwhile).
    pub fn persist(mut self, path: &Path, replace: bool) -> Result<()> {
        let temp = self.path.take().unwrap_or_default();
        let protect = std::fs::File::open(&temp).and_then(|f| self.protection.apply(&f));
        let result = protect.and_then(|()| {
            if replace {
                std::fs::rename(&temp, path)
            } else {
                std::fs::hard_link(&temp, path)
            }
        });
        let _ = std::fs::remove_file(&temp);
        registered(|files| files.retain(|f| f != &temp));
        result.map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                anyhow!("{} exists; add --force to replace it", shown(path))
            } else {
                anyhow!(e).context(format!("cannot write {}", shown(path)))
            }
        })
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = std::fs::remove_file(&path);
            registered(|files| files.retain(|f| f != &path));
        }
    }
}

fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Refuse `path` when it is the database `db` (or its -wal or -shm file): replacing that
/// file under the people using it would lose their writes.
fn not_the_database(path: &Path, db: &Path) -> Result<()> {
    let Ok(target) = std::fs::metadata(path) else {
        return Ok(());
    };
    for suffix in ["", "-wal", "-shm"] {
        let mut side = db.as_os_str().to_owned();
        side.push(suffix);
        if let Ok(file) = std::fs::metadata(&side)
            && (file.dev(), file.ino()) == (target.dev(), target.ino())
        {
            bail!(
                "{} is the database (or one of its files); write to another file",
                shown(path)
            );
        }
    }
    Ok(())
}

/// Refuse to write `path` when it is the database `db`, when its directory is missing,
/// and when it exists unless `replace`.
pub fn check_new(path: &Path, replace: bool, db: &Path) -> Result<()> {
    not_the_database(path, db)?;
    let dir = directory_of(path);
    if !dir.is_dir() {
        bail!(
            "cannot write {}: the directory {} does not exist",
            shown(path),
            shown(&dir)
        );
    }
    if !replace && path.exists() {
        bail!("{} exists; add --force to replace it", shown(path));
    }
    Ok(())
}

/// Write `bytes` to `path` whole or not at all, with the protection of the database `db`
/// (a temporary file beside it, synced, then renamed). Refused as [`check_new`] says.
pub fn write_file(path: &Path, bytes: &[u8], replace: bool, db: &Path) -> Result<()> {
    check_new(path, replace, db)?;
    let temp = TempFile::beside(path, Protection::of(db))?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(temp.path())
        .with_context(|| format!("cannot write {}", shown(path)))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", shown(path)))?;
    drop(file);
    temp.persist(path, replace)
}
