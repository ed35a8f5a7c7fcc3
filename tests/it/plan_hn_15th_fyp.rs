//! Acceptance tests for the parser against `seed/hunan-15th-fyp-outline.txt`
//! (湖南省国民经济和社会发展第十五个五年规划纲要, 2026–2030).
//!
//! Every expected value below was read off the text by hand (line numbers refer to the seed
//! file; `[bookmark: …]` markup only ever sits at the start of a line, so stripping it does not
//! move any line). Nothing here was produced by running the parser.

// Tests may unwrap and panic: a failed lookup is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support;

use chrono::NaiveDate;
use plantrack::plan::{
    Attribute, BoxItem, BoxKind, Indicator, Level, Measure, OutlineNode, ParsedDocument, PlanBox,
    Script, TextEncoding,
};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------------------------
// helpers

/// The parsed seed, parsed once for all tests of this file.
fn doc() -> &'static ParsedDocument {
    static DOC: OnceLock<ParsedDocument> = OnceLock::new();
    DOC.get_or_init(|| support::parse_seed(support::HN_15TH_FYP))
}

fn plan_box(number: u32) -> &'static PlanBox {
    let matches: Vec<&PlanBox> = doc()
        .plan
        .boxes
        .iter()
        .filter(|b| b.number == number)
        .collect();
    assert_eq!(matches.len(), 1, "exactly one 专栏{number} expected");
    matches[0]
}

fn item_titles(b: &PlanBox) -> Vec<&str> {
    b.items.iter().map(|i| i.title.as_str()).collect()
}

fn item<'a>(b: &'a PlanBox, title: &str) -> &'a BoxItem {
    b.items
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("专栏{} has no item titled {title}", b.number))
}

fn indicators_of(box_number: u32) -> Vec<&'static Indicator> {
    doc()
        .plan
        .indicators
        .iter()
        .filter(|i| i.box_number == Some(box_number))
        .collect()
}

fn measure(year: i32, value: &str, cumulative: bool) -> Option<Measure> {
    Some(Measure {
        year: Some(year),
        value: value.to_string(),
        cumulative,
    })
}

/// All outline nodes of one level, depth first, in document order.
fn nodes_of_level(level: Level) -> Vec<&'static OutlineNode> {
    fn walk<'a>(nodes: &'a [OutlineNode], level: Level, out: &mut Vec<&'a OutlineNode>) {
        for n in nodes {
            if n.level == level {
                out.push(n);
            }
            walk(&n.children, level, out);
        }
    }
    let mut out = Vec::new();
    walk(&doc().plan.outline, level, &mut out);
    out
}

fn part(number: u32) -> &'static OutlineNode {
    let parts = nodes_of_level(Level::Part);
    let found: Vec<_> = parts.into_iter().filter(|p| p.number == number).collect();
    assert_eq!(found.len(), 1, "exactly one 篇 numbered {number} expected");
    found[0]
}

fn chapter(number: u32) -> &'static OutlineNode {
    let found: Vec<_> = nodes_of_level(Level::Chapter)
        .into_iter()
        .filter(|c| c.number == number)
        .collect();
    assert_eq!(found.len(), 1, "exactly one 章 numbered {number} expected");
    found[0]
}

fn child_numbers(node: &OutlineNode, level: Level) -> Vec<u32> {
    node.children
        .iter()
        .filter(|c| c.level == level)
        .map(|c| c.number)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// metadata

#[test]
fn metadata_title_encoding_and_script() {
    let d = doc();
    assert_eq!(d.source, support::HN_15TH_FYP);
    // The file is UTF-8 without a BOM (first bytes 0x20 0xE6 …).
    assert_eq!(d.encoding, TextEncoding::Utf8);
    assert_eq!(d.plan.script, Script::Simplified);
    // Lines 1–2: " 湖南省国民经济和社会发展" / "第十五个五年规划纲要", one title split over two lines.
    assert_eq!(d.plan.title, "湖南省国民经济和社会发展第十五个五年规划纲要");
    // The outline has no numbered key tasks with 责任单位 (those belong to action plans).
    assert!(d.plan.tasks.is_empty(), "this plan has no tasks");
}

// ---------------------------------------------------------------------------------------------
// boxes: numbers, titles, kinds, counts

#[test]
fn box_numbers_and_titles() {
    // One `专栏N  标题` line per box; the line numbers are those of the headings.
    let expected: Vec<(u32, &str)> = vec![
        (1, "“十四五”规划主要指标完成情况"),           // line 13
        (2, "湖南省“十五五”时期经济社会发展主要指标"), // line 306
        (3, "新产业新赛道进军计划"),                   // line 509
        (4, "重点产业倍增计划"),                       // line 581
        (5, "“四类技术”突破重点方向"),                 // line 631
        (6, "战略科技力量强基行动"),                   // line 662
        (7, "战略人才力量跃升行动"),                   // line 720
        (8, "十大改革攻坚行动"),                       // line 756
        (9, "长株潭要素市场化配置综合改革试点"),       // line 791
        (10, "财税改革重点任务"),                      // line 814
        (11, "国际贸易通道提质工程"),                  // line 864
        (12, "提振消费行动计划"),                      // line 912
        (13, "降低全社会物流成本七大行动"),            // line 961
        (14, "“人工智能+”行动"),                       // line 1016
        (15, "数字湖南建设重点工程"),                  // line 1057
        (16, "“三纵五横”综合交通运输骨干通道"),        // line 1078
        (17, "新型能源体系重点工程"),                  // line 1124
        (18, "洞庭湖综合治理工程"),                    // line 1143
        (19, "“四水”流域系统治理工程"),                // line 1160
        (20, "农业农村发展“五千工程”"),                // line 1229
        (21, "对接国家区域发展战略"),                  // line 1266
        (22, "长株潭一体化发展标志性工程"),            // line 1288
        (23, "区域协同共进行动"),                      // line 1323
        (24, "城市更新五大工程"),                      // line 1399
        (25, "文化和科技融合发展工程"),                // line 1443
        (26, "文化和旅游融合发展工程"),                // line 1460
        (27, "教育强省行动"),                          // line 1542
        (28, "健康湖南建设工程"),                      // line 1572
        (29, "人口高质量发展工程"),                    // line 1611
        (30, "就业创业能力提升行动"),                  // line 1648
        (31, "生态环境系统治理工程"),                  // line 1751
        (32, "生态保护修复战略行动"),                  // line 1788
        (33, "重点领域碳达峰工程"),                    // line 1811
        (34, "新型防灾减灾救灾能力提升工程"),          // line 1891
        (35, "平安湖南建设行动"),                      // line 1928
        (36, "全面依法治省工程"),                      // line 1980
    ];
    let actual: Vec<(u32, &str)> = doc()
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.title.as_deref().unwrap_or("<none>")))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn box_kinds() {
    // 专栏1 (lines 13–269) and 专栏2 (lines 306–480) are indicator tables with a baseline and a
    // target column (专栏2 also has 属性); 专栏3–36 are lists of titled paragraphs.
    // There is no other kind of table in this plan.
    let actual: Vec<(u32, BoxKind)> = doc()
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.kind))
        .collect();
    let mut expected = vec![(1, BoxKind::IndicatorTable), (2, BoxKind::IndicatorTable)];
    expected.extend((3..=36).map(|n| (n, BoxKind::Items)));
    assert_eq!(actual, expected);
}

