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
    #[error("expected an amount like 12.5 (亿元, not negative), got {0:?}")]
    BadAmount(String),
    #[error(
        "expected at most 4 values (stage, total, this year's plan, this year's done), got {0}"
    )]
    TooManyValues(usize),
    /// A status and a progress that contradict each other (see `status::consistent`).
    #[error("{status} and {progress}% do not go together: {rule}")]
    Inconsistent {
        status: &'static str,
        progress: u8,
        rule: &'static str,
    },
}

impl TrackError {
    /// The message in `lang` (the `Display` form is the English one).
    pub fn message(&self, lang: crate::text::lang::Lang) -> String {
        use crate::text::lang::Lang;
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TrackError::ProgressOutOfRange(n) => format!("进度应在 0 到 100 之间，输入的是 {n}"),
            TrackError::ProgressNotANumber(t) => {
                format!("进度应为 0 到 100 的整数（可带 %），输入的是“{t}”")
            }
            TrackError::UnknownStatus(t) => {
                format!("不认识的状态“{t}”；可用：未开始、进行中、已完成、暂停")
            }
            TrackError::UnknownPace(t) => {
                format!("不认识的进度评价“{t}”；可用：超进度、达进度、欠进度、已完成")
            }
            TrackError::UnknownLight(t) => format!("不认识的预警灯“{t}”；可用：红、黄、蓝、绿、灰"),
            TrackError::UnknownStage(t) => {
                format!("不认识的项目阶段“{t}”；可用：前期、新开工、续建、竣工")
            }
            TrackError::BadAmount(t) => {
                format!("金额应为不小于 0 的数（亿元），如 12.5，输入的是“{t}”")
            }
            TrackError::TooManyValues(n) => {
                format!("最多 4 项（阶段 总投资 年度计划投资 年度完成投资），输入了 {n} 项")
            }
            TrackError::Inconsistent {
                status, progress, ..
            } => {
                format!("状态“{status}”与进度 {progress}% 不一致")
            }
        }
    }
}
