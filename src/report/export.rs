//! Exports of the item list and its roll-ups (`plantrack export`): the data every format
//! shares and the counting rules stated in every report's footer. The writers: CSV and
//! JSON in `report::listing`, the Excel workbook in `report::xlsx`, the Markdown brief in
//! `report::markdown`.
//!
//! Every string is passed through `clean_imported` once more when the export is collected
//! (plan text is cleaned at import and typed text at save; this is the last guard), so no
//! format carries control, escape, bidi or invisible format characters.

use crate::progress::{Progress, Silent, Stage};
use crate::store::{ItemQuery, ItemRow, Store, StoreError};
use crate::text::lang::Lang;
use crate::text::sanitize::clean_imported;
use crate::track::health::{Health, Thresholds, light_rules};
use crate::track::project::Project;
use crate::track::rollup::{ItemSummary, RollupBy, RollupRow, rollup, total};
use crate::track::status::Status;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use thiserror::Error;

/// The file formats of `plantrack export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Csv,
    Markdown,
    Json,
}

impl Format {
    /// Every format, with its file extension (the first of each is the one offered).
    pub const ALL: [(Format, &'static [&'static str]); 4] = [
        (Format::Xlsx, &["xlsx"]),
        (Format::Csv, &["csv"]),
        (Format::Markdown, &["md", "markdown"]),
        (Format::Json, &["json"]),
    ];

    /// The extension of each format, in [`Format::ALL`] order.
    pub fn extensions() -> Vec<&'static str> {
        Format::ALL.iter().map(|(_, ext)| ext[0]).collect()
    }

    /// The format a file name's extension names, if any.
    pub fn from_extension(name: &str) -> Option<Format> {
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        Format::ALL
            .iter()
            .find(|(_, names)| names.contains(&ext.as_str()))
            .map(|(format, _)| *format)
    }
}

#[derive(Debug, Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error("cannot write the workbook: {0}")]
    Xlsx(String),
    #[error("cannot write the document: {0}")]
    Docx(String),
}

/// A milestone as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MilestoneLine {
    pub title: String,
    pub due: NaiveDate,
    /// The due date the milestone had before any extension (延期).
    pub original_due: NaiveDate,
}

/// The newest note of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteLine {
    pub at: String,
    pub author: String,
    pub text: String,
}

/// One item as every export shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportItem {
    pub id: i64,
    pub plan_key: String,
    pub plan: String,
    pub chapter: Option<String>,
    pub box_number: Option<u32>,
    pub box_title: Option<String>,
    pub number: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    pub co: Vec<String>,
    pub owner: Option<String>,
    pub status: Status,
    pub progress: u8,
    /// 序时进度, pace, light, overdue count and next due date as of the export date.
    pub health: Health,
    pub in_plan: bool,
    /// The earliest milestone not done (overdue ones included).
    pub next_milestone: Option<MilestoneLine>,
    /// Milestones due before the export date and not done.
    pub overdue_milestones: Vec<MilestoneLine>,
    pub latest_note: Option<NoteLine>,
    /// Stage and investment, for a 重大项目.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
}

impl ExportItem {
    /// `专栏3：title`, or "" for a key task.
    pub fn box_label(&self) -> String {
        match (self.box_number, self.box_title.as_deref()) {
            (Some(n), Some(title)) if !title.is_empty() => format!("专栏{n}：{title}"),
            (Some(n), _) => format!("专栏{n}"),
            (None, _) => String::new(),
        }
    }

    fn summary(&self) -> ItemSummary {
        ItemSummary {
            id: self.id,
            plan: self.plan.clone(),
            chapter: self.chapter.clone(),
            owner: self.owner.clone(),
            lead: self.lead.clone(),
            co: self.co.clone(),
            status: self.status,
            progress: self.progress,
            health: self.health,
        }
    }
}

/// One roll-up: its rows and total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub by: RollupBy,
    pub rows: Vec<RollupRow>,
    pub total: RollupRow,
}

/// Everything an export writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export {
    /// The date every rule was judged at.
    pub as_of: NaiveDate,
    /// Which items: the filters applied, in words.
    pub scope: String,
    pub thresholds: Thresholds,
    pub items: Vec<ExportItem>,
    /// Roll-ups of `items`, one per [`RollupBy`], in [`RollupBy::ALL`] order.
    pub summaries: Vec<Summary>,
}

/// Text for an export: cleaned once more (the last guard).
pub fn clean(text: &str) -> String {
    clean_imported(text).text
}

fn clean_opt(text: Option<&str>) -> Option<String> {
    text.map(clean).filter(|t| !t.trim().is_empty())
}

