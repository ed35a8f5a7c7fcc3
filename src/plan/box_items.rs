//! The items of a 专栏.
//!
//! Items come as numbered clauses (1．… ①… （一）…), bulleted lines (■…), unnumbered titled
//! paragraphs (北斗导航。…), optionally under group sub-headings (（一）贯通通道), as one
//! paragraph (the box is one item, or several when the paragraph numbers them: （一）…（二）…),
//! or as the rows of a table of plain cells (类别 / 细分 / 重点任务: an item is the last label
//! before its content). An item that carries a responsibility clause keeps its departments.
//!
//! Where a box of unnumbered paragraphs ends is not marked in the text. Box items name
//! projects (noun phrases: 防洪安全网, 智慧社区); the body text that resumes after a box is
//! made of imperative paragraphs (推进…, 优化…, 筑牢…). So an unindented verb-led paragraph
//! after noun-led items ends the box (indented paragraphs are box content in every text
//! that indents: there, items themselves are often verb-led).

use super::BoxItem;
use super::deadlines::find_deadlines_in;
use super::lines::{Kind, classify, clause_title, collapse_spaces};
use super::normalize::Line;
use super::patterns::INLINE_ENUMERATION;
use super::plain_tables::ends_plain_table;
use super::responsibility::{Clause, is_label_line, parse_label_lines, split_clause};

/// Longest title an unnumbered item can have; a longer lead clause is body text.
const MAX_ITEM_TITLE_CHARS: usize = 30;
/// Longest group sub-heading.
const MAX_GROUP_CHARS: usize = 24;
/// Longest title sentence of an item that opens its paragraph ("京港澳高速扩容。").
const MAX_RUN_IN_TITLE_CHARS: usize = 16;
/// Longest label cell of a table of plain cells.
const MAX_LABEL_CHARS: usize = 20;

/// Verbs that open the imperative paragraphs of a plan's body text.
const BODY_VERBS: &[&str] = &[
    "推进", "推动", "优化", "完善", "加快", "加强", "提升", "构建", "健全", "深化", "实施", "建立",
    "筑牢", "夯实", "打造", "促进", "强化", "坚持", "积极", "全面", "大力", "着力", "持续", "统筹",
    "支持", "鼓励", "落实", "培育", "提高", "扩大", "增强", "引导",
];

fn is_verb_led(title: &str) -> bool {
    BODY_VERBS.iter().any(|verb| title.starts_with(verb))
}

/// Items read from the text and the lines they used.
#[derive(Debug, Default)]
pub struct ParsedItems {
    pub items: Vec<BoxItem>,
    /// Lines used from the first one given.
    pub consumed: usize,
    /// Line indices of the items.
    pub item_lines: Vec<usize>,
}

impl ParsedItems {
    fn push(&mut self, index: usize, item: BoxItem) {
        self.items.push(item);
        self.item_lines.push(index);
    }
}

/// One item: its text without the responsibility clause, whose departments it keeps.
pub fn item(
    number: Option<String>,
    group: Option<String>,
    text: &str,
    line: Option<usize>,
    year: Option<i32>,
) -> BoxItem {
    let (text, clause) = split_clause(text);
    let body = collapse_spaces(&text.replace('\t', " "));
    BoxItem {
        number,
        group,
        title: clause_title(&body).to_string(),
        deadlines: find_deadlines_in(&body, year),
        departments: clause.map(|c| c.departments()).unwrap_or_default(),
        body,
        line,
    }
}

/// An inline number: where it starts, where the item's text starts, the number as written.
type Marker = (usize, usize, String);

