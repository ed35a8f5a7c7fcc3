//! The workbench's roll-ups, kept current item by item (`track::rollup::live`): counted
//! once at load, moved when an item changes.

use super::names::{NO_NAME, NameId, Names};
use super::{Item, PlanName};
use crate::track::rollup::live::{LiveGroups, LiveTotal, chapter_label};
use crate::track::rollup::{Counted, NO_LEAD, NO_OWNER, RollupRow};

#[derive(Debug, Clone, Default)]
pub struct Rollups {
    plan: LiveGroups<u32>,
    chapter: LiveGroups<(u32, NameId)>,
    lead: LiveGroups<NameId>,
    co: LiveGroups<NameId>,
    owner: LiveGroups<NameId>,
    total: LiveTotal,
}

/// The roll-up rows the screens show.
#[derive(Debug, Clone, Default)]
pub struct RollupRows {
    pub by_plan: Vec<RollupRow>,
    pub by_chapter: Vec<RollupRow>,
    pub by_lead: Vec<RollupRow>,
    pub by_co: Vec<RollupRow>,
    pub by_owner: Vec<RollupRow>,
    pub total: Option<RollupRow>,
}

fn counted(item: &Item) -> Counted {
    Counted::new(
        item.status,
        item.progress,
        &item.health,
        item.owner != NO_NAME,
        item.lead != NO_NAME,
    )
}

impl Rollups {
    /// Count (`add`) or uncount an item; items no longer in the plan text count nowhere.
    pub fn apply(&mut self, item: &Item, add: bool) {
        if !item.in_plan {
            return;
        }
        let c = counted(item);
        // `item.co` holds each department once (see `Snapshot::intern_item`).
        let co = &item.co;
        if add {
            self.plan.count(&item.plan, &c);
            self.chapter.count(&(item.plan, item.chapter), &c);
            self.lead.count(&item.lead, &c);
            co.iter().for_each(|d| self.co.count(d, &c));
            self.owner.count(&item.owner, &c);
            self.total.count(&c);
        } else {
            self.plan.uncount(&item.plan, &c);
            self.chapter.uncount(&(item.plan, item.chapter), &c);
            self.lead.uncount(&item.lead, &c);
            co.iter().for_each(|d| self.co.uncount(d, &c));
            self.owner.uncount(&item.owner, &c);
            self.total.uncount(&c);
        }
    }

    pub fn rows(&self, names: &Names, plans: &[PlanName]) -> RollupRows {
        let plan_name = |p: &u32| plans.get(*p as usize).map_or("", |p| p.name.as_str());
        let name = |id: &NameId| names.get(*id).unwrap_or(NO_LEAD).to_string();
        RollupRows {
            by_plan: self
                .plan
                .rows_first_seen(|p| (plan_name(p).to_string(), plan_name(p).to_string())),
            // Chapter names repeat across plans (第五章 …): the label puts the plan after
            // the chapter, where truncation at 80 columns costs least.
            by_chapter: self.chapter.rows_first_seen(|(p, c)| {
                let chapter = chapter_label(names.get(*c));
                (
                    format!("{} / {chapter}", plan_name(p)),
                    format!("{chapter} | {}", plan_name(p)),
                )
            }),
            by_lead: self.lead.rows_by_name(Some(NO_LEAD), name),
            by_co: self.co.rows_by_name(None, name),
            by_owner: self.owner.rows_by_name(Some(NO_OWNER), |id| {
                names.get(*id).unwrap_or(NO_OWNER).to_string()
            }),
            total: Some(self.total.row()),
        }
    }
}
