//! The light rules in words: why one item has its light, and the rules themselves with the
//! thresholds in force — for the Detail screen, the help, `show` and the reports' footers.

use super::{Health, Light, Thresholds};
use crate::text::lang::Lang;
use crate::track::Status;

/// Which rule of the module documentation gave `health.light` to an item with this status
/// and progress, in a sentence: "红：逾期未完成——期限 2025-12-31 已过，进度 30%".
pub fn explain(
    health: &Health,
    status: Status,
    progress: u8,
    thresholds: &Thresholds,
    lang: Lang,
) -> String {
    let (p, s) = (progress.min(100), health.scheduled);
    let zh = lang == Lang::Zh;
    match health.light {
        Light::Green if status == Status::Done => {
            if zh {
                "绿：已完成".to_string()
            } else {
                "green: done".to_string()
            }
        }
        Light::Red if health.overdue > 0 => {
            let first = health.next_due.map(|d| d.to_string()).unwrap_or_default();
            if zh {
                format!(
                    "红：{} 个节点逾期未完成（最早截止 {first}）",
                    health.overdue
                )
            } else {
                format!(
                    "red: {} milestone(s) overdue (the earliest due {first})",
                    health.overdue
                )
            }
        }
        Light::Red => {
            let end = health.ended.map(|d| d.to_string()).unwrap_or_default();
            if zh {
                format!("红：逾期未完成——期限 {end} 已过，进度 {p}%")
            } else {
                format!("red: overdue — its period ended on {end}, progress {p}%")
            }
        }
        Light::Yellow => {
            let lag = s.saturating_sub(p);
            let limit = thresholds.yellow_lag;
            if zh {
                format!("黄：进度 {p}% 落后序时进度 {s}% 共 {lag} 个百分点（超过 {limit} 个即黄）")
            } else {
                format!(
                    "yellow: progress {p}% trails the scheduled {s}% by {lag} points (more than {limit} is yellow)"
                )
            }
        }
        Light::Blue => {
            let due = health.next_due.map(|d| d.to_string()).unwrap_or_default();
            let days = thresholds.due_soon_days;
            if zh {
                format!("蓝：节点 {due} 到期（{days} 天内）")
            } else {
                format!("blue: a milestone falls due on {due} (within {days} days)")
            }
        }
        Light::Grey => {
            if zh {
                "灰：未开始，没有逾期或临近到期的节点".to_string()
            } else {
                "grey: not started, nothing late or due soon".to_string()
            }
        }
        Light::Green => {
            let pace = health.pace;
            if zh {
                format!("绿：进度 {p}%，序时进度 {s}%，{}", pace.label_zh())
            } else {
                format!("green: progress {p}%, scheduled {s}%, {}", pace.label_en())
            }
        }
    }
}

/// The pace and light rules, one sentence each, with these thresholds.
pub fn light_rules(t: &Thresholds, lang: Lang) -> Vec<String> {
    let (tol, lag, days) = (t.pace_tolerance, t.yellow_lag, t.due_soon_days);
    match lang {
        Lang::Zh => vec![
            "序时进度：事项起止期内已过天数的占比（未设起止日期的，按规划期首年1月1日至末年12月31日）。".to_string(),
            format!(
                "进度评价：进度不低于序时进度+{tol}为超进度，低于序时进度−{tol}为欠进度，其余为达进度。"
            ),
            "预警灯依次判断，先满足者为准：".to_string(),
            "1. 已完成为绿灯；".to_string(),
            "2. 有逾期节点（截止日早于今天且未完成）为红灯；".to_string(),
            "3. 期限已过仍未完成（逾期未完成）为红灯；".to_string(),
            format!("4. 欠进度且落后序时进度超过{lag}个百分点为黄灯；"),
            format!("5. {days}天内（含今天）有未完成节点到期为蓝灯；"),
            "6. 未开始为灰灯；其余为绿灯。暂停的事项照常判断。".to_string(),
        ],
        Lang::En => vec![
            "Scheduled share: the part of the item's period elapsed (without dates, 1 January of the plan's first year to 31 December of its last).".to_string(),
            format!(
                "Pace: ahead at scheduled + {tol} or more, behind below scheduled − {tol}, else on pace."
            ),
            "Lights, the first rule that applies wins:".to_string(),
            "1. done: green;".to_string(),
            "2. a milestone overdue (due before today, not done): red;".to_string(),
            "3. the period has ended and the item is not done: red;".to_string(),
            format!("4. behind by more than {lag} points: yellow;"),
            format!("5. a milestone due within {days} days (today included): blue;"),
            "6. not started: grey; otherwise green. Paused items are judged the same.".to_string(),
        ],
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::{ItemFacts, Period, assess};
    use super::*;
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The 十四五 item of the issue: 2021–2025, 0%, judged on 2026-11-23.
    #[test]
    fn a_fourteenth_plan_item_left_at_zero_says_its_period_ended() {
        let facts = ItemFacts {
            status: Status::NotStarted,
            progress: 0,
            period: Period::plan_years(2021, 2025).unwrap(),
            milestones: vec![],
        };
        let t = Thresholds::default();
        let h = assess(&facts, date(2026, 11, 23), &t);
        assert_eq!(h.light, Light::Red);
        assert_eq!(
            explain(&h, facts.status, 0, &t, Lang::Zh),
            "红：逾期未完成——期限 2025-12-31 已过，进度 0%"
        );
        assert_eq!(
            explain(&h, facts.status, 0, &t, Lang::En),
            "red: overdue — its period ended on 2025-12-31, progress 0%"
        );
    }

    #[test]
    fn yellow_says_by_how_much_and_the_limit() {
        let facts = ItemFacts {
            status: Status::InProgress,
            progress: 20,
            period: Period::plan_years(2026, 2026).unwrap(),
            milestones: vec![],
        };
        let t = Thresholds::default();
        // 2026-07-01 is day 182 of 365: 49%.
        let h = assess(&facts, date(2026, 7, 1), &t);
        assert_eq!(h.light, Light::Yellow);
        assert_eq!(
            explain(&h, facts.status, 20, &t, Lang::Zh),
            "黄：进度 20% 落后序时进度 49% 共 29 个百分点（超过 10 个即黄）"
        );
    }

    #[test]
    fn the_rules_carry_the_thresholds_in_force() {
        let t = Thresholds {
            pace_tolerance: 3,
            yellow_lag: 15,
            due_soon_days: 7,
        };
        let zh = light_rules(&t, Lang::Zh).join("\n");
        assert!(zh.contains("序时进度+3") && zh.contains("超过15个百分点") && zh.contains("7天内"));
        assert!(zh.contains("逾期未完成"));
        let en = light_rules(&t, Lang::En).join("\n");
        assert!(en.contains("more than 15 points") && en.contains("within 7 days"));
    }
}
