//! Which items a filter keeps: the one rule for the command line (`list --status … --dept …`),
//! the exports and the workbench's filter bar (`状态:进行中 灯:红 单位:住建 负责人:王敏`).
//!
//! A filter names things (departments, owners) that the caller resolves to its own keys:
//! the workbench to interned name ids, the store to short names. Departments are resolved
//! by `directory::Directory::matching` (any name, any part of a name, or its pinyin), so
//! `单位:发改` means the same department everywhere. Every condition given must hold.

use super::health::{Light, Pace};
use super::status::Status;
use crate::plan::Role;
use thiserror::Error;

/// The conditions a person gives; all given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<Status>,
    pub light: Option<Light>,
    pub pace: Option<Pace>,
    /// A department, by any of its names or part of one.
    pub department: Option<String>,
    /// With `department`: only links of this role.
    pub role: Option<Role>,
    /// An owner, by name.
    pub owner: Option<String>,
    /// Only late items (`Health::is_late`).
    pub overdue: bool,
    pub unassigned: bool,
    /// Items of the person looking.
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FilterError {
    #[error(
        "not a filter: “{0}” (use status: light: pace: dept: role: owner: overdue unassigned mine, or 状态: 灯: 序时: 单位: 角色: 负责人: 逾期 未分配 我的)"
    )]
    Unknown(String),
    #[error("{0}")]
    Value(String),
    #[error("role: is lead/牵头 or co/配合, not “{0}”")]
    Role(String),
}

impl FilterError {
    /// The message in Chinese or English.
    pub fn describe(&self, zh: bool) -> String {
        match (self, zh) {
            (FilterError::Unknown(word), true) => format!(
                "不认识的筛选条件“{word}”（可用：状态: 灯: 序时: 单位: 角色: 负责人: 逾期 未分配 我的）"
            ),
            (FilterError::Value(text), true) => format!("筛选条件的值不对：{text}"),
            (FilterError::Role(v), true) => format!("角色只能是 牵头 或 配合，不是“{v}”"),
            (error, false) => error.to_string(),
        }
    }
}

/// A role as typed.
pub fn parse_role(text: &str) -> Option<Role> {
    match text {
        "lead" | "牵头" => Some(Role::Lead),
        "co" | "配合" => Some(Role::Co),
        _ => None,
    }
}

impl Filter {
    /// The filter bar's words, in English or Chinese; the error names the word not
    /// understood.
    pub fn parse(text: &str) -> Result<Filter, FilterError> {
        let mut filter = Filter::default();
        let value = |v: &str, e: &dyn std::fmt::Display| FilterError::Value(format!("{v}: {e}"));
        for word in text.split_whitespace() {
            let (key, v) = word.split_once([':', '：']).unwrap_or((word, ""));
            match (key, v) {
                ("status" | "状态", v) => {
                    filter.status = Some(v.parse().map_err(|e| value(word, &e))?)
                }
                ("light" | "灯", v) => {
                    filter.light = Some(v.parse().map_err(|e| value(word, &e))?)
                }
                ("pace" | "序时", v) => {
                    filter.pace = Some(v.parse().map_err(|e| value(word, &e))?)
                }
                ("dept" | "单位", v) if !v.is_empty() => filter.department = Some(v.to_string()),
                ("role" | "角色", v) => {
                    filter.role = Some(parse_role(v).ok_or_else(|| FilterError::Role(v.into()))?)
                }
                ("owner" | "负责人", v) if !v.is_empty() => filter.owner = Some(v.to_string()),
                ("overdue" | "逾期", "") => filter.overdue = true,
                ("unassigned" | "未分配", "") => filter.unassigned = true,
                ("mine" | "我的", "") => filter.mine = true,
                _ => return Err(FilterError::Unknown(word.to_string())),
            }
        }
        Ok(filter)
    }

    /// The conditions in force, one word each, in the filter bar's own words (so each
    /// can be typed back): `灯:红`, `单位:住建 角色:牵头`, `逾期` — the chips of the
    /// workbench's table title, a drill-down's included.
    pub fn words(&self, zh: bool) -> Vec<String> {
        let key = |zh_key: &str, en_key: &str| {
            if zh {
                zh_key.to_string()
            } else {
                en_key.to_string()
            }
        };
        let mut words = Vec::new();
        if let Some(s) = self.status {
            words.push(format!(
                "{}:{}",
                key("状态", "status"),
                if zh { s.label_zh() } else { s.as_str() }
            ));
        }
        if let Some(l) = self.light {
            words.push(format!(
                "{}:{}",
                key("灯", "light"),
                if zh { l.label_zh() } else { l.as_str() }
            ));
        }
        if let Some(p) = self.pace {
            words.push(format!(
                "{}:{}",
                key("序时", "pace"),
                if zh { p.label_zh() } else { p.as_str() }
            ));
        }
        if let Some(d) = &self.department {
            words.push(format!("{}:{d}", key("单位", "dept")));
        }
        if let Some(role) = self.role {
            let value = match (role, zh) {
                (Role::Lead, true) => "牵头",
                (Role::Co, true) => "配合",
                (Role::Lead, false) => "lead",
                (Role::Co, false) => "co",
            };
            words.push(format!("{}:{value}", key("角色", "role")));
        }
        if let Some(o) = &self.owner {
            words.push(format!("{}:{o}", key("负责人", "owner")));
        }
        for (on, zh_word, en_word) in [
            (self.overdue, "逾期", "overdue"),
            (self.unassigned, "未分配", "unassigned"),
            (self.mine, "我的", "mine"),
        ] {
            if on {
                words.push(key(zh_word, en_word));
            }
        }
        words
    }

    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter with its names resolved to the caller's keys: `departments` gives the
    /// keys of the departments a typed name means (none: nothing passes), `name` the key
    /// of an owner's name (none: no item has it).
    pub fn resolve<K>(
        &self,
        departments: impl FnOnce(&str) -> Vec<K>,
        name: impl Fn(&str) -> Option<K>,
        user: &str,
    ) -> Resolved<'_, K> {
        Resolved {
            filter: self,
            departments: self.department.as_deref().map(departments),
            owner: self.owner.as_deref().map(&name),
            user: if self.mine { name(user) } else { None },
        }
    }
}

