//! Pace (序时进度) and warning lights judged through the store at fixed dates, thresholds
//! kept in the database, and roll-ups of a hand-built set of items with exact counts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::store::{ItemEdit, ItemQuery, ItemRow, Store};
use plantrack::track::rollup::{NO_OWNER, RollupBy, rollup, total};
use plantrack::track::{Light, Pace, Period, Status, scheduled_share};
use std::path::Path;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn open(dir: &Path) -> Store {
    Store::open(&dir.join("plan.db"), "alice").unwrap()
}

fn plan_items(store: &Store, plan: &str, today: NaiveDate) -> Vec<ItemRow> {
    store
        .list(
            &ItemQuery {
                plan: Some(plan.into()),
                ..ItemQuery::default()
            },
            today,
        )
        .unwrap()
}

fn set(store: &mut Store, id: i64, edit: ItemEdit) {
    let stamp = store.stamp().unwrap();
    store.edit_item(id, Some(stamp), &edit).unwrap();
}

fn light(store: &Store, id: i64, today: NaiveDate) -> Light {
    let shown = store.show(id, today).unwrap().row.health;
    let listed = store
        .list(&ItemQuery::default(), today)
        .unwrap()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap()
        .health;
    assert_eq!(shown, listed, "show and list judge item {id} differently");
    shown.light
}

#[test]
fn an_overdue_plan_milestone_is_red_until_completed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let today = day(2026, 11, 23);
    let item = plan_items(&store, "hn-czh-14", today)
        .into_iter()
        .find(|r| r.title == "棚户区改造")
        .unwrap();
    let detail = store.show(item.id, today).unwrap();
    assert_eq!(detail.milestones.len(), 1);
    let milestone = &detail.milestones[0];
    assert_eq!(milestone.due_on, day(2025, 12, 31));
    assert!(milestone.done_on.is_none());

    // The plan ran 2021–2025: at 2026-11-23 序时进度 is 100 and the milestone is overdue.
    let health = detail.row.health;
    assert_eq!(health.light, Light::Red);
    assert_eq!(health.overdue, 1);
    assert_eq!(health.scheduled, 100);
    assert_eq!(health.next_due, Some(day(2025, 12, 31)));
    let red = store
        .list(
            &ItemQuery {
                filter: plantrack::track::filter::Filter {
                    light: Some(Light::Red),
                    overdue: true,
                    ..Default::default()
                },
                ..ItemQuery::default()
            },
            today,
        )
        .unwrap();
    assert!(red.iter().any(|r| r.id == item.id));
    // The day after it fell due it is already red; on the due date it is not.
    assert_eq!(light(&store, item.id, day(2026, 1, 1)), Light::Red);
    assert_ne!(light(&store, item.id, day(2025, 12, 31)), Light::Red);

    store
        .complete_milestone(milestone.id, day(2026, 11, 20))
        .unwrap();
    let health = store.show(item.id, today).unwrap().row.health;
    assert_eq!(health.overdue, 0);
    assert_eq!(health.next_due, None);
    // Not started with the plan's period over: 逾期未完成, still red (it was yellow before
    // the rule of issue 18 point 12), though no milestone is overdue any more.
    assert_eq!(health.light, Light::Red);
    assert_eq!(health.ended, Some(day(2025, 12, 31)));
    assert_eq!(health.pace, Pace::Behind);

    set(
        &mut store,
        item.id,
        ItemEdit {
            status: Some(Status::Done),
            ..ItemEdit::default()
        },
    );
    let row = store.show(item.id, today).unwrap().row;
    assert_eq!(row.progress, 100);
    assert_eq!(row.health.light, Light::Green);
    assert_eq!(row.health.pace, Pace::Done);
}

