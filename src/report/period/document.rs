//! The report as a document: title, dates, summary, tables and the annex, in order. The
//! Markdown and Word writers render these blocks; the workbook writes the same tables,
//! with figures as numbers.

use super::measures::MEASURES;
use super::{PeriodReport, outcome_label};
use crate::report::columns::{Form, ItemCells, ItemColumn};
use crate::store::ItemRow;
use crate::track::period::Row;

/// A piece of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// A centred line under the title.
    Subtitle(String),
    /// A right-aligned line (the date).
    Dated(String),
    Heading(String),
    Paragraph(String),
    Table(Table),
    /// The annex begins on a new page.
    PageBreak,
}

/// A table of text cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The title of the report.
pub const TITLE: &str = "规划实施进展报告";

fn or_dash(text: Option<&str>) -> String {
    text.filter(|t| !t.is_empty()).unwrap_or("—").to_string()
}

/// A table of figures per group, the group's name first.
pub fn figures_table(first: &str, rows: &[Row], total: Option<&Row>) -> Table {
    let mut headers = vec![first.to_string()];
    headers.extend(MEASURES.iter().map(|m| m.printed_header()));
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            cells.extend(MEASURES.iter().map(|m| m.cell(row)));
            cells
        })
        .collect();
    if let Some(total) = total {
        let mut cells = vec!["合计".to_string()];
        cells.extend(MEASURES.iter().map(|m| m.cell(total)));
        out.push(cells);
    }
    Table { headers, rows: out }
}

/// The annex's columns: the late items at the end of the period, in the item list's own
/// columns (`report::columns`).
pub const ANNEX: [ItemColumn; 9] = [
    ItemColumn::Id,
    ItemColumn::Title,
    ItemColumn::Lead,
    ItemColumn::Owner,
    ItemColumn::Progress,
    ItemColumn::Scheduled,
    ItemColumn::Light,
    ItemColumn::Overdue,
    ItemColumn::NextDue,
];

/// The late items, in the [`ANNEX`] columns.
pub fn items_table(items: &[ItemRow]) -> Table {
    Table {
        headers: ANNEX
            .iter()
            .map(|c| c.header(Form::File).to_string())
            .collect(),
        rows: items
            .iter()
            .map(|row| {
                ANNEX
                    .iter()
                    .map(|&c| row.value(c).text(Form::File).into_owned())
                    .collect()
            })
            .collect(),
    }
}

/// The milestones due in the period.
pub fn milestones_table(report: &PeriodReport) -> Table {
    let headers = [
        "ID",
        "事项",
        "牵头单位",
        "节点",
        "原定日期",
        "现定日期",
        "完成日期",
        "情况",
        "延期理由",
    ];
    Table {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows: report
            .milestones
            .iter()
            .map(|m| {
                vec![
                    format!("#{}", m.item),
                    m.item_title.clone(),
                    or_dash(m.lead.as_deref()),
                    m.title.clone(),
                    m.due_at_start.to_string(),
                    m.due.to_string(),
                    m.done.map_or_else(|| "—".into(), |d| d.to_string()),
                    outcome_label(m.outcome).to_string(),
                    if m.reasons.is_empty() {
                        "—".to_string()
                    } else {
                        m.reasons.join("；")
                    },
                ]
            })
            .collect(),
    }
}

/// The notes written in the period.
pub fn notes_table(report: &PeriodReport) -> Table {
    Table {
        headers: ["ID", "事项", "日期", "填报人", "进展情况"]
            .iter()
            .map(|h| h.to_string())
            .collect(),
        rows: report
            .notes
            .iter()
            .map(|n| {
                vec![
                    format!("#{}", n.item),
                    n.item_title.clone(),
                    n.on.to_string(),
                    n.author.clone(),
                    n.text.clone(),
                ]
            })
            .collect(),
    }
}

fn date_zh(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The document, block by block.
pub fn blocks(report: &PeriodReport) -> Vec<Block> {
    let mut out = vec![
        Block::Title(TITLE.to_string()),
        Block::Subtitle(format!("（{}）", PeriodReport::span_text(report.span))),
        Block::Dated(format!("编制日期：{}", date_zh(report.made_on))),
        Block::Heading("一、总体情况".into()),
        Block::Paragraph(report.summary()),
        Block::Paragraph(format!(
            "上期为{}。括号内为上期数字。期末状态截至{}。",
            PeriodReport::span_text(report.previous),
            date_zh(report.end)
        )),
        Block::Heading("二、分单位情况".into()),
        Block::Table(figures_table(
            "牵头单位",
            &report.by_department,
            Some(&report.total),
        )),
        Block::Heading("三、分章节情况".into()),
        Block::Table(figures_table(
            "规划 / 章节",
            &report.by_chapter,
            Some(&report.total),
        )),
        Block::Heading("四、本期到期节点".into()),
    ];
    if report.milestones.is_empty() {
        out.push(Block::Paragraph("本期无到期节点。".into()));
    } else {
        out.push(Block::Table(milestones_table(report)));
    }
    out.push(Block::Heading("五、本期进展备注".into()));
    if report.notes.is_empty() {
        out.push(Block::Paragraph("本期无进展备注。".into()));
    } else {
        out.push(Block::Table(notes_table(report)));
    }
    out.push(Block::PageBreak);
    out.push(Block::Heading("附件：滞后事项清单".into()));
    if report.late.is_empty() {
        out.push(Block::Paragraph("期末无亮红灯或逾期的事项。".into()));
    } else {
        out.push(Block::Paragraph(format!(
            "期末亮红灯或逾期的事项共{}项：",
            report.late.len()
        )));
        out.push(Block::Table(items_table(&report.late)));
    }
    out
}
