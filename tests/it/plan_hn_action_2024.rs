//! Acceptance tests: the parser against seed/hunan-urbanization-action-plan-2024.txt
//! (湖南省深入推进以人为本的新型城镇化战略五年行动计划实施方案, 湘政发〔2024〕15号).
//!
//! Every expected value below was read off the text by hand (line numbers refer to the seed
//! file, 1-based), never produced by the parser.
//!
//! How the text is laid out (lines 28–97):
//! - 二、重点任务 (l.28) holds four group headings （一）…（四） (l.30, 42, 52, 62) and 17 numbered
//!   key tasks "N.标题。正文…（责任单位：…）", each one line / one paragraph. Task 16 is written
//!   "16. 加强…" with a space after the dot (l.68).
//! - 三、政策措施 (l.72) holds seven policy measures. Each is a （X） heading line followed by ONE
//!   paragraph that ends with its own （责任单位：…） (l.74–97). Three times the next heading
//!   follows the clause with no blank line in between (l.80→81, l.83→84, l.94→95).
//! - 一、行动目标 (l.24) and 四、组织实施 (l.99) are plain prose without 责任单位: not tasks.
//!
//! DECISION on the policy measures (l.72–97): each （X） heading of 三、政策措施 is itself a task:
//!   `number` = the label as written ("（一）" … "（七）"),
//!   `group`  = Some("三、政策措施") (the heading it sits under, label and title as written with no
//!              space, the same way numbered tasks carry "（一）实施新一轮…行动"),
//!   `title`  = the heading text without its label ("健全农业转移人口市民化激励政策"),
//!   `body`   = the paragraph under the heading, without the （责任单位：…） clause (the heading is
//!              not repeated in the body, because it is a separate line of its own).
//! Reason: the measures are not numbered 1./2. like key tasks; the （X） line is the only name a
//! measure has, and the responsibility clause closes the single paragraph below it.
//!
//! Findings: no task body spans more than one paragraph (every clause closes the same line the
//! task starts on, or the single paragraph below a measure heading), and every one of the 24
//! tasks has a （责任单位：…） clause; none lacks one.
//!
//! The rider in the first clause (l.32) "…，各市州、县市区人民政府按职责分工负责，下同。以下各项任务
//! 均需各市州、县市区人民政府落实，不再单独列出" makes "各市州、县市区人民政府" (one name, although it
//! contains 、) a co-responsible department of EVERY task — the 17 key tasks and, because of "下同"
//! ("the same below", i.e. for every later clause), the 7 policy measures too. It is appended as
//! the last `Role::Co` department, once, including for task 1 where it is written in the clause.
//!
//! Test code may panic and unwrap; the crate-wide clippy denials are meant for library code.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use chrono::NaiveDate;
use plantrack::plan::{DepartmentRef, Level, ParsedDocument, Role, Script, Task, TextEncoding};
use support::{HN_ACTION_2024, parse_seed};

/// The co-responsible department added to every task by the rider of the first clause (l.32).
const CITY_COUNTY_GOVERNMENTS: &str = "各市州、县市区人民政府";

/// One expected task: the lead is the first name in its clause, `co` the others in order.
/// `CITY_COUNTY_GOVERNMENTS` is NOT listed here; the tests append it as the last Co.
struct Expect {
    number: &'static str,
    group: &'static str,
    title: &'static str,
    lead: &'static str,
    co: &'static [&'static str],
}

const G1: &str = "（一）实施新一轮农业转移人口市民化行动"; // l.30
const G2: &str = "（二）实施潜力地区城镇化水平提升行动"; // l.42
const G3: &str = "（三）实施现代化都市圈培育行动"; // l.52
const G4: &str = "（四）实施城市更新和安全韧性提升行动"; // l.62
const MEASURES: &str = "三、政策措施"; // l.72

