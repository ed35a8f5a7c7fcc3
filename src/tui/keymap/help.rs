//! What the keymap table tells people: the rows of the help screen (`?`) and the key-hint
//! line at the bottom, both from the bindings themselves.

use super::{BINDINGS, ScreenId, applies};
use crate::tui::labels::Lang;

/// The rows of the help screen for `screen`: (keys, description), once per description.
/// The keys are the bindings' own, so the help cannot disagree with them; bindings that
/// share a description share a row (the number keys read `1-7`).
pub fn help(screen: ScreenId, lang: Lang) -> Vec<(String, String)> {
    let mut rows: Vec<(Vec<String>, &'static str)> = Vec::new();
    for b in BINDINGS.iter().filter(|b| applies(b.scope, screen)) {
        let keys = b.codes.iter().filter(|k| k.shown).map(|k| k.name());
        let what = b.help.get(lang);
        match rows.iter_mut().find(|(_, w)| *w == what) {
            Some((shown, _)) => shown.extend(keys),
            None => rows.push((keys.collect(), what)),
        }
    }
    rows.into_iter()
        .map(|(keys, what)| (key_list(&keys), described(what)))
        .collect()
}

/// The key-hint line of `screen` in `width` cells: `q Esc 返回  ? 帮助  / 搜索 …`, from
/// the bindings marked with a hint, with the help's own keys, in the table's order; the
/// entries that do not fit whole are left to the help (`?`, always among the first).
pub fn hints(screen: ScreenId, lang: Lang, width: usize) -> String {
    let mut line = String::new();
    for b in BINDINGS.iter().filter(|b| applies(b.scope, screen)) {
        let Some(hint) = b.hint else { continue };
        let keys: Vec<String> = b
            .codes
            .iter()
            .filter(|k| k.shown)
            .map(|k| k.name())
            .collect();
        let entry = format!("{} {}", key_list(&keys), hint.get(lang));
        let gap = if line.is_empty() { "" } else { "  " };
        if crate::text::width::display_width(&line)
            + gap.len()
            + crate::text::width::display_width(&entry)
            <= width
        {
            line.push_str(gap);
            line.push_str(&entry);
        }
    }
    line
}

/// The key-hint line while an input is open (`note`: the multi-line note editor).
pub fn input_hints(note: bool, lang: Lang) -> &'static str {
    match note {
        true => lang.pick(
            "Ctrl-S 保存  Enter 换行  Esc 关闭（留草稿）  Ctrl-C 退出",
            "Ctrl-S save  Enter new line  Esc close (keeps a draft)  Ctrl-C quit",
        ),
        false => lang.pick(
            "Enter 确定  Esc 取消  Tab 补全  Ctrl-U 清空",
            "Enter ok  Esc cancel  Tab complete  Ctrl-U clear",
        ),
    }
}

/// Keys as the help writes them: `j Down`, or a run of digits as `1-7`.
fn key_list(keys: &[String]) -> String {
    let digits: Option<Vec<u32>> = keys
        .iter()
        .map(|k| match k.as_bytes() {
            [d] if d.is_ascii_digit() => Some(u32::from(d - b'0')),
            _ => None,
        })
        .collect();
    match digits.as_deref() {
        Some([first, .., last]) if keys.len() > 2 && last - first + 1 == keys.len() as u32 => {
            format!("{first}-{last}")
        }
        _ => keys.join(" "),
    }
}

/// A description with the export formats filled in from the exporter's own list.
fn described(what: &str) -> String {
    what.replace(
        "{formats}",
        &crate::report::export::Format::extensions().join("/"),
    )
}
