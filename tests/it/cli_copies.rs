//! Copies keep the database's protection (the adversarial review's F18, F19): backups,
//! dumps and exports of a 0660 database are 0660 whatever the umask, and an interrupted
//! backup leaves no temporary file behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli;

use cli::Db;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// The binary run through `sh` with `umask`.
fn with_umask(db: &Db, umask: &str, args: &str) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$PT\" --db \"$DB\" {args}"))
        .current_dir(db.dir.path())
        .env("PT", env!("CARGO_BIN_EXE_plantrack"))
        .env("DB", &db.path)
        .env("PLANTRACK_USER", "alice")
        .env("PLANTRACK_TODAY", cli::TODAY)
        .env("XDG_DATA_HOME", db.dir.path().join("xdg-data"))
        .env_remove("PLANTRACK_DB")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args}: {}", cli::stderr(&out));
}

#[test]
fn copies_of_a_shared_database_are_as_protected_as_it_whatever_the_umask() {
    let db = Db::new();
    db.ok(["list", "--plan", "zz"]);
    assert_eq!(mode(&db.path), 0o660, "plantrack creates the database 0660");
    for umask in ["022", "077"] {
        let names = [
            format!("backup-{umask}.db"),
            format!("dump-{umask}.json"),
            format!("export-{umask}.csv"),
            format!("export-{umask}.xlsx"),
        ];
        with_umask(&db, umask, &format!("backup {}", names[0]));
        with_umask(&db, umask, &format!("dump -o {}", names[1]));
        with_umask(&db, umask, &format!("export -o {}", names[2]));
        with_umask(&db, umask, &format!("export -o {}", names[3]));
        for name in &names {
            assert_eq!(
                mode(&db.dir.path().join(name)),
                0o660,
                "{name} with umask {umask}"
            );
        }
    }
    // A private database gives private copies.
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    with_umask(&db, "022", "dump -o private.json");
    assert_eq!(mode(&db.dir.path().join("private.json")), 0o600);
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn an_interrupted_backup_leaves_no_temporary_file() {
    let db = Db::new();
    db.ok(["list", "--plan", "zz"]);
    // The backup is made slow (a debug-build hook) once its temporary file exists, and
    // interrupted then.
    let copy = db.dir.path().join("copy.db");
    let mut child = db
        .command(["backup".as_ref(), copy.as_os_str()])
        .env("PLANTRACK_DEBUG_SLOW_WRITE", "10000")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while temporaries(db.dir.path()).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let temp = db.dir.path().join(&temporaries(db.dir.path())[0]);
    assert_eq!(mode(&temp), 0o600, "private while it is written");
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(
        temporaries(db.dir.path()).is_empty(),
        "{:?}",
        temporaries(db.dir.path())
    );
    assert!(!copy.exists());

    // One left by a writer killed with SIGKILL (nothing runs then) is swept by the next.
    std::fs::write(
        db.dir.path().join(".copy.db.plantrack-999999999.tmp"),
        vec![0u8; 4096],
    )
    .unwrap();
    db.ok(["backup".as_ref(), copy.as_os_str()]);
    assert!(
        temporaries(db.dir.path()).is_empty(),
        "{:?}",
        temporaries(db.dir.path())
    );
    assert_eq!(mode(&db.dir.path().join("copy.db")), 0o660);
}
