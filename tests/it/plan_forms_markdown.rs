//! The importer on the forms of web pages rendered as Markdown (scrapes of government
//! portals, converters' output), one short text per form, through the public API. The texts
//! are written for the test in the shapes real renditions have (real ones are in
//! `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, BoxKind, ParsedDocument, Role, Task, TextEncoding};

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

/// A task table as web pages render it: an empty first header row, the real header third,
/// group rows of one cell, merged cells left out of the rows they cover, units broken by
/// `<br>`, and three roles (牵头部门 leads; 主责单位 and 协办单位 share).
#[test]
fn a_web_task_table_with_merged_cells_and_three_roles() {
    let doc = parse(
        "附件2：某区绿色低碳转型2026年行动计划\n\n\
         |     |     |     |     |     |     |     |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n\
         | 序号 | 重点任务 | 工作措施 | 完成时限 | 牵头部门 | 主责单位 | 协办单位 |\n\
         | 一、应对气候变化 |\n\
         | 1 | 控制排放 | 完成碳排放强度目标。 | 年底前 | 区发展改革委 | 区生态环境局<br>区城市管理委 |\n\
         | 推进碳足迹核算。 | 11月底前 | 区生态环境局 | 区市场监管局 | 各街镇 |\n\
         | 开展碳排放评价。 | 按时间节点完成 | 区生态环境局 | —— |\n\
         | 2 | 强化韧性 | 融入国土空间规划。 | 年底前 | 市规划自然资源委<br>丰台分局 | 区住房城乡建设委区水务局 |\n",
    );
    assert_eq!(doc.plan.title, "某区绿色低碳转型2026年行动计划");
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 4, "{tasks:#?}");
    assert_eq!(tasks[0].title, "完成碳排放强度目标");
    assert_eq!(tasks[0].group.as_deref(), Some("控制排放"));
    assert_eq!(lead(&tasks[0]), vec!["区发展改革委"]);
    assert_eq!(co(&tasks[0]), vec!["区生态环境局", "区城市管理委"]);
    assert_eq!(due(&tasks[0]), vec!["2026-12-31"]);
    // A row whose 序号 and 重点任务 are merged with the row above.
    assert_eq!(tasks[1].title, "推进碳足迹核算");
    assert_eq!(lead(&tasks[1]), vec!["区生态环境局"]);
    assert_eq!(co(&tasks[1]), vec!["区市场监管局", "各街镇"]);
    assert_eq!(due(&tasks[1]), vec!["2026-11-30"]);
    assert_eq!(tasks[1].line, Some(8));
    assert!(co(&tasks[2]).is_empty() && due(&tasks[2]).is_empty());
    assert_eq!(lead(&tasks[3]), vec!["市规划自然资源委丰台分局"]);
    assert_eq!(co(&tasks[3]), vec!["区住房城乡建设委", "区水务局"]);
}

/// A task list whose 牵头 cell is merged over several rows, a header dating the work
/// ("2024年推进任务"), and a duty list (序号 | 部门 | 职责清单) whose 部门 cell is merged.
#[test]
fn merged_lead_cells_are_shared_and_a_year_header_dates_the_rows() {
    let doc = parse(
        "某市2024年设备更新任务清单\n\n\
         | 序号 | 领域 | 2024年推进任务 | 牵头责任部门 |\n\
         | --- | --- | --- | --- |\n\
         | 一、实施设备更新行动 |\n\
         | 1 | 能源 | 改造煤电机组。 | 市发改委 |\n\
         | 2 | 建设电源项目。 |\n\
         | 3 | 淘汰老旧柴油货车。 | 市交通局、市生态环境局 |\n\n\
         某市设备更新工作部门职责清单\n\n\
         | 序号 | 部门 | 职责清单 |\n\
         | --- | --- | --- |\n\
         | 1 | 市教育局 | 更新教学设备。 |\n\
         | 2 | 推动实验室建设。 |\n",
    );
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 5, "{tasks:#?}");
    assert_eq!(lead(&tasks[1]), vec!["市发改委"]);
    assert_eq!(tasks[1].title, "建设电源项目");
    assert_eq!(due(&tasks[1]), vec!["2024-12-31"]);
    // A 牵头 column lists leads only.
    assert_eq!(lead(&tasks[2]), vec!["市交通局", "市生态环境局"]);
    assert_eq!(tasks[4].title, "推动实验室建设");
    assert_eq!(lead(&tasks[4]), vec!["市教育局"]);
    assert!(due(&tasks[4]).is_empty());
}

