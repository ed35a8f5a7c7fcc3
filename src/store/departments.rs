//! The department directory (official name, short name, aliases: 省发展改革委 and
//! 湖南省发展和改革委员会 are one department) and item↔department links (lead/co, origin).
//!
//! Link history values are written "role@origin" (e.g. "lead@plan").

use super::Store;
use super::error::ConflictDuring;
use super::error::{Result, StoreError};
use super::history::{FieldKey, changed_since, record};
use super::items::Stamp;
use super::queries::optional;
use crate::directory::{self, normalize_name};
use crate::plan::Role;
use crate::track::fields::Recorded;
use rusqlite::{Connection, Transaction, params};
use serde::Serialize;

/// A department with the names it is known by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Department {
    pub id: i64,
    pub official: String,
    pub short: String,
    pub aliases: Vec<String>,
}

/// A department linked to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub department: i64,
    pub short: String,
    pub official: String,
    pub role: Role,
    /// "plan" (from the plan text) or "user".
    pub origin: String,
}

pub(super) fn role_str(role: Role) -> &'static str {
    match role {
        Role::Lead => "lead",
        Role::Co => "co",
    }
}

fn parse_role(text: &str) -> Role {
    if text == "lead" { Role::Lead } else { Role::Co }
}

/// Fill the directory from the built-in list (a new database).
pub(super) fn seed_directory(tx: &Transaction<'_>) -> Result<()> {
    let entries = directory::builtin().map_err(|e| StoreError::Invalid(e.to_string()))?;
    for entry in entries {
        tx.execute(
            "INSERT INTO department(official, short) VALUES (?1, ?2) ON CONFLICT(official) DO NOTHING",
            params![entry.official, entry.short],
        )?;
        let id: i64 = tx.query_row(
            "SELECT id FROM department WHERE official = ?1",
            [&entry.official],
            |r| r.get(0),
        )?;
        let names = std::iter::once(&entry.official)
            .chain(std::iter::once(&entry.short))
            .chain(entry.aliases.iter());
        for name in names {
            tx.execute(
                "INSERT INTO department_alias(alias, department_id) VALUES (?1, ?2) ON CONFLICT(alias) DO NOTHING",
                params![normalize_name(name), id],
            )?;
        }
    }
    Ok(())
}

/// The department known by `name` (official, short or alias).
pub(super) fn resolve(conn: &Connection, name: &str) -> Result<Option<i64>> {
    optional(
        conn.prepare_cached("SELECT department_id FROM department_alias WHERE alias = ?1")?
            .query_row([normalize_name(name)], |r| r.get(0)),
    )
}

/// The department known by `name`, created (as written) when it is new.
pub(super) fn resolve_or_create(tx: &Transaction<'_>, name: &str) -> Result<i64> {
    let name = super::queries::clean(name);
    if let Some(id) = resolve(tx, &name)? {
        return Ok(id);
    }
    let name = name.as_str();
    if name.is_empty() {
        return Err(StoreError::Rejected(
            super::rejection::Rejection::EmptyDepartmentName,
        ));
    }
    tx.execute(
        "INSERT INTO department(official, short) VALUES (?1, ?1)",
        [name],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO department_alias(alias, department_id) VALUES (?1, ?2)",
        params![normalize_name(name), id],
    )?;
    Ok(id)
}

fn current_link(conn: &Connection, item: i64, department: i64) -> Result<Option<String>> {
    optional(
        conn.prepare_cached("SELECT role || '@' || origin FROM item_department WHERE item_id = ?1 AND department_id = ?2")?
            .query_row(params![item, department], |r| r.get(0)),
    )
}

/// Write a link (or remove it when `value` is None), recording the change.
pub(super) fn put_link(
    tx: &Transaction<'_>,
    change: i64,
    item: i64,
    department: i64,
    value: Option<&str>,
) -> Result<()> {
    let old = current_link(tx, item, department)?;
    restore_link(tx, item, department, value)?;
    record(
        tx,
        change,
        Some(item),
        &Recorded::LinkRole,
        Some(department),
        old.as_deref(),
        value,
    )
}

/// Tombstones of the links people removed, from the history: the newest change of a link
/// was a person's removal that still stands, and the link is absent. (Migration 004 ran
/// the same statement once on the history it found.)
pub(super) const REMOVED_LINKS_FROM_HISTORY: &str = "
    INSERT OR IGNORE INTO link_removed(item_id, department_id)
    SELECT h.item_id, h.entity_id FROM history h JOIN change c ON c.id = h.change_id
    WHERE h.entity = 'link' AND h.new IS NULL AND c.action != 'import' AND c.undone_by IS NULL
      AND h.item_id IS NOT NULL AND h.entity_id IS NOT NULL
      AND h.id = (SELECT max(h2.id) FROM history h2
                  WHERE h2.entity = 'link' AND h2.item_id = h.item_id AND h2.entity_id = h.entity_id)
      AND NOT EXISTS (SELECT 1 FROM item_department l
                      WHERE l.item_id = h.item_id AND l.department_id = h.entity_id)
      AND EXISTS (SELECT 1 FROM item WHERE id = h.item_id)
      AND EXISTS (SELECT 1 FROM department WHERE id = h.entity_id);";

