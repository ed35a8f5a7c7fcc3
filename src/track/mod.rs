//! Domain rules, pure: status, pace (序时进度) and warning lights, roll-ups.
//! No SQL, no I/O, no terminal: everything here is a function of values passed in.
//!
//! - `status`: [`Status`] (未开始/进行中/已完成/暂停) and [`Progress`] (0–100).
//! - `health`: the rules for 序时进度, pace and the warning lights — the one place they live.
//! - `rollup`: counting rules for roll-ups by plan, chapter, department and owner.
//! - `fields`: what the recorded fields and their coded values are called, zh and en.
//! - `filter`: the one filter rule every view of the item list shares.
//! - `identity`: which item of a revised plan is which item tracked (match by content).
//! - `indicator`: whether an indicator is on track.
//! - `limits`: how long typed values may be, and what a date is.
//! - `dates`: dates as people type them (6/30, +30, 月底, 下月底, 年底).
//! - `period`: period reports (月报): what moved in a period, 较上期.
//! - `project`: a 重大项目's stage and investment, 完成率.
//! - `people`: who a login is (wangmin → 王敏) and their department.

pub mod dates;
mod error;
pub mod fields;
pub mod filter;
pub mod health;
pub mod identity;
pub mod indicator;
pub mod limits;
pub mod people;
pub mod period;
pub mod project;
pub mod rollup;
pub mod status;

pub use error::TrackError;
pub use health::{
    Health, ItemFacts, Light, MilestoneFacts, Pace, Period, Thresholds, assess, scheduled_share,
};
pub use rollup::{ItemSummary, RollupBy, RollupRow, rollup, total};
pub use status::{Progress, Status, reconcile};

/// Canonical form of a typed keyword: lower case, words joined by `_` whatever separated
/// them (spaces, `-`, `_`), surrounding space dropped.
fn word_key(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}
