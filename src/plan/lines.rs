//! Classify each normalised line: a heading of some level, a box heading, a numbered
//! clause, or plain text.

use super::markdown::image_alt;
use super::normalize::Line;
use super::numerals::parse_numeral;
use super::patterns::{
    BOX, CHAPTER, CN_ENUM, FIGURE, GLOSSARY, NUMBERED, ORDINAL, PAREN_CN, PAREN_NUM, PART, SECTION,
};
use regex::Regex;

/// A numbered heading: 第十二章 发展…, （三）…, 2、…
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub number: u32,
    /// The numbering as written: "第十二章", "（三）", "一、".
    pub label: String,
    /// The rest of the line (title, or the whole clause).
    pub rest: String,
}

impl Numbered {
    /// "label title" with one space, as boxes name their chapter and section.
    pub fn display(&self) -> String {
        let title = collapse_spaces(&self.rest);
        if title.is_empty() {
            self.label.clone()
        } else {
            format!("{} {}", self.label, title)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Blank,
    Part(Numbered),
    Chapter(Numbered),
    Section(Numbered),
    /// 一、
    CnEnum(Numbered),
    /// （一）
    ParenCn(Numbered),
    /// （1）
    ParenNum(Numbered),
    /// 1. / 1． / 1、
    Num(Numbered),
    /// ① ② … ⑴ ⑵ …
    Circled(Numbered),
    /// ■ ● ◆ ▲ ★ • … followed by the text: an unnumbered list item.
    Bullet(String),
    /// 专栏N …
    BoxHead(Numbered),
    /// A picture (`![alt]`): a 专栏 published as an image when its alt text names one.
    Image(Option<Numbered>),
    Glossary,
    Figure,
    Text,
}

/// A heading: `re` matches its prefix; the rest of the line follows the match.
fn numbered(re: &Regex, text: &str, label_group: usize, number_group: usize) -> Option<Numbered> {
    let caps = re.captures(text)?;
    let number = parse_numeral(caps.get(number_group)?.as_str())?;
    let end = caps.get(0)?.end();
    Some(Numbered {
        number,
        label: caps.get(label_group)?.as_str().to_string(),
        rest: text.get(end..).unwrap_or_default().trim().to_string(),
    })
}

/// Classify one line.
pub fn classify(line: &Line) -> Kind {
    let text = line.text.as_str();
    if text.is_empty() {
        return Kind::Blank;
    }
    if let Some(n) = box_heading(text) {
        return Kind::BoxHead(n);
    }
    if let Some(alt) = image_alt(text) {
        return Kind::Image(box_heading(without_extension(alt)));
    }
    if let Some(n) = numbered(&PART, text, 1, 2) {
        return Kind::Part(n);
    }
    if let Some(n) = numbered(&CHAPTER, text, 1, 2) {
        return Kind::Chapter(n);
    }
    if let Some(n) = numbered(&SECTION, text, 1, 2) {
        return Kind::Section(n);
    }
    if let Some(n) = numbered(&CN_ENUM, text, 1, 2) {
        return Kind::CnEnum(n);
    }
    if let Some(n) = numbered(&PAREN_CN, text, 1, 2) {
        return Kind::ParenCn(n);
    }
    if let Some(n) = numbered(&PAREN_NUM, text, 1, 2) {
        return Kind::ParenNum(n);
    }
    if let Some(n) = numbered(&NUMBERED, text, 1, 1) {
        if n.rest.is_empty() {
            return Kind::Text;
        }
        // "1.5万人" is a decimal (see `decimal_like_number` for "11.121人才梯队").
        if !n.rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Kind::Num(n);
        }
    }
    if let Some(n) = circled(text) {
        return Kind::Circled(n);
    }
    if let Some(rest) = text.strip_prefix(BULLETS) {
        let rest = rest.trim();
        if !rest.is_empty() {
            return Kind::Bullet(rest.to_string());
        }
    }
    if GLOSSARY.is_match(text) {
        return Kind::Glossary;
    }
    if FIGURE.is_match(text) {
        return Kind::Figure;
    }
    Kind::Text
}

/// "专栏2 title": a box heading. "专栏2中的项目…" (no space or colon after the number, then
/// 中/所/内/的) is a sentence about a box, not its heading.
fn box_heading(text: &str) -> Option<Numbered> {
    let n = numbered(&BOX, text, 1, 1)?;
    let separated = BOX
        .captures(text)
        .and_then(|caps| caps.get(1))
        .and_then(|number| text[number.end()..].chars().next())
        .is_some_and(|c| c.is_whitespace() || "：:．.、\u{3000}".contains(c));
    if !separated && n.rest.starts_with(['所', '中', '内', '的']) {
        return None;
    }
    Some(Numbered {
        label: format!("专栏{}", n.number),
        ..n
    })
}

/// An image's alt text without its file extension ("专栏1.jpg" → "专栏1").
fn without_extension(alt: &str) -> &str {
    let lower = alt.to_ascii_lowercase();
    for ext in [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"] {
        if lower.ends_with(ext) {
            return &alt[..alt.len() - ext.len()];
        }
    }
    alt
}

/// "11.121人才梯队项目": a number, a dot and a digit. `classify` reads it as text (a decimal
/// such as "1.5万人以上"); it is a numbered clause only where the numbering expects it.
pub fn decimal_like_number(text: &str) -> Option<Numbered> {
    let n = numbered(&NUMBERED, text, 1, 1)?;
    n.rest
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(n)
}

/// Fewest items of an inline "一是…二是…" list that makes a list of measures.
const MIN_ORDINAL_ITEMS: usize = 3;
/// Longest lead-in before "一是" of a list of measures ("今年再办好15件民生实事。").
const MAX_ORDINAL_LEAD_CHARS: usize = 40;

/// Measure words of a count that announces a list ("办好15件民生实事", "抓好三项工作").
const COUNT_WORDS: &[char] = &['件', '项', '个', '条', '类', '大'];

/// Whether a lead-in announces how many items follow ("今年再办好15件民生实事。"). "一是…二是…"
/// alone only unfolds the facets of one measure; a list of measures is counted first.
fn announces_count(lead: &str) -> bool {
    let chars: Vec<char> = lead.chars().collect();
    chars.windows(2).enumerate().any(|(i, w)| {
        let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十两".contains(c);
        if !(numeral(w[0]) && COUNT_WORDS.contains(&w[1])) {
            return false;
        }
        // "一个", "一大" are articles, not counts; "第三个" is an ordinal.
        let start = chars[..=i]
            .iter()
            .rev()
            .take_while(|&&c| numeral(c))
            .count();
        let number: String = chars[i + 1 - start..=i].iter().collect();
        let ordinal = i + 1 > start && chars[i - start] == '第';
        !ordinal && super::numerals::parse_numeral(&number).is_some_and(|n| n >= 2)
    })
}

/// The items of a paragraph that lists measures inline: "…。一是A。二是B。三是C。" → ("一是", "A。")
/// …, when it lists at least three in order after a short lead-in that counts them.
pub fn ordinal_items(text: &str) -> Option<Vec<(String, String)>> {
    let mut markers: Vec<(usize, usize, String)> = Vec::new();
    for caps in ORDINAL.captures_iter(text) {
        let (Some(number), Some(whole)) = (caps.get(1), caps.get(0)) else {
            continue;
        };
        if parse_numeral(number.as_str()) == Some(markers.len() as u32 + 1) {
            let start = number.start();
            markers.push((start, whole.end(), text[start..whole.end()].to_string()));
        }
    }
    let first = markers.first()?;
    let lead = &text[..first.0];
    if markers.len() < MIN_ORDINAL_ITEMS
        || lead.chars().count() > MAX_ORDINAL_LEAD_CHARS
        || !announces_count(lead)
    {
        return None;
    }
    Some(
        markers
            .iter()
            .enumerate()
            .map(|(i, (_, body_start, label))| {
                let end = markers.get(i + 1).map_or(text.len(), |next| next.0);
                (label.clone(), text[*body_start..end].trim().to_string())
            })
            .collect(),
    )
}

/// Characters that open an unnumbered list item.
const BULLETS: &[char] = &[
    '■', '●', '◆', '▲', '★', '□', '•', '◇', '○', '▪', '►', '√', '◎', '☆',
];

/// ① … ⑳ and ⑴ … ⒇.
fn circled(text: &str) -> Option<Numbered> {
    let c = text.chars().next()?;
    let number = match c {
        '①'..='⑳' => c as u32 - '①' as u32 + 1,
        '⑴'..='⒇' => c as u32 - '⑴' as u32 + 1,
        _ => return None,
    };
    let rest = text[c.len_utf8()..]
        .trim_start_matches(['、', '.', '．'])
        .trim();
    (!rest.is_empty()).then(|| Numbered {
        number,
        label: c.to_string(),
        rest: rest.to_string(),
    })
}

/// The numbering of a line, if it has one (headings of every level, numbered clauses).
pub fn numbering(kind: &Kind) -> Option<&Numbered> {
    match kind {
        Kind::Part(n)
        | Kind::Chapter(n)
        | Kind::Section(n)
        | Kind::CnEnum(n)
        | Kind::ParenCn(n)
        | Kind::ParenNum(n)
        | Kind::Num(n)
        | Kind::Circled(n)
        | Kind::BoxHead(n) => Some(n),
        _ => None,
    }
}

/// Collapse runs of white space to one ASCII space.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The title of a clause: the text before the first 。 or ：/:, trimmed.
pub fn clause_title(text: &str) -> &str {
    let end = text.find(['。', '：', ':']).unwrap_or(text.len());
    text[..end].trim()
}

/// Whether a line is a short heading rather than a paragraph that starts with a number:
/// headings are short and do not contain a full sentence.
pub fn is_heading_text(rest: &str) -> bool {
    let len = rest.chars().count();
    len <= 40 && !rest.trim_end_matches('。').contains('。')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> Line {
        Line {
            boxed: false,
            no: 1,
            indented: false,
            marked: false,
            text: text.to_string(),
        }
    }

    #[test]
    fn classifies_headings_with_chinese_and_arabic_numerals() {
        assert!(matches!(classify(&line("第一节 现实基础")), Kind::Section(n) if n.number == 1));
        assert!(matches!(classify(&line("第1节 提质增效")), Kind::Section(n) if n.number == 1));
        assert!(
            matches!(classify(&line("第二十八章  构建")), Kind::Chapter(n) if n.number == 28 && n.display() == "第二十八章 构建")
        );
        assert!(matches!(classify(&line("（3） 提升")), Kind::ParenNum(n) if n.number == 3));
        assert!(matches!(classify(&line("(二)做强")), Kind::ParenCn(n) if n.number == 2));
        assert!(
            matches!(classify(&line("1． 区域协调发展工程。")), Kind::Num(n) if n.rest == "区域协调发展工程。")
        );
        assert!(matches!(classify(&line("1、工程")), Kind::Num(_)));
        assert_eq!(classify(&line("1.5万人以上")), Kind::Text);
        assert!(decimal_like_number("11.121人才梯队项目").is_some_and(|n| n.number == 11));
        assert!(matches!(classify(&line("② 建设")), Kind::Circled(n) if n.number == 2));
        assert!(matches!(classify(&line("■某公司项目")), Kind::Bullet(t) if t == "某公司项目"));
        assert!(
            matches!(classify(&line("专栏2：")), Kind::BoxHead(n) if n.number == 2 && n.rest.is_empty())
        );
        assert!(matches!(classify(&line("专栏三 重点工程")), Kind::BoxHead(n) if n.number == 3));
        assert!(matches!(classify(&line("3﹒推进")), Kind::Num(n) if n.number == 3));
        assert!(
            matches!(classify(&line("专栏 1 重点培育的特色小镇")), Kind::BoxHead(n) if n.number == 1 && n.rest == "重点培育的特色小镇")
        );
        assert_eq!(classify(&line("名 词 解 释")), Kind::Glossary);
        assert_eq!(classify(&line("普通正文。")), Kind::Text);
        assert!(
            matches!(classify(&line("专栏24　中心城区组团")), Kind::BoxHead(n) if n.number == 24)
        );
        assert_eq!(classify(&line("专栏2中的项目由市发改委负责。")), Kind::Text);
        assert!(
            matches!(classify(&line("![专栏3.jpg]")), Kind::Image(Some(n)) if n.number == 3 && n.rest.is_empty())
        );
        assert_eq!(classify(&line("![地图]")), Kind::Image(None));
    }

    #[test]
    fn clause_titles() {
        assert_eq!(clause_title("北斗导航。发展综合导航"), "北斗导航");
        assert_eq!(clause_title("传统能源：加快推进"), "传统能源");
        assert_eq!(clause_title("没有句号"), "没有句号");
    }

    #[test]
    fn inline_lists_of_measures() {
        let items = ordinal_items(
            "今年再办好3件实事。一是新建学校。二是改造小区，惠及万户。三是加装电梯600部。",
        )
        .unwrap_or_default();
        let labels: Vec<&str> = items.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, vec!["一是", "二是", "三是"]);
        assert_eq!(items[1].1, "改造小区，惠及万户。");
        assert_eq!(
            ordinal_items("坚持创新。一是加强研发，二是引进人才。"),
            None
        );
        // Facets of one measure, not counted: no list of measures.
        assert_eq!(
            ordinal_items("一是新建学校。二是改造小区。三是加装电梯。"),
            None
        );
        assert!(ordinal_items("重点抓好三项工作：一是甲。二是乙。三是丙。").is_some());
        assert_eq!(
            ordinal_items("打造一个平台。一是甲。二是乙。三是丙。"),
            None
        );
    }
}