/// "（一）…（二）…" or "①…②…" or "1.…2.…" inside one paragraph: the lead-in and the items,
/// when the paragraph numbers at least two in order.
fn split_enumeration(text: &str) -> Option<(String, Vec<(String, String)>)> {
    // A second item must be numbered: most paragraphs number none.
    let seconds = ["二）", "二)", "②", "2.", "2．", "2、", "2）", "2)"];
    if !seconds.iter().any(|s| text.contains(s)) {
        return None;
    }
    let mut families: Vec<(u8, Vec<Marker>)> = Vec::new();
    for caps in INLINE_ENUMERATION.captures_iter(text) {
        let (family, number_text) = match (caps.get(1), caps.get(2), caps.get(3)) {
            (Some(n), _, _) => (0, n.as_str().to_string()),
            (_, Some(c), _) => (1, c.as_str().to_string()),
            (_, _, Some(n)) => (2, n.as_str().to_string()),
            _ => continue,
        };
        let Some(marker) = caps.get(1).or(caps.get(2)).or(caps.get(3)) else {
            continue;
        };
        let number = match family {
            1 => number_text
                .chars()
                .next()
                .map(|c| c as u32 - '①' as u32 + 1),
            _ => super::numerals::parse_numeral(&number_text),
        };
        let Some(number) = number else { continue };
        if family == 2
            && text[marker.end()..]
                .chars()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let whole = caps.get(0).map_or(marker.start(), |m| m.start());
        let start = if family == 2 { marker.start() } else { whole };
        let end = caps.get(0).map_or(marker.end(), |m| m.end());
        let slot = match families.iter_mut().find(|(f, _)| *f == family) {
            Some(slot) => slot,
            None => {
                families.push((family, Vec::new()));
                families.last_mut()?
            }
        };
        if number as usize == slot.1.len() + 1 {
            let label = text[start..end].trim().to_string();
            slot.1.push((start, end, label));
        }
    }
    let (_, markers) = families
        .into_iter()
        .filter(|(_, m)| m.len() >= 2)
        .min_by_key(|(_, m)| m.first().map_or(usize::MAX, |f| f.0))?;
    let lead = text[..markers.first()?.0].trim().to_string();
    let items = markers
        .iter()
        .enumerate()
        .map(|(i, (_, body_start, label))| {
            let end = markers.get(i + 1).map_or(text.len(), |next| next.0);
            (label.clone(), text[*body_start..end].trim().to_string())
        })
        .collect();
    Some((lead, items))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Numbered,
    Paren,
    Circled,
    Bullet,
    Titled,
}

