//! The counting rules of `rollup` on a hand-built fixture, expected numbers worked out by
//! hand.

use super::*;

fn health(pace: Pace, light: Light, overdue: usize) -> Health {
    Health {
        scheduled: 50,
        pace,
        light,
        overdue,
        next_due: None,
        ended: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn summary(
    id: i64,
    plan: &str,
    chapter: Option<&str>,
    owner: Option<&str>,
    lead: Option<&str>,
    co: &[&str],
    (status, progress): (Status, u8),
    health: Health,
) -> ItemSummary {
    ItemSummary {
        id,
        plan: plan.to_string(),
        chapter: chapter.map(str::to_string),
        owner: owner.map(str::to_string),
        lead: lead.map(str::to_string),
        co: co.iter().map(|c| c.to_string()).collect(),
        status,
        progress,
        health,
    }
}

/// Eight items over two plans; empty names, a duplicated co-department and items without
/// chapter, owner, lead or co-departments included.
fn fixture() -> Vec<ItemSummary> {
    use Light::*;
    use Pace::*;
    use Status::*;
    vec![
        summary(
            1,
            "P1",
            Some("一、A"),
            Some("张三"),
            Some("发改委"),
            &["住建厅", "财政厅"],
            (InProgress, 50),
            health(OnPace, Green, 0),
        ),
        summary(
            2,
            "P1",
            Some("一、A"),
            None,
            Some("发改委"),
            &["财政厅"],
            (Status::Done, 100),
            health(Pace::Done, Green, 1),
        ),
        summary(
            3,
            "P1",
            Some("二、B"),
            Some("李四"),
            None,
            &[],
            (NotStarted, 0),
            health(OnPace, Grey, 0),
        ),
        summary(
            4,
            "P1",
            None,
            Some("张三"),
            Some("住建厅"),
            &["发改委", "财政厅", "自然资源厅"],
            (InProgress, 30),
            health(Behind, Yellow, 0),
        ),
        summary(
            5,
            "P2",
            Some("一、C"),
            None,
            Some("住建厅"),
            &["财政厅", "财政厅"],
            (Paused, 20),
            health(Behind, Red, 2),
        ),
        summary(
            6,
            "P2",
            Some("一、C"),
            Some("王五"),
            Some("发改委"),
            &[""],
            (InProgress, 80),
            health(Ahead, Blue, 0),
        ),
        summary(
            7,
            "P1",
            Some("二、B"),
            Some("李四"),
            Some(""),
            &["住建厅"],
            (InProgress, 45),
            health(OnPace, Blue, 0),
        ),
        summary(
            8,
            "P2",
            Some(""),
            Some(""),
            Some("财政厅"),
            &[],
            (Status::Done, 90),
            health(Pace::Done, Green, 0),
        ),
    ]
}

type Counts = (usize, [usize; 4], [usize; 4], [usize; 5]);

/// The expected row: (items, by_status, by_pace, by_light), mean progress, and
/// (overdue milestones, no owner, no lead).
fn row(
    key: &str,
    label: &str,
    counts: Counts,
    mean: f64,
    tail: (usize, usize, usize),
) -> RollupRow {
    let (items, by_status, by_pace, by_light) = counts;
    let (overdue_milestones, no_owner, no_lead) = tail;
    RollupRow {
        key: key.to_string(),
        label: label.to_string(),
        items,
        by_status,
        by_pace,
        by_light,
        mean_progress: mean,
        overdue_milestones,
        no_owner,
        no_lead,
    }
}

fn same(a: &str) -> (&str, &str) {
    (a, a)
}

fn assert_rows(got: Vec<RollupRow>, want: Vec<RollupRow>) {
    let keys = |rows: &[RollupRow]| rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&got), keys(&want));
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "row {}", w.key);
    }
}

