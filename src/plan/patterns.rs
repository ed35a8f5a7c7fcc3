//! Every line pattern of the importer, in one place.

use super::numerals::NUMERAL_CHARS;
use regex::Regex;
use std::sync::LazyLock;

/// Compile a pattern written in this file. The patterns are constants covered by the unit
/// tests, so a failure here is a programming error caught before release.
#[allow(clippy::expect_used)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("importer patterns are valid regular expressions")
}

fn numeral_re(template: &str) -> Regex {
    re(&template.replace("{N}", NUMERAL_CHARS))
}

pub static MARKUP: LazyLock<Regex> = LazyLock::new(|| re(r"\[(?:bookmark|image): [^\]]*\]"));
pub static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[-—－–\s]*[0-9０-９]{1,3}[-—－–\s]*$"));
pub static TOC_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^目\s*录$"));
/// Any numbered heading or a box heading (used to tell headings from body text).
pub static HEADING_LIKE: LazyLock<Regex> = LazyLock::new(|| {
    numeral_re(r"^(?:第[{N}]+[篇章节]|[{N}]+、|[（(][{N}]+[）)]|专栏\s*[\d一二三四五六七八九十])")
});

// The heading patterns below match only a line's prefix (label, number, spaces): the rest
// of the line is what follows the match, which spares the engine a capture to the end of
// every long body line (a third of the parse time at 100k items).
/// 专栏2 / 专栏 2 / 专栏2： / 专栏二、
pub static BOX: LazyLock<Regex> =
    LazyLock::new(|| re(r"^专栏\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[：:．.、]?\s*"));
