//! Acceptance tests: the parser against seed/zhuzhou-urbanization-14th-fyp.txt
//! (株洲市“十四五”新型城镇化发展规划).
//!
//! Every expected value below was read off the text by hand (line numbers refer to the seed
//! file, 1-based), never produced by the parser.
//!
//! Flaws of this rendition that the tests pin down:
//! - page running headers "培育制造名城 建设幸福株洲" on their own line (l.17, 108, 223, 291, 379),
//!   four of which cut a paragraph in two (l.15|19, l.221|225, l.289|293, l.377|381; l.108
//!   only separates a figure caption from the next paragraph);
//! - page breaks WITHOUT a header that also cut paragraphs, sometimes mid-word (l.61|63 "产城融|合",
//!   l.153|155 "…高质量发展|之路。", l.261|263 "…的防|洪格局”。", l.277|279 "推动建立物|流标准化",
//!   l.385|387, …), two of them right after a 专栏 (l.261 after 专栏4, l.277 after 专栏5);
//! - "专栏 N" is written with a space except "专栏5" (l.265); 专栏3's heading ends with a tab (l.241);
//! - the indicator table (l.73–89) is NOT inside a 专栏, has its header row twice (l.75, l.83:
//!   page break), an empty unit cell (l.79) and "—" cells;
//! - 专栏3 (l.241–247) is a tab-separated table with a blank line inside (l.245) and a
//!   "----------------------\t--" rule at its end (l.247);
//! - a second, non-box table "城镇等级体系结构" (l.140–147) that is neither a 专栏 nor indicators.
//!
//! Test code may panic and unwrap; the crate-wide clippy denials are meant for library code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use chrono::NaiveDate;
use plantrack::plan::{
    Attribute, BoxItem, BoxKind, Deadline, Level, Measure, ParsedDocument, PlanBox, Script,
    TextEncoding,
};
use support::{ZZ_CZH_14, parse_seed};

const RUNNING_HEADER: &str = "培育制造名城 建设幸福株洲";

fn parse() -> ParsedDocument {
    parse_seed(ZZ_CZH_14)
}

fn plan_box(doc: &ParsedDocument, number: u32) -> &PlanBox {
    doc.plan
        .boxes
        .iter()
        .find(|b| b.number == number)
        .unwrap_or_else(|| panic!("no 专栏 {number}"))
}

fn item<'a>(doc: &'a ParsedDocument, number: u32, title: &str) -> &'a BoxItem {
    plan_box(doc, number)
        .items
        .iter()
        .find(|i| i.title == title)
        .unwrap_or_else(|| panic!("专栏{number} has no item {title:?}"))
}

// Box headings: l.159 "专栏 1 重点培育的特色小镇", l.185 "专栏 2 人才培养引进六大工程",
// l.241 "专栏 3 “十四五”铁路、公路交通网络\t", l.251 "专栏 4 能源保障工程",
// l.265 "专栏5 水安全网建设重点工程" (no space), l.347 "专栏 6 智慧服务提升行动",
// l.389 "专栏 7 “蓝天三百天、全域Ⅱ类水”行动". Item counts are justified in `zz_box_item_titles`.
// 专栏3 is a table (kind Table, no items). No 专栏 of this plan is an indicator table: the
// indicator table (l.73) has no 专栏 heading.
#[test]
fn zz_boxes_numbers_titles_kinds_and_item_counts() {
    let doc = parse();
    let got: Vec<(u32, Option<&str>, BoxKind, usize)> = doc
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.title.as_deref(), b.kind, b.items.len()))
        .collect();
    assert_eq!(
        got,
        [
            (1, Some("重点培育的特色小镇"), BoxKind::Items, 3),
            (2, Some("人才培养引进六大工程"), BoxKind::Items, 6),
            (3, Some("“十四五”铁路、公路交通网络"), BoxKind::Table, 0),
            (4, Some("能源保障工程"), BoxKind::Items, 4),
            (5, Some("水安全网建设重点工程"), BoxKind::Items, 4),
            (6, Some("智慧服务提升行动"), BoxKind::Items, 8),
            (7, Some("“蓝天三百天、全域Ⅱ类水”行动"), BoxKind::Items, 2),
        ]
    );
    for b in &doc.plan.boxes {
        if b.kind == BoxKind::Items {
            assert!(b.rows.is_empty(), "专栏{} is a list, not a table", b.number);
        }
    }
}

