//! `dump` / `load`: the tracking state moves between databases without loss. Every kind
//! of tracking data is set through the store API; dump → load into a freshly seeded
//! database → dump gives the same bytes, the items read the same, and undo still works.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::plan::Role;
use plantrack::report::json::write_json;
use plantrack::store::{Dump, ItemDetail, ItemEdit, ItemQuery, Store, StoreError};
use plantrack::track::Status;
use std::path::Path;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

fn open(dir: &Path, name: &str, user: &str) -> Store {
    Store::open(&dir.join(name), user).unwrap()
}

fn bytes(dump: &Dump) -> Vec<u8> {
    let mut out = Vec::new();
    write_json(dump, &mut out).unwrap();
    out
}

fn edit(store: &mut Store, id: i64, edit: ItemEdit) {
    let stamp = store.stamp().unwrap();
    store.edit_item(id, Some(stamp), &edit).unwrap();
}

/// One of everything: owners, status, progress, dates, project fields, lead and co links
/// (one removed), user milestones (done, extended, renamed, removed), notes, indicator
/// values, a setting, a bulk assignment, two users, and an undo.
fn track_everything(dir: &Path) -> Store {
    let mut bob = open(dir, "a.db", "bob");
    bob.add_note(5, "bob 的备注：先行摸底").unwrap();
    bob.set_department(5, "株洲市发展改革委", Role::Co, None)
        .unwrap();
    drop(bob);
    let mut store = open(dir, "a.db", "alice");
    edit(
        &mut store,
        3,
        ItemEdit {
            owner: Some(Some("张三".into())),
            status: Some(Status::InProgress),
            progress: Some(40),
            start_on: Some(Some(day(2024, 3, 1))),
            due_on: Some(Some(day(2027, 6, 30))),
            project_stage: Some(Some(plantrack::track::project::ProjectStage::Continuing)),
            invest_total: Some(Some(12.5)),
            invest_year_plan: Some(Some(3.0)),
            invest_year_done: Some(Some(1.25)),
        },
    );
    store
        .set_department(3, "省发改委", Role::Lead, None)
        .unwrap();
    store.set_department(3, "省财政厅", Role::Co, None).unwrap();
    store
        .set_department(3, "一个新单位", Role::Co, None)
        .unwrap();
    store.remove_department(3, "省财政厅").unwrap();
    let m1 = store
        .add_milestone(3, "完成可研", day(2025, 6, 30))
        .unwrap();
    let m2 = store.add_milestone(3, "开工", day(2026, 3, 31)).unwrap();
    let m3 = store.add_milestone(3, "临时节点", day(2026, 5, 1)).unwrap();
    store.complete_milestone(m1, day(2025, 7, 2)).unwrap();
    store
        .extend_milestone(m2, day(2026, 12, 31), "用地报批延迟")
        .unwrap();
    store.rename_milestone(m2, "主体工程开工").unwrap();
    store.remove_milestone(m3).unwrap();
    store.add_note(3, "第一条\n第二行，含“引号”").unwrap();
    let indicator = store.indicators(Some("hn-czh-14")).unwrap()[0].id;
    store.record_indicator(indicator, "2024", "60.1").unwrap();
    store
        .record_indicator(indicator, "2025-06-30", "61.0")
        .unwrap();
    store.set_threshold("due_soon_days", 45).unwrap();
    store.bulk_assign(&[7, 8], Some("李四"), None).unwrap();
    edit(
        &mut store,
        9,
        ItemEdit {
            status: Some(Status::Done),
            ..ItemEdit::default()
        },
    );
    store.undo().unwrap();
    store
}

/// What a person sees of an item, without the ids that are local to a database.
fn seen(detail: &ItemDetail) -> String {
    let links: Vec<_> = detail
        .departments
        .iter()
        .map(|l| (&l.official, &l.short, l.role, &l.origin))
        .collect();
    let history: Vec<_> = detail
        .history
        .iter()
        .map(|h| (&h.at, &h.who, &h.action, &h.field, &h.old, &h.new, h.undone))
        .collect();
    format!(
        "{:?}|{}|{:?}|{:?}|{links:?}|{:?}|{:?}|{:?}|{history:?}",
        detail.row,
        detail.body,
        detail.start_on,
        detail.due_on,
        detail.milestones,
        detail.notes,
        detail.row.project
    )
}

fn all_items(store: &Store) -> Vec<String> {
    let filter = ItemQuery {
        include_removed: true,
        ..ItemQuery::default()
    };
    store
        .list(&filter, today())
        .unwrap()
        .iter()
        .map(|r| seen(&store.show(r.id, today()).unwrap()))
        .collect()
}

