use super::*;

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn clause(text: &str) -> Clause {
    find_clause(text).map(|f| f.clause).unwrap_or_default()
}

#[test]
fn responsibility_list_with_rider() {
    let c = clause("推进工作。（责任单位：A厅、B局，C市人民政府按职责分工负责）");
    assert_eq!(c.lead, names(&["A厅"]));
    assert_eq!(c.co, names(&["B局", "C市人民政府"]));
    assert!(c.shared.is_empty());
}

#[test]
fn lead_and_co_labels() {
    let c = clause("正文。（牵头单位：市发改委；配合单位：市财政局、市商务局）");
    assert_eq!(c.lead, names(&["市发改委"]));
    assert_eq!(c.co, names(&["市财政局", "市商务局"]));
    let c = clause("（牵头责任单位：市工信局）");
    assert_eq!(c.lead, names(&["市工信局"]));
    let c = clause("（牵头部门：省科技厅）");
    assert_eq!(c.lead, names(&["省科技厅"]));
    let c = clause("（责任部门：市委宣传部、市文旅局）");
    assert_eq!(c.lead, names(&["市委宣传部"]));
    assert_eq!(c.co, names(&["市文旅局"]));
}

#[test]
fn verb_forms() {
    let c = clause("加强监管（市场监管总局牵头，公安部、商务部配合）。");
    assert_eq!(c.lead, names(&["市场监管总局"]));
    assert_eq!(c.co, names(&["公安部", "商务部"]));
    let c = clause("（省民政厅负责）");
    assert_eq!(c.lead, names(&["省民政厅"]));
    let c = clause("（教育部牵头，国家发展改革委、财政部等按职责分工负责）");
    assert_eq!(c.lead, names(&["教育部"]));
    assert_eq!(c.co, names(&["国家发展改革委", "财政部"]));
    let c = clause("（市发改委、市财政局负责，排在第一位的为牵头单位，下同）");
    assert_eq!(c.lead, names(&["市发改委"]));
    assert_eq!(c.co, names(&["市财政局"]));
    assert!(c.shared.is_empty());
}

#[test]
fn time_limit_in_the_same_brackets() {
    let c = clause("（2025年6月底前完成，牵头单位：市住建局）");
    assert_eq!(c.lead, names(&["市住建局"]));
    assert_eq!(c.time.as_deref(), Some("2025年6月底前完成"));
}

#[test]
fn shared_rider_with_xiatong() {
    let c = clause(
        "正文。（责任单位：省公安厅、省发展改革委，各市州、县市区人民政府按职责分工负责，下同。以下各项任务均需各市州、县市区人民政府落实，不再单独列出）",
    );
    assert_eq!(c.lead, names(&["省公安厅"]));
    assert_eq!(c.co, names(&["省发展改革委", "各市州、县市区人民政府"]));
    assert_eq!(c.shared, names(&["各市州、县市区人民政府"]));
}

#[test]
fn label_lines_and_trailing_labels() {
    assert!(is_label_line("责任单位：市发改委"));
    assert!(is_label_line("牵头考核单位：市委组织部"));
    assert!(!is_label_line("推进工作。"));
    assert_eq!(
        parse_label_lines(&["完成时限：2024年9月底前"]).and_then(|c| c.time),
        Some("2024年9月底前".to_string())
    );
    let c = parse_label_lines(&[
        "牵头单位:区发改局",
        "责任单位:立山经济开发区,全区经济运行各专班",
    ])
    .unwrap_or_default();
    assert_eq!(c.lead, names(&["区发改局"]));
    assert_eq!(c.co, names(&["立山经济开发区", "全区经济运行各专班"]));
    let c = clause("牵头考核单位：市委组织部、市人社局");
    assert_eq!(c.lead, names(&["市委组织部", "市人社局"]));
    let found = find_clause("完善机制。责任单位：区民政局、区财政局");
    assert_eq!(found.as_ref().map(|f| f.start), Some("完善机制。".len()));
}

