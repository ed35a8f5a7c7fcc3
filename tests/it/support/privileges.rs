//! Tests that run the test binary as other users (through `setpriv`): can they run here?
#![allow(dead_code, clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

/// Why the test binary cannot be run as other users here, if it cannot: not root, no
/// `setpriv`, or a directory on the way to the binary other users cannot enter.
pub fn cannot_run_as_others() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|l| l.split_whitespace().next().map(str::to_string));
    if uid.as_deref() != Some("0") {
        return Some("not running as root: cannot switch to other users".into());
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        return Some("setpriv is not installed".into());
    }
    let exe = std::env::current_exe().unwrap();
    let mut reach = Some(exe.as_path());
    while let Some(path) = reach {
        let mode = std::fs::metadata(path).unwrap().permissions().mode();
        if mode & 0o001 == 0 {
            return Some(format!(
                "{} is not reachable by other users (mode {:04o}), so they cannot run the test binary",
                path.display(),
                mode & 0o7777
            ));
        }
        reach = path.parent();
    }
    None
}
