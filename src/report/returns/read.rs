//! Reading a returned workbook (calamine) and checking every cell. The file is unpacked
//! within the document readers' zip limits first (`plan::formats::check_zip`), so a zip
//! bomb is refused before calamine inflates anything. A row with a problem is left out of
//! what is applied, and each problem names its sheet, row and column.

use super::problem::{CellProblem, FileError, Problem};
use super::{
    FORMAT, ITEMS_SHEET, ItemsColumn, META_SHEET, MILESTONES_SHEET, MilestonesColumn, VERSION,
    column_letter, fnv, open_key,
};
use crate::store::{ItemReturn, MilestoneReturn, ReturnInput, Stamp};
use crate::track::limits::{self, Field};
use crate::track::status::{Status, consistent};
use calamine::{Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use std::io::Cursor;

/// The largest returned workbook read (a department's workbook of 10k items is ~1 MB).
pub const MAX_RETURN_BYTES: u64 = 32 * 1024 * 1024;

/// A returned workbook, checked: what to apply, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnFile {
    /// The rows without problems (only the fields the department changed).
    pub input: ReturnInput,
    pub problems: Vec<CellProblem>,
    /// Rows read: items, milestones.
    pub rows: (usize, usize),
}

/// A cell as text: numbers without a needless ".0", dates as YYYY-MM-DD.
fn text(cell: Option<&Data>) -> Result<String, Problem> {
    Ok(match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.trim().to_string(),
        Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(Data::Bool(b)) => b.to_string(),
        Some(Data::DateTime(dt)) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Some(Data::DateTimeIso(s)) => s.get(..10).unwrap_or(s).to_string(),
        Some(Data::DurationIso(s)) => s.clone(),
        Some(Data::Error(_)) => return Err(Problem::ErrorValue),
    })
}

/// A date cell: a date value, or text such as 2026-11-30.
fn date(cell: Option<&Data>) -> Result<Option<NaiveDate>, Problem> {
    let raw = text(cell)?;
    if raw.is_empty() {
        return Ok(None);
    }
    if matches!(cell, Some(Data::Float(_) | Data::Int(_))) {
        return Err(Problem::NotADate);
    }
    // 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日.
    let normal = raw
        .trim_end_matches('日')
        .replace(['/', '.', '年', '月'], "-");
    let parsed = NaiveDate::parse_from_str(&normal, "%Y-%m-%d").map_err(|_| Problem::NotADate)?;
    if !limits::date_in_range(parsed) {
        return Err(Problem::DateOutOfRange);
    }
    Ok(Some(parsed))
}

/// A text cell checked against its field's limits ("" → None).
fn free_text(cell: Option<&Data>, field: Field) -> Result<Option<String>, Problem> {
    let raw = text(cell)?;
    let cleaned = crate::text::sanitize::clean_imported(&raw).text;
    if cleaned.trim().is_empty() {
        return Ok(None);
    }
    limits::check(field, &cleaned)
        .map(Some)
        .map_err(|refused| Problem::Text {
            zh: refused.describe(true),
            en: refused.describe(false),
        })
}

fn percent(cell: Option<&Data>) -> Result<u8, Problem> {
    let raw = text(cell)?;
    let number = match cell {
        Some(Data::Float(f)) if f.fract() != 0.0 => return Err(Problem::NotAPercent),
        _ => raw
            .trim_end_matches(['%', '％'])
            .trim()
            .parse::<i64>()
            .map_err(|_| Problem::NotAPercent)?,
    };
    u8::try_from(number)
        .ok()
        .filter(|n| *n <= 100)
        .ok_or(Problem::PercentOutOfRange(number))
}

/// One sheet being read: its range and the problems found so far.
struct Sheet<'a> {
    name: &'static str,
    range: &'a Range<Data>,
    problems: &'a mut Vec<CellProblem>,
}

