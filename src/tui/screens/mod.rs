//! The screens: each file holds one screen's state, its key handling and its rendering.

pub mod by_chapter;
pub mod by_department;
pub mod indicators;
pub mod item_detail;
pub mod items;
pub mod overview;

use super::labels::{self, L};

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
}

impl ScreenId {
    /// In tab order (number keys 1–6).
    pub const ALL: [ScreenId; 6] = [
        ScreenId::Overview,
        ScreenId::Items,
        ScreenId::Detail,
        ScreenId::ByChapter,
        ScreenId::ByDepartment,
        ScreenId::Indicators,
    ];

    pub fn label(self) -> L {
        match self {
            ScreenId::Overview => labels::OVERVIEW,
            ScreenId::Items => labels::ITEMS,
            ScreenId::Detail => labels::DETAIL,
            ScreenId::ByChapter => labels::BY_CHAPTER,
            ScreenId::ByDepartment => labels::BY_DEPARTMENT,
            ScreenId::Indicators => labels::INDICATORS,
        }
    }

    pub fn index(self) -> usize {
        ScreenId::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}