/// Read box items from `lines[from]` on.
pub fn parse_items(lines: &[Line], from: usize, year: Option<i32>) -> ParsedItems {
    let mut parsed = ParsedItems::default();
    let mut style: Option<Style> = None;
    let mut group: Option<String> = None;
    let mut labels: Vec<&str> = Vec::new();
    let mut end = from;
    let mut index = from;
    // The last item was a heading alone on its line: its body is the next paragraph.
    let mut body_pending = false;
    // The last item was a heading over dashed lines ("——…"): they are its body.
    let mut dashed_body = false;
    while index < lines.len() {
        let line = &lines[index];
        index += 1;
        if line.text.is_empty() {
            continue;
        }
        let kind = classify(line);
        if body_pending && matches!(kind, Kind::Text) && !is_label_line(&line.text) {
            body_pending = false;
            if let Some(last) = parsed.items.last_mut() {
                add_body(last, &line.text, year);
            }
            end = index;
            continue;
        }
        body_pending = false;
        let no = Some(line.no);
        let fits = |wanted: Style| style.is_none() || style == Some(wanted);
        if !parsed.items.is_empty() && is_label_line(&line.text) {
            // Label lines under an item (牵头单位：… / 配合单位：…) are read together.
            labels.push(&line.text);
            if let (Some(last), Some(clause)) =
                (parsed.items.last_mut(), parse_label_lines(&labels))
            {
                add_departments(last, clause);
            }
            end = index;
            continue;
        }
        labels.clear();
        if matches!(kind, Kind::Text) {
            if let Some(rest) = dashed(&line.text) {
                // "——X：…" lines: items (under a label ending in "："), or the body of the
                // heading above them.
                match parsed.items.last_mut() {
                    Some(last) if dashed_body => add_body(last, rest, year),
                    _ if fits(Style::Bullet) => {
                        style = Some(Style::Bullet);
                        parsed.push(index - 1, item(None, group.clone(), rest, no, year));
                    }
                    _ => break,
                }
                end = index;
                continue;
            }
            dashed_body = false;
            let heads_dashes = next_text(lines, index).is_some_and(|next| dashed(next).is_some());
            if heads_dashes && let Some(label) = group_label(&line.text) {
                group = Some(label.to_string());
                end = index;
                continue;
            }
            if heads_dashes && is_heading_alone(&line.text) && fits(Style::Titled) {
                style = Some(Style::Titled);
                parsed.push(index - 1, item(None, group.clone(), &line.text, no, year));
                dashed_body = true;
                end = index;
                continue;
            }
        }
        dashed_body = false;
        match kind {
            Kind::Num(n) if fits(Style::Numbered) => {
                style = Some(Style::Numbered);
                let label = n.number.to_string();
                numbered_items(&mut parsed, index - 1, line, label, &n.rest, &group, year);
                body_pending = is_heading_alone(&n.rest);
            }
            Kind::ParenCn(n)
                if style != Some(Style::Numbered)
                    && is_group_heading(&n.rest)
                    && !heads_one_body(lines, index) =>
            {
                group = Some(format!("{}{}", n.label, collapse_spaces(&n.rest)));
            }
            Kind::ParenCn(n) | Kind::ParenNum(n) if fits(Style::Paren) => {
                style = Some(Style::Paren);
                let label = n.label.clone();
                numbered_items(&mut parsed, index - 1, line, label, &n.rest, &group, year);
                body_pending = is_heading_alone(&n.rest);
            }
            Kind::Circled(n) if fits(Style::Circled) => {
                style = Some(Style::Circled);
                let label = n.label.clone();
                numbered_items(&mut parsed, index - 1, line, label, &n.rest, &group, year);
                body_pending = is_heading_alone(&n.rest);
            }
            Kind::Bullet(text) if fits(Style::Bullet) => {
                style = Some(Style::Bullet);
                parsed.push(index - 1, item(None, group.clone(), &text, no, year));
            }
            Kind::Text if fits(Style::Titled) => {
                let (text, _) = split_clause(&line.text);
                let title = clause_title(&text);
                let titled =
                    title.len() < text.len() && title.chars().count() <= MAX_ITEM_TITLE_CHARS;
                let enumerated = split_enumeration(&line.text);
                if parsed.items.is_empty() && group.is_none() && (!titled || enumerated.is_some()) {
                    // The box is one paragraph: one item, or the items it numbers.
                    one_paragraph(&mut parsed, index - 1, &line.text, enumerated, year, no);
                    end = index;
                    break;
                }
                if !titled {
                    break;
                }
                let first_is_noun = parsed
                    .items
                    .first()
                    .is_some_and(|first| !is_verb_led(&first.title));
                if first_is_noun && group.is_none() && !line.indented && is_verb_led(title) {
                    break;
                }
                style = Some(Style::Titled);
                parsed.push(index - 1, item(None, group.clone(), &line.text, no, year));
            }
            _ => break,
        }
        end = index;
    }
    parsed.consumed = end - from;
    parsed
}

/// A numbered item line, or the items it numbers when it runs them together
/// ("（一）…。（二）…。").
fn numbered_items(
    parsed: &mut ParsedItems,
    index: usize,
    line: &Line,
    label: String,
    rest: &str,
    group: &Option<String>,
    year: Option<i32>,
) {
    let no = Some(line.no);
    match split_enumeration(&line.text) {
        Some((lead, items)) if lead.is_empty() => {
            for (label, body) in items {
                parsed.push(index, item(Some(label), group.clone(), &body, no, year));
            }
        }
        _ => parsed.push(index, item(Some(label), group.clone(), rest, no, year)),
    }
}

fn one_paragraph(
    parsed: &mut ParsedItems,
    index: usize,
    text: &str,
    enumerated: Option<(String, Vec<(String, String)>)>,
    year: Option<i32>,
    no: Option<usize>,
) {
    match enumerated {
        Some((_, items)) => {
            for (label, body) in items {
                parsed.push(index, item(Some(label), None, &body, no, year));
            }
        }
        None => parsed.push(index, item(None, None, text, no, year)),
    }
}

