//! The columns of the item list, named once ([`ItemColumn`]): each one's header in Chinese
//! and English, its header in a file, how wide it is drawn, how a spreadsheet holds it,
//! and its cell ([`Value`], read from any item through [`ItemCells`]). The workbench's
//! table, the command line's `list`, the CSV file and the workbook's 事项 sheet are lists
//! of these columns; none of them matches on header text or keeps its own widths.

use crate::text::lang::Lang;
use crate::text::width::display_width;
use crate::track::fields::{Label, l};
use crate::track::project::ProjectStage;
use crate::track::{Light, Pace, Status};
use chrono::NaiveDate;
use std::borrow::Cow;

/// A column of the item list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemColumn {
    Id,
    Plan,
    Chapter,
    Box,
    /// The item's number (with its box's, where the box is not a column of its own).
    Number,
    Title,
    Lead,
    Co,
    Owner,
    Status,
    Progress,
    /// 序时进度.
    Scheduled,
    Pace,
    Light,
    /// Milestones overdue.
    Overdue,
    NextDue,
    NextMilestone,
    LatestNote,
    Stage,
    InvestTotal,
    InvestYearPlan,
    InvestYearDone,
    /// 投资完成率.
    CompletionRate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// How wide a column is drawn, in terminal cells; never narrower than its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// As wide as the widest value it can hold in the form shown: every status, pace,
    /// light or stage label, a date, `100%`, the largest id (with a one-cell marker).
    Natural,
    /// Free text, cut to fit: `max` cells where there is room (and the most a table
    /// gives it), `min` where there is not.
    Text { min: u16, max: u16 },
    /// A progress bar: `max` cells where there is room, `min` where there is not.
    Bar { min: u16, max: u16 },
    /// What the other columns leave, at least `min`.
    Fill { min: u16 },
}

/// How a spreadsheet holds a column's cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excel {
    Text,
    /// Long text, wrapped in its cell.
    Wrapped,
    Integer,
    /// A share (0–100), shown as a percentage.
    Percent,
    Date,
    /// An amount (亿元) with decimals.
    Amount,
    /// A light: its label on its colour.
    Light,
}

/// What is known of one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The header on a screen (the command line's is the Chinese one).
    pub label: Label,
    /// The header in a file (CSV, workbook), with its unit.
    pub file: &'static str,
    pub align: Align,
    pub width: Width,
    pub excel: Excel,
}

const fn col(label: Label, file: &'static str, align: Align, width: Width, excel: Excel) -> Column {
    Column {
        label,
        file,
        align,
        width,
        excel,
    }
}

use Align::{Left, Right};

impl ItemColumn {
    /// Every column, in the order of the exports.
    pub const ALL: [ItemColumn; 23] = [
        ItemColumn::Id,
        ItemColumn::Plan,
        ItemColumn::Chapter,
        ItemColumn::Box,
        ItemColumn::Number,
        ItemColumn::Title,
        ItemColumn::Lead,
        ItemColumn::Co,
        ItemColumn::Owner,
        ItemColumn::Status,
        ItemColumn::Progress,
        ItemColumn::Scheduled,
        ItemColumn::Pace,
        ItemColumn::Light,
        ItemColumn::Overdue,
        ItemColumn::NextDue,
        ItemColumn::NextMilestone,
        ItemColumn::LatestNote,
        ItemColumn::Stage,
        ItemColumn::InvestTotal,
        ItemColumn::InvestYearPlan,
        ItemColumn::InvestYearDone,
        ItemColumn::CompletionRate,
    ];

