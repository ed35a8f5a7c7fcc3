//! Acceptance tests for 湖南省“十四五”新型城镇化规划, parsed from its two renditions:
//!
//! * 000 = `seed/hunan-urbanization-14th-fyp.txt` (simplified, primary; line numbers below
//!   refer to this file unless marked "003"),
//! * 003 = `seed/hunan-urbanization-14th-fyp.zh-hant.txt` (traditional, lossy: most headings
//!   gone, tables flattened with `|`, box items run together on one line).
//!
//! Every expected value was read from the texts themselves, never from the parser.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use chrono::NaiveDate;
use plantrack::plan::{
    self, Attribute, BoxKind, Level, MergedPlan, OutlineNode, ParsedDocument, Plan, PlanBox, Script,
};
use support::{HN_CZH_14, HN_CZH_14_HANT, parse_seed};

// ---------------------------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------------------------

fn doc_000() -> ParsedDocument {
    parse_seed(HN_CZH_14)
}

fn doc_003() -> ParsedDocument {
    parse_seed(HN_CZH_14_HANT)
}

fn merged() -> Vec<MergedPlan> {
    plan::merge_renditions(vec![doc_000(), doc_003()])
}

fn the_merged_plan() -> MergedPlan {
    let mut plans = merged();
    assert_eq!(
        plans.len(),
        1,
        "000 and 003 are renditions of one plan and must merge into exactly one"
    );
    plans.remove(0)
}

fn find_box(plan: &Plan, number: u32) -> &PlanBox {
    plan.boxes
        .iter()
        .find(|b| b.number == number)
        .unwrap_or_else(|| {
            panic!(
                "专栏{number} missing; boxes found: {:?}",
                plan.boxes.iter().map(|b| b.number).collect::<Vec<_>>()
            )
        })
}

fn item_titles(b: &PlanBox) -> Vec<&str> {
    b.items.iter().map(|i| i.title.as_str()).collect()
}

fn item_numbers(b: &PlanBox) -> Vec<Option<&str>> {
    b.items.iter().map(|i| i.number.as_deref()).collect()
}

/// Comparison key that ignores what differs between the renditions only in form:
/// half-width vs full-width punctuation and whitespace (003 writes `(`, `,`, `:`, `>` where
/// 000 writes `（`, `，`, `：`, `＞`, and splits/joins table cells with spaces).
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '>' => '＞',
            '<' => '＜',
            '.' => '．',
            other => other,
        })
        .collect()
}

fn chapters(outline: &[OutlineNode]) -> Vec<&OutlineNode> {
    let mut out = Vec::new();
    fn walk<'a>(nodes: &'a [OutlineNode], out: &mut Vec<&'a OutlineNode>) {
        for n in nodes {
            if n.level == Level::Chapter {
                out.push(n);
            } else {
                walk(&n.children, out);
            }
        }
    }
    walk(outline, &mut out);
    out
}

fn children_at(node: &OutlineNode, level: Level) -> Vec<&OutlineNode> {
    node.children.iter().filter(|c| c.level == level).collect()
}

fn strip_stop(s: &str) -> &str {
    s.trim().trim_end_matches('。').trim()
}

fn dec31(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 12, 31).expect("valid date")
}

// ---------------------------------------------------------------------------------------------
// expectations shared by several tests
// ---------------------------------------------------------------------------------------------

/// The box headings of the whole plan, in order (000 lines 238, 340, 363, 380, 436, 457, 473,
/// 513, 661, 712, 740, 757; 13 and 14 only in 003 lines 401 and 444).
const BOX_TITLES: [(u32, &str); 14] = [
    (1, "新型城镇化主要指标"),
    (2, "长株潭都市圈培育工程"),
    (3, "岳阳市新型城镇化提质升级工程"),
    (4, "衡阳市新型城镇化提质升级工程"),
    (5, "县域强基工程"),
    (6, "特色小（城）镇培育工程"),
    (7, "2025年城镇规模结构预测"),
    (8, "区域中心城市城镇化发展水平及发展方向"),
    (9, "城市更新行动"),
    (10, "智慧城市建设重点工程"),
    (11, "绿色城市建设重点工程"),
    (12, "保护传承历史文化重点举措"),
    (13, "城市现代社区打造工程"),
    (14, "城乡融合发展重点工程"),
];

/// Kind of each box: 1 is the indicator table (000 lines 238-310: 2020年/2025年/属性 columns),
/// 7 and 8 are other tables (000 lines 473-507 and 513-591), the rest are numbered items.
fn expected_kind(number: u32) -> BoxKind {
    match number {
        1 => BoxKind::IndicatorTable,
        7 | 8 => BoxKind::Table,
        _ => BoxKind::Items,
    }
}

/// Item counts of the Items boxes. Counted in both renditions; they agree for every box:
/// 000 lines 342/344/345/347 (2), 364-369 (3), 381-384 (4), 437-443 (5), 458-463 (6),
/// 663-667 (9), 714-724 (10), 742-747 (11), 759-765 (12), 811-817 (13), 893-897 (14);
/// 003 lines 128, 136, 142, 168, 175, 329, 359, 369, 375, 401, 444 (one line per box).
const ITEM_COUNTS: [(u32, usize); 11] = [
    (2, 4),
    (3, 5),
    (4, 3),
    (5, 4),
    (6, 4),
    (9, 5),
    (10, 7),
    (11, 6),
    (12, 4),
    (13, 4),
    (14, 5),
];

