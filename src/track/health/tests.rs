//! The rules of `health` at fixed dates, boundaries first.

use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A 100-day period, 2026-01-01 ..= 2026-04-10: on day `k` the scheduled share is `k`.
fn hundred_days() -> Period {
    Period {
        start: date(2026, 1, 1),
        end: date(2026, 4, 10),
    }
}

/// Day `k` (1-based) of [`hundred_days`]; 0 is the day before, 101 the day after.
fn day(k: i64) -> NaiveDate {
    date(2026, 1, 1) + chrono::Duration::days(k - 1)
}

fn item(status: Status, progress: u8, milestones: &[MilestoneFacts]) -> ItemFacts {
    ItemFacts {
        status,
        progress,
        period: hundred_days(),
        milestones: milestones.to_vec(),
    }
}

fn open(due: NaiveDate) -> MilestoneFacts {
    MilestoneFacts { due, done: None }
}

fn closed(due: NaiveDate, done: NaiveDate) -> MilestoneFacts {
    MilestoneFacts {
        due,
        done: Some(done),
    }
}

fn judge(facts: &ItemFacts, today: NaiveDate) -> Health {
    assess(facts, today, &Thresholds::default())
}

fn light(status: Status, progress: u8, milestones: &[MilestoneFacts], today: NaiveDate) -> Light {
    judge(&item(status, progress, milestones), today).light
}

// ---- 序时进度 ----

#[test]
fn scheduled_share_across_the_period() {
    let p = hundred_days();
    assert_eq!(p.end, day(100));
    assert_eq!(scheduled_share(p, day(0)), 0, "period not started yet");
    assert_eq!(scheduled_share(p, date(2020, 1, 1)), 0);
    assert_eq!(scheduled_share(p, day(1)), 1, "first day counts as elapsed");
    assert_eq!(scheduled_share(p, day(50)), 50);
    assert_eq!(scheduled_share(p, day(99)), 99);
    assert_eq!(scheduled_share(p, day(100)), 100, "the due date itself");
    assert_eq!(scheduled_share(p, day(101)), 100, "period over");
    assert_eq!(scheduled_share(p, date(2030, 1, 1)), 100);
}

#[test]
fn scheduled_share_rounds_down() {
    // 2026 has 365 days; 31 March is day 90: 90 × 100 / 365 = 24.66 → 24.
    let year = Period::plan_years(2026, 2026).unwrap();
    assert_eq!(scheduled_share(year, date(2026, 3, 31)), 24);
    // 30 June is day 181: 49.59 → 49; 2 July is day 183: 50.14 → 50.
    assert_eq!(scheduled_share(year, date(2026, 6, 30)), 49);
    assert_eq!(scheduled_share(year, date(2026, 7, 2)), 50);
    // A three-day period: 33, 66, 100.
    let three = Period {
        start: date(2026, 5, 1),
        end: date(2026, 5, 3),
    };
    let shares: Vec<u8> = (1..=3)
        .map(|d| scheduled_share(three, date(2026, 5, d)))
        .collect();
    assert_eq!(shares, [33, 66, 100]);
}

#[test]
fn plan_period_spans_whole_years() {
    // 十四五: 2021-01-01 ..= 2025-12-31, 1,826 days; 2023-07-02 is day 913, exactly half.
    let plan = Period::plan_years(2021, 2025).unwrap();
    assert_eq!(plan.start, date(2021, 1, 1));
    assert_eq!(plan.end, date(2025, 12, 31));
    assert_eq!(scheduled_share(plan, date(2023, 7, 1)), 49);
    assert_eq!(scheduled_share(plan, date(2023, 7, 2)), 50);
    assert_eq!(scheduled_share(plan, date(2025, 12, 31)), 100);
    assert_eq!(Period::plan_years(2021, i32::MAX), None);
}

#[test]
fn item_period_falls_back_end_by_end() {
    let plan = Period::plan_years(2021, 2025).unwrap();
    let (s, d) = (date(2023, 3, 1), date(2024, 6, 30));
    assert_eq!(Period::for_item(None, None, plan), plan);
    assert_eq!(
        Period::for_item(Some(s), Some(d), plan),
        Period { start: s, end: d }
    );
    assert_eq!(
        Period::for_item(None, Some(d), plan),
        Period {
            start: plan.start,
            end: d
        }
    );
    assert_eq!(
        Period::for_item(Some(s), None, plan),
        Period {
            start: s,
            end: plan.end
        }
    );
}