#[test]
fn by_plan_in_first_appearance_order() {
    let (p1, p2) = (same("P1"), same("P2"));
    assert_rows(
        rollup(&fixture(), RollupBy::Plan),
        vec![
            row(
                p1.0,
                p1.1,
                (5, [1, 3, 1, 0], [0, 3, 1, 1], [0, 1, 1, 2, 1]),
                45.0,
                (1, 1, 2),
            ),
            row(
                p2.0,
                p2.1,
                (3, [0, 1, 1, 1], [1, 0, 1, 1], [1, 0, 1, 1, 0]),
                190.0 / 3.0,
                (2, 2, 0),
            ),
        ],
    );
}

#[test]
fn by_chapter_keys_plan_and_chapter() {
    assert_rows(
        rollup(&fixture(), RollupBy::Chapter),
        vec![
            row(
                "P1 / 一、A",
                "一、A",
                (2, [0, 1, 1, 0], [0, 1, 0, 1], [0, 0, 0, 2, 0]),
                75.0,
                (1, 1, 0),
            ),
            row(
                "P1 / 二、B",
                "二、B",
                (2, [1, 1, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0, 1]),
                22.5,
                (0, 0, 2),
            ),
            row(
                "P1 / （无章节）",
                "（无章节）",
                (1, [0, 1, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0, 0]),
                30.0,
                (0, 0, 0),
            ),
            row(
                "P2 / 一、C",
                "一、C",
                (2, [0, 1, 0, 1], [1, 0, 1, 0], [1, 0, 1, 0, 0]),
                50.0,
                (2, 1, 0),
            ),
            row(
                "P2 / （无章节）",
                "（无章节）",
                (1, [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 1, 0]),
                90.0,
                (0, 1, 0),
            ),
        ],
    );
}

#[test]
fn by_lead_department_sorted_with_missing_last() {
    // Code points: 住 U+4F4F < 发 U+53D1 < 财 U+8D22.
    let rows = rollup(&fixture(), RollupBy::LeadDepartment);
    let (a, b, c, none) = (
        same("住建厅"),
        same("发改委"),
        same("财政厅"),
        same(NO_LEAD),
    );
    assert_rows(
        rows,
        vec![
            row(
                a.0,
                a.1,
                (2, [0, 1, 0, 1], [0, 0, 2, 0], [1, 1, 0, 0, 0]),
                25.0,
                (2, 1, 0),
            ),
            row(
                b.0,
                b.1,
                (3, [0, 2, 1, 0], [1, 1, 0, 1], [0, 0, 1, 2, 0]),
                230.0 / 3.0,
                (1, 1, 0),
            ),
            row(
                c.0,
                c.1,
                (1, [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 1, 0]),
                90.0,
                (0, 1, 0),
            ),
            row(
                none.0,
                none.1,
                (2, [1, 1, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0, 1]),
                22.5,
                (0, 0, 2),
            ),
        ],
    );
}

#[test]
fn by_co_department_counts_each_item_in_each_of_its_groups_once() {
    let rows = rollup(&fixture(), RollupBy::CoDepartment);
    let (a, b, c, d) = (
        same("住建厅"),
        same("发改委"),
        same("自然资源厅"),
        same("财政厅"),
    );
    assert_rows(
        rows,
        vec![
            row(
                a.0,
                a.1,
                (2, [0, 2, 0, 0], [0, 2, 0, 0], [0, 0, 1, 1, 0]),
                47.5,
                (0, 0, 1),
            ),
            row(
                b.0,
                b.1,
                (1, [0, 1, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0, 0]),
                30.0,
                (0, 0, 0),
            ),
            row(
                c.0,
                c.1,
                (1, [0, 1, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0, 0]),
                30.0,
                (0, 0, 0),
            ),
            // Item 5 lists 财政厅 twice and counts once.
            row(
                d.0,
                d.1,
                (4, [0, 2, 1, 1], [0, 1, 2, 1], [1, 1, 0, 2, 0]),
                50.0,
                (3, 2, 0),
            ),
        ],
    );
}

