//! The department directory: every name of a department resolves to one entry.
//!
//! Plans name departments by their short forms (省发展改革委), users and other plans by
//! official names (湖南省发展和改革委员会) or other short forms (省发改委). The built-in
//! directory is `seed/departments.toml`.

use crate::text::pinyin;
use serde::Deserialize;
use std::collections::HashMap;
use thiserror::Error;

const DEPARTMENTS_TOML: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seed/departments.toml"
));

/// One department (or group of units, such as 各市州、县市区人民政府) and its names.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DirectoryEntry {
    /// The full official name: 湖南省发展和改革委员会.
    pub official: String,
    /// The form the plans use: 省发展改革委.
    pub short: String,
    /// Other forms in common use: 省发改委, 发改委.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl DirectoryEntry {
    /// Every name of the entry: official, short, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.official.as_str(), self.short.as_str()]
            .into_iter()
            .chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Debug, Error)]
pub enum DirectoryError {
    #[error("seed/departments.toml is malformed: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("the department name “{name}” belongs to both {first} and {second}")]
    Duplicate {
        name: String,
        first: String,
        second: String,
    },
    #[error("a name of department {official} is empty")]
    EmptyName { official: String },
}

#[derive(Debug, Deserialize)]
struct DepartmentsFile {
    department: Vec<DirectoryEntry>,
}

/// The built-in directory (`seed/departments.toml`), checked: no name belongs to two
/// entries.
pub fn builtin() -> Result<Vec<DirectoryEntry>, DirectoryError> {
    let file: DepartmentsFile = toml::from_str(DEPARTMENTS_TOML)?;
    index(&file.department)?;
    Ok(file.department)
}

/// The form names are compared in: whitespace (U+3000 included) removed, ASCII
/// parentheses made full-width.
pub fn normalize_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect()
}

/// Map every normalized name to the index of its entry; fails on a name that is empty
/// or belongs to two entries.
fn index(entries: &[DirectoryEntry]) -> Result<HashMap<String, usize>, DirectoryError> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        for name in entry.names() {
            let key = normalize_name(name);
            if key.is_empty() {
                return Err(DirectoryError::EmptyName {
                    official: entry.official.clone(),
                });
            }
            match by_name.get(&key) {
                Some(&other) if other != i => {
                    let first = entries
                        .get(other)
                        .map_or_else(String::new, |e| e.official.clone());
                    return Err(DirectoryError::Duplicate {
                        name: name.to_owned(),
                        first,
                        second: entry.official.clone(),
                    });
                }
                Some(_) => {}
                None => {
                    by_name.insert(key, i);
                }
            }
        }
    }
    Ok(by_name)
}

/// What a typed department name names ([`Directory::named`]).
#[derive(Debug)]
pub enum Named<'a> {
    One(&'a DirectoryEntry),
    /// No department has the name: adding it is the person's decision.
    Nobody,
    Several(Vec<&'a DirectoryEntry>),
}

/// Departments by any of their names.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    entries: Vec<DirectoryEntry>,
    by_name: HashMap<String, usize>,
}

impl Directory {
    /// A directory of `entries`; fails when a name is empty or belongs to two entries.
    pub fn new(entries: Vec<DirectoryEntry>) -> Result<Directory, DirectoryError> {
        let by_name = index(&entries)?;
        Ok(Directory { entries, by_name })
    }

