use super::*;

#[test]
fn finds_year_phrases_with_their_sentences() {
    let found = find_deadlines(
        "加快建设。到2025年，全省累计完成改造10000个。力争 2030 年前建成；“十四五”末基本覆盖。",
    );
    let years: Vec<i32> = found.iter().map(|d| d.year).collect();
    assert_eq!(years, vec![2025, 2030, 2025]);
    assert_eq!(found[0].text, "到2025年，全省累计完成改造10000个。");
    assert_eq!(found[0].phrase, "到2025年");
    assert_eq!(
        found[0].due,
        NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default()
    );
    assert_eq!(found[1].phrase, "力争 2030 年前");
    assert_eq!(found[2].phrase, "“十四五”末");
}

#[test]
fn month_and_quarter_deadlines() {
    let due = |text: &str, year: Option<i32>| -> Vec<String> {
        find_deadlines_in(text, year)
            .iter()
            .map(|d| d.due.to_string())
            .collect()
    };
    assert_eq!(due("6月底前完成。", Some(2024)), vec!["2024-06-30"]);
    assert_eq!(due("6月底前完成。", None), Vec::<String>::new());
    assert_eq!(due("2025年6月底前建成。", None), vec!["2025-06-30"]);
    assert_eq!(due("年底前出台。", Some(2024)), vec!["2024-12-31"]);
    assert_eq!(
        due(
            "优化时序。2024 年建成1005座，其中2025年中心城区打造45个。",
            Some(2024)
        ),
        vec!["2024-12-31", "2025-12-31"]
    );
    assert_eq!(
        due("2024年以来，建成1005座。", Some(2024)),
        Vec::<String>::new()
    );
    assert_eq!(due("2023年完成改造。", Some(2024)), Vec::<String>::new());
    assert_eq!(due("三季度末前完成。", Some(2024)), vec!["2024-09-30"]);
    assert_eq!(due("力争2030年全面建成。", None), vec!["2030-12-31"]);
    assert_eq!(due("2024年12月底前", None), vec!["2024-12-31"]);
    assert_eq!(due("2025年2月底前", None), vec!["2025-02-28"]);
    assert_eq!(due("2025年上半年完成", None), vec!["2025-06-30"]);
    assert_eq!(due("2024年3月，国务院印发", None), Vec::<String>::new());
    assert_eq!(
        due("在规定期限（2024年4月24日至2024年12月31日）内补贴。", None),
        vec!["2024-12-31"]
    );
    assert_eq!(due("2025年3月15日前报送。", None), vec!["2025-03-15"]);
    assert_eq!(
        due("2024年3月1日，国务院印发。", None),
        Vec::<String>::new()
    );
    assert_eq!(
        due("力争今年上半年全面完成", Some(2023)),
        vec!["2023-06-30"]
    );
    assert_eq!(due("明年7月份完成。", Some(2022)), vec!["2023-07-31"]);
    assert_eq!(due("明年底前建成。", Some(2022)), vec!["2023-12-31"]);
    assert_eq!(
        due("2025年,力争研发投入强度达到2.95%。", Some(2025)),
        vec!["2025-12-31"]
    );
    assert_eq!(
        due("2023年，全市生产总值增长5%。", Some(2024)),
        Vec::<String>::new()
    );
    let time = |text: &str| -> Vec<String> {
        deadlines_of_time(text, Some(2024))
            .iter()
            .map(|d| d.due.to_string())
            .collect()
    };
    assert_eq!(time("2024年12月"), vec!["2024-12-31"]);
    assert_eq!(time("11月"), vec!["2024-11-30"]);
    assert_eq!(time("2025年"), vec!["2025-12-31"]);
    assert_eq!(time("长期坚持"), Vec::<String>::new());
}

#[test]
fn five_year_periods_from_titles() {
    assert_eq!(
        five_year_period("湖南省“十四五”新型城镇化规划"),
        Some((2021, 2025))
    );
    assert_eq!(
        five_year_period("湖南省国民经济和社会发展第十五个五年规划纲要"),
        Some((2026, 2030))
    );
    assert_eq!(five_year_period("实施方案"), None);
}

#[test]
fn ignores_plain_years_and_dedupes() {
    assert!(find_deadlines("2020年全市城镇人口达到278万人。").is_empty());
    assert_eq!(find_deadlines("到2025年建成，到2025年达到。").len(), 1);
    assert_eq!(
        find_deadlines("“十五五”末").first().map(|d| d.year),
        Some(2030)
    );
}