/// All 24 tasks in document order, read from lines 30–97.
#[rustfmt::skip]
const EXPECTED: &[Expect] = &[
    // l.32 — the clause is "省公安厅、省发展改革委、省自然资源厅，各市州、县市区人民政府按职责分工负责，下同。…";
    // only the three names before "，" are listed here, the rider becomes the appended Co.
    Expect { number: "1", group: G1, title: "健全常住地提供基本公共服务制度", lead: "省公安厅", co: &["省发展改革委", "省自然资源厅"] },
    // l.34
    Expect { number: "2", group: G1, title: "促进农业转移人口在城镇稳定就业", lead: "省委统战部", co: &["省人力资源社会保障厅", "省教育厅", "省工商联"] },
    // l.36 — a single named department
    Expect { number: "3", group: G1, title: "保障随迁子女在流入地受教育权利", lead: "省教育厅", co: &[] },
    // l.38
    Expect { number: "4", group: G1, title: "完善农业转移人口多元化住房保障体系", lead: "省住房城乡建设厅", co: &["省财政厅"] },
    // l.40
    Expect { number: "5", group: G1, title: "扩大农业转移人口社会保障覆盖面", lead: "省人力资源社会保障厅", co: &["省民政厅", "省医保局"] },
    // l.44
    Expect { number: "6", group: G2, title: "培育特色优势产业集群", lead: "省工业和信息化厅", co: &["省发展改革委", "省商务厅", "省农业农村厅", "省卫生健康委"] },
    // l.46
    Expect { number: "7", group: G2, title: "促进产业园区提级扩能", lead: "省发展改革委", co: &["省自然资源厅"] },
    // l.48
    Expect { number: "8", group: G2, title: "强化产业发展人才支撑", lead: "省人力资源社会保障厅", co: &["省发展改革委", "省教育厅"] },
    // l.50
    Expect { number: "9", group: G2, title: "增强城镇综合承载能力", lead: "省委编办", co: &["省发展改革委", "省住房城乡建设厅", "省财政厅", "省农业农村厅", "省自然资源厅", "省教育厅", "省卫生健康委", "省人力资源社会保障厅"] },
    // l.54
    Expect { number: "10", group: G3, title: "提升城际交通互联", lead: "省发展改革委", co: &["省交通运输厅", "省住房城乡建设厅", "省自然资源厅", "省长株潭一体化发展事务中心"] },
    // l.56
    Expect { number: "11", group: G3, title: "强化产业分工协作", lead: "省发展改革委", co: &["省工业和信息化厅", "省科技厅", "省教育厅", "省数据局", "省长株潭一体化发展事务中心"] },
    // l.58
    Expect { number: "12", group: G3, title: "加快市场一体化建设", lead: "省发展改革委", co: &["省市场监管局", "省数据局", "省长株潭一体化发展事务中心", "省公共资源交易中心"] },
    // l.60
    Expect { number: "13", group: G3, title: "推进公共服务共建共享", lead: "省委政法委", co: &["省发展改革委", "省自然资源厅", "省林业局", "省卫生健康委", "省教育厅", "省住房城乡建设厅", "省应急管理厅", "省数据局", "省长株潭一体化发展事务中心"] },
    // l.64
    Expect { number: "14", group: G4, title: "稳步推进城市更新", lead: "省住房城乡建设厅", co: &["省发展改革委", "省卫生健康委", "省民政厅", "省财政厅", "省自然资源厅", "省文化和旅游厅", "省通信管理局"] },
    // l.66
    Expect { number: "15", group: G4, title: "实施城市生命线安全工程", lead: "省住房城乡建设厅", co: &["省发展改革委", "省应急管理厅", "省自然资源厅", "省交通运输厅", "省财政厅", "省公安厅", "省气象局", "省通信管理局"] },
    // l.68 — written "16. 加强城市洪涝治理。" (space after the dot)
    Expect { number: "16", group: G4, title: "加强城市洪涝治理", lead: "省住房城乡建设厅", co: &["省发展改革委", "省水利厅", "省应急管理厅", "省自然资源厅", "省气象局"] },
    // l.70
    Expect { number: "17", group: G4, title: "建设绿色智慧城市", lead: "省发展改革委", co: &["省住房城乡建设厅", "省工业和信息化厅", "省财政厅", "省数据局", "省通信管理局", "省能源局"] },
    // l.74 heading, l.76 paragraph + clause
    Expect { number: "（一）", group: MEASURES, title: "健全农业转移人口市民化激励政策", lead: "省财政厅", co: &["省住房城乡建设厅", "省自然资源厅", "省教育厅"] },
    // l.78 heading, l.80 paragraph + clause (l.81 heading follows with no blank line)
    Expect { number: "（二）", group: MEASURES, title: "健全进城落户农民农村权益维护政策", lead: "省自然资源厅", co: &["省农业农村厅", "省林业局"] },
    // l.81 heading, l.83 paragraph + clause (l.84 heading follows with no blank line)
    Expect { number: "（三）", group: MEASURES, title: "健全产业跨区域新布局激励政策", lead: "省财政厅", co: &["省商务厅", "省发展改革委", "省工业和信息化厅", "省国资委", "省自然资源厅", "省市场监管局", "省数据局"] },
    // l.84 heading, l.86 paragraph + clause
    Expect { number: "（四）", group: MEASURES, title: "健全土地节约集约利用激励政策", lead: "省自然资源厅", co: &["省财政厅", "省发展改革委"] },
    // l.88 heading, l.90 paragraph + clause
    Expect { number: "（五）", group: MEASURES, title: "健全长株潭都市圈同城化发展机制", lead: "省发展改革委", co: &["省自然资源厅", "省财政厅", "省长株潭一体化发展事务中心"] },
    // l.92 heading, l.94 paragraph + clause (l.95 heading follows with no blank line)
    Expect { number: "（六）", group: MEASURES, title: "健全城市更新和安全韧性提升支持政策", lead: "省住房城乡建设厅", co: &["省自然资源厅", "省税务局"] },
    // l.95 heading, l.97 paragraph + clause — names without the 省 prefix are kept as written
    Expect { number: "（七）", group: MEASURES, title: "健全资金多元投入保障机制", lead: "省委金融办", co: &["省财政厅", "省发展改革委", "人民银行湖南省分行", "湖南金融监管局", "国家开发银行湖南省分行", "农业发展银行湖南省分行"] },
];