/// All item titles (text after the numbering up to the first 。), 000 lines as in ITEM_COUNTS.
const ITEM_TITLES: [(u32, &[&str]); 11] = [
    (
        2,
        &[
            "建设长株潭国家中心城市",
            "打造国家综合交通物流枢纽",
            "打造全国高标准市场体系建设先行区",
            "建设长株潭都市圈城市中央公园",
        ],
    ),
    (
        3,
        &[
            "区域协调发展工程",
            "“双港”驱动工程",
            "中心城区能级提升工程",
            "现代化中小城市培育工程",
            "综合交通体系建设工程",
        ],
    ),
    (
        4,
        &[
            "区域协调发展工程",
            "交通枢纽建设工程",
            "现代化中小城市培育工程",
        ],
    ),
    (
        5,
        &[
            "县域特色产业壮大工程",
            "县城基础设施改造工程",
            "县域经济发展行动计划",
            "扩权强县改革工程",
        ],
    ),
    (
        6,
        &[
            "特色工业小镇",
            "特色农业小镇",
            "特色文旅小镇",
            "重点小城镇特色化发展",
        ],
    ),
    (
        9,
        &[
            "城市体检",
            "棚户区改造",
            "老旧小区改造",
            "完整社区建设",
            "搬迁区基础设施及配套项目建设",
        ],
    ),
    (
        10,
        &[
            "新一代信息基础设施",
            "智慧市政",
            "智慧社区",
            "智慧楼宇",
            "智慧出行",
            "智慧医疗",
            "智慧教育",
        ],
    ),
    (
        11,
        &[
            "生活垃圾分类行动",
            "绿色生产",
            "绿色出行",
            "绿色建筑",
            "绿色社区",
            "绿色学校",
        ],
    ),
    (
        12,
        &[
            "文物保护工程",
            "文物合理利用工程",
            "文物价值传播推广工程",
            "非物质文化遗产传承工程",
        ],
    ),
    (
        13,
        &[
            "社区生活服务综合体建设",
            "人文关怀社区建设",
            "智慧社区建设",
            "社区工作者提升行动",
        ],
    ),
    (
        14,
        &[
            "人才入乡工程",
            "城乡物流服务一体化工程",
            "城乡基础设施一体化工程",
            "城乡“农业+文旅”融合发展工程",
            "数字城乡建设工程",
        ],
    ),
];

/// Enclosing 章 and 节 of every box in 000 (headings at lines 191/225, 314/317, 350, 425, 446,
/// 466, 653/655, 700, 727, 750, 774/804, 841/884).
const BOX_PLACES: [(u32, &str, &str); 14] = [
    (1, "第一章 发展基础和总体要求", "第四节 发展目标"),
    (
        2,
        "第二章 优化全省城镇空间格局",
        "第一节 做大做强长株潭都市圈",
    ),
    (
        3,
        "第二章 优化全省城镇空间格局",
        "第二节 加快“3+5”城市群联动发展",
    ),
    (
        4,
        "第二章 优化全省城镇空间格局",
        "第二节 加快“3+5”城市群联动发展",
    ),
    (
        5,
        "第二章 优化全省城镇空间格局",
        "第五节 强化县城重要载体作用",
    ),
    (
        6,
        "第二章 优化全省城镇空间格局",
        "第六节 推进重点小（城）镇特色化发展",
    ),
    (
        7,
        "第二章 优化全省城镇空间格局",
        "第七节 促进大中小城镇协调发展",
    ),
    (
        8,
        "第二章 优化全省城镇空间格局",
        "第七节 促进大中小城镇协调发展",
    ),
    (
        9,
        "第四章 建设面向未来的现代化城市",
        "第1节 提质增效，打造宜居城市",
    ),
    (
        10,
        "第四章 建设面向未来的现代化城市",
        "第4节 数字赋能，打造智慧城市",
    ),
    (
        11,
        "第四章 建设面向未来的现代化城市",
        "第5节 生态优先，打造绿色城市",
    ),
    (
        12,
        "第四章 建设面向未来的现代化城市",
        "第6节 文化筑城，打造人文城市",
    ),
    (
        13,
        "第五章 推进城市高水平治理",
        "第三节 提高城市社会治理水平",
    ),
    (14, "第六章 促进城乡融合发展", "第4节 缩小城乡居民收入差距"),
];

struct Row {
    number: u32,
    name: &'static str,
    unit: Option<&'static str>,
    baseline: &'static str,
    baseline_cumulative: bool,
    target: &'static str,
    target_cumulative: bool,
    attribute: Attribute,
    notes: &'static [&'static str],
}

/// 专栏1 rows, 000 lines 240-310 (one cell per line). Header: 序号 / 指标名称 / 2020年 /
/// 2025年 / 属性 (lines 240-244). Row 8's target cell is split over lines 291-293
/// ("＜604" + "（以国家下达为准）"); row 10's over lines 305-307 ("完成国家" + "下达任务").
/// "注：[]为5年累计数。" (line 310) is a footnote, not a row.
const INDICATORS: [Row; 10] = [
    Row {
        number: 1,
        name: "常住人口城镇化率",
        unit: Some("%"),
        baseline: "58.76",
        baseline_cumulative: false,
        target: "63",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 2,
        name: "城镇新增就业人数",
        unit: Some("万人"),
        baseline: "[385]",
        baseline_cumulative: true,
        target: "＞[325]",
        target_cumulative: true,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 3,
        name: "城镇调查失业率",
        unit: Some("%"),
        baseline: "5.8",
        baseline_cumulative: false,
        target: "＜5.5",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 4,
        name: "城乡居民人均可支配收入比",
        unit: None,
        baseline: "2.51",
        baseline_cumulative: false,
        target: "2.4左右",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 5,
        name: "长株潭城镇人口占全省城镇人口比重",
        unit: Some("%"),
        baseline: "32.9",
        baseline_cumulative: false,
        target: "35",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 6,
        name: "城市建成区路网密度",
        unit: Some("km/km2"),
        baseline: "6.53",
        baseline_cumulative: false,
        target: "8",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 7,
        name: "累计改造城镇老旧小区",
        unit: Some("个"),
        baseline: "—",
        baseline_cumulative: false,
        target: "≥10000",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 8,
        name: "新增建设用地面积",
        unit: Some("km2"),
        baseline: "—",
        baseline_cumulative: false,
        target: "＜604",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &["（以国家下达为准）"],
    },
    Row {
        number: 9,
        name: "县以上城镇建成区绿地率",
        unit: Some("%"),
        baseline: "35.72",
        baseline_cumulative: false,
        target: "37",
        target_cumulative: false,
        attribute: Attribute::Expected,
        notes: &[],
    },
    Row {
        number: 10,
        name: "地级及以上城市空气质量优良天数比率",
        unit: Some("%"),
        baseline: "91.7",
        baseline_cumulative: false,
        target: "完成国家下达任务",
        target_cumulative: false,
        attribute: Attribute::Binding,
        notes: &[],
    },
];

