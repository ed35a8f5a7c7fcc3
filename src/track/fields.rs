//! The names people read for what the history records: an entity's field (负责人, 节点截止…)
//! and the stored values that are codes rather than text (a link's "lead@plan", a status).
//! One place, used by the CLI, the workbench and the store's conflict messages.

use super::status::Status;

/// A label in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

const fn l(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

/// What `field` of `entity` is called; `None` for a name this build does not know (a
/// setting key, or a row written by a newer version), which callers show as written.
pub fn field_label(entity: &str, field: &str) -> Option<Label> {
    Some(match (entity, field) {
        ("item", "owner") => l("负责人", "owner"),
        ("item", "status") => l("状态", "status"),
        ("item", "progress") => l("进度", "progress"),
        ("item", "start_on") => l("开始", "start"),
        ("item", "due_on") => l("截止", "due"),
        ("item", "project_stage") => l("阶段", "stage"),
        ("item", "invest_total") => l("总投资", "invest total"),
        ("item", "invest_year_plan") => l("年度计划投资", "invest plan"),
        ("item", "invest_year_done") => l("年度完成投资", "invest done"),
        ("item", "in_plan") => l("在规划中", "in plan"),
        ("item", "created") => l("新事项", "item added"),
        ("item", "title") => l("标题", "title"),
        ("item", "body") => l("正文", "text"),
        ("link", "role") => l("责任单位", "department"),
        ("milestone", "due_on") => l("节点截止", "milestone due"),
        ("milestone", "done_on") => l("节点完成", "milestone done"),
        ("milestone", "title") => l("节点名称", "milestone title"),
        ("milestone", "removed") => l("节点删除", "milestone removed"),
        ("milestone", "created") => l("新节点", "milestone added"),
        ("note", "created") => l("备注", "note"),
        ("note", "removed") => l("备注删除", "note removed"),
        ("indicator_value", "created") => l("指标值", "indicator value"),
        ("indicator_value", "removed") => l("指标值删除", "indicator value removed"),
        ("plan", "created") => l("新规划", "plan added"),
        ("plan", "title") => l("规划标题", "plan title"),
        ("setting", _) => l("设置", "setting"),
        _ => return None,
    })
}

/// A stored value as people read it: link values "role@origin" become 牵头/配合 (规划/用户),
/// status codes their names; anything else is returned as it is.
pub fn value_label(entity: &str, field: &str, value: &str, zh: bool) -> String {
    match (entity, field) {
        ("link", "role") => {
            let (role, origin) = value.split_once('@').unwrap_or((value, ""));
            let role = match (role, zh) {
                ("lead", true) => "牵头",
                ("lead", false) => "lead",
                ("co", true) => "配合",
                ("co", false) => "co",
                (other, _) => other,
            };
            let origin = match (origin, zh) {
                ("plan", true) => "（规划）",
                ("plan", false) => " (plan)",
                ("user", true) => "（用户）",
                ("user", false) => " (user)",
                _ => "",
            };
            format!("{role}{origin}")
        }
        ("item", "status") => match value.parse::<Status>() {
            Ok(status) if zh => status.label_zh().to_string(),
            Ok(status) => status.as_str().to_string(),
            Err(_) => value.to_string(),
        },
        _ => value.to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn link_values_read_as_roles() {
        assert_eq!(value_label("link", "role", "co@user", true), "配合（用户）");
        assert_eq!(
            value_label("link", "role", "lead@plan", false),
            "lead (plan)"
        );
        assert_eq!(value_label("item", "status", "in_progress", true), "进行中");
        assert_eq!(value_label("item", "owner", "王敏", true), "王敏");
    }

    #[test]
    fn unknown_fields_have_no_label() {
        assert_eq!(field_label("item", "colour"), None);
        assert_eq!(field_label("item", "owner").map(|l| l.zh), Some("负责人"));
    }
}
