//! `x` on any screen: write what it shows to a file — the items listed or opened, a
//! roll-up, the indicators (`report::views`). The format follows the extension; an
//! existing file is never overwritten from the workbench; every message is in the
//! session's language and names the file by its absolute path.

use super::super::Session;
use super::super::action::ExportWhat;
use super::super::labels::Lang;
use crate::report::export::{Format, collect, write};
use crate::report::views::{write_indicators, write_rollup};
use crate::store::{ItemQuery, Store};
use crate::track::rollup::{rollup, total};
use std::path::Path;

/// Write `what` to `path`: the message to show, or why nothing was written.
pub fn export(
    store: &Store,
    session: &Session,
    what: ExportWhat,
    path: &Path,
) -> Result<String, String> {
    let lang = session.lang;
    let name = path.display().to_string();
    let format = Format::from_extension(&name).ok_or_else(|| {
        let names: Vec<String> = Format::extensions()
            .iter()
            .map(|e| format!(".{e}"))
            .collect();
        match lang {
            Lang::Zh => format!("{name}：文件名须以 {} 结尾；未导出", names.join("、")),
            Lang::En => format!(
                "{name}: use a name ending in {}; nothing written",
                names.join(", ")
            ),
        }
    })?;
    check_target(path, store.path(), lang)?;
    let failed = |lang: Lang| match lang {
        Lang::Zh => format!("读取数据失败，未导出 {name}"),
        Lang::En => format!("Could not read the data; {name} not written"),
    };
    let mut bytes = Vec::new();
    let what_said = match what {
        ExportWhat::Items(ids) => {
            let count = ids.len();
            let query = ItemQuery {
                ids: Some(ids.into_iter().collect()),
                ..ItemQuery::default()
            };
            let scope = lang.pick("工作台当前视图", "workbench view");
            let export = collect(store, &query, session.today, scope).map_err(|_| failed(lang))?;
            write(format, &export, &mut bytes).map_err(|_| failed(lang))?;
            match lang {
                Lang::Zh => format!("{count} 项"),
                Lang::En => format!("{count} items"),
            }
        }
        ExportWhat::Rollup(by) => {
            let items = store
                .summaries(&ItemQuery::default(), session.today)
                .map_err(|_| failed(lang))?;
            let rows = rollup(&items, by);
            match write_rollup(format, by, &rows, &total(&items), &mut bytes) {
                Some(result) => result.map_err(|_| failed(lang))?,
                // Excel: the workbook of every item, with this roll-up among its sheets.
                None => {
                    let scope = lang.pick("全部事项", "all items");
                    let export = collect(store, &ItemQuery::default(), session.today, scope)
                        .map_err(|_| failed(lang))?;
                    write(format, &export, &mut bytes).map_err(|_| failed(lang))?;
                }
            }
            format!(
                "{}（{} {}）",
                lang.pick(by.label_zh(), by.as_str()),
                rows.len(),
                lang.pick("行", "rows")
            )
        }
        ExportWhat::Indicators => {
            let rows = store.indicators(None).map_err(|_| failed(lang))?;
            match write_indicators(format, &rows, &mut bytes) {
                Some(result) => result.map_err(|_| failed(lang))?,
                None => {
                    return Err(match lang {
                        Lang::Zh => format!("指标可导出为 .csv 或 .json；未导出 {name}"),
                        Lang::En => {
                            format!("Indicators export as .csv or .json; {name} not written")
                        }
                    });
                }
            }
            match lang {
                Lang::Zh => format!("{} 项指标", rows.len()),
                Lang::En => format!("{} indicators", rows.len()),
            }
        }
    };
    crate::report::file::write_file(path, &bytes, false, store.path()).map_err(|_| match lang {
        Lang::Zh => format!("无法写入 {name}（目录不可写或磁盘已满）；未导出"),
        Lang::En => format!("Cannot write {name} (a directory not writable or a full disk)"),
    })?;
    Ok(format!("{what_said} → {name}"))
}

/// Refuse, in the session's language, a target that is the database, in a directory that
/// does not exist, or a file that exists.
fn check_target(path: &Path, db: &Path, lang: Lang) -> Result<(), String> {
    let name = path.display().to_string();
    if crate::report::file::check_new(path, false, db).is_ok() {
        return Ok(());
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Err(if path.exists() {
        match lang {
            Lang::Zh => format!("{name} 已存在，未覆盖；请换一个文件名"),
            Lang::En => format!("{name} exists and was not replaced; choose another name"),
        }
    } else if !dir.is_dir() {
        match lang {
            Lang::Zh => format!("目录 {} 不存在；未导出", dir.display()),
            Lang::En => format!(
                "The directory {} does not exist; nothing written",
                dir.display()
            ),
        }
    } else {
        match lang {
            Lang::Zh => format!("不能写入 {name}（它是数据库文件或其附属文件）"),
            Lang::En => format!("Cannot write {name}: it is the database or one of its files"),
        }
    })
}
