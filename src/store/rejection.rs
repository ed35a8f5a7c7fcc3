//! What the store refuses to do with what it was asked, as data ([`Rejection`]), so each
//! is said in the session's language: the workbench in Chinese, the command line in
//! English (its messages are English throughout).

use crate::text::lang::Lang;

/// A request the store turns down; nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// A date outside the years a plan may hold (`track::limits::YEARS`).
    DateOutOfRange {
        item: Option<i64>,
        date: String,
    },
    DueBeforeStart {
        item: i64,
        due: String,
        start: String,
    },
    /// A status and progress that do not go together (`track::status::consistent`).
    Inconsistent {
        item: i64,
        error: crate::track::TrackError,
    },
    MilestoneAlreadyDone {
        milestone: i64,
        done: String,
    },
    MilestoneDoneNotExtended {
        milestone: i64,
    },
    /// An extension must move the due date later.
    ExtensionNotLater {
        due: String,
        new_due: String,
    },
    NothingToUndo {
        user: String,
    },
    NothingToRedo {
        user: String,
    },
    /// The change an undo or redo was confirmed for is no longer the newest one.
    NoLongerShown {
        redo: bool,
        newer: i64,
    },
    /// A recorded change no undo reverses (an import, an unknown field).
    NotUndoable {
        entity: String,
        field: String,
        import: bool,
    },
    /// An indicator period that is neither a year nor a date.
    BadPeriod {
        text: String,
    },
    EmptyDepartmentName,
    NotLinked {
        department: String,
        item: i64,
    },
    UnknownThreshold {
        key: String,
    },
    ThresholdOutOfRange {
        key: String,
        limit: i64,
        value: i64,
    },
    /// A backup is written to a new file only.
    BackupExists {
        path: String,
    },
    BackupNameNotUtf8 {
        path: String,
    },
    /// A returned row names an item or milestone the database no longer has.
    ReturnedGone {
        milestone: bool,
        id: i64,
    },
    /// A returned workbook names a department the directory does not know.
    UnknownDepartment {
        name: String,
    },
}

fn item_ref(item: Option<i64>) -> String {
    item.map(|i| format!("#{i}: ")).unwrap_or_default()
}