#[test]
fn degenerate_periods() {
    let one = Period {
        start: date(2026, 5, 1),
        end: date(2026, 5, 1),
    };
    assert_eq!(scheduled_share(one, date(2026, 4, 30)), 0);
    assert_eq!(scheduled_share(one, date(2026, 5, 1)), 100);
    // Due before start (bad data): 0 before the start, 100 from it on.
    let reversed = Period {
        start: date(2026, 5, 10),
        end: date(2026, 5, 1),
    };
    assert_eq!(scheduled_share(reversed, date(2026, 5, 5)), 0);
    assert_eq!(scheduled_share(reversed, date(2026, 5, 10)), 100);
}

// ---- pace ----

#[test]
fn pace_at_the_tolerance_boundaries() {
    let at50 = |p| pace_of(Status::InProgress, p, 50, 5);
    assert_eq!(at50(100), Pace::Ahead);
    assert_eq!(at50(55), Pace::Ahead, "exactly scheduled + tolerance");
    assert_eq!(at50(54), Pace::OnPace);
    assert_eq!(at50(50), Pace::OnPace);
    assert_eq!(at50(45), Pace::OnPace, "exactly scheduled − tolerance");
    assert_eq!(at50(44), Pace::Behind);
    assert_eq!(at50(0), Pace::Behind);
}

#[test]
fn pace_at_the_ends_of_the_period() {
    assert_eq!(pace_of(Status::NotStarted, 0, 0, 5), Pace::OnPace);
    assert_eq!(pace_of(Status::InProgress, 5, 0, 5), Pace::Ahead);
    assert_eq!(pace_of(Status::InProgress, 100, 100, 5), Pace::OnPace);
    assert_eq!(pace_of(Status::InProgress, 95, 100, 5), Pace::OnPace);
    assert_eq!(pace_of(Status::InProgress, 94, 100, 5), Pace::Behind);
    // Progress above 100 is read as 100.
    assert_eq!(pace_of(Status::InProgress, 250, 100, 5), Pace::OnPace);
}

#[test]
fn pace_done_and_zero_tolerance() {
    for progress in [0, 50, 100] {
        assert_eq!(pace_of(Status::Done, progress, 90, 5), Pace::Done);
    }
    assert_eq!(pace_of(Status::InProgress, 50, 50, 0), Pace::Ahead);
    assert_eq!(pace_of(Status::InProgress, 49, 50, 0), Pace::Behind);
}

#[test]
fn assess_reports_scheduled_and_pace() {
    let h = judge(&item(Status::InProgress, 44, &[]), day(50));
    assert_eq!((h.scheduled, h.pace), (50, Pace::Behind));
    let h = judge(&item(Status::Paused, 60, &[]), day(50));
    assert_eq!((h.scheduled, h.pace), (50, Pace::Ahead));
    let h = judge(&item(Status::Done, 10, &[]), day(101));
    assert_eq!((h.scheduled, h.pace), (100, Pace::Done));
}

// ---- lights ----

#[test]
fn done_is_green_even_with_an_overdue_milestone() {
    let facts = item(Status::Done, 30, &[open(day(10))]);
    let h = judge(&facts, day(90));
    assert_eq!(h.light, Light::Green);
    assert_eq!(h.pace, Pace::Done);
    assert_eq!(h.overdue, 1, "still counted");
    assert_eq!(h.next_due, Some(day(10)));
}

#[test]
fn overdue_by_one_day_is_red_due_today_is_blue() {
    assert_eq!(
        light(Status::InProgress, 50, &[open(day(49))], day(50)),
        Light::Red
    );
    assert_eq!(
        light(Status::InProgress, 50, &[open(day(50))], day(50)),
        Light::Blue
    );
}

#[test]
fn red_beats_yellow_and_blue() {
    let ms = [open(day(40)), open(day(55))];
    let h = judge(&item(Status::InProgress, 10, &ms), day(50));
    assert_eq!(h.light, Light::Red);
    assert_eq!(h.overdue, 1);
    assert_eq!(h.next_due, Some(day(40)));
    assert_eq!(
        light(Status::NotStarted, 0, &[open(day(1))], day(2)),
        Light::Red
    );
}

#[test]
fn done_milestone_in_the_past_is_not_overdue() {
    let ms = [closed(day(10), day(12)), closed(day(20), day(5))];
    let h = judge(&item(Status::InProgress, 50, &ms), day(50));
    assert_eq!(h.light, Light::Green);
    assert_eq!(h.overdue, 0);
    assert_eq!(h.next_due, None);
}

