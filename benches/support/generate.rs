//! Realistic synthetic plans at any size, shared by the benches (`#[path]`-included).
//!
//! - `plans(items, seed)`: about 60% of the items are 专栏 items of outline plans (篇 → 章 →
//!   节, boxes of 5–12 items), about 40% key tasks of action plans (一、/（一）/ numbered,
//!   each with 1–3 departments from `seed/departments.toml`, lead first). Titles have 15–40
//!   CJK characters, bodies (title included) 40–400, drawn from a plan vocabulary; 长株潭 is
//!   kept out of the vocabulary and injected into ~1% of titles, so a search for it has a
//!   known selectivity. Deadline sentences (到2025年…, 2027年前…, “十四五”末…) give about
//!   half the items one milestone and ~10% two or three.
//! - `plan_text(plan)`: the same plan written as a plan text the importer reads (checked by
//!   `datagen verify`), for the parse + import benchmark.
//! - `metas(plans)`: manifest entries (key, short name, period) for `Store::import_plans`.
//! - `track(store, seed)`: owners, departments, status/progress, notes, milestone
//!   completions and extensions (and so history) through the public `Store` API.
//!
//! Deterministic: one xorshift64* stream per seed, no dependency.
#![allow(dead_code)]

use chrono::NaiveDate;
use plantrack::plan::{
    BoxItem, BoxKind, Deadline, DepartmentRef, Level, MergedPlan, OutlineNode, Plan, PlanBox,
    Rendition, Role, Script, Task, TextEncoding, find_deadlines,
};
use plantrack::seed::PlanMeta;
use plantrack::store::{ItemEdit, ItemQuery, Store};
use plantrack::track::Status;
use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

/// xorshift64* — small, fast, deterministic.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Never zero; spread small seeds.
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }

    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }
}

const DEPARTMENTS_TOML: &str = include_str!("../../seed/departments.toml");