/// Checks the indicator rows of `plan` against INDICATORS. With `loosely`, values and notes are
/// compared with `loose` (003 writes `>[325]`, `<604 (以國家下達為準)`, `完成國家 下達任務`).
fn check_indicators(plan: &Plan, loosely: bool) {
    let eq = |a: &str, b: &str| {
        if loosely {
            loose(a) == loose(b)
        } else {
            a == b
        }
    };
    assert_eq!(
        plan.indicators.len(),
        10,
        "专栏1 has 10 rows: {:?}",
        plan.indicators.iter().map(|i| &i.name).collect::<Vec<_>>()
    );
    for (got, want) in plan.indicators.iter().zip(INDICATORS.iter()) {
        let ctx = format!("专栏1 row {} ({})", want.number, want.name);
        assert_eq!(got.box_number, Some(1), "{ctx}: box");
        assert_eq!(got.number, Some(want.number), "{ctx}: number");
        assert_eq!(got.category, None, "{ctx}: the table has no 类别 column");
        assert_eq!(got.name, want.name, "{ctx}: name");
        assert_eq!(got.unit.as_deref(), want.unit, "{ctx}: unit");
        assert_eq!(got.attribute, Some(want.attribute), "{ctx}: attribute");

        let baseline = got.baseline.as_ref().expect("baseline present");
        assert_eq!(baseline.year, Some(2020), "{ctx}: baseline year");
        assert!(
            eq(&baseline.value, want.baseline),
            "{ctx}: baseline value {:?}, want {:?}",
            baseline.value,
            want.baseline
        );
        assert_eq!(
            baseline.cumulative, want.baseline_cumulative,
            "{ctx}: baseline cumulative"
        );

        let target = got.target.as_ref().expect("target present");
        assert_eq!(target.year, Some(2025), "{ctx}: target year");
        assert!(
            eq(&target.value, want.target),
            "{ctx}: target value {:?}, want {:?}",
            target.value,
            want.target
        );
        assert_eq!(
            target.cumulative, want.target_cumulative,
            "{ctx}: target cumulative"
        );

        assert_eq!(
            got.notes.len(),
            want.notes.len(),
            "{ctx}: notes {:?}",
            got.notes
        );
        for (n, w) in got.notes.iter().zip(want.notes) {
            assert!(eq(n, w), "{ctx}: note {n:?}, want {w:?}");
        }
    }
}

// =============================================================================================
// 1. 000 alone
// =============================================================================================

/// 000: every 专栏 in order. 1-12 have headings (lines 238…757); the headings of 13 and 14 were
/// lost in 000, only their items survive (lines 811-817 after （一）加强城市社区治理 in 第五章
/// 第三节; lines 893-897 after （2）巩固提升脱贫攻坚成果 in 第六章 第4节), so the parser
/// numbers them one more than the previous box and leaves the title None.
#[test]
fn hn_czh_000_box_numbers_and_titles_in_order() {
    let doc = doc_000();
    let got: Vec<(u32, Option<&str>)> = doc
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.title.as_deref()))
        .collect();
    let want: Vec<(u32, Option<&str>)> = BOX_TITLES
        .iter()
        .map(|&(n, t)| (n, if n >= 13 { None } else { Some(t) }))
        .collect();
    assert_eq!(got, want);
}

/// 000: kind of each box (see `expected_kind`).
#[test]
fn hn_czh_000_box_kinds() {
    let doc = doc_000();
    let got: Vec<(u32, BoxKind)> = doc.plan.boxes.iter().map(|b| (b.number, b.kind)).collect();
    let want: Vec<(u32, BoxKind)> = (1..=14).map(|n| (n, expected_kind(n))).collect();
    assert_eq!(got, want);
}

/// 000: item count of every Items box, and no items in the table boxes 1, 7, 8.
#[test]
fn hn_czh_000_item_counts() {
    let doc = doc_000();
    for (n, count) in ITEM_COUNTS {
        let b = find_box(&doc.plan, n);
        assert_eq!(
            b.items.len(),
            count,
            "专栏{n} item count; titles: {:?}",
            item_titles(b)
        );
    }
    for n in [1, 7, 8] {
        assert!(
            find_box(&doc.plan, n).items.is_empty(),
            "专栏{n} is a table, it has no items"
        );
    }
}

/// 000: item titles of 专栏2 (lines 342-347, numbered "1." ASCII, item 4 written "4. 建设…"),
/// 专栏3 (364-369, "1． " full-width), 专栏10 (714-724), and every other Items box.
#[test]
fn hn_czh_000_item_titles() {
    let doc = doc_000();
    for (n, titles) in ITEM_TITLES {
        let b = find_box(&doc.plan, n);
        assert_eq!(item_titles(b), titles.to_vec(), "专栏{n} item titles");
    }
}

/// 000: items are numbered "1", "2", … as digits (the numbering "1．"/"1." is not kept), and
/// the plan has no item groups.
#[test]
fn hn_czh_000_item_numbers_and_groups() {
    let doc = doc_000();
    for (n, count) in ITEM_COUNTS {
        let b = find_box(&doc.plan, n);
        let want: Vec<String> = (1..=count).map(|i| i.to_string()).collect();
        let want: Vec<Option<&str>> = want.iter().map(|s| Some(s.as_str())).collect();
        assert_eq!(item_numbers(b), want, "专栏{n} item numbers");
        assert!(
            b.items.iter().all(|i| i.group.is_none()),
            "专栏{n}: no groups in this plan"
        );
    }
}

