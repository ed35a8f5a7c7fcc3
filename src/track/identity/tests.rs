#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;

/// (kind, parent, number, title, body)
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static str,
);

fn candidates(rows: &[Row]) -> Vec<Candidate<'static>> {
    rows.iter()
        .map(|&(kind, parent, number, title, body)| Candidate {
            kind,
            parent,
            number,
            title,
            body,
        })
        .collect()
}

/// For each text item: the stored index it matched, with how.
fn run(stored: &[Row], text: &[Row], decisions: &[Decision]) -> Matching {
    match_items(&candidates(stored), &candidates(text), decisions)
}

const G: &str = "（一）实施新一轮农业转移人口市民化行动";

#[test]
fn a_task_inserted_after_the_first_keeps_every_other_task_on_its_own_item() {
    let stored: &[Row] = &[
        (
            "task",
            G,
            Some("1"),
            "健全常住地提供基本公共服务制度",
            "健全常住地提供基本公共服务制度。推行由常住地登记户口提供基本公共服务制度。",
        ),
        (
            "task",
            G,
            Some("2"),
            "促进农业转移人口在城镇稳定就业",
            "促进农业转移人口在城镇稳定就业。实施农民工职业技能提升计划。",
        ),
        (
            "task",
            G,
            Some("3"),
            "保障随迁子女在流入地受教育权利",
            "保障随迁子女在流入地受教育权利。以公办学校为主将随迁子女纳入流入地义务教育保障范围。",
        ),
    ];
    let text: &[Row] = &[
        stored[0],
        (
            "task",
            G,
            Some("2"),
            "新增测试任务",
            "新增测试任务。加快推进某项新的工作。",
        ),
        ("task", G, Some("3"), stored[1].3, stored[1].4),
        ("task", G, Some("4"), stored[2].3, stored[2].4),
    ];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], Some((0, Relation::Kept)));
    assert_eq!(
        m.matched[1], None,
        "the inserted task is new, it takes nobody's data"
    );
    assert_eq!(m.matched[2], Some((1, Relation::Renumbered)));
    assert_eq!(m.matched[3], Some((2, Relation::Renumbered)));
    assert!(m.uncertain.is_empty());
}

const BOX9: &str = "城市更新重点工程";

#[test]
fn a_box_reordered_retitled_grown_and_shrunk_keeps_each_item() {
    let stored: &[Row] = &[
        (
            "box_item",
            BOX9,
            Some("1"),
            "城市体检",
            "城市体检。建立城市体检评估机制，每年开展一次全省城市体检工作。",
        ),
        (
            "box_item",
            BOX9,
            Some("2"),
            "棚户区改造",
            "棚户区改造。严格把握棚户区改造范围和标准，重点改造老城区内脏乱差的棚户区。",
        ),
        (
            "box_item",
            BOX9,
            Some("3"),
            "老旧小区改造",
            "老旧小区改造。基本完成2000年底前建成的需改造城镇老旧小区改造任务。",
        ),
        (
            "box_item",
            BOX9,
            Some("4"),
            "完整社区建设",
            "完整社区建设。按照完整居住社区建设标准，补齐既有居住社区建设短板。",
        ),
    ];
    let text: &[Row] = &[
        ("box_item", BOX9, Some("1"), "老旧小区改造", stored[2].4),
        ("box_item", BOX9, Some("2"), "城市体检", stored[0].4),
        (
            "box_item",
            BOX9,
            Some("3"),
            "完整社区建设改造提升",
            "完整社区建设改造提升。按照完整居住社区建设标准，补齐既有居住社区建设短板。",
        ),
        (
            "box_item",
            BOX9,
            Some("4"),
            "智慧社区试点",
            "智慧社区试点。在有条件的城市开展智慧社区建设试点，推广社区服务数字化。",
        ),
    ];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], Some((2, Relation::Renumbered)));
    assert_eq!(m.matched[1], Some((0, Relation::Renumbered)));
    assert_eq!(m.matched[2], Some((3, Relation::Retitled)), "{m:?}");
    assert_eq!(m.matched[3], None, "a new item inherits nothing: {m:?}");
    assert!(m.uncertain.is_empty(), "{m:?}");
}

