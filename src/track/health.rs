//! Pace (序时进度) and warning lights (红/黄/蓝/绿/灰): the one place these rules live.
//!
//! Everything here is a function of an item's recorded facts (status, progress, period,
//! milestones), the date it is judged at (`today`) and three [`Thresholds`]. Nothing is
//! stored: change a threshold or the date and every light follows.
//!
//! ## 序时进度 (scheduled share)
//!
//! The share of the item's period that has elapsed at `today`, in whole percent, rounded
//! down. The period is the item's own start and due date where they are set, otherwise
//! the plan period: 1 January of the plan's first year to 31 December of its last year
//! (each end falls back on its own). Days are whole and `today` counts as elapsed, so on
//! the first day of a 100-day period the share is 1 and on its last day (the due date) 100.
//! Before the start it is 0; after the end, 100.
//!
//! ## Pace
//!
//! - 已完成 (`done`) when the status is 已完成, whatever the progress;
//! - otherwise progress is compared with the scheduled share, allowing a tolerance
//!   (`pace_tolerance`, default 5 points):
//!   - 超进度 (`ahead`) when progress ≥ scheduled + tolerance;
//!   - 欠进度 (`behind`) when progress < scheduled − tolerance;
//!   - 达进度 (`on_pace`) otherwise.
//!
//! For example, at a scheduled share of 50: progress 55–100 is ahead, 45–54 on pace, 0–44
//! behind.
//!
//! ## Warning light
//!
//! The first rule that applies wins:
//!
//! 1. 绿 green — the status is 已完成.
//! 2. 红 red — a milestone is overdue: its due date is before today and it is not done.
//! 3. 红 red — 逾期未完成: the item's period has ended (today is after its last day: its own
//!    due date, else 31 December of the plan's last year) and it is not done. A 十四五 item
//!    (2021–2025) at 30% on 2026-11-23 is red, whatever its milestones; on 2025-12-31 it is
//!    not yet.
//! 4. 黄 yellow — the pace is 欠进度 and progress trails the scheduled share by more than
//!    `yellow_lag` points (default 10): at a scheduled share of 50, progress 39 is yellow,
//!    40 is not.
//! 5. 蓝 blue — a milestone that is not done falls due within `due_soon_days` days
//!    (default 30), counting today: today ≤ due date ≤ today + 30 days.
//! 6. 灰 grey — the status is 未开始 (and none of the above applies).
//! 7. 绿 green — otherwise.
//!
//! Paused (暂停) items are judged like the others: pausing does not stop the calendar.
//! A milestone counts as done when it has a completion date. The number of overdue
//! milestones is reported for every item, done ones included (their light stays green),
//! so a milestone left open on a finished item still shows in roll-ups. An item is *late*
//! (the `overdue` filter, 逾期) when it has an overdue milestone or its period has ended
//! undone. [`explain`] says in words which rule gave an item its light; [`light_rules`]
//! states the rules for people, with the thresholds in force.

mod explain;
pub use explain::{explain, light_rules};

use super::{Status, TrackError, word_key};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The tunable numbers of the rules above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Thresholds {
    /// Points of progress either side of the scheduled share that still count as 达进度.
    pub pace_tolerance: u8,
    /// A behind item turns yellow when it trails the scheduled share by more than this.
    pub yellow_lag: u8,
    /// A milestone due within this many days (today included) turns the light blue.
    pub due_soon_days: u32,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            pace_tolerance: 5,
            yellow_lag: 10,
            due_soon_days: 30,
        }
    }
}

/// Progress compared with 序时进度.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pace {
    Ahead,
    OnPace,
    Behind,
    Done,
}

impl Pace {
    /// Every pace, in the order used for counts (`RollupRow::by_pace`).
    pub const ALL: [Pace; 4] = [Pace::Ahead, Pace::OnPace, Pace::Behind, Pace::Done];

    /// Position in [`Pace::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Pace::Ahead => "ahead",
            Pace::OnPace => "on_pace",
            Pace::Behind => "behind",
            Pace::Done => "done",
        }
    }

    pub const fn label_zh(self) -> &'static str {
        match self {
            Pace::Ahead => "超进度",
            Pace::OnPace => "达进度",
            Pace::Behind => "欠进度",
            Pace::Done => "已完成",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            Pace::Ahead => "ahead",
            Pace::OnPace => "on pace",
            Pace::Behind => "behind",
            Pace::Done => "done",
        }
    }
}

impl fmt::Display for Pace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Pace {
    type Err = TrackError;

    /// Accepts the snake names, the English and the Chinese labels, ignoring case.
    fn from_str(s: &str) -> Result<Pace, TrackError> {
        match word_key(s).as_str() {
            "ahead" | "超进度" | "超進度" => Ok(Pace::Ahead),
            "on_pace" | "onpace" | "达进度" | "達進度" => Ok(Pace::OnPace),
            "behind" | "欠进度" | "欠進度" => Ok(Pace::Behind),
            "done" | "已完成" => Ok(Pace::Done),
            _ => Err(TrackError::UnknownPace(s.to_string())),
        }
    }
}

/// The warning light, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Red,
    Yellow,
    Blue,
    Green,
    Grey,
}

impl Light {
    /// Every light, in the order used for counts (`RollupRow::by_light`).
    pub const ALL: [Light; 5] = [
        Light::Red,
        Light::Yellow,
        Light::Blue,
        Light::Green,
        Light::Grey,
    ];

    /// Position in [`Light::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Light::Red => "red",
            Light::Yellow => "yellow",
            Light::Blue => "blue",
            Light::Green => "green",
            Light::Grey => "grey",
        }
    }

    pub const fn label_zh(self) -> &'static str {
        match self {
            Light::Red => "红",
            Light::Yellow => "黄",
            Light::Blue => "蓝",
            Light::Green => "绿",
            Light::Grey => "灰",
        }
    }

    pub const fn label_en(self) -> &'static str {
        self.as_str()
    }
}

