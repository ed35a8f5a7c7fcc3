//! The period report as an Excel workbook: a sheet with the title and summary, the figures
//! per department and per chapter as numbers (each compared figure beside its previous
//! period's, 上期…), then the milestones, the notes and the annex of late items.

use super::PeriodReport;
use super::document::{TITLE, Table, items_table, milestones_table, notes_table};
use super::measures::{MEASURES, before_header};
use crate::report::export::ExportError;
use crate::text::width::display_width;
use crate::track::period::Row;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

/// Sheet names, as a reader of the file sees them.
pub const SHEETS: [&str; 6] = [
    "总体情况",
    "分单位",
    "分章节",
    "到期节点",
    "进展备注",
    "附件-滞后事项",
];

fn header() -> Format {
    Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(0xD9D9D9)
        .set_text_wrap()
}

fn widths(sheet: &mut Worksheet, columns: &[Vec<String>]) -> Result<(), XlsxError> {
    for (col, cells) in columns.iter().enumerate() {
        let widest = cells.iter().map(|c| display_width(c)).max().unwrap_or(6);
        sheet.set_column_width(col as u16, (widest + 2).clamp(6, 60) as f64)?;
    }
    Ok(())
}

fn summary_sheet(sheet: &mut Worksheet, report: &PeriodReport) -> Result<(), XlsxError> {
    sheet.set_name(SHEETS[0])?;
    let wrap = Format::new().set_text_wrap();
    sheet.write_string_with_format(0, 0, TITLE, &Format::new().set_bold().set_font_size(16))?;
    sheet.write_string(
        1,
        0,
        format!("报告期：{} 至 {}", report.span.from, report.span.to),
    )?;
    sheet.write_string(
        2,
        0,
        format!("上期：{} 至 {}", report.previous.from, report.previous.to),
    )?;
    sheet.write_string(3, 0, format!("编制日期：{}", report.made_on))?;
    sheet.write_string_with_format(5, 0, report.summary(), &wrap)?;
    sheet.set_column_width(0, 100)?;
    sheet.set_row_height(5, 120)?;
    Ok(())
}

/// A figures sheet: the group, then each figure (and its previous period's when compared).
fn figures_sheet(
    sheet: &mut Worksheet,
    name: &str,
    first: &str,
    rows: &[Row],
    total: &Row,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let h = header();
    let decimal = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0.0");
    let whole = Format::new()
        .set_border(FormatBorder::Thin)
        .set_num_format("0");
    let text = Format::new().set_border(FormatBorder::Thin);
    let mut headers = vec![first.to_string()];
    for m in &MEASURES {
        headers.push(m.header.to_string());
        if m.compared {
            headers.push(before_header(m));
        }
    }
    for (col, name) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &h)?;
    }
    let mut labels = vec![first.to_string()];
    let all: Vec<(&Row, String)> = rows
        .iter()
        .map(|r| (r, r.label.clone()))
        .chain(std::iter::once((total, "合计".to_string())))
        .collect();
    for (index, (row, label)) in all.iter().enumerate() {
        let r = index as u32 + 1;
        sheet.write_string_with_format(r, 0, label, &text)?;
        labels.push(label.clone());
        let mut col = 1u16;
        for m in &MEASURES {
            let format = if m.decimals > 0 { &decimal } else { &whole };
            sheet.write_number_with_format(r, col, (m.value)(&row.now), format)?;
            col += 1;
            if m.compared {
                sheet.write_number_with_format(r, col, (m.value)(&row.before), format)?;
                col += 1;
            }
        }
    }
    let mut columns = vec![labels];
    columns.extend(
        headers
            .iter()
            .skip(1)
            .map(|h| vec![h.chars().take(6).collect()]),
    );
    widths(sheet, &columns)?;
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

fn table_sheet(sheet: &mut Worksheet, name: &str, table: &Table) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    let h = header();
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    for (col, name) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, name, &h)?;
    }
    for (r, cells) in table.rows.iter().enumerate() {
        for (col, value) in cells.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 1, col as u16, value, &text)?;
        }
    }
    let columns: Vec<Vec<String>> = (0..table.headers.len())
        .map(|c| {
            std::iter::once(table.headers[c].clone())
                .chain(table.rows.iter().filter_map(|r| r.get(c).cloned()))
                .collect()
        })
        .collect();
    widths(sheet, &columns)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The report as the bytes of an .xlsx file.
pub fn workbook(report: &PeriodReport) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    summary_sheet(book.add_worksheet(), report)?;
    figures_sheet(
        book.add_worksheet(),
        SHEETS[1],
        "牵头单位",
        &report.by_department,
        &report.total,
    )?;
    figures_sheet(
        book.add_worksheet(),
        SHEETS[2],
        "规划 / 章节",
        &report.by_chapter,
        &report.total,
    )?;
    table_sheet(book.add_worksheet(), SHEETS[3], &milestones_table(report))?;
    table_sheet(book.add_worksheet(), SHEETS[4], &notes_table(report))?;
    table_sheet(book.add_worksheet(), SHEETS[5], &items_table(&report.late))?;
    Ok(book.save_to_buffer()?)
}