fn parse() -> ParsedDocument {
    parse_seed(HN_ACTION_2024)
}

/// The full expected department list of a task: lead, the named co-departments, then the
/// rider's 各市州、县市区人民政府 as the last Co.
fn expected_departments(e: &Expect) -> Vec<DepartmentRef> {
    let mut v = vec![DepartmentRef {
        name: e.lead.to_string(),
        role: Role::Lead,
    }];
    v.extend(e.co.iter().map(|n| DepartmentRef {
        name: (*n).to_string(),
        role: Role::Co,
    }));
    v.push(DepartmentRef {
        name: CITY_COUNTY_GOVERNMENTS.to_string(),
        role: Role::Co,
    });
    v
}

fn task<'a>(doc: &'a ParsedDocument, number: &str) -> &'a Task {
    doc.plan
        .tasks
        .iter()
        .find(|t| t.number == number)
        .unwrap_or_else(|| panic!("no task numbered {number:?}"))
}

// Lines 28–97: 17 numbered key tasks (l.32–70) and 7 policy measures (l.74–97).
#[test]
fn action_2024_has_24_tasks_17_key_tasks_and_7_policy_measures() {
    let doc = parse();
    let numbers: Vec<&str> = doc.plan.tasks.iter().map(|t| t.number.as_str()).collect();
    let expected: Vec<&str> = EXPECTED.iter().map(|e| e.number).collect();
    assert_eq!(numbers, expected, "task numbers in document order");
    assert_eq!(doc.plan.tasks.len(), 24);
    assert_eq!(
        doc.plan
            .tasks
            .iter()
            .filter(|t| t.group.as_deref() == Some(MEASURES))
            .count(),
        7
    );
}

// The most important test: every task's number, group, title and full department list with
// roles. Source lines are given on each row of EXPECTED.
#[test]
fn action_2024_every_task_number_group_title_and_departments() {
    let doc = parse();
    assert_eq!(doc.plan.tasks.len(), EXPECTED.len(), "number of tasks");
    for (t, e) in doc.plan.tasks.iter().zip(EXPECTED) {
        assert_eq!(t.number, e.number, "task number");
        assert_eq!(
            t.group.as_deref(),
            Some(e.group),
            "group of task {}",
            e.number
        );
        assert_eq!(t.title, e.title, "title of task {}", e.number);
        assert_eq!(
            t.departments,
            expected_departments(e),
            "departments of task {}",
            e.number
        );
    }
}

