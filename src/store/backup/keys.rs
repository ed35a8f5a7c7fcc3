//! Finding a dump's items and indicators here when their stable keys differ: a dump from
//! an older plantrack (whose keys were box numbers and task numbers), or a database whose
//! plan text was imported again since. Items are found by content with the same rule as a
//! re-import (`track::identity`), confident matches only; indicators by name.

use super::super::error::Result;
use super::format::{DumpItem, Key};
use crate::plan::title_key;
use crate::track::identity::{self, Candidate};
use rusqlite::Transaction;
use std::collections::{HashMap, HashSet};

/// An item here, as the matcher sees it.
struct Here {
    id: i64,
    kind: String,
    parent: String,
    number: Option<String>,
    title: String,
    body: String,
}

fn parent(
    kind: &str,
    box_number: Option<i64>,
    group: Option<&str>,
    chapter: Option<&str>,
) -> String {
    match (kind, box_number) {
        ("box_item", Some(n)) => format!("专栏{n}"),
        _ => group.or(chapter).map(title_key).unwrap_or_default(),
    }
}

/// Ids here for the dump items `items` lacks a key for, where the content says clearly
/// which item it is; items here already claimed by key are not offered again.
pub(super) fn by_content(
    tx: &Transaction<'_>,
    unfound: &[&DumpItem],
    items: &HashMap<Key, i64>,
) -> Result<HashMap<Key, i64>> {
    let mut found = HashMap::new();
    if unfound.is_empty() {
        return Ok(found);
    }
    let claimed: HashSet<i64> = items.values().copied().collect();
    let plans: HashSet<&str> = unfound.iter().map(|i| i.plan.as_str()).collect();
    for plan in plans {
        let here: Vec<Here> = tx
            .prepare_cached(
                "SELECT i.id, i.kind, b.number AS box_number, i.grp, i.chapter, i.number, i.title, i.body
                 FROM item i JOIN plan p ON p.id = i.plan_id LEFT JOIN plan_box b ON b.id = i.box_id
                 WHERE p.key = ?1 ORDER BY i.position, i.id",
            )?
            .query_map([plan], |r| {
                let kind: String = r.get("kind")?;
                let group: Option<String> = r.get("grp")?;
                let chapter: Option<String> = r.get("chapter")?;
                Ok(Here {
                    id: r.get("id")?,
                    parent: parent(&kind, r.get("box_number")?, group.as_deref(), chapter.as_deref()),
                    kind,
                    number: r.get("number")?,
                    title: r.get("title")?,
                    body: r.get("body")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|h| !claimed.contains(&h.id))
            .collect();
        let dumped: Vec<&DumpItem> = unfound.iter().copied().filter(|i| i.plan == plan).collect();
        let parents: Vec<String> = dumped
            .iter()
            .map(|i| {
                parent(
                    &i.kind,
                    i.box_number,
                    i.group.as_deref(),
                    i.chapter.as_deref(),
                )
            })
            .collect();
        let stored: Vec<Candidate<'_>> = dumped
            .iter()
            .zip(&parents)
            .map(|(i, p)| Candidate {
                kind: &i.kind,
                parent: p,
                number: i.number.as_deref(),
                title: &i.title,
                body: &i.body,
            })
            .collect();
        let text: Vec<Candidate<'_>> = here
            .iter()
            .map(|h| Candidate {
                kind: &h.kind,
                parent: &h.parent,
                number: h.number.as_deref(),
                title: &h.title,
                body: &h.body,
            })
            .collect();
        let matching = identity::match_items(&stored, &text, &[]);
        for (t, m) in matching.matched.iter().enumerate() {
            if let Some((s, _)) = m {
                let item = dumped[*s];
                found.insert((item.plan.clone(), item.stable_key.clone()), here[t].id);
            }
        }
    }
    Ok(found)
}

/// The key an indicator has here for a dump's key: the same, or the one of the same name
/// ("box3/NAME" of an older plantrack is "i/NAME" now).
pub(super) fn indicator(indicators: &HashMap<Key, i64>, key: &Key) -> Option<i64> {
    if let Some(&id) = indicators.get(key) {
        return Some(id);
    }
    let name = key.1.split_once('/').map_or(key.1.as_str(), |(_, n)| n);
    indicators
        .get(&(key.0.clone(), format!("i/{name}")))
        .copied()
}