impl Sheet<'_> {
    fn cell(&self, row: u32, col: u16) -> Option<&Data> {
        self.range.get_value((row, u32::from(col)))
    }

    fn problem(&mut self, row: u32, col: u16, header: &'static str, problem: Problem) {
        let value = text(self.cell(row, col)).unwrap_or_else(|_| "#ERR".into());
        let value: String = value.chars().take(40).collect();
        self.problems.push(CellProblem {
            sheet: self.name,
            row: row + 1,
            column: (column_letter(u32::from(col)), header),
            value,
            problem,
        });
    }

    /// Whether the header row holds `headers` in order; the first difference is a problem.
    fn headers(&mut self, headers: &[&'static str]) -> bool {
        for (c, &expected) in headers.iter().enumerate() {
            let found = text(self.cell(0, c as u16)).unwrap_or_default();
            if found != expected {
                self.problem(0, c as u16, expected, Problem::Header { expected });
                return false;
            }
        }
        true
    }

    /// Rows after the header that hold anything.
    fn rows(&self) -> impl Iterator<Item = u32> + '_ {
        let end = self.range.end().map_or(0, |(r, _)| r);
        (1..=end).filter(|&r| {
            let (_, last) = self.range.end().unwrap_or_default();
            (0..=last).any(|c| !matches!(self.range.get_value((r, c)), None | Some(Data::Empty)))
        })
    }
}

/// Read a returned workbook.
pub fn read(bytes: &[u8]) -> Result<ReturnFile, FileError> {
    crate::plan::formats::check_zip(bytes, "Excel workbook").map_err(|e| match e {
        crate::plan::formats::FormatError::Damaged { .. } => FileError::NotXlsx,
        other => FileError::Unpacking(other.to_string()),
    })?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| FileError::NotXlsx)?;
    let mut range = |name: &'static str| {
        book.worksheet_range(name)
            .map_err(|_| FileError::MissingSheet(name))
    };
    let meta = range(META_SHEET).map_err(|_| FileError::NotAReturn)?;
    let items = range(ITEMS_SHEET)?;
    let milestones = range(MILESTONES_SHEET)?;
    let meta_text = |row: u32| text(meta.get_value((row, 1))).unwrap_or_default();
    if meta_text(0) != FORMAT {
        return Err(FileError::NotAReturn);
    }
    let version: i64 = meta_text(1).parse().map_err(|_| FileError::NotAReturn)?;
    if version > VERSION {
        return Err(FileError::NewerVersion(version));
    }
    let department = meta_text(2);
    let stamp: i64 = open_key(&department, &meta_text(3))
        .and_then(|fields| fields.first()?.parse().ok())
        .ok_or(FileError::NotAReturn)?;
    let mut problems = Vec::new();
    let mut input = ReturnInput {
        department: department.clone(),
        stamp: Stamp(stamp),
        digest: format!("{:016x}", fnv(bytes)),
        items: Vec::new(),
        milestones: Vec::new(),
    };
    let mut rows = (0, 0);
    let mut sheet = Sheet {
        name: ITEMS_SHEET,
        range: &items,
        problems: &mut problems,
    };
    let headers: Vec<&'static str> = ItemsColumn::all().iter().map(|c| c.header()).collect();
    if sheet.headers(&headers) {
        let all: Vec<u32> = sheet.rows().collect();
        rows.0 = all.len();
        for row in all {
            if let Some(item) = item_row(&mut sheet, row, &department, stamp) {
                input.items.push(item);
            }
        }
    }
    let mut sheet = Sheet {
        name: MILESTONES_SHEET,
        range: &milestones,
        problems: &mut problems,
    };
    let headers: Vec<&'static str> = MilestonesColumn::ALL.iter().map(|c| c.header()).collect();
    if sheet.headers(&headers) {
        let all: Vec<u32> = sheet.rows().collect();
        rows.1 = all.len();
        for row in all {
            if let Some(m) = milestone_row(&mut sheet, row, &department, stamp) {
                input.milestones.push(m);
            }
        }
    }
    Ok(ReturnFile {
        input,
        problems,
        rows,
    })
}