// l.32: the rider is one co-department, not extra names; 各市州、县市区人民政府 must not be split
// on its 、 and must appear exactly once per task, last, as Co.
#[test]
fn action_2024_rider_adds_city_and_county_governments_once_to_every_task() {
    let doc = parse();
    let first = task(&doc, "1");
    let names: Vec<&str> = first.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "省公安厅",
            "省发展改革委",
            "省自然资源厅",
            CITY_COUNTY_GOVERNMENTS
        ]
    );
    for t in &doc.plan.tasks {
        let count = t
            .departments
            .iter()
            .filter(|d| d.name == CITY_COUNTY_GOVERNMENTS)
            .count();
        assert_eq!(count, 1, "task {}: 各市州、县市区人民政府 once", t.number);
        let last = t.departments.last().unwrap();
        assert_eq!(
            last.name, CITY_COUNTY_GOVERNMENTS,
            "task {}: rider department last",
            t.number
        );
        assert_eq!(
            last.role,
            Role::Co,
            "task {}: rider department is Co",
            t.number
        );
        assert_eq!(
            t.departments
                .iter()
                .filter(|d| d.role == Role::Lead)
                .count(),
            1,
            "task {}",
            t.number
        );
        assert_eq!(
            t.departments[0].role,
            Role::Lead,
            "task {}: first department leads",
            t.number
        );
        for d in t
            .departments
            .iter()
            .filter(|d| d.name != CITY_COUNTY_GOVERNMENTS)
        {
            for junk in [
                "人民政府",
                "按职责分工负责",
                "下同",
                "不再单独列出",
                "责任单位",
                "，",
                "、",
                "。",
            ] {
                assert!(
                    !d.name.contains(junk),
                    "task {}: bad department name {:?}",
                    t.number,
                    d.name
                );
            }
            assert_eq!(
                d.name.trim(),
                d.name,
                "task {}: untrimmed name {:?}",
                t.number,
                d.name
            );
        }
    }
}

// Bodies: the task text without "N." and without the （责任单位：…） clause; for measures the
// paragraph under the heading. Exact text from l.32, l.68 (the "16. " space), l.80 and l.94
// (both directly followed by the next heading, no blank line).
#[test]
fn action_2024_task_bodies_drop_number_and_responsibility_clause() {
    let doc = parse();
    assert_eq!(
        task(&doc, "1").body,
        "健全常住地提供基本公共服务制度。适时调增常住人口可享有的基本公共服务项目，按照常住人口规模优化基本公共服务设施布局。完善非户籍人口基本服务提供机制，稳步实现基本公共服务由常住地供给、覆盖全部常住人口。修订《湖南省户口登记管理办法》。"
    );
    assert_eq!(
        task(&doc, "16").body,
        "加强城市洪涝治理。支持各级城市编制系统化地下管网建设方案，实施城市内涝治理和雨水源头减排工程，全域推进海绵城市建设。健全重大气象灾害应急联动机制，完善城市排水防涝应急预案，高质量完成资兴、华容团洲垸等地灾后恢复重建工作。"
    );
    assert_eq!(
        task(&doc, "（二）").body,
        "规范开展农村不动产确权登记颁证工作，推动完成农村宅基地“房地一体”确权登记。规范做好集体林权“三权分置”确权登记。依法维护进城落户农民的土地承包权、宅基地使用权、集体收益分配权，不得以退出上述权益作为农民进城落户的条件，探索建立自愿有偿退出的办法。"
    );
    assert_eq!(
        task(&doc, "（六）").body,
        "深化城市建设、运营、治理体制改革。支持长沙探索特大城市智慧高效治理体系。探索建立可持续的城市更新模式，落实相关税费优惠减免政策。完善配售型保障性住房建设、分配、运营和回购等全流程管理。研究完善城市更新的土地和规划政策，允许土地用途兼容、建筑功能混合。"
    );
    for t in &doc.plan.tasks {
        assert!(
            !t.body.contains("责任单位"),
            "task {}: clause left in body",
            t.number
        );
        assert!(
            !t.body.contains('\n'),
            "task {}: body is one paragraph",
            t.number
        );
        assert!(
            t.body.ends_with('。'),
            "task {}: body ends its last sentence",
            t.number
        );
        assert!(
            !t.body.starts_with(char::is_numeric),
            "task {}: number left in body",
            t.number
        );
        assert!(
            !t.body.starts_with('（'),
            "task {}: heading label left in body",
            t.number
        );
        if t.group.as_deref() != Some(MEASURES) {
            // Numbered tasks: the title is the first sentence of the body.
            assert!(
                t.body.starts_with(&format!("{}。", t.title)),
                "task {}: body starts with title",
                t.number
            );
        }
    }
    // No measure swallows the next heading (l.80→81, l.83→84, l.94→95 have no blank line).
    for t in &doc.plan.tasks {
        for e in EXPECTED.iter().filter(|e| e.group == MEASURES) {
            assert!(
                !t.body.contains(e.title),
                "task {}: heading {:?} in body",
                t.number,
                e.title
            );
        }
    }
}