    /// The column's definition.
    pub const fn def(self) -> Column {
        const TEXT: Excel = Excel::Text;
        const NATURAL: Width = Width::Natural;
        const fn text(min: u16, max: u16) -> Width {
            Width::Text { min, max }
        }
        match self {
            ItemColumn::Id => col(l("ID", "ID"), "ID", Right, NATURAL, Excel::Integer),
            ItemColumn::Plan => col(l("规划", "Plan"), "规划", Left, text(8, 30), TEXT),
            ItemColumn::Chapter => col(l("章节", "Chapter"), "章节", Left, text(8, 30), TEXT),
            ItemColumn::Box => col(l("专栏", "Box"), "专栏", Left, text(8, 30), TEXT),
            ItemColumn::Number => col(l("编号", "No."), "编号", Left, text(5, 8), TEXT),
            ItemColumn::Title => col(
                l("标题", "Title"),
                "标题",
                Left,
                Width::Fill { min: 10 },
                Excel::Wrapped,
            ),
            ItemColumn::Lead => col(l("牵头单位", "Lead"), "牵头单位", Left, text(8, 20), TEXT),
            ItemColumn::Co => col(
                l("配合单位", "Co-responsible"),
                "配合单位",
                Left,
                text(8, 30),
                TEXT,
            ),
            ItemColumn::Owner => col(l("负责人", "Owner"), "负责人", Left, text(6, 10), TEXT),
            ItemColumn::Status => col(l("状态", "Status"), "状态", Left, NATURAL, TEXT),
            ItemColumn::Progress => col(
                l("进度", "Progress"),
                "进度(%)",
                Right,
                Width::Bar { min: 9, max: 11 },
                Excel::Percent,
            ),
            ItemColumn::Scheduled => col(
                l("序时进度", "Scheduled"),
                "序时进度(%)",
                Right,
                NATURAL,
                Excel::Percent,
            ),
            ItemColumn::Pace => col(l("序时", "Pace"), "进度评价", Left, NATURAL, TEXT),
            ItemColumn::Light => col(l("灯", "Light"), "预警灯", Left, NATURAL, Excel::Light),
            ItemColumn::Overdue => col(
                l("逾期", "Overdue"),
                "逾期节点",
                Right,
                NATURAL,
                Excel::Integer,
            ),
            ItemColumn::NextDue => col(
                l("下个节点", "Next due"),
                "下个节点日期",
                Left,
                NATURAL,
                Excel::Date,
            ),
            ItemColumn::NextMilestone => col(
                l("节点", "Milestone"),
                "下个节点",
                Left,
                text(10, 40),
                Excel::Wrapped,
            ),
            ItemColumn::LatestNote => col(
                l("最新备注", "Latest note"),
                "最新备注",
                Left,
                text(10, 40),
                Excel::Wrapped,
            ),
            ItemColumn::Stage => col(l("阶段", "Stage"), "项目阶段", Left, NATURAL, TEXT),
            ItemColumn::InvestTotal => col(
                l("总投资", "Invest"),
                "总投资(亿元)",
                Right,
                text(6, 10),
                Excel::Amount,
            ),
            ItemColumn::InvestYearPlan => col(
                l("年度计划", "Year plan"),
                "年度计划投资(亿元)",
                Right,
                text(6, 10),
                Excel::Amount,
            ),
            ItemColumn::InvestYearDone => col(
                l("年度完成", "Year done"),
                "年度完成投资(亿元)",
                Right,
                text(6, 10),
                Excel::Amount,
            ),
            ItemColumn::CompletionRate => col(
                l("完成率", "Done"),
                "投资完成率(%)",
                Right,
                NATURAL,
                Excel::Amount,
            ),
        }
    }

