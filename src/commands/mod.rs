//! One file per subcommand: glue from parsed arguments to the library, and printed output.
//!
//! Every string that comes from the database or a plan file goes through
//! [`term_safe`](crate::text::sanitize::term_safe) before it reaches the terminal (the
//! table writer and [`safe`] do it); `--json` output goes through `report::json`, which
//! escapes what a terminal could act on.

pub mod assign;
pub mod backup;
pub mod config;
pub mod departments;
pub mod dept;
pub mod export;
pub mod history;
pub mod import;
pub mod indicator;
pub mod list;
pub mod milestone;
pub mod note;
pub mod people;
pub mod progress;
pub mod report;
pub mod returns;
pub mod set;
pub mod show;
pub mod summary;

use crate::clock;
use crate::store::Store;
use crate::text::sanitize::{clean_imported, term_safe};
use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Local, NaiveDate};
use std::path::{Path, PathBuf};

/// Terminal width used when none is known (output piped, no `COLUMNS`).
pub const DEFAULT_WIDTH: usize = 80;

/// What every command that touches the database works with: the store, opened once, and
/// the date every rule is judged at, read once.
#[derive(Debug)]
pub struct Ctx {
    pub store: Store,
    pub today: NaiveDate,
    /// Cells available on a line.
    pub width: usize,
    /// Where long work tells how far it is (a bar on a terminal; nobody in scripts).
    pub progress: crate::progress::Shared,
}

impl Ctx {
    /// Read today, open the database (`--db`, or the default in the user's data
    /// directory) as `user`, and print the store's warnings to stderr.
    pub fn open(db: Option<&Path>, user: Option<&str>, width: Option<usize>) -> Result<Ctx> {
        let today = clock::today_from_env()?.date();
        let path = match db {
            Some(path) => path.to_path_buf(),
            None => default_db_path()?,
        };
        let user = user_name(user);
        let store =
            Store::open(&path, &user).with_context(|| format!("cannot open {}", path.display()))?;
        for warning in store.warnings() {
            eprintln!("plantrack: warning: {}", term_safe(warning));
        }
        Ok(Ctx {
            store,
            today,
            width: width.or_else(columns_from_env).unwrap_or(DEFAULT_WIDTH),
            progress: crate::progress::silent(),
        })
    }
}

/// The author of changes: `--user`/`PLANTRACK_USER`, else `$USER`, else `$LOGNAME`, else
/// the login name of the process's uid (cron, sudo and containers often set neither),
/// else "uid" and the number. Blank values count as unset.
pub fn user_name(given: Option<&str>) -> String {
    let env = |name: &str| std::env::var(name).ok();
    [given.map(str::to_string), env("USER"), env("LOGNAME")]
        .into_iter()
        .flatten()
        .map(|name| name.trim().to_string())
        .find(|name| !name.is_empty())
        .unwrap_or_else(login_name)
}

/// The passwd name of the real uid (through NSS, so LDAP accounts are found too).
fn login_name() -> String {
    let uid = nix::unistd::Uid::current();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(user)) if !user.name.trim().is_empty() => user.name,
        _ => format!("uid{uid}"),
    }
}

/// `COLUMNS`, when set to a sensible number.
fn columns_from_env() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()?
        .trim()
        .parse::<usize>()
        .ok()
        .filter(|w| (20..=1000).contains(w))
}

/// plantrack's directory in the user's XDG data directory (`~/.local/share/plantrack`).
fn data_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .data_dir()
            .join("plantrack"),
    )
}

/// plantrack's directory in the user's XDG state directory (`~/.local/state/plantrack`),
/// where the workbench journals edits waiting for the lock.
fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(
        etcetera::choose_base_strategy()
            .ok()?
            .state_dir()?
            .join("plantrack"),
    )
}

/// `plantrack.db` in the per-user data directory, which is created (private to the user)
/// when missing.
pub fn default_db_path() -> Result<PathBuf> {
    let dir = data_dir().ok_or_else(|| {
        anyhow!(
            "cannot find your home directory to keep the database in; choose a file with --db PATH"
        )
    })?;
    let dir = dir.as_path();
    if !dir.is_dir() {
        if let Some(parent) = dir.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        use std::os::unix::fs::DirBuilderExt;
        match std::fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(e).with_context(|| format!("cannot create {}", dir.display()));
            }
        }
    }
    Ok(dir.join("plantrack.db"))
}

