//! The order of a roll-up screen's rows (`s` cycles): as counted (plan order, names
//! sorted), most red first, most overdue first, most items first. Ties keep the counted
//! order, so the order is stable; the total row is not among the rows.

use super::super::labels::{L, Lang};
use crate::track::Light;
use crate::track::rollup::RollupRow;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RollupSort {
    #[default]
    Counted,
    Red,
    Overdue,
    Items,
}

impl RollupSort {
    pub fn next(self) -> RollupSort {
        match self {
            RollupSort::Counted => RollupSort::Red,
            RollupSort::Red => RollupSort::Overdue,
            RollupSort::Overdue => RollupSort::Items,
            RollupSort::Items => RollupSort::Counted,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let label = match self {
            RollupSort::Counted => L("默认顺序", "as listed"),
            RollupSort::Red => L("红灯多的在前", "most red first"),
            RollupSort::Overdue => L("逾期多的在前", "most overdue first"),
            RollupSort::Items => L("事项多的在前", "most items first"),
        };
        label.get(lang)
    }

    /// The rows in this order (borrowed as they are for the counted order).
    pub fn apply(self, rows: &[RollupRow]) -> Cow<'_, [RollupRow]> {
        let key = |r: &RollupRow| match self {
            RollupSort::Counted => 0,
            RollupSort::Red => r.light_count(Light::Red),
            RollupSort::Overdue => r.overdue_milestones,
            RollupSort::Items => r.items,
        };
        if self == RollupSort::Counted {
            return Cow::Borrowed(rows);
        }
        let mut sorted = rows.to_vec();
        sorted.sort_by_key(|r| std::cmp::Reverse(key(r)));
        Cow::Owned(sorted)
    }
}
