//! The data the screens show, loaded from the store in one go by `effect.rs`. Rendering
//! reads only this (never the store).

use crate::store::{HistoryEntry, IndicatorRow, ItemRow, Stamp};
use crate::text::pinyin::{PinyinKey, key};
use crate::track::rollup::ItemSummary;
use crate::track::rollup::{RollupBy, RollupRow, rollup, total};

/// A milestone due soon, with its item.
#[derive(Debug, Clone, PartialEq)]
pub struct DueSoon {
    pub item: i64,
    pub item_title: String,
    pub title: String,
    pub due: chrono::NaiveDate,
}

/// Everything the screens list, as of one read.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub items: Vec<ItemRow>,
    /// Pinyin keys of item titles, parallel to `items` (for search as you type).
    pub pinyin: Vec<PinyinKey>,
    pub by_plan: Vec<RollupRow>,
    pub by_chapter: Vec<RollupRow>,
    pub by_lead: Vec<RollupRow>,
    pub by_co: Vec<RollupRow>,
    pub total: Option<RollupRow>,
    pub indicators: Vec<IndicatorRow>,
    pub due_soon: Vec<DueSoon>,
    pub recent_by_others: Vec<HistoryEntry>,
    pub owners: Vec<String>,
    pub departments: Vec<String>,
    /// Every name a department is known by (normalised) → its short name, so a filter
    /// may use 省发改委 for 省发展改革委.
    pub department_names: std::collections::HashMap<String, String>,
    pub stamp: Option<Stamp>,
}

impl Snapshot {
    /// Build the derived parts (roll-ups, pinyin keys) from the loaded rows.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        items: Vec<ItemRow>,
        indicators: Vec<IndicatorRow>,
        due_soon: Vec<DueSoon>,
        recent_by_others: Vec<HistoryEntry>,
        owners: Vec<String>,
        departments: Vec<String>,
        department_names: std::collections::HashMap<String, String>,
        stamp: Stamp,
    ) -> Snapshot {
        let summaries: Vec<ItemSummary> =
            items.iter().cloned().map(ItemRow::into_summary).collect();
        Snapshot {
            pinyin: items.iter().map(|i| key(&i.title)).collect(),
            by_plan: rollup(&summaries, RollupBy::Plan),
            by_chapter: rollup(&summaries, RollupBy::Chapter)
                .into_iter()
                // Chapter names repeat across plans (第五章 …): show the plan after the
                // chapter, where truncation at 80 columns costs least.
                .map(|row| {
                    let label = match row.key.split_once(" / ") {
                        Some((plan, chapter)) => format!("{chapter} | {plan}"),
                        None => row.key.clone(),
                    };
                    RollupRow { label, ..row }
                })
                .collect(),
            by_lead: rollup(&summaries, RollupBy::LeadDepartment),
            by_co: rollup(&summaries, RollupBy::CoDepartment),
            total: Some(total(&summaries)),
            items,
            indicators,
            due_soon,
            recent_by_others,
            owners,
            departments,
            department_names,
            stamp: Some(stamp),
        }
    }
}
