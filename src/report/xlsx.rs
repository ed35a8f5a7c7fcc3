//! The Excel workbook of `plantrack export --format xlsx` (rust_xlsxwriter): the item list
//! (事项), one sheet per roll-up (按规划, 按章节, 按牵头单位, 按配合单位, 按负责人) and the
//! notes (说明: as-of date, scope, counting rules).
//!
//! Header rows are frozen, column widths follow the display width of the longest cell
//! (a CJK character counts two, capped at [`MAX_WIDTH`]), warning lights are cell fill
//! colours, and every printed page carries the as-of date in its footer. Strings are
//! written as strings, never as formulas.

use super::columns::{EXPORT, Excel, Form, ItemCells, Value};
use super::export::{Export, ExportError, Summary, rules};
use crate::progress::{Counted, Progress, Silent, Stage};
use crate::text::width::display_width;
use crate::track::health::Light;
use crate::track::rollup::{RollupBy, RollupRow, TOTAL_KEY};
use crate::track::status::Status;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Widest a column is made, in Excel character units (a CJK character is two).
pub const MAX_WIDTH: usize = 60;
/// Most characters Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Sheet names, in order.
pub const ITEMS_SHEET: &str = "事项";
pub const NOTES_SHEET: &str = "说明";

/// The fill colour of a warning light.
pub fn light_color(light: Light) -> u32 {
    match light {
        Light::Red => 0xF8696B,
        Light::Yellow => 0xFFD966,
        Light::Blue => 0x9BC2E6,
        Light::Green => 0x92D050,
        Light::Grey => 0xD9D9D9,
    }
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> ExportError {
        ExportError::Xlsx(e.to_string())
    }
}

/// Column widths fitted to the cells written so far.
struct Widths(Vec<usize>);

impl Widths {
    fn new() -> Widths {
        Widths(Vec::new())
    }

    fn see(&mut self, col: u16, text: &str) {
        let col = usize::from(col);
        if self.0.len() <= col {
            self.0.resize(col + 1, 0);
        }
        let widest = text.lines().map(display_width).max().unwrap_or(0);
        self.0[col] = self.0[col].max(widest);
    }

    fn apply(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, width) in self.0.iter().enumerate() {
            let width = (width + 2).clamp(6, MAX_WIDTH);
            sheet.set_column_width(col as u16, width as f64)?;
        }
        Ok(())
    }
}

/// Text as Excel keeps it (cut to its cell limit).
fn cell_text(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS - 1) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    percent: Format,
    decimal: Format,
    amount: Format,
    date: Format,
    bold: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            header: border(Format::new().set_bold().set_background_color(0xDDEBF7))
                .set_align(FormatAlign::Center),
            text: border(Format::new()),
            wrap: border(Format::new().set_text_wrap()),
            percent: border(Format::new().set_num_format("0%")),
            decimal: border(Format::new().set_num_format("0.0")),
            amount: border(Format::new().set_num_format("0.00")),
            date: border(Format::new().set_num_format("yyyy-mm-dd")),
            bold: Format::new().set_bold(),
        }
    }

    fn light(&self, light: Light) -> Format {
        self.text
            .clone()
            .set_background_color(Color::RGB(light_color(light)))
            .set_align(FormatAlign::Center)
    }
}

fn headers(
    sheet: &mut Worksheet,
    widths: &mut Widths,
    names: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *name, &f.header)?;
        widths.see(col, name);
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn footer(sheet: &mut Worksheet, export: &Export) {
    sheet.set_footer(format!("&L截至 {}&R第 &P 页，共 &N 页", export.as_of));
}

/// The workbook as the bytes of an .xlsx file.
pub fn workbook(export: &Export) -> Result<Vec<u8>, ExportError> {
    workbook_reporting(export, &Silent)
}

/// [`workbook`], telling `progress` each item written, then that the file is packed.
pub fn workbook_reporting(
    export: &Export,
    progress: &dyn Progress,
) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let f = Formats::new();
    items_sheet(book.add_worksheet(), export, &f, progress)?;
    for summary in &export.summaries {
        summary_sheet(book.add_worksheet(), summary, export, &f)?;
    }
    notes_sheet(book.add_worksheet(), export, &f)?;
    progress.begin(Stage::Package, None);
    let bytes = book.save_to_buffer();
    progress.end();
    Ok(bytes?)
}

