//! Which items a query selects, decided on the compact scan the workbench starts from
//! (`Store::scan_rows`: the list columns from covering indexes, pace and light already
//! judged): the query's scope, its search hits and the filter every view shares
//! (`track::filter`, applied through [`Facts`]), so `list`, `export` and `summary` build
//! full rows only for the items selected (issue 19).

use super::{ItemQuery, ItemRow};
use crate::plan::Role;
use crate::store::Store;
use crate::store::error::{Result, StoreError};
use crate::store::rows::{Outline, RowView};
use crate::track::filter::Facts;
use crate::track::health::{Light, Pace};
use crate::track::status::Status;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// What the filter compares, resolved once: a department by id; a person as which of the
/// names the filter mentions (the owner asked for, the user) they are, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Department(i64),
    Person(Option<usize>),
}

/// The filter's view of one scanned row.
struct Scanned<'r, 'a> {
    row: &'r RowView<'a>,
    owner: Option<Key>,
}

impl Facts<Key> for Scanned<'_, '_> {
    fn status(&self) -> Status {
        self.row.status
    }
    fn light(&self) -> Light {
        self.row.health.light
    }
    fn pace(&self) -> Pace {
        self.row.health.pace
    }
    fn late(&self) -> bool {
        self.row.health.is_late()
    }
    fn owner(&self) -> Option<&Key> {
        self.owner.as_ref()
    }
    fn has_department(&self, key: &Key, role: Option<Role>) -> bool {
        let Key::Department(id) = *key else {
            return false;
        };
        (role != Some(Role::Co) && self.row.lead == Some(id))
            || (role != Some(Role::Lead) && self.row.co.contains(&id))
    }
}

/// The names rows refer to by id, looked up by id.
pub(super) struct Names {
    /// id → (key, short name).
    pub plans: HashMap<i64, (String, String)>,
    /// id → (number, title).
    pub boxes: HashMap<i64, (u32, String)>,
    /// id → short name.
    pub departments: HashMap<i64, String>,
}

impl Names {
    fn of(outline: Outline) -> Names {
        Names {
            plans: outline
                .plans
                .into_iter()
                .map(|(id, key, short)| (id, (key, short)))
                .collect(),
            boxes: outline
                .boxes
                .into_iter()
                .map(|(id, number, title)| (id, (number, title)))
                .collect(),
            departments: outline.departments.into_iter().collect(),
        }
    }

    pub fn department(&self, id: i64) -> Option<String> {
        self.departments.get(&id).cloned()
    }

    pub fn plan_short(&self, id: i64) -> String {
        self.plans
            .get(&id)
            .map(|(_, short)| short.clone())
            .unwrap_or_default()
    }
}

/// The scope of a query, with its plan and box resolved to ids.
struct Scope<'q> {
    query: &'q ItemQuery,
    plans: Option<HashSet<i64>>,
    boxes: Option<HashSet<i64>>,
    text_hits: Option<HashSet<i64>>,
}

impl Scope<'_> {
    /// Whether a row is in the query's scope (the filter is checked apart).
    fn holds(&self, row: &RowView<'_>) -> bool {
        let query = self.query;
        query.ids.as_ref().is_none_or(|ids| ids.contains(&row.id))
            && (query.include_removed || row.in_plan)
            && self
                .plans
                .as_ref()
                .is_none_or(|plans| plans.contains(&row.plan_id))
            && query.chapter.as_ref().is_none_or(|part| {
                row.chapter
                    .is_some_and(|chapter| chapter.contains(part.as_str()))
            })
            && self
                .boxes
                .as_ref()
                .is_none_or(|boxes| row.box_id.is_some_and(|b| boxes.contains(&b)))
            && self
                .text_hits
                .as_ref()
                .is_none_or(|hits| hits.contains(&row.id))
    }
}

/// One item selected for the list, with what the scan already judged.
pub(super) struct Hit {
    pub id: i64,
    pub health: crate::track::health::Health,
    pub lead: Option<i64>,
    pub co: Vec<i64>,
}

