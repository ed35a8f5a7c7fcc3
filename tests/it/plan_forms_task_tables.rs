//! The importer on task lists written as tables the way responsibility lists (责任清单) are
//! copied from PDF pages into Markdown, one short text per form, through the public API:
//! a column of targets for each year, the table continued on the next page under its header
//! again (once with one more, empty, column), rows that continue the measure above them,
//! units run together in the lead cell. The texts are written for the test in the shapes
//! real documents have (real ones are in `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, Role, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.txt").unwrap()
}

fn leads(doc: &ParsedDocument, task: usize) -> Vec<String> {
    doc.plan.tasks[task]
        .departments
        .iter()
        .filter(|d| d.role == Role::Lead)
        .map(|d| d.name.clone())
        .collect()
}

fn due(doc: &ParsedDocument, task: usize) -> Vec<String> {
    let mut due: Vec<String> = doc.plan.tasks[task]
        .deadlines
        .iter()
        .map(|d| d.due.to_string())
        .collect();
    due.sort();
    due
}

const LIST: &str = "某区行动方案责任清单\n\n\
| 序号 | 任务内容 | 2024年目标 | 2025年目标 | 2026年目标 | 牵头单位 |\n\
| --- | --- | --- | --- | --- | --- |\n\
| （一）实施设备更新行动 |  |  |  |  |  |\n\
| 1 | 推动能源设备更新改造 | 更新变压器850台 | 更新变压器1200台 | 更新变压器1440台 | 区发改委盐都供电服务中心 |\n\
| 2 | 推动农业装备更新 | 报废更新农机40台 | 报废更新农机50台 | 报废更新农机50台 | 区农业农村局 |\n\
| 到2027年完成设施大棚更新1000亩 |  |  |  |  |  |\n\
\n\
* * *\n\
\n\
| 序号 | 任务内容 | 2024年目标 | 2025年目标 | 2026年目标 | 牵头单位 |  |\n\
| --- | --- | --- | --- | --- | --- | --- |\n\
| 3 | 提升设备安全水平 | 淘汰打磨一体机27台 |  |  |  | 区应急局 |\n\
| 4 | 推动电梯更新改造 | 更新50台 | 更新60台 | 更新80台 | 区住建局区市场监管局 |  |\n\
\n\
* * *\n\
\n\
| 序号 | 任务内容 | 2024年目标 | 2025年目标 | 2026年目标 | 牵头单位 |\n\
| --- | --- | --- | --- | --- | --- |\n\
| 5 | 开展汽车以旧换新 | 开展新能源汽车下乡活动 |  |  | 区工信局区商务局 |\n\
| 更新公务用车27辆 | 更新公务用车24辆 | 更新公务用车12辆 | 区机关事务服务中心 |  |  |\n\
| 6 | 促进二手商品流通 | 打造二手车出口企业 |  |  | 商务局盐都公安分局工信局发改委 |\n";

/// One task per numbered row: the rows of the next pages under their repeated header (one
/// drawn with an empty column more) included, the header rows and the group row not.
#[test]
fn a_list_continued_over_pages_under_its_header() {
    let doc = parse(LIST);
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "推动能源设备更新改造",
            "推动农业装备更新",
            "提升设备安全水平",
            "推动电梯更新改造",
            "开展汽车以旧换新",
            "促进二手商品流通"
        ]
    );
    assert_eq!(leads(&doc, 2), vec!["区应急局"]);
    assert_eq!(leads(&doc, 3), vec!["区住建局", "区市场监管局"]);
}

/// Each filled cell of a column headed by a year's target is due at that year's end.
#[test]
fn a_column_of_targets_for_each_year() {
    let doc = parse(LIST);
    assert_eq!(due(&doc, 0), vec!["2024-12-31", "2025-12-31", "2026-12-31"]);
    assert_eq!(due(&doc, 2), vec!["2024-12-31"]);
}

/// Rows without a number continue the measure above them: their targets, their unit and
/// their text are that measure's.
#[test]
fn rows_that_continue_the_measure_above() {
    let doc = parse(LIST);
    assert_eq!(
        leads(&doc, 4),
        vec!["区工信局", "区商务局", "区机关事务服务中心"]
    );
    assert_eq!(due(&doc, 4), vec!["2024-12-31", "2025-12-31", "2026-12-31"]);
    assert!(
        doc.plan.tasks[1].body.contains("设施大棚"),
        "{:?}",
        doc.plan.tasks[1]
    );
    assert_eq!(
        due(&doc, 1),
        vec!["2024-12-31", "2025-12-31", "2026-12-31", "2027-12-31"]
    );
}

/// Units run together in the lead cell, whatever their first character.
#[test]
fn units_run_together_in_the_lead_cell() {
    let doc = parse(LIST);
    assert_eq!(leads(&doc, 0), vec!["区发改委", "盐都供电服务中心"]);
    assert_eq!(
        leads(&doc, 5),
        vec!["商务局", "盐都公安分局", "工信局", "发改委"]
    );
}

/// Rows numbered in Chinese numerals (一, （二）) are measures of their own like rows numbered
/// in digits.
#[test]
fn rows_numbered_in_chinese_numerals() {
    let doc = parse(
        "某县重点工作任务分工\n\n\
         | 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n\
         | 一 | 推进项目建设。开工重点项目20个。 | 县发改局 | 2024年12月底前 |\n\
         | （二） | 扩大有效投资。争取专项债券。 | 县财政局 | 2024年6月底前 |\n\
         | 三、 | 优化营商环境。 | 县政务服务中心 | 长期坚持 |\n",
    );
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["推进项目建设", "扩大有效投资", "优化营商环境"]);
    assert_eq!(leads(&doc, 1), vec!["县财政局"]);
}