/// An indicator table with group rows of one cell, escaped marks, the 属性 column before the
/// target, and a row that left out its merged 类别 cell.
#[test]
fn a_web_indicator_table() {
    let doc = parse(
        "某市“十五五”规划纲要\n\n第一章 发展目标\n\n\
         专栏1　主要指标\n\n\
         | 序号 | 类别 | 指标名称 | 单位 | 属性 | 目标值 |\n\
         | --- | --- | --- | --- | --- | --- |\n\
         | 一、经济发展 |\n\
         | 1 | 总量 | 地区生产总值增长 | % | 预期性 | 5—5.5\\* |\n\
         | 2 | 人均地区生产总值 | 万元 | 预期性 | 14 |\n\n\
         注：带\\*为年均增速。\n\n第二章 重点任务\n",
    );
    let indicators = &doc.plan.indicators;
    assert_eq!(indicators.len(), 2, "{indicators:#?}");
    assert_eq!(indicators[0].target.as_ref().unwrap().value, "5—5.5*");
    assert_eq!(indicators[1].name, "人均地区生产总值");
    assert_eq!(indicators[1].unit.as_deref(), Some("万元"));
    assert_eq!(indicators[1].target.as_ref().unwrap().value, "14");
    assert_eq!(indicators[1].attribute, Some(plan::Attribute::Expected));
    assert_eq!(doc.plan.boxes[0].kind, BoxKind::IndicatorTable);
}

/// A box drawn as a table of one column ends with the table, even when its items are
/// titled paragraphs and the text after it opens with a heading like a group's.
#[test]
fn a_box_drawn_as_a_table_ends_with_it() {
    let doc = parse(
        "某区碳达峰实施方案\n\n一、重点任务\n\n（一）推动能源低碳转型\n\n\
         ###### 专栏1 新型储能重点方向\n\n\
         | 电化学储能。推进大容量电池研发。 |\n| --- |\n| 压缩空气储能。建设示范项目。 |\n\n\
         （二）推动产业绿色升级\n\n\
         绿色制造。建设绿色工厂。（责任单位：区经委）\n",
    );
    let items: Vec<&str> = doc.plan.boxes[0]
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(items, vec!["电化学储能", "压缩空气储能"]);
    let last = doc.plan.tasks.last().unwrap();
    assert_eq!(last.title, "推动产业绿色升级");
    assert_eq!(lead(last), vec!["区经委"]);
    assert!(doc.plan.tasks.iter().all(|t| !t.title.contains("储能")));
}

/// Boxes on web pages: a `######` heading over a table of one column whose cell holds the
/// items (`<br>` between them), and a box published as a picture.
#[test]
fn boxes_drawn_as_one_cell_tables_and_boxes_as_pictures() {
    let doc = parse(
        "某市数字经济发展规划\n\n第一章 发展数字产业\n\n\
         ###### 专栏1 数字产业工程\n\n\
         | 1．智慧园区。建设数据中心。<br>2．物流枢纽。建设仓储基地。 |\n\
         | --- |\n\n\
         推进产业数字化转型，培育新业态。\n\n\
         ![专栏2.jpg](https://www.example.gov.cn/W0201.jpg)\n\n\
         第二章 推进数字治理\n",
    );
    let boxes = &doc.plan.boxes;
    assert_eq!(boxes.len(), 2, "{boxes:#?}");
    assert_eq!(boxes[0].title.as_deref(), Some("数字产业工程"));
    let items: Vec<&str> = boxes[0].items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(items, vec!["智慧园区", "物流枢纽"]);
    assert_eq!(boxes[1].number, 2);
    assert!(boxes[1].items.is_empty() && boxes[1].title.is_none());
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("专栏2 is a picture"))
    );
}

/// A portal page: breadcrumb links, a search box, the page title, a notice asking for
/// comments on the document, then the document under its own heading.
#[test]
fn the_title_of_a_portal_page() {
    let doc = parse(
        "1. [首页](https://www.example.gov.cn/ \"首页\")\n\n\
         ## 该区域包含搜索框和检索按钮\n\n智能搜索\n\n搜一下\n\n\
         某区节能降碳“十五五”规划\n\n\
         ##### 关于《某区节能降碳“十五五”规划（草案）》征询公众意见的公告\n\n\
         一、市民和各有关单位可以将书面意见寄送区发展和改革委员会。\n\n\
         二、征求意见截止日期为2026年5月1日。\n\n\
         ##### 某区节能降碳 “十五五”规划（草案）\n\n\
         一、重点任务\n\n\
         1、推进既有建筑节能改造。\n",
    );
    assert_eq!(doc.plan.title, "某区节能降碳“十五五”规划（草案）");
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["推进既有建筑节能改造"]);
}

/// A part of a longer document, cut at a 篇 heading: titled by that heading.
#[test]
fn a_part_of_a_longer_document() {
    let doc = parse(
        "第四篇　深入实施科技创新战略\n\n因地制宜发展新质生产力\n\n\
         第十一章　提升科技创新能级\n\n专栏12　重点平台\n\n1．科学城。建设创新极核。\n",
    );
    assert_eq!(doc.plan.title, "第四篇 深入实施科技创新战略");
    assert_eq!(doc.plan.boxes.len(), 1);
}

/// A box drawn as a block quote, its items a Markdown list.
#[test]
fn a_box_drawn_as_a_block_quote_with_a_list() {
    let doc = parse(
        "某市储能发展规划\n\n第一章 发展储能\n\n\
         > 专栏1 新型储能重点方向\n>\n> - 电化学储能：推进大容量电池研发。\n> - 压缩空气储能：建设示范项目。\n\n\
         推进储能多元化发展。\n\n第二章 保障措施\n",
    );
    let items: Vec<&str> = doc.plan.boxes[0]
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(items, vec!["电化学储能", "压缩空气储能"]);
}
