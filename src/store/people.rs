//! People as settings (`track::people`): read, set and removed like thresholds, each change
//! recorded with who and when and undone like any other.

use super::error::Result;
use super::{Store, StoreError, history, queries};
use crate::track::people::{KEY_PREFIX, Person};

impl Store {
    /// Everyone known, by login.
    pub fn people(&self) -> Result<Vec<Person>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT key, value FROM setting WHERE key >= ?1 AND key < ?2 ORDER BY key",
            )?;
            let upper = format!("{}\u{10FFFF}", KEY_PREFIX);
            let people = stmt
                .query_map([KEY_PREFIX, upper.as_str()], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?
                .into_iter()
                .filter_map(|(key, value)| Person::from_setting(&key, &value))
                .collect();
            Ok(people)
        })
    }

    /// Say who `login` is (name, and department where given).
    pub fn set_person(&mut self, login: &str, name: &str, department: Option<&str>) -> Result<()> {
        let person = Person::new(login, name, department).map_err(StoreError::Refused)?;
        let (key, value) = (person.key(), person.value());
        self.write("set person", |tx, change| {
            let old: Option<String> = queries::optional(tx.query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [&key],
                |r| r.get(0),
            ))?;
            tx.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                rusqlite::params![key, value],
            )?;
            let what = history::Recorded::Setting(key.clone());
            history::record(tx, change, None, &what, None, old.as_deref(), Some(&value))?;
            Ok(())
        })
    }

    /// Forget who `login` is; `false` when nobody was recorded for it.
    pub fn remove_person(&mut self, login: &str) -> Result<bool> {
        let key = format!("{KEY_PREFIX}{}", login.trim());
        self.write("remove person", |tx, change| {
            let old: Option<String> = queries::optional(tx.query_row(
                "SELECT value FROM setting WHERE key = ?1",
                [&key],
                |r| r.get(0),
            ))?;
            let Some(old) = old else {
                return Ok(false);
            };
            tx.execute("DELETE FROM setting WHERE key = ?1", [&key])?;
            let what = history::Recorded::Setting(key.clone());
            history::record(tx, change, None, &what, None, Some(&old), None)?;
            Ok(true)
        })
    }
}