#[test]
fn lenticular_brackets_and_riders_that_involve() {
    let c = clause(
        "推进建设。〔责任单位:省发展改革委、省市场监管局、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕",
    );
    assert_eq!(c.lead, names(&["省发展改革委"]));
    assert_eq!(
        c.co,
        names(&["省市场监管局", "商务厅", "相关市(州)人民政府"])
    );
    assert_eq!(c.shared, names(&["相关市(州)人民政府"]));
    assert_eq!(
        split_names("各街道、区直各部门"),
        names(&["各街道", "区直各部门"])
    );
    assert_eq!(split_names("各区、县级市"), names(&["各区、县级市"]));
    assert_eq!(
        split_names("市行政审批局市司法局"),
        names(&["市行政审批局", "市司法局"])
    );
    assert_eq!(split_names("人民银行市分行"), names(&["人民银行市分行"]));
}

#[test]
fn brackets_that_are_not_clauses() {
    assert_eq!(find_clause("建设园区（以下简称“园区”）。"), None);
    assert_eq!(find_clause("（企业负责）"), None);
    assert_eq!(find_clause("由各单位自行负责。"), None);
}

#[test]
fn names_split_outside_brackets() {
    assert_eq!(
        split_names("各市、县（市、区）人民政府、市财政局等"),
        names(&["各市、县（市、区）人民政府", "市财政局"])
    );
    assert_eq!(
        split_names("各市州、县市区人民政府"),
        names(&["各市州、县市区人民政府"])
    );
}

#[test]
fn a_bare_list_of_units_closing_the_paragraph() {
    let c = clause("做好规划实施与跟踪监督。（各有关单位）");
    assert_eq!(c.lead, names(&["各有关单位"]));
    let c = clause("推进节能改造（区发改委，相关部门、单位）");
    assert_eq!(c.lead, names(&["区发改委"]));
    let c = clause("推进节能改造（区发改委，相关部门、单位）。");
    assert_eq!(c.lead, names(&["区发改委"]));
    assert_eq!(c.co, names(&["相关部门、单位"]));
    assert!(find_clause("推进各区县（自治县）建设充电设施，覆盖城乡").is_none());
    assert!(find_clause("建成超充站2000座（含改造站）。").is_none());
    assert!(find_clause("炎陵8个：沔渡、十都、中村瑶族（乡）").is_none());
    assert!(find_clause("(市发展和改革委员会)").is_none());
    assert!(find_clause("每月23日前报市政府办公厅(市职转办、市营商办)。").is_none());
}

#[test]
fn groups_of_units_separated_by_commas() {
    let c = clause(
        "建设数字平台。（责任单位：各区县政府，市发展改革委、市经济信息委，重庆高速集团、重庆市绿色能源发展有限公司、国网重庆电力）",
    );
    assert_eq!(c.lead, names(&["各区县政府"]));
    assert_eq!(
        c.co,
        names(&[
            "市发展改革委",
            "市经济信息委",
            "重庆高速集团",
            "重庆市绿色能源发展有限公司",
            "国网重庆电力"
        ])
    );
    let c = clause("科学布局。〔责任单位：各区县（自治县，以下简称区县）政府，市经济信息委〕");
    assert_eq!(c.lead, names(&["各区县（自治县，以下简称区县）政府"]));
}

#[test]
fn rider_with_a_slip_of_the_pen() {
    let c = clause("推进建设。（区工信局、区住建局、区财政局等控职责分工负责）");
    assert_eq!(c.lead, names(&["区工信局"]));
    assert_eq!(c.co, names(&["区住建局", "区财政局"]));
}

#[test]
fn lead_and_co_stated_in_prose() {
    let c = prose_clause(
        "加强统筹协调。试点工作由市工业和信息化局、市发展改革委牵头，市财政局、市市场监管局等部门配合，建立协调机制。",
    )
    .unwrap_or_default();
    assert_eq!(c.lead, names(&["市工业和信息化局", "市发展改革委"]));
    assert_eq!(c.co, names(&["市财政局", "市市场监管局"]));
    assert_eq!(
        prose_clause("建立由市长牵头的联席会议制度，各部门配合。"),
        None
    );
    assert_eq!(find_clause("试点工作由市发改委牵头，市财政局配合。"), None);
}