/// Collect the items matching `filter` as of `today`, with their milestones and newest
/// note, and roll them up. Milestones and notes are read for all the items at once (one
/// query each), not item by item.
pub fn collect(
    store: &Store,
    filter: &ItemQuery,
    today: NaiveDate,
    scope: &str,
) -> Result<Export, ExportError> {
    // The rows come one by one and are turned into export items as they come (never
    // all gathered as list rows too); their milestones and notes are read first, in bulk.
    let bulk = std::cell::RefCell::new((HashMap::new(), HashMap::new()));
    let mut items = Vec::new();
    store.list_each_after(
        filter,
        today,
        &mut |ids| {
            *bulk.borrow_mut() = (store.open_milestones(ids)?, store.latest_notes(ids)?);
            Ok(())
        },
        &mut |row| {
            let (milestones, notes) = &mut *bulk.borrow_mut();
            let open: Vec<MilestoneLine> = milestones
                .remove(&row.id)
                .unwrap_or_default()
                .into_iter()
                .map(|m| MilestoneLine {
                    title: clean(&m.title),
                    due: m.due_on,
                    original_due: m.original_due,
                })
                .collect();
            let latest_note = notes.remove(&row.id).map(|n| NoteLine {
                at: clean(&n.at),
                author: clean(&n.author),
                text: clean(&n.text),
            });
            items.push(item(row, &open, latest_note, today));
        },
    )?;
    Ok(assemble(today, scope, store.thresholds()?, items))
}

fn item(
    row: ItemRow,
    open: &[MilestoneLine],
    latest_note: Option<NoteLine>,
    today: NaiveDate,
) -> ExportItem {
    let next_milestone = open.iter().min_by_key(|m| m.due).cloned();
    ExportItem {
        id: row.id,
        plan_key: clean(&row.plan_key),
        plan: clean(&row.plan),
        chapter: clean_opt(row.chapter.as_deref()),
        box_number: row.box_number,
        box_title: clean_opt(row.box_title.as_deref()),
        number: clean_opt(row.number.as_deref()),
        title: clean(&row.title),
        lead: clean_opt(row.lead.as_deref()),
        co: row.co.iter().map(|c| clean(c)).collect(),
        owner: clean_opt(row.owner.as_deref()),
        status: row.status,
        progress: row.progress,
        health: row.health,
        in_plan: row.in_plan,
        next_milestone,
        overdue_milestones: open.iter().filter(|m| m.due < today).cloned().collect(),
        latest_note,
        project: row.project,
    }
}

/// Roll the items up by every [`RollupBy`].
pub fn assemble(
    as_of: NaiveDate,
    scope: &str,
    thresholds: Thresholds,
    items: Vec<ExportItem>,
) -> Export {
    let summaries: Vec<ItemSummary> = items.iter().map(ExportItem::summary).collect();
    let total = total(&summaries);
    Export {
        as_of,
        scope: clean(scope),
        thresholds,
        summaries: RollupBy::ALL
            .iter()
            .map(|&by| Summary {
                by,
                rows: rollup(&summaries, by),
                total: total.clone(),
            })
            .collect(),
        items,
    }
}

/// The counting rules every report states in its footer (from `track::rollup` and
/// `track::health`), with this database's thresholds.
pub fn rules(as_of: NaiveDate, t: &Thresholds) -> Vec<String> {
    let rules = light_rules(t, Lang::Zh);
    vec![
        format!("数据截至 {as_of}（统计日），进度、序时进度和预警灯均按统计日判定。"),
        "分组：每个事项在其所属的每个分组中计一次。按章节以“规划 / 章节”分组，无章节的计入“（无章节）”；\
         无牵头单位的计入“（未指定牵头单位）”，无负责人的计入“（未指定负责人）”；按配合单位时，事项计入其每个配合单位，\
         无配合单位的不计入；合计中每个事项只计一次。"
            .to_string(),
        "平均进度为组内事项填报进度的简单平均，已完成事项按其填报的进度计；完成率为状态“已完成”的事项占比。".to_string(),
        "逾期节点：截止日期早于统计日且未完成的节点（已完成事项上未关闭的节点也计入）。".to_string(),
        rules[..2].concat(),
        rules[2..].concat(),
    ]
}

/// Write `export` in `format`.
pub fn write(format: Format, export: &Export, out: &mut dyn Write) -> Result<(), ExportError> {
    write_reporting(format, export, out, &Silent)
}

/// [`write`], telling `progress` each item written (and, for a workbook, that it is
/// being packed).
pub fn write_reporting(
    format: Format,
    export: &Export,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> Result<(), ExportError> {
    match format {
        Format::Csv => super::listing::write_csv_reporting(export, out, progress)?,
        Format::Json => super::listing::write_json_reporting(export, out, progress)?,
        Format::Markdown => {
            let items = export.items.len() as u64;
            progress.begin(Stage::WriteExport, Some(items));
            super::markdown::write(export, out)?;
            progress.set(items);
            progress.end();
        }
        Format::Xlsx => out.write_all(&super::xlsx::workbook_reporting(export, progress)?)?,
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn extensions_name_formats() {
        assert_eq!(Format::from_extension("a/b.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::from_extension("brief.md"), Some(Format::Markdown));
        assert_eq!(Format::from_extension("noext"), None);
    }
}
