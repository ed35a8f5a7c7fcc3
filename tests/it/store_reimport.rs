//! Re-importing plans never duplicates anything and never loses tracking data: the same
//! seeds again, one rendition alone, and revised plan texts (an item's text changed, an
//! item removed, an item added, items renumbered).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use plantrack::plan::{self, MergedPlan, Role};
use plantrack::seed;
use plantrack::store::{ImportReport, ItemDetail, ItemEdit, ItemQuery, ItemRow, Stamp, Store};
use plantrack::track::Status;
use rusqlite::Connection;
use std::path::Path;

const HN_CZH_14: &str = "hunan-urbanization-14th-fyp.txt";
const HN_CZH_14_HANT: &str = "hunan-urbanization-14th-fyp.zh-hant.txt";
const ZZ_CZH_14: &str = "zhuzhou-urbanization-14th-fyp.txt";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

fn seed_bytes(name: &str) -> &'static [u8] {
    seed::SEED_FILES
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("no seed {name}"))
        .bytes
}

/// Every seed, parsed and merged, exactly as a new database is seeded.
fn all_seeds() -> Vec<MergedPlan> {
    let docs = seed::SEED_FILES
        .iter()
        .map(|f| plan::parse_bytes(f.bytes, f.name).unwrap())
        .collect();
    plan::merge_renditions(docs)
}

/// One plan text (under the file name the manifest knows it by).
fn one_text(bytes: &[u8], name: &str) -> Vec<MergedPlan> {
    plan::merge_renditions(vec![plan::parse_bytes(bytes, name).unwrap()])
}

fn import(store: &mut Store, plans: &[MergedPlan]) -> ImportReport {
    store
        .import_plans(plans, &seed::manifest().unwrap())
        .unwrap()
}

fn all_rows(store: &Store) -> Vec<ItemRow> {
    store
        .list(
            &ItemQuery {
                include_removed: true,
                ..ItemQuery::default()
            },
            today(),
        )
        .unwrap()
}

fn find(store: &Store, plan_key: &str, title: &str) -> i64 {
    let rows: Vec<ItemRow> = all_rows(store)
        .into_iter()
        .filter(|r| r.plan_key == plan_key && r.title == title)
        .collect();
    assert_eq!(rows.len(), 1, "{plan_key} {title}: {rows:?}");
    rows[0].id
}

fn task(store: &Store, number: &str) -> i64 {
    let rows: Vec<ItemRow> = all_rows(store)
        .into_iter()
        .filter(|r| r.plan_key == "hn-czh-action-2024" && r.number.as_deref() == Some(number))
        .collect();
    assert_eq!(rows.len(), 1, "task {number}: {rows:?}");
    rows[0].id
}

/// What an item looks like, without what changes with every write (history, stamp).
fn detail(store: &Store, id: i64) -> ItemDetail {
    let mut d = store.show(id, today()).unwrap();
    d.history.clear();
    d.stamp = Stamp(0);
    d
}

/// An item without its plan text (title, body, chapter, section, box title, glossary).
fn tracking_part(mut d: ItemDetail) -> ItemDetail {
    d.body.clear();
    d.glossary.clear();
    d.row.title.clear();
    d.row.chapter = None;
    d.row.section = None;
    d.row.box_title = None;
    d
}

/// Rows of every table, to see that nothing was duplicated.
fn table_counts(path: &Path) -> Vec<(String, i64)> {
    let conn = Connection::open(path).unwrap();
    [
        "plan",
        "plan_box",
        "item",
        "department",
        "department_alias",
        "item_department",
        "milestone",
        "extension",
        "note",
        "indicator",
        "indicator_value",
        "glossary",
        "setting",
    ]
    .iter()
    .map(|t| {
        let n = conn
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        (t.to_string(), n)
    })
    .collect()
}

fn assert_nothing_added(report: &ImportReport) {
    for p in &report.plans {
        assert!(!p.created, "{} created again", p.key);
        assert_eq!(p.items_added, 0, "{}: {p:?}", p.key);
        assert!(p.items_missing.is_empty(), "{}: {p:?}", p.key);
        assert_eq!(p.links_added, 0, "{}: {p:?}", p.key);
        assert_eq!(p.milestones_added, 0, "{}: {p:?}", p.key);
        assert_eq!(p.indicators_added, 0, "{}: {p:?}", p.key);
    }
}

