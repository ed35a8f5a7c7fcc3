//! The live roll-ups agree with `rollup` over the same items, after any sequence of
//! edits (owner, lead, co-departments, status, progress, health).

use super::super::{ItemSummary, NO_LEAD, NO_OWNER, RollupBy, rollup, total};
use super::*;
use crate::track::health::{Health, Light, Pace};
use crate::track::status::Status;
use proptest::prelude::*;

/// The groups of every roll-up, fed the way the workbench feeds them.
#[derive(Default)]
struct Live {
    plan: LiveGroups<String>,
    chapter: LiveGroups<(String, String)>,
    lead: LiveGroups<String>,
    co: LiveGroups<String>,
    owner: LiveGroups<String>,
    total: LiveTotal,
}

fn named(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|s| !s.is_empty())
}

impl Live {
    fn apply(&mut self, item: &ItemSummary, add: bool) {
        let counted = Counted::of(item);
        let mut co: Vec<&str> = item
            .co
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        co.sort_unstable();
        co.dedup();
        let chapter = (
            item.plan.clone(),
            chapter_label(item.chapter.as_deref()).to_string(),
        );
        let lead = named(&item.lead).unwrap_or(NO_LEAD).to_string();
        let owner = named(&item.owner).unwrap_or(NO_OWNER).to_string();
        if add {
            self.plan.count(&item.plan, &counted);
            self.chapter.count(&chapter, &counted);
            self.lead.count(&lead, &counted);
            self.owner.count(&owner, &counted);
            co.iter()
                .for_each(|c| self.co.count(&c.to_string(), &counted));
            self.total.count(&counted);
        } else {
            self.plan.uncount(&item.plan, &counted);
            self.chapter.uncount(&chapter, &counted);
            self.lead.uncount(&lead, &counted);
            self.owner.uncount(&owner, &counted);
            co.iter()
                .for_each(|c| self.co.uncount(&c.to_string(), &counted));
            self.total.uncount(&counted);
        }
    }

    fn rows(&self, by: RollupBy) -> Vec<RollupRow> {
        match by {
            RollupBy::Plan => self.plan.rows_first_seen(|p| (p.clone(), p.clone())),
            RollupBy::Chapter => self
                .chapter
                .rows_first_seen(|(p, c)| (format!("{p} / {c}"), c.clone())),
            RollupBy::LeadDepartment => self.lead.rows_by_name(Some(NO_LEAD), String::clone),
            RollupBy::CoDepartment => self.co.rows_by_name(None, String::clone),
            RollupBy::Owner => self.owner.rows_by_name(Some(NO_OWNER), String::clone),
        }
    }
}

const NAMES: [&str; 5] = ["省发改委", "省教育厅", "", "王敏", "李强"];

fn name() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(NAMES.to_vec()).prop_map(str::to_string))
}

/// Owner, lead, co, status, progress, pace, light, overdue.
type Facts = (
    Option<String>,
    Option<String>,
    Vec<String>,
    usize,
    u8,
    usize,
    usize,
    usize,
);

/// The tracking facts an edit may change.
fn facts() -> impl Strategy<Value = Facts> {
    (
        name(),
        name(),
        prop::collection::vec(
            prop::sample::select(NAMES.to_vec()).prop_map(str::to_string),
            0..4,
        ),
        0..4usize,
        0..=100u8,
        0..4usize,
        0..5usize,
        0..3usize,
    )
}

fn item(id: i64, plan: usize, chapter: Option<usize>, f: Facts) -> ItemSummary {
    let (owner, lead, co, status, progress, pace, light, overdue) = f;
    ItemSummary {
        id,
        plan: format!("规划{plan}"),
        chapter: chapter.map(|c| format!("第{c}章")),
        owner,
        lead,
        co,
        status: Status::ALL[status],
        progress,
        health: Health {
            scheduled: 50,
            pace: Pace::ALL[pace],
            light: Light::ALL[light],
            overdue,
            next_due: None,
            ended: None,
        },
    }
}

proptest! {
    #[test]
    fn live_rollups_equal_a_fresh_rollup_after_any_edits(
        layout in prop::collection::vec((0..3usize, prop::option::of(0..3usize), facts()), 1..40),
        edits in prop::collection::vec((any::<prop::sample::Index>(), facts()), 0..40),
    ) {
        // Items in outline order (plan, then chapter), as the workbench loads them.
        let mut layout = layout;
        layout.sort_by_key(|(plan, chapter, _)| (*plan, *chapter));
        let mut items: Vec<ItemSummary> = layout
            .into_iter()
            .enumerate()
            .map(|(i, (plan, chapter, f))| item(i as i64, plan, chapter, f))
            .collect();
        let mut live = Live::default();
        items.iter().for_each(|i| live.apply(i, true));
        for (which, f) in edits {
            let at = which.index(items.len());
            let old = items[at].clone();
            let mut new = item(old.id, 0, None, f);
            new.plan = old.plan.clone();
            new.chapter = old.chapter.clone();
            live.apply(&old, false);
            live.apply(&new, true);
            items[at] = new;
        }
        for by in RollupBy::ALL {
            prop_assert_eq!(live.rows(by), rollup(&items, by), "{:?}", by);
        }
        prop_assert_eq!(live.total.row(), total(&items));
    }
}