// l.1–20: the notice (湖南省人民政府关于印发《…》的通知, l.1–4), doc number (l.6), issuer as
// signed (l.12), date (l.14) and the plan's own title split over l.18 and l.20.
#[test]
fn action_2024_metadata() {
    let doc = parse();
    assert_eq!(doc.source, HN_ACTION_2024);
    assert_eq!(doc.encoding, TextEncoding::Utf8);
    let plan = &doc.plan;
    assert_eq!(
        plan.title,
        "湖南省深入推进以人为本的新型城镇化战略五年行动计划实施方案"
    );
    assert_eq!(plan.issuer.as_deref(), Some("湖南省人民政府"));
    assert_eq!(plan.doc_number.as_deref(), Some("湘政发〔2024〕15号"));
    assert_eq!(plan.issued_on, NaiveDate::from_ymd_opt(2024, 11, 30));
    assert_eq!(plan.script, Script::Simplified);
    assert!(plan.boxes.is_empty(), "no 专栏 in this plan");
    assert!(
        plan.indicators.is_empty(),
        "no indicator table in this plan"
    );
    assert!(plan.glossary.is_empty(), "no 名词解释 in this plan");
}

// l.24, 28, 72, 99: four chapters 一、…四、 (Level::Chapter); l.30/42/52/62 and l.74–95: the
// （X） headings below 二、 and 三、 (Level::Section). The chapter label ("一、" or "一") is not
// asserted: the model does not say whether the 、 is part of the label.
#[test]
fn action_2024_outline() {
    let doc = parse();
    let outline = &doc.plan.outline;
    let chapters: Vec<(Level, u32, &str, usize)> = outline
        .iter()
        .map(|n| (n.level, n.number, n.title.as_str(), n.children.len()))
        .collect();
    assert_eq!(
        chapters,
        [
            (Level::Chapter, 1, "行动目标", 0),
            (Level::Chapter, 2, "重点任务", 4),
            (Level::Chapter, 3, "政策措施", 7),
            (Level::Chapter, 4, "组织实施", 0),
        ]
    );
    let sections = |i: usize| -> Vec<(Level, u32, String, String)> {
        outline[i]
            .children
            .iter()
            .map(|n| (n.level, n.number, n.label.clone(), n.title.clone()))
            .collect()
    };
    let s = |n: u32, label: &str, title: &str| {
        (Level::Section, n, label.to_string(), title.to_string())
    };
    assert_eq!(
        sections(1),
        [
            s(1, "（一）", "实施新一轮农业转移人口市民化行动"),
            s(2, "（二）", "实施潜力地区城镇化水平提升行动"),
            s(3, "（三）", "实施现代化都市圈培育行动"),
            s(4, "（四）", "实施城市更新和安全韧性提升行动"),
        ]
    );
    assert_eq!(
        sections(2),
        [
            s(1, "（一）", "健全农业转移人口市民化激励政策"),
            s(2, "（二）", "健全进城落户农民农村权益维护政策"),
            s(3, "（三）", "健全产业跨区域新布局激励政策"),
            s(4, "（四）", "健全土地节约集约利用激励政策"),
            s(5, "（五）", "健全长株潭都市圈同城化发展机制"),
            s(6, "（六）", "健全城市更新和安全韧性提升支持政策"),
            s(7, "（七）", "健全资金多元投入保障机制"),
        ]
    );
}

// Deadlines: no task holds a "到20XX年"-style phrase. The only years in the whole text are in
// the doc number 湘政发〔2024〕15号 (l.6) and the date 2024年11月30日 (l.14); "经过5年的努力"
// (l.26) is in 一、行动目标, which is not a task, and names a span, not a year. So every task
// must have no deadline (no false positives from 〔2024〕, "5年", "适时" …).
#[test]
fn action_2024_tasks_have_no_deadlines() {
    let doc = parse();
    assert_eq!(doc.plan.tasks.len(), 24);
    for t in &doc.plan.tasks {
        assert!(
            t.deadlines.is_empty(),
            "task {}: unexpected deadlines {:?}",
            t.number,
            t.deadlines
        );
    }
}
