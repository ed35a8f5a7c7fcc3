//! The importer on how measures date their targets, one short text per form, through the
//! public API: a yearly breakdown after 其中, a year opening a clause with its verb, years
//! listed together or as a period, a day that ends a period, a year's plan saying 全年. The
//! texts are written for the test in the shapes real documents have (real ones are in
//! `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.txt").unwrap()
}

/// The due dates of each task, in the order found.
fn due(doc: &ParsedDocument) -> Vec<Vec<String>> {
    doc.plan
        .tasks
        .iter()
        .map(|t| t.deadlines.iter().map(|d| d.due.to_string()).collect())
        .collect()
}

/// "到2027年更新5218台，其中2024年850台、2025年1200台…": every year of the breakdown is a
/// milestone, and so is a year that opens a clause with what is to be done in it.
#[test]
fn a_yearly_breakdown_and_years_opening_their_clauses() {
    let doc = parse(
        "某区设备更新行动方案\n\n一、重点任务\n\n\
         1. 推动能源设备更新改造。到2027年更新老旧设备5218台，其中2024年850台、2025年1200台、2026年1440台、2027年1728台。（区发改委牵头负责）\n\n\
         2. 推动市政设施更新。推动液化气钢瓶更换，2024年更换10万个。（区住建局牵头负责）\n\n\
         3. 强化工业固废利用。到2025年，综合利用率达到57%，2030年进一步提升至62%。（区工信局牵头负责）\n",
    );
    assert_eq!(
        due(&doc),
        vec![
            vec!["2027-12-31", "2024-12-31", "2025-12-31", "2026-12-31"],
            vec!["2024-12-31"],
            vec!["2025-12-31", "2030-12-31"],
        ]
    );
}

/// "2024、2025年计划合计完成…" dates the last year listed; "2025年至2027年…推进" the end of
/// the period; "（2024年4月24日至2024年12月31日）" the day the period ends.
#[test]
fn years_listed_periods_and_days() {
    let doc = parse(
        "某省设备更新实施方案\n\n一、重点任务\n\n\
         （一）加快能源领域设备更新。推动煤电机组改造，2024、2025年计划合计完成130万千瓦。（牵头单位：省能源局）\n\n\
         （二）推动运输车辆更新。2024年，更新新能源公交车400辆左右，2025年至2027年结合财政补贴状况推进持续更新。（牵头单位：省交通运输厅）\n\n\
         （三）开展汽车以旧换新。在规定期限（2024年4月24日至2024年12月31日）内给予补贴。（牵头单位：省商务厅）\n",
    );
    assert_eq!(
        due(&doc),
        vec![
            vec!["2025-12-31"],
            vec!["2024-12-31", "2027-12-31"],
            vec!["2024-12-31"],
        ]
    );
}

/// A year's work plan: "全年新增…" and "力争年内…" are due at the end of the document's year;
/// a base year ("较2023年") and a past year are none.
#[test]
fn the_whole_year_of_a_years_plan() {
    let doc = parse(
        "某市2025年节能减排重点工作安排\n\n沪发改环资〔2025〕61号\n\n\
         一、不断提升碳汇能力\n\n完成“千园工程”建设，全年新增城乡公园120座。\n\n\
         二、推进绿色交通\n\n力争年内完成公交车辆电动化。\n\n\
         三、持续减排\n\n排放总量较2023年下降5%。\n",
    );
    assert_eq!(
        due(&doc),
        vec![vec!["2025-12-31"], vec!["2025-12-31"], Vec::<&str>::new()]
    );
}
