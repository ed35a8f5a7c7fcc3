//! Every string the workbench shows comes from the store, where another program may have
//! written anything. ratatui passes zero-width bidi and format characters through with the
//! preceding character, so the loaded data is made safe once, here, before it is kept for
//! rendering (`sanitize::for_display`: borrowed, no copy, when already clean).

use crate::store::{HistoryEntry, IndicatorRow, ItemDetail, ItemRow};
use crate::text::sanitize::for_display;

fn fix(text: &mut String) {
    if let std::borrow::Cow::Owned(clean) = for_display(text) {
        *text = clean;
    }
}

fn fix_opt(text: &mut Option<String>) {
    if let Some(text) = text {
        fix(text);
    }
}

pub fn item(row: &mut ItemRow) {
    for text in [
        &mut row.plan_key,
        &mut row.plan,
        &mut row.kind,
        &mut row.title,
    ] {
        fix(text);
    }
    for text in [
        &mut row.box_title,
        &mut row.chapter,
        &mut row.section,
        &mut row.number,
        &mut row.group,
        &mut row.owner,
        &mut row.lead,
    ] {
        fix_opt(text);
    }
    row.co.iter_mut().for_each(fix);
}

pub fn history(entry: &mut HistoryEntry) {
    for text in [
        &mut entry.at,
        &mut entry.who,
        &mut entry.action,
        &mut entry.entity,
        &mut entry.field,
    ] {
        fix(text);
    }
    fix_opt(&mut entry.old);
    fix_opt(&mut entry.new);
}

pub fn indicator(row: &mut IndicatorRow) {
    for text in [&mut row.plan_key, &mut row.plan, &mut row.name] {
        fix(text);
    }
    for text in [
        &mut row.category,
        &mut row.unit,
        &mut row.baseline,
        &mut row.target,
    ] {
        fix_opt(text);
    }
    row.notes.iter_mut().for_each(fix);
    for value in &mut row.values {
        for text in [
            &mut value.period,
            &mut value.value,
            &mut value.who,
            &mut value.at,
        ] {
            fix(text);
        }
    }
}

pub fn detail(detail: &mut ItemDetail) {
    item(&mut detail.row);
    fix(&mut detail.body);
    for link in &mut detail.departments {
        for text in [&mut link.short, &mut link.official, &mut link.origin] {
            fix(text);
        }
    }
    for m in &mut detail.milestones {
        fix(&mut m.title);
        fix(&mut m.origin);
        for e in &mut m.extensions {
            for text in [&mut e.reason, &mut e.who, &mut e.at] {
                fix(text);
            }
        }
    }
    for n in &mut detail.notes {
        for text in [&mut n.author, &mut n.at, &mut n.text] {
            fix(text);
        }
    }
    detail.history.iter_mut().for_each(history);
    for (term, definition) in &mut detail.glossary {
        fix(term);
        fix(definition);
    }
}