/// Read at most `cap` bytes of `what` from `reader`: refused, with the cap, as soon as more
/// arrives (nothing larger is ever held in memory: `/dev/zero` or a runaway pipe cannot
/// exhaust it).
pub fn read_capped(reader: impl std::io::Read, cap: u64, what: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {what}"))?;
    if bytes.len() as u64 > cap {
        let size = if cap >= 1_000_000 {
            format!("{} MB", cap / 1_000_000)
        } else {
            format!("{} KB", cap.div_ceil(1000))
        };
        anyhow::bail!("{what} is larger than the {size} plantrack reads; nothing was read");
    }
    Ok(bytes)
}

/// Text from the database or a plan file, made safe for the terminal.
pub fn safe(text: &str) -> String {
    term_safe(text).into_owned()
}

/// The language of messages: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG).
pub fn message_lang(flag: Option<&str>) -> crate::text::lang::Lang {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let locale = env("LC_ALL")
        .or_else(|| env("LC_MESSAGES"))
        .or_else(|| env("LANG"));
    crate::text::lang::Lang::detect(flag, locale.as_deref())
}

/// The workbench's session: label language from `--lang` or the locale, colours unless
/// `NO_COLOR`, today and the user of the opened store.
pub fn workbench_session(ctx: &Ctx, lang: Option<&str>, ascii: bool) -> crate::tui::Session {
    crate::tui::Session {
        lang: language(lang),
        theme: crate::tui::Theme {
            ascii,
            ..crate::tui::Theme::from_env(std::env::var("NO_COLOR").ok().as_deref())
        },
        today: ctx.today,
        user: ctx.store.user().to_string(),
        journal: state_dir(),
        export_dir: std::env::current_dir().unwrap_or_default(),
    }
}

/// The language of labels: `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG).
pub fn language(flag: Option<&str>) -> crate::tui::Lang {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let locale = env("LC_ALL")
        .or_else(|| env("LC_MESSAGES"))
        .or_else(|| env("LANG"));
    crate::tui::Lang::detect(flag, locale.as_deref())
}

/// Text typed by the user for `what`, cleaned for storage: control characters, escape
/// sequences and invisible format characters are removed (and said so on stderr), space
/// around it trimmed. Refused when nothing printable is left.
pub fn clean_input(what: &str, text: &str) -> Result<String> {
    let cleaned = clean_imported(text);
    if cleaned.removed > 0 {
        eprintln!(
            "plantrack: note: removed {} control character(s) or escape sequence(s) from {what}",
            cleaned.removed
        );
    }
    let text = cleaned.text.trim().to_string();
    if text.is_empty() {
        anyhow::bail!(
            "{what}: nothing printable is left (control characters and escape sequences are removed)"
        );
    }
    Ok(text)
}

/// An optional value for display: the safe text, or "—".
pub fn or_dash(text: Option<&str>) -> String {
    match text {
        Some(text) if !text.trim().is_empty() => safe(text),
        _ => "—".to_string(),
    }
}

/// A date given to `flag`: strictly `YYYY-MM-DD` and a real calendar date.
pub fn parse_date(flag: &str, value: &str) -> Result<NaiveDate> {
    crate::track::limits::parse_date(value).ok_or_else(|| {
        let years = crate::track::limits::YEARS;
        anyhow!(
            "{flag}: expected a date that exists in the form YYYY-MM-DD, years {}–{} (e.g. 2026-03-31), got “{}”",
            years.start(),
            years.end(),
            safe(value)
        )
    })
}

/// The day of `--as-of`, when given.
pub fn as_of(value: Option<&str>) -> Result<Option<NaiveDate>> {
    value.map(|v| parse_date("--as-of", v)).transpose()
}

/// The item ID as shown everywhere: `#12`.
pub fn item_ref(id: i64) -> String {
    format!("#{id}")
}

/// A milestone ID as shown: `M5`.
pub fn milestone_ref(id: i64) -> String {
    format!("M{id}")
}

/// A stored timestamp (RFC 3339, UTC) in local time, to the minute.
pub fn local_time(at: &str) -> String {
    match DateTime::parse_from_rfc3339(at) {
        Ok(time) => time
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => safe(at),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn dates_name_the_flag() {
        assert_eq!(
            parse_date("--due", "2026-03-31").unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
        let err = parse_date("--due", "2026-02-30").unwrap_err().to_string();
        assert!(err.contains("--due") && err.contains("YYYY-MM-DD"), "{err}");
        assert!(parse_date("--on", "31/03/2026").is_err());
        assert!(
            parse_date("--on", "\u{1b}[2J")
                .unwrap_err()
                .to_string()
                .contains("^[")
        );
    }

    #[test]
    fn explicit_user_wins() {
        assert_eq!(user_name(Some(" alice ")), "alice");
        assert!(!user_name(Some("  ")).is_empty());
    }
}
