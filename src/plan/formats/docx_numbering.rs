//! Word's automatic numbering (`word/numbering.xml`): the labels Word draws before numbered
//! paragraphs ("第一章", "一、", "（一）", "1.") but the text does not hold. The reader gives
//! them back to paragraphs whose text lacks a number, so the importer sees the numbering a
//! reader of the document sees.

use super::FormatError;
use super::xml::{Ev, Xml, attr, local};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// What follows the label: tab (default), space or nothing.
    suffix: String,
}

#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId → its levels 0..8.
    abstracts: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// numId → the current counter of each level (None: not used since its parent moved).
    counters: HashMap<String, [Option<u32>; 9]>,
}

fn level_index(value: Option<String>) -> usize {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0)
        .min(8)
}

impl Numbering {
    pub fn parse(xml: &str) -> Result<Numbering, FormatError> {
        let mut numbering = Numbering::default();
        let mut reader = Xml::new(xml, "word/numbering.xml");
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, String, HashMap<usize, u32>)> = None;
        let mut override_level = 0usize;
        loop {
            match reader.next()? {
                Ev::Start(e) | Ev::Empty(e) => {
                    let name = local(&e);
                    match name.as_slice() {
                        b"abstractNum" => abstract_id = attr(&e, b"abstractNumId"),
                        b"lvl" if num.is_none() => {
                            level = Some((
                                level_index(attr(&e, b"ilvl")),
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    suffix: "tab".into(),
                                    ..Level::default()
                                },
                            ));
                        }
                        b"start" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                                l.start = v.trim().parse().unwrap_or(1);
                            }
                        }
                        b"numFmt" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                                l.format = v;
                            }
                        }
                        b"lvlText" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                                l.text = v;
                            }
                        }
                        b"suff" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(&e, b"val")) {
                                l.suffix = v;
                            }
                        }
                        b"num" => {
                            num = Some((
                                attr(&e, b"numId").unwrap_or_default(),
                                String::new(),
                                HashMap::new(),
                            ));
                        }
                        b"abstractNumId" => {
                            if let (Some(n), Some(v)) = (num.as_mut(), attr(&e, b"val")) {
                                n.1 = v;
                            }
                        }
                        b"lvlOverride" => override_level = level_index(attr(&e, b"ilvl")),
                        b"startOverride" => {
                            if let (Some(n), Some(v)) = (num.as_mut(), attr(&e, b"val")) {
                                n.2.insert(override_level, v.trim().parse().unwrap_or(1));
                            }
                        }
                        _ => {}
                    }
                }
                Ev::End(name) => match name.as_slice() {
                    b"lvl" => {
                        if let (Some(id), Some((index, l))) = (&abstract_id, level.take()) {
                            let levels = numbering.abstracts.entry(id.clone()).or_default();
                            if levels.len() <= index {
                                levels.resize(index + 1, Level::default());
                            }
                            levels[index] = l;
                        }
                    }
                    b"abstractNum" => abstract_id = None,
                    b"num" => {
                        if let Some((id, abs, overrides)) = num.take() {
                            numbering.nums.insert(id, (abs, overrides));
                        }
                    }
                    _ => {}
                },
                Ev::Text(_) => {}
                Ev::Eof => return Ok(numbering),
            }
        }
    }

    /// The label Word draws for the next paragraph of list `num_id` at level `ilvl`,
    /// with the separator that follows it; `None` for bullets, "none" and unknown lists.
    pub fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let (abstract_id, overrides) = self.nums.get(num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(ilvl)?;
        let start_of = |i: usize| -> u32 {
            overrides
                .get(&i)
                .copied()
                .or_else(|| levels.get(i).map(|l| l.start))
                .unwrap_or(1)
        };
        let counters = self.counters.entry(num_id.to_string()).or_insert([None; 9]);
        let value = counters[ilvl].map_or_else(|| start_of(ilvl), |v| v.saturating_add(1));
        counters[ilvl] = Some(value);
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        if matches!(level.format.as_str(), "bullet" | "none") || level.text.is_empty() {
            return None;
        }
        let mut label = level.text.clone();
        for i in (0..=ilvl).rev() {
            let placeholder = format!("%{}", i + 1);
            if label.contains(&placeholder) {
                let n = counters[i].unwrap_or_else(|| start_of(i));
                let format = levels.get(i).map_or("decimal", |l| l.format.as_str());
                label = label.replace(&placeholder, &format_number(n, format));
            }
        }
        let separator = match level.suffix.as_str() {
            "nothing" => "",
            _ if label.ends_with(['、', '.', '．', '）', ')', '：']) => "",
            _ => " ",
        };
        Some(format!("{label}{separator}"))
    }
}

const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
pub fn chinese(n: u32) -> String {
    let digit = |d: u32| DIGITS[d as usize % 10];
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { digit(n % 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n.is_multiple_of(10) {
                ""
            } else {
                digit(n % 10)
            }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", digit(rest)),
                10..=19 => format!("一{}", chinese(rest)),
                _ => chinese(rest),
            };
            format!("{}百{tail}", digit(n / 100))
        }
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, text) in TABLE {
        while n >= value && out.len() < 32 {
            out.push_str(text);
            n -= value;
        }
    }
    out
}

fn letter(n: u32) -> String {
    let index = (n.max(1) - 1) % 26;
    let ch = char::from(b'A' + index as u8);
    ch.to_string()
        .repeat(((n.max(1) - 1) / 26 + 1).min(4) as usize)
}

/// A counter in one of Word's number formats (ST_NumberFormat).
pub fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => chinese(n),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get((n.max(1) - 1) as usize)
            .map_or_else(|| n.to_string(), |s| s.to_string()),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map_or_else(|| n.to_string(), String::from)
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(u32::from(c) - u32::from('0') + 0xFF10))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" => letter(n),
        "lowerLetter" => letter(n).to_lowercase(),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        _ => n.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting() {
        let got: Vec<String> = [1, 10, 12, 20, 35, 100, 105, 110].map(chinese).to_vec();
        assert_eq!(
            got,
            [
                "一",
                "十",
                "十二",
                "二十",
                "三十五",
                "一百",
                "一百零五",
                "一百一十"
            ]
        );
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
    }

    #[test]
    fn labels_follow_levels_and_restart_below() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>"#;
        let mut n = Numbering::parse(xml).unwrap();
        let labels: Vec<Option<String>> = [
            (1, 0),
            (1, 1),
            (1, 1),
            (1, 2),
            (1, 0),
            (1, 1),
            (2, 0),
            (2, 0),
        ]
        .into_iter()
        .map(|(id, lvl)| n.next_label(&id.to_string(), lvl))
        .collect();
        let want = [
            "一、",
            "（一）",
            "（二）",
            "1.",
            "二、",
            "（一）",
            "第一章 ",
            "第二章 ",
        ];
        assert_eq!(
            labels,
            want.iter().map(|s| Some(s.to_string())).collect::<Vec<_>>()
        );
        assert_eq!(n.next_label("9", 0), None);
    }
}
