//! What the history records, named once: every kind of field-level change ([`Recorded`]),
//! the tracking fields of an item a person edits ([`ItemField`]), what each is called in
//! Chinese and English, and how the coded values read ("lead@plan", a status). The store
//! writes and reverts by these, the command line and the workbench show them.

use super::project::ProjectStage;
use super::status::Status;

/// A label in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Label {
    /// The label in `lang`.
    pub const fn get(self, lang: crate::text::lang::Lang) -> &'static str {
        match lang {
            crate::text::lang::Lang::Zh => self.zh,
            crate::text::lang::Lang::En => self.en,
        }
    }
}

pub(crate) const fn l(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

/// The tracking fields of an item that people edit (and an undo writes back), by their
/// stored column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemField {
    Owner,
    Status,
    Progress,
    StartOn,
    DueOn,
    ProjectStage,
    InvestTotal,
    InvestYearPlan,
    InvestYearDone,
}

impl ItemField {
    pub const ALL: [ItemField; 9] = [
        ItemField::Owner,
        ItemField::Status,
        ItemField::Progress,
        ItemField::StartOn,
        ItemField::DueOn,
        ItemField::ProjectStage,
        ItemField::InvestTotal,
        ItemField::InvestYearPlan,
        ItemField::InvestYearDone,
    ];

    /// The column of `item` (and the history's field name).
    pub const fn column(self) -> &'static str {
        match self {
            ItemField::Owner => "owner",
            ItemField::Status => "status",
            ItemField::Progress => "progress",
            ItemField::StartOn => "start_on",
            ItemField::DueOn => "due_on",
            ItemField::ProjectStage => "project_stage",
            ItemField::InvestTotal => "invest_total",
            ItemField::InvestYearPlan => "invest_year_plan",
            ItemField::InvestYearDone => "invest_year_done",
        }
    }

    pub fn from_column(column: &str) -> Option<ItemField> {
        ItemField::ALL.into_iter().find(|f| f.column() == column)
    }

    pub const fn label(self) -> Label {
        match self {
            ItemField::Owner => l("负责人", "owner"),
            ItemField::Status => l("状态", "status"),
            ItemField::Progress => l("进度", "progress"),
            ItemField::StartOn => l("开始", "start"),
            ItemField::DueOn => l("截止", "due"),
            ItemField::ProjectStage => l("阶段", "stage"),
            ItemField::InvestTotal => l("总投资", "invest total"),
            ItemField::InvestYearPlan => l("年度计划投资", "invest plan"),
            ItemField::InvestYearDone => l("年度完成投资", "invest done"),
        }
    }

    /// Whether the stored text is an amount (compared as a number: SQLite writes the REAL
    /// 3 as "3.0").
    pub const fn is_amount(self) -> bool {
        matches!(
            self,
            ItemField::InvestTotal | ItemField::InvestYearPlan | ItemField::InvestYearDone
        )
    }
}

/// A stored value of a tracking field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Integer(i64),
    Real(f64),
}

/// How a tracking field is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Integer,
    Real,
}

impl ItemField {
    /// How the field is stored.
    pub const fn kind(self) -> ValueKind {
        match self {
            ItemField::Progress => ValueKind::Integer,
            ItemField::InvestTotal | ItemField::InvestYearPlan | ItemField::InvestYearDone => {
                ValueKind::Real
            }
            _ => ValueKind::Text,
        }
    }

    /// What an item holds when nothing was set (`None`: empty).
    pub fn blank(self) -> Option<FieldValue> {
        match self {
            ItemField::Status => Some(FieldValue::Text(Status::NotStarted.as_str().into())),
            ItemField::Progress => Some(FieldValue::Integer(0)),
            _ => None,
        }
    }

