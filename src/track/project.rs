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

/// The fields of a 重大项目, when an item has any of them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Project {
    pub stage: Option<ProjectStage>,
    /// 总投资, 亿元.
    pub invest_total: Option<f64>,
    /// 年度计划投资, 亿元.
    pub invest_year_plan: Option<f64>,
    /// 年度完成投资, 亿元.
    pub invest_year_done: Option<f64>,
    /// 完成率: this year's completed over planned investment, in percent.
    pub completion_rate: Option<f64>,
}

impl Project {
    /// The project of an item with these stored fields (none when all are empty).
    pub fn from_fields(
        stage: Option<ProjectStage>,
        invest_total: Option<f64>,
        invest_year_plan: Option<f64>,
        invest_year_done: Option<f64>,
    ) -> Option<Project> {
        let any = stage.is_some()
            || invest_total.is_some()
            || invest_year_plan.is_some()
            || invest_year_done.is_some();
        any.then(|| Project {
            stage,
            invest_total,
            invest_year_plan,
            invest_year_done,
            completion_rate: completion_rate(invest_year_plan, invest_year_done),
        })
    }
}

/// An amount of investment (亿元): a finite number, not negative.
pub fn valid_amount(value: f64) -> bool {
    value.is_finite() && value >= 0.0
}

/// A change of a project's fields: `Some(None)` empties a field, `None` leaves it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ProjectChange {
    pub stage: Option<Option<ProjectStage>>,
    pub invest_total: Option<Option<f64>>,
    pub invest_year_plan: Option<Option<f64>>,
    pub invest_year_done: Option<Option<f64>>,
}

/// An amount of investment as typed (亿元): a number, not negative.
pub fn parse_amount(text: &str) -> Result<f64, TrackError> {
    match text.trim().parse::<f64>() {
        Ok(v) if valid_amount(v) => Ok(v),
        _ => Err(TrackError::BadAmount(text.trim().to_string())),
    }
}

/// The project fields as one line: stage, total, this year's planned and done investment
/// (亿元), separated by spaces; `-` empties a field, fields not given stay as they are.
/// `续建 120 30 12.5`, `新开工 - 8`.
pub fn parse_project_line(text: &str) -> Result<ProjectChange, TrackError> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 4 {
        return Err(TrackError::TooManyValues(words.len()));
    }
    let amount = |i: usize| -> Result<Option<Option<f64>>, TrackError> {
        match words.get(i) {
            None => Ok(None),
            Some(&"-") => Ok(Some(None)),
            Some(w) => parse_amount(w).map(|v| Some(Some(v))),
        }
    };
    Ok(ProjectChange {
        stage: match words.first() {
            None => None,
            Some(&"-") => Some(None),
            Some(w) => Some(Some(w.parse()?)),
        },
        invest_total: amount(1)?,
        invest_year_plan: amount(2)?,
        invest_year_done: amount(3)?,
    })
}

/// A project's fields as [`parse_project_line`] reads them (`-` for an empty one).
pub fn project_line(project: Option<&Project>) -> String {
    let amount = |v: Option<f64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
    let Some(p) = project else {
        return String::new();
    };
    format!(
        "{} {} {} {}",
        p.stage.map_or("-", |s| s.label_zh()),
        amount(p.invest_total),
        amount(p.invest_year_plan),
        amount(p.invest_year_done)
    )
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

    #[test]
    fn a_project_line_reads_back() {
        let change = parse_project_line("续建 120 30 12.5").unwrap();
        assert_eq!(change.stage, Some(Some(ProjectStage::Continuing)));
        assert_eq!(change.invest_year_done, Some(Some(12.5)));
        let p = Project::from_fields(
            Some(ProjectStage::Continuing),
            Some(120.0),
            Some(30.0),
            Some(12.5),
        );
        assert_eq!(project_line(p.as_ref()), "续建 120 30 12.5");
        let partial = parse_project_line("新开工 - 8").unwrap();
        assert_eq!(partial.invest_total, Some(None));
        assert_eq!(partial.invest_year_plan, Some(Some(8.0)));
        assert_eq!(partial.invest_year_done, None);
        assert_eq!(parse_project_line("").unwrap(), ProjectChange::default());
        assert!(matches!(
            parse_project_line("续建 -5"),
            Err(TrackError::BadAmount(_))
        ));
        assert!(matches!(
            parse_project_line("开工"),
            Err(TrackError::UnknownStage(_))
        ));
        assert!(matches!(
            parse_project_line("续建 1 2 3 4"),
            Err(TrackError::TooManyValues(5))
        ));
    }
}