/// The key's fields, when the key holds and names this export; else the row's problem.
fn key_fields(
    sheet: &mut Sheet<'_>,
    row: u32,
    col: u16,
    department: &str,
    stamp: i64,
    stamp_at: usize,
) -> Option<Vec<String>> {
    let raw = text(sheet.cell(row, col)).unwrap_or_default();
    let header = ItemsColumn::Key.header();
    let Some(fields) = open_key(department, &raw).filter(|f| f.len() == 4) else {
        sheet.problem(row, col, header, Problem::KeyDamaged);
        return None;
    };
    if fields[stamp_at] != stamp.to_string() {
        sheet.problem(row, col, header, Problem::OtherExport);
        return None;
    }
    Some(fields)
}

/// The id shown in an id cell (12, "12" or "#12").
fn shown_id(cell: Option<&Data>) -> Option<i64> {
    let raw = text(cell).ok()?;
    raw.trim_start_matches(['#', 'M']).parse().ok()
}

fn item_row(sheet: &mut Sheet<'_>, row: u32, department: &str, stamp: i64) -> Option<ItemReturn> {
    let key = key_fields(sheet, row, ItemsColumn::Key.index(), department, stamp, 1)?;
    let exported: i64 = key[0].parse().ok()?;
    let id_col = ItemsColumn::Identity(crate::report::columns::ItemColumn::Id);
    if shown_id(sheet.cell(row, id_col.index())) != Some(exported) {
        sheet.problem(
            row,
            id_col.index(),
            id_col.header(),
            Problem::IdEdited { exported },
        );
        return None;
    }
    let was_status: Status = key[2].parse().ok()?;
    let was_progress: u8 = key[3].parse().ok()?;
    let before = sheet.problems.len();
    let (s_col, p_col) = (ItemsColumn::Status, ItemsColumn::Progress);
    let status = match text(sheet.cell(row, s_col.index()))
        .and_then(|t| t.parse::<Status>().map_err(|_| Problem::UnknownStatus))
    {
        Ok(status) => Some(status),
        Err(problem) => {
            sheet.problem(row, s_col.index(), s_col.header(), problem);
            None
        }
    };
    let progress = match percent(sheet.cell(row, p_col.index())) {
        Ok(p) => Some(p),
        Err(problem) => {
            sheet.problem(row, p_col.index(), p_col.header(), problem);
            None
        }
    };
    let mut notes = Vec::new();
    for (col, label) in [
        (ItemsColumn::Report, "本期进展"),
        (ItemsColumn::Problems, "存在问题"),
    ] {
        match free_text(sheet.cell(row, col.index()), Field::Note) {
            Ok(Some(text)) => notes.push(format!("【{label}·{department}】{text}")),
            Ok(None) => {}
            Err(problem) => sheet.problem(row, col.index(), col.header(), problem),
        }
    }
    let (Some(status), Some(progress)) = (status, progress) else {
        return None;
    };
    let status = (status != was_status).then_some(status);
    let progress = (progress != was_progress).then_some(progress);
    if let (Some(s), Some(p)) = (status, progress)
        && let Err(error) = consistent(s, p)
    {
        use crate::text::lang::Lang;
        let problem = Problem::Text {
            zh: format!("状态与进度不一致：{}", error.message(Lang::Zh)),
            en: format!(
                "status and progress do not go together: {}",
                error.message(Lang::En)
            ),
        };
        sheet.problem(row, s_col.index(), s_col.header(), problem);
    }
    if sheet.problems.len() > before {
        return None;
    }
    Some(ItemReturn {
        item: exported,
        status,
        progress,
        notes,
    })
}

