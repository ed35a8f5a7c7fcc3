//! Opening databases of every schema version: new, current, older (migrated forward),
//! newer (refused), and things that are not plantrack databases at all.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::store::{ItemQuery, Store, StoreError, latest_version};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn user_version(path: &Path) -> u32 {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

fn table_count(path: &Path) -> i64 {
    let conn = Connection::open(path).unwrap();
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// The migration files in order (`src/store/sql/00N_*.sql`): the same list
/// `store::migrations` embeds, one file per version.
fn migration_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/sql");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
}

#[test]
fn a_missing_file_is_created_at_the_latest_version_and_reopening_is_a_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let store = Store::open(&path, "alice").unwrap();
    assert!(store.was_created());
    let items = store.list(&ItemQuery::default(), today()).unwrap();
    let stamp = store.stamp().unwrap();
    drop(store);
    assert_eq!(user_version(&path), latest_version());
    let tables = table_count(&path);

    let again = Store::open(&path, "bob").unwrap();
    assert!(!again.was_created());
    assert_eq!(again.stamp().unwrap(), stamp, "reopening recorded a change");
    assert_eq!(again.list(&ItemQuery::default(), today()).unwrap(), items);
    drop(again);
    assert_eq!(user_version(&path), latest_version());
    assert_eq!(table_count(&path), tables);
}

#[test]
fn every_migration_file_is_one_schema_version() {
    assert_eq!(
        migration_files().len(),
        usize::try_from(latest_version()).unwrap(),
        "src/store/sql holds a file per version; latest_version() disagrees"
    );
}

#[test]
fn databases_of_every_earlier_version_are_migrated_forward() {
    let files = migration_files();
    for version in 0..latest_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.db");
        if version == 0 {
            // Version 0: what an empty file is (e.g. made with `touch`).
            std::fs::write(&path, b"").unwrap();
        } else {
            let mut conn = Connection::open(&path).unwrap();
            let tx = conn.transaction().unwrap();
            for file in &files[..usize::try_from(version).unwrap()] {
                tx.execute_batch(&std::fs::read_to_string(file).unwrap())
                    .unwrap();
            }
            tx.pragma_update(None, "user_version", version).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(user_version(&path), version);
        let store = Store::open(&path, "alice")
            .unwrap_or_else(|e| panic!("opening a version {version} database: {e}"));
        assert!(
            !store
                .list(&ItemQuery::default(), today())
                .unwrap()
                .is_empty(),
            "version {version}: not seeded"
        );
        assert_eq!(store.integrity_check().unwrap(), "ok");
        drop(store);
        assert_eq!(user_version(&path), latest_version(), "from {version}");
    }
}

#[test]
fn a_database_from_a_newer_plantrack_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    drop(Store::open(&path, "alice").unwrap());
    let newer = latest_version() + 1;
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    let err = Store::open(&path, "alice").unwrap_err();
    match &err {
        StoreError::TooNew {
            path: p,
            found,
            supported,
        } => {
            assert_eq!(p, &path);
            assert_eq!(*found, newer);
            assert_eq!(*supported, latest_version());
        }
        other => panic!("expected TooNew, got {other:?}"),
    }
    let message = err.to_string();
    assert!(message.contains("newer plantrack"), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(
        message.contains(&format!("schema version {newer}")),
        "{message}"
    );
    assert!(
        message.contains(&format!("up to {}", latest_version())),
        "{message}"
    );
    assert_eq!(user_version(&path), newer, "the newer file was modified");
}

#[test]
fn a_text_file_is_not_a_database() {
    for text in [
        "这不是数据库\n".to_string(),
        "plan notes, not a database\n".repeat(200),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, &text).unwrap();
        let err = Store::open(&path, "alice").unwrap_err();
        match &err {
            StoreError::NotADatabase { path: p } => assert_eq!(p, &path),
            other => panic!("expected NotADatabase, got {other:?}"),
        }
        let message = err.to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("not a plantrack database"), "{message}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "the text file was modified"
        );
    }
}

#[test]
fn a_path_in_a_missing_directory_names_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-dir").join("deeper");
    let path = missing.join("plan.db");
    let err = Store::open(&path, "alice").unwrap_err();
    match &err {
        StoreError::MissingDirectory { dir: d } => assert_eq!(d, &missing),
        other => panic!("expected MissingDirectory, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains(&format!("{} does not exist", missing.display())),
        "{message}"
    );
    assert!(message.contains("mkdir -p"), "{message}");
    assert!(!missing.exists(), "the directory was created");
}
