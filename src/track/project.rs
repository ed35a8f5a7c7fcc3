//! Fields of a 重大项目 (a major project among the items): its stage and investment, and
//! the rule for the share of this year's planned investment done (完成率).

use super::error::TrackError;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// The stage of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStage {
    /// 前期: preparation (approvals, land, design).
    Preparation,
    /// 新开工: started this year.
    NewStart,
    /// 续建: under construction, carried on from an earlier year.
    Continuing,
    /// 竣工: completed.
    Completed,
}

impl ProjectStage {
    pub const ALL: [ProjectStage; 4] = [
        ProjectStage::Preparation,
        ProjectStage::NewStart,
        ProjectStage::Continuing,
        ProjectStage::Completed,
    ];

    /// The stored form.
    pub const fn as_str(self) -> &'static str {
        match self {
            ProjectStage::Preparation => "preparation",
            ProjectStage::NewStart => "new_start",
            ProjectStage::Continuing => "continuing",
            ProjectStage::Completed => "completed",
        }
    }

    pub const fn label_zh(self) -> &'static str {
        match self {
            ProjectStage::Preparation => "前期",
            ProjectStage::NewStart => "新开工",
            ProjectStage::Continuing => "续建",
            ProjectStage::Completed => "竣工",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            ProjectStage::Preparation => "preparation",
            ProjectStage::NewStart => "new start",
            ProjectStage::Continuing => "continuing",
            ProjectStage::Completed => "completed",
        }
    }
}

impl FromStr for ProjectStage {
    type Err = TrackError;

    /// Chinese or English, stored form or label (`新开工`, `new_start`, `new start`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let key = super::word_key(text);
        ProjectStage::ALL
            .into_iter()
            .find(|s| {
                key == s.as_str()
                    || key == super::word_key(s.label_en())
                    || text.trim() == s.label_zh()
            })
            .ok_or_else(|| TrackError::UnknownStage(text.to_string()))
    }
}

/// 完成率: this year's completed investment over the planned, in percent (none without a
/// positive plan).
pub fn completion_rate(planned: Option<f64>, done: Option<f64>) -> Option<f64> {
    match (planned, done) {
        (Some(plan), Some(done)) if plan > 0.0 => Some(done / plan * 100.0),
        _ => None,
    }
}

/// An amount of investment (亿元): a finite number, not negative.
pub fn valid_amount(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn stages_read_in_either_language() {
        for stage in ProjectStage::ALL {
            assert_eq!(stage.as_str().parse::<ProjectStage>().unwrap(), stage);
            assert_eq!(stage.label_zh().parse::<ProjectStage>().unwrap(), stage);
            assert_eq!(stage.label_en().parse::<ProjectStage>().unwrap(), stage);
        }
        assert_eq!(
            "New-Start".parse::<ProjectStage>().unwrap(),
            ProjectStage::NewStart
        );
        assert!("开工".parse::<ProjectStage>().is_err());
    }

    #[test]
    fn completion_rate_needs_a_positive_plan() {
        assert_eq!(completion_rate(Some(4.0), Some(1.0)), Some(25.0));
        assert_eq!(completion_rate(Some(0.0), Some(1.0)), None);
        assert_eq!(completion_rate(None, Some(1.0)), None);
        assert!(!valid_amount(-1.0) && !valid_amount(f64::NAN) && valid_amount(0.0));
    }
}
