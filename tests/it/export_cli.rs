//! `plantrack export` through the built binary on a fresh temporary database: each format
//! in one command (as the README shows it), the format told by the file name, `list`
//! filters, stdout, and the errors a user meets.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Db {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("track.db");
        Db { dir, path }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_plantrack"))
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .env_remove("PLANTRACK_DB")
            .env("PLANTRACK_TODAY", "2026-11-23")
            .env("PLANTRACK_USER", "alice")
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "plantrack {args:?}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_ne!(out.status.code(), Some(0), "plantrack {args:?} succeeded");
        String::from_utf8(out.stderr).unwrap()
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).expect("BOM");
    csv::Reader::from_reader(body)
        .records()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn every_format_is_one_command() {
    let db = Db::new();
    db.ok(&["set", "22", "--owner", "张三", "--progress", "40"]);
    for (name, magic) in [
        ("进展.xlsx", &b"PK"[..]),
        ("进展.csv", &[0xEF, 0xBB, 0xBF][..]),
        ("进展.md", "# 规划实施进展简报".as_bytes()),
        ("进展.json", &b"{"[..]),
    ] {
        let path = db.file(name);
        let said = db.ok(&["export", "-o", arg(&path)]);
        assert!(
            said.starts_with("exported 290 items as of 2026-11-23 to "),
            "{said}"
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn list_filters_apply_to_exports() {
    let db = Db::new();
    db.ok(&["set", "22", "--owner", "张三"]);
    let path = db.file("red.csv");
    db.ok(&[
        "export",
        "--format",
        "csv",
        "-o",
        arg(&path),
        "--plan",
        "hn-czh-14",
        "--light",
        "red",
    ]);
    let rows = csv_rows(&std::fs::read(&path).unwrap());
    let listed = db.ok(&["list", "--plan", "hn-czh-14", "--light", "red", "--json"]);
    let listed: Vec<serde_json::Value> = serde_json::from_str(&listed).unwrap();
    assert_eq!(rows.len(), listed.len());
    assert!(
        rows.iter()
            .all(|r| &r[1] == "湖南“十四五”新型城镇化规划" && &r[13] == "红")
    );

    let mine = db.ok(&["export", "--format", "json", "-o", "-", "--owner", "张三"]);
    let mine: serde_json::Value = serde_json::from_str(&mine).unwrap();
    assert_eq!(mine["items"].as_array().unwrap().len(), 1);
    assert_eq!(mine["items"][0]["id"], 22);
    assert_eq!(mine["scope"], "负责人“张三”");

    let brief = db.ok(&["export", "--format", "md", "-o", "-", "--plan", "zz-czh-14"]);
    assert!(
        brief.contains("范围：规划“zz-czh-14”；共 27 项。"),
        "{brief}"
    );
    assert!(brief.contains("### 株洲“十四五”新型城镇化规划"));
    assert!(!brief.contains("### 湖南“十四五”新型城镇化规划"));
}

#[test]
fn stdout_and_errors() {
    let db = Db::new();
    let csv = db.run(&[
        "export",
        "--format",
        "csv",
        "-o",
        "-",
        "--box",
        "5",
        "--plan",
        "hn-czh-14",
    ]);
    assert_eq!(csv.status.code(), Some(0));
    assert!(!csv_rows(&csv.stdout).is_empty());

    let err = db.fails(&["export", "-o", arg(&db.file("report.txt"))]);
    assert!(err.contains("--format"), "{err}");
    let err = db.fails(&["export", "-o", arg(&db.file("x.csv")), "--light", "purple"]);
    assert!(err.contains("--light"), "{err}");
    let err = db.fails(&["export", "-o", arg(&db.file("no/such/dir/x.csv"))]);
    assert!(err.contains("cannot write"), "{err}");
    // Never over the database itself, which others may be using.
    let err = db.fails(&["export", "--format", "csv", "-o", arg(&db.path)]);
    assert!(err.contains("is the database"), "{err}");
    db.ok(&["list", "--box", "5", "--plan", "hn-czh-14"]);
    // An existing export is replaced.
    let path = db.file("again.md");
    db.ok(&["export", "-o", arg(&path)]);
    db.ok(&["export", "-o", arg(&path), "--plan", "zz-czh-14"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("共 27 项"), "{text}");
}
