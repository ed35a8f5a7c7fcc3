//! The importer on drafts published for comment as web pages, one short text per form,
//! through the public API: the call for comments naming the draft (公开征求对《X》的意见),
//! an indicator table with a target per year under a header of two rows, a name saying
//! "（累计）", boxes drawn as tables of one column with a title and no 专栏 heading. The
//! texts are written for the test in the shapes real pages have (real ones are in
//! `tests/corpus/`).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, TextEncoding};

fn parse(text: &str) -> ParsedDocument {
    plan::parse_text(text, TextEncoding::Utf8, "form.md").unwrap()
}

const DRAFT: &str = "[首页](https://example.gov.cn/) > [意见征集](https://example.gov.cn/yjzj/)\n\n\
公开征求对《某市数字能源低碳城市发展行动方案（2024—2026年）（征求意见稿）》的意见\n\n\
开始时间：2024-02-07结束时间：2024-02-15\n\n\
附件：1.某市数字能源低碳城市发展行动方案（2024—2026年）（征求意见稿）\n\n\
某市经济和信息化委员会\n\n2024年2月7日\n\n附件1\n\n\
某市数字能源低碳城市发展行动方案\n\n（2024—2026年）\n\n（征求意见稿）\n\n\
一、工作目标\n\n到2026年，全市数字能源低碳城市发展取得明显成效。\n\n\
主要工作目标\n\n\
|     |     |     |     |     |\n\
| --- | --- | --- | --- | --- |\n\
| 序号 | 指标 | 目标 |\n\
| 2024年 | 2025年 | 2026年 |\n\
| 1 | 用户侧光伏装机规模（累计） | >90万千瓦 | >120万千瓦 | >150万千瓦 |\n\
| 2 | 充储一体化示范站<br>（累计） | >30个 | >70个 | >100个 |\n\
| 3 | 新能源汽车保有量占比 | >10% | >13% | >17% |\n\n\
二、重点任务\n\n\
（一）加快建设一批典型应用场景。在用户侧储能、虚拟电厂等领域打造示范项目。（责任单位：市经济信息委、市能源局，国网市电力公司）\n\n\
|     |\n\
| --- |\n\
| 典型应用场景和项目<br>**1.** **用户侧光伏储能燃机** **（400个）。** 鼓励企业建设用户侧储能项目。<br>**2.虚拟电厂（150个）。** 培育虚拟电厂运营商。<br>5 **.绿色建筑（100个）。** 鼓励建设绿色建筑。 |\n\n\
|     |\n\
| --- |\n\
| 两江新区试点建设示范区任务<br>**1.打造一体化平台：** 建设数字能源一体化平台。<br>**2.建设产业集聚区：** 规划绿色低碳产业园。 |\n\n\
三、保障措施\n\n（一）加强组织领导。建立联席会议机制。\n";

/// A call for comments on a draft names the draft: the draft is the title.
#[test]
fn a_call_for_comments_names_the_draft() {
    let doc = parse(DRAFT);
    assert_eq!(
        doc.plan.title,
        "某市数字能源低碳城市发展行动方案（2024—2026年）（征求意见稿）"
    );
}

/// Targets for each year under a cell spanning them: the last year's is the target, the
/// others are kept as notes; a name's "（累计）" is no unit.
#[test]
fn yearly_targets_under_a_header_of_two_rows() {
    let doc = parse(DRAFT);
    let rows: Vec<(String, String, Option<String>)> = doc
        .plan
        .indicators
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                i.target
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                i.unit.clone(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "用户侧光伏装机规模（累计）".into(),
                ">150万千瓦".into(),
                None
            ),
            ("充储一体化示范站（累计）".into(), ">100个".into(), None),
            ("新能源汽车保有量占比".into(), ">17%".into(), None),
        ]
    );
    assert_eq!(
        doc.plan.indicators[2].target.as_ref().unwrap().year,
        Some(2026)
    );
    assert!(
        doc.plan.indicators[2]
            .notes
            .iter()
            .any(|n| n.contains(">13%"))
    );
}

/// Tables of one column that open with a title over numbered items are boxes without a
/// number, one per table; their items are no tasks.
#[test]
fn boxes_drawn_without_a_heading() {
    let doc = parse(DRAFT);
    let boxes: Vec<(u32, Option<String>, Vec<String>)> = doc
        .plan
        .boxes
        .iter()
        .map(|b| {
            let items = b
                .items
                .iter()
                .map(|i| i.title.split_whitespace().collect())
                .collect();
            (b.number, b.title.clone(), items)
        })
        .collect();
    assert_eq!(
        boxes,
        vec![
            (
                0,
                Some("典型应用场景和项目".to_string()),
                vec![
                    "用户侧光伏储能燃机（400个）".to_string(),
                    "虚拟电厂（150个）".to_string(),
                    "绿色建筑（100个）".to_string()
                ]
            ),
            (
                0,
                Some("两江新区试点建设示范区任务".to_string()),
                vec!["打造一体化平台".to_string(), "建设产业集聚区".to_string()]
            ),
        ]
    );
    let titles: Vec<&str> = doc.plan.tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, vec!["加快建设一批典型应用场景"]);
}

/// A page headed by the notice that publishes a document, whose body gives the notice's
/// title again over two bold lines ("**…关于印发**" / "**《X》的通知**") before X's own title.
#[test]
fn a_notice_title_written_again_over_two_lines() {
    let doc = parse(
        "## 某区人民政府关于印发《某区碳达峰实施方案》的通知\n\n\
         | 索引号 | SY-2023-00077 |\n| --- | --- |\n| 文件编号 | 某府〔2022〕171号 |\n\n\
         某府〔2022〕171号\n\n**某区人民政府关于印发**\n\n**《某区碳达峰实施方案》的通知**\n\n\
         区政府各委、办、局：\n\n现将《某区碳达峰实施方案》印发给你们，请认真贯彻执行。\n\n\
         2022年10月27日\n\n**某区碳达峰实施方案**\n\n一、重点任务\n\n\
         （一）大力发展可再生能源。推进光伏建设。（区发改委）\n",
    );
    assert_eq!(doc.plan.title, "某区碳达峰实施方案");
}
