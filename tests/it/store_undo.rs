//! Undo and redo on a shared database: per person, step by step, shown before it is done,
//! and never over someone else's later work. Each test is a reproduction from the
//! adversarial review (F4, F5, F6) or one of the rules that follow from it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::plan::Role;
use plantrack::store::{ConflictDuring, ItemEdit, Store, StoreError};
use std::path::{Path, PathBuf};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

fn new_db(dir: &Path) -> PathBuf {
    let path = dir.join("u.db");
    drop(Store::open(&path, "setup").unwrap());
    path
}

fn progress(store: &mut Store, id: i64, value: u8) {
    let edit = ItemEdit {
        progress: Some(value),
        ..ItemEdit::default()
    };
    store.edit_item(id, None, &edit).unwrap();
}

fn conflict(error: StoreError) -> plantrack::store::Conflict {
    match error {
        StoreError::Conflict(c) => *c,
        other => panic!("expected a conflict, got {other:?}"),
    }
}

#[test]
fn two_undos_walk_two_steps_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut dave = Store::open(&path, "dave").unwrap();
    dave.add_note(7, "dave's note").unwrap();
    progress(&mut dave, 8, 10);
    progress(&mut dave, 8, 20);
    dave.undo().unwrap();
    assert_eq!(dave.show(8, today()).unwrap().row.progress, 10);
    // Failed before: "progress was changed by dave … after you read it".
    dave.undo().unwrap();
    assert_eq!(dave.show(8, today()).unwrap().row.progress, 0);
    // And further back, the note on another item.
    dave.undo().unwrap();
    assert!(dave.show(7, today()).unwrap().notes.is_empty());
    let err = dave.undo().unwrap_err();
    assert!(err.to_string().contains("no change left to undo"), "{err}");
}

#[test]
fn a_link_change_on_another_item_does_not_block_an_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    alice.set_department(1, "省财政厅", Role::Co, None).unwrap();
    bob.set_department(30, "省财政厅", Role::Co, None).unwrap();
    // Failed before: "item 1: role was changed by bob" (bob changed item 30).
    alice.undo().unwrap();
    let departments = |store: &Store, id| {
        store
            .show(id, today())
            .unwrap()
            .departments
            .into_iter()
            .map(|l| l.short)
            .collect::<Vec<_>>()
    };
    assert!(!departments(&alice, 1).contains(&"省财政厅".to_string()));
    assert!(departments(&alice, 30).contains(&"省财政厅".to_string()));
}

#[test]
fn a_link_edit_is_checked_on_its_own_item_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let seen = alice.stamp().unwrap();
    bob.set_department(3, "省自然资源厅", Role::Co, None)
        .unwrap();
    // Alice's edit of item 4 made on what she saw before bob's change of item 3.
    alice
        .set_department(4, "省自然资源厅", Role::Co, Some(seen))
        .unwrap();
    // The same department on the same item is a conflict, naming the right item.
    let err = bob
        .set_department(4, "省自然资源厅", Role::Lead, Some(seen))
        .unwrap_err();
    let c = conflict(err);
    assert_eq!((c.item, c.who.as_str()), (4, "alice"));
    assert!(
        !c.describe(false).contains("co@user"),
        "{}",
        c.describe(false)
    );
    assert!(
        c.describe(false).contains("co (user)"),
        "{}",
        c.describe(false)
    );
}

#[test]
fn undoing_an_added_milestone_that_others_extended_and_completed_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut gina = Store::open(&path, "gina").unwrap();
    let mut hank = Store::open(&path, "hank").unwrap();
    let due = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let m = gina.add_milestone(12, "gina-ms", due).unwrap();
    hank.extend_milestone(
        m,
        NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
        "hank extended",
    )
    .unwrap();
    hank.complete_milestone(m, today()).unwrap();
    let c = conflict(gina.undo().unwrap_err());
    assert_eq!(c.who, "hank");
    assert_eq!(c.during, ConflictDuring::Undo);
    assert_eq!(c.field, "done_on");
    let milestones = gina.show(12, today()).unwrap().milestones;
    let kept = milestones.iter().find(|x| x.id == m).expect("still there");
    assert_eq!(kept.done_on, Some(today()));
    assert_eq!(kept.extensions.len(), 1);
}

#[test]
fn undoing_a_setting_someone_changed_since_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut erin = Store::open(&path, "erin").unwrap();
    let mut frank = Store::open(&path, "frank").unwrap();
    erin.set_threshold("yellow_lag", 15).unwrap();
    frank.set_threshold("yellow_lag", 20).unwrap();
    let c = conflict(erin.undo().unwrap_err());
    assert_eq!((c.who.as_str(), c.value.as_deref()), ("frank", Some("20")));
    assert_eq!(erin.thresholds().unwrap().yellow_lag, 20);
    // Frank undoes his; now erin's undo is hers to make.
    frank.undo().unwrap();
    erin.undo().unwrap();
    assert_eq!(erin.thresholds().unwrap().yellow_lag, 10);
}

