use super::*;

fn lines(spec: &[&str]) -> Vec<Line> {
    spec.iter()
        .enumerate()
        .map(|(i, s)| Line {
            boxed: false,
            no: i + 1,
            indented: s.starts_with('\t'),
            marked: false,
            text: s.trim().to_string(),
        })
        .collect()
}

fn heading(number: u32, rest: &str) -> Numbered {
    Numbered {
        number,
        label: format!("专栏{number}"),
        rest: rest.to_string(),
    }
}

#[test]
fn run_together_items_on_the_heading_line() {
    let rest = "城市现代社区打造工程 1.社区生活服务综合体建设。开展1-2个试点。 2.人文关怀社区建设。加强。 3.智慧社区建设。推动。";
    let parsed = parse_box(&[], 0, &heading(13, rest), &Placement::default());
    assert_eq!(
        parsed.plan_box.title.as_deref(),
        Some("城市现代社区打造工程")
    );
    let titles: Vec<&str> = parsed
        .plan_box
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["社区生活服务综合体建设", "人文关怀社区建设", "智慧社区建设"]
    );
    assert_eq!(
        parsed.plan_box.items[0].body,
        "社区生活服务综合体建设。开展1-2个试点。"
    );
}

#[test]
fn grouped_unnumbered_items_end_at_a_heading() {
    let input = lines(&[
        "专栏16  通道",
        "",
        "\t（一）贯通通道",
        "呼南通道。对接关中。",
        "厦渝通道。对接成渝。",
        "",
        "\t（二）扩容通道",
        "京港澳通道。对接京津冀。",
        "",
        "第二节  完善多层次立体交通网",
    ]);
    let parsed = parse_box(&input, 0, &heading(16, "通道"), &Placement::default());
    let items = &parsed.plan_box.items;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].group.as_deref(), Some("（一）贯通通道"));
    assert_eq!(items[2].group.as_deref(), Some("（二）扩容通道"));
    assert_eq!(parsed.consumed, 7);
}

#[test]
fn verb_led_paragraph_after_noun_items_ends_the_box() {
    let input = lines(&[
        "专栏4 能源保障工程",
        "传统能源：加快推进。",
        "新能源：推进核电。",
        "筑牢水安全网。实施防洪工程。",
    ]);
    let parsed = parse_box(
        &input,
        0,
        &heading(4, "能源保障工程"),
        &Placement::default(),
    );
    assert_eq!(parsed.plan_box.items.len(), 2);
    assert_eq!(parsed.plan_box.items[1].title, "新能源");
}

#[test]
fn numbered_items_stop_at_the_next_point() {
    let input = lines(&[
        "\t专栏9 城市更新行动",
        "",
        "1． 城市体检。研究。",
        "2． 棚户区改造。到2025年，全省累计完成。",
        "",
        "（2） 构建全龄友好城市。",
    ]);
    let parsed = parse_box(
        &input,
        0,
        &heading(9, "城市更新行动"),
        &Placement::default(),
    );
    assert_eq!(parsed.plan_box.items.len(), 2);
    assert_eq!(parsed.plan_box.items[1].number.as_deref(), Some("2"));
    assert_eq!(
        parsed.plan_box.items[1].deadlines.first().map(|d| d.year),
        Some(2025)
    );
}

#[test]
fn box_items_with_clauses_carry_their_departments() {
    let input = lines(&[
        "专栏2 重点项目",
        "智慧园区建设。建设数据中心。（责任单位：市工信局、市数据局）",
        "物流枢纽建设。建设仓储基地。（责任单位：市商务局）",
        "",
        "第二节 完善体系",
    ]);
    let parsed = parse_box(&input, 0, &heading(2, "重点项目"), &Placement::default());
    let items = &parsed.plan_box.items;
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].title, "智慧园区建设");
    assert_eq!(items[0].body, "智慧园区建设。建设数据中心。");
    assert_eq!(items[0].departments.len(), 2);
    assert_eq!(items[0].departments[0].name, "市工信局");
    assert_eq!(items[1].line, Some(3));
    assert_eq!(parsed.item_lines, vec![1, 2]);
}

#[test]
fn a_box_of_one_paragraph_is_one_item_and_inline_numbers_split_it() {
    let input = lines(&[
        "专栏3：县城补短板工程",
        "实施县城补短板强弱项工程，提升公共服务水平，推进市政设施提档升级。",
        "推进城乡融合发展。",
    ]);
    let parsed = parse_box(
        &input,
        0,
        &heading(3, "县城补短板工程"),
        &Placement::default(),
    );
    assert_eq!(parsed.plan_box.items.len(), 1);
    assert_eq!(parsed.consumed, 1);
    let input = lines(&[
        "专栏4 民生实事",
        "（一）新建学位1万个。扩建学校10所。（二）改造老旧小区200个。（三）新增养老床位500张。",
    ]);
    let parsed = parse_box(&input, 0, &heading(4, "民生实事"), &Placement::default());
    let titles: Vec<&str> = parsed
        .plan_box
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["新建学位1万个", "改造老旧小区200个", "新增养老床位500张"]
    );
}

#[test]
fn bullet_items_and_plain_cell_tables() {
    let input = lines(&[
        "专栏1：",
        "■某公司运营的光伏电站项目，于2021年12月并网发电。",
        "■某水电公司运营的电站项目，未取得许可证。",
        "（二）超越许可范围",
    ]);
    let parsed = parse_box(&input, 0, &heading(1, ""), &Placement::default());
    assert_eq!(parsed.plan_box.items.len(), 2);
    assert!(
        parsed.plan_box.items[0]
            .title
            .starts_with("某公司运营的光伏电站项目")
    );
    let input = lines(&[
        "专栏1   科技水平提升专项行动",
        "类别",
        "细分",
        "重点任务",
        "研究制定指导行业技术进步的政策，开展研究。",
        "产品",
        "工业炸药",
        "安全环保型系列工业炸药研发；",
        "井下现场混装技术研发。",
        "炸药制品",
        "安全环保型震源药柱产品研发。",
        "（二）加快结构调整",
    ]);
    let parsed = parse_box(
        &input,
        0,
        &heading(1, "科技水平提升专项行动"),
        &Placement::default(),
    );
    let titles: Vec<&str> = parsed
        .plan_box
        .items
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(titles, vec!["工业炸药", "炸药制品"]);
    assert_eq!(parsed.plan_box.items[0].group.as_deref(), Some("产品"));
    assert_eq!(parsed.consumed, 10);
}

#[test]
fn a_box_title_on_the_line_after_its_number() {
    let input = lines(&[
        "专栏 2",
        "重点产业集群建设工程",
        "1．电子信息产业集群。建设基地。",
        "2．新材料产业集群。建设园区。",
        "第三节 推进",
    ]);
    let parsed = parse_box(&input, 0, &heading(2, ""), &Placement::default());
    assert_eq!(
        parsed.plan_box.title.as_deref(),
        Some("重点产业集群建设工程")
    );
    assert_eq!(parsed.plan_box.items.len(), 2);
    assert_eq!(parsed.plan_box.line, Some(1));
    assert_eq!(parsed.consumed, 3);
}
