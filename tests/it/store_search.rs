//! What `Store::search_ids` finds, on a real SQLite file: Chinese substrings of titles and
//! bodies through the trigram index (only where they occur in a row, not wherever their
//! trigrams do), `%`, `_` and quotes taken literally, one or two characters by a scan,
//! and pinyin of titles.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::store::Store;
use rusqlite::Connection;
use std::collections::HashSet;
use std::path::Path;

/// Titles and bodies of the items added to a seeded database, with the ids they get.
const ITEMS: &[(&str, &str)] = &[
    // The body has every trigram of 发展城镇化, but never the five characters in a row.
    ("推进城市建设", "发展城市群，展城镇体系，新型城镇化提质。"),
    ("新型城镇化发展工程", "加快发展城镇化建设。"),
    ("增速达到60%以上", "单位GDP能耗下降13.5%。"),
    ("增速达到60X以上", "完善5G_基站布局。"),
    ("长株潭都市圈轨道交通", "推进长株潭一体化。"),
    ("Smart City 智慧城市", "建设city brain，\"数字孪生\"平台。"),
];

/// A seeded database with [`ITEMS`] added to its first plan; their ids in order.
fn store_with_items(path: &Path) -> (Store, Vec<i64>) {
    drop(Store::open(path, "alice").unwrap());
    let conn = Connection::open(path).unwrap();
    let ids = add_items(&conn);
    drop(conn);
    (Store::open(path, "alice").unwrap(), ids)
}

fn add_items(conn: &Connection) -> Vec<i64> {
    let plan: i64 = conn
        .query_row("SELECT min(id) FROM plan", [], |r| r.get(0))
        .unwrap();
    ITEMS
        .iter()
        .enumerate()
        .map(|(n, (title, body))| {
            conn.execute(
                "INSERT INTO item(plan_id, stable_key, kind, title, body, position)
                 VALUES (?1, ?2, 'task', ?3, ?4, 100000 + ?5)",
                rusqlite::params![plan, format!("search-test-{n}"), title, body, n as i64],
            )
            .unwrap();
            let id = conn.last_insert_rowid();
            // What the importer indexes of an item (`item.search_text`).
            conn.execute(
                "INSERT INTO item_fts(rowid, search_text) SELECT id, search_text FROM item WHERE id = ?1",
                [id],
            )
            .unwrap();
            id
        })
        .collect()
}

/// Which of [`ITEMS`] (by index) a search finds; other items are ignored.
fn found(store: &Store, ids: &[i64], text: &str) -> Vec<usize> {
    let hits: HashSet<i64> = store.search_ids(text).unwrap();
    (0..ids.len()).filter(|&n| hits.contains(&ids[n])).collect()
}

#[test]
fn substrings_are_found_only_where_they_occur_in_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = store_with_items(&dir.path().join("plan.db"));
    // Item 0 holds every trigram of 发展城镇化 but not the phrase: not found.
    assert_eq!(found(&store, &ids, "发展城镇化"), vec![1]);
    assert_eq!(found(&store, &ids, "展城镇体"), vec![0]);
    assert_eq!(found(&store, &ids, "发展城"), vec![0, 1]);
    // Title or body.
    assert_eq!(found(&store, &ids, "长株潭一体化"), vec![4]);
    assert_eq!(found(&store, &ids, "都市圈轨道"), vec![4]);
    // ASCII letters in any case, as before.
    assert_eq!(found(&store, &ids, "CITY"), vec![5]);
    assert_eq!(found(&store, &ids, "city brain"), vec![5]);
}

#[test]
fn percent_underscore_and_quotes_are_taken_literally() {
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = store_with_items(&dir.path().join("plan.db"));
    assert_eq!(found(&store, &ids, "60%以上"), vec![2]);
    assert_eq!(found(&store, &ids, "13.5%"), vec![2]);
    assert_eq!(found(&store, &ids, "5G_基站"), vec![3]);
    assert!(found(&store, &ids, "5G%基站").is_empty());
    assert!(found(&store, &ids, "60_以上").is_empty());
    assert_eq!(found(&store, &ids, "\"数字孪生\""), vec![5]);
    assert_eq!(found(&store, &ids, "孪生\"平"), vec![5]);
}