/// The text of a line that opens with a dash ("——百兆瓦级…", "—— 智慧调控技术：…"), the
/// list mark of many boxes.
fn dashed(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("——")?
        .trim_start_matches('—')
        .trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// A label closed by a colon that heads dashed items ("技术示范：", "河北："): their group.
fn group_label(text: &str) -> Option<&str> {
    let label = text.trim().strip_suffix(['：', ':'])?.trim();
    (!label.is_empty() && is_heading_alone(label)).then_some(label)
}

/// The next non-blank line's text.
fn next_text(lines: &[Line], from: usize) -> Option<&str> {
    lines[from..]
        .iter()
        .find(|l| !l.is_blank())
        .map(|l| l.text.as_str())
}

/// An item's heading alone on its line ("1．铁路", "（一）就业"): a word or a phrase, no
/// sentence.
fn is_heading_alone(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && rest.chars().count() <= MAX_GROUP_CHARS
        && !rest.contains(['。', '，', '；', '：', ':', '！'])
}

/// A paragraph that is a body of text, not an item titled by its first words ("建设区域医疗
/// 中心，推进…" against "京港澳高速扩容。建设…").
fn is_body_paragraph(text: &str) -> bool {
    let title = clause_title(text);
    title.len() == text.len()
        || title.contains('，')
        || title.chars().count() > MAX_RUN_IN_TITLE_CHARS
}

/// Whether the heading before `lines[next..]` heads a single paragraph of body text (an item
/// with its body) rather than items of its own (a group).
fn heads_one_body(lines: &[Line], next: usize) -> bool {
    let mut following = lines[next..].iter().filter(|l| !l.is_blank());
    match (following.next(), following.next()) {
        (Some(body), after) => {
            matches!(classify(body), Kind::Text)
                && is_body_paragraph(&body.text)
                && after.is_none_or(|a| !matches!(classify(a), Kind::Text))
        }
        _ => false,
    }
}

/// The paragraph under an item's heading: its body (and its clause, deadlines).
fn add_body(item: &mut BoxItem, text: &str, year: Option<i32>) {
    let (text, clause) = split_clause(text);
    let text = collapse_spaces(&text);
    item.body = format!("{}。{}", item.body.trim_end_matches('。'), text);
    item.deadlines = find_deadlines_in(&item.body, year);
    if let Some(clause) = clause {
        add_departments(item, clause);
    }
}

fn add_departments(item: &mut BoxItem, clause: Clause) {
    for department in clause.departments() {
        match item
            .departments
            .iter_mut()
            .find(|d| d.name == department.name)
        {
            Some(known) => known.role = department.role,
            None => item.departments.push(department),
        }
    }
}

fn is_group_heading(rest: &str) -> bool {
    let rest = rest.trim();
    !rest.is_empty()
        && rest.chars().count() <= MAX_GROUP_CHARS
        && !rest.contains(['。', '，', '：'])
}

/// A label cell of a table of plain cells: short, no sentence, not led by a verb.
fn is_label(text: &str) -> bool {
    text.chars().count() <= MAX_LABEL_CHARS
        && !text.contains(['，', '。', '；', '：', '！', '？', ',', ';'])
        && !is_verb_led(text)
        && !text.chars().all(|c| c.is_ascii_digit())
}

/// Items of a box table of plain cells after its header (类别 / 细分 / 重点任务): an item is a
/// label followed by content; a label followed by another label is their group (类别).
/// Content before the first label (a summary row) is skipped.
pub fn label_items(lines: &[Line], from: usize, year: Option<i32>) -> ParsedItems {
    let mut parsed = ParsedItems::default();
    let mut pending: Option<usize> = None;
    let mut group: Option<String> = None;
    let mut end = from;
    for (index, line) in lines.iter().enumerate().skip(from) {
        if line.is_blank() {
            continue;
        }
        if ends_plain_table(line) || matches!(classify(line), Kind::Num(_)) {
            break;
        }
        end = index + 1;
        if is_label(&line.text) {
            if let Some(previous) = pending.replace(index) {
                group = Some(lines[previous].text.clone());
            }
            continue;
        }
        match pending.take() {
            Some(label) => {
                let mut it = item(
                    None,
                    group.clone(),
                    &lines[label].text,
                    Some(lines[label].no),
                    year,
                );
                it.body = format!("{}。{}", it.title, collapse_spaces(&line.text));
                it.deadlines = find_deadlines_in(&it.body, year);
                parsed.push(label, it);
            }
            None => {
                if let Some(last) = parsed.items.last_mut() {
                    last.body.push_str(&collapse_spaces(&line.text));
                }
            }
        }
    }
    parsed.consumed = end.saturating_sub(from);
    parsed
}