#[test]
fn yellow_only_beyond_yellow_lag() {
    // Scheduled 50: trailing by exactly 10 is behind but not yellow.
    let h = judge(&item(Status::InProgress, 40, &[]), day(50));
    assert_eq!((h.pace, h.light), (Pace::Behind, Light::Green));
    let h = judge(&item(Status::InProgress, 39, &[]), day(50));
    assert_eq!((h.pace, h.light), (Pace::Behind, Light::Yellow));
}

#[test]
fn yellow_beats_blue() {
    assert_eq!(
        light(Status::InProgress, 39, &[open(day(60))], day(50)),
        Light::Yellow
    );
    assert_eq!(
        light(Status::InProgress, 40, &[open(day(60))], day(50)),
        Light::Blue
    );
}

#[test]
fn blue_within_due_soon_days_inclusive() {
    let today = day(50);
    let in_30 = today + chrono::Duration::days(30);
    let in_31 = today + chrono::Duration::days(31);
    assert_eq!(
        light(Status::InProgress, 50, &[open(in_30)], today),
        Light::Blue
    );
    assert_eq!(
        light(Status::InProgress, 50, &[open(in_31)], today),
        Light::Green
    );
    // A done milestone due soon does not count.
    assert_eq!(
        light(Status::InProgress, 50, &[closed(in_30, today)], today),
        Light::Green
    );
    // Not-started items are blue too when a milestone is near.
    assert_eq!(
        light(Status::NotStarted, 50, &[open(in_30)], today),
        Light::Blue
    );
}

#[test]
fn grey_for_not_started_with_nothing_pressing() {
    // Period not started yet: scheduled 0, nothing lags.
    let h = judge(&item(Status::NotStarted, 0, &[open(day(60))]), day(0));
    assert_eq!(
        (h.scheduled, h.pace, h.light),
        (0, Pace::OnPace, Light::Grey)
    );
    // Not started, inside the period but within the lag.
    assert_eq!(light(Status::NotStarted, 0, &[], day(10)), Light::Grey);
    assert_eq!(light(Status::NotStarted, 0, &[], day(11)), Light::Yellow);
}

#[test]
fn period_over_without_finishing_is_red() {
    // On its last day an item at 95% is on pace and green; the day after, 逾期未完成: red.
    let h = judge(&item(Status::InProgress, 95, &[]), day(100));
    assert_eq!((h.scheduled, h.light, h.ended), (100, Light::Green, None));
    let h = judge(&item(Status::InProgress, 95, &[]), day(101));
    assert_eq!(
        (h.scheduled, h.pace, h.light, h.ended),
        (100, Pace::OnPace, Light::Red, Some(day(100)))
    );
    assert!(h.is_late());
    let h = judge(&item(Status::Paused, 100, &[]), day(101));
    assert_eq!(h.light, Light::Red, "paused does not stop the calendar");
    let h = judge(&item(Status::NotStarted, 0, &[]), day(200));
    assert_eq!((h.light, h.overdue), (Light::Red, 0));
    let h = judge(&item(Status::Done, 80, &[]), day(101));
    assert_eq!(
        (h.light, h.ended),
        (Light::Green, None),
        "done is never late"
    );
    let h = judge(&item(Status::InProgress, 100, &[open(day(100))]), day(101));
    assert_eq!((h.light, h.overdue), (Light::Red, 1));
}

/// A 十四五 item (2021–2025) at 0% seen on 2026-11-23 is red, not yellow.
#[test]
fn a_plan_period_over_makes_an_undone_item_red() {
    let facts = ItemFacts {
        status: Status::InProgress,
        progress: 0,
        period: Period::plan_years(2021, 2025).unwrap(),
        milestones: vec![],
    };
    let h = judge(&facts, date(2026, 11, 23));
    assert_eq!((h.light, h.ended), (Light::Red, Some(date(2025, 12, 31))));
    assert_eq!(judge(&facts, date(2025, 12, 31)).light, Light::Yellow);
}

#[test]
fn paused_items_are_judged_like_others() {
    assert_eq!(light(Status::Paused, 20, &[], day(50)), Light::Yellow);
    assert_eq!(light(Status::Paused, 50, &[], day(50)), Light::Green);
    assert_eq!(
        light(Status::Paused, 50, &[open(day(49))], day(50)),
        Light::Red
    );
    assert_eq!(
        light(Status::Paused, 50, &[open(day(51))], day(50)),
        Light::Blue
    );
}