#[test]
fn indicator_boxes_have_no_items() {
    assert!(plan_box(1).items.is_empty());
    assert!(plan_box(2).items.is_empty());
}

#[test]
fn item_count_of_every_items_box() {
    // Counted one tab-indented "标题。正文" paragraph per item, from the line after each heading
    // to the next heading/body line (first and last item lines in the comments).
    let expected: Vec<(u32, usize)> = vec![
        (3, 12), // 511–533
        (4, 12), // 583–605
        (5, 4),  // 633–639
        (6, 3),  // 664–668
        (7, 5),  // 722–730
        (8, 10), // 758–776 (十大)
        (9, 6),  // 793–803
        (10, 6), // 816–826
        (11, 5), // 866–874
        (12, 6), // 914–924
        (13, 7), // 963–975 (七大)
        (14, 5), // 1018–1026
        (15, 4), // 1059–1065, the 第七篇 heading follows on line 1066 with no blank line
        (16, 8), // 1081–1094, two per group, four groups (三纵五横 = 8 通道)
        (17, 4), // 1126–1132
        (18, 5), // 1145–1153
        (19, 5), // 1162–1170; line 1174 is the caption of 图3, not an item
        (20, 5), // 1231–1239 (五千工程)
        (21, 4), // 1268–1274
        (22, 5), // 1290–1298
        (23, 4), // 1325–1331; lines 1335–1336 are 图4 and its [image: …]
        (24, 5), // 1401–1409 (五大工程)
        (25, 5), // 1445–1453
        (26, 7), // 1462–1474
        (27, 4), // 1544–1550
        (28, 4), // 1574–1580
        (29, 5), // 1613–1621
        (30, 4), // 1650–1656
        (31, 5), // 1753–1761
        (32, 4), // 1790–1796
        (33, 5), // 1813–1821
        (34, 6), // 1893–1903
        (35, 5), // 1930–1938, the 第十六篇 heading follows on line 1939 with no blank line
        (36, 4), // 1982–1988
    ];
    let actual: Vec<(u32, usize)> = doc()
        .plan
        .boxes
        .iter()
        .filter(|b| b.kind == BoxKind::Items)
        .map(|b| (b.number, b.items.len()))
        .collect();
    assert_eq!(actual, expected);
}

// ---------------------------------------------------------------------------------------------
// items

#[test]
fn items_are_unnumbered_and_only_box_16_has_groups() {
    // No box of this plan numbers its items (no "1." / "（1）" before any item line), and only
    // 专栏16 has group sub-headings (lines 1080, 1084, 1088, 1092).
    for b in doc().plan.boxes.iter().filter(|b| b.kind == BoxKind::Items) {
        for it in &b.items {
            assert_eq!(it.number, None, "专栏{} item {}", b.number, it.title);
            if b.number != 16 {
                assert_eq!(it.group, None, "专栏{} item {}", b.number, it.title);
            }
        }
    }
}

#[test]
fn item_title_is_the_text_before_the_first_full_stop_and_body_holds_it() {
    // Every item line of this plan has the shape "标题。正文…。" (no item has a ： before its
    // first 。), so the body starts with "<title>。" and ends with 。.
    for b in doc().plan.boxes.iter().filter(|b| b.kind == BoxKind::Items) {
        for it in &b.items {
            assert!(!it.title.is_empty(), "专栏{}: empty title", b.number);
            assert!(
                it.body.starts_with(&format!("{}。", it.title)),
                "专栏{} item {:?}: body {:?}",
                b.number,
                it.title,
                it.body
            );
            assert!(
                it.body.ends_with('。'),
                "专栏{} item {:?}",
                b.number,
                it.title
            );
            assert_eq!(
                it.body.trim(),
                it.body,
                "专栏{} item {:?}",
                b.number,
                it.title
            );
        }
    }
}

#[test]
fn box_3_item_titles() {
    // Lines 511–533, one item every other line; 第六章 follows on line 537.
    assert_eq!(
        item_titles(plan_box(3)),
        vec![
            "北斗导航",   // 511
            "低空经济",   // 513
            "商业航天",   // 515
            "国产大飞机", // 517
            "集成电路",   // 519
            "固态电池",   // 521
            "绿色氢能",   // 523
            "先进核能",   // 525
            "生物制造",   // 527
            "具身智能",   // 529
            "脑机接口",   // 531
            "智能终端",   // 533
        ]
    );
    // Line 529, in full.
    assert_eq!(
        item(plan_box(3), "具身智能").body,
        "具身智能。发展服务消费机器人、工业机器人、特种作业机器人等产品，攻关高扭矩伺服电机、高精密减速器、多模态传感器、智能控制器等关键硬件。"
    );
}

#[test]
fn box_5_item_titles() {
    // Lines 633–639: each item holds several "领域，重点突破…" sub-topics on one line; they are
    // not items of their own.
    assert_eq!(
        item_titles(plan_box(5)),
        vec!["关键共性技术", "前沿引领技术", "现代工程技术", "颠覆性技术"]
    );
}

#[test]
fn box_8_item_titles() {
    // Lines 758–776: long titles, some with an inner 、 (768) or quotes (772).
    assert_eq!(
        item_titles(plan_box(8)),
        vec![
            "围绕建设具有湖南特色的现代化产业体系改革攻坚", // 758
            "围绕加快高水平科技自立自强改革攻坚",           // 760
            "围绕融入建设强大国内市场改革攻坚",             // 762
            "围绕加快构建高水平社会主义市场经济体制改革攻坚", // 764
            "围绕扩大高水平对外开放改革攻坚",               // 766
            "围绕加快农业农村现代化、优化区域经济布局改革攻坚", // 768
            "围绕加快经济社会发展全面绿色转型改革攻坚",     // 770
            "围绕健全“两个融合”文化体制机制改革攻坚",       // 772
            "围绕健全保障和改善民生制度体系改革攻坚",       // 774
            "围绕提升综合治理效能改革攻坚",                 // 776
        ]
    );
}