fn items_sheet(
    sheet: &mut Worksheet,
    export: &Export,
    f: &Formats,
    progress: &dyn Progress,
) -> Result<(), ExportError> {
    sheet.set_name(ITEMS_SHEET)?;
    footer(sheet, export);
    let mut widths = Widths::new();
    let names: Vec<&str> = EXPORT.iter().map(|c| c.header(Form::File)).collect();
    headers(sheet, &mut widths, &names, f)?;
    let items = Counted::new(Stage::WriteExport, export.items.iter(), progress);
    for (index, item) in items.enumerate() {
        let row = index as u32 + 1;
        for (col, &column) in EXPORT.iter().enumerate() {
            let col = col as u16;
            let value = item.value(column);
            let text = value.text(Form::File);
            let text = cell_text(&text);
            cell(sheet, (row, col), &value, text, column.def().excel, f)?;
            widths.see(col, text);
        }
    }
    widths.apply(sheet)?;
    let last = export.items.len() as u32;
    sheet.autofilter(0, 0, last, EXPORT.len() as u16 - 1)?;
    Ok(())
}

/// Write one cell of the item list as its column's spreadsheet kind asks: numbers as
/// numbers, shares as percentages, dates as dates, lights on their colour.
fn cell(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    value: &Value<'_>,
    text: &str,
    excel: Excel,
    f: &Formats,
) -> Result<(), ExportError> {
    match (excel, value) {
        (Excel::Integer, Value::Id(n)) => {
            sheet.write_number_with_format(row, col, *n as f64, &f.text)?
        }
        (Excel::Integer, Value::Count(n)) => {
            sheet.write_number_with_format(row, col, *n as f64, &f.text)?
        }
        (Excel::Percent, Value::Percent(p)) => {
            sheet.write_number_with_format(row, col, f64::from(*p) / 100.0, &f.percent)?
        }
        (Excel::Amount, Value::Amount(Some(v)) | Value::Rate(Some(v))) => {
            sheet.write_number_with_format(row, col, *v, &f.amount)?
        }
        (Excel::Date, Value::Date(Some(date))) => {
            sheet.write_date_with_format(row, col, &excel_date(*date)?, &f.date)?
        }
        (Excel::Light, Value::Light(light)) => {
            sheet.write_string_with_format(row, col, text, &f.light(*light))?
        }
        (Excel::Wrapped, _) => sheet.write_string_with_format(row, col, text, &f.wrap)?,
        _ if text.is_empty() => sheet.write_blank(row, col, &f.text)?,
        _ => sheet.write_string_with_format(row, col, text, &f.text)?,
    };
    Ok(())
}

fn excel_date(date: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(date.year() as u16, date.month() as u8, date.day() as u8)
}

/// Columns of a roll-up sheet after its group columns.
const COUNT_COLUMNS: [&str; 18] = [
    "项数",
    "未开始",
    "进行中",
    "已完成",
    "暂停",
    "完成率",
    "平均进度(%)",
    "超进度",
    "达进度",
    "欠进度",
    "红灯",
    "黄灯",
    "蓝灯",
    "绿灯",
    "灰灯",
    "逾期节点",
    "无负责人",
    "无牵头单位",
];

fn group_columns(by: RollupBy) -> &'static [&'static str] {
    match by {
        RollupBy::Plan => &["规划"],
        RollupBy::Chapter => &["规划", "章节"],
        RollupBy::LeadDepartment => &["牵头单位"],
        RollupBy::CoDepartment => &["配合单位"],
        RollupBy::Owner => &["负责人"],
    }
}

/// The group cells of a row: for chapters, the plan (the key before ` / `) and the chapter.
fn group_cells(by: RollupBy, row: &RollupRow) -> Vec<String> {
    if row.key == TOTAL_KEY {
        return vec![row.label.clone()];
    }
    match by {
        RollupBy::Chapter => {
            let plan = row
                .key
                .strip_suffix(row.label.as_str())
                .and_then(|p| p.strip_suffix(" / "))
                .unwrap_or(&row.key);
            vec![plan.to_string(), row.label.clone()]
        }
        _ => vec![row.key.clone()],
    }
}

