//! Errors of the domain rules: values that are out of range or not understood.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TrackError {
    #[error("progress must be between 0 and 100, got {0}")]
    ProgressOutOfRange(i64),
    #[error("progress must be a whole number from 0 to 100, optionally followed by %, got {0:?}")]
    ProgressNotANumber(String),
    #[error(
        "unknown status {0:?}; use one of: not_started (未开始, todo), in_progress (进行中, doing, wip), done (已完成), paused (暂停, hold)"
    )]
    UnknownStatus(String),
    #[error(
        "unknown pace {0:?}; use one of: ahead (超进度), on_pace (达进度), behind (欠进度), done (已完成)"
    )]
    UnknownPace(String),
    #[error(
        "unknown warning light {0:?}; use one of: red (红), yellow (黄), blue (蓝), green (绿), grey (灰)"
    )]
    UnknownLight(String),
    #[error(
        "unknown project stage {0:?}; use one of: preparation (前期), new_start (新开工), continuing (续建), completed (竣工)"
    )]
    UnknownStage(String),
    /// A status and a progress that contradict each other (see `status::consistent`).
    #[error("{status} and {progress}% do not go together: {rule}")]
    Inconsistent {
        status: &'static str,
        progress: u8,
        rule: &'static str,
    },
}