#[test]
fn items_of_equal_titles_stay_in_their_own_boxes_when_the_boxes_are_renumbered() {
    let stored: &[Row] = &[
        (
            "box_item",
            "长株潭都市圈培育工程",
            Some("1"),
            "区域协调发展工程",
            "区域协调发展工程。推动长株潭同城化。",
        ),
        (
            "box_item",
            "岳阳市省域副中心城市建设",
            Some("1"),
            "区域协调发展工程",
            "区域协调发展工程。推动岳阳与长江经济带城市合作。",
        ),
    ];
    // A new box went in before both: their numbers moved, their titles did not.
    let text: &[Row] = &[
        (
            "box_item",
            "新增测试工程",
            Some("1"),
            "区域协调发展工程",
            "区域协调发展工程。全新的内容。",
        ),
        (
            "box_item",
            "长株潭都市圈培育工程",
            Some("1"),
            "区域协调发展工程",
            stored[0].4,
        ),
        (
            "box_item",
            "岳阳市省域副中心城市建设",
            Some("1"),
            "区域协调发展工程",
            stored[1].4,
        ),
    ];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], None);
    assert_eq!(m.matched[1], Some((0, Relation::Kept)));
    assert_eq!(m.matched[2], Some((1, Relation::Kept)));
}

#[test]
fn two_items_of_one_box_with_one_title_are_told_apart_by_their_text() {
    let stored: &[Row] = &[
        (
            "box_item",
            BOX9,
            None,
            "特色小镇",
            "特色小镇。培育工业特色小镇，建设先进制造业集聚区。",
        ),
        (
            "box_item",
            BOX9,
            None,
            "特色小镇",
            "特色小镇。培育文旅特色小镇，打造乡村旅游目的地。",
        ),
    ];
    let text: &[Row] = &[stored[1], stored[0]];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], Some((1, Relation::Kept)));
    assert_eq!(m.matched[1], Some((0, Relation::Kept)));
}

#[test]
fn an_unnumbered_item_with_a_new_title_and_the_same_text_is_retitled() {
    let stored: &[Row] = &[(
        "box_item",
        "智慧城市建设工程",
        None,
        "智慧养老",
        "智慧养老。结合智慧社区建设，整合养老领域信息资源，形成全人群覆盖、全方位服务、全过程管理、全天候响应的智慧养老体系。",
    )];
    let text: &[Row] = &[(
        "box_item",
        "智慧城市建设工程",
        None,
        "智慧康养",
        "智慧康养。结合智慧社区建设，整合养老领域信息资源，形成全人群覆盖、全方位服务、全过程管理、全天候响应的智慧养老体系。",
    )];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], Some((0, Relation::Retitled)));
}

#[test]
fn a_doubtful_pair_is_uncertain_until_someone_decides() {
    let stored: &[Row] = &[(
        "task",
        G,
        Some("5"),
        "扩大社会保障覆盖面",
        "扩大社会保障覆盖面。推进职工基本养老保险全国统筹，放开灵活就业人员参保户籍限制。",
    )];
    let text: &[Row] = &[(
        "task",
        G,
        Some("5"),
        "完善社会保障体系",
        "完善社会保障体系。推进职工基本养老保险全国统筹，扩大失业保险和工伤保险覆盖范围。",
    )];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], None, "never applied silently: {m:?}");
    assert_eq!(m.uncertain.len(), 1);
    let u = m.uncertain[0];
    assert_eq!((u.stored, u.text), (0, 0));
    assert!(u.score >= POSSIBLE && u.score < CONFIDENT, "{}", u.score);

    let same = run(stored, text, &[Decision::Same { stored: 0, text: 0 }]);
    assert_eq!(same.matched[0], Some((0, Relation::Retitled)));
    assert!(same.uncertain.is_empty());

    let apart = run(stored, text, &[Decision::NotInText { stored: 0 }]);
    assert_eq!(apart.matched[0], None);
    assert!(apart.uncertain.is_empty());
}

#[test]
fn a_close_rival_makes_a_good_pair_uncertain() {
    let body = "推进县城补短板强弱项，完善市政公用设施，提升县城综合承载能力和治理能力。";
    let stored: &[Row] = &[
        ("box_item", BOX9, Some("1"), "县城补短板工程", body),
        ("box_item", BOX9, Some("2"), "县城强弱项工程", body),
    ];
    let text: &[Row] = &[("box_item", BOX9, Some("1"), "县城补短板强弱项工程", body)];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], None, "{m:?}");
    assert_eq!(m.uncertain.len(), 1);
}

#[test]
fn different_kinds_never_match() {
    let stored: &[Row] = &[(
        "task",
        G,
        Some("1"),
        "培育特色优势产业集群",
        "培育特色优势产业集群。",
    )];
    let text: &[Row] = &[(
        "box_item",
        BOX9,
        Some("1"),
        "培育特色优势产业集群",
        "培育特色优势产业集群。",
    )];
    let m = run(stored, text, &[]);
    assert_eq!(m.matched[0], None);
    assert!(m.uncertain.is_empty());
}

#[test]
fn similarity_ignores_punctuation_and_spaces() {
    assert_eq!(normalise("1． 城市 体检。"), "1城市体检");
    let a = pairs("城市体检", 10);
    let b = pairs("城市，体检！", 10);
    assert!((dice(&a, &b) - 1.0).abs() < 1e-9);
}