#[test]
fn next_due_is_the_earliest_open_milestone() {
    let ms = [
        open(day(90)),
        closed(day(30), day(29)),
        open(day(70)),
        open(day(80)),
    ];
    let h = judge(&item(Status::InProgress, 50, &ms), day(50));
    assert_eq!(h.next_due, Some(day(70)));
    assert_eq!(h.overdue, 0);
    assert_eq!(h.light, Light::Blue);
}

#[test]
fn custom_thresholds() {
    let strict = Thresholds {
        pace_tolerance: 0,
        yellow_lag: 0,
        due_soon_days: 0,
    };
    let facts = item(Status::InProgress, 49, &[open(day(51))]);
    let h = assess(&facts, day(50), &strict);
    assert_eq!((h.pace, h.light), (Pace::Behind, Light::Yellow));
    let facts = item(Status::InProgress, 50, &[open(day(51))]);
    assert_eq!(assess(&facts, day(50), &strict).light, Light::Green);
    let facts = item(Status::InProgress, 50, &[open(day(50))]);
    assert_eq!(assess(&facts, day(50), &strict).light, Light::Blue);
    // A huge window never overflows the calendar.
    let wide = Thresholds {
        due_soon_days: u32::MAX,
        ..Thresholds::default()
    };
    let facts = item(Status::InProgress, 50, &[open(date(2999, 1, 1))]);
    assert_eq!(assess(&facts, day(50), &wide).light, Light::Blue);
}

#[test]
fn defaults() {
    assert_eq!(
        Thresholds::default(),
        Thresholds {
            pace_tolerance: 5,
            yellow_lag: 10,
            due_soon_days: 30
        }
    );
}

// ---- names ----

#[test]
fn light_names_and_parsing() {
    let names: Vec<_> = Light::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(names, ["red", "yellow", "blue", "green", "grey"]);
    let zh: String = Light::ALL.iter().map(|l| l.label_zh()).collect();
    assert_eq!(zh, "红黄蓝绿灰");
    for (i, l) in Light::ALL.iter().enumerate() {
        assert_eq!(l.index(), i);
        assert_eq!(l.as_str().parse::<Light>().unwrap(), *l);
        assert_eq!(l.label_en().parse::<Light>().unwrap(), *l);
        assert_eq!(l.label_zh().parse::<Light>().unwrap(), *l);
        assert_eq!(format!("{}灯", l.label_zh()).parse::<Light>().unwrap(), *l);
    }
    assert_eq!("Gray".parse::<Light>().unwrap(), Light::Grey);
    assert_eq!(" RED ".parse::<Light>().unwrap(), Light::Red);
    assert_eq!("紅燈".parse::<Light>().unwrap(), Light::Red);
    let err = "purple".parse::<Light>().unwrap_err().to_string();
    assert!(
        err.contains("\"purple\"") && err.contains("red (红)"),
        "{err}"
    );
    assert!("灯".parse::<Light>().is_err());
}

#[test]
fn pace_names_and_parsing() {
    let names: Vec<_> = Pace::ALL.iter().map(|p| p.as_str()).collect();
    assert_eq!(names, ["ahead", "on_pace", "behind", "done"]);
    let zh: Vec<_> = Pace::ALL.iter().map(|p| p.label_zh()).collect();
    assert_eq!(zh, ["超进度", "达进度", "欠进度", "已完成"]);
    let en: Vec<_> = Pace::ALL.iter().map(|p| p.label_en()).collect();
    assert_eq!(en, ["ahead", "on pace", "behind", "done"]);
    for (i, p) in Pace::ALL.iter().enumerate() {
        assert_eq!(p.index(), i);
        assert_eq!(p.as_str().parse::<Pace>().unwrap(), *p);
        assert_eq!(p.label_en().parse::<Pace>().unwrap(), *p);
        assert_eq!(p.label_zh().parse::<Pace>().unwrap(), *p);
    }
    assert!("late".parse::<Pace>().is_err());
}

#[test]
fn serde_names_are_snake_case() {
    assert_eq!(serde_json::to_string(&Pace::OnPace).unwrap(), "\"on_pace\"");
    assert_eq!(serde_json::to_string(&Light::Grey).unwrap(), "\"grey\"");
    let h = judge(&item(Status::InProgress, 39, &[open(day(70))]), day(50));
    let json = serde_json::to_string(&h).unwrap();
    assert_eq!(
        json,
        r#"{"scheduled":50,"pace":"behind","light":"yellow","overdue":0,"next_due":"2026-03-11"}"#
    );
    assert_eq!(serde_json::from_str::<Health>(&json).unwrap(), h);
}
