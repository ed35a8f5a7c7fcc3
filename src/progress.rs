//! Progress of long work (import, export, compact, backup, load; any later long command),
//! told by the code that does it to whoever shows it.
//!
//! The plan parser, the store and the report writers call a [`Progress`] at natural steps
//! (a file parsed, a plan's items written, a row loaded); they never draw, print or know
//! whether anyone is watching. `commands::progress` shows it as a bar on a terminal;
//! [`Silent`] drops it (scripts, tests, benches, the workbench). A reporter that is not
//! [`visible`](Progress::visible) lets the caller skip measuring altogether, so scripts
//! pay nothing.
//!
//! Owns: the stages of long work and their units. May not: draw, print, name a crate
//! that draws (the store and the parser stay free of UI).

use std::sync::Arc;

/// What a count of a stage counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Bytes,
    Items,
    Plans,
    Rows,
}

/// A step of long work, as the person waiting is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading plan files (bytes).
    ReadFiles,
    /// Parsing plan texts (bytes of the files parsed).
    Parse,
    /// Matching a text's items to the tracked ones (plans).
    Match,
    /// Writing imported items (items).
    WriteItems,
    /// Building the search index and the workbench's indexes (no count).
    Index,
    /// Rewriting the database file in order (bytes of file I/O, estimated total).
    Compact,
    /// Copying the database for a backup (bytes of the copy, estimated total).
    Copy,
    /// Checking a copy's integrity (bytes read, estimated total).
    Check,
    /// Reading a dump (bytes).
    ReadDump,
    /// Checking a dump before anything is replaced (no count).
    CheckDump,
    /// Loading a dump's records (rows).
    LoadRows,
    /// Reading the items to export (no count).
    Collect,
    /// Writing exported items (items).
    WriteExport,
    /// Packing a workbook into its file (no count).
    Package,
}

impl Stage {
    /// What this stage's counts count.
    pub fn unit(self) -> Unit {
        match self {
            Stage::ReadFiles
            | Stage::Parse
            | Stage::Compact
            | Stage::Copy
            | Stage::Check
            | Stage::ReadDump
            | Stage::Package => Unit::Bytes,
            Stage::Match => Unit::Plans,
            Stage::WriteItems | Stage::Collect | Stage::WriteExport => Unit::Items,
            Stage::Index | Stage::CheckDump | Stage::LoadRows => Unit::Rows,
        }
    }
}

/// Where long work reports how far it is. Calls are cheap enough for a loop body (a
/// reporter that draws limits itself to a few redraws a second); several threads may
/// report into one stage with [`add`](Progress::add).
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// `stage` begins; `total` in its [`Unit`], when known (else only time is shown).
    fn begin(&self, stage: Stage, total: Option<u64>);
    /// So much of the current stage is done.
    fn set(&self, done: u64);
    /// `n` more of the current stage are done.
    fn add(&self, n: u64);
    /// The current stage is over (a bar disappears: nothing of it stays on the screen).
    fn end(&self);
    /// Whether anyone sees this: when not, a caller may skip measuring.
    fn visible(&self) -> bool {
        true
    }
}

/// A reporter a command holds for its whole run (`commands::Ctx`).
pub type Shared = Arc<dyn Progress>;

/// Tells no one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {
    fn begin(&self, _: Stage, _: Option<u64>) {}
    fn set(&self, _: u64) {}
    fn add(&self, _: u64) {}
    fn end(&self) {}
    fn visible(&self) -> bool {
        false
    }
}

/// The reporter that tells no one, shared.
pub fn silent() -> Shared {
    Arc::new(Silent)
}

/// Report one unit of `stage` per element an iterator yields: for a loop over a known
/// number of things (exports, the returns a command collects).
pub struct Counted<'a, I> {
    inner: I,
    progress: &'a dyn Progress,
}

impl<'a, I: ExactSizeIterator> Counted<'a, I> {
    /// Begin `stage` with the iterator's length as its total; it ends when the iterator
    /// is exhausted.
    pub fn new(stage: Stage, inner: I, progress: &'a dyn Progress) -> Self {
        progress.begin(stage, Some(inner.len() as u64));
        Counted { inner, progress }
    }
}

impl<I: Iterator> Iterator for Counted<'_, I> {
    type Item = I::Item;

    fn next(&mut self) -> Option<I::Item> {
        let next = self.inner.next();
        match next {
            Some(_) => self.progress.add(1),
            None => self.progress.end(),
        }
        next
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Records every call, for tests of the code that reports.
    #[derive(Debug, Default)]
    struct Log(Mutex<Vec<String>>);

    impl Progress for Log {
        fn begin(&self, stage: Stage, total: Option<u64>) {
            self.0
                .lock()
                .unwrap()
                .push(format!("begin {stage:?} {total:?}"));
        }
        fn set(&self, done: u64) {
            self.0.lock().unwrap().push(format!("set {done}"));
        }
        fn add(&self, n: u64) {
            self.0.lock().unwrap().push(format!("add {n}"));
        }
        fn end(&self) {
            self.0.lock().unwrap().push("end".into());
        }
    }

    #[test]
    fn counted_reports_each_element_and_ends() {
        let log = Log::default();
        let sum: i32 = Counted::new(Stage::WriteExport, [1, 2, 3].iter(), &log).sum();
        assert_eq!(sum, 6);
        assert_eq!(
            log.0.lock().unwrap().join("; "),
            "begin WriteExport Some(3); add 1; add 1; add 1; end"
        );
    }

    #[test]
    fn silent_is_invisible() {
        assert!(!silent().visible());
        assert!(Log::default().visible());
    }
}