/// Set a link to "role@origin", or remove it (None): a person's decision, also when
/// undone or redone. A removal leaves a tombstone, so that importing the plan text again
/// does not bring the link back; linking the department again lifts it.
pub(super) fn restore_link(
    tx: &Transaction<'_>,
    item: i64,
    department: i64,
    value: Option<&str>,
) -> Result<()> {
    match value {
        None => {
            tx.execute(
                "DELETE FROM item_department WHERE item_id = ?1 AND department_id = ?2",
                params![item, department],
            )?;
            tx.prepare_cached(
                "INSERT OR IGNORE INTO link_removed(item_id, department_id) VALUES (?1, ?2)",
            )?
            .execute(params![item, department])?;
        }
        Some(value) => {
            let (role, origin) = value.split_once('@').unwrap_or((value, "user"));
            let position: i64 = tx.query_row(
                "SELECT coalesce(max(position), -1) + 1 FROM item_department WHERE item_id = ?1",
                [item],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO item_department(item_id, department_id, role, origin, position) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(item_id, department_id) DO UPDATE SET role = excluded.role, origin = excluded.origin",
                params![item, department, role, origin, position],
            )?;
            tx.prepare_cached(
                "DELETE FROM link_removed WHERE item_id = ?1 AND department_id = ?2",
            )?
            .execute(params![item, department])?;
        }
    }
    Ok(())
}

/// Links of one item, lead first, in plan order.
pub(super) fn links_of(conn: &Connection, item: i64) -> Result<Vec<Link>> {
    let rows = conn
        .prepare_cached(
            "SELECT d.id, d.short, d.official, l.role, l.origin FROM item_department l JOIN department d ON d.id = l.department_id
             WHERE l.item_id = ?1 ORDER BY l.role = 'co', l.position",
        )?
        .query_map([item], |r| {
            Ok(Link {
                department: r.get(0)?,
                short: r.get(1)?,
                official: r.get(2)?,
                role: parse_role(&r.get::<_, String>(3)?),
                origin: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

impl Store {
    /// Link a department to an item as lead or co-responsible (a user link). A new lead
    /// demotes the previous lead to co-responsible: an item has one lead. The demotion is
    /// the user's decision too (origin "user"), so a re-import does not restore the plan's
    /// lead beside the new one.
    pub fn set_department(
        &mut self,
        item: i64,
        name: &str,
        role: Role,
        base: Option<Stamp>,
    ) -> Result<()> {
        let name = super::queries::typed(crate::track::limits::Field::Department, name)?;
        let name = name.as_str();
        let mine = self.session_changes.clone();
        self.write("set department", |tx, change| {
            super::items::require_item(tx, item)?;
            let department = resolve_or_create(tx, name)?;
            if let Some(Stamp(since)) = base {
                let key = FieldKey {
                    item: Some(item),
                    entity: "link",
                    entity_id: Some(department),
                    field: "role",
                };
                if let Some(conflict) = changed_since(tx, key, since, &mine, ConflictDuring::Edit)?
                {
                    return Err(StoreError::Conflict(Box::new(conflict)));
                }
            }
            if role == Role::Lead {
                for link in links_of(tx, item)? {
                    if link.role == Role::Lead && link.department != department {
                        put_link(tx, change, item, link.department, Some("co@user"))?;
                    }
                }
            }
            put_link(
                tx,
                change,
                item,
                department,
                Some(&format!("{}@user", role_str(role))),
            )
        })
    }

    /// Remove a department from an item.
    pub fn remove_department(&mut self, item: i64, name: &str) -> Result<()> {
        self.write("remove department", |tx, change| {
            super::items::require_item(tx, item)?;
            let department = resolve(tx, name)?.ok_or_else(|| StoreError::NotFound {
                what: "department",
                id: name.to_string(),
            })?;
            if current_link(tx, item, department)?.is_none() {
                return Err(StoreError::Rejected(
                    super::rejection::Rejection::NotLinked {
                        department: name.to_string(),
                        item,
                    },
                ));
            }
            put_link(tx, change, item, department, None)
        })
    }

    /// Every department of the directory, for listing and completion.
    pub fn departments(&self) -> Result<Vec<Department>> {
        self.read(|conn| {
            let mut departments: Vec<Department> = conn
                .prepare_cached("SELECT id, official, short FROM department ORDER BY short")?
                .query_map([], |r| {
                    Ok(Department {
                        id: r.get(0)?,
                        official: r.get(1)?,
                        short: r.get(2)?,
                        aliases: Vec::new(),
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut stmt = conn.prepare_cached(
                "SELECT alias, department_id FROM department_alias ORDER BY alias",
            )?;
            let aliases =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for alias in aliases {
                let (alias, id) = alias?;
                if let Some(d) = departments.iter_mut().find(|d| d.id == id) {
                    d.aliases.push(alias);
                }
            }
            Ok(departments)
        })
    }

    /// The directory of this database (every department with its names), for resolving
    /// what people type by the one rule (`directory::Directory::matching`).
    pub fn directory(&self) -> Result<crate::directory::Directory> {
        let entries = self
            .departments()?
            .into_iter()
            .map(|d| crate::directory::DirectoryEntry {
                official: d.official,
                short: d.short,
                aliases: d.aliases,
            })
            .collect();
        Ok(crate::directory::Directory::lenient(entries))
    }

    /// The department known by `name`, if any.
    pub fn find_department(&self, name: &str) -> Result<Option<Department>> {
        let id = self.read(|conn| resolve(conn, name))?;
        Ok(id.and_then(|id| self.departments().ok()?.into_iter().find(|d| d.id == id)))
    }
}