    /// A directory of a database's entries, as they are: a name that two entries share
    /// (which the database's own rules make rare) means the first.
    pub fn lenient(entries: Vec<DirectoryEntry>) -> Directory {
        let mut by_name = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            for name in entry.names() {
                by_name.entry(normalize_name(name)).or_insert(i);
            }
        }
        Directory { entries, by_name }
    }

    /// The departments a typed name means, the one rule for filters everywhere: the
    /// department that has this name, else every department with a name that contains it
    /// (or, typed in latin letters, spells it in pinyin).
    pub fn matching(&self, text: &str) -> Vec<&DirectoryEntry> {
        match self.resolve(text) {
            Some(entry) => vec![entry],
            None if normalize_name(text).is_empty() => Vec::new(),
            None => self.suggestions(text),
        }
    }

    /// What a name typed to link a department names: one department (by any of its
    /// names, a part of one or its pinyin), none, or several — the one rule the workbench
    /// and the command line decide by before anything is linked or added.
    pub fn named(&self, text: &str) -> Named<'_> {
        let mut matches = self.matching(text);
        match matches.len() {
            0 => Named::Nobody,
            1 => Named::One(matches.remove(0)),
            _ => Named::Several(matches),
        }
    }

    /// The built-in directory.
    pub fn builtin() -> Result<Directory, DirectoryError> {
        Directory::new(builtin()?)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[DirectoryEntry] {
        &self.entries
    }

    /// The entry with this official name, short form or alias (compared after
    /// [`normalize_name`]).
    pub fn resolve(&self, name: &str) -> Option<&DirectoryEntry> {
        self.by_name
            .get(&normalize_name(name))
            .and_then(|&i| self.entries.get(i))
    }

    /// Entries for completing `text`: those with a name that contains it (after
    /// [`normalize_name`]), entries with a name starting with it first, then file order.
    /// Text that no name contains is tried as a pinyin query (`fagaiwei` finds 发改委). Empty
    /// text lists every entry.
    pub fn suggestions(&self, text: &str) -> Vec<&DirectoryEntry> {
        let text = normalize_name(text);
        let mut ranked: Vec<(u8, &DirectoryEntry)> = self
            .entries
            .iter()
            .filter_map(|entry| {
                let mut rank = None;
                for name in entry.names() {
                    let name = normalize_name(name);
                    if name.starts_with(&text) {
                        rank = Some(0);
                        break;
                    }
                    if name.contains(&text) {
                        rank = Some(1);
                    }
                }
                rank.map(|rank| (rank, entry))
            })
            .collect();
        if ranked.is_empty()
            && let Some(query) = pinyin::Query::new(&text)
        {
            // Typed without a Chinese input method: the pinyin of any of its names.
            return self
                .entries
                .iter()
                .filter(|entry| entry.names().any(|name| query.matches_text(name)))
                .collect();
        }
        ranked.sort_by_key(|(rank, _)| *rank);
        ranked.into_iter().map(|(_, entry)| entry).collect()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use regex::Regex;

    const ACTION_PLAN: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seed/hunan-urbanization-action-plan-2024.txt"
    ));

    /// The units of every 责任单位 clause of the 2024 action plan.
    fn responsible_units() -> Vec<String> {
        const LOCAL: &str = "各市州、县市区人民政府";
        let clause = Regex::new("（责任单位：([^）]*)）").unwrap();
        let mut units = Vec::new();
        for caps in clause.captures_iter(ACTION_PLAN) {
            let mut list = &caps[1];
            // The first clause adds "各市州、县市区人民政府按职责分工负责，下同。…": the
            // local governments, whose name itself holds a 、.
            if let Some(at) = list.find(LOCAL) {
                units.push(LOCAL.to_owned());
                list = &list[..at];
            }
            units.extend(
                list.split(['、', '，'])
                    .filter(|unit| !unit.is_empty())
                    .map(str::to_owned),
            );
        }
        units
    }

    #[test]
    fn builtin_has_no_duplicates() {
        let entries = builtin().unwrap();
        assert!(entries.len() >= 38, "{}", entries.len());
        let directory = Directory::new(entries).unwrap();
        for entry in directory.entries() {
            for name in entry.names() {
                assert_eq!(directory.resolve(name), Some(entry), "{name}");
            }
        }
    }

    #[test]
    fn forms_of_one_department_resolve_to_it() {
        let directory = Directory::builtin().unwrap();
        let entry = directory.resolve("省发展改革委").unwrap();
        assert_eq!(entry.official, "湖南省发展和改革委员会");
        for name in [
            "湖南省发展和改革委员会",
            "省发改委",
            " 省 发改委\u{3000}",
            "发改委",
        ] {
            assert_eq!(directory.resolve(name), Some(entry), "{name}");
        }
        assert_eq!(
            directory.resolve("省人社厅").map(|e| e.short.as_str()),
            Some("省人力资源社会保障厅")
        );
        assert_eq!(directory.resolve("省发展和改革委员会"), None);
    }

    #[test]
    fn every_responsible_unit_of_the_action_plan_resolves() {
        let directory = Directory::builtin().unwrap();
        let units = responsible_units();
        assert!(units.len() > 100, "{}", units.len());
        let mut distinct: Vec<&str> = units.iter().map(String::as_str).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 38, "{distinct:?}");
        for unit in distinct {
            let entry = directory
                .resolve(unit)
                .unwrap_or_else(|| panic!("{unit} does not resolve"));
            assert_eq!(
                entry.short, unit,
                "the plan's form should be the short form"
            );
        }
        let local = directory.resolve("市州、县市区人民政府").unwrap();
        assert_eq!(local.official, "各市州、县市区人民政府");
    }

    #[test]
    fn rejects_a_name_shared_by_two_entries() {
        let entry = |official: &str, short: &str, alias: &str| DirectoryEntry {
            official: official.to_owned(),
            short: short.to_owned(),
            aliases: vec![alias.to_owned()],
        };
        let err = Directory::new(vec![
            entry("甲委员会", "甲委", "委"),
            entry("乙委员会", "乙委", " 委 "),
        ])
        .unwrap_err();
        let message = err.to_string();
        assert!(message.contains("委"), "{message}");
        assert!(
            message.contains("甲委员会") && message.contains("乙委员会"),
            "{message}"
        );
        // The same name twice in one entry is fine.
        assert!(Directory::new(vec![entry("丙", "丙", "丙")]).is_ok());
        assert!(Directory::new(vec![entry("丁", "", "x")]).is_err());
    }

    #[test]
    fn normalizes_whitespace_and_parentheses() {
        assert_eq!(
            normalize_name(" 湖南省\u{3000}数据局 (筹) "),
            "湖南省数据局（筹）"
        );
        assert_eq!(normalize_name("（筹）"), "（筹）");
    }

    #[test]
    fn suggests_for_completion() {
        let directory = Directory::builtin().unwrap();
        let shorts = |text: &str| -> Vec<String> {
            directory
                .suggestions(text)
                .into_iter()
                .map(|e| e.short.clone())
                .collect()
        };
        let found = shorts("住建");
        assert_eq!(found, ["省住房城乡建设厅"]);
        let found = shorts("省委");
        assert!(found.contains(&"省委统战部".to_owned()), "{found:?}");
        // 团省委 (共青团湖南省委员会) only contains 省委: it comes last.
        let (last, first) = found.split_last().unwrap();
        assert_eq!(last, "团省委");
        assert!(first.iter().all(|s| s.starts_with("省委")), "{found:?}");
        // Names starting with the text come before names containing it.
        let found = shorts("人民银行");
        assert_eq!(
            found.first().map(String::as_str),
            Some("人民银行湖南省分行")
        );
        assert_eq!(shorts("fagaiwei"), ["省发展改革委"]);
        assert_eq!(shorts("rst"), ["省人力资源社会保障厅"]);
        assert_eq!(shorts("changzhutan"), ["省长株潭一体化发展事务中心"]);
        // Initials are broad: 财政厅 is czt too.
        assert_eq!(shorts("czt"), ["省财政厅", "省长株潭一体化发展事务中心"]);
        assert!(shorts("不存在的单位").is_empty());
        assert_eq!(directory.suggestions("").len(), directory.entries().len());
    }
}
