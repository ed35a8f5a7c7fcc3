//! The plan model: what a plan text means once parsed.
//!
//! These types are the contract between the importer, the store and scripts reading
//! `plantrack import --dry-run --json`; field names are kept stable on purpose.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which Chinese script a text was written in. Display text is always simplified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Simplified,
    Traditional,
}

/// The encoding a file was decoded from (named in the dry run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    #[serde(rename = "UTF-8")]
    Utf8,
    #[serde(rename = "UTF-8 (BOM)")]
    Utf8Bom,
    #[serde(rename = "UTF-16LE (BOM)")]
    Utf16Le,
    #[serde(rename = "UTF-16BE (BOM)")]
    Utf16Be,
    #[serde(rename = "GB18030")]
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16Le => "UTF-16LE (BOM)",
            TextEncoding::Utf16Be => "UTF-16BE (BOM)",
            TextEncoding::Gb18030 => "GB18030",
        }
    }
}

/// Levels of the outline, from 篇 down to numbered sub-points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 第一篇
    Part,
    /// 第一章, or 一、 in documents without 章
    Chapter,
    /// 第一节 / 第1节, or （一） directly under a 一、 chapter
    Section,
    /// （一） / （1） / (1) under a 节
    Point,
}

/// One heading of the outline tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlineNode {
    pub level: Level,
    /// The ordinal as written, converted to a number (第十二章 → 12).
    pub number: u32,
    /// The numbering label as written, normalised to simplified script (e.g. "第十二章", "（三）").
    pub label: String,
    pub title: String,
    pub children: Vec<OutlineNode>,
}

/// What a 专栏 contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoxKind {
    /// A list of engineering items (工程/行动/计划 …).
    Items,
    /// An indicator table (baseline, target, 预期性/约束性).
    IndicatorTable,
    /// Any other table (kept as rows of cells).
    Table,
}

/// A boxed 专栏.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanBox {
    pub number: u32,
    /// `None` when no rendition kept the heading.
    pub title: Option<String>,
    /// Title of the chapter (章, or 篇 when there is no 章) the box sits in, with its label.
    pub chapter: Option<String>,
    /// Title of the section (节) the box sits in, with its label, if any.
    pub section: Option<String>,
    pub kind: BoxKind,
    pub items: Vec<BoxItem>,
    /// Rows of cells for `Table` boxes (the first row is the header when there is one).
    pub rows: Vec<Vec<String>>,
    /// Notes printed under the box (注：1．…), e.g. caveats of an indicator table.
    #[serde(default)]
    pub notes: Vec<String>,
    /// 1-based line of the box heading in the source text.
    #[serde(default)]
    pub line: Option<usize>,
}

/// An engineering item inside a 专栏.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxItem {
    /// The item's own number as written ("1", "12"), if numbered.
    pub number: Option<String>,
    /// The group sub-heading it sits under, e.g. "（一）贯通通道".
    pub group: Option<String>,
    pub title: String,
    /// Full text of the item, title included.
    pub body: String,
    pub deadlines: Vec<Deadline>,
    /// Departments of a responsibility clause the item carries (（责任单位：…）), lead first.
    #[serde(default)]
    pub departments: Vec<DepartmentRef>,
    /// 1-based line of the item in the source text.
    #[serde(default)]
    pub line: Option<usize>,
}

/// Role of a responsible department.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头: the first department named.
    Lead,
    /// 配合: the others.
    Co,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepartmentRef {
    pub name: String,
    pub role: Role,
}

/// A numbered key task or policy measure of an action plan, with its 责任单位.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// "1" … "17" for numbered tasks; "（一）" … for policy measures that are group headings themselves.
    pub number: String,
    /// The heading it sits under, e.g. "（一）实施新一轮农业转移人口市民化行动".
    pub group: Option<String>,
    /// The chapter (一、/二、…) it sits in, e.g. "二、重点任务".
    #[serde(default)]
    pub chapter: Option<String>,
    pub title: String,
    pub body: String,
    pub departments: Vec<DepartmentRef>,
    pub deadlines: Vec<Deadline>,
    /// 1-based line where the task starts in the source text.
    #[serde(default)]
    pub line: Option<usize>,
}

/// Expected (预期性) or binding (约束性) indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribute {
    /// 预期性
    Expected,
    /// 约束性
    Binding,
}

impl Attribute {
    pub const fn label_zh(self) -> &'static str {
        match self {
            Attribute::Expected => "预期性",
            Attribute::Binding => "约束性",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            Attribute::Expected => "expected",
            Attribute::Binding => "binding",
        }
    }
}

/// A value in an indicator table, with the year of its column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub year: Option<i32>,
    /// The cell as written (e.g. "58.76", "＞[325]", "年均5—5.5", "—").
    pub value: String,
    /// The cell holds a five-year cumulative figure (written in [ ]).
    pub cumulative: bool,
}

