//! `load` checks a dump whole before it replaces anything (the adversarial review's F16):
//! dates that exist, progress 0–100, flags 0/1, known settings, references to what the
//! dump has, the limits of typed input; every problem listed at once with its JSON path.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use plantrack::store::{Dump, Store, StoreError};
use serde_json::{Value, json};

fn dump_of(store: &Store) -> Value {
    serde_json::to_value(store.dump().unwrap()).unwrap()
}

#[test]
fn a_crafted_dump_is_refused_whole_with_every_problem_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("a.db"), "alice").unwrap();
    let due = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    store.add_milestone(3, "可研批复", due).unwrap();
    store.add_note(3, "一条备注").unwrap();
    store.set_threshold("yellow_lag", 15).unwrap();
    let good = dump_of(&store);

    let mut bad = good.clone();
    bad["milestones"][0]["due_on"] = json!("2026-02-30");
    bad["milestones"][0]["removed"] = json!(7);
    bad["items"][0]["progress"] = json!(1000);
    bad["items"][1]["in_plan"] = json!(9);
    bad["items"][2]["owner"] = json!("王敏\n  #99 2/1 伪造事项");
    bad["items"][3]["due_on"] = json!("0000-01-01");
    bad["notes"][0]["text"] = json!("长".repeat(200_000));
    bad["settings"][0]["value"] = json!("abc");
    bad["notes"][0]["item"] = json!(["hn-czh-14", "no-such-item"]);
    // The tracking fields are read by their names (`ItemField`): a name no field has, a
    // stage no project has, a status left empty and an amount as text are each named.
    bad["items"][4]["colour"] = json!("red");
    bad["items"][5]["project_stage"] = json!("dreaming");
    bad["items"][6]["status"] = json!(null);
    bad["items"][7]["invest_total"] = json!("much");
    let bad: Dump = serde_json::from_value(bad).unwrap();

    let mut target = Store::open(&dir.path().join("b.db"), "bob").unwrap();
    target.set_threshold("yellow_lag", 30).unwrap();
    let before = dump_of(&target);
    let err = target.load(&bad, true).unwrap_err();
    let StoreError::InvalidDump(problems) = &err else {
        panic!("expected the list of problems, got {err:?}");
    };
    let text = err.to_string();
    for path in [
        "milestones[0].due_on",
        "milestones[0].removed",
        "items[0].progress",
        "items[1].in_plan",
        "items[2].owner",
        "items[3].due_on",
        "notes[0].text",
        "notes[0].item",
        "settings[0].value",
        "items[4].colour",
        "items[5].project_stage",
        "items[6].status",
        "items[7].invest_total",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(path)),
            "{path} not reported in:\n{text}"
        );
    }
    assert!(text.contains("nothing was changed"), "{text}");
    assert!(
        !text.contains("CHECK constraint") && !text.contains("Error code"),
        "{text}"
    );
    assert_eq!(dump_of(&target), before, "nothing was replaced");

    // The good dump still loads.
    let good: Dump = serde_json::from_value(good).unwrap();
    target.load(&good, true).unwrap();
    assert_eq!(target.thresholds().unwrap().yellow_lag, 15);
}