pub static PART: LazyLock<Regex> = LazyLock::new(|| numeral_re(r"^(第([{N}]+)篇)\s*"));
pub static CHAPTER: LazyLock<Regex> = LazyLock::new(|| numeral_re(r"^(第([{N}]+)章)\s*"));
pub static SECTION: LazyLock<Regex> = LazyLock::new(|| numeral_re(r"^(第([{N}]+)节)\s*"));
/// 一、 二、 …
pub static CN_ENUM: LazyLock<Regex> = LazyLock::new(|| re(r"^(([〇一二三四五六七八九十]+)、)\s*"));
/// （一） (一) …
pub static PAREN_CN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^([（(]([〇一二三四五六七八九十]+)[）)])\s*"));
/// （1） (1) …
pub static PAREN_NUM: LazyLock<Regex> = LazyLock::new(|| re(r"^([（(]([0-9０-９]{1,3})[）)])\s*"));
/// 1. 1． 1、 1﹒ (a digit right after the dot would be a decimal number, checked by the caller)
pub static NUMBERED: LazyLock<Regex> = LazyLock::new(|| re(r"^([0-9０-９]{1,3})\s*[.．、﹒]\s*"));
/// An item number inside a run-together line: " 2.建设…"
pub static INLINE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|\s)([0-9]{1,2})[.．]\s*"));
/// Where a flattened line breaks: a numbering after a sentence end or a space.
pub static FLATTENED_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    numeral_re(
        r"[。；！？）\s]\s*(第[{N}]+[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]{1,2}[.．、]|专栏\s*[0-9]+)",
    )
});
/// Where printed lines run together break into paragraphs: a numbering after a space (a
/// printed line starts with it); "1.5" is no numbering.
pub static WRAPPED_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    numeral_re(
        r"\s(第[{N}]+[篇章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]{1,2}[．、]|[0-9]{1,2}\.[^0-9])",
    )
});
/// Numbers inside one paragraph: （一）… （二）…, ①… ②…, "。1.… 2.…" (a digit right after the
/// dot is a decimal, checked by the caller).
pub static INLINE_ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[（(]([一二三四五六七八九十]{1,3}|[0-9]{1,2})[）)]|([①-⑳])|(?:^|[。；：:\s])([0-9]{1,2})[.．、]",
    )
});
/// 一是 二是 … 十五是 inside a paragraph, after the start or a stop.
pub static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[。；，：:！])\s*((?:二十|十)?[一二三四五六七八九十])是"));
/// 名词解释 under any heading style: 附录一：名词解释, 名词解释：, 名词术语解释, 术语解释,
/// 《政府工作报告》名词解释.
pub static GLOSSARY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^[^。，；,;：:]{0,20}?[：:、.．\s]?\s*(?:名\s*词\s*(?:术\s*语\s*)?解\s*释|术\s*语\s*解\s*释|名\s*词\s*术\s*语)[：:]?$",
    )
});
pub static FIGURE: LazyLock<Regex> = LazyLock::new(|| re(r"^图\s*[0-9０-９]+\s"));
/// An indicator row whose cells ran together: name (with its unit), values, attribute.
pub static RUN_TOGETHER_ROW: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?P<name>.*?\p{Han}.*?)(?P<values>[0-9][0-9.\[\]［］〔〕—\-－<>＞＜≥≤]*|[\[［〔—\-－<>＞＜≥≤][0-9.\[\]［］〔〕—\-－<>＞＜≥≤]*[0-9][0-9.\[\]［］〔〕—\-－<>＞＜≥≤]*)(?P<attribute>预期性|约束性)$",
    )
});
/// 湘政发〔2024〕15号
pub static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\p{Han}]{1,10}[〔［\[﹝(（]\s*(?:19|20)\d{2}\s*[〕］\]﹞)）]\s*第?\s*[0-9]{1,4}\s*号$")
});
/// 2021年8月26日
pub static DATE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$"));
pub static YEAR_HEADER: LazyLock<Regex> = LazyLock::new(|| re(r"((?:19|20)\d{2})\s*年"));
/// A unit in parentheses at the end of an indicator name: 常住人口城镇化率（%）
pub static TRAILING_UNIT: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(.*?)[（(]([^（()）]{1,16})[）)]$"));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles_and_matches_its_example() {
        assert!(BOX.is_match("专栏16  “三纵五横”综合交通运输骨干通道"));
        assert!(BOX.is_match("专栏 1 重点培育的特色小镇"));
        assert!(PART.is_match("第一篇  锚定“三高四新”美好蓝图"));
        assert!(CHAPTER.is_match("第五十八章  加快形成绿色生产生活方式"));
        assert!(SECTION.is_match("第1节 提质增效，打造宜居城市"));
        assert!(CN_ENUM.is_match("二、重点任务"));
        assert!(PAREN_CN.is_match("（一）贯通通道"));
        assert!(PAREN_NUM.is_match("（1） 引导农业转移人口落户城镇。"));
        assert!(NUMBERED.is_match("16. 加强城市洪涝治理。"));
        assert!(NUMBERED.is_match("1． 区域协调发展工程。"));
        assert!(GLOSSARY.is_match("名 词 解 释"));
        assert!(GLOSSARY.is_match("附录一：名词解释"));
        assert!(GLOSSARY.is_match("《政府工作报告》名词解释"));
        assert!(!GLOSSARY.is_match("加强名词解释。"));
        assert!(FIGURE.is_match("图1  湖南省“三纵五横”综合交通运输大通道示意图"));
        assert!(DOC_NUMBER.is_match("湘政发〔2024〕15号"));
        assert!(DOC_NUMBER.is_match("监管公告﹝2023﹞第1号"));
        assert!(DATE.is_match("2024年11月30日"));
        assert!(TRAILING_UNIT.is_match("常住人口城镇化率（%）"));
        assert!(MARKUP.is_match("[bookmark: _Toc1]"));
        assert!(PAGE_NUMBER.is_match("13"));
        assert!(TOC_HEADING.is_match("目   录"));
        assert!(HEADING_LIKE.is_match("第三节 打造"));
        assert!(INLINE_NUMBER.is_match("工程 1.建设"));
        assert!(YEAR_HEADER.is_match("2020 年"));
    }
}