#[test]
fn dump_load_dump_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = track_everything(dir.path());
    let first = a.dump().unwrap();
    assert_eq!(
        first
            .milestones
            .iter()
            .filter(|m| m.origin == "user")
            .count(),
        3
    );
    assert!(first.milestones.iter().any(|m| !m.extensions.is_empty()));
    assert!(first.changes.iter().any(|c| c.undoes.is_some()));
    assert_eq!(first.indicator_values.len(), 2);
    assert_eq!(first.settings.len(), 1);

    let mut b = open(dir.path(), "b.db", "alice");
    let report = b.load(&first, false).unwrap();
    assert_eq!(report.items_created, 0);
    assert_eq!(report.items_cleared, 0);
    let second = b.dump().unwrap();
    assert_eq!(
        String::from_utf8(bytes(&first)).unwrap(),
        String::from_utf8(bytes(&second)).unwrap()
    );
    assert_eq!(all_items(&a), all_items(&b));
    assert_eq!(a.thresholds().unwrap(), b.thresholds().unwrap());
    assert_eq!(
        a.indicators(None).unwrap(),
        b.indicators(None).unwrap(),
        "indicator values"
    );
    assert_eq!(b.integrity_check().unwrap(), "ok");

    // Undo reads the loaded history: alice's latest change is undone the same way.
    let undone_a = a.undo().unwrap();
    let undone_b = b.undo().unwrap();
    assert_eq!(
        (undone_a.action, undone_a.fields),
        (undone_b.action, undone_b.fields)
    );
    assert_eq!(a.thresholds().unwrap(), b.thresholds().unwrap());
    a.undo().unwrap();
    b.undo().unwrap();
    assert_eq!(a.indicators(None).unwrap(), b.indicators(None).unwrap());
}

#[test]
fn a_database_with_tracking_data_is_replaced_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let a = track_everything(dir.path());
    let dump = a.dump().unwrap();
    let mut b = open(dir.path(), "b.db", "carol");
    b.add_note(1, "carol 在 b 里的备注").unwrap();
    let err = b.load(&dump, false).unwrap_err().to_string();
    assert!(err.contains("--replace"), "{err}");
    assert_eq!(
        b.show(1, today()).unwrap().notes.len(),
        1,
        "nothing changed"
    );
    b.load(&dump, true).unwrap();
    assert_eq!(bytes(&b.dump().unwrap()), bytes(&dump));
    assert!(b.show(1, today()).unwrap().notes.is_empty());
}

#[test]
fn plans_must_exist_and_missing_items_are_recreated() {
    let dir = tempfile::tempdir().unwrap();
    let a = track_everything(dir.path());
    let mut dump = a.dump().unwrap();

    let mut foreign = dump.clone();
    foreign.items[0].plan = "no-such-plan".into();
    let mut b = open(dir.path(), "b.db", "alice");
    let err = b.load(&foreign, false).unwrap_err();
    assert!(matches!(err, StoreError::InvalidDump(_)));
    assert!(err.to_string().contains("no-such-plan"), "{err}");

    // An item a re-import elsewhere left out of the plan: created here, out of the plan.
    let mut gone = dump
        .items
        .iter()
        .find(|i| i.plan == "hn-czh-14")
        .unwrap()
        .clone();
    gone.stable_key = "box2/已撤销的旧项目".into();
    gone.title = "已撤销的旧项目".into();
    gone.in_plan = 0;
    gone.tracked.insert("owner".into(), "王五".into());
    gone.departments.clear();
    dump.items.push(gone);
    dump.items.sort_by(|x, y| {
        (&x.plan, x.position, &x.stable_key).cmp(&(&y.plan, y.position, &y.stable_key))
    });
    let report = b.load(&dump, false).unwrap();
    assert_eq!(report.items_created, 1);
    assert_eq!(bytes(&b.dump().unwrap()), bytes(&dump));
    let listed = b
        .list(
            &ItemQuery {
                filter: plantrack::track::filter::Filter {
                    owner: Some("王五".into()),
                    ..Default::default()
                },
                include_removed: true,
                ..ItemQuery::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].in_plan);
    assert_eq!(listed[0].box_number, Some(2));
}

#[test]
fn a_hostile_dump_is_cleaned_and_a_foreign_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = track_everything(dir.path());
    let mut dump = a.dump().unwrap();
    dump.notes[0].text = "好\u{1b}]0;pwned\u{7}的\u{202e}备注".into();
    let mut b = open(dir.path(), "b.db", "alice");
    b.load(&dump, false).unwrap();
    let text = &b.dump().unwrap().notes[0].text;
    assert!(text.starts_with('好') && text.ends_with("备注"), "{text}");
    assert!(!text.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{text:?}");

    let mut other = dump.clone();
    other.format = "something-else".into();
    assert!(b.load(&other, true).is_err());
    let mut newer = dump;
    newer.schema = 999;
    let err = b.load(&newer, true).unwrap_err().to_string();
    assert!(err.contains("newer plantrack"), "{err}");
}
