//! Before opening: can this user write the database, its `-wal`/`-shm` and its directory,
//! and is it on a filesystem where SQLite's WAL is safe? Each problem is reported with the
//! file and the command that fixes it, instead of "attempt to write a readonly database".

use super::error::{Result, StoreError};
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Filesystems where WAL's shared memory does not work across machines.
const NETWORK_FILESYSTEMS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "9p",
    "ceph",
    "glusterfs",
    "afs",
    "sshfs",
];

/// The directory holding `path` ("." for a bare file name).
pub fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn fix_for_file(path: &Path) -> String {
    let described = match fs::metadata(path) {
        Ok(meta) => format!(
            "owner uid {}, group gid {}, mode {:04o}; ",
            meta.uid(),
            meta.gid(),
            meta.mode() & 0o7777
        ),
        Err(_) => String::new(),
    };
    let shown = path.display();
    format!(
        "{described}have its owner run `chgrp <shared group> '{shown}' && chmod 0660 '{shown}'`, \
         and keep the database in a setgid group directory (`install -d -m 2770 -g <shared group> DIR`, see README \"Sharing a database\")"
    )
}

fn writable_file(path: &Path) -> Result<()> {
    match OpenOptions::new().read(true).write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err(StoreError::ReadOnly {
            path: path.to_path_buf(),
            fix: fix_for_file(path),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Probes made by this process so far: each probe gets its own name, so threads opening
/// databases in one directory at once do not collide.
static PROBES: AtomicU64 = AtomicU64::new(0);

fn writable_directory(dir: &Path) -> Result<()> {
    // A probe file left by a process killed at the wrong moment (with a pid now reused) is
    // skipped, not reported as an error.
    let mut attempts = 0;
    let (probe, created) = loop {
        let n = PROBES.fetch_add(1, Ordering::Relaxed);
        let probe = dir.join(format!(".plantrack-probe-{}-{n}", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&probe) {
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempts < 8 => {
                attempts += 1;
            }
            created => break (probe, created),
        }
    };
    match created {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            Ok(())
        }
        Err(e)
            if e.kind() == std::io::ErrorKind::PermissionDenied || e.raw_os_error() == Some(30) =>
        {
            let shown = dir.display();
            Err(StoreError::ReadOnly {
                path: dir.to_path_buf(),
                fix: format!(
                    "SQLite needs to create the -wal and -shm files next to the database; \
                     have the directory's owner run `chgrp <shared group> '{shown}' && chmod 2770 '{shown}'`"
                ),
            })
        }
        Err(source) => Err(StoreError::Io {
            path: dir.to_path_buf(),
            source,
        }),
    }
}

/// Databases this process has open (by canonical path), with how many stores hold each.
///
/// Probing whether a file is writable opens and closes it, and closing any descriptor of a
/// file drops every POSIX lock this process holds on it, SQLite's included (SQLite's "How
/// To Corrupt An SQLite Database File", §2.2). Another process could then take this one
/// for gone, checkpoint and delete the -wal and -shm still in use here, and commits are
/// lost. So the files of a database this process already has open are not probed again.
static OPEN: Mutex<Vec<(PathBuf, usize)>> = Mutex::new(Vec::new());

fn open_databases() -> MutexGuard<'static, Vec<(PathBuf, usize)>> {
    OPEN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Counts a database as open in this process until dropped; a `Store` drops it after
/// closing its connection.
#[derive(Debug)]
pub struct OpenGuard(PathBuf);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        let mut open = open_databases();
        if let Some(index) = open.iter().position(|(key, _)| *key == self.0) {
            open[index].1 -= 1;
            if open[index].1 == 0 {
                open.swap_remove(index);
            }
        }
    }
}

/// Check everything this user must be able to write. Returns whether the database exists,
/// and the guard that counts it as open in this process (keep it until the connection is
/// closed).
pub fn check_writable(path: &Path) -> Result<(bool, OpenGuard)> {
    let dir = directory_of(path);
    if !dir.is_dir() {
        return Err(StoreError::MissingDirectory { dir });
    }
    let key = fs::canonicalize(&dir)
        .unwrap_or_else(|_| dir.clone())
        .join(path.file_name().unwrap_or_default());
    // Held while probing, so no other thread of this process opens the database meanwhile.
    let mut open = open_databases();
    let already_open = open.iter().any(|(k, _)| *k == key);
    let exists = path.exists();
    if exists && !already_open {
        writable_file(path)?;
        for suffix in ["-wal", "-shm"] {
            let mut side = path.as_os_str().to_owned();
            side.push(suffix);
            writable_file(Path::new(&side))?;
        }
    }
    writable_directory(&dir)?;
    match open.iter_mut().find(|(k, _)| *k == key) {
        Some((_, count)) => *count += 1,
        None => open.push((key.clone(), 1)),
    }
    Ok((exists, OpenGuard(key)))
}

/// A database plantrack creates is group-readable and -writable (SQLite would create it
/// 0644 whatever the umask), so colleagues in the directory's group can share it.
pub fn share_with_group(path: &Path) -> Result<()> {
    fs::set_permissions(path, fs::Permissions::from_mode(0o660)).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The filesystem type holding `path`, from a mount table in /proc/self/mounts format.
pub fn filesystem_type(path: &Path, mounts: &str) -> Option<String> {
    let path = path.to_string_lossy();
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let _device = fields.next()?;
            let mount_point = fields.next()?.replace("\\040", " ");
            let fs_type = fields.next()?;
            let inside = path == mount_point
                || mount_point == "/"
                || path.starts_with(&format!("{}/", mount_point.trim_end_matches('/')));
            inside.then(|| (mount_point.len(), fs_type.to_string()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs_type)| fs_type)
}

/// Whether WAL is unsafe on this filesystem type.
pub fn is_network_filesystem(fs_type: &str) -> bool {
    NETWORK_FILESYSTEMS.contains(&fs_type) || fs_type == "fuse" || fs_type.starts_with("fuse.")
}

/// A loud warning when the database sits on a network or FUSE filesystem.
pub fn network_warning(path: &Path) -> Option<String> {
    let dir = fs::canonicalize(directory_of(path)).ok()?;
    let mounts = fs::read_to_string("/proc/self/mounts").ok()?;
    let fs_type = filesystem_type(&dir, &mounts)?;
    is_network_filesystem(&fs_type).then(|| {
        format!(
            "WARNING: {} is on a {fs_type} filesystem. SQLite's WAL mode needs shared memory that \
             {fs_type} does not provide across machines: concurrent use from several machines can \
             corrupt the database. Keep it on a local disk of the shared server.",
            path.display()
        )
    })
}

/// Whether the filesystem holding `path` has no room left for an ordinary write.
pub fn disk_is_full(path: &Path) -> bool {
    nix::sys::statvfs::statvfs(&directory_of(path)).is_ok_and(|fs| fs.blocks_available() == 0)
}

/// The `-shm` file of the database at `path`.
pub fn shm_of(path: &Path) -> PathBuf {
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    PathBuf::from(shm)
}

/// Remove a `-shm` this process began and could not finish on a full disk: a stub of a
/// few bytes (a real one is at least 32 KiB), which would otherwise stay behind.
pub fn remove_stub_shm(path: &Path) {
    let shm = shm_of(path);
    if fs::metadata(&shm).is_ok_and(|m| m.len() < 32 * 1024) {
        let _ = fs::remove_file(&shm);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    const MOUNTS: &str = "\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /srv/plans nfs4 rw,relatime 0 0
//nas/share /mnt/nas cifs rw 0 0
user@host:/data /home/u/remote fuse.sshfs rw 0 0
tmpfs /srv/plans/local tmpfs rw 0 0
";

    #[test]
    fn detects_network_and_fuse_filesystems() {
        let fs = |p: &str| filesystem_type(Path::new(p), MOUNTS).unwrap();
        assert_eq!(fs("/srv/plans/db"), "nfs4");
        assert_eq!(fs("/srv/plans/local/db"), "tmpfs");
        assert_eq!(fs("/mnt/nas/x"), "cifs");
        assert_eq!(fs("/home/u/remote/a"), "fuse.sshfs");
        assert_eq!(fs("/srv/plansx"), "ext4");
        for t in ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "fuse"] {
            assert!(is_network_filesystem(t), "{t}");
        }
        for t in ["ext4", "xfs", "tmpfs", "btrfs"] {
            assert!(!is_network_filesystem(t), "{t}");
        }
    }

    #[test]
    fn missing_directory_is_named() {
        let err = check_writable(Path::new("/nonexistent-dir-for-test/plan.db")).unwrap_err();
        assert!(
            err.to_string()
                .contains("/nonexistent-dir-for-test does not exist"),
            "{err}"
        );
    }
}