#[test]
fn a_change_and_its_undo_by_someone_else_do_not_block_mine() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    progress(&mut alice, 5, 30);
    progress(&mut bob, 5, 60);
    bob.undo().unwrap();
    alice.undo().unwrap();
    assert_eq!(alice.show(5, today()).unwrap().row.progress, 0);
}

#[test]
fn someone_elses_redo_is_later_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut alice = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    progress(&mut alice, 5, 30);
    progress(&mut bob, 5, 60);
    bob.undo().unwrap();
    bob.redo().unwrap();
    let c = conflict(alice.undo().unwrap_err());
    assert_eq!((c.who.as_str(), c.value.as_deref()), ("bob", Some("60")));
    assert_eq!(alice.show(5, today()).unwrap().row.progress, 60);
}

#[test]
fn undo_shows_what_it_will_revert_and_redo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut dave = Store::open(&path, "dave").unwrap();
    progress(&mut dave, 8, 10);
    progress(&mut dave, 8, 20);
    let preview = dave.undo_preview().unwrap().unwrap();
    assert_eq!(preview.entries.len(), 1);
    assert_eq!(preview.entries[0].new.as_deref(), Some("20"));
    assert_eq!(
        dave.show(8, today()).unwrap().row.progress,
        20,
        "a preview changes nothing"
    );
    dave.undo_expecting(preview.change).unwrap();
    // A preview that is no longer the newest is refused, not applied to something else.
    let stale = dave.undo_preview().unwrap().unwrap();
    progress(&mut dave, 9, 5);
    assert!(dave.undo_expecting(stale.change).is_err());
    dave.undo().unwrap(); // the 5 on item 9
    dave.undo().unwrap(); // 10 → 0
    assert_eq!(dave.show(8, today()).unwrap().row.progress, 0);
    let redo = dave.redo_preview().unwrap().unwrap();
    assert_eq!(redo.entries[0].new.as_deref(), Some("0"));
    dave.redo().unwrap();
    assert_eq!(dave.show(8, today()).unwrap().row.progress, 10);
    dave.redo().unwrap();
    assert_eq!(dave.show(9, today()).unwrap().row.progress, 5);
    // The undo of 20 → 10 came before the change of item 9: that change ended its redo.
    assert!(dave.redo_preview().unwrap().is_none());
    assert_eq!(dave.show(8, today()).unwrap().row.progress, 10);
    // A redo is undone like any change.
    dave.undo().unwrap();
    assert_eq!(dave.show(9, today()).unwrap().row.progress, 0);
    // A new change ends what can be redone.
    progress(&mut dave, 9, 7);
    assert!(dave.redo_preview().unwrap().is_none());
    assert!(dave.redo().is_err());
}

#[test]
fn an_undone_extension_comes_back_with_its_reason_on_redo() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut gina = Store::open(&path, "gina").unwrap();
    let due = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    let later = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
    let m = gina.add_milestone(12, "可研批复", due).unwrap();
    gina.extend_milestone(m, later, "用地审批延后").unwrap();
    gina.undo().unwrap();
    let shown = |store: &Store| {
        store
            .show(12, today())
            .unwrap()
            .milestones
            .into_iter()
            .find(|x| x.id == m)
            .unwrap()
    };
    assert_eq!(shown(&gina).due_on, due);
    assert!(shown(&gina).extensions.is_empty());
    gina.redo().unwrap();
    let back = shown(&gina);
    assert_eq!(back.due_on, later);
    assert_eq!(back.extensions.len(), 1);
    assert_eq!(back.extensions[0].reason, "用地审批延后");
}

#[test]
fn a_link_the_user_removed_stays_removed_when_the_plan_is_imported_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_db(dir.path());
    let mut store = Store::open(&path, "rm").unwrap();
    let task = store
        .list(
            &plantrack::store::ItemQuery {
                plan: Some("hn-czh-action-2024".into()),
                ..Default::default()
            },
            today(),
        )
        .unwrap()[0]
        .id;
    let lead = store.show(task, today()).unwrap().row.lead.unwrap();
    store.remove_department(task, &lead).unwrap();
    let text = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("seed/hunan-urbanization-action-plan-2024.txt"),
    )
    .unwrap();
    let doc =
        plantrack::plan::parse_bytes(&text, "hunan-urbanization-action-plan-2024.txt").unwrap();
    let plans = plantrack::plan::merge_renditions(vec![doc]);
    let report = store
        .import_plans(&plans, &plantrack::seed::manifest().unwrap())
        .unwrap();
    assert_eq!(report.plans[0].links_added, 0, "{report:?}");
    let detail = store.show(task, today()).unwrap();
    assert!(
        !detail.departments.iter().any(|l| l.short == lead),
        "{:?}",
        detail.departments
    );
    // Undoing the removal brings it back (and lifts the tombstone).
    store.undo().unwrap();
    assert!(
        store
            .show(task, today())
            .unwrap()
            .departments
            .iter()
            .any(|l| l.short == lead)
    );
}