impl Store {
    /// The items `query` selects, in plan order, each made by `make` from its scanned
    /// row while the row is lent (with the names rows refer to).
    /// What a query needs read before its rows: the search's hits, and the directory when
    /// it names a department (the rule the workbench uses too: any name, part of one,
    /// pinyin); a department that matches nothing is said, not an empty list.
    pub(super) fn query_inputs(
        &self,
        query: &ItemQuery,
    ) -> Result<(Option<HashSet<i64>>, Option<crate::directory::Directory>)> {
        let text_hits = match query
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            Some(text) => Some(self.search_ids(text)?),
            None => None,
        };
        let directory = match &query.filter.department {
            Some(name) => {
                let directory = self.directory()?;
                if directory.matching(name).is_empty() {
                    return Err(StoreError::NotFound {
                        what: "department",
                        id: name.clone(),
                    });
                }
                Some(directory)
            }
            None => None,
        };
        Ok((text_hits, directory))
    }

    pub(super) fn select<T: Send>(
        &self,
        query: &ItemQuery,
        today: NaiveDate,
        make: impl Fn(&RowView<'_>, &Names) -> T + Sync,
    ) -> Result<(Vec<T>, Names)> {
        let (text_hits, directory) = self.query_inputs(query)?;
        let names = Names::of(self.outline()?);
        let scope = Scope {
            query,
            plans: query.plan.as_ref().map(|p| {
                names
                    .plans
                    .iter()
                    .filter(|(_, (key, short))| key == p || short.contains(p.as_str()))
                    .map(|(id, _)| *id)
                    .collect()
            }),
            boxes: query.box_number.map(|n| {
                names
                    .boxes
                    .iter()
                    .filter(|(_, (number, _))| *number == n)
                    .map(|(id, _)| *id)
                    .collect()
            }),
            text_hits,
        };
        // The departments a typed name means, by id (none: nothing passes).
        let departments: Option<Vec<i64>> = query.filter.department.as_deref().map(|typed| {
            let shorts: HashSet<&str> = directory.as_ref().map_or_else(HashSet::new, |d| {
                d.matching(typed)
                    .into_iter()
                    .map(|e| e.short.as_str())
                    .collect()
            });
            names
                .departments
                .iter()
                .filter(|(_, short)| shorts.contains(short.as_str()))
                .map(|(id, _)| *id)
                .collect()
        });
        // "mine": the owner named as the person looking is called (`track::people`).
        let known = if query.filter.mine {
            self.people()?
        } else {
            Vec::new()
        };
        let me = crate::track::people::name_of(&known, self.user()).to_string();
        let people: Vec<&str> = [query.filter.owner.as_deref(), Some(me.as_str())]
            .into_iter()
            .flatten()
            .collect();
        let resolved = query.filter.resolve(
            |_| {
                departments
                    .iter()
                    .flatten()
                    .map(|&id| Key::Department(id))
                    .collect()
            },
            |name| Some(Key::Person(people.iter().position(|p| *p == name))),
            &me,
        );
        let person =
            |owner: Option<&str>| owner.map(|o| Key::Person(people.iter().position(|p| *p == o)));
        if let Some(ids) =
            self.candidates(query, scope.text_hits.as_ref(), departments.as_deref())?
        {
            let mut hits = Vec::new();
            self.scan_ids(&ids, today, &mut |row| {
                let scanned = Scanned {
                    row: &row,
                    owner: person(row.owner),
                };
                if scope.holds(&row) && resolved.keeps(&scanned) {
                    hits.push(make(&row, &names));
                }
            })?;
            return Ok((hits, names));
        }
        let (_, parts) = self.scan_rows(today, Vec::new, |hits: &mut Vec<T>, row| {
            let scanned = Scanned {
                row: &row,
                owner: person(row.owner),
            };
            if scope.holds(&row) && resolved.keeps(&scanned) {
                hits.push(make(&row, &names));
            }
        })?;
        Ok((parts.into_iter().flatten().collect(), names))
    }

    /// The items a query can only be among, in plan order, when its search hits, its
    /// ids, its departments or its owner narrow it to a few (from their indexes; `None`:
    /// read every item). A superset: each is still judged by the scope and the shared
    /// filter rule on its scanned row.
    fn candidates(
        &self,
        query: &ItemQuery,
        text_hits: Option<&HashSet<i64>>,
        departments: Option<&[i64]>,
    ) -> Result<Option<Vec<i64>>> {
        self.read(|conn| {
            let mut sets: Vec<HashSet<i64>> = Vec::new();
            sets.extend(text_hits.cloned());
            sets.extend(query.ids.clone());
            if let Some(departments) = departments {
                let mut stmt = conn.prepare_cached(
                    "SELECT item_id FROM item_department WHERE department_id = ?1",
                )?;
                let mut linked = HashSet::new();
                for id in departments {
                    for item in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                        linked.insert(item?);
                    }
                }
                sets.push(linked);
            }
            if let Some(owner) = &query.filter.owner {
                let owned = conn
                    .prepare_cached("SELECT id FROM item WHERE owner = ?1")?
                    .query_map([owner], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<HashSet<i64>>>()?;
                sets.push(owned);
            }
            let Some(smallest) = sets
                .iter()
                .map(HashSet::len)
                .enumerate()
                .min_by_key(|&(_, n)| n)
                .map(|(i, _)| i)
            else {
                return Ok(None);
            };
            let first = sets.swap_remove(smallest);
            let ids: Vec<i64> = first
                .into_iter()
                .filter(|id| sets.iter().all(|set| set.contains(id)))
                .collect();
            if ids.len() > limits().0 {
                return Ok(None);
            }
            let list: Vec<String> = ids.iter().map(i64::to_string).collect();
            let json = format!("[{}]", list.join(","));
            let ordered = conn
                .prepare_cached(
                    "SELECT id FROM item WHERE id IN (SELECT value FROM json_each(?1)) \
                     ORDER BY plan_id, position",
                )?
                .query_map([json], |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<Vec<i64>>>()?;
            Ok(Some(ordered))
        })
    }

    /// The items `query` selects, as list rows lent one by one to `each`, in plan order:
    /// the scan decides, and full rows are read for its hits only (one by one when few,
    /// else in one pass that skips the rest). Nothing is gathered: a caller that prints
    /// can print as rows come.
    pub fn list_each(
        &self,
        query: &ItemQuery,
        today: NaiveDate,
        each: &mut dyn FnMut(ItemRow),
    ) -> Result<()> {
        self.list_each_after(query, today, &mut |_| Ok(()), each)
    }

    /// [`Store::list_each`], telling `first` the ids of the rows to come (in their
    /// order) before the first row: for reading what goes with them in bulk.
    pub fn list_each_after(
        &self,
        query: &ItemQuery,
        today: NaiveDate,
        first: &mut dyn FnMut(&[i64]) -> Result<()>,
        each: &mut dyn FnMut(ItemRow),
    ) -> Result<()> {
        let (hits, names) = self.select(query, today, |row, _| Hit {
            id: row.id,
            health: row.health,
            lead: row.lead,
            co: row.co.to_vec(),
        })?;
        first(&hits.iter().map(|h| h.id).collect::<Vec<i64>>())?;
        let at: HashMap<i64, usize> = hits.iter().enumerate().map(|(i, h)| (h.id, i)).collect();
        self.read(|conn| {
            let mut fill = |r: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
                let id: i64 = r.get(0)?;
                if let Some(&i) = at.get(&id) {
                    let mut row = super::row::base_row(r)?.row;
                    let hit = &hits[i];
                    row.health = hit.health;
                    row.lead = hit.lead.and_then(|d| names.department(d));
                    row.co = hit.co.iter().filter_map(|&d| names.department(d)).collect();
                    each(row);
                }
                Ok(())
            };
            if hits.len() <= limits().1 {
                let mut stmt =
                    conn.prepare_cached(&format!("{} WHERE i.id = ?1", super::row::select()))?;
                for hit in &hits {
                    let mut found = stmt.query([hit.id])?;
                    if let Some(r) = found.next()? {
                        fill(r)?;
                    }
                }
            } else {
                let mut stmt = conn.prepare_cached(&format!(
                    "{} ORDER BY p.id, i.position",
                    super::row::select()
                ))?;
                let mut all = stmt.query([])?;
                while let Some(r) = all.next()? {
                    fill(r)?;
                }
            }
            Ok(())
        })
    }
}