#[test]
fn by_owner_sorted_with_missing_last() {
    let rows = rollup(&fixture(), RollupBy::Owner);
    let (a, b, c, none) = (same("张三"), same("李四"), same("王五"), same(NO_OWNER));
    assert_rows(
        rows,
        vec![
            row(
                a.0,
                a.1,
                (2, [0, 2, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1, 0]),
                40.0,
                (0, 0, 0),
            ),
            row(
                b.0,
                b.1,
                (2, [1, 1, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0, 1]),
                22.5,
                (0, 0, 2),
            ),
            row(
                c.0,
                c.1,
                (1, [0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0, 0]),
                80.0,
                (0, 0, 0),
            ),
            row(
                none.0,
                none.1,
                (3, [0, 0, 2, 1], [0, 0, 1, 2], [1, 0, 0, 2, 0]),
                70.0,
                (3, 3, 0),
            ),
        ],
    );
}

#[test]
fn total_counts_every_item_once() {
    let got = total(&fixture());
    let want = row(
        TOTAL_KEY,
        TOTAL_LABEL,
        (8, [1, 4, 2, 1], [1, 3, 2, 2], [1, 1, 2, 3, 1]),
        51.875,
        (3, 3, 2),
    );
    assert_eq!(got, want);
    assert_eq!(got.status_count(Status::InProgress), 4);
    assert_eq!(got.pace_count(Pace::Behind), 2);
    assert_eq!(got.light_count(Light::Blue), 2);
    // Every single-group roll-up adds up to the total.
    for by in [
        RollupBy::Plan,
        RollupBy::Chapter,
        RollupBy::LeadDepartment,
        RollupBy::Owner,
    ] {
        let rows = rollup(&fixture(), by);
        assert_eq!(rows.iter().map(|r| r.items).sum::<usize>(), 8, "{by:?}");
        assert_eq!(
            rows.iter().map(|r| r.overdue_milestones).sum::<usize>(),
            3,
            "{by:?}"
        );
    }
}

#[test]
fn empty_input() {
    for by in RollupBy::ALL {
        assert!(rollup(&[], by).is_empty());
    }
    let t = total(&[]);
    assert_eq!((t.items, t.mean_progress), (0, 0.0));
}

#[test]
fn names_of_groupings() {
    let names: Vec<_> = RollupBy::ALL.iter().map(|b| b.as_str()).collect();
    assert_eq!(
        names,
        [
            "plan",
            "chapter",
            "lead_department",
            "co_department",
            "owner"
        ]
    );
    assert_eq!(RollupBy::CoDepartment.label_zh(), "按配合单位");
    assert_eq!(
        serde_json::to_string(&RollupBy::LeadDepartment).unwrap(),
        "\"lead_department\""
    );
}

/// 100,000 items, 60 departments, 3 co-departments each, 500 chapters.
fn many(n: usize) -> Vec<ItemSummary> {
    let departments: Vec<String> = (0..60).map(|d| format!("单位{d:02}")).collect();
    (0..n)
        .map(|i| {
            let co = (1..=3)
                .map(|k| departments[(i * 7 + k * 11) % 60].clone())
                .collect();
            ItemSummary {
                id: i as i64,
                plan: format!("规划{}", i % 5),
                chapter: Some(format!("第{}章", (i / 5) % 100)),
                owner: (i % 4 != 0).then(|| format!("负责人{}", i % 300)),
                lead: Some(departments[i % 60].clone()),
                co,
                status: Status::ALL[i % 4],
                progress: (i % 101) as u8,
                health: health(Pace::ALL[i % 4], Light::ALL[i % 5], i % 3),
            }
        })
        .collect()
}

#[test]
fn large_input_adds_up() {
    let items = many(10_000);
    let rows = rollup(&items, RollupBy::CoDepartment);
    assert_eq!(rows.len(), 60);
    assert_eq!(rows.iter().map(|r| r.items).sum::<usize>(), 30_000);
    assert_eq!(rollup(&items, RollupBy::Chapter).len(), 500);
    assert_eq!(rollup(&items, RollupBy::Owner).len(), 226);
}