/// What the rule looks at of an item, in the caller's keys.
pub trait Facts<K> {
    fn status(&self) -> Status;
    fn light(&self) -> Light;
    fn pace(&self) -> Pace;
    /// Late: a milestone overdue or the period over undone (`Health::is_late`).
    fn late(&self) -> bool;
    fn owner(&self) -> Option<&K>;
    /// Whether the item has department `key`, in `role` when given.
    fn has_department(&self, key: &K, role: Option<Role>) -> bool;
}

/// A filter with its names resolved (see [`Filter::resolve`]).
#[derive(Debug)]
pub struct Resolved<'a, K> {
    filter: &'a Filter,
    departments: Option<Vec<K>>,
    /// `Some(None)`: an owner no item has.
    owner: Option<Option<K>>,
    user: Option<K>,
}

impl<K: PartialEq> Resolved<'_, K> {
    /// Whether the item passes every condition given.
    pub fn keeps(&self, item: &impl Facts<K>) -> bool {
        let f = self.filter;
        f.status.is_none_or(|s| item.status() == s)
            && f.light.is_none_or(|l| item.light() == l)
            && f.pace.is_none_or(|p| item.pace() == p)
            && self
                .departments
                .as_ref()
                .is_none_or(|keys| keys.iter().any(|k| item.has_department(k, f.role)))
            && self
                .owner
                .as_ref()
                .is_none_or(|owner| owner.is_some() && item.owner() == owner.as_ref())
            && (!f.overdue || item.late())
            && (!f.unassigned || item.owner().is_none())
            && (!f.mine || (self.user.is_some() && item.owner() == self.user.as_ref()))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    struct Row {
        status: Status,
        owner: Option<&'static str>,
        lead: Option<&'static str>,
        co: Vec<&'static str>,
        overdue: usize,
    }

    impl Facts<&'static str> for Row {
        fn status(&self) -> Status {
            self.status
        }
        fn light(&self) -> Light {
            Light::Yellow
        }
        fn pace(&self) -> Pace {
            Pace::Behind
        }
        fn late(&self) -> bool {
            self.overdue > 0
        }
        fn owner(&self) -> Option<&&'static str> {
            self.owner.as_ref()
        }
        fn has_department(&self, key: &&'static str, role: Option<Role>) -> bool {
            (role != Some(Role::Co) && self.lead == Some(*key))
                || (role != Some(Role::Lead) && self.co.contains(key))
        }
    }

    fn row() -> Row {
        Row {
            status: Status::InProgress,
            owner: Some("王敏"),
            lead: Some("省发展改革委"),
            co: vec!["省财政厅"],
            overdue: 0,
        }
    }

    /// The words of a filter read back as the same filter, in either language.
    #[test]
    fn words_read_back_as_the_same_filter() {
        for text in [
            "状态:进行中 灯:红 单位:住建 角色:牵头 负责人:王 逾期 未分配 我的",
            "status:done light:grey pace:behind dept:fgw role:co owner:alice overdue",
        ] {
            let filter = Filter::parse(text).unwrap();
            for zh in [true, false] {
                let words = filter.words(zh).join(" ");
                assert_eq!(Filter::parse(&words).unwrap(), filter, "{words}");
            }
        }
        assert!(Filter::default().words(true).is_empty());
    }

    fn keeps(text: &str, row: &Row, user: &str) -> bool {
        let filter = Filter::parse(text).unwrap();
        // A toy directory: 发改 means 省发展改革委.
        let departments = |typed: &str| match typed {
            "发改" | "省发展改革委" => vec!["省发展改革委"],
            "财政" => vec!["省财政厅"],
            _ => Vec::new(),
        };
        let name = |n: &str| ["王敏", "李强"].into_iter().find(|k| *k == n);
        filter.resolve(departments, name, user).keeps(row)
    }

    #[test]
    fn every_condition_must_hold_in_either_language() {
        let r = row();
        assert!(keeps("", &r, "王敏"));
        assert!(keeps("状态:进行中 单位:发改", &r, "x"));
        assert!(keeps("status:in_progress dept:发改 role:lead", &r, "x"));
        assert!(
            !keeps("dept:发改 role:co", &r, "x"),
            "发改 leads, it is not co"
        );
        assert!(keeps("单位:财政 角色:配合", &r, "x"));
        assert!(
            !keeps("单位:住建", &r, "x"),
            "a department that matches nothing keeps nothing"
        );
        assert!(keeps("负责人:王敏 我的", &r, "王敏"));
        assert!(!keeps("mine", &r, "李强"));
        assert!(
            !keeps("owner:张三", &r, "x"),
            "an owner nobody has keeps nothing"
        );
        assert!(!keeps("unassigned", &r, "x"));
        assert!(!keeps("overdue", &r, "x"));
        assert!(!keeps("status:done", &r, "x"));
    }

    #[test]
    fn words_not_understood_are_named() {
        let err = Filter::parse("状态:进行中 颜色:红").unwrap_err();
        assert!(err.to_string().contains("颜色:红"), "{err}");
        assert!(matches!(
            Filter::parse("role:boss"),
            Err(FilterError::Role(_))
        ));
    }
}
