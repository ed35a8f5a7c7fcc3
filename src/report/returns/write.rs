//! The workbook sent to a department: 事项 (its items, one row each: identity columns
//! read-only, 状态/进度/本期进展/存在问题 to fill in), 节点 (the items' open milestones:
//! 完成日期, or 延期至 with 延期理由), 说明 (how to fill it in) and a hidden sheet naming
//! the department and the export stamp. Sheets are protected; only the cells to fill in
//! are unlocked, and those carry Excel data validation (a drop-down of statuses, whole
//! percentages 0–100, dates in the years a plan may hold). Excel and WPS both honour these.

use super::super::columns::{Form, ItemCells};
use super::super::export::{ExportError, ExportItem};
use super::{
    FORMAT, GUIDE_SHEET, ITEMS_SHEET, ItemsColumn, META_SHEET, MILESTONES_SHEET, MilestonesColumn,
    VERSION, key,
};
use crate::plan::Role;
use crate::text::width::display_width;
use crate::track::limits::YEARS;
use crate::track::status::Status;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DataValidationRule, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use std::io::Write;

/// One item of a department's return.
#[derive(Debug, Clone)]
pub struct ReturnRow {
    pub item: ExportItem,
    pub role: Role,
}

/// One open milestone of an item of the return.
#[derive(Debug, Clone)]
pub struct ReturnMilestone {
    pub item: i64,
    pub item_title: String,
    pub milestone: i64,
    pub name: String,
    pub due: NaiveDate,
}

/// Everything one department's workbook holds.
#[derive(Debug, Clone)]
pub struct ReturnSheet {
    /// The department's official name (the key's check is over it).
    pub department: String,
    pub stamp: i64,
    pub exported_on: NaiveDate,
    pub rows: Vec<ReturnRow>,
    pub milestones: Vec<ReturnMilestone>,
}

struct Formats {
    header: Format,
    locked: Format,
    locked_wrap: Format,
    open: Format,
    open_wrap: Format,
    open_date: Format,
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        let open = |f: Format| border(f.set_unlocked().set_background_color(0xFFF2CC));
        Formats {
            header: border(Format::new().set_bold().set_background_color(0xDDEBF7)),
            locked: border(Format::new()),
            locked_wrap: border(Format::new().set_text_wrap()),
            open: open(Format::new()),
            open_wrap: open(Format::new().set_text_wrap()),
            open_date: open(Format::new().set_num_format("yyyy-mm-dd")),
            date: border(Format::new().set_num_format("yyyy-mm-dd")),
        }
    }
}

fn excel_date(date: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Lead => "牵头",
        Role::Co => "配合",
    }
}

/// Column widths: the widest of the header and the cells, CJK counting two.
fn width(header: &str, cells: impl Iterator<Item = usize>) -> f64 {
    let widest = cells.max().unwrap_or(0).max(display_width(header));
    (widest + 2).clamp(6, 50) as f64
}