impl fmt::Display for Light {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Light {
    type Err = TrackError;

    /// Accepts the English names (also `gray`) and the Chinese ones, with or without 灯,
    /// simplified or traditional, ignoring case.
    fn from_str(s: &str) -> Result<Light, TrackError> {
        let key = word_key(s);
        let key = key.strip_suffix('灯').unwrap_or(&key);
        let key = key.strip_suffix('燈').unwrap_or(key);
        match key {
            "red" | "红" | "紅" => Ok(Light::Red),
            "yellow" | "黄" | "黃" => Ok(Light::Yellow),
            "blue" | "蓝" | "藍" => Ok(Light::Blue),
            "green" | "绿" | "綠" => Ok(Light::Green),
            "grey" | "gray" | "灰" => Ok(Light::Grey),
            _ => Err(TrackError::UnknownLight(s.to_string())),
        }
    }
}

/// A span of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// 1 January of `first_year` to 31 December of `last_year`; `None` if a year is out of
    /// chrono's range.
    pub fn plan_years(first_year: i32, last_year: i32) -> Option<Period> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(first_year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(last_year, 12, 31)?,
        })
    }

    /// An item's period: its own start and due date where set, each end falling back on
    /// the plan period's.
    pub fn for_item(start: Option<NaiveDate>, due: Option<NaiveDate>, plan: Period) -> Period {
        Period {
            start: start.unwrap_or(plan.start),
            end: due.unwrap_or(plan.end),
        }
    }
}

/// What the rules need to know about one milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MilestoneFacts {
    pub due: NaiveDate,
    /// When it was completed; `None` while open.
    pub done: Option<NaiveDate>,
}

/// What the rules need to know about one item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ItemFacts {
    pub status: Status,
    /// Percent; values above 100 are read as 100.
    pub progress: u8,
    pub period: Period,
    pub milestones: Vec<MilestoneFacts>,
}

/// The verdict on one item at one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Health {
    /// 序时进度, 0–100.
    pub scheduled: u8,
    pub pace: Pace,
    pub light: Light,
    /// Milestones overdue: due before today and not done.
    pub overdue: usize,
    /// The earliest due date among milestones not done (overdue ones included).
    pub next_due: Option<NaiveDate>,
    /// The last day of the item's period, once it has passed with the item not done
    /// (逾期未完成). Left out of JSON when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<NaiveDate>,
}

impl Health {
    /// Late (逾期): a milestone overdue, or the period over and the item not done.
    pub fn is_late(&self) -> bool {
        self.overdue > 0 || self.ended.is_some()
    }
}

impl Default for Health {
    /// Not assessed yet: scheduled 0, 达进度, grey, nothing overdue or due.
    fn default() -> Health {
        Health {
            scheduled: 0,
            pace: Pace::OnPace,
            light: Light::Grey,
            overdue: 0,
            next_due: None,
            ended: None,
        }
    }
}

/// 序时进度: the share of `period` elapsed at `today`, 0–100, rounded down (see the module
/// documentation).
pub fn scheduled_share(period: Period, today: NaiveDate) -> u8 {
    if today < period.start {
        return 0;
    }
    if today > period.end {
        return 100;
    }
    // start ≤ today ≤ end, so 1 ≤ elapsed ≤ total.
    let total = (period.end - period.start).num_days() + 1;
    let elapsed = (today - period.start).num_days() + 1;
    u8::try_from(elapsed * 100 / total).unwrap_or(100)
}

/// Pace of an item with this status and progress at this scheduled share.
pub fn pace_of(status: Status, progress: u8, scheduled: u8, tolerance: u8) -> Pace {
    if status == Status::Done {
        return Pace::Done;
    }
    let (progress, scheduled, tolerance) = (
        i16::from(progress.min(100)),
        i16::from(scheduled),
        i16::from(tolerance),
    );
    if progress >= scheduled + tolerance {
        Pace::Ahead
    } else if progress < scheduled - tolerance {
        Pace::Behind
    } else {
        Pace::OnPace
    }
}

/// Judge one item at `today` by the rules in the module documentation.
pub fn assess(facts: &ItemFacts, today: NaiveDate, thresholds: &Thresholds) -> Health {
    let progress = facts.progress.min(100);
    let scheduled = scheduled_share(facts.period, today);
    let pace = pace_of(facts.status, progress, scheduled, thresholds.pace_tolerance);
    let soon_until = today
        .checked_add_days(Days::new(u64::from(thresholds.due_soon_days)))
        .unwrap_or(NaiveDate::MAX);

    let mut overdue = 0;
    let mut due_soon = false;
    let mut next_due: Option<NaiveDate> = None;
    for milestone in facts.milestones.iter().filter(|m| m.done.is_none()) {
        if milestone.due < today {
            overdue += 1;
        } else if milestone.due <= soon_until {
            due_soon = true;
        }
        next_due = Some(next_due.map_or(milestone.due, |d| d.min(milestone.due)));
    }

    let lag = i16::from(scheduled) - i16::from(progress);
    let ended =
        (facts.status != Status::Done && today > facts.period.end).then_some(facts.period.end);
    let light = if facts.status == Status::Done {
        Light::Green
    } else if overdue > 0 || ended.is_some() {
        Light::Red
    } else if pace == Pace::Behind && lag > i16::from(thresholds.yellow_lag) {
        Light::Yellow
    } else if due_soon {
        Light::Blue
    } else if facts.status == Status::NotStarted {
        Light::Grey
    } else {
        Light::Green
    };

    Health {
        scheduled,
        pace,
        light,
        overdue,
        next_due,
        ended,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests;
