//! The importer on copies of printed pages (PDF conversions and the like), one short text
//! per form, through the public API: page furniture, paragraphs and clauses cut by page
//! breaks and hard line breaks, whole pages run together on one line with a space for each
//! printed line break, paragraphs the conversion wrote twice, a heading lost between two
//! measures. The texts are written for the test in the shapes real conversions have (real
//! ones are in `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, Role, Task, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.txt").unwrap()
}

fn lead(task: &Task) -> Vec<&str> {
    task.departments
        .iter()
        .filter(|d| d.role == Role::Lead)
        .map(|d| d.name.as_str())
        .collect()
}

fn co(task: &Task) -> Vec<&str> {
    task.departments
        .iter()
        .filter(|d| d.role == Role::Co)
        .map(|d| d.name.as_str())
        .collect()
}

fn due(task: &Task) -> Vec<String> {
    task.deadlines.iter().map(|d| d.due.to_string()).collect()
}

/// A PDF converted page by page: each page one line, its printed lines run together with
/// spaces (also inside words and unit names), the running header opening each page's text,
/// a footer and a page number after it, a clause cut by the page break, groups of units
/// separated by commas, and targets set by a year opening a clause.
#[test]
fn pages_run_together_with_their_furniture() {
    let header = "某市人民政府办公厅文件";
    let footer = "某市人民政府办公厅发布";
    let text = format!(
        "{header}\n\n# 某市新能源汽车超充行动计划（2024—2025 年）\n\n- 1 -\n  {footer}\n\n* * *\n\n\
         {header} 二、重点任务 （一）科学规划布局 到 2025 年，中心城区 实现超充基础设施密集布点，建成超充站 1340 座；主城 新区建成超充站 430 座。（责任单位：各区 县政府，市经济信息委、市规划自然资\n\n- 2 -\n  {footer}\n\n* * *\n\n\
         {header} 源局，国网重庆电力、重庆高速集 团） （二）优化建设时序 综合考虑超充需求旺盛等因 素，优化建设时序。2024 年建成 1005 座超充站，其中 2025 年中心城区建成 640 座。（责任单位：各区县政府，市交 通运输委）\n\n- 3 -\n  {footer}\n"
    );
    let doc = parse(&text);
    assert_eq!(doc.plan.title, "某市新能源汽车超充行动计划（2024—2025年）");
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 2, "{tasks:#?}");
    assert_eq!(tasks[0].title, "科学规划布局");
    assert_eq!(tasks[0].line, Some(10));
    assert_eq!(lead(&tasks[0]), vec!["各区县政府"]);
    assert_eq!(
        co(&tasks[0]),
        vec![
            "市经济信息委",
            "市规划自然资源局",
            "国网重庆电力",
            "重庆高速集团"
        ]
    );
    assert_eq!(due(&tasks[0]), vec!["2025-12-31"]);
    assert_eq!(tasks[1].title, "优化建设时序");
    assert_eq!(tasks[1].line, Some(17));
    assert_eq!(co(&tasks[1]), vec!["市交通运输委"]);
    assert_eq!(due(&tasks[1]), vec!["2024-12-31", "2025-12-31"]);
}

/// Paragraphs broken by hard line breaks: after a comma, inside a clause's brackets, and in
/// the middle of a word at a page break; a paragraph the conversion wrote twice.
#[test]
fn hard_line_breaks_and_repeated_paragraphs() {
    let doc = parse(
        "某市北斗产业三年行动计划\n\n一、主要任务\n\n\
         1.开展智能交通应用。推动北斗高精度服务在智能网联汽车产业链各环节应用，助力打造数字交通。（牵头部\n\n\
         门：市交通委、市水务局）\n\n\
         2.开展无人系统应用。依托市级车桩监测平台，加快建设数字捷充平台，引导全市新能源汽车接入，\n\n\
         实现一键找桩。（牵头部门：市经济信息化委）\n\n\
         依托市级车桩监测平台，加快建设数字捷充平台，引导全市新能源汽车接入，\n\n\
         实现一键找桩。（牵头部门：市经济信息化委）\n\n\
         二、保障措施\n\n（一）加强统筹协调\n\n健全工作推进机制，做好规划实施与跟踪监督。（各有关单位）\n",
    );
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 3, "{tasks:#?}");
    // Every unit a 牵头部门 label names leads.
    assert_eq!(lead(&tasks[0]), vec!["市交通委", "市水务局"]);
    assert_eq!(lead(&tasks[1]), vec!["市经济信息化委"]);
    assert!(
        tasks[1]
            .body
            .contains("加快建设数字捷充平台，引导全市新能源汽车接入，实现一键找桩")
    );
    assert_eq!(tasks[2].title, "加强统筹协调");
    assert_eq!(lead(&tasks[2]), vec!["各有关单位"]);
}

/// A heading with its own paragraph, then a paragraph whose heading the conversion lost:
/// the first paragraph is the heading's measure, the second a measure of its own.
#[test]
fn a_measure_whose_heading_was_lost() {
    let doc = parse(
        "某市超充行动计划\n\n三、保障措施\n\n（三）加大政策支持力度\n\n\
         设立市级专项奖励资金池，出台评价奖励办法，根据排名给予区县资金奖励。（责任单位：各区县政府，市财政局）\n\n\
         对居民区、学校、医院等领域，研究制定峰谷分时电价机制。（责任单位：市发展改革委、市能源局）\n\n\
         （五）加强宣传引导\n\n制定宣传推广计划。（责任单位：市委宣传部，各区县政府）\n",
    );
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "加大政策支持力度",
            "对居民区、学校、医院等领域，研究制定峰谷分时电价机制",
            "加强宣传引导"
        ]
    );
    assert_eq!(lead(&doc.plan.tasks[1]), vec!["市发展改革委"]);
}

/// A PDF copy with one printed line per line (GB/T 9704's fixed width): the lines of a
/// paragraph are joined again; a shorter line ends the paragraph.
#[test]
fn a_text_hard_wrapped_at_a_fixed_width() {
    let doc = parse(
        "某市2024年重点工作实施方案\n一、重点任务\n\
         （一）扩大有效投资。实施重大项目带动战略，全年新\n\
         开工项目一百个以上，完成投资五百亿元，确保重大\n\
         项目落地见效。（责任单位：市发改委）\n\
         （二）促进消费增长。开展促消费活动，发放消费券一\n\
         亿元，培育新型消费业态，建设一批特色商业街区，\n\
         提升城市消费能级。（责任单位：市商务局）\n\
         （三）稳定外贸外资。支持企业开拓国际市场，组织企\n\
         业参加境外展会，推动外贸新业态发展，加大招商引\n\
         资力度，引进一批重大外资项目。（责任单位：市商\n\
         务局、市发改委）\n\
         （四）优化营商环境。深化放管服改革，推行一网通办\n\
         ，压减审批时限，提升政务服务效能，持续优化法治\n\
         化营商环境。（责任单位：市政务服务局）\n",
    );
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 4, "{tasks:#?}");
    assert!(tasks[0].body.contains("全年新开工项目一百个以上"));
    assert_eq!(lead(&tasks[0]), vec!["市发改委"]);
    assert_eq!(lead(&tasks[2]), vec!["市商务局"]);
    assert_eq!(co(&tasks[2]), vec!["市发改委"]);
    assert_eq!(tasks[3].line, Some(13));
}