/// 000: body = item text without its numbering, title included.
#[test]
fn hn_czh_000_item_bodies() {
    let doc = doc_000();
    // line 384
    let b4 = find_box(&doc.plan, 4);
    assert_eq!(
        b4.items[2].body,
        "现代化中小城市培育工程。依托中心城区，辐射衡南县、衡阳县、衡东县、衡山县、南岳区等周边县区，形成一批区域性城镇中心和经济中心。"
    );
    // line 667
    let b9 = find_box(&doc.plan, 9);
    assert_eq!(
        b9.items[4].body,
        "搬迁区基础设施及配套项目建设。更有力的支持有条件的搬迁安置点开展新型城镇化建设，加快推进易地扶贫搬迁人口市民化进程。"
    );
    // line 347: "4. 建设…" (space after the ASCII full stop)
    let b2 = find_box(&doc.plan, 2);
    assert!(
        b2.items[3]
            .body
            .starts_with("建设长株潭都市圈城市中央公园。依托绿心打造"),
        "{:?}",
        b2.items[3].body
    );
    assert!(
        b2.items[3].body.ends_with("现代农业和对外交往等功能。"),
        "{:?}",
        b2.items[3].body
    );
    // line 811 starts with a space: " 1． 社区生活服务综合体建设。…"
    let b13 = find_box(&doc.plan, 13);
    assert!(
        b13.items[0]
            .body
            .starts_with("社区生活服务综合体建设。开展社区综合服务设施运行机制创新试点，"),
        "{:?}",
        b13.items[0].body
    );
    // line 897, the last item before 第七章 (line 900)
    let b14 = find_box(&doc.plan, 14);
    assert_eq!(
        b14.items[4].body,
        "数字城乡建设工程。完善城乡一体的信息基础设施和信息服务体系，加快培育城乡数字经济新业态，提升数字城乡治理水平，繁荣城乡网络文化，借鉴智慧城市发展经验，带动智慧绿色乡村建设。"
    );
}

/// 000: the boxes whose headings were lost (13 at lines 811-817, 14 at lines 893-897) exist
/// with their items, no title, and a warning pointing into their items.
#[test]
fn hn_czh_000_orphan_items_become_untitled_boxes_with_warnings() {
    let doc = doc_000();
    for (n, lines) in [(13u32, 811usize..=817), (14, 893..=897)] {
        let b = find_box(&doc.plan, n);
        assert_eq!(b.title, None, "专栏{n}: its heading is not in 000");
        assert_eq!(b.kind, BoxKind::Items);
        assert!(
            doc.warnings
                .iter()
                .any(|w| w.line.is_some_and(|l| lines.contains(&l))),
            "expected a warning about the untitled box at lines {lines:?}; warnings: {:?}",
            doc.warnings
        );
    }
}

/// 000: chapter and section of every box ("<label> <title>", label as written: 第四章 uses
/// 第1节…第6节, 第五章 mixes 第1节/第2节 with 第三节/第四节).
#[test]
fn hn_czh_000_box_chapters_and_sections() {
    let doc = doc_000();
    for (n, chapter, section) in BOX_PLACES {
        let b = find_box(&doc.plan, n);
        assert_eq!(b.chapter.as_deref(), Some(chapter), "专栏{n} chapter");
        assert_eq!(b.section.as_deref(), Some(section), "专栏{n} section");
    }
}

/// 000: all ten rows of the 专栏1 indicator table (lines 238-310).
#[test]
fn hn_czh_000_indicator_rows() {
    let doc = doc_000();
    check_indicators(&doc.plan, false);
}

/// 000: the two other tables. 专栏7 (lines 473-507): header 城镇规模等级 / 数量（个） / 城市,
/// five size classes whose first cell is split over two lines ("特大城市" + "（500-1000万）").
/// 专栏8 (lines 513-588): header of four columns and 14 city rows; the "注：城区是指…" line
/// (591) is a footnote, not a row.
#[test]
fn hn_czh_000_table_rows() {
    let doc = doc_000();

    let b7 = find_box(&doc.plan, 7);
    assert_eq!(b7.rows.len(), 6, "header + 5 rows: {:?}", b7.rows);
    assert_eq!(b7.rows[0], vec!["城镇规模等级", "数量（个）", "城市"]);
    let classes = [
        ("特大城市", "500-1000万", "1", "长沙市"),
        ("Ⅱ型大城市", "100-300万", "5", "衡阳市"),
        ("中等城市", "50-100万", "11", "郴州市"),
        ("Ⅰ型小城市", "20-50万", "32", "吉首市"),
        ("Ⅱ型小城市", "20万以下", "49", "新宁县"),
    ];
    for (row, (class, range, count, first_city)) in b7.rows[1..].iter().zip(classes) {
        assert_eq!(row.len(), 3, "专栏7 row {row:?}");
        assert!(
            row[0].starts_with(class) && row[0].contains(range),
            "专栏7 size class cell {:?}",
            row[0]
        );
        assert_eq!(row[1], count, "专栏7 count for {class}");
        assert!(row[2].starts_with(first_city), "专栏7 cities {:?}", row[2]);
    }
    // line 507 ends the 49 small cities with 炎陵县
    assert!(b7.rows[5][2].ends_with("韶山市、炎陵县"));

    let b8 = find_box(&doc.plan, 8);
    assert_eq!(b8.rows.len(), 15, "header + 14 rows: {:?}", b8.rows);
    assert_eq!(loose(&b8.rows[0][0]), "市州", "header cell \"市  州\"");
    assert_eq!(
        b8.rows[0][1..],
        [
            "2025年城镇化水平（%）",
            "2025年中心城区常住人口规模预测（万人）",
            "主要发展方向"
        ]
    );
    let cities = [
        ("长沙市", "85", "650"),
        ("株洲市", "75", "150"),
        ("湘潭市", "70", "120"),
        ("衡阳市", "62", "170"),
        ("邵阳市", "57.5", "85"),
        ("岳阳市", "65", "130"),
        ("常德市", "63", "100"),
        ("张家界市", "58", "35"),
        ("益阳市", "55", "85"),
        ("郴州市", "62", "85"),
        ("永州市", "54", "75"),
        ("怀化市", "53", "75"),
        ("娄底市", "53", "65"),
        ("湘西自治州", "55", "45"),
    ];
    for (row, (city, level, pop)) in b8.rows[1..].iter().zip(cities) {
        assert_eq!(row.len(), 4, "专栏8 row {row:?}");
        assert_eq!(
            (row[0].as_str(), row[1].as_str(), row[2].as_str()),
            (city, level, pop)
        );
    }
    // line 523
    assert!(b8.rows[1][3].starts_with("国家重要先进制造业中心、国家科技创新中心"));
    assert!(
        !b8.rows
            .iter()
            .flatten()
            .any(|cell| cell.contains("城区是指")),
        "the 注 after 专栏8 (line 591) is not a table cell"
    );
}

