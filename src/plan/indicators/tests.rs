use super::*;

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

#[test]
fn simple_indicator_table() {
    let rows = vec![
        row(&["序号", "指标名称", "2020年", "2025年", "属性"]),
        row(&["1", "常住人口城镇化率（%）", "58.76", "63", "预期性"]),
        row(&[
            "2",
            "城镇新增就业人数（万人）",
            "[385]",
            "＞[325]",
            "预期性",
        ]),
        row(&[
            "8",
            "新增建设用地面积（km2）",
            "—",
            "＜604（以国家下达为准）",
            "约束性",
        ]),
    ];
    assert!(is_indicator_table(&rows));
    let found = indicators_from_rows(&rows, Some(1));
    assert_eq!(found.len(), 3);
    assert_eq!(found[0].name, "常住人口城镇化率");
    assert_eq!(found[0].unit.as_deref(), Some("%"));
    assert_eq!(
        found[0].baseline,
        Some(Measure {
            year: Some(2020),
            value: "58.76".into(),
            cumulative: false
        })
    );
    assert_eq!(
        found[1].target,
        Some(Measure {
            year: Some(2025),
            value: "＞[325]".into(),
            cumulative: true
        })
    );
    assert_eq!(
        found[2].target.as_ref().map(|m| m.value.as_str()),
        Some("＜604")
    );
    assert_eq!(found[2].notes, vec!["（以国家下达为准）".to_string()]);
    assert_eq!(found[2].attribute, Some(Attribute::Binding));
}

#[test]
fn merged_two_row_header() {
    let rows = vec![
        row(&[
            "类别",
            "序号",
            "指 标 名 称",
            "2020年",
            "规划目标",
            "实现情况",
        ]),
        row(&[
            "",
            "",
            "",
            "",
            "2025年",
            "年均增速[累计]",
            "2025年",
            "年均增速[累计]",
        ]),
        row(&[
            "经济发展",
            "1",
            "地区生产总值增长（%）",
            "3.8",
            "-",
            "＞6",
            "-",
            "5.2",
        ]),
    ];
    let found = indicators_from_rows(&rows, Some(1));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].category.as_deref(), Some("经济发展"));
    assert_eq!(
        found[0].target.as_ref().map(|m| m.value.as_str()),
        Some("＞6")
    );
    assert_eq!(found[0].target.as_ref().and_then(|m| m.year), Some(2025));
    assert_eq!(
        found[0].notes,
        vec!["实现情况 年均增速[累计]: 5.2".to_string()]
    );
}
