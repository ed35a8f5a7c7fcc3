//! The item list of an export as rows: the columns shared by the CSV file and the 事项
//! sheet of the workbook, the CSV writer (UTF-8 BOM, RFC 4180, formula cells neutralised)
//! and the JSON document for scripts.

use super::csv::Writer;
use super::export::{Export, ExportItem, NoteLine, rules};
use crate::progress::{Counted, Progress, Silent, Stage};
use crate::track::health::Thresholds;
use crate::track::rollup::RollupRow;
use chrono::NaiveDate;
use serde::Serialize;
use std::io::{self, Write};

/// `2026-03-01 张三：text`: a note as one line.
pub fn note_line(note: &NoteLine) -> String {
    let day = note.at.get(..10).unwrap_or(&note.at);
    let text: String = note
        .text
        .chars()
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    format!("{day} {}：{text}", note.author)
}

/// Columns of the item list (CSV, and the 事项 sheet of the workbook).
pub const ITEM_COLUMNS: [&str; 18] = [
    "ID",
    "规划",
    "章节",
    "专栏",
    "编号",
    "标题",
    "牵头单位",
    "配合单位",
    "负责人",
    "状态",
    "进度(%)",
    "序时进度(%)",
    "进度评价",
    "预警灯",
    "逾期节点",
    "下个节点日期",
    "下个节点",
    "最新备注",
];

/// Header of the CSV export: the item columns and the export date on every row.
pub const CSV_AS_OF: &str = "截至日期";

/// The item's cells as text, in [`ITEM_COLUMNS`] order.
pub fn item_cells(item: &ExportItem) -> [String; 18] {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    [
        item.id.to_string(),
        item.plan.clone(),
        opt(&item.chapter),
        item.box_label(),
        opt(&item.number),
        item.title.clone(),
        opt(&item.lead),
        item.co.join("、"),
        opt(&item.owner),
        item.status.label_zh().to_string(),
        item.progress.to_string(),
        item.health.scheduled.to_string(),
        item.health.pace.label_zh().to_string(),
        item.health.light.label_zh().to_string(),
        item.health.overdue.to_string(),
        item.next_milestone
            .as_ref()
            .map(|m| m.due.to_string())
            .unwrap_or_default(),
        item.next_milestone
            .as_ref()
            .map(|m| m.title.clone())
            .unwrap_or_default(),
        item.latest_note.as_ref().map(note_line).unwrap_or_default(),
    ]
}

/// The item list as CSV: a UTF-8 BOM (Excel then reads Chinese right), RFC 4180 quoting,
/// CRLF; the export date in the last column of every row.
pub fn write_csv(export: &Export, out: &mut dyn Write) -> io::Result<()> {
    write_csv_reporting(export, out, &Silent)
}

/// [`write_csv`], telling `progress` each item written.
pub fn write_csv_reporting(
    export: &Export,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> io::Result<()> {
    let mut csv = Writer::new(out)?;
    let mut header: Vec<&str> = ITEM_COLUMNS.to_vec();
    header.push(CSV_AS_OF);
    csv.record(&header)?;
    let as_of = export.as_of.to_string();
    for item in Counted::new(Stage::WriteExport, export.items.iter(), progress) {
        let mut cells = item_cells(item).to_vec();
        cells.push(as_of.clone());
        csv.record(&cells)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    rows: &'a [RollupRow],
    total: &'a RollupRow,
}

#[derive(Serialize)]
struct JsonExport<'a> {
    as_of: NaiveDate,
    scope: &'a str,
    thresholds: &'a Thresholds,
    rules: String,
    items: Items<'a>,
    summaries: std::collections::BTreeMap<&'static str, JsonSummary<'a>>,
}

/// `{"as_of", "scope", "thresholds", "rules", "items": [...], "summaries": {"plan": {"rows",
/// "total"}, "chapter", "lead_department", "co_department", "owner"}}`.
pub fn write_json(export: &Export, out: &mut dyn Write) -> io::Result<()> {
    write_json_reporting(export, out, &Silent)
}

/// The items of a JSON export, serialised as a plain array, telling a [`Progress`] each
/// one written.
struct Items<'a> {
    items: &'a [ExportItem],
    progress: &'a dyn Progress,
}

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for item in Counted::new(Stage::WriteExport, self.items.iter(), self.progress) {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

/// [`write_json`], telling `progress` each item written.
pub fn write_json_reporting(
    export: &Export,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> io::Result<()> {
    let summaries = export
        .summaries
        .iter()
        .map(|s| {
            let json = JsonSummary {
                rows: &s.rows,
                total: &s.total,
            };
            (s.by.as_str(), json)
        })
        .collect();
    let json = JsonExport {
        as_of: export.as_of,
        scope: &export.scope,
        thresholds: &export.thresholds,
        rules: rules(export.as_of, &export.thresholds).join("\n"),
        items: Items {
            items: &export.items,
            progress,
        },
        summaries,
    };
    super::json::write_json(&json, out)
}