#[test]
fn lights_of_a_fifteenth_plan_item_through_the_years() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let early = day(2026, 2, 1);
    let rows = plan_items(&store, "hn-15th-fyp", early);
    let item = rows
        .iter()
        .find(|r| {
            r.health.next_due.is_none() && store.show(r.id, early).unwrap().milestones.is_empty()
        })
        .unwrap()
        .clone();
    assert_eq!(item.status, Status::NotStarted);
    assert_eq!(item.progress, 0);

    // 2026-02-01: 32 days of 1 826 gone, 序时进度 1: on pace, not started, nothing due: grey.
    let health = store.show(item.id, early).unwrap().row.health;
    assert_eq!(health.scheduled, 1);
    assert_eq!(health.pace, Pace::OnPace);
    assert_eq!(health.light, Light::Grey);

    // 2028-06-30: 912 of 1 826 days, 序时进度 49. Progress 10 trails it by 39 (> 10): yellow.
    let mid = day(2028, 6, 30);
    let period = Period::plan_years(2026, 2030).unwrap();
    assert_eq!(scheduled_share(period, mid), 49);
    set(
        &mut store,
        item.id,
        ItemEdit {
            progress: Some(10),
            ..ItemEdit::default()
        },
    );
    let row = store.show(item.id, mid).unwrap().row;
    assert_eq!(row.status, Status::InProgress, "progress starts the item");
    assert_eq!(row.health.scheduled, 49);
    assert_eq!(row.health.pace, Pace::Behind);
    assert_eq!(row.health.light, Light::Yellow);
    let yellow = store
        .list(
            &ItemQuery {
                filter: plantrack::track::filter::Filter {
                    light: Some(Light::Yellow),
                    ..Default::default()
                },
                plan: Some("hn-15th-fyp".into()),
                ..ItemQuery::default()
            },
            mid,
        )
        .unwrap();
    assert!(yellow.iter().any(|r| r.id == item.id));

    // A threshold stored in the database moves the light: a lag of 39 is within 50.
    store.set_threshold("yellow_lag", 50).unwrap();
    assert_eq!(store.thresholds().unwrap().yellow_lag, 50);
    assert_eq!(light(&store, item.id, mid), Light::Green);
    // Every connection reads the same thresholds.
    let other = Store::open(&dir.path().join("plan.db"), "bob").unwrap();
    assert_eq!(light(&other, item.id, mid), Light::Green);
    store.set_threshold("yellow_lag", 38).unwrap();
    assert_eq!(light(&store, item.id, mid), Light::Yellow);
    store.set_threshold("yellow_lag", 39).unwrap();
    assert_eq!(
        light(&store, item.id, mid),
        Light::Green,
        "lag 39 is not > 39"
    );
    store.set_threshold("yellow_lag", 10).unwrap();
    // pace_tolerance 40: 10 ≥ 49 − 40, so on pace, and no longer yellow.
    store.set_threshold("pace_tolerance", 40).unwrap();
    let health = store.show(item.id, mid).unwrap().row.health;
    assert_eq!(health.pace, Pace::OnPace);
    assert_eq!(health.light, Light::Green);
    store.set_threshold("pace_tolerance", 5).unwrap();
    assert_eq!(light(&store, item.id, mid), Light::Yellow);
    assert!(store.set_threshold("red_days", 3).is_err());
}

#[test]
fn a_milestone_due_soon_is_blue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let today = day(2026, 2, 1);
    let item = plan_items(&store, "hn-15th-fyp", today)
        .into_iter()
        .find(|r| r.health.next_due.is_none() && r.health.light == Light::Grey)
        .unwrap();
    store
        .add_milestone(item.id, "完成项目前期工作", day(2026, 2, 11))
        .unwrap();
    let health = store.show(item.id, today).unwrap().row.health;
    assert_eq!(health.light, Light::Blue);
    assert_eq!(health.next_due, Some(day(2026, 2, 11)));
    assert_eq!(health.overdue, 0);
    // Due in 10 days: outside a 5-day window it is grey again; inside 10, blue.
    store.set_threshold("due_soon_days", 5).unwrap();
    assert_eq!(light(&store, item.id, today), Light::Grey);
    store.set_threshold("due_soon_days", 10).unwrap();
    assert_eq!(light(&store, item.id, today), Light::Blue);
    // On its due date it is still blue; the day after, red.
    assert_eq!(light(&store, item.id, day(2026, 2, 11)), Light::Blue);
    assert_eq!(light(&store, item.id, day(2026, 2, 12)), Light::Red);
    let due = store.milestones_due(today, day(2026, 2, 28)).unwrap();
    assert!(due.iter().any(|m| m.item == item.id));
}