// Item titles of every Items box, in order. Items are titled paragraphs "标题。正文" (or
// "标题：正文" in 专栏4), unnumbered and ungrouped.
//
// Box boundaries (where the main text resumes):
// - 专栏1 (l.161–165): three "特色X小镇。" lists; l.167 is "第三章" → ends.
// - 专栏2 (l.187–197): the six 工程 announced in the body at l.183 ("…等六大工程"); l.199 is
//   "第四节" → ends.
// - 专栏4 (l.253–259): four "名词：" items (传统能源/新能源/能源基础设施/能源储备设施). l.261
//   "筑牢水安全网。实施…" is body text: it is the next link of the section's "X网" series
//   (完善交通运输网 l.217, 夯实能源保障网 l.249, 筑牢水安全网 l.261, 优化物流配送网 l.277,
//   完善市政配套设施网 l.281), it starts with a verb (筑牢), uses "。" where the box items use
//   "：", and it is the body paragraph that 专栏5 then illustrates.
// - 专栏5 (l.267–273): four noun-phrase categories (防洪安全网/农村供水保障/用水安全网/
//   河湖生态安全网), each a list of project types ending "…等工程。". l.275 "推进“引洮润株”
//   工程。做好…规划前期工作，争取纳入…" is body text: its title is a verb phrase (推进…), its
//   body is a directive ("做好…，争取…") rather than a list of projects, and it elaborates the
//   水安全网 paragraph (l.263 "推进引洮润株工程前期工作"), which the box interrupted. l.277
//   "优化物流配送网。" then continues the "X网" series. So 专栏5 has 4 items, not 5.
// - 专栏6 (l.349–363): eight "智慧X。" items; l.365 is "第三节" → ends.
// - 专栏7 (l.391–393): two "X污染防治。" items; l.395 is "第六章" → ends.
#[test]
fn zz_box_item_titles() {
    let doc = parse();
    let expected: [(u32, &[&str]); 6] = [
        (1, &["特色农业小镇", "特色工业小镇", "特色文旅小镇"]),
        (
            2,
            &[
                "科技创新人才集聚工程",
                "高端创新平台拓展工程",
                "海外英才招募工程",
                "工匠人才铸造工程",
                "乡村柔性引才示范工程",
                "青年人才荟萃工程",
            ],
        ),
        (4, &["传统能源", "新能源", "能源基础设施", "能源储备设施"]),
        (
            5,
            &["防洪安全网", "农村供水保障", "用水安全网", "河湖生态安全网"],
        ),
        (
            6,
            &[
                "智慧社区",
                "智慧养老",
                "智慧教育",
                "智慧医疗",
                "智慧文旅",
                "智慧物流",
                "智慧能源",
                "智慧交通",
            ],
        ),
        (7, &["大气污染防治", "水污染防治"]),
    ];
    for (number, titles) in expected {
        let b = plan_box(&doc, number);
        let got: Vec<&str> = b.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(got, titles, "item titles of 专栏{number}");
        for i in &b.items {
            assert_eq!(
                i.number, None,
                "专栏{number} item {:?} is unnumbered",
                i.title
            );
            assert_eq!(
                i.group, None,
                "专栏{number} item {:?} has no group",
                i.title
            );
            // body = the whole paragraph, title included, followed by 。 or ：
            assert!(
                i.body.starts_with(&format!("{}。", i.title))
                    || i.body.starts_with(&format!("{}：", i.title)),
                "专栏{number} item {:?}: body starts with its title: {:?}",
                i.title,
                i.body
            );
            assert!(
                !i.body.contains('\n'),
                "专栏{number} item {:?}: one paragraph",
                i.title
            );
        }
    }
}

