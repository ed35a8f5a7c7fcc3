//! People: who a login is (`wangmin` → 王敏) and the department they work for, so "mine",
//! owner completion, history and the Overview speak of people by name. Kept as settings
//! (`person:LOGIN` = `王敏｜省住建厅`): each change is recorded with who and when, and undone
//! like any other.

use super::limits::{Field, Problem, Refused, check};

/// The settings key of a login.
pub const KEY_PREFIX: &str = "person:";
/// Between the name and the department in the stored value.
const SEP: char = '｜';

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub login: String,
    pub name: String,
    pub department: Option<String>,
}

impl Person {
    /// Checked: a login, a name and a department are each one visible line within their
    /// limits (the name as an owner's); the separator is in none of them.
    pub fn new(login: &str, name: &str, department: Option<&str>) -> Result<Person, Refused> {
        let login = check(Field::User, login)?;
        let name = check(Field::Owner, name)?;
        let department = department
            .map(|d| check(Field::Department, d))
            .transpose()?;
        for (field, text) in [
            (Field::Owner, Some(name.as_str())),
            (Field::Department, department.as_deref()),
        ] {
            if text.is_some_and(|t| t.contains(SEP)) {
                return Err(Refused {
                    field,
                    problem: Problem::Reserved(SEP),
                });
            }
        }
        Ok(Person {
            login,
            name,
            department,
        })
    }

    pub fn key(&self) -> String {
        format!("{KEY_PREFIX}{}", self.login)
    }

    pub fn value(&self) -> String {
        match &self.department {
            Some(d) => format!("{}{SEP}{d}", self.name),
            None => self.name.clone(),
        }
    }

    /// The person a setting holds, if it is one.
    pub fn from_setting(key: &str, value: &str) -> Option<Person> {
        let login = key.strip_prefix(KEY_PREFIX)?;
        let (name, department) = match value.split_once(SEP) {
            Some((name, d)) => (name, Some(d)),
            None => (value, None),
        };
        Person::new(login, name, department).ok()
    }
}

/// How to call `login`: the person's name, else the login itself.
pub fn name_of<'a>(people: &'a [Person], login: &'a str) -> &'a str {
    people
        .iter()
        .find(|p| p.login == login)
        .map_or(login, |p| p.name.as_str())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_person_round_trips_through_its_setting() {
        let p = Person::new("wangmin", "王敏", Some("省住建厅")).unwrap();
        assert_eq!(
            (p.key().as_str(), p.value().as_str()),
            ("person:wangmin", "王敏｜省住建厅")
        );
        assert_eq!(Person::from_setting(&p.key(), &p.value()), Some(p.clone()));
        let q = Person::new("li", "李四", None).unwrap();
        assert_eq!(Person::from_setting(&q.key(), &q.value()), Some(q.clone()));
        assert_eq!(Person::from_setting("yellow_lag", "10"), None);
        assert_eq!(name_of(&[p, q], "wangmin"), "王敏");
        assert_eq!(name_of(&[], "zhao"), "zhao");
    }

    #[test]
    fn names_are_one_line_without_the_separator() {
        assert!(Person::new("w", "王敏\n#99 伪造", None).is_err());
        assert!(Person::new("w", "王｜敏", None).is_err());
        assert!(Person::new("", "王敏", None).is_err());
    }
}
