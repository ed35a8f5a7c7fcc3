//! Search is current when an import commits: a re-import that changes an item's text makes
//! the new text findable and the old text not, and items a new plan adds are findable,
//! whether the importer updates the index for the changed rows or rebuilds it (many rows
//! changed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::plan::{self, MergedPlan};
use plantrack::seed;
use plantrack::store::{ImportReport, Store};
use rusqlite::Connection;
use std::path::Path;

const ZZ_CZH_14: &str = "zhuzhou-urbanization-14th-fyp.txt";
const HN_15: &str = "hunan-15th-fyp-outline.txt";
const ACTION_2024: &str = "hunan-urbanization-action-plan-2024.txt";

fn seed_text(name: &str) -> &'static str {
    let file = seed::SEED_FILES
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no seed {name}"));
    std::str::from_utf8(file.bytes).unwrap()
}

fn import(store: &mut Store, text: &str, name: &str) -> ImportReport {
    let plans: Vec<MergedPlan> =
        plan::merge_renditions(vec![plan::parse_bytes(text.as_bytes(), name).unwrap()]);
    store
        .import_plans(&plans, &seed::manifest().unwrap())
        .unwrap()
}

fn finds(store: &Store, text: &str, id: i64) -> bool {
    assert!(text.chars().count() >= 3, "{text}: not an FTS query");
    store.search_text_ids(text).unwrap().contains(&id)
}

/// The index agrees with the item table (FTS5's own check of an external-content table).
fn assert_index_sound(path: &Path) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO item_fts(item_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    // A bulk import may enlarge FTS5's buffer for itself; others keep the default.
    let hashsize: Option<i64> = conn
        .query_row(
            "SELECT v FROM item_fts_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .ok();
    assert!(matches!(hashsize, None | Some(1_048_576)), "{hashsize:?}");
}

fn item_with(store: &Store, plan_key: &str, title: &str) -> i64 {
    let rows = store
        .list(
            &Default::default(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        )
        .unwrap();
    let hits: Vec<i64> = rows
        .iter()
        .filter(|r| r.plan_key == plan_key && r.title == title)
        .map(|r| r.id)
        .collect();
    assert_eq!(hits.len(), 1, "{plan_key} {title}");
    hits[0]
}

#[test]
fn one_changed_body_is_found_by_its_new_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let id = item_with(&store, "zz-czh-14", "科技创新人才集聚工程");
    assert!(finds(&store, "领军人才 200 名", id));
    assert!(!finds(&store, "领军人才 300 名", id));

    let text = seed_text(ZZ_CZH_14).replace("领军人才 200 名", "领军人才 300 名");
    let report = import(&mut store, &text, ZZ_CZH_14);
    assert_eq!(report.plans[0].text_changes.len(), 1, "{report:?}");

    assert!(finds(&store, "领军人才 300 名", id));
    assert!(!finds(&store, "领军人才 200 名", id));
    // The rest of the item's text is still found.
    assert!(finds(&store, "科技创新人才集聚", id));
    assert_index_sound(&path);

    // And back.
    import(&mut store, seed_text(ZZ_CZH_14), ZZ_CZH_14);
    assert!(finds(&store, "领军人才 200 名", id));
    assert!(!finds(&store, "领军人才 300 名", id));
    assert_index_sound(&path);
}

/// A key task keeps its id (it is matched by its number) when its title is reworded.
#[test]
fn a_changed_title_is_found_by_its_new_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let id = item_with(
        &store,
        "hn-czh-action-2024",
        "促进农业转移人口在城镇稳定就业",
    );
    let text = seed_text(ACTION_2024).replace(
        "2.促进农业转移人口在城镇稳定就业。",
        "2.推动进城务工人员在城镇稳定就业。",
    );
    let report = import(&mut store, &text, ACTION_2024);
    assert_eq!(report.plans[0].items_added, 0, "{report:?}");
    assert_eq!(
        item_with(
            &store,
            "hn-czh-action-2024",
            "推动进城务工人员在城镇稳定就业"
        ),
        id
    );
    assert!(finds(&store, "推动进城务工人员", id));
    assert!(!finds(&store, "促进农业转移人口在城镇", id));
    assert_index_sound(&path);
}

