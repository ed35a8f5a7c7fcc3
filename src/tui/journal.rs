//! The journal of edits the workbench told the person it kept while another process held
//! the database's lock: a small file in the user's state directory, one per database and
//! person, written (and synced) before the person is told, removed when the edits are
//! saved. A workbench killed meanwhile (SIGKILL, a dropped SSH link) finds it at its next
//! start and saves the edits then.

use super::effect::Save;
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Largest journal read back (a few thousand pending edits; anything larger is not ours).
const MAX_BYTES: u64 = 8 << 20;
const VERSION: u32 = 1;

/// What the journal holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub version: u32,
    /// The database and the person the edits are for.
    pub db: PathBuf,
    pub user: String,
    /// The edits not saved yet, in the order they were made.
    pub saves: Vec<Save>,
    /// Changes the same session had saved since the oldest edit's snapshot: the person's
    /// own, never a conflict for these edits.
    #[serde(default)]
    pub mine: Vec<i64>,
}

/// FNV-1a: a stable name for a database path (the same across runs and builds).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The journal's path in `dir` for `store`'s database and person.
pub fn path_for(dir: &Path, store: &Store) -> PathBuf {
    let db = std::fs::canonicalize(store.path()).unwrap_or_else(|_| store.path().to_path_buf());
    let mut key = db.as_os_str().as_encoded_bytes().to_vec();
    key.push(0);
    key.extend_from_slice(store.user().as_bytes());
    dir.join(format!("pending-{:016x}.json", fnv(&key)))
}

/// Write the pending edits (or remove the journal when there are none). Durable before it
/// returns: a temporary file, synced, renamed over the journal, the directory synced.
pub fn write(dir: Option<&Path>, store: &Store, saves: &[Save]) -> Result<Option<PathBuf>, String> {
    let dir = dir.ok_or("no state directory (HOME is not set)")?;
    let path = path_for(dir, store);
    if saves.is_empty() {
        return match std::fs::remove_file(&path) {
            Ok(()) => Ok(None),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        };
    }
    let oldest = saves
        .iter()
        .filter_map(Save::stamp)
        .min()
        .unwrap_or_default();
    let pending = Pending {
        version: VERSION,
        db: store.path().to_path_buf(),
        user: store.user().to_string(),
        saves: saves.to_vec(),
        mine: store
            .session_changes()
            .iter()
            .copied()
            .filter(|&c| c > oldest)
            .collect(),
    };
    write_atomically(&path, &pending).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Some(path))
}

fn write_atomically(path: &Path, pending: &Pending) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let bytes = serde_json::to_vec(pending).map_err(std::io::Error::other)?;
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let result = (|| {
        use std::os::unix::fs::OpenOptionsExt;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&tmp)?;
        file.write_all(&bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        std::fs::File::open(dir)?.sync_all()
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The edits a previous workbench of this person on this database left unsaved.
pub fn read(dir: Option<&Path>, store: &Store) -> Result<Option<Pending>, String> {
    let Some(dir) = dir else {
        return Ok(None);
    };
    let path = path_for(dir, store);
    let shown = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(shown(&e)),
    };
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MAX_BYTES + 1), &mut bytes)
        .map_err(|e| shown(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(shown(
            &"larger than a journal of pending edits can be; left as it is",
        ));
    }
    let pending: Pending = serde_json::from_slice(&bytes).map_err(|e| shown(&e))?;
    if pending.version != VERSION || pending.user != store.user() {
        return Err(shown(
            &"written by another version or for another person; left as it is",
        ));
    }
    Ok(Some(pending))
}