/// 000: plan metadata. Title line 17 (also 185); issuer line 1 / signature line 8; signature
/// date line 10 (2021年8月26日; line 14's 2021年8月30日 is the 印发 date of the office). The
/// text has no 文号 (no 〔2021〕…号 anywhere).
#[test]
fn hn_czh_000_plan_metadata() {
    let doc = doc_000();
    assert_eq!(doc.source, HN_CZH_14);
    assert_eq!(doc.encoding, plan::TextEncoding::Utf8);
    let p = &doc.plan;
    assert_eq!(p.title, "湖南省“十四五”新型城镇化规划");
    assert_eq!(p.issuer.as_deref(), Some("湖南省发展和改革委员会"));
    assert_eq!(p.issued_on, NaiveDate::from_ymd_opt(2021, 8, 26));
    assert_eq!(p.doc_number, None);
    assert_eq!(p.script, Script::Simplified);
    assert!(p.tasks.is_empty(), "a 规划 with 专栏, no 责任单位 tasks");
    assert!(p.glossary.is_empty(), "no 名词解释");
}

/// 000: outline. Seven 章 in the body (lines 191, 314, 593, 653, 774, 841, 900); the table of
/// contents (lines 20-180) must not add a second copy. 节 per 章: 4, 7, 4, 6, 4, 4, 4.
/// 第三/四/六章 write 第1节…; 第五章 writes 第1节, 第2节, 第三节, 第四节 (lines 777, 787, 804,
/// 827) — a reader sees four sections numbered 1-4.
#[test]
fn hn_czh_000_outline_chapters_and_sections() {
    let doc = doc_000();
    let chs = chapters(&doc.plan.outline);
    let got: Vec<(u32, &str, &str)> = chs
        .iter()
        .map(|c| (c.number, c.label.as_str(), c.title.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (1, "第一章", "发展基础和总体要求"),
            (2, "第二章", "优化全省城镇空间格局"),
            (3, "第三章", "提高农业转移人口市民化质量"),
            (4, "第四章", "建设面向未来的现代化城市"),
            (5, "第五章", "推进城市高水平治理"),
            (6, "第六章", "促进城乡融合发展"),
            (7, "第七章", "规划实施保障"),
        ]
    );
    let counts: Vec<usize> = chs
        .iter()
        .map(|c| children_at(c, Level::Section).len())
        .collect();
    assert_eq!(counts, vec![4, 7, 4, 6, 4, 4, 4], "节 per 章");

    // 第二章 (lines 317, 350, 387, 401, 425, 446, 466)
    let ch2: Vec<(u32, &str)> = children_at(chs[1], Level::Section)
        .iter()
        .map(|s| (s.number, s.title.as_str()))
        .collect();
    assert_eq!(
        ch2,
        vec![
            (1, "做大做强长株潭都市圈"),
            (2, "加快“3+5”城市群联动发展"),
            (3, "打造三条城镇发展带"),
            (4, "培育壮大一批区域性城镇群"),
            (5, "强化县城重要载体作用"),
            (6, "推进重点小（城）镇特色化发展"),
            (7, "促进大中小城镇协调发展"),
        ]
    );

    // 第四章 (lines 655, 676, 688, 700, 727, 750): 第1节 … 第6节
    let ch4: Vec<(u32, &str, &str)> = children_at(chs[3], Level::Section)
        .iter()
        .map(|s| (s.number, s.label.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        ch4,
        vec![
            (1, "第1节", "提质增效，打造宜居城市"),
            (2, "第2节", "抵御风险，打造韧性城市"),
            (3, "第3节", "产城融合，打造创新城市"),
            (4, "第4节", "数字赋能，打造智慧城市"),
            (5, "第5节", "生态优先，打造绿色城市"),
            (6, "第6节", "文化筑城，打造人文城市"),
        ]
    );

    // 第五章 (lines 777, 787, 804, 827): mixed labels
    let ch5: Vec<(u32, &str, &str)> = children_at(chs[4], Level::Section)
        .iter()
        .map(|s| (s.number, s.label.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        ch5,
        vec![
            (1, "第1节", "构建现代城市治理体系"),
            (2, "第2节", "提升城市规划空间治理水平"),
            (3, "第三节", "提高城市社会治理水平"),
            (4, "第四节", "加大配套改革力度"),
        ]
    );
}

/// 000: numbered sub-points under 节, written （一） or （1） and sometimes mixed within one
/// 节. 第五章 第2节 (lines 791, 795, 798, 801): （一）（2）（3）（4）; 第五章 第三节 (808, 820,
/// 824): （一）（二）（3）; 第四章 第1节 (659, 670, 673): （1）（2）（3) with 专栏9 between
/// （1） and （2）; 第二章 第一节 (320, 330): （一）（二）.
#[test]
fn hn_czh_000_outline_points() {
    let doc = doc_000();
    let chs = chapters(&doc.plan.outline);
    let points = |ch: usize, sec: usize| -> Vec<(u32, String, String)> {
        let sections = children_at(chs[ch], Level::Section);
        children_at(sections[sec], Level::Point)
            .iter()
            .map(|p| (p.number, p.label.clone(), strip_stop(&p.title).to_string()))
            .collect()
    };
    let own = |v: &[(u32, &str, &str)]| -> Vec<(u32, String, String)> {
        v.iter()
            .map(|&(n, l, t)| (n, l.to_string(), t.to_string()))
            .collect()
    };

    assert_eq!(
        points(4, 1),
        own(&[
            (1, "（一）", "创新规划理念"),
            (2, "（2）", "促进规划协同"),
            (3, "（3）", "强化规划管控"),
            (4, "（4）", "提升城市设计水平"),
        ])
    );
    assert_eq!(
        points(4, 2),
        own(&[
            (1, "（一）", "加强城市社区治理"),
            (2, "（二）", "完善矛盾纠纷预防化解机制"),
            (3, "（3）", "提升城市综合管理能力"),
        ])
    );
    assert_eq!(
        points(3, 0),
        own(&[
            (1, "（1）", "推进城市有机更新"),
            (2, "（2）", "构建全龄友好城市"),
            (3, "（3）", "保障人民住有所居"),
        ])
    );
    assert_eq!(
        points(1, 0),
        own(&[
            (1, "（一）", "构筑同城化发展新格局"),
            (2, "（二）", "加快同城化建设步伐"),
        ])
    );
    // 第一章 and 第七章 have no numbered sub-points at all (lines 191-312, 900-912)
    for ch in [0usize, 6] {
        for s in children_at(chs[ch], Level::Section) {
            assert!(
                children_at(s, Level::Point).is_empty(),
                "{} {} has no points",
                s.label,
                s.title
            );
        }
    }
}

/// 000: deadlines found in box items.
#[test]
fn hn_czh_000_deadlines_in_items() {
    let doc = doc_000();

    // 专栏9 items 2-4 (lines 664-666): one "到2025年" each
    let b9 = find_box(&doc.plan, 9);
    for (idx, needle) in [
        (1usize, "全省累计完成城镇棚户区改造开工建设13万套"),
        (2, "全省累计完成老旧小区改造不少于1万个"),
        (3, "各市州60%以上的社区达到完整社区建设标准"),
    ] {
        let item = &b9.items[idx];
        assert_eq!(
            item.deadlines.len(),
            1,
            "专栏9 item {}: {:?}",
            idx + 1,
            item.deadlines
        );
        let d = &item.deadlines[0];
        assert_eq!(d.year, 2025);
        assert_eq!(d.due, dec31(2025));
        assert_eq!(d.phrase, "到2025年");
        assert!(d.text.contains(needle), "sentence {:?}", d.text);
        assert!(
            d.text.len() < item.body.len(),
            "the deadline text is the sentence, not the whole item"
        );
    }
    // 专栏9 item 2: the sentence, not the item's first sentence
    assert!(
        !b9.items[1].deadlines[0]
            .text
            .contains("严格把握棚户区改造范围")
    );

    // 专栏10 item 1 (line 714): two sentences, each with 到2025年
    let b10 = find_box(&doc.plan, 10);
    let d = &b10.items[0].deadlines;
    assert_eq!(
        d.iter().map(|d| d.year).collect::<Vec<_>>(),
        vec![2025, 2025]
    );
    assert!(
        d.iter()
            .all(|d| d.phrase == "到2025年" && d.due == dec31(2025))
    );
    assert!(
        d[0].text.contains("5G网络用户普及率提高到60%"),
        "{:?}",
        d[0].text
    );
    assert!(d[1].text.contains("双千兆"), "{:?}", d[1].text);

    // 专栏10 item 7 (line 724)
    let d = &b10.items[6].deadlines;
    assert_eq!(d.iter().map(|d| d.year).collect::<Vec<_>>(), vec![2025]);
    assert!(d[0].text.contains("全省建成一批智慧教育标杆学校"));

    // 专栏14 item 3 (line 895): two 到2025年 (sewage coverage, natural gas supply)
    let b14 = find_box(&doc.plan, 14);
    let d = &b14.items[2].deadlines;
    assert_eq!(
        d.iter().map(|d| d.year).collect::<Vec<_>>(),
        vec![2025, 2025]
    );
    assert!(
        d[0].text.contains("污水处理设施基本覆盖"),
        "{:?}",
        d[0].text
    );
    assert!(
        d[1].text.contains("天然气年供应总量达到65亿立方米"),
        "{:?}",
        d[1].text
    );

    // 专栏14 item 4 (line 896)
    let d = &b14.items[3].deadlines;
    assert_eq!(d.iter().map(|d| d.year).collect::<Vec<_>>(), vec![2025]);
    assert!(d[0].text.contains("休闲农业精品景点线路"));

    // items with no year at all: 专栏12 (lines 759-765), 专栏6 (458-463)
    for n in [12, 6] {
        for item in &find_box(&doc.plan, n).items {
            assert!(
                item.deadlines.is_empty(),
                "专栏{n} {}: {:?}",
                item.title,
                item.deadlines
            );
        }
    }
}

// =============================================================================================
// 2. 003 alone
// =============================================================================================

/// 003: all fourteen box headings survive ("專欄N 标题" at lines 40, 128, 136, 142, 168, 175,
/// 180, 209, 329, 359, 369, 375, 401, 444), converted to simplified. 003 writes 专栏6 with
/// half-width parentheses "特色小(城)镇培育工程", hence the loose comparison.
#[test]
fn hn_czh_003_box_numbers_and_titles() {
    let doc = doc_003();
    let got: Vec<(u32, Option<String>)> = doc
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.title.as_deref().map(loose)))
        .collect();
    let want: Vec<(u32, Option<String>)> = BOX_TITLES
        .iter()
        .map(|&(n, t)| (n, Some(loose(t))))
        .collect();
    assert_eq!(got, want);
}