/// Items carrying every kind of tracking data, by name.
struct Tracked {
    /// owner, status, progress, dates, notes by two people, a user milestone, an extended
    /// plan milestone, a user department link
    shanty: i64,
    /// one plan milestone done, the other renamed
    network: i64,
    /// its only plan milestone removed
    education: i64,
    /// the plan's lead department changed by the user to co-responsible
    task1: i64,
    /// a plan co-department promoted to lead by the user (the plan lead is demoted)
    task2: i64,
    task2_new_lead: String,
    task2_plan_lead: String,
    /// project fields (重大项目), paused
    project: i64,
    /// everything above
    all: Vec<i64>,
}

fn track_everything(store: &mut Store, bob: &mut Store) -> Tracked {
    let shanty = find(store, "hn-czh-14", "棚户区改造");
    let network = find(store, "hn-czh-14", "新一代信息基础设施");
    let education = find(store, "hn-czh-14", "智慧教育");
    let task1 = task(store, "1");
    let task2 = task(store, "2");
    let project = find(store, "zz-czh-14", "科技创新人才集聚工程");

    let stamp = store.stamp().unwrap();
    store
        .edit_item(
            shanty,
            Some(stamp),
            &ItemEdit {
                owner: Some(Some("王敏".into())),
                status: Some(Status::InProgress),
                progress: Some(40),
                start_on: Some(Some(day(2021, 3, 1))),
                due_on: Some(Some(day(2025, 6, 30))),
                ..ItemEdit::default()
            },
        )
        .unwrap();
    store.add_note(shanty, "已完成年度开工计划的80%").unwrap();
    bob.add_note(shanty, "资金缺口约2亿元，已报省财政厅")
        .unwrap();
    store
        .add_milestone(shanty, "完成年度开工任务", day(2025, 6, 30))
        .unwrap();
    let plan_milestone = store.show(shanty, today()).unwrap().milestones;
    let plan_milestone = plan_milestone.iter().find(|m| m.origin == "plan").unwrap();
    store
        .extend_milestone(plan_milestone.id, day(2026, 6, 30), "资金未到位")
        .unwrap();
    store
        .set_department(shanty, "省财政厅", Role::Co, None)
        .unwrap();

    let network_milestones = store.show(network, today()).unwrap().milestones;
    assert_eq!(network_milestones.len(), 2, "{network_milestones:?}");
    store
        .complete_milestone(network_milestones[0].id, day(2025, 11, 30))
        .unwrap();
    store
        .rename_milestone(network_milestones[1].id, "地级以上城市具备双千兆服务能力")
        .unwrap();
    let education_milestones = store.show(education, today()).unwrap().milestones;
    assert_eq!(education_milestones.len(), 1, "{education_milestones:?}");
    store.remove_milestone(education_milestones[0].id).unwrap();

    let task1_lead = store.show(task1, today()).unwrap().row.lead.unwrap();
    store
        .set_department(task1, &task1_lead, Role::Co, None)
        .unwrap();
    let task2_detail = store.show(task2, today()).unwrap();
    let task2_plan_lead = task2_detail.row.lead.clone().unwrap();
    let task2_new_lead = task2_detail.row.co[0].clone();
    store
        .set_department(task2, &task2_new_lead, Role::Lead, None)
        .unwrap();

    let stamp = bob.stamp().unwrap();
    bob.edit_item(
        project,
        Some(stamp),
        &ItemEdit {
            owner: Some(Some("李强".into())),
            progress: Some(30),
            project_stage: Some(Some(plantrack::track::project::ProjectStage::Continuing)),
            invest_total: Some(Some(12.5)),
            invest_year_plan: Some(Some(3.0)),
            invest_year_done: Some(Some(1.2)),
            ..ItemEdit::default()
        },
    )
    .unwrap();
    let stamp = bob.stamp().unwrap();
    bob.edit_item(
        project,
        Some(stamp),
        &ItemEdit {
            status: Some(Status::Paused),
            ..ItemEdit::default()
        },
    )
    .unwrap();

    for key in ["hn-czh-14", "zz-czh-14"] {
        let indicator = store.indicators(Some(key)).unwrap()[0].id;
        store.record_indicator(indicator, "2023", "60.5").unwrap();
        bob.record_indicator(indicator, "2024-06-30", "61.0")
            .unwrap();
    }
    store.set_threshold("due_soon_days", 20).unwrap();

    Tracked {
        shanty,
        network,
        education,
        task1,
        task2,
        task2_new_lead,
        task2_plan_lead,
        project,
        all: vec![shanty, network, education, task1, task2, project],
    }
}