// Whole-paragraph bodies of the first and last item of several boxes (l.161, l.197, l.253,
// l.259, l.273, l.363, l.393): the last item of a box must not run into the body text that
// follows it (l.261 after 专栏4, l.275 after 专栏5, l.365 heading after 专栏6, l.395 after 专栏7).
#[test]
fn zz_box_item_bodies_are_whole_paragraphs() {
    let doc = parse();
    assert_eq!(
        item(&doc, 1, "特色农业小镇").body,
        "特色农业小镇。红茶小镇（严塘）、香干小镇（皇图岭）、丝瓜小镇（白关）、白鹅小镇（鹿原）、黄牛小镇（火田）、玻璃椒小镇（明月）、瓜蒌小镇（茶山）、鲜果小镇（朱亭）、耕食小镇（仙庠）、蔬菜小镇（三门）、油茶小镇（莲塘坳）、王十万黄辣椒特色小镇（龙船）、花木小镇（云田）。"
    );
    assert_eq!(
        item(&doc, 2, "青年人才荟萃工程").body,
        "青年人才荟萃工程。力争到 2025 年，株洲新引进 20 万青年人才来株留株创业就业。"
    );
    assert_eq!(
        item(&doc, 4, "传统能源").body,
        "传统能源：加快推进大唐华银株洲“退城进郊”2×100万千瓦煤电项目，争取“十四五”末建成发电。"
    );
    assert_eq!(
        item(&doc, 4, "能源储备设施").body,
        "能源储备设施：加快推进炎陵、攸县抽水蓄能发电站项目。"
    );
    assert_eq!(
        item(&doc, 5, "河湖生态安全网").body,
        "河湖生态安全网。水土流失综合治理、重点河湖生态保护修复、农村水电绿色改造示范县建设、水系连通及农村水系综合整治、水环境综合治理等工程。"
    );
    assert_eq!(
        item(&doc, 6, "智慧交通").body,
        "智慧交通。突出“车路云”一体化建设，加快建设株洲市智慧交通大数据中心、路段流量监测管控系统、路段电子警察系统、移动电子巡逻系统、静态交通管控系统、电力电源保障系统、视频事件检测系统、互联网+智慧交通综合服务平台，提供全天候智慧化出行服务。"
    );
    assert_eq!(
        item(&doc, 7, "水污染防治").body,
        "水污染防治。加强工业水污染防治，持续推进重点产污企业入园和园区污水处理厂及管网建设；完善城镇污水管网建设，建成以“沿‘一江八港’城市污水主管网”为主的污水主管网，加快城区雨污分流改造；完成全市范围内乡镇及以下集中式饮用水水源地环境问题综合整治工程；完善乡镇污水处理厂及配套管网建设，补齐农村生活污水治理防治短板。深入推进“河长制”工作，保障河湖生态基流，加快推进“一江两水”生态保护与修复工程，通过渌江省际样板河、湘江重点流域水污染整治和修复和清水塘地区水生态环境风险控制等重点任务，力争持续保持全市重点流域国省断面稳定达到Ⅱ类水目标。"
    );
}

// Body paragraphs after 专栏4 and 专栏5 (l.261, l.263 "洪格局”。…" — the tail of l.261 cut
// by a page break —, l.275, l.277, l.279 "流标准化…" — the tail of l.277) are not box items of
// any box, under any title.
#[test]
fn zz_box_boundaries_stop_where_main_text_resumes() {
    let doc = parse();
    let not_items = [
        "筑牢水安全网",
        "洪格局",
        "推进“引洮润株”工程",
        "优化物流配送网",
        "流标准化",
        "完善市政配套设施网",
    ];
    for b in &doc.plan.boxes {
        for i in &b.items {
            for t in not_items {
                assert!(
                    !i.title.starts_with(t),
                    "专栏{}: body paragraph taken as item {:?}",
                    b.number,
                    i.title
                );
            }
            assert!(
                !i.body.contains("引洮润株"),
                "专栏{}: item {:?} runs into l.275",
                b.number,
                i.title
            );
            assert!(
                !i.body.contains("筑牢水安全网"),
                "专栏{}: item {:?} runs into l.261",
                b.number,
                i.title
            );
        }
    }
}

// Chapter and section of each box: 专栏1 l.91/l.149; 专栏2 l.167/l.181; 专栏3–5 l.211/l.215;
// 专栏6 l.323/l.335; 专栏7 l.323/l.375. Format "<label> <title>" with one ASCII space.
#[test]
fn zz_box_chapter_and_section() {
    let doc = parse();
    let got: Vec<(u32, Option<&str>, Option<&str>)> = doc
        .plan
        .boxes
        .iter()
        .map(|b| (b.number, b.chapter.as_deref(), b.section.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (
                1,
                Some("第二章 优化发展空间布局"),
                Some("第六节 推动特色产业小镇建设")
            ),
            (
                2,
                Some("第三章 促进城镇人口集聚"),
                Some("第三节 加强人才培养引进")
            ),
            (
                3,
                Some("第四章 增强城镇综合承载能力"),
                Some("第一节 完善城乡基础设施")
            ),
            (
                4,
                Some("第四章 增强城镇综合承载能力"),
                Some("第一节 完善城乡基础设施")
            ),
            (
                5,
                Some("第四章 增强城镇综合承载能力"),
                Some("第一节 完善城乡基础设施")
            ),
            (
                6,
                Some("第五章 着力提升城市品质"),
                Some("第二节 数字赋能，打造智慧城市")
            ),
            (
                7,
                Some("第五章 着力提升城市品质"),
                Some("第四节 生态优先，打造绿色城市")
            ),
        ]
    );
}

