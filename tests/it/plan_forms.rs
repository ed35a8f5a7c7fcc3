//! The importer on each form the issue names, one short text per form, through the public
//! API (`plantrack::plan::parse_text`) and the dry-run report. The texts are written for the
//! test in the shapes real documents use (the real documents are in `tests/corpus/`).
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

#[test]
fn any_document_type_is_a_title_and_prose_gets_the_file_name() {
    let doc = parse("某市2024年政务公开工作要点\n一、重点任务\n（一）深化公开。做好公开。\n");
    assert_eq!(doc.plan.title, "某市2024年政务公开工作要点");
    let doc = parse("今天天气很好，我们去公园。\n晚上回家。\n");
    assert_eq!(doc.plan.title, "form");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("no title found"))
    );
}

#[test]
fn responsibility_forms_in_a_task_list() {
    let doc = parse(
        "某市2024年重点工作任务分工方案\n\
         一、扩大有效需求\n\
         1.扩大有效投资。实施重大项目。（牵头单位：市发改委；配合单位：市财政局、市住建局）\n\
         2.促进消费。开展促消费活动。（市商务局牵头，市文旅局、市财政局配合）\n\
         3.稳定外贸。支持企业拓市场。（市商务局负责）\n\
         4.优化营商环境。推进改革。（市政务服务局、市发改委负责，排在第一位的为牵头单位，下同）\n\
         5.加强要素保障。（2024年6月底前完成，牵头单位：市自然资源局）\n\
         6.做好就业工作。落实政策。\n\
         责任单位：市人社局、市教育局\n",
    );
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 6, "{tasks:#?}");
    assert_eq!(lead(&tasks[0]), vec!["市发改委"]);
    assert_eq!(co(&tasks[0]), vec!["市财政局", "市住建局"]);
    assert_eq!(lead(&tasks[1]), vec!["市商务局"]);
    assert_eq!(co(&tasks[1]), vec!["市文旅局", "市财政局"]);
    assert_eq!(lead(&tasks[2]), vec!["市商务局"]);
    assert_eq!(lead(&tasks[3]), vec!["市政务服务局"]);
    assert_eq!(co(&tasks[3]), vec!["市发改委"]);
    assert_eq!(lead(&tasks[4]), vec!["市自然资源局"]);
    assert_eq!(tasks[4].deadlines[0].due.to_string(), "2024-06-30");
    assert_eq!(lead(&tasks[5]), vec!["市人社局"]);
    assert_eq!(co(&tasks[5]), vec!["市教育局"]);
    assert_eq!(tasks[5].line, Some(8));
}

#[test]
fn task_tables_with_tabs_and_pipes() {
    let tabs = "某区2024年重点任务清单\n序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t建设产业园区。\t区发改局\t区财政局、区住建局\t2024年12月\n2\t改造老旧小区。\t区住建局\t\t年底前\n";
    let doc = parse(tabs);
    assert_eq!(doc.plan.tasks.len(), 2);
    assert_eq!(lead(&doc.plan.tasks[0]), vec!["区发改局"]);
    assert_eq!(co(&doc.plan.tasks[0]), vec!["区财政局", "区住建局"]);
    assert_eq!(doc.plan.tasks[1].deadlines[0].due.to_string(), "2024-12-31");
    let pipes = "某区重点任务清单\n| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 建设产业园区。 | 区发改局 | 区财政局 | 2024年12月 |\n";
    let doc = parse(pipes);
    assert_eq!(doc.plan.tasks.len(), 1);
    assert_eq!(doc.plan.tasks[0].title, "建设产业园区");
    assert_eq!(doc.plan.tasks[0].line, Some(4));
}

#[test]
fn boxes_in_every_heading_style_with_their_items() {
    let doc = parse(
        "某市数字经济发展规划\n\
         第一章 发展数字产业\n\
         # 专栏1 数字产业工程\n\
         智慧园区建设。建设数据中心。（责任单位：市工信局、市数据局）\n\
         物流枢纽建设。建设仓储基地。（责任单位：市商务局）\n\
         第二章 推进数字治理\n\
         **专栏2：城市大脑工程**\n\
         建设城市运行管理平台，实现一网统管。\n\
         第三章 保障措施\n",
    );
    let boxes = &doc.plan.boxes;
    assert_eq!(boxes.len(), 2);
    assert_eq!(boxes[0].title.as_deref(), Some("数字产业工程"));
    assert_eq!(boxes[0].items.len(), 2);
    assert_eq!(boxes[0].items[0].departments[0].name, "市工信局");
    assert_eq!(boxes[0].items[0].departments[0].role, Role::Lead);
    assert!(
        doc.plan.tasks.is_empty(),
        "box items with clauses are items, not also tasks: {:?}",
        doc.plan.tasks
    );
    assert_eq!(boxes[1].title.as_deref(), Some("城市大脑工程"));
    assert_eq!(
        boxes[1].items.len(),
        1,
        "a box of one paragraph is one item"
    );
}

