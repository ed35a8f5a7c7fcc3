//! An item's recorded state: its [`Status`] (未开始/进行中/已完成/暂停) and its [`Progress`]
//! (a whole percentage, 0–100).
//!
//! Both parse leniently from what people type (`doing`, `进行中`, `40%`) and print in one
//! canonical form (`in_progress`, `40%`).

use super::{TrackError, word_key};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where an item stands, as recorded by its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotStarted,
    InProgress,
    Done,
    Paused,
}

impl Status {
    /// Every status, in the order used for counts (`RollupRow::by_status`).
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Paused,
    ];

    /// Position in [`Status::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The stored and serialised name: `not_started`, `in_progress`, `done`, `paused`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Paused => "paused",
        }
    }

    pub const fn label_zh(self) -> &'static str {
        match self {
            Status::NotStarted => "未开始",
            Status::InProgress => "进行中",
            Status::Done => "已完成",
            Status::Paused => "暂停",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::InProgress => "in progress",
            Status::Done => "done",
            Status::Paused => "paused",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = TrackError;

    /// Accepts, ignoring case and surrounding space, with `-`, `_` or spaces between words:
    /// the snake names, the English labels, the Chinese labels (simplified or traditional)
    /// and the short forms `todo`, `doing`, `wip`, `hold`.
    fn from_str(s: &str) -> Result<Status, TrackError> {
        match word_key(s).as_str() {
            "not_started" | "notstarted" | "todo" | "未开始" | "未開始" => {
                Ok(Status::NotStarted)
            }
            "in_progress" | "inprogress" | "doing" | "wip" | "进行中" | "進行中" => {
                Ok(Status::InProgress)
            }
            "done" | "已完成" => Ok(Status::Done),
            "paused" | "hold" | "on_hold" | "暂停" | "暫停" => Ok(Status::Paused),
            _ => Err(TrackError::UnknownStatus(s.to_string())),
        }
    }
}

/// Progress in whole percent, always within 0..=100.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(try_from = "i64", into = "u8")]
pub struct Progress(u8);

impl Progress {
    /// Progress from a number; anything outside 0..=100 is refused, not clamped.
    pub fn new(value: i64) -> Result<Progress, TrackError> {
        match u8::try_from(value) {
            Ok(v) if v <= 100 => Ok(Progress(v)),
            _ => Err(TrackError::ProgressOutOfRange(value)),
        }
    }

    pub const fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Progress {
    type Error = TrackError;

    fn try_from(value: i64) -> Result<Progress, TrackError> {
        Progress::new(value)
    }
}

impl From<Progress> for u8 {
    fn from(progress: Progress) -> u8 {
        progress.0
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl FromStr for Progress {
    type Err = TrackError;

    /// Accepts `40`, `40%` or `40％`, with surrounding space.
    fn from_str(s: &str) -> Result<Progress, TrackError> {
        let trimmed = s.trim();
        let number = trimmed
            .strip_suffix('%')
            .or_else(|| trimmed.strip_suffix('％'))
            .unwrap_or(trimmed)
            .trim_end();
        let digits = number.strip_prefix('-').unwrap_or(number);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TrackError::ProgressNotANumber(s.to_string()));
        }
        match number.parse::<i64>() {
            Ok(value) => Progress::new(value),
            // Only overflow gets here: far outside the range.
            Err(_) => Err(TrackError::ProgressOutOfRange(if number.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            })),
        }
    }
}

/// How status and progress agree, the one rule for the CLI, the workbench and `load`:
///
/// - 已完成 (done) means progress 100, and progress 100 means done;
/// - 未开始 (not started) means progress 0;
/// - 进行中 and 暂停 take any progress below 100.
pub fn consistent(status: Status, progress: u8) -> Result<(), TrackError> {
    let rule = match status {
        Status::Done if progress != 100 => "an item that is done is at 100%",
        Status::NotStarted if progress != 0 => "an item not started is at 0%",
        Status::InProgress | Status::Paused if progress == 100 => {
            "an item at 100% is done (set a lower progress to reopen it)"
        }
        _ => return Ok(()),
    };
    Err(TrackError::Inconsistent {
        status: status.as_str(),
        progress,
        rule,
    })
}