#[test]
fn box_16_items_with_groups() {
    // Lines 1078–1094. The group headings "（一）贯通通道" … are tab-indented; the items under
    // them are NOT indented and follow each other without blank lines. 第二节 starts at 1098.
    let b = plan_box(16);
    let actual: Vec<(Option<&str>, &str)> = b
        .items
        .iter()
        .map(|i| (i.group.as_deref(), i.title.as_str()))
        .collect();
    assert_eq!(
        actual,
        vec![
            (Some("（一）贯通通道"), "呼南通道"),   // 1080 / 1081
            (Some("（一）贯通通道"), "厦渝通道"),   // 1082
            (Some("（二）扩容通道"), "京港澳通道"), // 1084 / 1085
            (Some("（二）扩容通道"), "沪昆通道"),   // 1086
            (Some("（三）提升通道"), "焦柳通道"),   // 1088 / 1089
            (Some("（三）提升通道"), "湘桂通道"),   // 1090
            (Some("（四）完善通道"), "杭瑞通道"),   // 1092 / 1093
            (Some("（四）完善通道"), "厦蓉通道"),   // 1094
        ]
    );
    // Each item is exactly its own line (lines 1081–1094).
    let bodies: Vec<&str> = b.items.iter().map(|i| i.body.as_str()).collect();
    assert_eq!(
        bodies,
        vec![
            "呼南通道。对接关中、粤港澳大湾区、北部湾等城市群和海南自贸港。建成邵永、宜常铁路，建设益娄铁路、永清广铁路，研究论证娄邵铁路；建成澧资航道，建设松虎航道；推动永州机场迁建。",
            "厦渝通道。对接成渝地区双城经济圈、粤闽浙沿海城市群。建成长赣铁路，建设黔吉铁路、资水益芦航道和桃花江航电枢纽等。",
            "京港澳通道。对接京津冀、中原、粤港澳大湾区等城市群。完成京港澳高速湖南段扩容，适时启动许广高速拥堵路段扩能；建成长沙机场改扩建工程，适时扩建岳阳三荷机场；建成长沙至城陵矶一级航道；研究建设岳长衡城际铁路。",
            "沪昆通道。对接长三角、滇中、黔中等城市群。研究论证长九高铁、长沙西至沪昆高铁连接线；实施沪昆高速拥堵路段扩容、株洲至韶山高速等线路建设；谋划建设涟水航道。",
            "焦柳通道。对接关中、北部湾等城市群。建设澧张铁路，推动焦柳铁路湖南段提质改造，规划建设怀桂铁路；全线贯通呼北高速，建设安化经溆浦至洞口高速；推进建设鱼潭航电枢纽和金紫至洪江等沅水中上游航道。",
            "湘桂通道。对接北部湾城市群，延伸对接东盟，融入西部陆海新通道。建成永州至衡阳三级航道；规划建设衡柳高铁、东安至全州（湘桂界）高速；研究论证湘桂运河。",
            "杭瑞通道。对接长三角、滇中、黔中等城市群，融入长江经济带战略。建成铜吉铁路，推进常岳九铁路、荆岳铁路前期工作；建设辰溪至凤凰高速；建设沅水、资水中下游高等级航道。",
            "厦蓉通道。对接粤闽浙沿海城市群、黔中城市群、成渝地区双城经济圈。建设桂东至新田高速等；有序推进兴永郴赣铁路重点路段前期工作。",
        ]
    );
}

#[test]
fn box_19_ends_before_the_figure_caption() {
    // Lines 1162–1170. Line 1174 "图3  湖[image: …]南省“十五五”现代化水安全保障体系布局示意图"
    // is a figure caption with an inline image marker: not an item, not part of the last item.
    let b = plan_box(19);
    assert_eq!(
        item_titles(b),
        vec![
            "水库建设",                   // 1162
            "水资源配置",                 // 1164 (bookmark markup before it in the source)
            "河流治理",                   // 1166
            "重点区域排涝能力建设",       // 1168
            "城市及重点镇防洪圈闭合达标", // 1170
        ]
    );
    assert_eq!(
        item(b, "城市及重点镇防洪圈闭合达标").body,
        "城市及重点镇防洪圈闭合达标。完成全省61个城市防洪圈、39个重点镇防洪圈全面闭合达标。"
    );
}

#[test]
fn box_23_ends_before_the_figure_and_image() {
    // Lines 1325–1331; 图4 (1335) and its [image: …] line (1336) follow, then 第三十六章 (1337).
    let b = plan_box(23);
    assert_eq!(
        item_titles(b),
        vec!["长株潭板块", "洞庭湖板块", "湘南板块", "大湘西板块"]
    );
    assert_eq!(
        item(b, "大湘西板块").body,
        "大湘西板块。建设欠发达地区高质量发展先行区。邵阳建设特色轻工智造名城、电子玻璃产业基地；张家界建设世界一流旅游目的地、大张家界国际旅游区核心引领区；怀化建设湘鄂渝黔桂五省边际区域中心城市、湖南对接西部陆海新通道的门户城市；湘西自治州建设民族团结进步示范区、国内外知名生态文化旅游区。"
    );
}

#[test]
fn boxes_15_and_35_end_at_the_next_part_heading() {
    // 专栏15: items 1059–1065, then " 第七篇  构建现代化基础设施体系" on line 1066 directly.
    let b15 = plan_box(15);
    assert_eq!(
        item_titles(b15),
        vec![
            "“四算一体”建设工程",
            "数字社会建设工程",
            "数据流通利用工程",
            "数字地理建设工程",
        ]
    );
    assert_eq!(
        item(b15, "数字地理建设工程").body,
        "数字地理建设工程。推进山水林田湖草沙系统化数字化监管和生态环境行业大模型建设。建设实景三维湖南工程，提质升级湖南省自然资源与地理空间数据库。提升全省低空管理数字化服务水平，生成非禁空域低空高精度三维地图。"
    );
    // 专栏35: items 1930–1938, then " 第十六篇  加强社会主义民主政治建设" on line 1939 directly.
    let b35 = plan_box(35);
    assert_eq!(
        item_titles(b35),
        vec![
            "公共安全基础设施强化工程",
            "治安治理能力现代化工程",
            "社会治安防控体系智能化工程",
            "政法工作数字化平台建设工程",
            "区域联防联控提升工程",
        ]
    );
    assert_eq!(
        item(b35, "区域联防联控提升工程").body,
        "区域联防联控提升工程。建设边际联合指挥平台，信息化升级改造湘鄂赣渝粤桂贵边界省级检查站，提升跨区域重大案件协同处置时效。"
    );
}

