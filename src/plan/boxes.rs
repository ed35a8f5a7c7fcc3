//! 专栏 boxes: the heading, then a table or a list of items.
//!
//! Items come in three shapes: numbered clauses (1．…), unnumbered titled paragraphs
//! (北斗导航。…), optionally under group sub-headings (（一）贯通通道), and — in flattened
//! sources — numbered items run together on the heading line itself.
//!
//! Where a box of unnumbered paragraphs ends is not marked in the text. Box items name
//! projects (noun phrases: 防洪安全网, 智慧社区); the body text that resumes after a box is
//! made of imperative paragraphs (推进…, 优化…, 筑牢…). So an unindented verb-led paragraph
//! after noun-led items ends the box (indented paragraphs are box content in every text
//! that indents: there, items themselves are often verb-led).

use super::deadlines::find_deadlines;
use super::indicators::{indicators_from_rows, is_indicator_table};
use super::lines::{Kind, Numbered, classify, clause_title, collapse_spaces};
use super::normalize::Line;
use super::patterns::INLINE_NUMBER;
use super::tables::{TableBlock, is_tab_row, parse_cell_table, parse_tab_table, starts_cell_table};
use super::{BoxItem, BoxKind, Indicator, PlanBox};

/// Where a box sits in the outline.
#[derive(Debug, Clone, Default)]
pub struct Placement {
    pub chapter: Option<String>,
    pub section: Option<String>,
}

/// A box read from the text, and how many lines it used after its first line.
#[derive(Debug)]
pub struct ParsedBox {
    pub plan_box: PlanBox,
    pub indicators: Vec<Indicator>,
    pub consumed: usize,
}

/// Longest title an unnumbered item can have; a longer lead clause is body text.
const MAX_ITEM_TITLE_CHARS: usize = 30;
/// Longest group sub-heading.
const MAX_GROUP_CHARS: usize = 24;

/// Verbs that open the imperative paragraphs of a plan's body text.
const BODY_VERBS: &[&str] = &[
    "推进", "推动", "优化", "完善", "加快", "加强", "提升", "构建", "健全", "深化", "实施", "建立",
    "筑牢", "夯实", "打造", "促进", "强化", "坚持", "积极", "全面", "大力", "着力", "持续", "统筹",
    "支持", "鼓励", "落实", "培育", "提高", "扩大", "增强", "引导",
];

fn is_verb_led(title: &str) -> bool {
    BODY_VERBS.iter().any(|verb| title.starts_with(verb))
}

/// Split a heading's text into the box title and items run together after it (" 1.…").
fn split_inline_items(rest: &str) -> (String, Vec<(String, String)>) {
    let mut starts: Vec<(usize, usize, String)> = Vec::new();
    let mut expected = 1;
    for caps in INLINE_NUMBER.captures_iter(rest) {
        let (Some(whole), Some(number)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if number.as_str().parse::<usize>().ok() == Some(expected) {
            starts.push((whole.start(), whole.end(), number.as_str().to_string()));
            expected += 1;
        }
    }
    let Some(first) = starts.first() else {
        return (collapse_spaces(rest), Vec::new());
    };
    let title = collapse_spaces(&rest[..first.0]);
    let items = starts
        .iter()
        .enumerate()
        .map(|(i, (_, body_start, number))| {
            let end = starts.get(i + 1).map_or(rest.len(), |next| next.0);
            (number.clone(), rest[*body_start..end].trim().to_string())
        })
        .collect();
    (title, items)
}

fn item(number: Option<String>, group: Option<String>, text: &str) -> BoxItem {
    let body = collapse_spaces(&text.replace('\t', " "));
    BoxItem {
        number,
        group,
        title: clause_title(&body).to_string(),
        deadlines: find_deadlines(&body),
        body,
    }
}

fn next_content(lines: &[Line], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !lines[i].text.is_empty() || lines[i].indented)
}

/// Parse a box whose heading is `lines[start]`.
pub fn parse_box(
    lines: &[Line],
    start: usize,
    heading: &Numbered,
    placement: &Placement,
) -> ParsedBox {
    let (title, inline) = split_inline_items(&heading.rest);
    let mut plan_box = PlanBox {
        number: heading.number,
        title: (!title.is_empty()).then_some(title),
        chapter: placement.chapter.clone(),
        section: placement.section.clone(),
        kind: BoxKind::Items,
        items: inline
            .iter()
            .map(|(n, text)| item(Some(n.clone()), None, text))
            .collect(),
        rows: Vec::new(),
        notes: Vec::new(),
    };
    if !plan_box.items.is_empty() {
        return ParsedBox {
            plan_box,
            indicators: Vec::new(),
            consumed: 0,
        };
    }
    let Some(first) = next_content(lines, start + 1) else {
        return ParsedBox {
            plan_box,
            indicators: Vec::new(),
            consumed: 0,
        };
    };
    let table = if starts_cell_table(lines, first) {
        Some(parse_cell_table(lines, first))
    } else if is_tab_row(&lines[first]) {
        Some(parse_tab_table(lines, first))
    } else {
        None
    };
    if let Some(TableBlock { rows, consumed }) = table {
        let indicators = if is_indicator_table(&rows) {
            plan_box.kind = BoxKind::IndicatorTable;
            indicators_from_rows(&rows, Some(plan_box.number))
        } else {
            plan_box.kind = BoxKind::Table;
            Vec::new()
        };
        plan_box.rows = rows;
        return ParsedBox {
            plan_box,
            indicators,
            consumed: first + consumed - start - 1,
        };
    }
    let (items, consumed) = parse_items(lines, start + 1);
    plan_box.items = items;
    ParsedBox {
        plan_box,
        indicators: Vec::new(),
        consumed,
    }
}

/// Read box items from `lines[from]` on; returns them and the number of lines used.
pub fn parse_items(lines: &[Line], from: usize) -> (Vec<BoxItem>, usize) {
    let mut items: Vec<BoxItem> = Vec::new();
    let mut numbered: Option<bool> = None;
    let mut group: Option<String> = None;
    let mut end = from;
    let mut index = from;
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        if line.text.is_empty() {
            continue;
        }
        match classify(line) {
            Kind::Num(n) if numbered != Some(false) => {
                numbered = Some(true);
                items.push(item(Some(n.number.to_string()), group.clone(), &n.rest));
            }
            Kind::ParenCn(n) if numbered != Some(true) && is_group_heading(&n.rest) => {
                group = Some(format!("{}{}", n.label, collapse_spaces(&n.rest)));
            }
            Kind::Text if numbered != Some(true) => {
                let title = clause_title(&line.text);
                let titled =
                    title.len() < line.text.len() && title.chars().count() <= MAX_ITEM_TITLE_CHARS;
                if !titled {
                    break;
                }
                let first_is_noun = items
                    .first()
                    .is_some_and(|first| !is_verb_led(&first.title));
                if first_is_noun && group.is_none() && !line.indented && is_verb_led(title) {
                    break;
                }
                numbered = Some(false);
                items.push(item(None, group.clone(), &line.text));
            }
            _ => break,
        }
        end = index;
    }
    (items, end - from)
}

fn is_group_heading(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && rest.chars().count() <= MAX_GROUP_CHARS
        && !rest.contains(['。', '，', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(spec: &[&str]) -> Vec<Line> {
        spec.iter()
            .enumerate()
            .map(|(i, s)| Line {
                no: i + 1,
                indented: s.starts_with('\t'),
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
}