impl Rejection {
    /// The message in `lang`; every one says that nothing was saved where that is news.
    pub fn message(&self, lang: Lang) -> String {
        let years = crate::track::limits::YEARS;
        let (first, last) = (years.start(), years.end());
        match (self, lang) {
            (Rejection::DateOutOfRange { item, date }, Lang::Zh) => format!(
                "{}{date} 不在规划可用的年份内（{first}–{last}）；未保存",
                item_ref(*item)
            ),
            (Rejection::DateOutOfRange { item, date }, Lang::En) => format!(
                "{}{date} is outside the years a plan may hold ({first}–{last}); nothing was saved",
                item_ref(*item)
            ),
            (Rejection::DueBeforeStart { item, due, start }, Lang::Zh) => {
                format!("#{item}：截止日期 {due} 早于开始日期 {start}；未保存")
            }
            (Rejection::DueBeforeStart { item, due, start }, Lang::En) => {
                format!(
                    "#{item}: the due date {due} is before the start {start}; nothing was saved"
                )
            }
            (Rejection::Inconsistent { item, error }, lang) => match lang {
                Lang::Zh => format!("#{item}：{}；未保存", error.message(lang)),
                Lang::En => format!("#{item}: {error}; nothing was saved"),
            },
            (Rejection::MilestoneAlreadyDone { milestone, done }, Lang::Zh) => {
                format!("节点 {milestone} 已于 {done} 完成")
            }
            (Rejection::MilestoneAlreadyDone { milestone, done }, Lang::En) => {
                format!("milestone {milestone} is already done (on {done})")
            }
            (Rejection::MilestoneDoneNotExtended { milestone }, Lang::Zh) => {
                format!("节点 {milestone} 已完成，不能延期")
            }
            (Rejection::MilestoneDoneNotExtended { milestone }, Lang::En) => {
                format!("milestone {milestone} is done; it cannot be extended")
            }
            (Rejection::ExtensionNotLater { due, new_due }, Lang::Zh) => {
                format!("延期须晚于现截止日期：{new_due} 不晚于 {due}")
            }
            (Rejection::ExtensionNotLater { due, new_due }, Lang::En) => format!(
                "an extension moves the due date later: {new_due} is not after the current due date {due}"
            ),
            (Rejection::NothingToUndo { user }, Lang::Zh) => format!("{user} 没有可撤销的修改"),
            (Rejection::NothingToUndo { user }, Lang::En) => {
                format!("{user} has no change left to undo")
            }
            (Rejection::NothingToRedo { user }, Lang::Zh) => format!("{user} 没有可重做的修改"),
            (Rejection::NothingToRedo { user }, Lang::En) => format!("{user} has nothing to redo"),
            (Rejection::NoLongerShown { redo, newer }, Lang::Zh) => format!(
                "要{}的修改已不是刚才显示的那一项（修改 {newer} 更新）；请重新查看",
                if *redo { "重做" } else { "撤销" }
            ),
            (Rejection::NoLongerShown { redo, newer }, Lang::En) => format!(
                "the change to {} is no longer the one shown (change {newer} is newer); look again",
                if *redo { "redo" } else { "undo" }
            ),
            (
                Rejection::NotUndoable {
                    entity,
                    field,
                    import,
                },
                Lang::Zh,
            ) => format!(
                "不能撤销对 {entity}.{field} 的修改{}",
                if *import { "：导入不可撤销" } else { "" }
            ),
            (
                Rejection::NotUndoable {
                    entity,
                    field,
                    import,
                },
                Lang::En,
            ) => format!(
                "cannot undo a change of {entity}.{field}{}",
                if *import {
                    ": imports are not undone"
                } else {
                    ""
                }
            ),
            (Rejection::BadPeriod { text }, Lang::Zh) => {
                format!("期间应为年份（如 2024）或日期（如 2024-06-30），输入的是“{text}”")
            }
            (Rejection::BadPeriod { text }, Lang::En) => {
                format!("a period is a year like 2024 or a date like 2024-06-30, not “{text}”")
            }
            (Rejection::EmptyDepartmentName, Lang::Zh) => "单位名称不能为空".to_string(),
            (Rejection::EmptyDepartmentName, Lang::En) => {
                "a department name cannot be empty".to_string()
            }
            (Rejection::NotLinked { department, item }, Lang::Zh) => {
                format!("{department} 不是事项 #{item} 的责任单位")
            }
            (Rejection::NotLinked { department, item }, Lang::En) => {
                format!("{department} is not linked to item {item}")
            }
            (Rejection::UnknownThreshold { key }, Lang::Zh) => {
                format!("没有阈值 {key}：可用 pace_tolerance、yellow_lag 或 due_soon_days")
            }
            (Rejection::UnknownThreshold { key }, Lang::En) => {
                format!("unknown threshold {key}: use pace_tolerance, yellow_lag or due_soon_days")
            }
            (Rejection::ThresholdOutOfRange { key, limit, value }, Lang::Zh) => {
                format!("{key} 应在 0 到 {limit} 之间，输入的是 {value}")
            }
            (Rejection::ThresholdOutOfRange { key, limit, value }, Lang::En) => {
                format!("{key} must be between 0 and {limit}, got {value}")
            }
            (Rejection::BackupExists { path }, Lang::Zh) => {
                format!("{path} 已存在；备份只写入新文件")
            }
            (Rejection::BackupExists { path }, Lang::En) => {
                format!("{path} exists; a backup is written to a new file")
            }
            (Rejection::BackupNameNotUtf8 { path }, Lang::Zh) => {
                format!("{path} 不是 UTF-8 文件名；请换一个备份文件名")
            }
            (Rejection::ReturnedGone { milestone, id }, Lang::Zh) => format!(
                "{}已不在数据库中（导出后被删除）；此行未采用",
                if *milestone {
                    format!("节点 M{id}")
                } else {
                    format!("事项 #{id}")
                }
            ),
            (Rejection::ReturnedGone { milestone, id }, Lang::En) => format!(
                "{} is no longer in the database (removed since the export); the row was not applied",
                if *milestone {
                    format!("milestone M{id}")
                } else {
                    format!("item #{id}")
                }
            ),
            (Rejection::UnknownDepartment { name }, Lang::Zh) => {
                format!("单位目录中没有“{name}”；未采用")
            }
            (Rejection::UnknownDepartment { name }, Lang::En) => {
                format!("the directory has no department “{name}”; nothing was applied")
            }
            (Rejection::BackupNameNotUtf8 { path }, Lang::En) => {
                format!("{path} is not a UTF-8 file name; choose another name for the backup")
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn every_rejection_reads_in_chinese_without_english_words() {
        let all = [
            Rejection::DateOutOfRange {
                item: Some(3),
                date: "2300-01-01".into(),
            },
            Rejection::MilestoneDoneNotExtended { milestone: 7 },
            Rejection::ExtensionNotLater {
                due: "2026-06-30".into(),
                new_due: "2026-05-01".into(),
            },
            Rejection::NothingToUndo {
                user: "王敏".into(),
            },
            Rejection::BadPeriod { text: "25".into() },
            Rejection::EmptyDepartmentName,
        ];
        for rejection in all {
            let zh = rejection.message(Lang::Zh);
            assert!(
                !zh.contains("nothing") && !zh.contains("is ") && !zh.contains("cannot"),
                "{zh}"
            );
            assert_ne!(zh, rejection.message(Lang::En));
        }
    }
}