/// Short names of the directory's departments (those without 、, which a 责任单位 list
/// would split): 64 names.
pub fn departments() -> Vec<String> {
    DEPARTMENTS_TOML
        .lines()
        .filter_map(|l| l.strip_prefix("short = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .filter(|name| !name.contains('、'))
        .map(str::to_string)
        .collect()
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗",
];
const GIVEN: &[&str] = &[
    "敏", "伟", "芳", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛", "明", "超", "霞", "平", "刚",
    "辉", "鹏", "华", "红", "建国", "志强", "海燕", "晓东", "丽娟", "文博", "思远", "佳怡",
];

/// About 200 distinct owner names.
pub fn owners() -> Vec<String> {
    let mut names = Vec::new();
    for (i, s) in SURNAMES.iter().enumerate() {
        for (j, g) in GIVEN.iter().enumerate() {
            if (i * 7 + j * 3) % 3 == 0 {
                names.push(format!("{s}{g}"));
            }
        }
    }
    names.truncate(200);
    names
}

const VERBS: &[&str] = &[
    "推进", "加快", "完善", "建设", "打造", "提升", "实施", "深化", "强化", "优化", "健全", "培育",
    "促进", "统筹", "支持", "扩大", "构建", "推动", "落实", "夯实",
];
/// Noun phrases. 长株潭 is deliberately absent (injected into ~1% of titles instead).
const NOUNS: &[&str] = &[
    "一体化",
    "湘江新区",
    "城镇化",
    "基础设施",
    "都市圈",
    "公共服务",
    "产业园区",
    "综合交通",
    "城市更新",
    "县域经济",
    "农业转移人口",
    "市民化",
    "新型城镇化",
    "数字政府",
    "生态环境",
    "洞庭湖",
    "湘西地区",
    "乡村振兴",
    "高质量发展",
    "现代化",
    "保障性住房",
    "城乡融合",
    "产业集群",
    "职业教育",
    "医疗卫生",
    "智慧城市",
    "韧性城市",
    "绿色低碳",
    "营商环境",
    "要素市场化配置",
    "轨道交通",
    "物流枢纽",
    "特色小镇",
    "历史文化街区",
    "老旧小区",
    "地下管网",
    "防洪排涝",
    "污水处理",
    "垃圾分类",
    "科技创新",
    "先进制造业",
    "现代服务业",
    "开放型经济",
    "自贸试验区",
    "跨境电商",
    "人才引进",
    "社会保障",
    "养老服务",
    "托育服务",
    "文化旅游",
    "体育设施",
    "应急管理",
    "安全生产",
    "耕地保护",
    "国土空间",
    "能源保供",
    "新能源",
    "算力网络",
    "低空经济",
    "政务服务",
];
const SUFFIXES: &[&str] = &[
    "工程",
    "行动",
    "计划",
    "项目",
    "体系",
    "示范区",
    "试点",
    "机制",
    "平台",
    "专项行动",
];
const LINKS: &[&str] = &["和", "与", "及", "暨"];
const CLAUSES: &[&str] = &[
    "加强统筹协调",
    "完善政策体系",
    "强化要素保障",
    "健全工作机制",
    "加大资金投入",
    "创新体制机制",
    "提高服务水平",
    "补齐短板弱项",
    "形成工作合力",
    "推动提质增效",
    "压实主体责任",
    "强化督导考核",
    "鼓励社会资本参与",
    "引导市场主体投入",
    "建立健全长效机制",
    "开展试点示范",
];
const REGIONS: &[&str] = &[
    "长沙市",
    "株洲市",
    "湘潭市",
    "衡阳市",
    "邵阳市",
    "岳阳市",
    "常德市",
    "张家界市",
    "益阳市",
    "郴州市",
    "永州市",
    "怀化市",
    "娄底市",
    "湘西土家族苗族自治州",
    "浏阳市",
    "宁乡市",
    "醴陵市",
    "湘乡市",
    "韶山市",
    "耒阳市",
    "常宁市",
    "武冈市",
    "汨罗市",
    "临湘市",
    "津市市",
    "沅江市",
    "资兴市",
    "洪江市",
    "冷水江市",
    "涟源市",
    "吉首市",
];
const TOPICS: &[&str] = &[
    "新型城镇化",
    "综合交通运输",
    "城市更新",
    "产业发展",
    "生态环境保护",
    "数字政府建设",
    "公共服务",
    "乡村振兴",
    "县域经济发展",
    "基础设施建设",
    "科技创新",
    "文化旅游融合发展",
];

/// Chinese numerals 1–99 (十二, 二十, 九十九).
pub fn cn_number(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ if n.is_multiple_of(10) => format!("{}十", D[n / 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

/// A noun phrase of 2–3 vocabulary nouns.
fn phrase(rng: &mut Rng) -> String {
    let mut text = rng.word(NOUNS).to_string();
    for _ in 0..rng.range(1, 2) {
        if rng.chance(0.25) {
            text.push_str(rng.word(LINKS));
        }
        text.push_str(rng.word(NOUNS));
    }
    text
}

/// An item title of 15–40 characters: verb + phrases + suffix, 长株潭 in ~1%.
fn title(rng: &mut Rng, inject: bool) -> String {
    let target = rng.range(15, 40);
    loop {
        let mut text = String::new();
        if inject {
            text.push_str("长株潭");
        }
        text.push_str(rng.word(VERBS));
        while chars(&text) < target.saturating_sub(4) {
            text.push_str(rng.word(NOUNS));
        }
        text.push_str(rng.word(SUFFIXES));
        if (15..=40).contains(&chars(&text)) {
            return text;
        }
    }
}

fn heading(rng: &mut Rng) -> String {
    format!("{}{}", rng.word(VERBS), phrase(rng))
}

/// One body sentence, ending in 。
fn sentence(rng: &mut Rng) -> String {
    let mut text = format!("{}{}", rng.word(VERBS), phrase(rng));
    for _ in 0..rng.range(1, 3) {
        text.push('，');
        if rng.chance(0.5) {
            text.push_str(rng.word(CLAUSES));
        } else {
            text.push_str(rng.word(VERBS));
            text.push_str(rng.word(NOUNS));
        }
    }
    text.push('。');
    text
}

/// A sentence with a deadline phrase the importer recognises.
fn deadline_sentence(rng: &mut Rng, period: (i32, i32)) -> String {
    let year = period.0 as usize + rng.below((period.1 - period.0 + 1) as usize);
    let goal = format!(
        "{}{}{}",
        rng.word(&["基本建成", "全面完成", "初步形成", "力争实现", "建成投用"]),
        rng.word(NOUNS),
        rng.word(SUFFIXES)
    );
    match rng.below(3) {
        0 => format!("到{year}年，{goal}。"),
        1 => format!("{year}年前{goal}。"),
        _ => {
            let plan = if period.0 >= 2026 {
                "“十五五”"
            } else {
                "“十四五”"
            };
            format!("{plan}末，{goal}。")
        }
    }
}

/// The body of an item, title included: 40–400 characters, with 0–3 deadline sentences.
fn body(rng: &mut Rng, title: &str, period: (i32, i32)) -> String {
    // Skewed towards the shorter end, as real items are: mean about 180.
    let u = (rng.below(10_000) as f64) / 10_000.0;
    let target = 40 + (u * u * 360.0) as usize;
    let deadlines = match rng.below(100) {
        0..=9 => rng.range(2, 3),
        10..=54 => 1,
        _ => 0,
    };
    let mut text = format!("{title}。");
    let mut sentences: Vec<String> = (0..deadlines)
        .map(|_| deadline_sentence(rng, period))
        .collect();
    while chars(&text) + sentences.iter().map(|s| chars(s)).sum::<usize>() < target {
        let s = sentence(rng);
        let at = rng.below(sentences.len() + 1);
        sentences.insert(at, s);
    }
    for s in sentences {
        if chars(&text) + chars(&s) > 400 {
            break;
        }
        text.push_str(&s);
    }
    if chars(&text) < 40 {
        text.push_str("加强统筹协调，形成工作合力，确保各项任务落地见效。");
    }
    text
}

/// Pick 1–3 distinct departments, lead first.
fn pick_departments(rng: &mut Rng, names: &[String]) -> Vec<DepartmentRef> {
    let n = match rng.below(10) {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    let mut chosen: Vec<&String> = Vec::new();
    while chosen.len() < n {
        // Skewed: the first departments (发改委, 自然资源厅 …) lead far more often.
        let i = if rng.chance(0.5) {
            rng.below(names.len().min(12))
        } else {
            rng.below(names.len())
        };
        if !chosen.contains(&&names[i]) {
            chosen.push(&names[i]);
        }
    }
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, name)| DepartmentRef {
            name: name.clone(),
            role: if i == 0 { Role::Lead } else { Role::Co },
        })
        .collect()
}

fn node(level: Level, number: usize, label: String, title: &str) -> OutlineNode {
    OutlineNode {
        level,
        number: number as u32,
        label,
        title: title.to_string(),
        children: Vec::new(),
    }
}

/// Plan header facts, kept beside the model so `plan_text` can write them.
struct Header {
    title: String,
    issuer: String,
    issued_on: NaiveDate,
    period: (i32, i32),
}

fn header(rng: &mut Rng, index: usize, action: bool, used: &mut HashSet<String>) -> Header {
    loop {
        let region = rng.word(REGIONS);
        let topic = rng.word(TOPICS);
        let fifteenth = rng.chance(0.4);
        let (five, period) = if fifteenth {
            ("“十五五”", (2026, 2030))
        } else {
            ("“十四五”", (2021, 2025))
        };
        let title = if action {
            let (start, end) = if fifteenth {
                (2026, 2028)
            } else {
                (2023 + rng.below(3) as i32, 2025 + rng.below(3) as i32)
            };
            let name = format!("{region}{start}—{end}年{topic}行动实施方案");
            if used.contains(&name) {
                continue;
            }
            used.insert(name.clone());
            return Header {
                title: name,
                issuer: format!("{region}人民政府办公室"),
                issued_on: NaiveDate::from_ymd_opt(start - 1, 1 + (index % 12) as u32, 15)
                    .unwrap_or_default(),
                period: (start, end),
            };
        } else {
            format!("{region}{five}{topic}规划")
        };
        if used.contains(&title) {
            continue;
        }
        used.insert(title.clone());
        return Header {
            title,
            issuer: format!("{region}人民政府"),
            issued_on: NaiveDate::from_ymd_opt(period.0, 1 + (index % 12) as u32, 20)
                .unwrap_or_default(),
            period,
        };
    }
}

fn merged(
    header: Header,
    source: String,
    outline: Vec<OutlineNode>,
    boxes: Vec<PlanBox>,
    tasks: Vec<Task>,
) -> MergedPlan {
    MergedPlan {
        plan: Plan {
            title: header.title,
            issuer: Some(header.issuer),
            doc_number: None,
            issued_on: Some(header.issued_on),
            script: Script::Simplified,
            outline,
            boxes,
            tasks,
            indicators: Vec::new(),
            glossary: Vec::new(),
        },
        sources: vec![source.clone()],
        renditions: vec![Rendition {
            source,
            encoding: TextEncoding::Utf8,
            script: Script::Simplified,
            format: Default::default(),
        }],
        disagreements: Vec::new(),
        warnings: Vec::new(),
        coverage: Vec::new(),
    }
}

/// An outline plan (篇/章/节, 专栏 boxes of 5–12 items) of about `items` items.
fn outline_plan(
    rng: &mut Rng,
    index: usize,
    items: usize,
    used: &mut HashSet<String>,
) -> MergedPlan {
    let header = header(rng, index, false, used);
    let period = header.period;
    let mut outline: Vec<OutlineNode> = Vec::new();
    let mut boxes: Vec<PlanBox> = Vec::new();
    let mut made = 0;
    let mut chapter_no = 0;
    let mut part_no = 0;
    while made < items {
        part_no += 1;
        let part_title = heading(rng);
        let mut part = node(
            Level::Part,
            part_no,
            format!("第{}篇", cn_number(part_no)),
            &part_title,
        );
        let part_display = format!("{} {}", part.label, part_title);
        for _ in 0..rng.range(2, 5) {
            if made >= items {
                break;
            }
            chapter_no += 1;
            let chapter_title = heading(rng);
            let mut chapter = node(
                Level::Chapter,
                chapter_no,
                format!("第{}章", cn_number(chapter_no)),
                &chapter_title,
            );
            let chapter_display = format!("{} {}", chapter.label, chapter_title);
            let sections = rng.range(0, 3);
            // Boxes of this chapter: about 60–200 items per chapter.
            let chapter_boxes = rng.range(6, 20);
            for b in 0..chapter_boxes {
                if made >= items {
                    break;
                }
                let section = if sections > 0 {
                    let s = 1 + b * sections / chapter_boxes;
                    if chapter.children.len() < s {
                        let t = heading(rng);
                        chapter.children.push(node(
                            Level::Section,
                            s,
                            format!("第{}节", cn_number(s)),
                            &t,
                        ));
                    }
                    chapter
                        .children
                        .last()
                        .map(|n| format!("{} {}", n.label, n.title))
                } else {
                    None
                };
                let count = rng.range(5, 12).min(items - made);
                let mut titles: HashSet<String> = HashSet::new();
                let mut box_items = Vec::new();
                for i in 0..count {
                    let t = loop {
                        let inject = rng.chance(0.01);
                        let t = title(rng, inject);
                        if titles.insert(t.clone()) {
                            break t;
                        }
                    };
                    let body = body(rng, &t, period);
                    box_items.push(BoxItem {
                        number: Some((i + 1).to_string()),
                        group: None,
                        deadlines: find_deadlines(&body),
                        title: t,
                        body,
                        departments: Vec::new(),
                        line: None,
                    });
                }
                made += count;
                boxes.push(PlanBox {
                    number: boxes.len() as u32 + 1,
                    title: Some(format!("{}{}", phrase(rng), rng.word(SUFFIXES))),
                    chapter: Some(chapter_display.clone()),
                    section,
                    kind: BoxKind::Items,
                    items: box_items,
                    rows: Vec::new(),
                    notes: Vec::new(),
                    line: None,
                });
            }
            let _ = &part_display;
            part.children.push(chapter);
        }
        outline.push(part);
    }
    merged(
        header,
        format!("gen-{index:03}.txt"),
        outline,
        boxes,
        Vec::new(),
    )
}

/// An action plan (一、/（一）/ numbered tasks with 责任单位) of `items` ≤ 999 tasks.
fn action_plan(
    rng: &mut Rng,
    index: usize,
    items: usize,
    used: &mut HashSet<String>,
    names: &[String],
) -> MergedPlan {
    let header = header(rng, index, true, used);
    let period = header.period;
    let mut outline = vec![node(Level::Chapter, 1, "一、".into(), "总体要求")];
    let mut tasks = Vec::new();
    let mut chapter_no = 1;
    while tasks.len() < items {
        chapter_no += 1;
        let chapter_title = format!("{}{}", rng.word(VERBS), rng.word(NOUNS));
        let mut chapter = node(
            Level::Chapter,
            chapter_no,
            format!("{}、", cn_number(chapter_no)),
            &chapter_title,
        );
        let chapter_display = format!("{}{}", chapter.label, chapter_title);
        for g in 1..=rng.range(5, 12) {
            if tasks.len() >= items {
                break;
            }
            let group_title = format!("实施{}{}", phrase(rng), rng.word(&["行动", "工程", "计划"]));
            chapter.children.push(node(
                Level::Section,
                g,
                format!("（{}）", cn_number(g)),
                &group_title,
            ));
            let group = format!("（{}）{}", cn_number(g), group_title);
            for _ in 0..rng.range(5, 15) {
                if tasks.len() >= items {
                    break;
                }
                let number = tasks.len() + 1;
                let inject = rng.chance(0.01);
                let t = title(rng, inject);
                let body = body(rng, &t, period);
                tasks.push(Task {
                    number: number.to_string(),
                    group: Some(group.clone()),
                    chapter: Some(chapter_display.clone()),
                    title: t,
                    deadlines: find_deadlines(&body),
                    body,
                    departments: pick_departments(rng, names),
                    line: None,
                });
            }
        }
        outline.push(chapter);
    }
    merged(
        header,
        format!("gen-{index:03}.txt"),
        outline,
        Vec::new(),
        tasks,
    )
}

/// Plans holding `items` items in all (box items and key tasks).
pub fn plans(items: usize, seed: u64) -> Vec<MergedPlan> {
    let mut rng = Rng::new(seed);
    let names = departments();
    let mut used = HashSet::new();
    let outline_target = items * 6 / 10;
    let mut plans = Vec::new();
    let mut outline_made = 0;
    let mut action_made = 0;
    while outline_made + action_made < items {
        let index = plans.len() + 1;
        // Interleave the kinds so any prefix of the list is a realistic mix.
        let outline_turn = outline_made < outline_target
            && (action_made >= items - outline_target
                || outline_made * (items - outline_target) <= action_made * outline_target);
        if outline_turn {
            let n = rng.range(800, 2500).min(outline_target - outline_made);
            plans.push(outline_plan(&mut rng, index, n, &mut used));
            outline_made += n;
        } else {
            let n = rng
                .range(200, 900)
                .min(items - outline_target - action_made);
            plans.push(action_plan(&mut rng, index, n, &mut used, &names));
            action_made += n;
        }
    }
    plans
}

/// Number of items (box items and tasks) of plans.
pub fn item_count(plans: &[MergedPlan]) -> usize {
    plans
        .iter()
        .map(|p| p.plan.tasks.len() + p.plan.boxes.iter().map(|b| b.items.len()).sum::<usize>())
        .sum()
}

/// Manifest entries for `plans` (matched by source file name).
pub fn metas(plans: &[MergedPlan]) -> Vec<PlanMeta> {
    plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let period = plantrack::plan::five_year_period(&p.plan.title).unwrap_or_else(|| {
                // Action plans: 长沙市2024—2026年…行动实施方案
                let years: Vec<i32> = p
                    .plan
                    .title
                    .split(|c: char| !c.is_ascii_digit())
                    .filter_map(|s| s.parse().ok())
                    .collect();
                match years.as_slice() {
                    [a, b, ..] => (*a, *b),
                    _ => (2021, 2025),
                }
            });
            let region = REGIONS
                .iter()
                .find(|r| p.plan.title.starts_with(**r))
                .copied()
                .unwrap_or("湖南省");
            PlanMeta {
                key: format!("gen-{:03}", i + 1),
                short_name: p.plan.title.clone(),
                level: "市".into(),
                region: format!("湖南省{region}"),
                period: [period.0, period.1],
                files: p.sources.clone(),
            }
        })
        .collect()
}

/// The plan as a text file the importer reads.
pub fn plan_text(p: &MergedPlan) -> String {
    let plan = &p.plan;
    let mut out = String::new();
    out.push_str(&plan.title);
    out.push_str("\n\n");
    if let Some(issuer) = &plan.issuer {
        out.push_str(issuer);
        out.push('\n');
    }
    if let Some(date) = plan.issued_on {
        out.push_str(&date.format("%Y年%-m月%-d日").to_string());
        out.push_str("\n\n");
    }
    if plan.tasks.is_empty() {
        write_outline_plan(plan, &mut out);
    } else {
        write_action_plan(plan, &mut out);
    }
    out
}

fn write_outline_plan(plan: &Plan, out: &mut String) {
    let mut boxes = plan.boxes.iter().peekable();
    out.push_str("为加快推进新型城镇化和区域协调发展，制定本规划。\n\n");
    for part in &plan.outline {
        out.push_str(&format!("{} {}\n\n", part.label, part.title));
        for chapter in &part.children {
            let chapter_display = format!("{} {}", chapter.label, chapter.title);
            out.push_str(&format!("{chapter_display}\n\n"));
            out.push_str("坚持系统观念，统筹发展和安全，推动各项任务落地见效。\n\n");
            let mut section: Option<String> = None;
            while let Some(b) = boxes.next_if(|b| b.chapter.as_deref() == Some(&chapter_display)) {
                if b.section != section {
                    if let Some(s) = &b.section {
                        out.push_str(&format!("{s}\n\n"));
                        out.push_str("强化规划引领，完善配套政策，提高建设水平。\n\n");
                    }
                    section = b.section.clone();
                }
                out.push_str(&format!(
                    "专栏{}  {}\n",
                    b.number,
                    b.title.as_deref().unwrap_or("")
                ));
                for item in &b.items {
                    out.push_str(&format!(
                        "{}．{}\n",
                        item.number.as_deref().unwrap_or("1"),
                        item.body
                    ));
                }
                out.push('\n');
            }
        }
    }
}

fn write_action_plan(plan: &Plan, out: &mut String) {
    out.push_str("为深入贯彻落实省委省政府决策部署，结合实际，制定本实施方案。\n\n");
    out.push_str("一、总体要求\n\n");
    out.push_str("坚持以人民为中心的发展思想，统筹推进各项重点任务，确保取得实效。\n\n");
    let mut chapter: Option<&str> = None;
    let mut group: Option<&str> = None;
    for task in &plan.tasks {
        if task.chapter.as_deref() != chapter {
            chapter = task.chapter.as_deref();
            group = None;
            out.push_str(&format!("{}\n\n", chapter.unwrap_or("")));
        }
        if task.group.as_deref() != group {
            group = task.group.as_deref();
            out.push_str(&format!("{}\n\n", group.unwrap_or("")));
        }
        let names: Vec<&str> = task.departments.iter().map(|d| d.name.as_str()).collect();
        out.push_str(&format!(
            "{}.{}（责任单位：{}）\n\n",
            task.number,
            task.body,
            names.join("、")
        ));
    }
}

/// One item as `datagen verify` compares it: (chapter, title, body, departments,
/// deadline due dates).
pub type ItemFacts = (Option<String>, String, String, Vec<String>, Vec<NaiveDate>);

/// What `datagen verify` compares: the items of a plan.
pub fn item_facts(p: &MergedPlan) -> Vec<ItemFacts> {
    let mut out = Vec::new();
    for b in &p.plan.boxes {
        for i in &b.items {
            out.push((
                b.chapter.clone(),
                i.title.clone(),
                i.body.clone(),
                Vec::new(),
                i.deadlines.iter().map(|d| d.due).collect(),
            ));
        }
    }
    for t in &p.plan.tasks {
        out.push((
            t.chapter.clone(),
            t.title.clone(),
            t.body.clone(),
            t.departments.iter().map(|d| d.name.clone()).collect(),
            t.deadlines.iter().map(|d: &Deadline| d.due).collect(),
        ));
    }
    out
}

/// One item as the Taskwarrior comparison loads it.
pub struct FlatItem {
    pub title: String,
    pub chapter: String,
    pub departments: Vec<String>,
    pub due: Option<NaiveDate>,
}

/// Every item of `plans` flattened (plan order), for the Taskwarrior comparison.
pub fn flat_items(plans: &[MergedPlan]) -> Vec<FlatItem> {
    let mut out = Vec::new();
    for (i, p) in plans.iter().enumerate() {
        let project = |chapter: Option<&str>| {
            let label: String = chapter
                .unwrap_or("none")
                .split(' ')
                .next()
                .unwrap_or("none")
                .trim_end_matches('、')
                .to_string();
            format!("p{:03}.{label}", i + 1)
        };
        for b in &p.plan.boxes {
            for item in &b.items {
                out.push(FlatItem {
                    title: item.title.clone(),
                    chapter: project(b.chapter.as_deref()),
                    departments: Vec::new(),
                    due: item.deadlines.first().map(|d| d.due),
                });
            }
        }
        for t in &p.plan.tasks {
            out.push(FlatItem {
                title: t.title.clone(),
                chapter: project(t.chapter.as_deref()),
                departments: t.departments.iter().map(|d| d.name.clone()).collect(),
                due: t.deadlines.first().map(|d| d.due),
            });
        }
    }
    out
}

/// Most `edit_item` calls `track` makes (status + progress, one committed write each).
pub const MAX_EDITS: usize = 12_000;
/// Most notes `track` adds.
pub const MAX_NOTES: usize = 1_000;
/// Most milestone completions and extensions `track` makes.
pub const MAX_MILESTONE_WRITES: usize = 3_000;

/// What `track` did and how long each step took.
#[derive(Debug, Default)]
pub struct TrackReport {
    pub steps: Vec<(String, usize, f64)>,
}

impl TrackReport {
    fn step(&mut self, what: &str, count: usize, started: Instant) {
        self.steps
            .push((what.to_string(), count, started.elapsed().as_secs_f64()));
    }
}

/// Add tracking data through the public Store API, as people would over months:
/// - owners on 70% of the items (`bulk_assign`, one change per owner: ~200 writes);
/// - a lead department on 60% of the box items and a co department on 20% (`bulk_assign`,
///   one change per department; key tasks already have theirs from the plan text);
/// - status and progress on the items that are not "not started" (~70%), one `edit_item`
///   each, at most `MAX_EDITS` (12,000) of them: every call is one committed transaction
///   (`synchronous=FULL`), and at 100k one costs ~2.3 ms here, so editing all 70k items
///   took 159 s (the whole `track` 216 s). At 100k about 12k items get a status, the rest
///   stay not started. `PLANTRACK_TRACK_EDITS` (a share 0.0–1.0) overrides the cap;
/// - a note on ~3% of the items (`add_note`), at most `MAX_NOTES` (1,000);
/// - ~12% of the milestones completed and ~2% extended (延期), at most
///   `MAX_MILESTONE_WRITES` (3,000) writes.
///
/// Returns the time of each step.
pub fn track(store: &mut Store, seed: u64) -> TrackReport {
    let mut report = TrackReport::default();
    let mut rng = Rng::new(seed ^ 0x0074_7261_636b);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let rows = store.list(&ItemQuery::default(), today).unwrap_or_default();
    let owner_names = owners();
    let dept_names = departments();

    let started = Instant::now();
    let mut by_owner: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for row in &rows {
        if rng.chance(0.7) {
            // Zipf-like: a few people own many items.
            let u = rng.below(10_000) as f64 / 10_000.0;
            let i = ((u * u) * owner_names.len() as f64) as usize;
            by_owner.entry(i).or_default().push(row.id);
        }
    }
    let mut assigned = 0;
    for (i, ids) in &by_owner {
        if store.bulk_assign(ids, Some(&owner_names[*i]), None).is_ok() {
            assigned += ids.len();
        }
    }
    report.step("owners (bulk_assign)", assigned, started);

    let started = Instant::now();
    let mut leads: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    let mut cos: BTreeMap<usize, Vec<i64>> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.kind == "box_item") {
        if rng.chance(0.6) {
            let i = if rng.chance(0.5) {
                rng.below(12)
            } else {
                rng.below(dept_names.len())
            };
            leads.entry(i).or_default().push(row.id);
            if rng.chance(0.33) {
                let j = (i + 1 + rng.below(dept_names.len() - 1)) % dept_names.len();
                cos.entry(j).or_default().push(row.id);
            }
        }
    }
    let mut linked = 0;
    for (i, ids) in &leads {
        if store
            .bulk_assign(
                ids,
                None,
                Some((&dept_names[*i], plantrack::plan::Role::Lead)),
            )
            .is_ok()
        {
            linked += ids.len();
        }
    }
    for (i, ids) in &cos {
        if store
            .bulk_assign(
                ids,
                None,
                Some((&dept_names[*i], plantrack::plan::Role::Co)),
            )
            .is_ok()
        {
            linked += ids.len();
        }
    }
    report.step("departments (bulk_assign)", linked, started);

    // One committed transaction per call: cap them so `track` stays near a minute at 100k.
    let share: f64 = std::env::var("PLANTRACK_TRACK_EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| (MAX_EDITS as f64 / (rows.len() as f64 * 0.7)).min(1.0));
    let started = Instant::now();
    let mut edited = 0;
    if let Ok(stamp) = store.stamp() {
        for row in &rows {
            let (status, progress) = match rng.below(100) {
                0..=29 => continue,
                30..=84 => (Status::InProgress, 10 * rng.range(1, 9) as u8),
                85..=96 => (Status::Done, 100),
                _ => (Status::Paused, 10 * rng.range(1, 6) as u8),
            };
            if !rng.chance(share) {
                continue;
            }
            let edit = ItemEdit {
                status: Some(status),
                progress: Some(progress),
                ..ItemEdit::default()
            };
            if store.edit_item(row.id, Some(stamp), &edit).is_ok() {
                edited += 1;
            }
        }
    }
    report.step(
        "status+progress (edit_item, one write each)",
        edited,
        started,
    );

    let started = Instant::now();
    let note_share = (MAX_NOTES as f64 / (rows.len() as f64 * 0.03)).min(1.0);
    let mut notes = 0;
    for row in &rows {
        if rng.chance(0.03 * note_share) {
            let text = format!(
                "{}。{}",
                sentence(&mut rng).trim_end_matches('。'),
                rng.word(&[
                    "已召开协调会，明确责任分工",
                    "项目已完成可研批复",
                    "资金已下达，正在组织招标",
                    "因用地审批延后，进度滞后",
                    "已报送阶段性进展情况",
                ])
            );
            if store.add_note(row.id, &text).is_ok() {
                notes += 1;
            }
        }
    }
    report.step("notes (add_note)", notes, started);

    let started = Instant::now();
    let from = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or_default();
    let milestones = store.milestones_due(from, to).unwrap_or_default();
    let mut completed = 0;
    let mut extended = 0;
    let milestone_share = (MAX_MILESTONE_WRITES as f64 / (milestones.len() as f64 * 0.14)).min(1.0);
    for m in &milestones {
        if !rng.chance(milestone_share) {
            continue;
        }
        match rng.below(100) {
            0..=11 => {
                let done = m.due_on.min(today) - chrono::Duration::days(rng.range(0, 90) as i64);
                if store.complete_milestone(m.id, done).is_ok() {
                    completed += 1;
                }
            }
            12..=13 => {
                let to = m.due_on + chrono::Duration::days(rng.range(90, 365) as i64);
                if store
                    .extend_milestone(m.id, to, "用地审批延后，申请延期")
                    .is_ok()
                {
                    extended += 1;
                }
            }
            _ => {}
        }
    }
    report.step(
        "milestones (complete_milestone / extend_milestone)",
        completed + extended,
        started,
    );
    report
}