    /// Whether the field takes `value` as stored (a status code, a percentage, a date, a
    /// stage code, an amount, an owner within its limits); the message says what is wrong.
    pub fn check(self, value: &FieldValue) -> Result<(), String> {
        use super::limits::{self, Field};
        let one_of = |text: &str, allowed: &[&str]| {
            if allowed.contains(&text) {
                Ok(())
            } else {
                Err(format!("“{text}” is not one of {}", allowed.join(", ")))
            }
        };
        match (self, value) {
            (ItemField::Owner, FieldValue::Text(t)) => limits::check(Field::Owner, t)
                .map(|_| ())
                .map_err(|r| r.describe(false)),
            (ItemField::Status, FieldValue::Text(t)) => {
                let codes: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                one_of(t, &codes)
            }
            (ItemField::Progress, FieldValue::Integer(n)) if (0..=100).contains(n) => Ok(()),
            (ItemField::Progress, FieldValue::Integer(n)) => {
                Err(format!("{n} is not a percentage 0–100"))
            }
            (ItemField::StartOn | ItemField::DueOn, FieldValue::Text(t)) => {
                match limits::parse_date(t) {
                    Some(_) => Ok(()),
                    None => Err(format!(
                        "“{t}” is not a date YYYY-MM-DD in {}–{}",
                        limits::YEARS.start(),
                        limits::YEARS.end()
                    )),
                }
            }
            (ItemField::ProjectStage, FieldValue::Text(t)) => {
                let codes: Vec<&str> = ProjectStage::ALL.iter().map(|s| s.as_str()).collect();
                one_of(t, &codes)
            }
            (f, FieldValue::Real(v)) if f.is_amount() => match super::project::valid_amount(*v) {
                true => Ok(()),
                false => Err("an amount is a finite number, not negative".into()),
            },
            (f, FieldValue::Integer(v)) if f.is_amount() => match *v >= 0 {
                true => Ok(()),
                false => Err("an amount is a finite number, not negative".into()),
            },
            (f, _) => Err(match f.kind() {
                ValueKind::Text => "expected text".into(),
                ValueKind::Integer => "expected a whole number".into(),
                ValueKind::Real => "expected a number".into(),
            }),
        }
    }
}

/// Every kind of field-level change the history records.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Recorded {
    /// A tracking field of an item.
    Item(ItemField),
    ItemCreated,
    ItemTitle,
    ItemBody,
    /// Whether the plan text still has the item.
    ItemInPlan,
    /// A department's link to an item ("lead@plan", none when unlinked).
    LinkRole,
    MilestoneCreated,
    MilestoneRemoved,
    MilestoneDue,
    MilestoneDone,
    MilestoneTitle,
    NoteCreated,
    NoteRemoved,
    IndicatorValueCreated,
    IndicatorValueRemoved,
    PlanCreated,
    PlanTitle,
    /// A threshold of the database, by key.
    Setting(String),
}

impl Recorded {
    /// The entity as stored in the history.
    pub fn entity(&self) -> &'static str {
        match self {
            Recorded::Item(_)
            | Recorded::ItemCreated
            | Recorded::ItemTitle
            | Recorded::ItemBody
            | Recorded::ItemInPlan => "item",
            Recorded::LinkRole => "link",
            Recorded::MilestoneCreated
            | Recorded::MilestoneRemoved
            | Recorded::MilestoneDue
            | Recorded::MilestoneDone
            | Recorded::MilestoneTitle => "milestone",
            Recorded::NoteCreated | Recorded::NoteRemoved => "note",
            Recorded::IndicatorValueCreated | Recorded::IndicatorValueRemoved => "indicator_value",
            Recorded::PlanCreated | Recorded::PlanTitle => "plan",
            Recorded::Setting(_) => "setting",
        }
    }

    /// The field as stored in the history.
    pub fn field(&self) -> &str {
        match self {
            Recorded::Item(f) => f.column(),
            Recorded::ItemCreated
            | Recorded::MilestoneCreated
            | Recorded::NoteCreated
            | Recorded::IndicatorValueCreated
            | Recorded::PlanCreated => "created",
            Recorded::MilestoneRemoved
            | Recorded::NoteRemoved
            | Recorded::IndicatorValueRemoved => "removed",
            Recorded::ItemTitle | Recorded::MilestoneTitle | Recorded::PlanTitle => "title",
            Recorded::ItemBody => "body",
            Recorded::ItemInPlan => "in_plan",
            Recorded::LinkRole => "role",
            Recorded::MilestoneDue => "due_on",
            Recorded::MilestoneDone => "done_on",
            Recorded::Setting(key) => key,
        }
    }

    /// What a history row (entity, field) records; `None` for a name this build does not
    /// know (a row written by a newer version).
    pub fn parse(entity: &str, field: &str) -> Option<Recorded> {
        Some(match (entity, field) {
            ("item", "created") => Recorded::ItemCreated,
            ("item", "title") => Recorded::ItemTitle,
            ("item", "body") => Recorded::ItemBody,
            ("item", "in_plan") => Recorded::ItemInPlan,
            ("item", column) => Recorded::Item(ItemField::from_column(column)?),
            ("link", "role") => Recorded::LinkRole,
            ("milestone", "created") => Recorded::MilestoneCreated,
            ("milestone", "removed") => Recorded::MilestoneRemoved,
            ("milestone", "due_on") => Recorded::MilestoneDue,
            ("milestone", "done_on") => Recorded::MilestoneDone,
            ("milestone", "title") => Recorded::MilestoneTitle,
            ("note", "created") => Recorded::NoteCreated,
            ("note", "removed") => Recorded::NoteRemoved,
            ("indicator_value", "created") => Recorded::IndicatorValueCreated,
            ("indicator_value", "removed") => Recorded::IndicatorValueRemoved,
            ("plan", "created") => Recorded::PlanCreated,
            ("plan", "title") => Recorded::PlanTitle,
            ("setting", key) => Recorded::Setting(key.to_string()),
            _ => return None,
        })
    }

    /// Whether the change brought an entity into being (undone by taking it away again).
    pub fn is_creation(&self) -> bool {
        self.field() == "created"
    }

    pub fn label(&self) -> Label {
        match self {
            Recorded::Item(f) => f.label(),
            Recorded::ItemCreated => l("新事项", "item added"),
            Recorded::ItemTitle => l("标题", "title"),
            Recorded::ItemBody => l("正文", "text"),
            Recorded::ItemInPlan => l("在规划中", "in plan"),
            Recorded::LinkRole => l("责任单位", "department"),
            Recorded::MilestoneCreated => l("新节点", "milestone added"),
            Recorded::MilestoneRemoved => l("节点删除", "milestone removed"),
            Recorded::MilestoneDue => l("节点截止", "milestone due"),
            Recorded::MilestoneDone => l("节点完成", "milestone done"),
            Recorded::MilestoneTitle => l("节点名称", "milestone title"),
            Recorded::NoteCreated => l("备注", "note"),
            Recorded::NoteRemoved => l("备注删除", "note removed"),
            Recorded::IndicatorValueCreated => l("指标值", "indicator value"),
            Recorded::IndicatorValueRemoved => l("指标值删除", "indicator value removed"),
            Recorded::PlanCreated => l("新规划", "plan added"),
            Recorded::PlanTitle => l("规划标题", "plan title"),
            Recorded::Setting(_) => l("设置", "setting"),
        }
    }
}

