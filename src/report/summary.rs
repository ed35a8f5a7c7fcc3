//! Roll-up reports (`plantrack summary`): a table, RFC 4180 CSV or JSON of `RollupRow`s
//! and their total.

use super::csv::Writer;
use super::json::write_json;
use super::table::{Align, Table};
use crate::text::sanitize::term_safe;
use crate::track::rollup::{RollupBy, RollupRow, TOTAL_KEY};
use serde::Serialize;
use std::io::{self, Write};

/// Header of the CSV file, one column per count.
pub const CSV_HEADER: [&str; 19] = [
    "分组",
    "项数",
    "未开始",
    "进行中",
    "已完成",
    "暂停",
    "超进度",
    "达进度",
    "欠进度",
    "已完成(序时)",
    "红灯",
    "黄灯",
    "蓝灯",
    "绿灯",
    "灰灯",
    "平均进度",
    "逾期节点",
    "无负责人",
    "无牵头单位",
];

/// The counts of a row, in the order of the columns after the group.
fn counts(row: &RollupRow) -> Vec<usize> {
    let mut counts = vec![row.items];
    counts.extend(row.by_status);
    counts.extend(row.by_pace);
    counts.extend(row.by_light);
    counts
}

fn tail(row: &RollupRow) -> [usize; 3] {
    [row.overdue_milestones, row.no_owner, row.no_lead]
}

/// Rows then the total as CSV (the total's group is 合计), through the one CSV writer
/// (BOM, formulas kept as text). Text passes through `term_safe`, so a hostile name
/// cannot act on a terminal the file is printed to.
pub fn write_csv(rows: &[RollupRow], total: &RollupRow, out: &mut dyn Write) -> io::Result<()> {
    let mut csv = Writer::new(out)?;
    csv.record(&CSV_HEADER)?;
    for row in rows.iter().chain(std::iter::once(total)) {
        let group = if row.key == TOTAL_KEY {
            row.label.clone()
        } else {
            term_safe(&row.key).into_owned()
        };
        let mut fields = vec![group];
        fields.extend(counts(row).iter().map(usize::to_string));
        fields.push(format!("{:.1}", row.mean_progress));
        fields.extend(tail(row).iter().map(usize::to_string));
        csv.record(&fields)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SummaryJson<'a> {
    by: RollupBy,
    rows: &'a [RollupRow],
    total: &'a RollupRow,
}

/// `{"by": ..., "rows": [...], "total": {...}}`.
pub fn write_json_report(
    by: RollupBy,
    rows: &[RollupRow],
    total: &RollupRow,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_json(&SummaryJson { by, rows, total }, out)
}

/// What the one-character headers of the table stand for.
pub const LEGEND: &str = "未/进/完/停 = 未开始/进行中/已完成/暂停 (status); 超/达/欠/毕 = 超进度/达进度/欠进度/已完成 (pace vs 序时进度);\n\
红…灰 = warning lights; 均% = mean progress; 逾期 = overdue milestones; 无人 = no owner; 无牵 = no lead";

/// The table, fitted to `width` cells by narrowing the group column, then a legend.
pub fn write_table(
    by: RollupBy,
    rows: &[RollupRow],
    total: &RollupRow,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut table = Table::new()
        .column(by.label_zh(), Align::Left, 40)
        .shrink(0, 8);
    for header in [
        "项数", "未", "进", "完", "停", "超", "达", "欠", "毕", "红", "黄", "蓝", "绿", "灰",
        "均%", "逾期", "无人", "无牵",
    ] {
        table = table.column(header, Align::Right, 12);
    }
    // Chapter rows are keyed `规划 / 章节`: a heading line per plan, then the chapters.
    let mut plan: Option<&str> = None;
    for row in rows.iter().chain(std::iter::once(total)) {
        if by == RollupBy::Chapter && row.key != TOTAL_KEY {
            let this = row
                .key
                .strip_suffix(row.label.as_str())
                .map_or(row.key.as_str(), |p| p.trim_end_matches(" / "));
            if plan != Some(this) {
                table.section(&format!("【{this}】"));
                plan = Some(this);
            }
        }
        let label = &row.label;
        let mut cells = vec![label.clone()];
        cells.extend(counts(row).iter().map(usize::to_string));
        cells.push(format!("{:.0}", row.mean_progress));
        cells.extend(tail(row).iter().map(usize::to_string));
        table.push(cells);
    }
    table.write(width, out)?;
    writeln!(out, "{LEGEND}")
}
