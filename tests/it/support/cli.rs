//! Running the built binary against a database in its own temporary directory.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::{Command, Output};

pub const TODAY: &str = "2026-11-23";

/// A database in its own temporary directory, and the binary run against it.
pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub user: String,
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

impl Db {
    pub fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("track.db");
        Db {
            dir,
            path,
            user: "alice".into(),
        }
    }

    /// The same database, as another person.
    pub fn as_user(&self, user: &str) -> Command {
        let mut command = self.bare();
        command.env("PLANTRACK_USER", user);
        command
    }

    /// The binary on this database, with no user given.
    pub fn bare(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_plantrack"));
        command
            .arg("--db")
            .arg(&self.path)
            .env_remove("PLANTRACK_DB")
            .env_remove("PLANTRACK_USER")
            .env_remove("COLUMNS")
            .env("PLANTRACK_TODAY", TODAY)
            // Never fall back on the real per-user directories.
            .env("XDG_DATA_HOME", self.dir.path().join("xdg-data"))
            .env("XDG_STATE_HOME", self.dir.path().join("xdg-state"));
        command
    }

    pub fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut command = self.as_user(&self.user);
        command.args(args);
        command
    }

    pub fn run<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command(args).output().expect("run plantrack")
    }

    /// Run, expect exit 0 and no panic; return stdout.
    pub fn ok<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<S> = args.into_iter().collect();
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.as_ref().to_string_lossy().into_owned())
            .collect();
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "plantrack {shown:?}: expected exit 0\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Run, expect exit 0, parse stdout as exactly one JSON document.
    pub fn json<I, S>(&self, args: I) -> Value
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document: {e}\n{text}"))
    }

    /// Run, expect exit 1 and no panic; return stderr.
    pub fn fails<I, S>(&self, args: I) -> String
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let out = self.run(args);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "expected exit 1\nstdout: {}\nstderr: {err}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    /// Run as if on `day` (changes are stamped on that day), expect exit 0; return stdout.
    pub fn on(&self, day: &str, args: &[&str]) -> String {
        let out = self
            .command(args)
            .env("PLANTRACK_TODAY", day)
            .output()
            .expect("run plantrack");
        assert_eq!(
            out.status.code(),
            Some(0),
            "plantrack {args:?} on {day}: {}",
            stderr(&out)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    pub fn show(&self, id: i64) -> Value {
        self.json(["show".to_string(), id.to_string(), "--json".into()])
    }

    /// Every item (in and out of the plan text) as `list --all --json` gives it.
    pub fn items(&self) -> Vec<Value> {
        self.json(["list", "--all", "--json"])
            .as_array()
            .expect("a JSON array of items")
            .clone()
    }
}
