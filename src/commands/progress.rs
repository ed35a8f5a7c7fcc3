//! The progress bar of long commands (`import`, `export`, `compact`, `backup`, `load`,
//! and any later one that takes a [`Shared`] reporter): one line on stderr, what is being
//! done in the user's language, how far, and an estimate of the time left.
//!
//! Shown only when stderr is a terminal and `--quiet` is not given: in scripts (stderr
//! a pipe or a file) the reporter is [`Silent`](crate::progress::Silent), which writes
//! nothing, so every command's output stays byte for byte what it was. Each stage's bar
//! is cleared when the stage ends, so nothing of it is left on the screen. Redraws are
//! limited to ten a second. The only module that names `indicatif`.

use crate::progress::{Progress, Shared, Stage, Unit, silent};
use crate::tui::Lang;
use indicatif::{HumanDuration, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::io::IsTerminal;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Redraws a second at most.
const REDRAWS_PER_SECOND: u8 = 10;

/// The reporter for a command: a bar on stderr when it is a terminal and not `quiet`,
/// otherwise one that tells no one.
pub fn reporter(quiet: bool, lang: Lang) -> Shared {
    if quiet || !std::io::stderr().is_terminal() {
        return silent();
    }
    Arc::new(Bar::new(lang))
}

/// A bar on stderr, one stage after another.
#[derive(Debug)]
pub struct Bar {
    lang: Lang,
    current: Mutex<ProgressBar>,
}

impl Bar {
    pub fn new(lang: Lang) -> Bar {
        Bar {
            lang,
            current: Mutex::new(ProgressBar::hidden()),
        }
    }

    fn with<T>(&self, f: impl FnOnce(&ProgressBar) -> T) -> T {
        f(&self.current.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn style(&self, stage: Stage, counted: bool) -> ProgressStyle {
        // ASCII only: block and box characters are drawn two cells wide by terminals set
        // to CJK "ambiguous width", and would break the line.
        let lang = self.lang;
        ProgressStyle::with_template(&template(stage, counted, lang))
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key(
                "left",
                move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = w.write_str(&time_left(state, lang));
                },
            )
            .progress_chars("=> ")
            .tick_chars("-\\|/ ")
    }
}

/// The line of a stage: what is done, then how far and the time left when counted, or
/// the time spent when not.
fn template(stage: Stage, counted: bool, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    if !counted {
        let elapsed = if zh { "已用 {elapsed}" } else { "{elapsed}" };
        return format!("{{spinner}} {{msg}}  {elapsed}");
    }
    let amount = match stage.unit() {
        Unit::Bytes => "{bytes}/{total_bytes}",
        Unit::Items if zh => "{human_pos}/{human_len} 项",
        Unit::Items => "{human_pos}/{human_len} items",
        Unit::Plans if zh => "{human_pos}/{human_len} 个规划",
        Unit::Plans => "{human_pos}/{human_len} plans",
        Unit::Rows if zh => "{human_pos}/{human_len} 条",
        Unit::Rows => "{human_pos}/{human_len} records",
    };
    format!("{{msg}} [{{wide_bar}}] {amount} {{percent:>3}}%  {{left}}")
}

/// The time left at the rate so far, once there is a rate to speak of (a twentieth of
/// the work and half a second): before, an estimate would say hours.
fn time_left(state: &ProgressState, lang: Lang) -> String {
    if state.fraction() < 0.05 || state.elapsed() < Duration::from_millis(500) {
        return String::new();
    }
    let left = format!("{:#}", HumanDuration(state.eta()));
    match lang {
        Lang::Zh => format!("约剩 {left}"),
        Lang::En => format!("about {left} left"),
    }
}

impl Progress for Bar {
    fn begin(&self, stage: Stage, total: Option<u64>) {
        let counted = total.is_some_and(|t| t > 0);
        let bar = ProgressBar::with_draw_target(
            total.filter(|_| counted),
            ProgressDrawTarget::stderr_with_hz(REDRAWS_PER_SECOND),
        )
        .with_style(self.style(stage, counted))
        .with_message(label(stage, self.lang));
        let mut current = self.current.lock().unwrap_or_else(PoisonError::into_inner);
        // The old line goes before the new one is drawn in its place.
        current.finish_and_clear();
        if !counted {
            bar.enable_steady_tick(Duration::from_millis(100));
        }
        bar.tick();
        *current = bar;
    }

    fn set(&self, done: u64) {
        self.with(|bar| bar.set_position(done));
    }

    fn add(&self, n: u64) {
        self.with(|bar| bar.inc(n));
    }

    fn end(&self) {
        self.with(ProgressBar::finish_and_clear);
    }
}

impl Drop for Bar {
    /// A command that fails mid-stage leaves no bar behind its error message.
    fn drop(&mut self) {
        self.with(ProgressBar::finish_and_clear);
    }
}

/// What the person is told is being done.
pub fn label(stage: Stage, lang: Lang) -> &'static str {
    let (zh, en) = match stage {
        Stage::ReadFiles => ("读取文件", "reading files"),
        Stage::Parse => ("解析规划文本", "parsing plan texts"),
        Stage::Match => ("对照已跟踪事项", "matching tracked items"),
        Stage::WriteItems => ("写入事项", "writing items"),
        Stage::Index => ("建立检索索引", "building the search index"),
        Stage::Compact => ("整理数据库文件", "compacting the database file"),
        Stage::Copy => ("复制数据库", "copying the database"),
        Stage::Check => ("校验副本", "checking the copy"),
        Stage::ReadDump => ("读取转储文件", "reading the dump"),
        Stage::CheckDump => ("检查转储内容", "checking the dump"),
        Stage::LoadRows => ("载入记录", "loading records"),
        Stage::Collect => ("读取事项", "reading items"),
        Stage::WriteExport => ("写出事项", "writing items"),
        Stage::Package => ("打包工作簿", "packing the workbook"),
    };
    lang.pick(zh, en)
}

/// A reader that tells `progress` the bytes read through it (a dump being parsed).
pub struct Reading<'a, R> {
    pub inner: R,
    pub progress: &'a dyn Progress,
}

impl<R: std::io::Read> std::io::Read for Reading<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.add(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_is_named_in_both_languages() {
        let stages = [
            Stage::ReadFiles,
            Stage::Parse,
            Stage::Match,
            Stage::WriteItems,
            Stage::Index,
            Stage::Compact,
            Stage::Copy,
            Stage::Check,
            Stage::ReadDump,
            Stage::CheckDump,
            Stage::LoadRows,
            Stage::Collect,
            Stage::WriteExport,
            Stage::Package,
        ];
        for stage in stages {
            assert!(label(stage, Lang::Zh).chars().any(|c| c > '\u{2e80}'));
            assert!(label(stage, Lang::En).is_ascii());
            for (counted, lang) in [(true, Lang::Zh), (true, Lang::En), (false, Lang::Zh)] {
                // Every template parses (a bad one would fall back to the default bar).
                let template = template(stage, counted, lang);
                assert!(
                    ProgressStyle::with_template(&template).is_ok(),
                    "{template}"
                );
            }
        }
    }

    #[test]
    fn not_a_terminal_means_no_bar() {
        // Under `cargo test` stderr is captured, not a terminal.
        if !std::io::stderr().is_terminal() {
            assert!(!reporter(false, Lang::Zh).visible());
        }
        assert!(!reporter(true, Lang::Zh).visible());
    }
}
