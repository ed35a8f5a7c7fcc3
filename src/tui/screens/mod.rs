//! The screens: each file holds one screen's state, how it moves its cursor
//! ([`Navigate`]) and its rendering. Which key does what is the keymap's (`keymap.rs`).

pub mod by_chapter;
pub mod by_department;
pub mod by_owner;
pub mod changes;
pub mod indicators;
pub mod item_detail;
pub mod items;
pub mod overview;
pub mod rollup_sort;

use super::labels::{self, L};
use super::snapshot::Snapshot;

/// What a screen's cursor moves over: the data shown, and who is looking (for `mine`).
pub struct Ctx<'a> {
    pub data: &'a Snapshot,
    pub user: &'a str,
}

/// The movement keys: each screen answers them for itself and keeps its own cursor in
/// range (the app only says which screen has the keyboard).
pub trait Navigate {
    /// Move the cursor `delta` rows (negative: up), within what the screen lists.
    fn move_by(&mut self, delta: isize, ctx: &Ctx<'_>);
    /// Tab: the screen's other focus (tree or table, lead or co, the next milestone).
    fn focus_next(&mut self, _ctx: &Ctx<'_>) {}
    /// Keep the cursor in range after new data.
    fn clamp(&mut self, _ctx: &Ctx<'_>) {}
}

/// The first row a list `height` rows high shows with its cursor on `selected`: the rows
/// around the cursor, as every list and table of the workbench draws them.
pub fn first_shown(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

/// `current` moved by `delta` within `0..len`.
pub fn step(current: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    current.saturating_add_signed(delta).min(len - 1)
}

/// The screens, switched by number keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ScreenId {
    #[default]
    Overview,
    Items,
    Detail,
    ByChapter,
    ByDepartment,
    Indicators,
    ByOwner,
    /// What changed since a date (opened with `c` on the overview, not a numbered tab).
    Changes,
}

impl ScreenId {
    /// In tab order (number keys 1–7).
    pub const ALL: [ScreenId; 7] = [
        ScreenId::Overview,
        ScreenId::Items,
        ScreenId::Detail,
        ScreenId::ByChapter,
        ScreenId::ByDepartment,
        ScreenId::Indicators,
        ScreenId::ByOwner,
    ];

    pub fn label(self) -> L {
        match self {
            ScreenId::Overview => labels::OVERVIEW,
            ScreenId::Items => labels::ITEMS,
            ScreenId::Detail => labels::DETAIL,
            ScreenId::ByChapter => labels::BY_CHAPTER,
            ScreenId::ByDepartment => labels::BY_DEPARTMENT,
            ScreenId::Indicators => labels::INDICATORS,
            ScreenId::ByOwner => L("按负责人", "By owner"),
            ScreenId::Changes => changes::TITLE,
        }
    }

    /// The name on a narrow tab bar.
    pub fn short_label(self) -> L {
        match self {
            ScreenId::ByChapter => L("章节", "Chapters"),
            ScreenId::ByDepartment => L("单位", "Depts"),
            ScreenId::Indicators => L("指标", "Indic"),
            ScreenId::ByOwner => L("负责人", "Owners"),
            _ => self.label(),
        }
    }

    pub fn index(self) -> usize {
        ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}