/// What `field` of `entity` is called; `None` for a name this build does not know, which
/// callers show as written.
pub fn field_label(entity: &str, field: &str) -> Option<Label> {
    Recorded::parse(entity, field).map(|r| r.label())
}

/// What an entity is called, for "新增节点：…" and "删除备注：…": 事项, 节点, 备注, 指标值,
/// 规划 (the labels of `created` say "added" themselves).
pub fn thing_label(entity: &str) -> Option<Label> {
    Some(match entity {
        "item" => l("事项", "item"),
        "milestone" => l("节点", "milestone"),
        "note" => l("备注", "note"),
        "indicator_value" => l("指标值", "indicator value"),
        "plan" => l("规划", "plan"),
        _ => return None,
    })
}

/// A stored value as people read it: link values "role@origin" become 牵头/配合 (规划/用户),
/// status and stage codes their names; anything else is returned as it is.
pub fn value_label(entity: &str, field: &str, value: &str, zh: bool) -> String {
    match Recorded::parse(entity, field) {
        Some(Recorded::LinkRole) => {
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
        Some(Recorded::Item(ItemField::Status)) => match value.parse::<Status>() {
            Ok(status) if zh => status.label_zh().to_string(),
            Ok(status) => status.as_str().to_string(),
            Err(_) => value.to_string(),
        },
        Some(Recorded::Item(ItemField::ProjectStage)) => match value.parse::<ProjectStage>() {
            Ok(stage) if zh => stage.label_zh().to_string(),
            Ok(stage) => stage.label_en().to_string(),
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
        assert_eq!(
            value_label("item", "project_stage", "new_start", true),
            "新开工"
        );
        assert_eq!(value_label("item", "owner", "王敏", true), "王敏");
    }

    #[test]
    fn every_recorded_kind_round_trips_through_its_stored_names() {
        let mut all: Vec<Recorded> = ItemField::ALL.into_iter().map(Recorded::Item).collect();
        all.extend([
            Recorded::ItemCreated,
            Recorded::ItemTitle,
            Recorded::ItemBody,
            Recorded::ItemInPlan,
            Recorded::LinkRole,
            Recorded::MilestoneCreated,
            Recorded::MilestoneRemoved,
            Recorded::MilestoneDue,
            Recorded::MilestoneDone,
            Recorded::MilestoneTitle,
            Recorded::NoteCreated,
            Recorded::NoteRemoved,
            Recorded::IndicatorValueCreated,
            Recorded::IndicatorValueRemoved,
            Recorded::PlanCreated,
            Recorded::PlanTitle,
            Recorded::Setting("yellow_lag".into()),
        ]);
        for r in all {
            assert_eq!(
                Recorded::parse(r.entity(), r.field()),
                Some(r.clone()),
                "{r:?}"
            );
        }
        assert_eq!(field_label("item", "colour"), None);
        assert_eq!(field_label("item", "owner").map(|l| l.zh), Some("负责人"));
    }
}
