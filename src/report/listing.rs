//! The item list of an export as rows: the columns shared by the CSV file and the 事项
//! sheet of the workbook, the CSV writer (UTF-8 BOM, RFC 4180, formula cells neutralised)
//! and the JSON document for scripts.

use super::columns::{EXPORT, Form, ItemCells, ItemColumn, Value};
use super::csv::Writer;
use super::export::{Export, ExportItem, NoteLine, rules};
use crate::progress::{Counted, Progress, Silent, Stage};
use crate::store::ItemRow;
use crate::track::health::Thresholds;
use crate::track::rollup::RollupRow;
use chrono::NaiveDate;
use serde::Serialize;
use std::borrow::Cow;
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

/// Header of the CSV export: the item columns and the export date on every row.
pub const CSV_AS_OF: &str = "截至日期";

fn opt(text: &Option<String>) -> Value<'_> {
    Value::Text(Cow::Borrowed(text.as_deref().unwrap_or("")))
}

impl ItemCells for ExportItem {
    fn value(&self, column: ItemColumn) -> Value<'_> {
        let project = self.project.as_ref();
        match column {
            ItemColumn::Id => Value::Id(self.id),
            ItemColumn::Plan => Value::Text(Cow::Borrowed(&self.plan)),
            ItemColumn::Chapter => opt(&self.chapter),
            ItemColumn::Box => Value::Text(Cow::Owned(self.box_label())),
            ItemColumn::Number => Value::Position {
                box_number: self.box_number,
                number: self.number.as_deref(),
            },
            ItemColumn::Title => Value::Text(Cow::Borrowed(&self.title)),
            ItemColumn::Lead => opt(&self.lead),
            ItemColumn::Co => Value::Text(Cow::Owned(self.co.join("、"))),
            ItemColumn::Owner => opt(&self.owner),
            ItemColumn::Status => Value::Status(self.status),
            ItemColumn::Progress => Value::Percent(self.progress),
            ItemColumn::Scheduled => Value::Percent(self.health.scheduled),
            ItemColumn::Pace => Value::Pace(self.health.pace),
            ItemColumn::Light => Value::Light(self.health.light),
            ItemColumn::Overdue => Value::Count(self.health.overdue),
            ItemColumn::NextDue => Value::Date(self.next_milestone.as_ref().map(|m| m.due)),
            ItemColumn::NextMilestone => Value::Text(Cow::Borrowed(
                self.next_milestone
                    .as_ref()
                    .map_or("", |m| m.title.as_str()),
            )),
            ItemColumn::LatestNote => Value::Text(Cow::Owned(
                self.latest_note.as_ref().map(note_line).unwrap_or_default(),
            )),
            ItemColumn::Stage => Value::Stage(project.and_then(|p| p.stage)),
            ItemColumn::InvestTotal => Value::Amount(project.and_then(|p| p.invest_total)),
            ItemColumn::InvestYearPlan => Value::Amount(project.and_then(|p| p.invest_year_plan)),
            ItemColumn::InvestYearDone => Value::Amount(project.and_then(|p| p.invest_year_done)),
            ItemColumn::CompletionRate => Value::Rate(project.and_then(|p| p.completion_rate)),
        }
    }
}

impl ItemCells for ItemRow {
    fn value(&self, column: ItemColumn) -> Value<'_> {
        let project = self.project.as_ref();
        match column {
            ItemColumn::Id => Value::Id(self.id),
            ItemColumn::Plan => Value::Text(Cow::Borrowed(&self.plan)),
            ItemColumn::Chapter => opt(&self.chapter),
            ItemColumn::Box => opt(&self.box_title),
            ItemColumn::Number => Value::Position {
                box_number: self.box_number,
                number: self.number.as_deref(),
            },
            ItemColumn::Title => Value::Text(Cow::Borrowed(&self.title)),
            ItemColumn::Lead => opt(&self.lead),
            ItemColumn::Co => Value::Text(Cow::Owned(self.co.join("、"))),
            ItemColumn::Owner => opt(&self.owner),
            ItemColumn::Status => Value::Status(self.status),
            ItemColumn::Progress => Value::Percent(self.progress),
            ItemColumn::Scheduled => Value::Percent(self.health.scheduled),
            ItemColumn::Pace => Value::Pace(self.health.pace),
            ItemColumn::Light => Value::Light(self.health.light),
            ItemColumn::Overdue => Value::Count(self.health.overdue),
            ItemColumn::NextDue => Value::Date(self.health.next_due),
            ItemColumn::NextMilestone | ItemColumn::LatestNote => Value::Text(Cow::Borrowed("")),
            ItemColumn::Stage => Value::Stage(project.and_then(|p| p.stage)),
            ItemColumn::InvestTotal => Value::Amount(project.and_then(|p| p.invest_total)),
            ItemColumn::InvestYearPlan => Value::Amount(project.and_then(|p| p.invest_year_plan)),
            ItemColumn::InvestYearDone => Value::Amount(project.and_then(|p| p.invest_year_done)),
            ItemColumn::CompletionRate => Value::Rate(project.and_then(|p| p.completion_rate)),
        }
    }
}

/// The item list as CSV: a UTF-8 BOM (Excel then reads Chinese right), RFC 4180 quoting,
/// CRLF; the [`EXPORT`] columns, then the export date in the last column of every row.
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
    let mut header: Vec<&str> = EXPORT.iter().map(|c| c.header(Form::File)).collect();
    header.push(CSV_AS_OF);
    csv.record(&header)?;
    let as_of = export.as_of.to_string();
    for item in Counted::new(Stage::WriteExport, export.items.iter(), progress) {
        let mut cells: Vec<String> = EXPORT
            .iter()
            .map(|&c| item.value(c).text(Form::File).into_owned())
            .collect();
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
