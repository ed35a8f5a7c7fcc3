//! Department returns (督查报表): the workbook sent to a department to fill in
//! (`write`), and reading it back (`read`). Both follow the one layout defined here: the
//! sheets, their columns (identity columns from [`ItemColumn`], the editable ones, the
//! hidden key) and the key each row carries.
//!
//! The key (a hidden column) holds the row's id, the stamp the workbook was exported at,
//! the values it was exported with and a check over them and the department: a row whose
//! id or key was edited is refused, and a field is the department's edit only when it
//! differs from what was exported. The check is FNV-1a: it catches edits made by mistake,
//! it is no signature.

mod problem;
mod read;
mod write;

pub use problem::{CellProblem, FileError, Problem};
pub use read::{MAX_RETURN_BYTES, ReturnFile, read};
pub use write::{ReturnMilestone, ReturnRow, ReturnSheet, write};

use super::columns::{Form, ItemColumn};

pub const ITEMS_SHEET: &str = "事项";
pub const MILESTONES_SHEET: &str = "节点";
pub const GUIDE_SHEET: &str = "说明";
/// The hidden sheet saying what the workbook is: format, department, stamp.
pub const META_SHEET: &str = "plantrack";
/// The meta sheet's format name and version (cells B1 and B2).
pub const FORMAT: &str = "plantrack-return";
pub const VERSION: i64 = 1;

/// A column of the 事项 sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemsColumn {
    /// Read-only: from the item list's columns.
    Identity(ItemColumn),
    /// 牵头 or 配合: how the department is linked to the item.
    Role,
    /// Editable.
    Status,
    Progress,
    /// 本期进展.
    Report,
    /// 存在问题.
    Problems,
    /// Hidden: the row's key.
    Key,
}

/// The identity columns, as the item list names them.
const IDENTITY: [ItemColumn; 9] = [
    ItemColumn::Id,
    ItemColumn::Plan,
    ItemColumn::Chapter,
    ItemColumn::Box,
    ItemColumn::Number,
    ItemColumn::Title,
    ItemColumn::Lead,
    ItemColumn::Co,
    ItemColumn::Owner,
];

pub const KEY_HEADER: &str = "标识（勿改）";

impl ItemsColumn {
    /// Every column of the 事项 sheet, in order.
    pub fn all() -> Vec<ItemsColumn> {
        let mut all: Vec<ItemsColumn> = IDENTITY.into_iter().map(ItemsColumn::Identity).collect();
        all.extend([
            ItemsColumn::Role,
            ItemsColumn::Status,
            ItemsColumn::Progress,
            ItemsColumn::Report,
            ItemsColumn::Problems,
            ItemsColumn::Key,
        ]);
        all
    }

    pub fn header(self) -> &'static str {
        match self {
            ItemsColumn::Identity(c) => c.header(Form::File),
            ItemsColumn::Role => "职责",
            ItemsColumn::Status => ItemColumn::Status.header(Form::File),
            ItemsColumn::Progress => ItemColumn::Progress.header(Form::File),
            ItemsColumn::Report => "本期进展",
            ItemsColumn::Problems => "存在问题",
            ItemsColumn::Key => KEY_HEADER,
        }
    }

    pub fn editable(self) -> bool {
        matches!(
            self,
            ItemsColumn::Status
                | ItemsColumn::Progress
                | ItemsColumn::Report
                | ItemsColumn::Problems
        )
    }

    /// The column's index in the sheet.
    pub fn index(self) -> u16 {
        ItemsColumn::all()
            .iter()
            .position(|&c| c == self)
            .unwrap_or_default() as u16
    }
}

/// A column of the 节点 sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MilestonesColumn {
    Item,
    Title,
    Milestone,
    Name,
    Due,
    /// Editable: 完成日期.
    DoneOn,
    /// Editable: 延期至.
    ExtendTo,
    /// Editable: 延期理由.
    Reason,
    Key,
}

impl MilestonesColumn {
    pub const ALL: [MilestonesColumn; 9] = [
        MilestonesColumn::Item,
        MilestonesColumn::Title,
        MilestonesColumn::Milestone,
        MilestonesColumn::Name,
        MilestonesColumn::Due,
        MilestonesColumn::DoneOn,
        MilestonesColumn::ExtendTo,
        MilestonesColumn::Reason,
        MilestonesColumn::Key,
    ];

    pub fn header(self) -> &'static str {
        match self {
            MilestonesColumn::Item => "事项ID",
            MilestonesColumn::Title => ItemColumn::Title.header(Form::File),
            MilestonesColumn::Milestone => "节点ID",
            MilestonesColumn::Name => "节点",
            MilestonesColumn::Due => "截止日期",
            MilestonesColumn::DoneOn => "完成日期",
            MilestonesColumn::ExtendTo => "延期至",
            MilestonesColumn::Reason => "延期理由",
            MilestonesColumn::Key => KEY_HEADER,
        }
    }

    pub fn editable(self) -> bool {
        matches!(
            self,
            MilestonesColumn::DoneOn | MilestonesColumn::ExtendTo | MilestonesColumn::Reason
        )
    }

    pub fn index(self) -> u16 {
        MilestonesColumn::ALL
            .iter()
            .position(|&c| c == self)
            .unwrap_or_default() as u16
    }
}

/// FNV-1a, 64 bits: the check of keys, and the digest of a file.
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The check of a key's `payload` in a workbook for `department`.
pub fn check(department: &str, payload: &str) -> String {
    format!(
        "{:016x}",
        fnv(format!("{FORMAT}|{department}|{payload}").as_bytes())
    )
}

/// A key: the payload fields joined by `|`, then their check.
pub fn key(department: &str, fields: &[String]) -> String {
    let payload = fields.join("|");
    let check = check(department, &payload);
    format!("{payload}|{check}")
}

/// The payload fields of a key whose check holds, or None.
pub fn open_key(department: &str, key: &str) -> Option<Vec<String>> {
    let (payload, check_text) = key.trim().rsplit_once('|')?;
    (check(department, payload) == check_text)
        .then(|| payload.split('|').map(str::to_string).collect())
}

/// A column index as Excel names it: 0 → A, 26 → AA.
pub fn column_letter(mut index: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn keys_open_only_unedited() {
        let k = key("省住建厅", &["12".into(), "40".into()]);
        assert_eq!(open_key("省住建厅", &k).unwrap(), vec!["12", "40"]);
        assert!(open_key("省财政厅", &k).is_none());
        assert!(open_key("省住建厅", &k.replacen("12", "13", 1)).is_none());
        assert!(open_key("省住建厅", "garbage").is_none());
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn headers_are_distinct() {
        let mut seen = std::collections::HashSet::new();
        for c in ItemsColumn::all() {
            assert!(seen.insert(c.header()), "{c:?}");
        }
    }
}
