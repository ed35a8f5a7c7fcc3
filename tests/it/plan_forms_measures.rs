//! The importer on how documents mark what is a measure and who answers for it, one short
//! text per form, through the public API: "一是…二是…" unfolding one measure, safeguards
//! (保障措施) of a document without clauses, the list of annexes, responsibility stated in
//! prose, a rider with a slip of the pen, a heading that orders a goal met, group headings
//! over measures that carry their own clauses. The texts are written for the test in the
//! shapes real documents have (real ones are in `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, Role, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.txt").unwrap()
}

fn titles(doc: &ParsedDocument) -> Vec<String> {
    doc.plan.tasks.iter().map(|t| t.title.clone()).collect()
}

fn names(doc: &ParsedDocument, task: usize, role: Role) -> Vec<String> {
    doc.plan.tasks[task]
        .departments
        .iter()
        .filter(|d| d.role == role)
        .map(|d| d.name.clone())
        .collect()
}

/// "一是…二是…三是…" right under a measure's heading unfolds that one measure; only a list a
/// lead-in counts ("办好15件民生实事。一是…") is a list of measures.
#[test]
fn ordinal_facets_belong_to_their_measure() {
    let doc = parse(
        "某省充电设施倍增行动方案\n\n一、公共充电设施提质行动\n\n\
         （一）强化重点场景充电服务\n\n\
         一是加快旅游线路充电设施建设。二是加快园区重卡充电设施建设。三是加快出境通道充电设施建设。\n\n\
         （二）完善乡村充电网络\n\n推动乡村充电网络与城市充电网络融合发展。\n\n\
         二、民生实事\n\n\
         （一）办好民生实事\n\n今年再办好3件民生实事。一是新建学校。二是改造小区。三是加装电梯。\n",
    );
    assert_eq!(
        titles(&doc),
        vec![
            "强化重点场景充电服务",
            "完善乡村充电网络",
            "新建学校",
            "改造小区",
            "加装电梯"
        ]
    );
}

/// The list of annexes after the text ("附件：1.《…》" / "2.《…》") names documents, not measures.
#[test]
fn the_list_of_annexes_is_no_measure() {
    let doc = parse(
        "某区设备更新行动方案\n\n一、重点任务\n\n\
         1. 推动工业企业数字化改造。组织编制行业实施指南。（区工信局牵头负责）\n\n\
         2. 推动能源设备更新改造。推动老旧变压器更新。（区发改委牵头负责）\n\n\
         附件：1.《某区设备更新行动方案责任清单》\n\n\
         2.《某区设备更新行动方案政策清单》\n",
    );
    assert_eq!(
        titles(&doc),
        vec!["推动工业企业数字化改造", "推动能源设备更新改造"]
    );
}

/// "…工作由A、B牵头，C、D等部门配合，…": responsibility stated in the measure's prose, in a
/// part whose other points name no one.
#[test]
fn lead_and_co_stated_in_prose() {
    let doc = parse(
        "某市车网互动试点工作方案\n\n一、重点任务\n\n\
         （一）建设充电设施\n\n\
         1.完善充电网络。推动充电设施建设。（责任单位：市发展改革委、市住房城乡建设局）\n\n\
         二、保障措施\n\n\
         （一）加强统筹协调。试点工作由市工业和信息化局、市发展改革委牵头，市财政局、市市场监管局等部门配合，建立协调机制。\n\n\
         （二）加大政策支持。积极争取国家和省的支持。\n",
    );
    assert_eq!(titles(&doc), vec!["完善充电网络", "加强统筹协调"]);
    assert_eq!(
        names(&doc, 1, Role::Lead),
        vec!["市工业和信息化局", "市发展改革委"]
    );
    assert_eq!(names(&doc, 1, Role::Co), vec!["市财政局", "市市场监管局"]);
}

