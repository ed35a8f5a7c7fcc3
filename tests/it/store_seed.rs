//! Opening a new database seeds it from the embedded plans; the tracking API works on it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::plan::Role;
use plantrack::store::{ItemEdit, ItemQuery, Store, StoreError};
use plantrack::track::Status;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

#[test]
fn new_database_is_seeded_with_every_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let store = Store::open(&path, "alice").unwrap();
    assert!(store.was_created());
    let items = store.list(&ItemQuery::default(), today()).unwrap();
    // 51 + 24 + 27 + 167 box items and tasks (see the plan tests for the per-plan counts).
    let per_plan = |key: &str| items.iter().filter(|i| i.plan_key == key).count();
    assert_eq!(per_plan("hn-czh-14"), 51);
    assert_eq!(per_plan("hn-czh-action-2024"), 24);
    assert_eq!(per_plan("zz-czh-14"), 27);
    let task1 = items
        .iter()
        .find(|i| i.plan_key == "hn-czh-action-2024" && i.number.as_deref() == Some("1"))
        .unwrap();
    assert_eq!(task1.lead.as_deref(), Some("省公安厅"));
    assert!(task1.co.contains(&"各市州、县市区人民政府".to_string()));
    let mode = std::fs::metadata(&path)
        .map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()) & 0o777)
        .unwrap();
    assert_eq!(mode, 0o660);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let again = Store::open(&path, "bob").unwrap();
    assert!(!again.was_created());
    assert_eq!(
        again.list(&ItemQuery::default(), today()).unwrap().len(),
        items.len()
    );
}

#[test]
fn edit_conflict_undo_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let hits = alice
        .list(
            &ItemQuery {
                text: Some("czt".into()),
                ..ItemQuery::default()
            },
            today(),
        )
        .unwrap();
    assert!(hits.iter().any(|i| i.title.contains("长株潭")), "{hits:?}");
    let id = hits[0].id;
    let base_alice = alice.stamp().unwrap();
    let base_bob = bob.stamp().unwrap();
    bob.edit_item(
        id,
        Some(base_bob),
        &ItemEdit {
            owner: Some(Some("王敏".into())),
            ..ItemEdit::default()
        },
    )
    .unwrap();
    // A different field merges.
    alice
        .edit_item(
            id,
            Some(base_alice),
            &ItemEdit {
                progress: Some(30),
                ..ItemEdit::default()
            },
        )
        .unwrap();
    // The same field is refused, naming who changed it.
    let err = alice
        .edit_item(
            id,
            Some(base_alice),
            &ItemEdit {
                owner: Some(Some("李强".into())),
                ..ItemEdit::default()
            },
        )
        .unwrap_err();
    match &err {
        StoreError::Conflict(c) => {
            assert_eq!(c.who, "bob");
            assert_eq!(c.value.as_deref(), Some("王敏"));
        }
        other => panic!("expected a conflict, got {other}"),
    }
    let detail = alice.show(id, today()).unwrap();
    assert_eq!(detail.row.owner.as_deref(), Some("王敏"));
    assert_eq!(detail.row.progress, 30);
    assert_eq!(detail.row.status, Status::InProgress);
    alice.undo().unwrap();
    let detail = alice.show(id, today()).unwrap();
    assert_eq!(detail.row.progress, 0);
    assert_eq!(detail.row.owner.as_deref(), Some("王敏"));
    alice
        .set_department(id, "湖南省发展和改革委员会", Role::Lead, None)
        .unwrap();
    let detail = alice.show(id, today()).unwrap();
    assert_eq!(detail.row.lead.as_deref(), Some("省发展改革委"));
}