fn items_sheet(sheet: &mut Worksheet, r: &ReturnSheet, f: &Formats) -> Result<(), XlsxError> {
    let columns = ItemsColumn::all();
    for (c, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.header(), &f.header)?;
    }
    for (n, row) in r.rows.iter().enumerate() {
        let at = n as u32 + 1;
        let item = &row.item;
        for (c, column) in columns.iter().enumerate() {
            let c = c as u16;
            match column {
                ItemsColumn::Identity(ic) => {
                    let text = item.value(*ic).text(Form::File).into_owned();
                    let format = if text.chars().count() > 40 {
                        &f.locked_wrap
                    } else {
                        &f.locked
                    };
                    match text.parse::<f64>() {
                        Ok(number) if *ic == crate::report::columns::ItemColumn::Id => {
                            sheet.write_number_with_format(at, c, number, format)?
                        }
                        _ => sheet.write_string_with_format(at, c, &text, format)?,
                    };
                }
                ItemsColumn::Role => {
                    sheet.write_string_with_format(at, c, role_label(row.role), &f.locked)?;
                }
                ItemsColumn::Status => {
                    sheet.write_string_with_format(at, c, item.status.label_zh(), &f.open)?;
                }
                ItemsColumn::Progress => {
                    sheet.write_number_with_format(at, c, f64::from(item.progress), &f.open)?;
                }
                ItemsColumn::Report | ItemsColumn::Problems => {
                    sheet.write_blank(at, c, &f.open_wrap)?;
                }
                ItemsColumn::Key => {
                    let fields = [
                        item.id.to_string(),
                        r.stamp.to_string(),
                        item.status.as_str().to_string(),
                        item.progress.to_string(),
                    ];
                    sheet.write_string_with_format(
                        at,
                        c,
                        key(&r.department, &fields),
                        &f.locked,
                    )?;
                }
            }
        }
    }
    let last = r.rows.len().max(1) as u32;
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.label_zh()).collect();
    let status = DataValidation::new()
        .allow_list_strings(&statuses)?
        .set_error_title("状态")?
        .set_error_message("请从下拉列表中选择：未开始、进行中、已完成、暂停")?;
    let progress = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_error_title("进度")?
        .set_error_message("进度为 0–100 的整数（百分比）")?;
    let (s, p) = (ItemsColumn::Status.index(), ItemsColumn::Progress.index());
    sheet.add_data_validation(1, s, last, s, &status)?;
    sheet.add_data_validation(1, p, last, p, &progress)?;
    for (c, column) in columns.iter().enumerate() {
        let header = column.header();
        let w = match column {
            ItemsColumn::Identity(ic) => width(
                header,
                r.rows
                    .iter()
                    .map(|row| display_width(&row.item.value(*ic).text(Form::File))),
            ),
            ItemsColumn::Report | ItemsColumn::Problems => 30.0,
            _ => width(header, std::iter::empty()),
        };
        sheet.set_column_width(c as u16, w)?;
    }
    sheet.set_column_hidden(ItemsColumn::Key.index())?;
    sheet.set_freeze_panes(1, 1)?;
    sheet.protect();
    Ok(())
}

fn milestones_sheet(sheet: &mut Worksheet, r: &ReturnSheet, f: &Formats) -> Result<(), XlsxError> {
    for (c, column) in MilestonesColumn::ALL.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.header(), &f.header)?;
    }
    for (n, m) in r.milestones.iter().enumerate() {
        let at = n as u32 + 1;
        for (c, column) in MilestonesColumn::ALL.iter().enumerate() {
            let c = c as u16;
            match column {
                MilestonesColumn::Item => {
                    sheet.write_number_with_format(at, c, m.item as f64, &f.locked)?
                }
                MilestonesColumn::Title => {
                    sheet.write_string_with_format(at, c, &m.item_title, &f.locked)?
                }
                MilestonesColumn::Milestone => {
                    sheet.write_string_with_format(at, c, format!("M{}", m.milestone), &f.locked)?
                }
                MilestonesColumn::Name => {
                    sheet.write_string_with_format(at, c, &m.name, &f.locked)?
                }
                MilestonesColumn::Due => {
                    sheet.write_datetime_with_format(at, c, excel_date(m.due)?, &f.date)?
                }
                MilestonesColumn::DoneOn | MilestonesColumn::ExtendTo => {
                    sheet.write_blank(at, c, &f.open_date)?
                }
                MilestonesColumn::Reason => sheet.write_blank(at, c, &f.open_wrap)?,
                MilestonesColumn::Key => {
                    let fields = [
                        m.milestone.to_string(),
                        m.item.to_string(),
                        r.stamp.to_string(),
                        m.due.to_string(),
                    ];
                    sheet.write_string_with_format(at, c, key(&r.department, &fields), &f.locked)?
                }
            };
        }
    }
    let last = r.milestones.len().max(1) as u32;
    let first = excel_date(NaiveDate::from_ymd_opt(*YEARS.start(), 1, 1).unwrap_or_default())?;
    let end = excel_date(NaiveDate::from_ymd_opt(*YEARS.end(), 12, 31).unwrap_or_default())?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(first, end))
        .set_error_title("日期")?
        .set_error_message("请填写日期，如 2026-11-30")?;
    for column in [MilestonesColumn::DoneOn, MilestonesColumn::ExtendTo] {
        let c = column.index();
        sheet.add_data_validation(1, c, last, c, &dates)?;
    }
    for (c, column) in MilestonesColumn::ALL.iter().enumerate() {
        let header = column.header();
        let w = match column {
            MilestonesColumn::Title => width(
                header,
                r.milestones.iter().map(|m| display_width(&m.item_title)),
            ),
            MilestonesColumn::Name => {
                width(header, r.milestones.iter().map(|m| display_width(&m.name)))
            }
            MilestonesColumn::Reason => 30.0,
            _ => width(header, std::iter::once(10)),
        };
        sheet.set_column_width(c as u16, w)?;
    }
    sheet.set_column_hidden(MilestonesColumn::Key.index())?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.protect();
    Ok(())
}

