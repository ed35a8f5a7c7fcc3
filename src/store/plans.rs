//! The plans in the database.

use super::Store;
use super::error::Result;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanInfo {
    pub key: String,
    pub title: String,
    pub short_name: String,
    pub level: Option<String>,
    pub region: Option<String>,
    pub period: [i32; 2],
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub issued_on: Option<String>,
    /// Items the plan text has (box items and tasks).
    pub items: usize,
}

impl Store {
    /// Every plan, in import order.
    pub fn plans(&self) -> Result<Vec<PlanInfo>> {
        self.read(|conn| {
            let plans = conn
                .prepare_cached(
                    "SELECT p.key, p.title, p.short_name, p.level, p.region, p.period_start, p.period_end, p.issuer,
                            p.doc_number, p.issued_on,
                            (SELECT count(*) FROM item i WHERE i.plan_id = p.id AND i.in_plan = 1)
                     FROM plan p ORDER BY p.id",
                )?
                .query_map([], |r| {
                    Ok(PlanInfo {
                        key: r.get(0)?,
                        title: r.get(1)?,
                        short_name: r.get(2)?,
                        level: r.get(3)?,
                        region: r.get(4)?,
                        period: [r.get(5)?, r.get(6)?],
                        issuer: r.get(7)?,
                        doc_number: r.get(8)?,
                        issued_on: r.get(9)?,
                        items: r.get::<_, i64>(10)?.max(0) as usize,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(plans)
        })
    }
}