// 专栏3 (l.241–247): four rows of two tab-separated cells, no header row. The blank line l.245
// does not end the table (l.246 普通省道 is its fourth row); the rule l.247
// "----------------------\t--" is not a row.
#[test]
fn zz_box3_is_a_table_of_networks() {
    let doc = parse();
    let b = plan_box(&doc, 3);
    assert_eq!(b.kind, BoxKind::Table);
    assert!(b.items.is_empty());
    let first: Vec<&str> = b.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        first,
        [
            "铁路 “六纵四横”网络",
            "高速公路 “五纵六横”网络",
            "普通国道 “一纵四横”网络",
            "普通省道 “一射四纵八横八支”网络"
        ]
    );
    for r in &b.rows {
        assert_eq!(r.len(), 2, "row {:?}", r[0]);
    }
    // l.244
    assert_eq!(b.rows[2][1], "一纵： G106 四横： G320、G322、G356、G357");
    assert!(
        b.rows[0][1].starts_with("六纵： 京广高铁、"),
        "l.242: {:?}",
        b.rows[0][1]
    );
    assert!(
        b.rows[3][1].ends_with("S560 下村至青山"),
        "l.246: {:?}",
        b.rows[3][1]
    );
}

// Running headers (l.17, 108, 223, 291, 379) are stripped everywhere. The serialised plan is
// checked as a whole so that no title, body, cell, note or outline node keeps one. (The body
// text "培育制造名城、建设幸福株洲" of l.43 and l.325 has a 、, not a space, and is not a header.)
//
// No running header falls inside a 专栏 in this rendition, so no box item needs re-joining
// across one; the cuts nearest to boxes are l.221|225 (before 专栏3) and l.377|381 (before
// 专栏7), both in body paragraphs, which the model does not keep. What is asserted instead:
// the paragraph tails after those headers ("力争“十四五”期间建成高速公路…", "生态环境修复治理…")
// do not surface as items or headings.
#[test]
fn zz_running_header_never_appears() {
    let doc = parse();
    let json = serde_json::to_string(&doc.plan).unwrap();
    assert!(
        !json.contains(RUNNING_HEADER),
        "running header left in the plan"
    );
    assert!(
        !json.contains("培育制造名城 "),
        "part of the running header left in the plan"
    );
    for b in &doc.plan.boxes {
        for i in &b.items {
            assert!(
                !i.body.contains("培育制造名城"),
                "专栏{} item {:?}",
                b.number,
                i.title
            );
            assert!(
                !i.title.starts_with("力争“十四五”期间建成高速公路"),
                "专栏{}",
                b.number
            );
            assert!(!i.title.starts_with("生态环境修复治理"), "专栏{}", b.number);
        }
    }
    fn walk(nodes: &[plantrack::plan::OutlineNode]) {
        for n in nodes {
            assert!(
                !n.title.contains("培育制造名城"),
                "outline node {:?}",
                n.title
            );
            walk(&n.children);
        }
    }
    walk(&doc.plan.outline);
}