    /// The header in `form`.
    pub fn header(self, form: Form) -> &'static str {
        let def = self.def();
        match form {
            Form::File => def.file,
            Form::Cli => def.label.zh,
            Form::Workbench(lang) => def.label.get(lang),
        }
    }

    /// How wide the column is drawn in `form` when there is room (`roomy`) or not:
    /// `None` for the title, which takes what is left. Ids are judged up to `largest_id`.
    pub fn cells(self, form: Form, roomy: bool, largest_id: i64) -> Option<u16> {
        let header = display_width(self.header(form));
        let body = match self.def().width {
            Width::Fill { .. } => return None,
            Width::Text { min, max } | Width::Bar { min, max } => {
                usize::from(if roomy { max } else { min })
            }
            Width::Natural => self.natural(form, largest_id),
        };
        Some(u16::try_from(header.max(body)).unwrap_or(u16::MAX))
    }

    /// The widest value the column can hold in `form`.
    fn natural(self, form: Form, largest_id: i64) -> usize {
        let widest = |values: &mut dyn Iterator<Item = Value<'static>>| {
            values
                .map(|v| display_width(&v.text(form)))
                .max()
                .unwrap_or(0)
        };
        match self {
            // One cell more for a marker: marked (workbench), no longer in the plan (list).
            ItemColumn::Id => display_width(&Value::Id(largest_id).text(form)) + 1,
            ItemColumn::Status => widest(&mut Status::ALL.into_iter().map(Value::Status)),
            ItemColumn::Pace => widest(&mut Pace::ALL.into_iter().map(Value::Pace)),
            ItemColumn::Light => widest(&mut Light::ALL.into_iter().map(Value::Light)),
            ItemColumn::Stage => {
                widest(&mut ProjectStage::ALL.into_iter().map(|s| Value::Stage(Some(s))))
            }
            ItemColumn::Progress | ItemColumn::Scheduled => {
                display_width(&Value::Percent(100).text(form))
            }
            ItemColumn::CompletionRate => display_width(&Value::Rate(Some(100.0)).text(form)),
            ItemColumn::NextDue => display_width("2026-01-01"),
            _ => 0,
        }
    }
}

/// Where cells are shown: each place has its own short forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// CSV and workbook cells: plain numbers, Chinese labels.
    File,
    /// The command line's tables (Chinese labels, `45%`, `超`, `2/3`).
    Cli,
    /// The workbench, in the session's language (`45%`, `2.3`).
    Workbench(Lang),
}

/// One cell, typed; each place turns it into text its own way ([`Value::text`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Id(i64),
    Text(Cow<'a, str>),
    /// An item's number within its box (`box_number`), or a task's number.
    Position {
        box_number: Option<u32>,
        number: Option<&'a str>,
    },
    Count(usize),
    /// 0–100.
    Percent(u8),
    Status(Status),
    Pace(Pace),
    Light(Light),
    Stage(Option<ProjectStage>),
    Date(Option<NaiveDate>),
    /// 亿元.
    Amount(Option<f64>),
    /// A share in percent, with decimals.
    Rate(Option<f64>),
}

impl Value<'_> {
    /// The cell as text in `form`.
    pub fn text(&self, form: Form) -> Cow<'_, str> {
        let lang = match form {
            Form::Workbench(lang) => lang,
            Form::File | Form::Cli => Lang::Zh,
        };
        match self {
            Value::Id(id) => match form {
                Form::File => Cow::Owned(id.to_string()),
                _ => Cow::Owned(format!("#{id}")),
            },
            Value::Text(text) => Cow::Borrowed(text),
            Value::Position { box_number, number } => match (form, box_number, number) {
                (Form::File, _, n) => Cow::Owned(n.unwrap_or_default().to_string()),
                (Form::Cli, Some(b), Some(n)) => Cow::Owned(format!("{b}/{n}")),
                (Form::Cli, Some(b), None) => Cow::Owned(format!("{b}/-")),
                (Form::Workbench(_), Some(b), Some(n)) => Cow::Owned(format!("{b}.{n}")),
                (Form::Workbench(_), Some(b), None) => Cow::Owned(b.to_string()),
                (_, None, n) => Cow::Owned(n.unwrap_or_default().to_string()),
            },
            Value::Count(n) => Cow::Owned(n.to_string()),
            Value::Percent(p) => match form {
                Form::File => Cow::Owned(p.to_string()),
                _ => Cow::Owned(format!("{p}%")),
            },
            Value::Status(s) => Cow::Borrowed(lang.pick(s.label_zh(), s.label_en())),
            Value::Pace(p) => match form {
                Form::Cli => Cow::Borrowed(pace_short(*p)),
                _ => Cow::Borrowed(lang.pick(p.label_zh(), p.label_en())),
            },
            Value::Light(light) => Cow::Borrowed(match lang {
                Lang::Zh => light.label_zh(),
                Lang::En => match light {
                    Light::Red => "R",
                    Light::Yellow => "Y",
                    Light::Blue => "B",
                    Light::Green => "G",
                    Light::Grey => "-",
                },
            }),
            Value::Stage(stage) => {
                Cow::Borrowed(stage.map_or("", |s| lang.pick(s.label_zh(), s.label_en())))
            }
            Value::Date(date) => Cow::Owned(date.map(|d| d.to_string()).unwrap_or_default()),
            Value::Amount(amount) => Cow::Owned(amount.map(|a| a.to_string()).unwrap_or_default()),
            Value::Rate(rate) => match (form, rate) {
                (_, None) => Cow::Borrowed(""),
                (Form::File, Some(r)) => Cow::Owned(format!("{r:.1}")),
                (_, Some(r)) => Cow::Owned(format!("{r:.1}%")),
            },
        }
    }
}

