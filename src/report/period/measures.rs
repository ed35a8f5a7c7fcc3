//! The figures of the report's tables, named once for every format: each a header, how
//! to read it from a group's [`Figures`], and whether the previous period's value is
//! shown beside it (较上期).

use crate::track::period::{Figures, Row};

/// One figure of the tables.
#[derive(Debug, Clone, Copy)]
pub struct Measure {
    pub header: &'static str,
    pub value: fn(&Figures) -> f64,
    /// Decimal places shown.
    pub decimals: usize,
    /// Whether the previous period's figure is shown beside it.
    pub compared: bool,
}

const fn m(
    header: &'static str,
    value: fn(&Figures) -> f64,
    decimals: usize,
    compared: bool,
) -> Measure {
    Measure {
        header,
        value,
        decimals,
        compared,
    }
}

/// The figures, in table order.
pub const MEASURES: [Measure; 12] = [
    m("事项数", |f| f.items as f64, 0, false),
    m("期初进度(%)", |f| f.progress_start, 1, false),
    m("期末进度(%)", |f| f.progress_end, 1, false),
    m(
        "进度提高(百分点)",
        |f| f.progress_end - f.progress_start,
        1,
        true,
    ),
    m("完成事项", |f| f.completed as f64, 0, true),
    m("新增红灯", |f| f.newly_red as f64, 0, true),
    m("新增逾期", |f| f.newly_overdue as f64, 0, true),
    m("到期节点", |f| f.milestones_due as f64, 0, true),
    m("节点完成", |f| f.met as f64, 0, true),
    m("节点延期", |f| f.extended as f64, 0, true),
    m("节点逾期未完成", |f| f.missed as f64, 0, true),
    m("进展备注", |f| f.notes as f64, 0, true),
];

/// The header of the previous period's column of a compared figure.
pub fn before_header(measure: &Measure) -> String {
    format!("上期{}", measure.header)
}

impl Measure {
    /// The figure as text.
    pub fn text(&self, figures: &Figures) -> String {
        format!("{:.*}", self.decimals, (self.value)(figures))
    }

    /// "3（上期 1）" for a compared figure, "3" otherwise: one cell of a printed table.
    pub fn cell(&self, row: &Row) -> String {
        if self.compared {
            format!("{}（{}）", self.text(&row.now), self.text(&row.before))
        } else {
            self.text(&row.now)
        }
    }

    /// The header of a printed table's column: "完成事项（上期）" for a compared figure.
    pub fn printed_header(&self) -> String {
        if self.compared {
            format!("{}（上期）", self.header)
        } else {
            self.header.to_string()
        }
    }
}