/// The 说明 sheet: what the workbook is and how to fill it in.
fn guide_sheet(sheet: &mut Worksheet, r: &ReturnSheet, f: &Formats) -> Result<(), XlsxError> {
    let lines = [
        format!("{}：事项进展填报表", r.department),
        format!("导出日期：{}（编号 {}）", r.exported_on, r.stamp),
        String::new(),
        "填写说明：".to_string(),
        "1. 只填写黄色单元格，其余单元格已锁定，请勿修改、增删行列或改动工作表名称。".to_string(),
        "2. “事项”表：状态从下拉列表中选择（未开始、进行中、已完成、暂停）；进度填 0–100 的整数；本期进展、存在问题填写文字。".to_string(),
        "3. 状态与进度须一致：已完成即进度 100；进度 100 即已完成；未开始的进度为 0。".to_string(),
        "4. “节点”表：已完成的节点填写完成日期；需要延期的节点填写延期至（新日期）和延期理由，二者只填其一。".to_string(),
        "5. 日期格式为 2026-11-30。".to_string(),
        "6. 填好后保存为 .xlsx，原样报回；收回时逐格检查，有误的单元格会列明工作表、行、列和原因。".to_string(),
        "7. 导出后在系统中已被他人修改的字段不会被覆盖，会作为冲突列出。".to_string(),
        String::new(),
        format!("事项 {} 项，节点 {} 个。", r.rows.len(), r.milestones.len()),
    ];
    for (n, line) in lines.iter().enumerate() {
        let format = if n == 0 { &f.header } else { &f.locked };
        sheet.write_string_with_format(n as u32, 0, line, format)?;
    }
    sheet.set_column_width(0, 110)?;
    sheet.protect();
    Ok(())
}

fn meta_sheet(sheet: &mut Worksheet, r: &ReturnSheet) -> Result<(), XlsxError> {
    sheet.write_string(0, 0, "format")?;
    sheet.write_string(0, 1, FORMAT)?;
    sheet.write_string(1, 0, "version")?;
    sheet.write_number(1, 1, VERSION as f64)?;
    sheet.write_string(2, 0, "department")?;
    sheet.write_string(2, 1, &r.department)?;
    sheet.write_string(3, 0, "stamp")?;
    sheet.write_string(3, 1, key(&r.department, &[r.stamp.to_string()]))?;
    sheet.write_string(4, 0, "exported")?;
    sheet.write_string(4, 1, r.exported_on.to_string())?;
    sheet.set_hidden(true);
    sheet.protect();
    Ok(())
}

fn workbook(r: &ReturnSheet) -> Result<Workbook, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    items_sheet(book.add_worksheet().set_name(ITEMS_SHEET)?, r, &f)?;
    milestones_sheet(book.add_worksheet().set_name(MILESTONES_SHEET)?, r, &f)?;
    guide_sheet(book.add_worksheet().set_name(GUIDE_SHEET)?, r, &f)?;
    meta_sheet(book.add_worksheet().set_name(META_SHEET)?, r)?;
    Ok(book)
}

/// Write the department's workbook to `out`.
pub fn write(r: &ReturnSheet, out: &mut dyn Write) -> Result<(), ExportError> {
    let bytes = workbook(r)?.save_to_buffer()?;
    out.write_all(&bytes)?;
    Ok(())
}