fn milestone_row(
    sheet: &mut Sheet<'_>,
    row: u32,
    department: &str,
    stamp: i64,
) -> Option<MilestoneReturn> {
    let key = key_fields(
        sheet,
        row,
        MilestonesColumn::Key.index(),
        department,
        stamp,
        2,
    )?;
    let (milestone, item): (i64, i64) = (key[0].parse().ok()?, key[1].parse().ok()?);
    for (col, expected) in [
        (MilestonesColumn::Milestone, milestone),
        (MilestonesColumn::Item, item),
    ] {
        if shown_id(sheet.cell(row, col.index())) != Some(expected) {
            sheet.problem(
                row,
                col.index(),
                col.header(),
                Problem::IdEdited { exported: expected },
            );
            return None;
        }
    }
    let before = sheet.problems.len();
    let read_date =
        |sheet: &mut Sheet<'_>, col: MilestonesColumn| match date(sheet.cell(row, col.index())) {
            Ok(d) => d,
            Err(problem) => {
                sheet.problem(row, col.index(), col.header(), problem);
                None
            }
        };
    let done_on = read_date(sheet, MilestonesColumn::DoneOn);
    let extend_to = read_date(sheet, MilestonesColumn::ExtendTo);
    let r_col = MilestonesColumn::Reason;
    let reason = match free_text(sheet.cell(row, r_col.index()), Field::Reason) {
        Ok(reason) => reason,
        Err(problem) => {
            sheet.problem(row, r_col.index(), r_col.header(), problem);
            None
        }
    };
    let e_col = MilestonesColumn::ExtendTo;
    match (done_on, extend_to, &reason) {
        (Some(_), Some(_), _) => {
            sheet.problem(row, e_col.index(), e_col.header(), Problem::DoneAndExtended)
        }
        (_, Some(_), None) => sheet.problem(
            row,
            r_col.index(),
            r_col.header(),
            Problem::ExtensionWithoutReason,
        ),
        (None, None, Some(_)) if sheet.problems.len() == before => sheet.problem(
            row,
            r_col.index(),
            r_col.header(),
            Problem::ReasonWithoutDate,
        ),
        _ => {}
    }
    if sheet.problems.len() > before || (done_on.is_none() && extend_to.is_none()) {
        return None;
    }
    Some(MilestoneReturn {
        item,
        milestone,
        done_on,
        extend: extend_to.zip(reason),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn s(text: &str) -> Data {
        Data::String(text.into())
    }

    #[test]
    fn dates_in_the_forms_people_type() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        for text in [
            "2026-11-30",
            "2026/11/30",
            "2026.11.30",
            "2026年11月30日",
            " 2026-11-30 ",
        ] {
            assert_eq!(date(Some(&s(text))), Ok(Some(day)), "{text}");
        }
        assert_eq!(date(Some(&Data::Empty)), Ok(None));
        assert_eq!(date(Some(&s("2026-13-45"))), Err(Problem::NotADate));
        assert_eq!(date(Some(&s("下月底"))), Err(Problem::NotADate));
        assert_eq!(date(Some(&Data::Float(46000.0))), Err(Problem::NotADate));
        assert_eq!(date(Some(&s("2300-01-01"))), Err(Problem::DateOutOfRange));
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(Some(&Data::Float(40.0))), Ok(40));
        assert_eq!(percent(Some(&s("40%"))), Ok(40));
        assert_eq!(percent(Some(&Data::Int(100))), Ok(100));
        assert_eq!(
            percent(Some(&Data::Float(150.0))),
            Err(Problem::PercentOutOfRange(150))
        );
        assert_eq!(
            percent(Some(&Data::Float(-1.0))),
            Err(Problem::PercentOutOfRange(-1))
        );
        assert_eq!(percent(Some(&Data::Float(40.5))), Err(Problem::NotAPercent));
        assert_eq!(percent(Some(&s("四十"))), Err(Problem::NotAPercent));
        assert_eq!(percent(Some(&Data::Empty)), Err(Problem::NotAPercent));
    }
}
