use super::*;

fn lines(texts: &[&str]) -> Vec<Line> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Line {
            boxed: false,
            no: i + 1,
            indented: false,
            marked: false,
            text: t.to_string(),
        })
        .collect()
}

fn texts(lines: &[Line]) -> Vec<&str> {
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.as_str())
        .collect()
}

#[test]
fn headers_opening_a_pages_text_and_the_paragraph_they_cut() {
    let header = "某市人民政府办公厅文件";
    let mut input = lines(&[
        header,
        "甲段。",
        header,
        &format!("{header} 乙段开始，被分页切断的句"),
        header,
        &format!("{header} 子在这里结束。"),
    ]);
    remove_running_headers(&mut input, &mut Joins::new());
    assert_eq!(
        texts(&input),
        vec!["甲段。", "乙段开始，被分页切断的句子在这里结束。"]
    );
}

#[test]
fn paragraphs_broken_by_hard_line_breaks() {
    let mut input = lines(&[
        "对居民区、学校等领域，",
        "研究制定分时电价机制。（牵头部",
        "门：市交通委、市水务局）",
        "（二）强化资金保障",
        "统筹运用专项资金，",
        "1.推进工作。",
    ]);
    join_broken_lines(&mut input, &mut Joins::new());
    assert_eq!(
        texts(&input),
        vec![
            "对居民区、学校等领域，研究制定分时电价机制。（牵头部门：市交通委、市水务局）",
            "（二）强化资金保障",
            "统筹运用专项资金，",
            "1.推进工作。"
        ]
    );
}

#[test]
fn printed_lines_run_together_are_split_and_despaced() {
    let input = lines(&[
        "（责任 单位：市交 通运输委） （二）合理选址布点 在公共停车场、 商业聚集区加快 推进超充基础设施建设，到 2025 年建成 2040 座。 三、保障措施 （一）加强组织领导 成立工作 专班。",
    ]);
    assert!(is_wrapped(&input[0].text));
    let out = split_wrapped(input, &Joins::new());
    assert_eq!(
        texts(&out),
        vec![
            "（责任单位：市交通运输委）",
            "（二）合理选址布点",
            "在公共停车场、商业聚集区加快推进超充基础设施建设，到 2025 年建成 2040 座。",
            "三、保障措施",
            "（一）加强组织领导",
            "成立工作专班。"
        ]
    );
    assert!(out.iter().all(|l| l.no == 1));
}

#[test]
fn paragraphs_split_from_joined_lines_keep_their_lines() {
    let header = "某市人民政府办公厅文件";
    let input = lines(&[
        header,
        &format!(
            "{header} （一）科学规划布局 到 2025 年，中心城区 实现超充设施密集布点，建成 超充站。（责任单位：市规划自然资"
        ),
        header,
        &format!(
            "{header} 源局、市交 通运输委） （二）合理选址布点 在公共 停车场等重点场景加快 推进建设。"
        ),
        header,
    ]);
    let out = repair(input);
    let found: Vec<(usize, &str)> = out
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| (l.no, l.text.as_str()))
        .collect();
    assert_eq!(found[0], (2, "（一）科学规划布局"));
    assert!(
        found[1]
            .1
            .ends_with("（责任单位：市规划自然资源局、市交通运输委）")
    );
    assert_eq!(found[2], (4, "（二）合理选址布点"));
    assert_eq!(found[3].0, 4);
}

#[test]
fn a_paragraph_written_twice() {
    let mut input = lines(&[
        "依托市级平台，加快建设数字捷充平台，实现一键找桩。",
        "",
        "依托市级平台，加快建设数字捷充平台，实现一键找桩。",
        "短句。",
        "短句。",
    ]);
    drop_repeated_paragraphs(&mut input);
    assert_eq!(texts(&input).len(), 3);
}

#[test]
fn a_text_hard_wrapped_at_a_fixed_width() {
    let text = "某市2024年重点工作实施方案\n一、重点任务\n\
        （一）扩大有效投资。实施重大项目带动战略，全年新\n\
        开工项目一百个以上，完成投资五百亿元，确保重大\n\
        项目落地见效。（责任单位：市发改委）\n\
        （二）促进消费增长。开展促消费活动，发放消费券一\n\
        亿元，培育新型消费业态，建设一批特色商业街区，\n\
        提升城市消费能级。（责任单位：市商务局）\n\
        （三）稳定外贸外资。支持企业开拓国际市场，组织企\n\
        业参加境外展会，推动外贸新业态发展，加大招商引\n\
        资力度，引进一批重大外资项目。（责任单位：市商\n\
        务局）\n\
        （四）优化营商环境。深化放管服改革，推行一网通办\n\
        ，压减审批时限，提升政务服务效能，持续优化法治\n\
        化营商环境。（责任单位：市政务服务局）\n";
    let out = repair(lines(&text.split('\n').collect::<Vec<_>>()));
    let found = texts(&out);
    assert_eq!(found.len(), 6, "{found:#?}");
    assert_eq!(
        found[2],
        "（一）扩大有效投资。实施重大项目带动战略，全年新开工项目一百个以上，完成投资五百亿元，确保重大项目落地见效。（责任单位：市发改委）"
    );
    assert!(found[4].ends_with("（责任单位：市商务局）"));
}