#[test]
fn box_6_11_and_14_item_titles() {
    // 专栏6 lines 664–668; 专栏11 lines 866–874 (a title with nested parentheses);
    // 专栏14 lines 1018–1026 (each item lists several "“人工智能+”X，…" sub-topics).
    assert_eq!(
        item_titles(plan_box(6)),
        vec!["科技基础设施", "省实验室", "一流科研院所"]
    );
    assert_eq!(
        item_titles(plan_box(11)),
        vec![
            "中欧（亚）班列（长沙）集结中心",
            "怀化东盟班列",
            "湘粤非铁海联运",
            "城陵矶江海联运",
            "国际航空客货运",
        ]
    );
    assert_eq!(
        item_titles(plan_box(14)),
        vec![
            "科学技术领域",
            "产业发展领域",
            "消费提质领域",
            "民生福祉领域",
            "治理能力领域",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// where the boxes sit

#[test]
fn chapter_and_section_of_every_box() {
    // The last 章 and 节 heading above each 专栏 heading (see box_numbers_and_titles for the box
    // lines). Runs of spaces after the label are normalised to one: 第二节 on line 1807 has one
    // space, 第二十八章 on line 1108 a leading space. 专栏1/2 sit in 章 without 节. 专栏10 (line 814)
    // sits under 第一节 (line 811) although its topic is 第二节's (line 830): position decides.
    let expected: Vec<(u32, &str, Option<&str>)> = vec![
        (1, "第一章 发展基础", None), // 9
        (2, "第四章 主要目标", None), // 295
        (
            3,
            "第五章 加快构建具有湖南特色的现代化产业体系",
            Some("第四节 前瞻布局未来产业"),
        ), // 491 / 506
        (
            4,
            "第八章 营造产业发展良好生态",
            Some("第三节 集聚发展产业链群"),
        ), // 565 / 577
        (
            5,
            "第九章 加强原始创新和关键核心技术攻关",
            Some("第二节 打好关键核心技术攻坚战"),
        ), // 620 / 628
        (
            6,
            "第十章 锻造战略科技力量",
            Some("第四节 培育壮大科技领军企业"),
        ), // 643 / 659
        (
            7,
            "第十三章 一体推进教育科技人才发展",
            Some("第三节 健全一体评价激励机制"),
        ), // 704 / 717
        (
            8,
            "第十四章 充分激发各类经营主体活力",
            Some("第三节 打造一流营商环境"),
        ), // 741 / 753
        (
            9,
            "第十五章 加快完善要素市场化配置体制机制",
            Some("第二节 优化存量资源资产盘活机制"),
        ), // 780 / 788
        (
            10,
            "第十六章 提升经济治理效能",
            Some("第一节 完善经济治理体系"),
        ), // 807 / 811
        (
            11,
            "第十八章 建设高能级开放平台和通道",
            Some("第三节 拓展国际贸易通道"),
        ), // 849 / 861
        (12, "第二十章 大力提振消费", Some("第三节 优化消费生态")), // 897 / 909
        (
            13,
            "第二十二章 服务融入全国统一大市场",
            Some("第三节 健全一体衔接的流通体系"),
        ), // 946 / 958
        (
            14,
            "第二十四章 实施“人工智能+”行动",
            Some("第二节 推动人工智能赋能千行百业"),
        ), // 1003 / 1011
        (
            15,
            "第二十六章 营造健康有序数字生态",
            Some("第二节 深化数字领域开放合作"),
        ), // 1046 / 1054
        (
            16,
            "第二十七章 完善多层次交通基础设施体系",
            Some("第一节 加快建设综合交通运输大通道"),
        ), // 1071 / 1075
        (
            17,
            "第二十八章 构建清洁低碳安全高效的新型能源体系",
            Some("第三节 提升能源现代化治理能力"),
        ), // 1108 / 1121
        (
            18,
            "第二十九章 构建现代化水安全保障体系",
            Some("第一节 提升防洪减灾能力"),
        ), // 1136 / 1139
        (
            19,
            "第二十九章 构建现代化水安全保障体系",
            Some("第二节 强化水资源节约与调配"),
        ), // 1136 / 1157
        (
            20,
            "第三十二章 提高强农惠农富农政策效能",
            Some("第三节 统筹建立常态化防止返贫致贫机制"),
        ), // 1214 / 1226
        (
            21,
            "第三十三章 主动对接融入国家区域战略布局",
            Some("第三节 持续放大“一带一部”区位优势"),
        ), // 1251 / 1263
        (
            22,
            "第三十四章 深入推进长株潭一体化发展",
            Some("第二节 推进长株潭生态绿心绿色转型发展"),
        ), // 1278 / 1285
        (
            23,
            "第三十五章 优化“一核两副三带四区”区域经济布局",
            Some("第四节 促进四大板块协调发展"),
        ), // 1301 / 1320
        (
            24,
            "第三十九章 建设现代化人民城市",
            Some("第二节 推动城市内涵式发展"),
        ), // 1388 / 1396
        (
            25,
            "第四十一章 答好“两道融合命题”",
            Some("第一节 推进文化和科技深度融合"),
        ), // 1436 / 1440
        (
            26,
            "第四十一章 答好“两道融合命题”",
            Some("第二节 推进文化和旅游深度融合"),
        ), // 1436 / 1457
        (
            27,
            "第四十五章 办好人民满意的教育",
            Some("第三节 完善现代化教育支撑体系"),
        ), // 1527 / 1539
        (
            28,
            "第四十六章 建设健康湖南",
            Some("第四节 提升公共卫生服务能力"),
        ), // 1553 / 1569
        (
            29,
            "第四十八章 积极应对人口老龄化",
            Some("第二节 营造丰富多彩的老年生活"),
        ), // 1600 / 1608
        (
            30,
            "第四十九章 促进高质量充分就业",
            Some("第三节 加强就业服务和劳动者权益保障"),
        ), // 1633 / 1645
        (
            31,
            "第五十五章 持续深入推进污染防治攻坚",
            Some("第四节 强化固体废物和新污染物治理"),
        ), // 1732 / 1748
        (
            32,
            "第五十六章 全面提升生态系统功能",
            Some("第三节 完善生态保护和环境治理基础制度"),
        ), // 1765 / 1785
        (
            33,
            "第五十七章 积极稳妥推进和实现碳达峰",
            Some("第二节 推动重点领域绿色转型"),
        ), // 1799 / 1807
        (
            34,
            "第六十一章 提高公共安全治理水平",
            Some("第三节 构建新型防灾减灾救灾体系"),
        ), // 1876 / 1888
        (
            35,
            "第六十二章 完善社会治理体系",
            Some("第四节 有效维护社会安全稳定"),
        ), // 1907 / 1923
        (
            36,
            "第六十四章 提升法治湖南建设水平",
            Some("第四节 推进法治社会建设"),
        ), // 1960 / 1977
    ];
    let actual: Vec<(u32, &str, Option<&str>)> = doc()
        .plan
        .boxes
        .iter()
        .map(|b| {
            (
                b.number,
                b.chapter.as_deref().unwrap_or("<none>"),
                b.section.as_deref(),
            )
        })
        .collect();
    assert_eq!(actual, expected);
}

// ---------------------------------------------------------------------------------------------
// indicators

#[test]
fn box_2_indicator_rows() {
    // Lines 306–480: columns 类别 / 序号 / 指标名称 / 基期值（2025年） / 目标值（2030年） / 属性,
    // one cell per line. Row 11 (lines 388–401) is split into two sub-indicators, checked in
    // box_2_row_11_is_two_sub_indicators. The footnote on line 480 ("注：①[ ]为5年累计数。
    // ②带*的为2024年数据。") is not a row.
    use Attribute::{Binding, Expected};
    #[allow(clippy::too_many_arguments)]
    fn row(
        number: u32,
        category: &str,
        name: &str,
        unit: &str,
        baseline: &str,
        target: (&str, bool),
        attribute: Attribute,
        notes: &[&str],
    ) -> Indicator {
        Indicator {
            box_number: Some(2),
            number: Some(number),
            category: Some(category.to_string()),
            name: name.to_string(),
            unit: Some(unit.to_string()),
            baseline: measure(2025, baseline, false),
            target: measure(2030, target.0, target.1),
            attribute: Some(attribute),
            notes: notes.iter().map(|s| s.to_string()).collect(),
        }
    }
    let expected: Vec<Indicator> = vec![
        // 经济发展, lines 317–343
        row(
            1,
            "经济发展",
            "地区生产总值（GDP）增长",
            "%",
            "4.8",
            ("年均5—5.5", false),
            Expected,
            &[],
        ),
        row(
            2,
            "经济发展",
            "全员劳动生产率增长",
            "%",
            "-",
            ("高于GDP增长", false),
            Expected,
            &[],
        ),
        row(
            3,
            "经济发展",
            "常住人口城镇化率",
            "%",
            "63",
            ("67.5", false),
            Expected,
            &[],
        ),
        row(
            4,
            "经济发展",
            "高技术制造业增加值占规模工业增加值比重",
            "%",
            "14",
            ("16.5", false),
            Expected,
            &[],
        ),
        // 创新驱动, lines 345–364
        row(
            5,
            "创新驱动",
            "全社会研发经费投入增长",
            "%",
            "-",
            ("年均7.5以上", false),
            Expected,
            &[],
        ),
        row(
            6,
            "创新驱动",
            "每万人口高价值发明专利拥有量",
            "件",
            "8.5",
            ("14", false),
            Expected,
            &[],
        ),
        row(
            7,
            "创新驱动",
            "数字经济核心产业增加值占GDP比重",
            "%",
            "7.4",
            ("9", false),
            Expected,
            &[],
        ),
        // 民生福祉, lines 366–422 (row 11 checked separately)
        row(
            8,
            "民生福祉",
            "城镇调查失业率",
            "%",
            "5.3",
            ("＜5.5", false),
            Expected,
            &[],
        ),
        row(
            9,
            "民生福祉",
            "居民人均可支配收入增长",
            "%",
            "5.0",
            ("与GDP增长同步", false),
            Expected,
            &[],
        ),
        row(
            10,
            "民生福祉",
            "劳动年龄人口平均受教育年限",
            "年",
            "11.2",
            ("11.7", false),
            Binding,
            &[],
        ),
        row(
            12,
            "民生福祉",
            "养老机构护理型床位占比",
            "%",
            "68.5",
            ("76", false),
            Expected,
            &[],
        ),
        // line 414: "[4]" is a five-year cumulative figure
        row(
            13,
            "民生福祉",
            "3岁以下婴幼儿入托率提高",
            "百分点",
            "-",
            ("[4]", true),
            Expected,
            &[],
        ),
        row(
            14,
            "民生福祉",
            "人均预期寿命",
            "岁",
            "79.2",
            ("80.2", false),
            Expected,
            &[],
        ),
        // 绿色低碳, lines 424–457
        row(
            15,
            "绿色低碳",
            "单位GDP二氧化碳排放降低",
            "%",
            "-",
            ("以国家下达任务为准", false),
            Binding,
            &[],
        ),
        row(
            16,
            "绿色低碳",
            "非化石能源占能源消费总量比重",
            "%",
            "27",
            ("以国家下达任务为准", false),
            Binding,
            &[],
        ),
        // line 442: "31.3（以国家下达任务为准）" → value 31.3, the remark goes to notes
        row(
            17,
            "绿色低碳",
            "地级及以上城市细颗粒物（PM2.5）浓度",
            "微克/立方米",
            "34.4",
            ("31.3", false),
            Binding,
            &["（以国家下达任务为准）"],
        ),
        row(
            18,
            "绿色低碳",
            "优良水体比例",
            "%",
            "86.0",
            ("90.9", false),
            Binding,
            &[],
        ),
        // line 455: "54.11*" kept as written (the * marks 2024 data, per the footnote)
        row(
            19,
            "绿色低碳",
            "森林覆盖率",
            "%",
            "54.11*",
            ("保持稳定", false),
            Binding,
            &[],
        ),
        // 安全保障, lines 459–478
        row(
            20,
            "安全保障",
            "粮食综合生产能力",
            "万吨",
            "3068.6",
            ("3120.5", false),
            Binding,
            &[],
        ),
        row(
            21,
            "安全保障",
            "能源综合生产能力",
            "万吨标准煤",
            "4489",
            ("5160", false),
            Binding,
            &[],
        ),
        // line 477: "[-35%]" is a five-year cumulative figure
        row(
            22,
            "安全保障",
            "亿元GDP生产安全事故死亡率",
            "人/亿元",
            "0.0214",
            ("[-35%]", true),
            Binding,
            &[],
        ),
    ];
    let all = indicators_of(2);
    // 22 numbered rows, row 11 counted twice (执业医师数 and 注册护士数).
    assert_eq!(all.len(), 23, "rows of 专栏2");
    let actual: Vec<&Indicator> = all.into_iter().filter(|i| i.number != Some(11)).collect();
    assert_eq!(actual.len(), expected.len());
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(*a, e);
    }
}

#[test]
fn box_2_row_11_is_two_sub_indicators() {
    // Lines 387–401: "11 | 每千人口拥有医护人员数 | 执业医师数（人） | 2.8 | 3.7左右 | 预期性",
    // then a sub-row with empty 类别/序号/指标名称 cells: "注册护士数（人） | 4.1 | 5.1左右 | 预期性".
    // Both rows are indicator 11 (the 序号 cell is merged); the name keeps both the parent
    // name and the sub-indicator (the joiner is left to the parser), the unit is 人.
    let rows: Vec<&Indicator> = indicators_of(2)
        .into_iter()
        .filter(|i| i.number == Some(11))
        .collect();
    assert_eq!(rows.len(), 2);
    let expected = [
        ("执业医师数", "2.8", "3.7左右"),
        ("注册护士数", "4.1", "5.1左右"),
    ];
    for (r, (sub, base, target)) in rows.iter().zip(expected) {
        assert!(r.name.contains("每千人口拥有医护人员数"), "{:?}", r.name);
        assert!(r.name.contains(sub), "{:?}", r.name);
        assert!(!r.name.contains("（人）"), "{:?}", r.name);
        assert_eq!(r.unit.as_deref(), Some("人"));
        assert_eq!(r.category.as_deref(), Some("民生福祉"));
        assert_eq!(r.baseline, measure(2025, base, false));
        assert_eq!(r.target, measure(2030, target, false));
        assert_eq!(r.attribute, Some(Attribute::Expected));
    }
    // The sub-rows sit between rows 10 and 12, in this order.
    let numbers: Vec<Option<u32>> = indicators_of(2).iter().map(|i| i.number).collect();
    let mut expected_numbers: Vec<Option<u32>> = (1..=11).map(Some).collect();
    expected_numbers.push(Some(11));
    expected_numbers.extend((12..=22).map(Some));
    assert_eq!(numbers, expected_numbers);
}

#[test]
fn box_1_indicator_names_units_and_categories() {
    // Lines 13–264: 类别 / 序号 / 指 标 名 称 / 2020年 / 规划目标 (2025年, 年均增速[累计]) /
    // 实现情况 (2025年, 年均增速[累计]). Categories on lines 33/36 (经济发展), 108 (创新驱动),
    // 135 (民生福祉), 198 (绿色生态), 239 (安全保障). The notes on lines 266–269
    // ("注：1．加*表示为2024年数据。" …) are not rows. No 属性 column.
    let expected: Vec<(u32, &str, &str, &str)> = vec![
        (1, "经济发展", "地区生产总值增长", "%"),               // 37
        (2, "经济发展", "全员劳动生产率增长", "%"),             // 46
        (3, "经济发展", "制造业增加值占地区生产总值比重", "%"), // 55
        (4, "经济发展", "产业投资占固定资产投资比重", "%"),     // 64
        (5, "经济发展", "最终消费支出对地区生产总值贡献率", "%"), // 73
        (6, "经济发展", "外贸依存度", "%"),                     // 82
        (7, "经济发展", "地方一般公共预算收入占地区生产总值比重", "%"), // 91
        (8, "经济发展", "常住人口城镇化率", "%"),               // 100
        (9, "创新驱动", "全社会研发经费投入增长", "%"),         // 109
        (10, "创新驱动", "每万人口高价值发明专利拥有量", "件"), // 118
        (
            11,
            "创新驱动",
            "数字经济核心产业增加值占地区生产总值比重",
            "%",
        ), // 127
        (12, "民生福祉", "居民人均可支配收入增长", "%"),        // 136
        (13, "民生福祉", "城镇调查失业率", "%"),                // 145
        (14, "民生福祉", "劳动年龄人口平均受教育年限", "年"),   // 154
        (15, "民生福祉", "每千人口拥有执业（助理）医师数", "人"), // 163
        (16, "民生福祉", "基本养老保险参保率", "%"),            // 172
        (17, "民生福祉", "每千人口拥有3岁以下婴幼儿托位数", "个"), // 181
        (18, "民生福祉", "人均预期寿命", "岁"),                 // 190
        (19, "绿色生态", "单位地区生产总值能源消耗降低", "%"),  // 199
        (20, "绿色生态", "单位地区生产总值二氧化碳排放降低", "%"), // 206
        (21, "绿色生态", "地级及以上城市空气质量优良天数比率", "%"), // 213
        (22, "绿色生态", "地表水达到或好于Ⅲ类水体比例", "%"),   // 222
        (23, "绿色生态", "森林覆盖率", "%"),                    // 231
        (24, "安全保障", "粮食综合生产能力", "万吨"),           // 240
        (25, "安全保障", "能源综合生产能力", "万吨标准煤"),     // 249
        (
            26,
            "安全保障",
            "亿元地区生产总值生产安全事故死亡率",
            "人/亿元",
        ), // 258
    ];
    let rows = indicators_of(1);
    assert_eq!(rows.len(), 26, "rows of 专栏1");
    let actual: Vec<(u32, &str, &str, &str)> = rows
        .iter()
        .map(|i| {
            (
                i.number.unwrap_or(0),
                i.category.as_deref().unwrap_or("<none>"),
                i.name.as_str(),
                i.unit.as_deref().unwrap_or("<none>"),
            )
        })
        .collect();
    assert_eq!(actual, expected);
    for r in &rows {
        assert_eq!(
            r.attribute, None,
            "专栏1 has no 属性 column (row {:?})",
            r.number
        );
    }
}

#[test]
fn box_1_baselines_and_targets() {
    // baseline = the 2020年 cell; target = the 规划目标 2025年 cell, or the 规划目标 年均增速[累计]
    // cell when the 2025年 one is "-". Both targets carry the year 2025 (the plan's end year).
    let rows = indicators_of(1);
    let row = |n: u32| -> &Indicator {
        rows.iter()
            .find(|i| i.number == Some(n))
            .unwrap_or_else(|| panic!("专栏1 row {n}"))
    };
    // (row, baseline, target, target cumulative): lines 39–41, 57–58, 75–76, 111–113, 147–148,
    // 201–202 (merged 规划目标 cell), 233–234, 260–262.
    let expected: Vec<(u32, &str, &str, bool)> = vec![
        (1, "3.8", "＞6", false),
        (3, "26.6", "30", false),
        (5, "-", "60", false),
        (9, "14.2", "＞12", false),
        (13, "5.4", "＜5.5", false),
        (19, "-", "完成国家下达任务", false),
        (23, "＞53", "≥53", false),
        (26, "-", "[-33%]", true),
    ];
    for (n, base, target, cumulative) in expected {
        let r = row(n);
        assert_eq!(
            r.baseline,
            measure(2020, base, false),
            "专栏1 row {n} baseline"
        );
        assert_eq!(
            r.target,
            measure(2025, target, cumulative),
            "专栏1 row {n} target"
        );
    }
}

#[test]
fn only_boxes_1_and_2_have_indicators() {
    // Both indicator tables of this plan are boxed (专栏1 and 专栏2): no row is outside a box.
    let boxes: Vec<Option<u32>> = doc().plan.indicators.iter().map(|i| i.box_number).collect();
    assert_eq!(boxes.len(), 26 + 23);
    assert!(
        boxes.iter().all(|b| *b == Some(1) || *b == Some(2)),
        "{boxes:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// glossary

#[test]
fn glossary_count_first_and_last_entries() {
    // Lines 2037 ("名 词 解 释") to 2089: 51 entries numbered "1." or "3．" (both forms mixed).
    // The table notes of 专栏1 (lines 266–269, "2．根据国家统计局…") are not glossary entries.
    let g = &doc().plan.glossary;
    assert_eq!(g.len(), 51);
    let numbers: Vec<u32> = g.iter().map(|e| e.number).collect();
    assert_eq!(numbers, (1..=51).collect::<Vec<u32>>());

    let check = |idx: usize, number: u32, term: &str, definition: &str| {
        let e = &g[idx];
        assert_eq!(e.number, number);
        assert_eq!(e.term, term, "glossary {number}");
        assert_eq!(e.definition, definition, "glossary {number}");
    };
    // line 2039 ("1." ASCII full stop)
    check(
        0,
        1,
        "“三高四新”美好蓝图",
        "2020年9月，习近平总书记亲临湖南考察，为湖南擘画“三高四新”美好蓝图，勉励湖南着力打造国家重要先进制造业、具有核心竞争力的科技创新、内陆地区改革开放的高地，在推动高质量发展上闯出新路子，在构建新发展格局中展现新作为，在推动中部地区崛起和长江经济带发展中彰显新担当，奋力谱写新时代坚持和发展中国特色社会主义的湖南新篇章。",
    );
    // line 2040
    check(
        1,
        2,
        "“4+4科创工程”",
        "岳麓山实验室、岳麓山工业创新中心（实验室）、湘江实验室、芙蓉实验室“四大实验室”，以及国家超级计算长沙中心、大飞机地面动力学试验平台、力能实验装置、航空发动机冰风洞装置“四个重大科学装置”。",
    );
    // line 2041 ("3．" full-width full stop)
    check(
        2,
        3,
        "工业经济增长“第二曲线”",
        "在传统工业动能减弱时，通过技术、模式与生态的系统性创新，开辟并主导的以高质量发展为特征的新一轮可持续增长路径。",
    );
    // line 2087
    check(
        48,
        49,
        "“千年鸟道”",
        "候鸟在常年迁徙中集中经过的山坳、停歇地、栖息地，是候鸟迁徙相对稳定的飞经之地，通过划定区域来确定需优先保护的千年鸟道范围。",
    );
    // line 2088
    check(
        49,
        50,
        "“天空地网”一体化综合监测体系",
        "融合卫星遥感（天）、航空与视频监测（空）、地面观测站与实地调查（地）以及物联感知网（网）等多种技术手段，构建起天、空、地、网协同的立体化监测网络。",
    );
    // line 2089 (bookmark markup before "51．" in the source); the definition keeps its own ：-free
    // sentences and its inner "；".
    check(
        50,
        51,
        "气象“631”递进式预报预警叫应",
        "6小时滚动预报、3小时预警、1小时叫应。省级提前6小时滚动发布精准到县的气象灾害落区预报；市级提前3小时发布精确到县域方位的气象灾害预警信号；县级提前1小时发布精确到乡镇的临灾警报。发布高级别气象灾害预警时，同步向党政领导和应急部门负责人开展叫应。",
    );
    // line 2045 ends with a trailing space, which is trimmed.
    check(
        6,
        7,
        "瞪羚企业",
        "成长性好、具有跳跃式发展态势的高新技术企业。",
    );
}

// ---------------------------------------------------------------------------------------------
// outline

#[test]
fn outline_parts() {
    // 17 篇 headings: lines 5, 486, 615, 737, 892, 982, 1066, 1178, 1246, 1358, 1415, 1510,
    // 1628, 1728, 1844, 1939, 1999. Nothing sits above them (lines 1–4 are title and preamble).
    let outline = &doc().plan.outline;
    assert!(outline.iter().all(|n| n.level == Level::Part));
    let numbers: Vec<u32> = outline.iter().map(|n| n.number).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<u32>>());
    assert_eq!(outline[0].label, "第一篇");
    assert_eq!(outline[16].label, "第十七篇");
    assert_eq!(nodes_of_level(Level::Part).len(), 17);
}

#[test]
fn split_part_headings_keep_their_second_line() {
    // Most 篇 headings are split over two lines (e.g. 486–487 "第二篇  持续用力打造国家重要先进制造业"
    // / "高地  巩固壮大实体经济根基"); the second line belongs to the title, not to the body.
    // Only the words are checked, not how the parser joins the spaces.
    let expected: Vec<(u32, &str, &str)> = vec![
        (2, "持续用力打造国家重要先进制造业", "巩固壮大实体经济根基"), // 486–487
        (3, "持续用力打造具有核心竞争力的", "引领发展新质生产力"),     // 615–616
        (5, "建设强大内需市场", "服务和融入新发展格局"),               // 892–893
        (6, "提升数智化发展水平", "深入推进数字湖南建设"),             // 982–983
        (7, "构建现代化基础设施体系", "夯实高质量发展支撑"),           // 1066–1067
        (8, "加快农业农村现代化", "扎实推进乡村全面振兴"),             // 1178–1179
        (9, "优化区域经济布局", "推动区域协调发展"),                   // 1246–1247
        (10, "深入推进以人为本的新型城镇化", "建设现代化人民城市"),    // 1358–1359
        (11, "更好担负起新时代的文化使命", "扎实推进文化强省建设"),    // 1415–1416
        (12, "健全人口服务体系", "促进人口高质量发展"),                // 1510–1511
        (13, "切实保障和改善民生", "扎实推进全体人民共同富裕"),        // 1628–1629
        (15, "统筹发展和安全", "建设更高水平平安湖南"),                // 1844–1845
        (16, "加强社会主义民主政治建设", "加快建设更高水平法治湖南"),  // 1939–1940
    ];
    for (n, first, second) in expected {
        let t = &part(n).title;
        assert!(t.contains(first), "篇{n} title {t:?}");
        assert!(t.contains(second), "篇{n} title {t:?}");
        assert!(!t.contains("[bookmark"), "篇{n} title {t:?}");
    }
    // One-line 篇 headings (737, 1999).
    assert_eq!(
        part(4).title,
        "持续用力打造内陆地区改革开放高地增强高质量发展动力和活力"
    );
    assert_eq!(part(17).title, "加强规划实施保障");
}

#[test]
fn outline_chapters() {
    // 66 章 headings: 第一章 (line 9) … 第六十五章 (1992), then 第六十七章 (2016). The heading of
    // 第六十六章 is missing from the text (only its intro paragraph, line 2002, survives), and the
    // parser does not invent one.
    let chapters = nodes_of_level(Level::Chapter);
    assert_eq!(chapters.len(), 66);
    let numbers: Vec<u32> = chapters.iter().map(|c| c.number).collect();
    let mut expected: Vec<u32> = (1..=65).collect();
    expected.push(67);
    assert_eq!(numbers, expected);

    // Chapters per 篇 for a few 篇 (every 章 is a direct child of its 篇).
    assert_eq!(child_numbers(part(1), Level::Chapter), vec![1, 2, 3, 4]); // 9, 273, 278, 295
    assert_eq!(child_numbers(part(2), Level::Chapter), vec![5, 6, 7, 8]); // 491–565
    assert_eq!(
        child_numbers(part(3), Level::Chapter),
        vec![9, 10, 11, 12, 13]
    ); // 620–704
    assert_eq!(
        child_numbers(part(4), Level::Chapter),
        vec![14, 15, 16, 17, 18, 19]
    ); // 741–877
    assert_eq!(child_numbers(part(5), Level::Chapter), vec![20, 21, 22]); // 897–946
    assert_eq!(
        child_numbers(part(13), Level::Chapter),
        vec![49, 50, 51, 52, 53, 54]
    ); // 1633–1707
    assert_eq!(child_numbers(part(16), Level::Chapter), vec![63, 64, 65]); // 1944–1992
    assert_eq!(child_numbers(part(17), Level::Chapter), vec![67]); // 2016

    // A few chapter labels and titles (two spaces between label and title in the text).
    assert_eq!(chapter(1).label, "第一章");
    assert_eq!(chapter(1).title, "发展基础");
    assert_eq!(chapter(28).label, "第二十八章"); // line 1108 has a leading space
    assert_eq!(chapter(28).title, "构建清洁低碳安全高效的新型能源体系");
    assert_eq!(chapter(67).label, "第六十七章");
    assert_eq!(chapter(67).title, "健全规划实施体系");
}

#[test]
fn outline_sections() {
    // 节 per 章, counted from the 第N节 headings between one 章 heading and the next.
    let expected: Vec<(u32, usize)> = vec![
        (1, 0),  // 9–272: no 节
        (3, 2),  // 282, 286
        (4, 0),  // 295–485: no 节 (the "——" goals are not headings)
        (5, 4),  // 495, 499, 502, 506
        (7, 2),  // 557, 561
        (8, 4),  // 569, 573, 577, 608
        (16, 3), // 811, 830, 834
        (27, 3), // 1075, 1098, 1102
        (36, 2), // 1341, 1348
        (57, 2), // 1803, 1807
        (65, 0), // 1992: no 节
        (67, 4), // 2020, 2024, 2028, 2032
    ];
    for (n, count) in expected {
        let secs = child_numbers(chapter(n), Level::Section);
        assert_eq!(
            secs,
            (1..=count as u32).collect::<Vec<u32>>(),
            "sections of 章{n}"
        );
    }
    // Titles normalised: line 561 has three spaces after 第二节, line 1807 one.
    let titles = |n: u32| -> Vec<String> {
        chapter(n)
            .children
            .iter()
            .filter(|c| c.level == Level::Section)
            .map(|c| c.title.clone())
            .collect()
    };
    assert_eq!(
        titles(7),
        vec![
            "推进生产性服务业向专业化和价值链高端延伸",
            "促进生活性服务业高品质多样化便利化发展",
        ]
    );
    assert_eq!(
        titles(57),
        vec!["实施碳排放总量和强度双控制度", "推动重点领域绿色转型"]
    );
    assert_eq!(chapter(3).children[0].label, "第一节");

    // 178 第N节 headings in all, including the three (lines 2004, 2008, 2012) that belong to the
    // lost 第六十六章 heading; wherever they end up, they are kept.
    assert_eq!(nodes_of_level(Level::Section).len(), 178);
}

// ---------------------------------------------------------------------------------------------
// deadlines

#[test]
fn deadlines_in_items() {
    let due = |y: i32| NaiveDate::from_ymd_opt(y, 12, 31).unwrap();

    // Line 1930 (专栏35): "…研发三维电子围栏技术。到2028年，万人以上活动安保预案数字化率达100%。"
    let it = item(plan_box(35), "公共安全基础设施强化工程");
    assert_eq!(it.deadlines.len(), 1, "{:?}", it.deadlines);
    let d = &it.deadlines[0];
    assert_eq!(d.year, 2028);
    assert_eq!(d.due, due(2028));
    assert_eq!(d.phrase, "到2028年");
    assert!(
        d.text.contains("万人以上活动安保预案数字化率达100%"),
        "{:?}",
        d.text
    );
    assert!(
        !d.text.contains("研发三维电子围栏技术"),
        "only the sentence: {:?}",
        d.text
    );

    // Line 1409 (专栏24): "…探索合理利用路径。到2030年，建成10个省级历史文化保护利用示范片区。"
    let it = item(plan_box(24), "历史文化赓续工程");
    assert_eq!(it.deadlines.len(), 1, "{:?}", it.deadlines);
    let d = &it.deadlines[0];
    assert_eq!(d.year, 2030);
    assert_eq!(d.due, due(2030));
    assert_eq!(d.phrase, "到2030年");
    assert!(
        d.text.contains("建成10个省级历史文化保护利用示范片区"),
        "{:?}",
        d.text
    );
    assert!(
        !d.text.contains("探索合理利用路径"),
        "only the sentence: {:?}",
        d.text
    );

    // Line 730 (专栏7): "…到2030年，高技能人才数量达到245万，占技能人才比例达到37%。"
    let it = item(plan_box(7), "锻造高技能人才");
    let years: Vec<i32> = it.deadlines.iter().map(|d| d.year).collect();
    assert_eq!(years, vec![2030]);
    assert!(it.deadlines[0].text.contains("高技能人才数量达到245万"));

    // Line 1401 (专栏24): "到2030年，实现老化燃气管道动态清零…"
    let it = item(plan_box(24), "城市韧性提升工程");
    let years: Vec<i32> = it.deadlines.iter().map(|d| d.year).collect();
    assert_eq!(years, vec![2030]);

    // Line 1982 (专栏36) names no year.
    assert!(item(plan_box(36), "法治湖南建设工程").deadlines.is_empty());
}

// ---------------------------------------------------------------------------------------------
// markup that is not content

#[test]
fn no_bookmark_or_image_markup_anywhere() {
    // `[bookmark: _Toc…]` appears on 149 lines (headings, box headings, items such as 760, 963,
    // 1164, the glossary line 2089); `[image: …]` on lines 1107, 1116, 1174 (inside a caption),
    // 1336, 1352, 1780.
    let json = serde_json::to_string(&doc().plan).unwrap();
    assert!(
        !json.contains("[bookmark"),
        "bookmark markup left in the plan"
    );
    assert!(
        !json.contains("bookmark: _Toc"),
        "bookmark markup left in the plan"
    );
    assert!(!json.contains("[image:"), "image markup left in the plan");
}
