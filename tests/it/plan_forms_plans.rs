//! The importer on the forms of 规划 and their annexes, one short text per form, through the
//! public API: box items whose headings are a word or two with the body on the next line,
//! headings of 篇 and 章 split over two lines, a 名词解释 annex announced before it appears,
//! a glossary written as a table. The texts are written for the test in the shapes real
//! plans have (real ones are in `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.txt").unwrap()
}

fn item_titles(doc: &ParsedDocument, number: u32) -> Vec<String> {
    doc.plan
        .boxes
        .iter()
        .find(|b| b.number == number)
        .map(|b| b.items.iter().map(|i| i.title.clone()).collect())
        .unwrap_or_default()
}

/// Items headed by a word or two, alone on their line, the body on the next line.
#[test]
fn box_items_with_short_headings_over_their_bodies() {
    let doc = parse(
        "某市“十五五”规划纲要\n\n第一章 完善基础设施\n\n\
         专栏1　基础设施重点项目\n\n\
         1．铁路\n\n建成城际铁路，开工建设货运专线，推进枢纽站场改造提升。\n\n\
         2．水\n\n建设引调水工程和中型水库，推进灌区现代化改造。\n\n\
         3．电网\n\n建设特高压输电通道，完善城乡配电网。\n\n\
         专栏2　民生重点工程\n\n\
         （一）就业\n\n实施高校毕业生就业促进计划，开展职业技能培训。\n\n\
         （二）医疗\n\n建设区域医疗中心，推进县级医院提标扩能。\n\n\
         第二章 推进产业升级\n\n推进制造业高端化、智能化、绿色化发展。\n",
    );
    assert_eq!(item_titles(&doc, 1), vec!["铁路", "水", "电网"]);
    assert_eq!(item_titles(&doc, 2), vec!["就业", "医疗"]);
    let first = &doc.plan.boxes[0].items[0];
    assert!(first.body.contains("建成城际铁路"), "{first:?}");
}

/// Headings of a 篇 and a 章 written over two lines, each with a box under it.
#[test]
fn part_and_chapter_titles_split_over_two_lines() {
    let doc = parse(
        "某市国民经济和社会发展第十五个五年规划纲要\n\n\
         第三篇　提升发展能级\n\n加快建设重要增长极\n\n\
         第三十三章　深入推进以区县城和中心镇\n\n为重要载体的新型城镇化\n\n\
         推进以人为本的新型城镇化。\n\n\
         专栏5　新型城镇化重点任务\n\n1．县城补短板。完善市政设施。\n\n2．中心镇提质。建设特色小镇。\n",
    );
    assert_eq!(item_titles(&doc, 5), vec!["县城补短板", "中心镇提质"]);
    let b = &doc.plan.boxes[0];
    assert_eq!(
        b.chapter.as_deref(),
        Some("第三十三章 深入推进以区县城和中心镇为重要载体的新型城镇化")
    );
}

/// A 名词解释 annex listed in the notice and after the text, then given in full.
#[test]
fn a_glossary_announced_before_it_appears() {
    let doc = parse(
        "某区人民政府关于印发《某区碳达峰实施方案》的通知\n\n\
         各街道办事处，区政府各委、办、局：\n\n\
         现将《某区碳达峰实施方案》印发给你们，请认真贯彻执行。\n\n\
         附件：名词解释\n\n某区人民政府\n\n2022年6月1日\n\n\
         某区碳达峰实施方案\n\n一、重点任务\n\n\
         （一）推进能源低碳转型。大力发展光伏发电。（责任单位：区发改委）\n\n\
         附件：名词解释\n\n\
         附件\n\n名词解释\n\n\
         1.碳达峰：指二氧化碳排放量达到历史最高值，然后经历平台期进入持续下降的过程。\n\n\
         2.碳中和：指二氧化碳排放量与吸收量相互抵消。\n",
    );
    let terms: Vec<&str> = doc.plan.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(terms, vec!["碳达峰", "碳中和"]);
    assert_eq!(doc.plan.tasks.len(), 1, "{:#?}", doc.plan.tasks);
}

/// A glossary written as a table (序号 | 名词 | 解释).
#[test]
fn a_glossary_written_as_a_table() {
    let doc = parse(
        "某市数字经济发展规划\n\n第一章 总则\n\n正文。\n\n名词解释\n\n\
         | 序号 | 名词 | 解释 |\n| --- | --- | --- |\n\
         | 1 | 算力 | 数据处理能力。 |\n| 2 | 数据要素 | 参与社会生产经营活动的数据资源。 |\n",
    );
    let terms: Vec<&str> = doc.plan.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(terms, vec!["算力", "数据要素"]);
    assert_eq!(
        doc.plan.glossary[1].definition,
        "参与社会生产经营活动的数据资源。"
    );
}

/// Boxes whose items are marked with a dash ("——"): under labels closed by a colon (their
/// groups), or as the body of the short heading above them.
#[test]
fn dashed_items_under_labels_and_headings() {
    let doc = parse(
        "某省新型储能实施方案\n\n一、积极试点示范\n\n开展试点示范。\n\n\
         专栏2 新型储能技术试点示范\n\n\
         技术示范：\n\n——百兆瓦级先进压缩空气储能系统应用\n\n——飞轮储能技术规模化应用\n\n\
         专栏3 首批试点示范项目\n\n\
         河北：\n\n——国家风光储输示范工程二期储能扩建工程\n\n\
         广东：\n\n——佛山市顺德德胜电厂储能调频项目\n\n——宁德时代储能微网项目\n\n\
         专栏4 新型储能区域示范\n\n\
         青海省国家储能发展先行示范区重点项目\n\n——德令哈压缩空气储能试点项目，建设共享储能示范。\n\n\
         张家口可再生能源示范区新型储能创新发展\n\n——开展新型储能技术创新示范。\n\n\
         二、推动规模化发展\n\n推进新型储能发展。\n",
    );
    assert_eq!(
        item_titles(&doc, 2),
        vec!["百兆瓦级先进压缩空气储能系统应用", "飞轮储能技术规模化应用"]
    );
    assert_eq!(
        doc.plan.boxes[0].items[0].group.as_deref(),
        Some("技术示范")
    );
    assert_eq!(
        item_titles(&doc, 3),
        vec![
            "国家风光储输示范工程二期储能扩建工程",
            "佛山市顺德德胜电厂储能调频项目",
            "宁德时代储能微网项目"
        ]
    );
    assert_eq!(
        item_titles(&doc, 4),
        vec![
            "青海省国家储能发展先行示范区重点项目",
            "张家口可再生能源示范区新型储能创新发展"
        ]
    );
    assert!(doc.plan.boxes[2].items[0].body.contains("德令哈"));
}

/// Glossary terms that start with a figure ("7．15分钟…", "8．885。") read like decimals;
/// numbered after the entry before them, they are entries.
#[test]
fn glossary_terms_that_start_with_a_figure() {
    let doc = parse(
        "某市规划纲要\n\n第一章 总则\n\n正文。\n\n名词解释\n\n\
         6．数字孪生。指充分利用物理模型的仿真过程。\n\n\
         7．15分钟高品质生活服务圈。指15分钟慢行可达空间范围内的各项功能。\n\n\
         8．885。第1个“8”，指八张报表。\n",
    );
    let terms: Vec<&str> = doc.plan.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(terms, vec!["数字孪生", "15分钟高品质生活服务圈", "885"]);
}