/// Up to this many candidates, items are read one by one; beyond, in one pass.
const FEW_TO_SCAN: usize = 1_500;

/// Up to this many hits, full rows are read one by one; beyond, in one pass.
const FEW: usize = 20_000;

#[cfg(test)]
thread_local! {
    /// The tests' choice of [`FEW_TO_SCAN`] and [`FEW`], to take every path on little data.
    static LIMITS: std::cell::Cell<Option<(usize, usize)>> = const { std::cell::Cell::new(None) };
}

/// [`FEW_TO_SCAN`] and [`FEW`] (in tests, as the test chose).
fn limits() -> (usize, usize) {
    #[cfg(test)]
    if let Some(limits) = LIMITS.with(std::cell::Cell::get) {
        return limits;
    }
    (FEW_TO_SCAN, FEW)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::store::ItemEdit;
    use crate::track::filter::Filter;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    /// Whatever path a query takes (narrowed by index and read by id, or the whole
    /// compact scan; full rows by id or in one pass), `list` keeps exactly the rows the
    /// shared rule keeps when judged on every full row, in plan order, field for field.
    #[test]
    fn every_path_keeps_what_the_rule_keeps_on_full_rows() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("plan.db"), "王敏").unwrap();
        let all = store.list(&ItemQuery::default(), today()).unwrap();
        for (n, row) in all.iter().enumerate().step_by(5) {
            let owner = ["王敏", "李强", "张三"][n % 3].to_string();
            let edit = ItemEdit {
                owner: Some(Some(owner)),
                progress: Some((n % 100) as u8),
                ..ItemEdit::default()
            };
            store.edit_item(row.id, None, &edit).unwrap();
        }
        let all = store.list(&ItemQuery::default(), today()).unwrap();
        let filters = [
            "",
            "dept:发改",
            "dept:发改 role:lead",
            "dept:财政 role:co",
            "dept:住建",
            "owner:王敏",
            "owner:无此人",
            "mine",
            "unassigned",
            "status:in_progress",
            "light:red",
            "overdue",
            "owner:李强 light:yellow",
            "dept:发改 owner:王敏",
        ];
        let texts = [
            None,
            Some("城镇"),
            Some("czt"),
            Some("长株潭"),
            Some("无此文本"),
        ];
        let departments = |typed: &str| {
            let directory = store.directory().unwrap();
            directory
                .matching(typed)
                .into_iter()
                .map(|e| e.short.clone())
                .collect::<Vec<String>>()
        };
        let mut kept_some = 0;
        // By id always / by id for candidates, one pass for rows / the whole scan always.
        for limits in [
            (usize::MAX, usize::MAX),
            (usize::MAX, 0),
            (0, usize::MAX),
            (40, 40),
        ] {
            LIMITS.with(|l| l.set(Some(limits)));
            for words in filters {
                for text in texts {
                    let filter = Filter::parse(words).unwrap();
                    let query = ItemQuery {
                        text: text.map(str::to_string),
                        filter: filter.clone(),
                        ..ItemQuery::default()
                    };
                    let resolved = filter.resolve(departments, |n| Some(n.to_string()), "王敏");
                    let hits = text.map(|t| store.search_ids(t).unwrap());
                    let expected: Vec<&ItemRow> = all
                        .iter()
                        .filter(|r| hits.as_ref().is_none_or(|h| h.contains(&r.id)))
                        .filter(|r| resolved.keeps(*r))
                        .collect();
                    let got = store.list(&query, today()).unwrap();
                    let got: Vec<&ItemRow> = got.iter().collect();
                    assert_eq!(got, expected, "{words:?} {text:?} {limits:?}");
                    kept_some += usize::from(!got.is_empty());
                }
            }
        }
        assert!(
            kept_some >= 4 * 30,
            "only {kept_some} queries kept anything"
        );
    }
}