/// "（A、B等控职责分工负责）": the rider with a mistyped first character is still the clause
/// of its measure, and the paragraph after it (its heading lost at a page break) a measure
/// of its own.
#[test]
fn a_rider_with_a_slip_of_the_pen() {
    let doc = parse(
        "某区设备更新行动方案\n\n一、重点任务\n\n\
         18. 推动汽车配套设施改造更新。加快推进充电桩建设。（区工信局、区住建局、区财政局等控职责分工负责）\n\n\
         * * *\n\n\
         车折价回购的方式，开展电动自行车以旧换新。（盐都公安分局、区市场监管局等按职责分工负责）\n",
    );
    assert_eq!(doc.plan.tasks.len(), 2, "{:#?}", doc.plan.tasks);
    assert_eq!(names(&doc, 0, Role::Lead), vec!["区工信局"]);
    assert_eq!(names(&doc, 0, Role::Co), vec!["区住建局", "区财政局"]);
    assert_eq!(names(&doc, 1, Role::Lead), vec!["盐都公安分局"]);
}

/// "一、全面完成“十四五”规划目标": a heading that orders a goal met is a work item; "二、主要
/// 目标" states goals and is not.
#[test]
fn a_heading_that_orders_a_goal_met_is_a_measure() {
    let doc = parse(
        "某市2025年节能减排重点工作安排\n\n\
         一、主要目标\n\n单位GDP能耗下降3%。\n\n\
         二、全面完成“十四五”规划目标\n\n完成全市能耗双控目标，夯实目标分解和推进机制。\n\n\
         三、加快推进能源绿色低碳转型\n\n加快引入市外绿电资源。\n",
    );
    assert_eq!(
        titles(&doc),
        vec!["全面完成“十四五”规划目标", "加快推进能源绿色低碳转型"]
    );
}

/// A group heading whose paragraph orients the sub-measures below it, each of which names
/// who answers for it: the group is no measure of its own.
#[test]
fn a_group_over_assigned_measures_is_no_measure() {
    let doc = parse(
        "工业领域碳达峰实施方案\n\n二、重点任务\n\n\
         （一）积极推行绿色制造。\n\n\
         完善绿色制造体系，深入推进清洁生产。\n\n\
         1.建设绿色低碳工厂。培育绿色工厂。（工业和信息化部、生态环境部等按职责分工负责）\n\n\
         2.构建绿色低碳供应链。支持龙头企业整合资源。（工业和信息化部、商务部等按职责分工负责）\n",
    );
    assert_eq!(titles(&doc), vec!["建设绿色低碳工厂", "构建绿色低碳供应链"]);
}

/// A group heading left with nothing under it (misplaced before the next part) among
/// groups of measures is no measure.
#[test]
fn an_empty_group_is_no_measure() {
    let doc = parse(
        "某区设备更新行动方案\n\n二、重点任务\n\n\
         （一）实施设备更新行动。\n\n\
         1. 推动工业企业数字化改造。组织编制行业实施指南。（区工信局牵头负责）\n\n\
         （二）实施回收循环利用行动。\n\n\
         2. 完善废旧产品回收网络。合理布局回收网点。（区商务局牵头负责）\n\n\
         （三）实施标准提升行动。\n\n\
         三、强化政策保障\n\n\
         3. 加大财政支持力度。积极争取国家资金。（区财政局牵头负责）\n",
    );
    assert_eq!(
        titles(&doc),
        vec![
            "推动工业企业数字化改造",
            "完善废旧产品回收网络",
            "加大财政支持力度"
        ]
    );
}

/// Among headings each over run-in measures (a work report's "大力提振消费。…"), a heading
/// with a single paragraph holds one measure: the paragraph, titled by its first sentence.
#[test]
fn a_heading_among_groups_of_run_in_measures() {
    let doc = parse(
        "2026年某省政府工作报告\n\n二、2026年重点工作\n\n\
         （一）着力实施扩大内需战略\n\n\
         大力提振消费。优化“两新”政策实施。\n\n扩大有效投资。持续开展重大项目建设年活动。\n\n\
         （二）着力推动能源转型\n\n\
         抓实能源科技创新9条路径，加快构建新型能源体系。煤炭智能绿色开采。\n\n\
         （三）着力推进产业升级\n\n\
         优化提升传统产业。推进重点行业产能治理。\n\n壮大新兴支柱产业。培育新能源汽车产业。\n",
    );
    assert_eq!(
        titles(&doc),
        vec![
            "大力提振消费",
            "扩大有效投资",
            "抓实能源科技创新9条路径，加快构建新型能源体系",
            "优化提升传统产业",
            "壮大新兴支柱产业"
        ]
    );
}
