//! The layout of a dump (serialised as JSON by the caller). Plans, items and indicators
//! are named by their keys, departments by their official names; milestones, notes,
//! indicator values and changes by `n`, their position in the dump (1, 2, … in the order
//! they were created), which `load` makes their ids.

use crate::track::fields::{FieldValue, ItemField, ValueKind};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// An item's tracking fields by column name.
pub type Tracked = BTreeMap<String, Value>;

/// A field's value as the dump writes it.
pub fn to_json(value: Option<FieldValue>) -> Value {
    match value {
        None => Value::Null,
        Some(FieldValue::Text(t)) => Value::String(t),
        Some(FieldValue::Integer(n)) => Value::from(n),
        Some(FieldValue::Real(v)) => {
            serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
        }
    }
}

/// A field's value as the dump has it (`None` for null), or what is wrong with it.
pub fn from_json(field: ItemField, value: &Value) -> Result<Option<FieldValue>, String> {
    Ok(Some(match (field.kind(), value) {
        (_, Value::Null) => return Ok(None),
        (ValueKind::Text, Value::String(t)) => FieldValue::Text(t.clone()),
        (ValueKind::Integer, Value::Number(n)) if n.is_i64() => {
            FieldValue::Integer(n.as_i64().unwrap_or_default())
        }
        (ValueKind::Real, Value::Number(n)) => FieldValue::Real(n.as_f64().unwrap_or(f64::NAN)),
        (ValueKind::Text, _) => return Err("expected text or null".into()),
        (ValueKind::Integer, _) => return Err("expected a whole number".into()),
        (ValueKind::Real, _) => return Err("expected a number or null".into()),
    }))
}

/// A plan's or indicator's key and an item's or indicator's stable key: `[plan, key]`.
pub type Key = (String, String);

/// The whole tracking state of a database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dump {
    /// Always "plantrack-dump".
    pub format: String,
    pub version: u32,
    /// Schema version of the database it was taken from.
    pub schema: u32,
    /// The plans the state belongs to (by key; `load` needs them imported).
    pub plans: Vec<DumpPlan>,
    pub departments: Vec<DumpDepartment>,
    pub items: Vec<DumpItem>,
    pub milestones: Vec<DumpMilestone>,
    pub notes: Vec<DumpNote>,
    pub indicator_values: Vec<DumpIndicatorValue>,
    pub settings: Vec<DumpSetting>,
    pub changes: Vec<DumpChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpPlan {
    pub key: String,
    pub title: String,
    pub short_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpDepartment {
    pub official: String,
    pub short: String,
    /// Normalised names it is found by (official and short included), sorted.
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpLink {
    /// Official name.
    pub department: String,
    pub role: String,
    pub origin: String,
    pub position: i64,
}

/// An item: its plan text (to recreate it where the plan text lacks it) and tracking data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DumpItem {
    pub plan: String,
    pub stable_key: String,
    pub kind: String,
    pub box_number: Option<i64>,
    pub chapter: Option<String>,
    pub section: Option<String>,
    pub number: Option<String>,
    pub group: Option<String>,
    pub title: String,
    pub body: String,
    pub position: i64,
    pub in_plan: i64,
    /// The tracking fields (`track::fields::ItemField`: owner, status, progress, dates,
    /// project stage and investment), each under its column name, `null` when empty. Any
    /// other key lands here too, and `load` refuses it by name.
    #[serde(flatten)]
    pub tracked: Tracked,
    pub departments: Vec<DumpLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpExtension {
    pub from_due: String,
    pub to_due: String,
    pub reason: String,
    pub who: String,
    pub at: String,
    /// Set aside by an undo (kept for a redo). Written only when set.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpMilestone {
    /// Position in the dump, 1-based; the id `load` gives it.
    pub n: i64,
    pub item: Key,
    pub title: String,
    pub due_on: String,
    pub original_due: String,
    pub done_on: Option<String>,
    pub origin: String,
    pub plan_phrase: Option<String>,
    pub removed: i64,
    pub extensions: Vec<DumpExtension>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpNote {
    pub n: i64,
    pub item: Key,
    pub author: String,
    pub at: String,
    pub text: String,
    pub removed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpIndicatorValue {
    pub n: i64,
    pub indicator: Key,
    pub period: String,
    pub value: String,
    pub who: String,
    pub at: String,
    pub removed: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpSetting {
    pub key: String,
    pub value: String,
}

/// What a history row is about: a position (milestone, note, indicator value), a name
/// (department of a link, plan key) or a key (item).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Target {
    Number(i64),
    Name(String),
    Key(Key),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpHistory {
    pub item: Option<Key>,
    pub entity: String,
    pub target: Option<Target>,
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DumpChange {
    pub n: i64,
    pub at: String,
    pub who: String,
    pub action: String,
    pub undone_by: Option<i64>,
    pub undoes: Option<i64>,
    pub history: Vec<DumpHistory>,
}
