//! What the workbench's screens other than Items export (issue 18): a roll-up screen its
//! roll-up, the indicators screen its indicators. The format follows the file's extension
//! (`export::Format`): CSV and JSON hold the rows shown; Markdown the roll-up as a table;
//! Excel the whole workbook of `export --format xlsx` (every item and each roll-up sheet,
//! the one shown among them) — built by the caller, which has the items.

use super::csv::Writer;
use super::export::Format;
use super::json::write_json;
use super::summary::{write_csv, write_json_report, write_table};
use crate::store::IndicatorRow;
use crate::text::sanitize::term_safe;
use crate::track::rollup::{RollupBy, RollupRow};
use std::io::{self, Write};

/// Write a roll-up in `format`; `None` for Excel (the caller writes the workbook).
pub fn write_rollup(
    format: Format,
    by: RollupBy,
    rows: &[RollupRow],
    total: &RollupRow,
    out: &mut dyn Write,
) -> Option<io::Result<()>> {
    Some(match format {
        Format::Csv => write_csv(rows, total, out),
        Format::Json => write_json_report(by, rows, total, out),
        Format::Markdown => (|| {
            writeln!(out, "# {}\n\n```text", by.label_zh())?;
            write_table(by, rows, total, 160, out)?;
            writeln!(out, "```")
        })(),
        Format::Xlsx => return None,
    })
}

/// The indicators' columns in a CSV file.
pub const INDICATOR_HEADER: [&str; 10] = [
    "规划",
    "编号",
    "指标",
    "单位",
    "基期",
    "基期值",
    "目标年",
    "目标值",
    "属性",
    "最新值",
];

/// Write the indicators in CSV or JSON; `None` for the other formats.
pub fn write_indicators(
    format: Format,
    rows: &[IndicatorRow],
    out: &mut dyn Write,
) -> Option<io::Result<()>> {
    Some(match format {
        Format::Json => write_json(rows, out),
        Format::Csv => (|| {
            let mut csv = Writer::new(out)?;
            csv.record(&INDICATOR_HEADER)?;
            let text =
                |v: &Option<String>| v.as_deref().map(term_safe).unwrap_or_default().into_owned();
            let number = |v: Option<i32>| v.map(|v| v.to_string()).unwrap_or_default();
            for row in rows {
                let latest = row
                    .values
                    .last()
                    .map(|v| format!("{} {}", v.period, term_safe(&v.value)))
                    .unwrap_or_default();
                csv.record(&[
                    term_safe(&row.plan).into_owned(),
                    row.number.map(|n| n.to_string()).unwrap_or_default(),
                    term_safe(&row.name).into_owned(),
                    text(&row.unit),
                    number(row.baseline_year),
                    text(&row.baseline),
                    number(row.target_year),
                    text(&row.target),
                    row.attribute
                        .map(|a| a.label_zh().to_string())
                        .unwrap_or_default(),
                    latest,
                ])?;
            }
            Ok(())
        })(),
        Format::Markdown | Format::Xlsx => return None,
    })
}