/// 003: kinds and item counts (items run together on one line per box, split at "N." after
/// "。 "); the counts equal 000's for every box.
#[test]
fn hn_czh_003_kinds_and_item_counts() {
    let doc = doc_003();
    for n in 1..=14 {
        assert_eq!(
            find_box(&doc.plan, n).kind,
            expected_kind(n),
            "专栏{n} kind"
        );
    }
    for (n, count) in ITEM_COUNTS {
        let b = find_box(&doc.plan, n);
        assert_eq!(
            b.items.len(),
            count,
            "专栏{n} item count; titles: {:?}",
            item_titles(b)
        );
    }
    // the flattened tables: 專欄7 lines 180-205 (header + 5 rows of 3 cells; "||" separator
    // lines are not rows), 專欄8 lines 209-285 (header + 14 rows of 4 cells; the 注 on line 286
    // is not a row)
    let b7 = find_box(&doc.plan, 7);
    assert_eq!(b7.rows.len(), 6, "专栏7 rows: {:?}", b7.rows);
    assert!(b7.rows.iter().all(|r| r.len() == 3), "{:?}", b7.rows);
    assert_eq!(
        b7.rows[1..]
            .iter()
            .map(|r| r[1].as_str())
            .collect::<Vec<_>>(),
        vec!["1", "5", "11", "32", "49"]
    );
    let b8 = find_box(&doc.plan, 8);
    assert_eq!(b8.rows.len(), 15, "专栏8 rows: {:?}", b8.rows);
    assert!(b8.rows.iter().all(|r| r.len() == 4), "{:?}", b8.rows);
    assert_eq!(b8.rows[14][0], "湘西自治州");
}