/// The status and progress to write for an edit, kept consistent with each other
/// ([`consistent`]); `Err` when the edit states a pair that contradicts the rule.
///
/// `status` and `progress` are what the edit states (`None`: not touched); the result is
/// what to write (`None`: leave as it is). Rules:
///
/// - What the edit states explicitly is written as stated (progress above 100 reads as 100),
///   and must agree.
/// - Marking 已完成 without stating progress sets progress to 100; marking 未开始 sets it
///   to 0; marking 进行中 or 暂停 an item at 100% sets it to 99 (reopened).
/// - Stating progress 100 without a status marks the item 已完成.
/// - Stating progress above 0 on a 未开始 item without a status makes it 进行中.
/// - Stating progress below 100 on an 已完成 item without a status reopens it as 进行中.
/// - A 暂停 item stays paused whatever progress below 100 is stated.
pub fn reconcile(
    status: Option<Status>,
    progress: Option<u8>,
    current_status: Status,
    current_progress: u8,
) -> Result<(Option<Status>, Option<u8>), TrackError> {
    let progress = progress.map(|p| p.min(100));
    let changed = |p: u8| (p != current_progress).then_some(p);
    let (status, progress) = match (status, progress) {
        (Some(s), Some(p)) => (Some(s), Some(p)),
        (Some(Status::Done), None) => (Some(Status::Done), changed(100)),
        (Some(Status::NotStarted), None) => (Some(Status::NotStarted), changed(0)),
        (Some(s), None) if current_progress == 100 => (Some(s), Some(99)),
        (Some(s), None) => (Some(s), None),
        (None, Some(p)) => {
            let inferred = match current_status {
                _ if p == 100 => Status::Done,
                Status::NotStarted if p > 0 => Status::InProgress,
                Status::Done => Status::InProgress,
                Status::Paused | Status::InProgress if p == 0 => current_status,
                other => other,
            };
            ((inferred != current_status).then_some(inferred), Some(p))
        }
        (None, None) => (None, None),
    };
    // Only what the edit touches is checked: an edit of nothing here never fails on a pair
    // an older version stored.
    if status.is_some() || progress.is_some() {
        consistent(
            status.unwrap_or(current_status),
            progress.unwrap_or(current_progress),
        )?;
    }
    Ok((status, progress))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_and_labels() {
        let names: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(names, ["not_started", "in_progress", "done", "paused"]);
        let zh: Vec<_> = Status::ALL.iter().map(|s| s.label_zh()).collect();
        assert_eq!(zh, ["未开始", "进行中", "已完成", "暂停"]);
        let en: Vec<_> = Status::ALL.iter().map(|s| s.label_en()).collect();
        assert_eq!(en, ["not started", "in progress", "done", "paused"]);
        for (i, s) in Status::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn parses_every_accepted_form() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>().unwrap(), s);
            assert_eq!(s.label_en().parse::<Status>().unwrap(), s);
            assert_eq!(s.label_zh().parse::<Status>().unwrap(), s);
            assert_eq!(s.label_en().to_uppercase().parse::<Status>().unwrap(), s);
        }
        let cases = [
            ("todo", Status::NotStarted),
            ("TODO", Status::NotStarted),
            ("Not-Started", Status::NotStarted),
            ("  not   started ", Status::NotStarted),
            ("doing", Status::InProgress),
            ("WIP", Status::InProgress),
            ("In Progress", Status::InProgress),
            ("進行中", Status::InProgress),
            ("hold", Status::Paused),
            ("Paused", Status::Paused),
            (" 暂停 ", Status::Paused),
            ("Done", Status::Done),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Status>().unwrap(), want, "{text:?}");
        }
    }

    #[test]
    fn unknown_status_lists_accepted_values() {
        let err = "finished".parse::<Status>().unwrap_err().to_string();
        assert!(err.starts_with("unknown status \"finished\"; use one of: "));
        for s in Status::ALL {
            assert!(err.contains(s.as_str()), "{err}");
            assert!(err.contains(s.label_zh()), "{err}");
        }
        assert!("".parse::<Status>().is_err());
    }

    #[test]
    fn status_serde_is_snake_case() {
        assert_eq!(
            serde_json::to_string(&Status::NotStarted).unwrap(),
            "\"not_started\""
        );
        assert_eq!(
            serde_json::from_str::<Status>("\"in_progress\"").unwrap(),
            Status::InProgress
        );
    }

    #[test]
    fn progress_range() {
        assert_eq!(Progress::new(0).unwrap().value(), 0);
        assert_eq!(Progress::new(100).unwrap().value(), 100);
        assert_eq!(
            Progress::new(120).unwrap_err().to_string(),
            "progress must be between 0 and 100, got 120"
        );
        assert_eq!(
            Progress::new(-1).unwrap_err(),
            TrackError::ProgressOutOfRange(-1)
        );
        assert_eq!(
            Progress::new(356).unwrap_err(),
            TrackError::ProgressOutOfRange(356)
        );
    }

    #[test]
    fn progress_parses_with_or_without_percent() {
        assert_eq!("40".parse::<Progress>().unwrap().value(), 40);
        assert_eq!("40%".parse::<Progress>().unwrap().value(), 40);
        assert_eq!(" 40 % ".parse::<Progress>().unwrap().value(), 40);
        assert_eq!("40％".parse::<Progress>().unwrap().value(), 40);
        assert_eq!("100%".parse::<Progress>().unwrap().value(), 100);
        assert_eq!(
            "120%".parse::<Progress>().unwrap_err(),
            TrackError::ProgressOutOfRange(120)
        );
        assert_eq!(
            "-5".parse::<Progress>().unwrap_err(),
            TrackError::ProgressOutOfRange(-5)
        );
        assert!(matches!(
            "99999999999999999999".parse::<Progress>(),
            Err(TrackError::ProgressOutOfRange(_))
        ));
        for bad in ["", "%", "forty", "4.5", "+40", "40%%", "0x10"] {
            assert!(
                matches!(
                    bad.parse::<Progress>(),
                    Err(TrackError::ProgressNotANumber(_))
                ),
                "{bad:?}"
            );
        }
        assert_eq!(Progress::new(40).unwrap().to_string(), "40%");
    }

    #[test]
    fn progress_serde_checks_range() {
        assert_eq!(
            serde_json::to_string(&Progress::new(40).unwrap()).unwrap(),
            "40"
        );
        assert_eq!(serde_json::from_str::<Progress>("40").unwrap().value(), 40);
        assert!(serde_json::from_str::<Progress>("101").is_err());
    }

    #[test]
    fn reconcile_keeps_status_and_progress_consistent() {
        use Status::*;
        // Explicit values are kept when they agree, refused when they contradict.
        assert_eq!(
            reconcile(Some(InProgress), Some(60), Done, 100),
            Ok((Some(InProgress), Some(60)))
        );
        assert!(reconcile(Some(Done), Some(80), InProgress, 50).is_err());
        assert!(reconcile(Some(NotStarted), Some(60), InProgress, 50).is_err());
        assert!(reconcile(Some(InProgress), Some(100), Done, 100).is_err());
        // Done without progress → 100 (unless already 100); not started → 0.
        assert_eq!(
            reconcile(Some(Done), None, InProgress, 60),
            Ok((Some(Done), Some(100)))
        );
        assert_eq!(
            reconcile(Some(Done), None, InProgress, 100),
            Ok((Some(Done), None))
        );
        assert_eq!(
            reconcile(Some(NotStarted), None, InProgress, 60),
            Ok((Some(NotStarted), Some(0)))
        );
        assert_eq!(
            reconcile(Some(Paused), None, InProgress, 60),
            Ok((Some(Paused), None))
        );
        // Reopening a done item.
        assert_eq!(
            reconcile(Some(InProgress), None, Done, 100),
            Ok((Some(InProgress), Some(99)))
        );
        // Progress alone.
        assert_eq!(
            reconcile(None, Some(100), InProgress, 60),
            Ok((Some(Done), Some(100)))
        );
        assert_eq!(
            reconcile(None, Some(200), Paused, 60),
            Ok((Some(Done), Some(100)))
        );
        assert_eq!(
            reconcile(None, Some(10), NotStarted, 0),
            Ok((Some(InProgress), Some(10)))
        );
        assert_eq!(reconcile(None, Some(0), NotStarted, 0), Ok((None, Some(0))));
        assert_eq!(
            reconcile(None, Some(90), Done, 100),
            Ok((Some(InProgress), Some(90)))
        );
        assert_eq!(reconcile(None, Some(40), Paused, 30), Ok((None, Some(40))));
        assert_eq!(
            reconcile(None, Some(40), InProgress, 30),
            Ok((None, Some(40)))
        );
        assert_eq!(reconcile(None, None, InProgress, 30), Ok((None, None)));
    }
}
