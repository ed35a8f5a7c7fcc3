//! Field-level changes in words, in the session's language: what a save changed ("#4
//! 状态：进行中 → 已完成") and what an undo would do ("撤销：#1 删除备注 …").

use super::labels::Lang;
use crate::store::HistoryEntry;
use crate::text::width::truncate;
use crate::track::fields;

fn field(entry: &HistoryEntry, lang: Lang) -> String {
    match fields::field_label(&entry.entity, &entry.field) {
        Some(label) if entry.entity == "setting" => {
            format!("{} {}", lang.pick(label.zh, label.en), entry.field)
        }
        Some(label) => lang.pick(label.zh, label.en).to_string(),
        None => entry.field.clone(),
    }
}

/// What a created or removed entity is: "节点", else the field's label.
fn thing(entry: &HistoryEntry, lang: Lang) -> String {
    match fields::thing_label(&entry.entity) {
        Some(label) => lang.pick(label.zh, label.en).to_string(),
        None => field(entry, lang),
    }
}

fn value(entry: &HistoryEntry, value: Option<&str>, lang: Lang) -> String {
    match value {
        None => lang.pick("（空）", "(empty)").to_string(),
        Some(v) => {
            let shown = fields::value_label(&entry.entity, &entry.field, v, lang == Lang::Zh);
            let one_line = shown.replace('\n', " ⏎ ");
            truncate(&one_line, 24).into_owned()
        }
    }
}

fn place(entry: &HistoryEntry) -> String {
    entry.item.map(|i| format!("#{i} ")).unwrap_or_default()
}

/// One change as it was made: "#4 状态：进行中 → 已完成".
pub fn made(entry: &HistoryEntry, lang: Lang) -> String {
    let sep = lang.pick("：", ": ");
    if entry.field == "created" {
        let added = lang.pick("新增", "added ");
        return format!(
            "{}{added}{}{sep}{}",
            place(entry),
            thing(entry, lang),
            value(entry, entry.new.as_deref(), lang)
        );
    }
    format!(
        "{}{}{sep}{} → {}",
        place(entry),
        field(entry, lang),
        value(entry, entry.old.as_deref(), lang),
        value(entry, entry.new.as_deref(), lang)
    )
}

/// One change as reverting it would undo it: "#1 删除备注：…", "#8 进度：20 → 10".
pub fn reverted(entry: &HistoryEntry, lang: Lang) -> String {
    let sep = lang.pick("：", ": ");
    if entry.field == "created" {
        let removed = lang.pick("删除", "remove ");
        return format!(
            "{}{removed}{}{sep}{}",
            place(entry),
            thing(entry, lang),
            value(entry, entry.new.as_deref(), lang)
        );
    }
    format!(
        "{}{}{sep}{} → {}",
        place(entry),
        field(entry, lang),
        value(entry, entry.new.as_deref(), lang),
        value(entry, entry.old.as_deref(), lang)
    )
}

/// Several changes on one line: the first two, then how many more.
pub fn summary(
    entries: &[HistoryEntry],
    lang: Lang,
    each: fn(&HistoryEntry, Lang) -> String,
) -> String {
    let mut parts: Vec<String> = entries.iter().take(2).map(|e| each(e, lang)).collect();
    if entries.len() > 2 {
        parts.push(match lang {
            Lang::Zh => format!("等共 {} 项", entries.len()),
            Lang::En => format!("and {} more", entries.len() - 2),
        });
    }
    parts.join(lang.pick("；", "; "))
}