#[test]
fn indicators_run_together_on_one_line() {
    let doc = parse(
        "某市新型城镇化规划\n第一章 发展目标\n专栏1 主要指标\n指标名称2020年2025年属性\n常住人口城镇化率（%）58.7665预期性\n城镇新增就业（万人）[385]＞[325]预期性\n第二章 任务\n",
    );
    let indicators = &doc.plan.indicators;
    assert_eq!(indicators.len(), 2);
    assert_eq!(indicators[0].name, "常住人口城镇化率");
    assert_eq!(indicators[0].unit.as_deref(), Some("%"));
    assert_eq!(indicators[0].baseline.as_ref().unwrap().value, "58.76");
    assert_eq!(indicators[0].target.as_ref().unwrap().value, "65");
    assert_eq!(indicators[0].target.as_ref().unwrap().year, Some(2025));
    assert!(indicators[1].target.as_ref().unwrap().cumulative);
    assert_eq!(doc.plan.boxes[0].kind, BoxKind::IndicatorTable);
}

#[test]
fn numbering_forms_and_run_in_tasks() {
    let doc = parse(
        "某县2024年工作要点\n\
         一、重点工作\n\
         （一）发展产业\n\
         培育工业互联网平台。推动企业上云。（责任单位：县工信局）\n\
         加快数据流通。建设交易平台。（责任单位：县数据局）\n\
         （二）改善民生\n\
         1﹒新建学校。扩建学位。（责任单位：县教育局）\n\
         ①新增床位。（责任单位：县民政局）\n",
    );
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec!["培育工业互联网平台", "加快数据流通", "新建学校", "新增床位"]
    );
    assert_eq!(doc.plan.tasks[2].number, "1");
    assert_eq!(doc.plan.tasks[2].group.as_deref(), Some("（二）改善民生"));
}

#[test]
fn glossary_under_a_bold_heading_with_unnumbered_terms() {
    let doc = parse(
        "某市规划纲要\n第一章 总则\n正文。\n**名词解释**\n新型基础设施：以新发展理念为引领的基础设施体系。\n“双碳”目标：碳达峰、碳中和。\n",
    );
    let terms: Vec<&str> = doc.plan.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(terms, vec!["新型基础设施", "“双碳”目标"]);
}

#[test]
fn the_dry_run_reports_coverage_and_what_was_missed() {
    let doc = parse(
        "某市2024年重点工作任务分工方案\n一、重点任务\n1.扩大投资。（牵头单位：市发改委）\n二、其他事项\n（三）做好宣传工作，营造良好氛围。加强解读。\n",
    );
    let merged = plan::merge_renditions(vec![doc]);
    let mut out = Vec::new();
    plantrack::report::dry_run::write_text(&merged, &mut out).unwrap();
    let report = String::from_utf8(out).unwrap();
    assert!(report.contains("coverage of form.txt"), "{report}");
    assert!(report.contains("1 tasks"), "{report}");
    let coverage = &merged[0].coverage[0];
    assert_eq!(coverage.tasks, 1);
    assert!(
        report.contains("not placed: line 5 (numbered): （三）做好宣传工作"),
        "{report}"
    );
}

#[test]
fn an_assessment_annex_names_its_lead_assessors() {
    let doc = parse(
        "某市高质量发展绩效考评办法\n附件\n考评指标及牵头考核单位\n| 序号 | 考核项目 | 考核内容 | 分值 | 牵头考核单位 |\n| 1 | 经济发展 | 地区生产总值增长目标完成情况。 | 10 | 市统计局 |\n| 2 | 营商环境 | 营商环境评价排名。 | 8 | 市发改委、市政务服务局 |\n",
    );
    let tasks = &doc.plan.tasks;
    assert_eq!(tasks.len(), 2, "{tasks:#?}");
    assert_eq!(tasks[0].title, "地区生产总值增长目标完成情况");
    assert_eq!(tasks[0].group.as_deref(), Some("经济发展"));
    assert_eq!(lead(&tasks[1]), vec!["市发改委", "市政务服务局"]);
}