/// One row of an indicator table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Number of the 专栏 holding the table; `None` for an indicator table outside any box
    /// (e.g. the Zhuzhou plan's "“十四五”新型城镇化主要指标").
    #[serde(rename = "box")]
    pub box_number: Option<u32>,
    /// Row number as written in the 序号 column.
    pub number: Option<u32>,
    /// Category column (类别), carried down over empty cells.
    pub category: Option<String>,
    pub name: String,
    /// Unit taken from the parentheses at the end of the name, e.g. "%" or "万人".
    pub unit: Option<String>,
    pub baseline: Option<Measure>,
    pub target: Option<Measure>,
    pub attribute: Option<Attribute>,
    /// Other columns (e.g. 实现情况) and notes such as "（以国家下达为准）".
    pub notes: Vec<String>,
}

/// A deadline phrase (到2025年, 2025年前, "十四五"末 …) proposed as a milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deadline {
    pub year: i32,
    /// The end of that year.
    pub due: NaiveDate,
    /// The phrase as found, e.g. "到2025年".
    pub phrase: String,
    /// The sentence holding the phrase: the proposed milestone's text.
    pub text: String,
}

/// An entry of the 名词解释.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub number: u32,
    pub term: String,
    pub definition: String,
    /// 1-based line of the entry in the source text.
    #[serde(default)]
    pub line: Option<usize>,
}

/// A line that looks like content but was not understood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// 1-based line number in the source text, when the warning is about a line.
    pub line: Option<usize>,
    pub message: String,
}

/// A disagreement between two renditions of one plan, reported rather than hidden.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Where: e.g. "专栏13", "专栏2 item 3".
    pub place: String,
    pub message: String,
}

/// A whole plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub title: String,
    pub issuer: Option<String>,
    /// e.g. 湘政发〔2024〕15号
    pub doc_number: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// Script of the primary rendition.
    pub script: Script,
    pub outline: Vec<OutlineNode>,
    pub boxes: Vec<PlanBox>,
    pub tasks: Vec<Task>,
    pub indicators: Vec<Indicator>,
    pub glossary: Vec<GlossaryEntry>,
}

/// What became of a text's paragraphs: how many were placed in each part of the model, and
/// every paragraph that looks trackable (it carries a number or a responsibility clause) but
/// was not placed — what the importer missed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    /// The file it describes.
    pub source: String,
    /// Non-blank paragraphs of the text.
    pub paragraphs: usize,
    /// Paragraphs placed as 专栏 headings or their tables.
    pub boxes: usize,
    /// Paragraphs placed as items of a 专栏.
    pub items: usize,
    /// Paragraphs placed as tasks (or as rows of a task table).
    pub tasks: usize,
    /// Paragraphs placed as indicator rows or their headers.
    pub indicators: usize,
    /// Paragraphs placed as glossary entries.
    pub glossary: usize,
    /// Paragraphs placed as headings of the outline, the title and the notice around it,
    /// or prose of background chapters (回顾, 形势, 指导思想, 目标 …).
    pub outline: usize,
    /// Numbered or responsibility-carrying paragraphs that were not placed, in text order.
    pub missed: Vec<Missed>,
}

/// A paragraph the importer did not place although it carries a number or a clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missed {
    /// 1-based line in the source text.
    pub line: usize,
    /// Why it looks trackable: "numbered" or "responsibility clause".
    pub reason: String,
    /// The start of the paragraph.
    pub text: String,
}

/// One source file after parsing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedDocument {
    /// The file name or label it came from.
    pub source: String,
    pub encoding: TextEncoding,
    pub plan: Plan,
    pub warnings: Vec<Warning>,
    #[serde(default)]
    pub coverage: Coverage,
    /// The format the file was read as (.docx, web page, PDF, OFD or text).
    #[serde(default)]
    pub format: super::formats::SourceFormat,
}

/// One source file of a merged plan, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rendition {
    pub source: String,
    pub encoding: TextEncoding,
    pub script: Script,
    #[serde(default)]
    pub format: super::formats::SourceFormat,
}

/// A distinct plan after merging renditions of the same plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergedPlan {
    #[serde(flatten)]
    pub plan: Plan,
    /// Sources that were recognised as renditions of this plan, primary first.
    pub sources: Vec<String>,
    /// The same sources with the encoding and script each was read in.
    pub renditions: Vec<Rendition>,
    pub disagreements: Vec<Disagreement>,
    pub warnings: Vec<Warning>,
    /// How each rendition's paragraphs were placed, primary first.
    #[serde(default)]
    pub coverage: Vec<Coverage>,
}