/// The tracking data set by `track_everything`, checked field by field (so a failure
/// says what was lost).
fn assert_tracking_intact(store: &Store, t: &Tracked) {
    let d = store.show(t.shanty, today()).unwrap();
    assert_eq!(d.row.owner.as_deref(), Some("王敏"));
    assert_eq!(d.row.status, Status::InProgress);
    assert_eq!(d.row.progress, 40);
    assert_eq!(d.start_on, Some(day(2021, 3, 1)));
    assert_eq!(d.due_on, Some(day(2025, 6, 30)));
    let notes: Vec<(&str, &str)> = d
        .notes
        .iter()
        .map(|n| (n.author.as_str(), n.text.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            ("alice", "已完成年度开工计划的80%"),
            ("bob", "资金缺口约2亿元，已报省财政厅")
        ]
    );
    assert_eq!(d.milestones.len(), 2, "{:?}", d.milestones);
    let user = d.milestones.iter().find(|m| m.origin == "user").unwrap();
    assert_eq!(
        (user.title.as_str(), user.due_on),
        ("完成年度开工任务", day(2025, 6, 30))
    );
    let extended = d.milestones.iter().find(|m| m.origin == "plan").unwrap();
    assert_eq!(extended.due_on, day(2026, 6, 30));
    assert_eq!(extended.original_due, day(2025, 12, 31));
    assert_eq!(extended.extensions.len(), 1);
    assert_eq!(extended.extensions[0].reason, "资金未到位");
    let finance = d
        .departments
        .iter()
        .find(|l| l.short == "省财政厅")
        .unwrap();
    assert_eq!((finance.role, finance.origin.as_str()), (Role::Co, "user"));

    let d = store.show(t.network, today()).unwrap();
    assert_eq!(d.milestones.len(), 2, "{:?}", d.milestones);
    assert_eq!(
        d.milestones.iter().filter(|m| m.done_on.is_some()).count(),
        1
    );
    assert!(
        d.milestones
            .iter()
            .any(|m| m.title == "地级以上城市具备双千兆服务能力"),
        "{:?}",
        d.milestones
    );

    let d = store.show(t.education, today()).unwrap();
    assert!(
        d.milestones.is_empty(),
        "a removed plan milestone came back: {:?}",
        d.milestones
    );

    let d = store.show(t.task1, today()).unwrap();
    let leads = d
        .departments
        .iter()
        .filter(|l| l.role == Role::Lead)
        .count();
    assert_eq!(leads, 0, "{:?}", d.departments);

    let d = store.show(t.task2, today()).unwrap();
    let leads: Vec<&str> = d
        .departments
        .iter()
        .filter(|l| l.role == Role::Lead)
        .map(|l| l.short.as_str())
        .collect();
    assert_eq!(leads, [t.task2_new_lead.as_str()], "{:?}", d.departments);
    assert!(d.row.co.contains(&t.task2_plan_lead), "{:?}", d.departments);

    let d = store.show(t.project, today()).unwrap();
    assert_eq!(d.row.owner.as_deref(), Some("李强"));
    assert_eq!(d.row.status, Status::Paused);
    assert_eq!(d.row.progress, 30);
    let project = d.row.project.unwrap();
    assert_eq!(project.stage.map(|s| s.as_str()), Some("continuing"));
    assert_eq!(project.invest_total, Some(12.5));
    assert_eq!(project.invest_year_plan, Some(3.0));
    assert_eq!(project.invest_year_done, Some(1.2));

    for key in ["hn-czh-14", "zz-czh-14"] {
        let values: Vec<(String, String, String)> = store.indicators(Some(key)).unwrap()[0]
            .values
            .iter()
            .map(|v| (v.period.clone(), v.value.clone(), v.who.clone()))
            .collect();
        assert_eq!(
            values,
            [
                ("2023".into(), "60.5".into(), "alice".into()),
                ("2024-06-30".into(), "61.0".into(), "bob".into())
            ]
        );
    }
    assert_eq!(store.thresholds().unwrap().due_soon_days, 20);
}