/// The action plan (2024–2028) at 2026-11-23: 1 058 of 1 827 days gone, 序时进度 57.
/// Five of its tasks get owners and progress by hand; the other tasks stay unassigned,
/// not started, at 0: 57 behind, so yellow.
#[test]
fn rollup_by_owner_counts_a_known_set_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let today = day(2026, 11, 23);
    assert_eq!(
        scheduled_share(Period::plan_years(2024, 2028).unwrap(), today),
        57
    );
    let ids: Vec<i64> = plan_items(&store, "hn-czh-action-2024", today)
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids.len(), 24);
    let edit = |owner: &str, status: Option<Status>, progress: Option<u8>| ItemEdit {
        owner: Some(Some(owner.into())),
        status,
        progress,
        ..ItemEdit::default()
    };
    // 王敏: done (green); 60 on pace (green); 50 behind by 7 (behind, still green).
    set(&mut store, ids[0], edit("王敏", Some(Status::Done), None));
    set(&mut store, ids[1], edit("王敏", None, Some(60)));
    set(&mut store, ids[2], edit("王敏", None, Some(50)));
    // 李强: 30 behind by 27 (yellow); paused at 80, ahead (green).
    set(&mut store, ids[3], edit("李强", None, Some(30)));
    set(
        &mut store,
        ids[4],
        edit("李强", Some(Status::Paused), Some(80)),
    );

    let filter = ItemQuery {
        plan: Some("hn-czh-action-2024".into()),
        ..ItemQuery::default()
    };
    let items = store.summaries(&filter, today).unwrap();
    assert_eq!(items.len(), 24);
    let rows = rollup(&items, RollupBy::Owner);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    // By name in code-point order (李 U+674E before 王 U+738B), the unassigned last.
    assert_eq!(keys, ["李强", "王敏", NO_OWNER]);

    let li = &rows[0];
    assert_eq!(li.items, 2);
    assert_eq!(li.by_status, [0, 1, 0, 1]);
    assert_eq!(li.by_pace, [1, 0, 1, 0]);
    assert_eq!(li.by_light, [0, 1, 0, 1, 0]);
    assert_eq!(li.mean_progress, 55.0);
    assert_eq!(li.no_owner, 0);
    assert_eq!(li.overdue_milestones, 0);

    let wang = &rows[1];
    assert_eq!(wang.items, 3);
    assert_eq!(wang.by_status, [0, 2, 1, 0]);
    assert_eq!(wang.by_pace, [0, 1, 1, 1]);
    assert_eq!(wang.by_light, [0, 0, 0, 3, 0]);
    assert_eq!(wang.mean_progress, 70.0);

    let nobody = &rows[2];
    assert_eq!(nobody.items, 19);
    assert_eq!(nobody.by_status, [19, 0, 0, 0]);
    assert_eq!(nobody.by_pace, [0, 0, 19, 0]);
    assert_eq!(nobody.by_light, [0, 19, 0, 0, 0]);
    assert_eq!(nobody.mean_progress, 0.0);
    assert_eq!(nobody.no_owner, 19);

    let all = total(&items);
    assert_eq!(all.items, 24);
    assert_eq!(all.by_status, [19, 3, 1, 1]);
    assert_eq!(all.by_pace, [1, 1, 21, 1]);
    assert_eq!(all.by_light, [0, 20, 0, 4, 0]);
    assert_eq!(all.mean_progress, f64::from(100 + 60 + 50 + 30 + 80) / 24.0);
    assert_eq!(all.no_owner, 19);

    // The same items through the owner filter.
    let wang_only = store
        .summaries(
            &ItemQuery {
                filter: plantrack::track::filter::Filter {
                    owner: Some("王敏".into()),
                    ..Default::default()
                },
                ..filter.clone()
            },
            today,
        )
        .unwrap();
    assert_eq!(rollup(&wang_only, RollupBy::Owner), vec![wang.clone()]);

    // A bulk assignment moves whole groups.
    store.bulk_assign(&ids[5..9], Some("王敏"), None).unwrap();
    let rows = rollup(&store.summaries(&filter, today).unwrap(), RollupBy::Owner);
    let counts: Vec<(&str, usize)> = rows.iter().map(|r| (r.key.as_str(), r.items)).collect();
    assert_eq!(counts, [("李强", 2), ("王敏", 7), (NO_OWNER, 15)]);
}