#[test]
fn short_and_pinyin_queries() {
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = store_with_items(&dir.path().join("plan.db"));
    // One or two characters: a scan of titles and bodies.
    assert_eq!(found(&store, &ids, "株潭"), vec![4]);
    assert_eq!(found(&store, &ids, "%"), vec![2]);
    // Pinyin spells titles only (initials or syllables), whatever the plan.
    assert_eq!(found(&store, &ids, "czt"), vec![4]);
    assert_eq!(found(&store, &ids, "changzhutan"), vec![4]);
    assert_eq!(found(&store, &ids, "CZT"), vec![4], "any case");
    assert_eq!(found(&store, &ids, "xxczh"), vec![1]);
    assert!(
        found(&store, &ids, "ytyh").is_empty(),
        "bodies are not spelled"
    );
}

/// The pinyin search reads titles on two connections; when the second cannot be opened
/// (here: the file's name is gone, the open connection still reads it), every piece is
/// read on the first and the answer is the same.
#[test]
fn pinyin_search_without_a_second_connection_finds_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let (store, ids) = store_with_items(&path);
    let before = store.search_ids("czt").unwrap();
    assert!(before.contains(&ids[4]));
    std::fs::rename(&path, dir.path().join("moved.db")).unwrap();
    assert!(
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM item", [], |r| r.get::<_, i64>(0)))
            .is_err()
    );
    assert_eq!(store.search_ids("czt").unwrap(), before);
}

/// A database of schema version 2 (title and body indexed apart), with items: opening it
/// moves the index to one text per item, and every kind of search finds what it found.
#[test]
fn a_version_2_database_keeps_its_search_after_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    let sql = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/sql");
    let old_ids = {
        let mut conn = Connection::open(&path).unwrap();
        let tx = conn.transaction().unwrap();
        for file in ["001_init.sql", "002_workbench.sql"] {
            tx.execute_batch(&std::fs::read_to_string(sql.join(file)).unwrap())
                .unwrap();
        }
        tx.pragma_update(None, "user_version", 2).unwrap();
        tx.execute(
            "INSERT INTO plan(key, title, short_name, period_start, period_end, imported_at, imported_by)
             VALUES ('old', '旧规划', '旧', 2021, 2025, '2024-01-01T00:00:00Z', 'alice')",
            [],
        )
        .unwrap();
        let plan = tx.last_insert_rowid();
        let ids: Vec<i64> = ITEMS
            .iter()
            .enumerate()
            .map(|(n, (title, body))| {
                tx.execute(
                    "INSERT INTO item(plan_id, stable_key, kind, title, body, position)
                     VALUES (?1, ?2, 'task', ?3, ?4, ?5)",
                    rusqlite::params![plan, format!("old-{n}"), title, body, n as i64],
                )
                .unwrap();
                let id = tx.last_insert_rowid();
                // Version 2's index: two columns.
                tx.execute(
                    "INSERT INTO item_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
                    rusqlite::params![id, title, body],
                )
                .unwrap();
                id
            })
            .collect();
        tx.commit().unwrap();
        ids
    };
    let store = Store::open(&path, "bob").unwrap();
    assert_eq!(found(&store, &old_ids, "发展城镇化"), vec![1]);
    assert_eq!(found(&store, &old_ids, "都市圈轨道"), vec![4]);
    assert_eq!(found(&store, &old_ids, "60%以上"), vec![2]);
    assert_eq!(found(&store, &old_ids, "czt"), vec![4]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    conn.execute(
        "INSERT INTO item_fts(item_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
}

/// A title the body does not repeat is searched too, and a phrase never spans the end of
/// the title and the start of the body.
#[test]
fn titles_not_in_the_body_are_searched_and_no_phrase_spans_the_two() {
    let dir = tempfile::tempdir().unwrap();
    let (store, ids) = store_with_items(&dir.path().join("plan.db"));
    // Item 0's title (推进城市建设) is not in its body.
    assert_eq!(found(&store, &ids, "推进城市建设"), vec![0]);
    assert!(found(&store, &ids, "建设发展城").is_empty());
}
