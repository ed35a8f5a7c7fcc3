//! The numbering tree of a text: its numbered lines by their style, in the order of
//! GB/T 9704 (第一章 → 一、 → （一） → 1. → （1） → ①), each with the unnumbered paragraphs
//! below it; and which parts of a document describe rather than assign (background).

use super::coverage::Marks;
use super::lines::{
    Kind, Numbered, clause_title, collapse_spaces, decimal_like_number, is_heading_text,
};
use super::normalize::Line;

/// Headings of the parts of a document that describe rather than assign: the review, the
/// situation, the guiding ideas, principles and goals.
const BACKGROUND_WORDS: &[&str] = &[
    "回顾",
    "总结",
    "形势",
    "发展基础",
    "现实基础",
    "工作基础",
    "基础条件",
    "现状",
    "背景",
    "主要成绩",
    "取得的",
    "工作成效",
    "存在问题",
    "存在的问题",
    "主要问题",
    "突出问题",
    "面临的问题",
    "指导思想",
    "基本原则",
    "工作原则",
    "主要原则",
    "总体要求",
    "总体思路",
    "目标",
    "意义",
    "机遇",
    "挑战",
    "基本情况",
    "总体情况",
    "适用范围",
    "编制依据",
];
/// Words that make a heading a part with tasks even when it names a goal ("主要目标和重点任务").
const TASK_WORDS: &[&str] = &[
    "重点任务",
    "主要任务",
    "措施",
    "举措",
    "行动",
    "工程",
    "项目",
    "重点工作",
    "工作安排",
];

/// Adverbs an order may open with ("全面完成…", "持续推进…").
const ORDER_ADVERBS: &[&str] = &[
    "全面",
    "持续",
    "不断",
    "切实",
    "进一步",
    "大力",
    "积极",
    "扎实",
    "坚决",
    "着力",
    "努力",
];
/// Verbs of an order: a heading that opens with one assigns work, whatever it names.
const ORDER_VERBS: &[&str] = &[
    "完成", "实现", "确保", "落实", "推进", "推动", "加快", "加强", "强化", "提升", "提高", "巩固",
    "夯实", "做好", "抓好",
];

/// "全面完成“十四五”规划目标": a heading that orders a goal met is a measure, not the
/// statement of goals "主要目标" is.
fn is_order(title: &str) -> bool {
    let mut rest = title.trim_start();
    while let Some(next) = ORDER_ADVERBS.iter().find_map(|a| rest.strip_prefix(a)) {
        rest = next;
    }
    ORDER_VERBS.iter().any(|v| rest.starts_with(v))
}

pub fn is_background(title: &str) -> bool {
    // A question heads an answer (政策解读: "主要任务有哪些？"), not a measure.
    let question = title.trim_end().ends_with(['？', '?']);
    question
        || BACKGROUND_WORDS.iter().any(|w| title.contains(w))
            && !TASK_WORDS.iter().any(|w| title.contains(w))
            && !is_order(title)
}

/// One numbered line and what belongs to it.
#[derive(Debug)]
pub struct Node {
    pub rank: u8,
    pub numbered: Numbered,
    /// Line index of the numbered line.
    pub index: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Line indices of the unnumbered paragraphs below it.
    pub paragraphs: Vec<usize>,
    /// Its line or one of its paragraphs carries a responsibility clause.
    pub clause: bool,
}

impl Node {
    /// The title: a heading line as it stands, else the clause before the first full stop.
    pub fn title(&self, text: &str) -> String {
        if is_heading_text(text) {
            collapse_spaces(text.trim_end_matches('。'))
        } else {
            clause_title(text).to_string()
        }
    }

    /// "（一）实施行动", "二、重点任务", "第三章 建设…": how a task names the heading it sits under.
    pub fn display(&self) -> String {
        let title = self.title(&self.numbered.rest);
        if self.rank <= RANK_SECTION {
            self.numbered.display()
        } else if self.rank == RANK_NUM {
            format!("{}.{title}", self.numbered.number)
        } else {
            format!("{}{title}", self.numbered.label)
        }
    }

    /// The task number as written: "3" for "3.", the label for the others ("（一）", "①").
    pub fn number(&self) -> String {
        if self.rank == RANK_NUM {
            self.numbered.number.to_string()
        } else {
            self.numbered.label.clone()
        }
    }
}

pub const RANK_SECTION: u8 = 2;
pub const RANK_CN_ENUM: u8 = 3;
pub const RANK_NUM: u8 = 5;

/// The rank of a numbered line in the GB/T 9704 order, `None` for unnumbered lines.
pub fn rank(kind: &Kind) -> Option<(u8, &Numbered)> {
    Some(match kind {
        Kind::Part(n) => (0, n),
        Kind::Chapter(n) => (1, n),
        Kind::Section(n) => (RANK_SECTION, n),
        Kind::CnEnum(n) => (RANK_CN_ENUM, n),
        Kind::ParenCn(n) => (4, n),
        Kind::Num(n) => (RANK_NUM, n),
        Kind::ParenNum(n) => (6, n),
        Kind::Circled(n) => (7, n),
        _ => return None,
    })
}

/// The numbering tree of the lines nobody placed yet.
pub struct Tree {
    pub nodes: Vec<Node>,
    /// Paragraphs above the first numbered line.
    pub root_paragraphs: Vec<usize>,
}

pub fn build_tree(lines: &[Line], kinds: &[Kind], clauses: &[bool], marks: &Marks) -> Tree {
    let mut tree = Tree {
        nodes: Vec::new(),
        root_paragraphs: Vec::new(),
    };
    let mut open: Vec<usize> = Vec::new();
    for (index, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        if line.is_blank() || marks.is_placed(index) {
            continue;
        }
        let ranked = rank(kind).map(|(r, n)| (r, n.clone())).or_else(|| {
            // "11.121人才梯队项目" where item 10 came before: a numbered clause.
            let n = decimal_like_number(&line.text)?;
            let previous = open.last().map(|&i| &tree.nodes[i])?;
            (previous.rank == RANK_NUM && previous.numbered.number + 1 == n.number)
                .then_some((RANK_NUM, n))
        });
        let Some((rank, numbered)) = ranked else {
            match open.last() {
                Some(&node) => {
                    tree.nodes[node].paragraphs.push(index);
                    tree.nodes[node].clause |= clauses[index];
                }
                None => tree.root_paragraphs.push(index),
            }
            continue;
        };
        while open.last().is_some_and(|&i| tree.nodes[i].rank >= rank) {
            open.pop();
        }
        let id = tree.nodes.len();
        let parent = open.last().copied();
        if let Some(parent) = parent {
            tree.nodes[parent].children.push(id);
        }
        tree.nodes.push(Node {
            rank,
            numbered,
            index,
            parent,
            children: Vec::new(),
            paragraphs: Vec::new(),
            clause: clauses[index],
        });
        open.push(id);
    }
    tree
}