/// 003: item titles, converted to simplified (e.g. 專欄13 line 401 "1.社區生活服務綜合體建設。",
/// 專欄14 line 444 "4.城鄉“農業+文旅”融合發展工程。").
#[test]
fn hn_czh_003_item_titles() {
    let doc = doc_003();
    for (n, titles) in ITEM_TITLES {
        let b = find_box(&doc.plan, n);
        let got: Vec<String> = b.items.iter().map(|i| loose(&i.title)).collect();
        let want: Vec<String> = titles.iter().map(|t| loose(t)).collect();
        assert_eq!(got, want, "专栏{n} item titles");
        let nums: Vec<String> = (1..=titles.len()).map(|i| i.to_string()).collect();
        assert_eq!(
            b.items.iter().map(|i| i.number.clone()).collect::<Vec<_>>(),
            nums.into_iter().map(Some).collect::<Vec<_>>(),
            "专栏{n} item numbers"
        );
    }
    // the last item of a run-together line ends before the line's trailing " |"
    let b14 = find_box(&doc.plan, 14);
    assert!(!b14.items[4].body.contains('|'), "{:?}", b14.items[4].body);
    assert!(b14.items[4].body.ends_with("带动智慧绿色乡村建设。"));
}

/// 003: metadata (lines 3-12; "HNPR-2021-02036" on line 2 is a normative-document registration
/// code, not a 文号, so doc_number stays None).
#[test]
fn hn_czh_003_plan_metadata() {
    let doc = doc_003();
    assert_eq!(doc.source, HN_CZH_14_HANT);
    let p = &doc.plan;
    assert_eq!(p.title, "湖南省“十四五”新型城镇化规划");
    assert_eq!(p.issuer.as_deref(), Some("湖南省发展和改革委员会"));
    assert_eq!(p.issued_on, NaiveDate::from_ymd_opt(2021, 8, 26));
    assert_eq!(p.doc_number, None);
    assert_eq!(p.script, Script::Traditional);
}

/// 003: the indicator table flattened with `|` (lines 40-110) gives the same ten rows; row 8's
/// note is on the same cell ("<604 (以國家下達為準)", line 94) and row 10's target is
/// "完成國家 下達任務" (line 106).
#[test]
fn hn_czh_003_indicator_rows() {
    let doc = doc_003();
    check_indicators(&doc.plan, true);
}

/// 003: no 章 heading survives (no 第…章 line at all), so no box has a chapter; where the 节
/// heading before a box survives, it is the box's section: 专栏2 (節 line 113), 专栏9 (324),
/// 专栏10 (350), 专栏11 (360), 专栏12 (370), 专栏14 (437).
#[test]
fn hn_czh_003_chapters_absent_sections_where_kept() {
    let doc = doc_003();
    assert!(
        chapters(&doc.plan.outline).is_empty(),
        "003 has no 章 headings"
    );
    for b in &doc.plan.boxes {
        assert_eq!(b.chapter, None, "专栏{}: no 章 in 003", b.number);
    }
    for (n, section) in [
        (2, "第一节 做大做强长株潭都市圈"),
        (9, "第一节 提质增效，打造宜居城市"),
        (10, "第四节 数字赋能，打造智慧城市"),
        (11, "第五节 生态优先，打造绿色城市"),
        (12, "第六节 文化筑城，打造人文城市"),
        (14, "第四节 缩小城乡居民收入差距"),
    ] {
        let got = find_box(&doc.plan, n).section.as_deref().map(loose);
        assert_eq!(got, Some(loose(section)), "专栏{n} section in 003");
    }
}

// =============================================================================================
// 3. merged (000 primary + 003)
// =============================================================================================

/// The two renditions are one plan; sources name both files, primary first.
#[test]
fn hn_czh_merged_is_one_plan_with_both_sources() {
    let m = the_merged_plan();
    assert_eq!(
        m.sources,
        vec![HN_CZH_14.to_string(), HN_CZH_14_HANT.to_string()]
    );
    assert_eq!(m.plan.script, Script::Simplified, "script of the primary");
}

/// Merged: every box 1..14 has its title; 13 and 14 come from 003 (lines 401, 444); the
/// punctuation of 专栏6 is the primary's full-width （城）.
#[test]
fn hn_czh_merged_every_box_has_its_title() {
    let m = the_merged_plan();
    let got: Vec<(u32, Option<&str>)> = m
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.title.as_deref()))
        .collect();
    let want: Vec<(u32, Option<&str>)> = BOX_TITLES.iter().map(|&(n, t)| (n, Some(t))).collect();
    assert_eq!(got, want);
    for n in 1..=14 {
        assert_eq!(find_box(&m.plan, n).kind, expected_kind(n), "专栏{n} kind");
    }
}