#[test]
fn reimporting_every_seed_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let tracked = track_everything(&mut store, &mut bob);
    assert_tracking_intact(&store, &tracked);

    let rows = all_rows(&store);
    let details: Vec<ItemDetail> = tracked.all.iter().map(|&id| detail(&store, id)).collect();
    let indicators = store.indicators(None).unwrap();
    let departments = store.departments().unwrap();
    let counts = table_counts(&path);
    let stamp = store.stamp().unwrap();

    for round in 0..2 {
        let report = import(&mut bob, &all_seeds());
        assert_eq!(report.plans.len(), 4, "round {round}");
        assert_nothing_added(&report);
        for p in &report.plans {
            assert!(p.text_changes.is_empty(), "round {round}: {p:?}");
        }
        let after = all_rows(&store);
        assert_eq!(after.len(), rows.len(), "round {round}");
        for (a, b) in after.iter().zip(&rows) {
            assert_eq!(a, b, "round {round}: item {} changed", b.id);
        }
        let after: Vec<ItemDetail> = tracked.all.iter().map(|&id| detail(&store, id)).collect();
        assert_eq!(after, details, "round {round}");
        assert_eq!(store.indicators(None).unwrap(), indicators);
        assert_eq!(store.departments().unwrap(), departments);
        assert_eq!(table_counts(&path), counts, "round {round}");
        assert_eq!(
            store.stamp().unwrap(),
            stamp,
            "round {round}: an identical re-import recorded a change"
        );
        assert_tracking_intact(&store, &tracked);
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn importing_the_traditional_rendition_alone_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let mut bob = Store::open(&path, "bob").unwrap();
    let tracked = track_everything(&mut store, &mut bob);
    let rows = all_rows(&store);
    let details: Vec<ItemDetail> = tracked.all.iter().map(|&id| detail(&store, id)).collect();
    let counts = table_counts(&path);

    let report = import(
        &mut store,
        &one_text(seed_bytes(HN_CZH_14_HANT), HN_CZH_14_HANT),
    );
    assert_eq!(report.plans.len(), 1);
    assert_eq!(report.plans[0].key, "hn-czh-14");
    assert_nothing_added(&report);
    assert_eq!(table_counts(&path), counts, "{report:?}");
    let ids = |rows: &[ItemRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
    assert_eq!(ids(&all_rows(&store)), ids(&rows));
    assert!(all_rows(&store).iter().all(|r| r.in_plan));
    // The lossy rendition words the plan text differently (half-width commas, a lost
    // chapter heading); the tracking data stays.
    for (id, before) in tracked.all.iter().zip(&details) {
        assert_eq!(
            tracking_part(detail(&store, *id)),
            tracking_part(before.clone())
        );
    }
    assert_tracking_intact(&store, &tracked);

    // Back to the full seeds: exactly as before.
    let report = import(&mut store, &all_seeds());
    assert_nothing_added(&report);
    assert_eq!(all_rows(&store), rows);
    let after: Vec<ItemDetail> = tracked.all.iter().map(|&id| detail(&store, id)).collect();
    assert_eq!(after, details);
    assert_eq!(table_counts(&path), counts);
}

/// The Zhuzhou plan with 专栏2 revised: one item's text changed, one removed, one added.
fn revised_zhuzhou() -> String {
    let text = std::str::from_utf8(seed_bytes(ZZ_CZH_14)).unwrap();
    let changed = "遴选创新创业领军人才 200 名";
    assert_eq!(text.matches(changed).count(), 1);
    let text = text.replace(changed, "遴选创新创业领军人才 300 名");
    let removed_start = text.find("海外英才招募工程。").unwrap();
    let removed_end = removed_start + text[removed_start..].find("\n\n").unwrap() + 2;
    let mut text = format!("{}{}", &text[..removed_start], &text[removed_end..]);
    let last = text.find("青年人才荟萃工程。").unwrap();
    let insert_at = last + text[last..].find('\n').unwrap() + 1;
    text.insert_str(
        insert_at,
        "\n青年科学家培育工程。每年遴选支持 100 名青年科学家开展原创性基础研究。\n",
    );
    text
}

#[test]
fn a_revised_plan_keeps_ids_and_tracking_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let changed = find(&store, "zz-czh-14", "科技创新人才集聚工程");
    let removed = find(&store, "zz-czh-14", "海外英才招募工程");
    let neighbour = find(&store, "zz-czh-14", "青年人才荟萃工程");
    for (id, owner) in [(changed, "王敏"), (removed, "李强"), (neighbour, "张伟")] {
        let stamp = store.stamp().unwrap();
        store
            .edit_item(
                id,
                Some(stamp),
                &ItemEdit {
                    owner: Some(Some(owner.into())),
                    progress: Some(25),
                    ..ItemEdit::default()
                },
            )
            .unwrap();
        store.add_note(id, &format!("{owner}的进展说明")).unwrap();
        store
            .add_milestone(id, "完成年度目标", day(2026, 12, 31))
            .unwrap();
    }
    let before: Vec<ItemDetail> = [changed, removed, neighbour]
        .iter()
        .map(|&id| detail(&store, id))
        .collect();
    let items_before = all_rows(&store).len();

    let report = import(
        &mut store,
        &one_text(revised_zhuzhou().as_bytes(), ZZ_CZH_14),
    );
    assert_eq!(report.plans.len(), 1);
    let p = &report.plans[0];
    assert_eq!(p.key, "zz-czh-14");
    assert!(!p.created);
    assert_eq!(p.items_added, 1, "{p:?}");
    assert_eq!(
        p.text_changes,
        [format!("item {changed} 科技创新人才集聚工程: text changed")],
        "{p:?}"
    );
    assert_eq!(
        p.items_missing,
        [format!("item {removed} 海外英才招募工程")],
        "{p:?}"
    );
    assert_eq!(all_rows(&store).len(), items_before + 1);

    // The changed item: same id, new text, same tracking data.
    let d = detail(&store, changed);
    assert!(d.body.contains("300 名"), "{}", d.body);
    let mut expected = before[0].clone();
    expected.body.clone_from(&d.body);
    assert_eq!(d, expected);
    let history = store.history(Some(changed), 50).unwrap();
    let body_change = history.iter().find(|h| h.field == "body").unwrap();
    assert!(body_change.old.as_deref().unwrap().contains("200 名"));
    assert!(body_change.new.as_deref().unwrap().contains("300 名"));

    // The removed item: hidden by default, kept with its data.
    let listed = store.list(&ItemQuery::default(), today()).unwrap();
    assert!(!listed.iter().any(|r| r.id == removed));
    let d = detail(&store, removed);
    assert!(!d.row.in_plan);
    let mut expected = before[1].clone();
    expected.row.in_plan = false;
    assert_eq!(d, expected);
    assert!(
        all_rows(&store)
            .iter()
            .any(|r| r.id == removed && !r.in_plan)
    );

    assert_eq!(detail(&store, neighbour), before[2]);

    // The new item.
    let added = find(&store, "zz-czh-14", "青年科学家培育工程");
    let row = listed.iter().find(|r| r.id == added).unwrap();
    assert_eq!(row.box_number, Some(2));
    assert!(row.in_plan);
    assert!(row.owner.is_none());

    // The original text again: the removed item is back, the added one is kept aside.
    let report = import(&mut store, &one_text(seed_bytes(ZZ_CZH_14), ZZ_CZH_14));
    let p = &report.plans[0];
    assert_eq!(p.items_added, 0, "{p:?}");
    assert_eq!(
        p.items_missing,
        [format!("item {added} 青年科学家培育工程")]
    );
    assert_eq!(detail(&store, removed), before[1]);
    assert_eq!(detail(&store, changed), before[0]);
    assert_eq!(detail(&store, neighbour), before[2]);
    assert!(!detail(&store, added).row.in_plan);
    assert_eq!(all_rows(&store).len(), items_before + 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn importing_one_rendition_of_a_two_rendition_plan_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let rows = all_rows(&store);
    let counts = table_counts(&path);
    let report = import(&mut store, &one_text(seed_bytes(HN_CZH_14), HN_CZH_14));
    assert_nothing_added(&report);
    assert!(report.plans[0].text_changes.is_empty(), "{report:?}");
    assert_eq!(all_rows(&store), rows);
    assert_eq!(table_counts(&path), counts);
}

/// A revision that inserts an item in the middle of a numbered 专栏 and renumbers the
/// rest: every old item keeps its id (and so its tracking data); only the new one is new.
#[test]
fn an_item_inserted_in_a_numbered_box_does_not_shift_tracking_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.db");
    let mut store = Store::open(&path, "alice").unwrap();
    let titles = [
        "建设长株潭国家中心城市",
        "打造国家综合交通物流枢纽",
        "打造全国高标准市场体系建设先行区",
        "建设长株潭都市圈城市中央公园",
    ];
    let ids: Vec<i64> = titles
        .iter()
        .map(|t| find(&store, "hn-czh-14", t))
        .collect();
    for (id, owner) in ids.iter().zip(["甲", "乙", "丙", "丁"]) {
        let stamp = store.stamp().unwrap();
        store
            .edit_item(
                *id,
                Some(stamp),
                &ItemEdit {
                    owner: Some(Some(owner.into())),
                    ..ItemEdit::default()
                },
            )
            .unwrap();
    }
    let before: Vec<ItemDetail> = ids.iter().map(|&id| detail(&store, id)).collect();

    let text = std::str::from_utf8(seed_bytes(HN_CZH_14)).unwrap();
    let mut revised = text.to_string();
    for (n, title) in titles.iter().enumerate().skip(1).rev() {
        // Written "2.打造…" or "4. 建设…".
        let old = [
            format!("{}.{title}。", n + 1),
            format!("{}. {title}。", n + 1),
        ];
        let old = old.iter().find(|o| revised.contains(o.as_str())).unwrap();
        assert_eq!(revised.matches(old.as_str()).count(), 1, "{old}");
        revised = revised.replace(old.as_str(), &format!("{}.{title}。", n + 2));
    }
    let second = revised.find("3.打造国家综合交通物流枢纽。").unwrap();
    revised.insert_str(
        second,
        "2.建设长株潭科技创新高地。布局建设一批重大科技基础设施和创新平台。\n\n",
    );
    let report = import(&mut store, &one_text(revised.as_bytes(), HN_CZH_14));
    let p = &report.plans[0];
    assert_eq!(p.items_added, 1, "{p:?}");
    assert!(p.items_missing.is_empty(), "{p:?}");
    assert!(p.text_changes.is_empty(), "{p:?}");
    for (id, old) in ids.iter().zip(&before) {
        let d = detail(&store, *id);
        assert_eq!(
            d.row.title, old.row.title,
            "item {id} was given another's text"
        );
        assert_eq!(d.row.owner, old.row.owner);
    }
    let added = find(&store, "hn-czh-14", "建设长株潭科技创新高地");
    assert!(detail(&store, added).row.owner.is_none());

    // And back: the inserted item leaves, the others are untouched.
    let report = import(&mut store, &one_text(seed_bytes(HN_CZH_14), HN_CZH_14));
    let p = &report.plans[0];
    assert_eq!(p.items_added, 0, "{p:?}");
    assert_eq!(
        p.items_missing,
        [format!("item {added} 建设长株潭科技创新高地")]
    );
    for (id, old) in ids.iter().zip(&before) {
        assert_eq!(&detail(&store, *id), old);
    }
}