// The indicator table "“十四五”新型城镇化主要指标", l.73–89: columns 指标名称/单位/2020 年/
// 2025 年/指标属性 (header repeated at l.83 after a page break); note l.89 "注：[] 为 5 年累计数。"
// Units come from the 单位 column (l.79 has an empty one → None). Cells are kept as written:
// "[28.58]" / ">[25]" are cumulative (in [ ]); "—" is kept as a value; text targets such as
// "以国家下达为准" and "完成湖南省下达任务" are the target values. No 序号 or 类别 column.
// `box_number` is not asserted: the table sits in no 专栏 (see the report; the model's
// `box_number: u32` cannot say "none").
#[test]
fn zz_indicator_rows() {
    let doc = parse();
    let m = |year: i32, value: &str, cumulative: bool| {
        Some(Measure {
            year: Some(year),
            value: value.to_string(),
            cumulative,
        })
    };
    let e = Attribute::Expected;
    #[rustfmt::skip]
    let expected = [
        // l.76
        ("常住人口城镇化率", Some("%"), m(2020, "71.26", false), m(2025, "75", false), e),
        // l.77 — both cells are five-year cumulative figures
        ("城镇新增就业人数", Some("万人"), m(2020, "[28.58]", true), m(2025, ">[25]", true), e),
        // l.78
        ("城镇调查失业率", Some("%"), m(2020, "5.6", false), m(2025, "<5.5", false), e),
        // l.79 — empty unit cell
        ("城乡居民人均可支配收入比", None, m(2020, "2.1:1", false), m(2025, "与 GDP 增长相适应", false), e),
        // l.80
        ("每万人口高价值发明专利拥有量", Some("件"), m(2020, "4", false), m(2025, "6", false), e),
        // l.81
        ("城市建成区路网密度", Some("Km/平方公里"), m(2020, "8", false), m(2025, "8.1", false), e),
        // l.84 — "累计" in the name, but the cells are not in [ ]
        ("累计改造城镇老旧小区", Some("个"), m(2020, "—", false), m(2025, "800", false), e),
        // l.85
        ("新增建设用地面积", Some("平方公里"), m(2020, "—", false), m(2025, "以国家下达为准", false), e),
        // l.86
        ("城市建成区绿地率", Some("%"), m(2020, "—", false), m(2025, "40.5", false), e),
        // l.87 — the only binding (约束性) indicator
        ("城市空气质量优良天数比例", Some("%"), m(2020, "86.6", false), m(2025, "完成湖南省下达任务", false), Attribute::Binding),
    ];
    let inds = &doc.plan.indicators;
    assert_eq!(
        inds.len(),
        expected.len(),
        "10 indicator rows (header rows l.75/l.83 are not rows)"
    );
    for (got, (name, unit, baseline, target, attribute)) in inds.iter().zip(expected) {
        assert_eq!(got.name, name);
        assert_eq!(got.unit.as_deref(), unit, "unit of {name}");
        assert_eq!(got.baseline, baseline, "baseline of {name}");
        assert_eq!(got.target, target, "target of {name}");
        assert_eq!(got.attribute, Some(attribute), "attribute of {name}");
        assert_eq!(got.number, None, "no 序号 column: {name}");
        assert_eq!(got.category, None, "no 类别 column: {name}");
    }
}

// Outline: 8 chapters (l.7, 91, 167, 211, 323, 395, 421, 463) and 35 sections
// (6+6+4+4+4+3+4+4). The last section, l.481 "第四节 加强监测评估", has no text after it (the
// rendition ends there) but is still a heading. No numbered sub-points exist.
#[test]
fn zz_outline_8_chapters_35_sections() {
    let doc = parse();
    #[rustfmt::skip]
    let expected: [(&str, &str, &[&str]); 8] = [
        ("第一章", "发展基础和总体要求", &["主要成就", "发展环境", "指导思想", "基本原则", "发展定位", "发展目标"]),
        ("第二章", "优化发展空间布局", &["构建“一核一圈一廊”发展格局", "做大做强中心城区", "加快推进株醴融城", "推进县城新型城镇化建设", "推动重点镇建设", "推动特色产业小镇建设"]),
        ("第三章", "促进城镇人口集聚", &["健全人口管理制度", "鼓励创业创新促进就业", "加强人才培养引进", "完善城乡基本公共服务体系"]),
        ("第四章", "增强城镇综合承载能力", &["完善城乡基础设施", "加快新型基础设施建设", "改善城乡居民居住条件", "健全城镇安全保障体系"]),
        ("第五章", "着力提升城市品质", &["文化铸魂，打造人文城市", "数字赋能，打造智慧城市", "内外联动，打造开放城市", "生态优先，打造绿色城市"]),
        ("第六章", "推进城市高水平治理", &["完善城市治理体系", "提升国土空间治理水平", "加强城乡社区治理"]),
        ("第七章", "推进城乡融合发展", &["统筹城乡一体发展", "促进城乡要素双向流动", "促进城乡产业协同发展", "缩小城乡居民收入差距"]),
        ("第八章", "规划实施保障", &["坚持党的全面领导", "加强组织协调", "强化政策统筹", "加强监测评估"]),
    ];
    const SECTION_LABELS: [&str; 6] = ["第一节", "第二节", "第三节", "第四节", "第五节", "第六节"];
    let outline = &doc.plan.outline;
    assert_eq!(outline.len(), 8, "chapters");
    let sections: usize = outline.iter().map(|c| c.children.len()).sum();
    assert_eq!(sections, 35, "sections");
    for (n, (chapter, (label, title, secs))) in outline.iter().zip(expected).enumerate() {
        assert_eq!(chapter.level, Level::Chapter);
        assert_eq!(chapter.number, n as u32 + 1);
        assert_eq!(chapter.label, label);
        assert_eq!(chapter.title, title);
        let got: Vec<&str> = chapter.children.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(got, secs, "sections of {label}");
        for (k, s) in chapter.children.iter().enumerate() {
            assert_eq!(s.level, Level::Section, "{label} {}", s.title);
            assert_eq!(s.number, k as u32 + 1, "{label} {}", s.title);
            assert_eq!(s.label, SECTION_LABELS[k], "{label} {}", s.title);
            assert!(
                s.children.is_empty(),
                "{label} {}: no numbered sub-points",
                s.title
            );
        }
    }
}