/// Merged: item counts are the maximum evidenced by either rendition (they agree, see
/// ITEM_COUNTS), item titles and bodies are the primary's.
#[test]
fn hn_czh_merged_items() {
    let m = the_merged_plan();
    for (n, count) in ITEM_COUNTS {
        let b = find_box(&m.plan, n);
        assert_eq!(
            b.items.len(),
            count,
            "专栏{n} item count: {:?}",
            item_titles(b)
        );
    }
    for (n, titles) in ITEM_TITLES {
        assert_eq!(
            item_titles(find_box(&m.plan, n)),
            titles.to_vec(),
            "专栏{n} item titles"
        );
    }
    // primary punctuation (000 line 811: full-width comma), not 003's half-width one
    assert!(
        find_box(&m.plan, 13).items[0]
            .body
            .starts_with("社区生活服务综合体建设。开展社区综合服务设施运行机制创新试点，")
    );
    // deadlines survive the merge (000 line 664)
    let d = &find_box(&m.plan, 9).items[1].deadlines;
    assert_eq!(d.iter().map(|d| d.year).collect::<Vec<_>>(), vec![2025]);
}

/// Merged: chapters and sections are the primary's, including for the boxes whose titles
/// came from 003.
#[test]
fn hn_czh_merged_chapters_and_sections() {
    let m = the_merged_plan();
    for (n, chapter, section) in BOX_PLACES {
        let b = find_box(&m.plan, n);
        assert_eq!(b.chapter.as_deref(), Some(chapter), "专栏{n} chapter");
        assert_eq!(b.section.as_deref(), Some(section), "专栏{n} section");
    }
    let chs = chapters(&m.plan.outline);
    assert_eq!(chs.len(), 7, "the primary's outline");
}

/// Merged: metadata and the indicator table (primary's punctuation: "＞[325]", "＜604").
#[test]
fn hn_czh_merged_metadata_and_indicators() {
    let m = the_merged_plan();
    assert_eq!(m.plan.title, "湖南省“十四五”新型城镇化规划");
    assert_eq!(m.plan.issuer.as_deref(), Some("湖南省发展和改革委员会"));
    assert_eq!(m.plan.issued_on, NaiveDate::from_ymd_opt(2021, 8, 26));
    assert_eq!(m.plan.doc_number, None);
    check_indicators(&m.plan, false);
}

/// Merged: the renditions agree on boxes 1-12 (titles, item counts, item texts and indicator
/// values are the same once traditional→simplified, half-/full-width punctuation, whitespace
/// and the 著/着 conversion variant are set aside — checked item by item), so no disagreement
/// may be reported about them. The only box-level difference is that 000 lost the headings of
/// 13 and 14, which 003 supplies.
#[test]
fn hn_czh_merged_no_false_disagreements() {
    let m = the_merged_plan();
    for d in &m.disagreements {
        let num: String = d
            .place
            .strip_prefix("专栏")
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if let Ok(n) = num.parse::<u32>() {
            assert!(
                n >= 13,
                "renditions agree on 专栏{n}, yet a disagreement was reported: {d:?}"
            );
        }
    }
}

// =============================================================================================
// 4. nothing invented
// =============================================================================================

/// The numbered sub-points of sections ((1)/(一) …) and the paragraphs around boxes are not
/// box items: 000 has exactly 51 items in 14 boxes, and boxes end where the text moves on.
#[test]
fn hn_czh_000_sub_points_are_not_box_items() {
    let doc = doc_000();
    assert_eq!(doc.plan.boxes.len(), 14);
    let total: usize = doc.plan.boxes.iter().map(|b| b.items.len()).sum();
    assert_eq!(total, 51);

    // point titles that sit right next to boxes (lines 659, 670, 808, 820, 891, 768)
    let points = [
        "推进城市有机更新",
        "构建全龄友好城市",
        "加强城市社区治理",
        "完善矛盾纠纷预防化解机制",
        "巩固提升脱贫攻坚成果",
        "塑造独特城市风貌",
        "引导农业转移人口落户城镇",
    ];
    for b in &doc.plan.boxes {
        for item in &b.items {
            assert!(
                !points.iter().any(|p| item.title.contains(p)),
                "专栏{} item {:?} is a section sub-point",
                b.number,
                item.title
            );
        }
    }

    // the last item of each box stops before the next heading or paragraph
    let tails = [
        (2, "第二节"),                     // line 350 follows 专栏2
        (2, "以长株潭现代化都市圈为核心"), // line 351
        (4, "打造三条城镇发展带"),         // line 387
        (9, "构建全龄友好城市"),           // line 670
        (10, "生态优先"),                  // line 727
        (12, "塑造独特城市风貌"),          // line 768
        (13, "完善矛盾纠纷预防化解机制"),  // line 820
        (14, "规划实施保障"),              // line 900
    ];
    for (n, text) in tails {
        let b = find_box(&doc.plan, n);
        let last = b.items.last().expect("box has items");
        assert!(
            !last.body.contains(text),
            "专栏{n}'s last item runs into the following text ({text}): {:?}",
            last.body
        );
    }
}

/// Same for 003 and for the merged plan: 51 items in 14 boxes.
#[test]
fn hn_czh_003_and_merged_invent_no_items() {
    let doc = doc_003();
    assert_eq!(doc.plan.boxes.len(), 14);
    assert_eq!(
        doc.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>(),
        51
    );
    // 003 line 402 "(二)完善矛盾糾紛預防化解機制。" follows 專欄13's line
    let b13 = find_box(&doc.plan, 13);
    assert!(!b13.items.iter().any(|i| i.body.contains("完善矛盾纠纷")));

    let m = the_merged_plan();
    assert_eq!(m.plan.boxes.len(), 14);
    assert_eq!(
        m.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>(),
        51
    );
}