#[test]
fn a_box_written_as_a_table_of_projects() {
    let doc = parse(
        "某市“十四五”交通规划\n第一章 完善路网\n专栏1 重点交通项目\n| 序号 | 项目名称 | 建设内容 | 责任单位 | 建设期限 |\n|---|---|---|---|---|\n| 1 | 城际铁路 | 新建线路30公里 | 市交通局、市发改委 | 2025年 |\n| 2 | 环城高速 | 扩容改造 | 市交通局 | 2024年底前 |\n第二章 保障\n",
    );
    let b = &doc.plan.boxes[0];
    assert_eq!(b.kind, BoxKind::Items);
    let titles: Vec<&str> = b.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, vec!["城际铁路", "环城高速"]);
    assert_eq!(b.items[0].departments[0].name, "市交通局");
    assert_eq!(b.items[0].deadlines[0].due.to_string(), "2025-12-31");
    assert_eq!(b.items[1].line, Some(7));
}

#[test]
fn a_flattened_document_is_split_on_its_numbering_with_a_warning() {
    let filler = "坚持问题导向，强化统筹协调，推动各项工作落地见效，".repeat(40);
    let text = format!(
        "某市优化营商环境若干措施\n一、总体要求 {filler}。二、主要措施 （一）提升政务服务。1.推行一网通办。{filler}（责任单位：市政务服务局）2.压减审批时限。全面推行告知承诺。（责任单位：市司法局、市发改委）（二）强化要素保障。3.保障用地需求。（责任单位：市自然资源局）\n"
    );
    let doc = parse(&text);
    let numbers: Vec<&str> = doc.plan.tasks.iter().map(|t| t.number.as_str()).collect();
    assert_eq!(numbers, vec!["1", "2", "3"]);
    assert!(doc.plan.tasks.iter().all(|t| t.line == Some(2)));
    assert_eq!(lead(&doc.plan.tasks[1]), vec!["市司法局"]);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.line == Some(2) && w.message.contains("flattened"))
    );
}

#[test]
fn a_publishing_notice_gives_way_to_the_document_it_publishes() {
    let doc = parse(
        "某市人民政府办公室关于印发《某市2024年重点工作任务分工方案》的通知\n某政办发〔2024〕3号\n各县市区人民政府：\n现将《某市2024年重点工作任务分工方案》印发给你们，请认真贯彻落实。\n一、各单位要高度重视，逐项细化。\n某市人民政府办公室\n2024年2月1日\n某市2024年重点工作任务分工方案\n一、稳定经济增长\n1.扩大有效投资。6月底前开工项目100个。（牵头单位：市发改委）\n",
    );
    assert_eq!(doc.plan.title, "某市2024年重点工作任务分工方案");
    assert_eq!(doc.plan.doc_number.as_deref(), Some("某政办发〔2024〕3号"));
    assert_eq!(
        doc.plan.tasks.len(),
        1,
        "the notice's own 一、 is not a task"
    );
    assert_eq!(doc.plan.tasks[0].deadlines[0].due.to_string(), "2024-06-30");
}

#[test]
fn a_chapter_heading_whose_paragraph_sets_a_date_is_a_measure() {
    let doc = parse(
        "国家某局综合司关于做好规划建设工作有关事项的通知\n某综通〔2023〕47号\n\
         一、充分认识重要意义\n推进高质量发展意义重大。\n\
         二、抓紧开展需求论证\n坚持需求导向，深入开展需求论证工作。力争今年上半年全面完成。\n\
         （一）分省开展需求论证。各省组织开展论证工作。\n\
         （二）科学分析未来需求。客观分析负荷水平。\n\
         三、有序开展纳规工作\n各省要对项目进行评估。\n",
    );
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "抓紧开展需求论证",
            "分省开展需求论证",
            "科学分析未来需求",
            "有序开展纳规工作"
        ]
    );
    assert_eq!(doc.plan.tasks[0].deadlines[0].due.to_string(), "2023-06-30");
}