// l.3 title, l.5 "(市发展和改革委员会)" (half-width parentheses) → issuer as written, without
// the parentheses. No doc number and no date anywhere in the text.
#[test]
fn zz_metadata() {
    let doc = parse();
    assert_eq!(doc.source, ZZ_CZH_14);
    assert_eq!(doc.encoding, TextEncoding::Utf8);
    let plan = &doc.plan;
    assert_eq!(plan.title, "株洲市“十四五”新型城镇化发展规划");
    assert_eq!(plan.issuer.as_deref(), Some("市发展和改革委员会"));
    assert_eq!(plan.doc_number, None);
    assert_eq!(plan.issued_on, None);
    assert_eq!(plan.script, Script::Simplified);
    assert!(
        plan.tasks.is_empty(),
        "no （责任单位：…） clauses in this plan"
    );
    assert!(plan.glossary.is_empty());
}

// Deadlines inside box items:
// - 专栏2 l.187, l.189, l.197: "力争到 2025 年，…" — the phrase as found keeps its spaces;
//   the text is the sentence holding it (after the title sentence "…工程。"), with its 。.
// - 专栏4 l.253: "争取“十四五”末建成发电" → 2025.
// - No year or period phrase in 专栏1 (l.161–165), 专栏5 (l.267–273) or 专栏6 (l.349–363).
#[test]
fn zz_box_item_deadlines() {
    let doc = parse();
    let dec31 = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let d = |text: &str| Deadline {
        year: 2025,
        due: dec31,
        phrase: "到 2025 年".to_string(),
        text: text.to_string(),
    };
    assert_eq!(
        item(&doc, 2, "科技创新人才集聚工程").deadlines,
        [d(
            "力争到 2025 年，全市新引进或入选院士 1-2 名，遴选创新创业领军人才 200 名。"
        )]
    );
    assert_eq!(
        item(&doc, 2, "高端创新平台拓展工程").deadlines,
        [d(
            "力争到 2025 年，全市新增省级以上创新平台 50 家，创新平台总数预计达到 600 家。"
        )]
    );
    assert_eq!(
        item(&doc, 2, "青年人才荟萃工程").deadlines,
        [d(
            "力争到 2025 年，株洲新引进 20 万青年人才来株留株创业就业。"
        )]
    );
    for t in [
        "海外英才招募工程",
        "工匠人才铸造工程",
        "乡村柔性引才示范工程",
    ] {
        assert!(item(&doc, 2, t).deadlines.is_empty(), "专栏2 {t}");
    }

    let coal = &item(&doc, 4, "传统能源").deadlines;
    assert_eq!(coal.len(), 1, "{coal:?}");
    assert_eq!(coal[0].year, 2025);
    assert_eq!(coal[0].due, dec31);
    assert_eq!(coal[0].phrase, "“十四五”末");
    // Whether the sentence starts at "传统能源：" or after the colon is left open.
    assert!(
        coal[0].text.ends_with(
            "加快推进大唐华银株洲“退城进郊”2×100万千瓦煤电项目，争取“十四五”末建成发电。"
        ),
        "{:?}",
        coal[0].text
    );

    for number in [1, 5, 6] {
        for i in &plan_box(&doc, number).items {
            assert!(
                i.deadlines.is_empty(),
                "专栏{number} {}: {:?}",
                i.title,
                i.deadlines
            );
        }
    }
}
