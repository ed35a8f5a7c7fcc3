//! What can be wrong with a returned workbook, as data: a whole file ([`FileError`]) or one
//! cell ([`CellProblem`]: sheet, row, column, what). Each is said in Chinese or English;
//! no library's error text is shown.

use crate::text::lang::Lang;

/// Why a file cannot be read as a return at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// Not an .xlsx workbook (an old .xls, a damaged file, another format).
    NotXlsx,
    /// Refused while unpacking (a zip bomb, too many parts): the reason, in English.
    Unpacking(String),
    /// A sheet of the return is missing.
    MissingSheet(&'static str),
    /// The hidden sheet that names the department and the export is missing or altered.
    NotAReturn,
    /// A return of a newer plantrack.
    NewerVersion(i64),
}

impl FileError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FileError::NotXlsx, Lang::Zh) => {
                "不是可读取的 Excel .xlsx 工作簿（旧版 .xls 请另存为 .xlsx）".to_string()
            }
            (FileError::NotXlsx, Lang::En) => {
                "not a readable Excel .xlsx workbook (save an old .xls as .xlsx)".to_string()
            }
            (FileError::Unpacking(why), Lang::Zh) => format!("文件被拒绝：{why}"),
            (FileError::Unpacking(why), Lang::En) => format!("refused: {why}"),
            (FileError::MissingSheet(sheet), Lang::Zh) => {
                format!("缺少工作表“{sheet}”：这不是 plantrack 导出的报表，或工作表被改名、删除")
            }
            (FileError::MissingSheet(sheet), Lang::En) => format!(
                "the sheet “{sheet}” is missing: not a return exported by plantrack, or the sheet was renamed or deleted"
            ),
            (FileError::NotAReturn, Lang::Zh) => {
                "不是 plantrack 导出的报表（隐藏的 plantrack 工作表缺失或被改动）".to_string()
            }
            (FileError::NotAReturn, Lang::En) => {
                "not a return exported by plantrack (its hidden plantrack sheet is missing or was altered)".to_string()
            }
            (FileError::NewerVersion(v), Lang::Zh) => {
                format!("报表格式版本 {v} 来自更新的 plantrack；请升级")
            }
            (FileError::NewerVersion(v), Lang::En) => {
                format!("the return's format version {v} is from a newer plantrack; upgrade plantrack")
            }
        }
    }
}

/// What is wrong with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The header row does not name the column expected here.
    Header {
        expected: &'static str,
    },
    NotADate,
    /// A real date outside the years a plan may hold.
    DateOutOfRange,
    NotAPercent,
    PercentOutOfRange(i64),
    UnknownStatus,
    /// The visible id differs from the id the row was exported with.
    IdEdited {
        exported: i64,
    },
    /// The hidden key is missing, or was edited.
    KeyDamaged,
    /// The row was exported at another time than the workbook.
    OtherExport,
    DoneAndExtended,
    ExtensionWithoutReason,
    ReasonWithoutDate,
    /// A text over its limit, or not text: the reason in both languages.
    Text {
        zh: String,
        en: String,
    },
    /// An Excel error value (#N/A, #REF!…).
    ErrorValue,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        let years = crate::track::limits::YEARS;
        let (first, last) = (years.start(), years.end());
        match (self, lang) {
            (Problem::Header { expected }, Lang::Zh) => format!("表头应为“{expected}”：列被移动、插入或删除；整表未读取"),
            (Problem::Header { expected }, Lang::En) => format!("the header should be “{expected}”: columns were moved, inserted or deleted; the sheet was not read"),
            (Problem::NotADate, Lang::Zh) => "不是日期（应如 2026-11-30）".to_string(),
            (Problem::NotADate, Lang::En) => "not a date (expected one like 2026-11-30)".to_string(),
            (Problem::DateOutOfRange, Lang::Zh) => format!("日期不在 {first}–{last} 年之间"),
            (Problem::DateOutOfRange, Lang::En) => format!("the date is outside the years {first}–{last}"),
            (Problem::NotAPercent, Lang::Zh) => "进度应为 0–100 的整数".to_string(),
            (Problem::NotAPercent, Lang::En) => "progress is a whole number 0–100".to_string(),
            (Problem::PercentOutOfRange(n), Lang::Zh) => format!("进度 {n} 超出 0–100"),
            (Problem::PercentOutOfRange(n), Lang::En) => format!("progress {n} is outside 0–100"),
            (Problem::UnknownStatus, Lang::Zh) => "状态应为 未开始、进行中、已完成 或 暂停".to_string(),
            (Problem::UnknownStatus, Lang::En) => "the status is one of 未开始, 进行中, 已完成, 暂停".to_string(),
            (Problem::IdEdited { exported }, Lang::Zh) => format!("编号被改动（导出时为 #{exported}）；此行未采用"),
            (Problem::IdEdited { exported }, Lang::En) => format!("the id was edited (the row was exported as #{exported}); the row was refused"),
            (Problem::KeyDamaged, Lang::Zh) => "隐藏的标识列缺失或被改动；此行未采用".to_string(),
            (Problem::KeyDamaged, Lang::En) => "the hidden key is missing or was edited; the row was refused".to_string(),
            (Problem::OtherExport, Lang::Zh) => "此行来自另一次导出（从别的报表复制而来？）；此行未采用".to_string(),
            (Problem::OtherExport, Lang::En) => "the row comes from another export (copied from another workbook?); the row was refused".to_string(),
            (Problem::DoneAndExtended, Lang::Zh) => "完成日期与延期至只能填其一".to_string(),
            (Problem::DoneAndExtended, Lang::En) => "fill in either the completion date or the extension, not both".to_string(),
            (Problem::ExtensionWithoutReason, Lang::Zh) => "延期须填写延期理由".to_string(),
            (Problem::ExtensionWithoutReason, Lang::En) => "an extension needs a reason".to_string(),
            (Problem::ReasonWithoutDate, Lang::Zh) => "有延期理由但没有延期至日期".to_string(),
            (Problem::ReasonWithoutDate, Lang::En) => "a reason is given but no date to extend to".to_string(),
            (Problem::Text { zh, .. }, Lang::Zh) => zh.clone(),
            (Problem::Text { en, .. }, Lang::En) => en.clone(),
            (Problem::ErrorValue, Lang::Zh) => "单元格是错误值（如 #N/A）".to_string(),
            (Problem::ErrorValue, Lang::En) => "the cell holds an error value (like #N/A)".to_string(),
        }
    }
}

/// A problem at one cell of a returned workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellProblem {
    pub sheet: &'static str,
    /// As Excel numbers rows: from 1, the header row is 1.
    pub row: u32,
    /// The column's letter and header.
    pub column: (String, &'static str),
    /// What the cell holds, as text (cut short).
    pub value: String,
    pub problem: Problem,
}

impl CellProblem {
    /// “工作表“事项”第 3 行 K 列（进度(%)）“150”：…” or “sheet 事项, row 3, column K
    /// (进度(%)) “150”: …”.
    pub fn describe(&self, lang: Lang) -> String {
        let (letter, header) = (&self.column.0, self.column.1);
        let value = if self.value.is_empty() {
            String::new()
        } else {
            format!(" “{}”", self.value)
        };
        match lang {
            Lang::Zh => format!(
                "工作表“{}”第 {} 行 {letter} 列（{header}）{value}：{}",
                self.sheet,
                self.row,
                self.problem.message(lang)
            ),
            Lang::En => format!(
                "sheet {}, row {}, column {letter} ({header}){value}: {}",
                self.sheet,
                self.row,
                self.problem.message(lang)
            ),
        }
    }
}