fn summary_sheet(
    sheet: &mut Worksheet,
    summary: &Summary,
    export: &Export,
    f: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name(summary.by.label_zh())?;
    footer(sheet, export);
    let groups = group_columns(summary.by);
    let names: Vec<&str> = groups.iter().chain(COUNT_COLUMNS.iter()).copied().collect();
    let mut widths = Widths::new();
    headers(sheet, &mut widths, &names, f)?;
    let first = groups.len() as u16;
    for (i, light) in Light::ALL.iter().enumerate() {
        let col = first + 10 + i as u16;
        let format = f.header.clone().set_background_color(light_color(*light));
        sheet.write_string_with_format(0, col, COUNT_COLUMNS[10 + i], &format)?;
    }
    let rows = summary.rows.iter().chain(std::iter::once(&summary.total));
    let mut row_number = 0;
    for row in rows {
        row_number += 1;
        let is_total = row.key == TOTAL_KEY;
        for (col, text) in group_cells(summary.by, row).iter().enumerate() {
            let format = if is_total { &f.header } else { &f.text };
            sheet.write_string_with_format(row_number, col as u16, cell_text(text), format)?;
            widths.see(col as u16, text);
        }
        let done = row.status_count(Status::Done);
        let rate = if row.items == 0 {
            0.0
        } else {
            done as f64 / row.items as f64
        };
        let mut counts: Vec<usize> = vec![row.items];
        counts.extend(row.by_status);
        let tail: Vec<usize> = row.by_pace[..3]
            .iter()
            .chain(row.by_light.iter())
            .copied()
            .chain([row.overdue_milestones, row.no_owner, row.no_lead])
            .collect();
        let mut col = first;
        for count in counts {
            sheet.write_number_with_format(row_number, col, count as f64, &f.text)?;
            col += 1;
        }
        sheet.write_number_with_format(row_number, col, rate, &f.percent)?;
        sheet.write_number_with_format(row_number, col + 1, row.mean_progress, &f.decimal)?;
        col += 2;
        for count in tail {
            sheet.write_number_with_format(row_number, col, count as f64, &f.text)?;
            col += 1;
        }
    }
    let note = format!("截至 {}；统计口径见“{NOTES_SHEET}”工作表。", export.as_of);
    sheet.write_string_with_format(row_number + 2, 0, note, &f.bold)?;
    widths.apply(sheet)?;
    Ok(())
}

fn notes_sheet(sheet: &mut Worksheet, export: &Export, f: &Formats) -> Result<(), ExportError> {
    sheet.set_name(NOTES_SHEET)?;
    footer(sheet, export);
    sheet.set_column_width(0, 14)?;
    sheet.set_column_width(1, 100)?;
    let wrap = Format::new().set_text_wrap();
    let mut lines: Vec<(String, String)> = vec![
        ("截至日期".into(), export.as_of.to_string()),
        ("范围".into(), export.scope.clone()),
        ("事项数".into(), export.items.len().to_string()),
    ];
    for (i, rule) in rules(export.as_of, &export.thresholds)
        .into_iter()
        .enumerate()
    {
        let label = if i == 0 { "统计口径" } else { "" };
        lines.push((label.to_string(), format!("{}. {rule}", i + 1)));
    }
    for (row, (label, text)) in lines.iter().enumerate() {
        sheet.write_string_with_format(row as u32, 0, label, &f.bold)?;
        sheet.write_string_with_format(row as u32, 1, cell_text(text), &wrap)?;
    }
    let legend = lines.len() as u32 + 1;
    sheet.write_string_with_format(legend, 0, "预警灯", &f.bold)?;
    for (i, light) in Light::ALL.iter().enumerate() {
        let row = legend + i as u32;
        let label = format!("{}灯", light.label_zh());
        sheet.write_string_with_format(row, 1, label, &f.light(*light))?;
    }
    Ok(())
}