/// One character for a pace: 超/达/欠/完.
pub fn pace_short(pace: Pace) -> &'static str {
    match pace {
        Pace::Ahead => "超",
        Pace::OnPace => "达",
        Pace::Behind => "欠",
        Pace::Done => "完",
    }
}

/// Anything shown as a row of the item list.
pub trait ItemCells {
    /// The cell of `column`.
    fn value(&self, column: ItemColumn) -> Value<'_>;
}

/// The columns of the CSV file and the workbook's 事项 sheet.
pub const EXPORT: [ItemColumn; 23] = ItemColumn::ALL;

/// The columns of `plantrack list`.
pub const LIST: [ItemColumn; 11] = [
    ItemColumn::Id,
    ItemColumn::Plan,
    ItemColumn::Number,
    ItemColumn::Title,
    ItemColumn::Lead,
    ItemColumn::Owner,
    ItemColumn::Status,
    ItemColumn::Progress,
    ItemColumn::Pace,
    ItemColumn::Light,
    ItemColumn::NextDue,
];

/// The workbench's item table on a wide terminal (stage added where items have one).
pub const WORKBENCH_WIDE: [ItemColumn; 10] = [
    ItemColumn::Id,
    ItemColumn::Number,
    ItemColumn::Title,
    ItemColumn::Lead,
    ItemColumn::Owner,
    ItemColumn::Status,
    ItemColumn::Progress,
    ItemColumn::Pace,
    ItemColumn::Light,
    ItemColumn::NextDue,
];

/// The workbench's item table at 80 columns.
pub const WORKBENCH_NARROW: [ItemColumn; 6] = [
    ItemColumn::Id,
    ItemColumn::Title,
    ItemColumn::Lead,
    ItemColumn::Owner,
    ItemColumn::Progress,
    ItemColumn::Light,
];

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn no_column_is_narrower_than_its_header() {
        for lang in [Lang::Zh, Lang::En] {
            for form in [Form::Cli, Form::Workbench(lang)] {
                for column in ItemColumn::ALL {
                    for roomy in [false, true] {
                        if let Some(cells) = column.cells(form, roomy, 290) {
                            assert!(
                                usize::from(cells) >= display_width(column.header(form)),
                                "{column:?} in {form:?}"
                            );
                        }
                    }
                }
            }
        }
        // The light's English header was clipped to "Li" in two cells.
        assert_eq!(
            ItemColumn::Light.cells(Form::Workbench(Lang::En), false, 1),
            Some(5)
        );
    }

    #[test]
    fn natural_widths_hold_every_value() {
        let en = Form::Workbench(Lang::En);
        assert_eq!(
            ItemColumn::Status.cells(en, true, 1),
            Some(display_width("in progress") as u16)
        );
        assert_eq!(ItemColumn::Id.cells(Form::Cli, true, 100_290), Some(8));
        assert_eq!(ItemColumn::Pace.cells(Form::Cli, true, 1), Some(4));
    }

    #[test]
    fn every_column_has_distinct_headers() {
        let mut seen = std::collections::HashSet::new();
        for column in ItemColumn::ALL {
            assert!(seen.insert(column.header(Form::File)), "{column:?}");
        }
    }

    #[test]
    fn positions_read_per_place() {
        let v = Value::Position {
            box_number: Some(2),
            number: Some("3"),
        };
        assert_eq!(v.text(Form::Cli), "2/3");
        assert_eq!(v.text(Form::Workbench(Lang::Zh)), "2.3");
        assert_eq!(v.text(Form::File), "3");
    }
}