/// Most of the items of the largest plan change at once: more than half the table, so the
/// importer rebuilds the index instead of updating it row by row.
#[test]
fn many_changed_bodies_are_found_by_their_new_text_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let total = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM item", [], |r| r.get::<_, i64>(0))
        .unwrap();

    // Pick a changed item and a phrase of it: the word before its first 建设.
    let before = store
        .list(
            &Default::default(),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        )
        .unwrap();
    let (id, old_phrase) = before
        .iter()
        .filter(|r| r.plan_key == "hn-15th-fyp" && !r.title.contains("建设"))
        .find_map(|r| {
            let body = store
                .show(r.id, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
                .unwrap()
                .body;
            let at = body.find("建设")?;
            let prefix: String = body[..at]
                .chars()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            (prefix.chars().count() == 2 && !prefix.contains(char::is_whitespace))
                .then(|| (r.id, format!("{prefix}建设")))
        })
        .unwrap();
    let new_phrase = old_phrase.replace("建设", "建造");
    assert!(finds(&store, &old_phrase, id));
    assert!(!finds(&store, &new_phrase, id));

    let text = seed_text(HN_15).replace("建设", "建造");
    let report = import(&mut store, &text, HN_15);
    let changed = report.plans[0]
        .text_changes
        .iter()
        .filter(|c| c.ends_with("text changed"))
        .count() as i64;
    assert!(changed * 4 > total, "{changed} of {total}: not a rebuild");

    assert!(finds(&store, &new_phrase, id), "{new_phrase}");
    assert!(
        store
            .search_text_ids(&old_phrase)
            .unwrap()
            .iter()
            .all(|hit| store
                .show(*hit, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
                .unwrap()
                .body
                .contains(&old_phrase)),
        "{old_phrase} found in an item that no longer has it"
    );
    assert!(!finds(&store, &old_phrase, id));
    assert_index_sound(&path);
}

/// A plan new to the database: its items are searchable when the import is done.
#[test]
fn a_new_plans_items_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let text = seed_text(ZZ_CZH_14)
        .replace("株洲市", "湘潭市")
        .replace("科技创新人才集聚工程", "湘潭英才集聚工程");
    let report = import(&mut store, &text, "xiangtan-urbanization.txt");
    assert!(report.plans[0].created, "{report:?}");
    assert!(report.plans[0].items_added > 0);
    let key = report.plans[0].key.clone();
    let id = item_with(&store, &key, "湘潭英才集聚工程");
    assert!(finds(&store, "湘潭英才集聚", id));
    assert!(finds(&store, "领军人才 200 名", id));
    assert_index_sound(&path);
}

/// One import holding the same plan twice (texts the importer is given separately): an
/// item's text changed by the first and changed back by the second, and an item added by
/// the first and reworded by the second, are indexed with their final text only.
#[test]
fn rows_changed_twice_in_one_import_are_indexed_with_their_final_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let id = item_with(&store, "zz-czh-14", "科技创新人才集聚工程");

    let mut revised = seed_text(ZZ_CZH_14).replace("领军人才 200 名", "领军人才 300 名");
    let last = revised.find("青年人才荟萃工程。").unwrap();
    let insert_at = last + revised[last..].find('\n').unwrap() + 1;
    revised.insert_str(
        insert_at,
        "\n青年科学家培育工程。每年遴选支持 100 名青年科学家开展原创性基础研究。\n",
    );
    let reworded = revised
        .replace("领军人才 300 名", "领军人才 200 名")
        .replace("每年遴选支持 100 名", "每年遴选支持 150 名");
    let mut plans = Vec::new();
    for text in [&revised, &reworded] {
        plans.extend(plan::merge_renditions(vec![
            plan::parse_bytes(text.as_bytes(), ZZ_CZH_14).unwrap(),
        ]));
    }
    let report = store
        .import_plans(&plans, &seed::manifest().unwrap())
        .unwrap();
    assert_eq!(report.plans.len(), 2, "{report:?}");
    assert_eq!(report.plans[0].items_added, 1, "{report:?}");
    assert_eq!(report.plans[1].items_added, 0, "{report:?}");

    assert!(finds(&store, "领军人才 200 名", id));
    assert!(!finds(&store, "领军人才 300 名", id));
    let added = item_with(&store, "zz-czh-14", "青年科学家培育工程");
    assert!(finds(&store, "每年遴选支持 150 名", added));
    assert!(
        store
            .search_text_ids("每年遴选支持 100 名")
            .unwrap()
            .is_empty()
    );
    assert_index_sound(&path);
}
