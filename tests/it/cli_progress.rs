//! Long work without a terminal (issue 19, part 4): in scripts — stderr a pipe, as here —
//! no progress bar and nothing extra anywhere. Every long command prints exactly what it
//! printed before progress was reported (the expected texts are those of the commit
//! before), stderr stays empty, and the files written are the bytes the library writes
//! without a reporter. `--quiet` changes nothing here either.

use crate::support::{cli, tasks_text};
use cli::Db;
use plantrack::report::export::{Format, collect, write};
use plantrack::store::{ItemQuery, Store};
use std::process::Output;

/// Run; expect exit 0 and an empty stderr; stdout.
fn quiet_ok(db: &Db, args: &[&str]) -> String {
    let out: Output = db.run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        cli::stderr(&out)
    );
    assert_eq!(cli::stderr(&out), "", "{args:?} wrote to stderr");
    String::from_utf8(out.stdout).unwrap()
}

/// "… in 0.4 s" and sizes vary from run to run.
fn without_timing(text: &str) -> String {
    let compacted =
        regex::Regex::new(r"compacted (.*): [0-9.]+ MB → [0-9.]+ MB in [0-9.]+ s").unwrap();
    compacted
        .replace_all(text, "compacted $1: X MB → Y MB in T s")
        .into_owned()
}

fn export_bytes(db: &Db, format: Format) -> Vec<u8> {
    let store = Store::open(&db.path, "alice").unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let export = collect(&store, &ItemQuery::default(), today, "全部事项").unwrap();
    let mut bytes = Vec::new();
    write(format, &export, &mut bytes).unwrap();
    bytes
}

#[test]
fn long_commands_print_what_they_printed_before_and_nothing_on_stderr() {
    let db = Db::new();
    let dir = db.dir.path();
    let text = tasks_text::write_tasks(dir, "分工方案.txt", 1_500);
    let shown = |name: &str| dir.join(name).display().to_string();

    // Import: the report, then the compaction a bulk load calls for.
    let out = quiet_ok(&db, &["import", "--yes", &shown("分工方案.txt")]);
    assert_eq!(
        without_timing(&out),
        format!(
            "湖南省2026年重点工作任务分工方案 (湖南省2026年重点工作任务分工方案): 已创建 created\n\
             \x20 items added 新增事项: 1500\n\
             \x20 text changes 文本变化: 0\n\
             \x20 items missing 已不在文本中: 0\n\
             \x20 links added 新增部门关联: 3000\n\
             \x20 milestones added 新增节点: 0\n\
             \x20 indicators added 新增指标: 0\n\
             compacted {}: X MB → Y MB in T s\n",
            db.path.display()
        )
    );
    // The dry run prints the same with and without --quiet.
    let dry = quiet_ok(&db, &["import", "--dry-run", &text.display().to_string()]);
    assert!(dry.starts_with("湖南省2026年重点工作任务分工方案"), "{dry}");
    assert_eq!(
        quiet_ok(
            &db,
            &[
                "--quiet",
                "import",
                "--dry-run",
                &text.display().to_string()
            ]
        ),
        dry
    );

    // Exports: one line, and the file holds what the library writes with no reporter.
    for (name, format) in [
        ("e.csv", Format::Csv),
        ("e.json", Format::Json),
        ("e.md", Format::Markdown),
    ] {
        let out = quiet_ok(&db, &["export", "-o", &shown(name)]);
        assert_eq!(
            out,
            format!("exported 1790 items as of 2026-11-23 to {}\n", shown(name))
        );
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            export_bytes(&db, format),
            "{name}"
        );
    }
    let json = quiet_ok(&db, &["export", "--format", "json", "-o", "-"]);
    assert_eq!(json.as_bytes(), export_bytes(&db, Format::Json));
    let out = quiet_ok(&db, &["export", "-o", &shown("e.xlsx")]);
    assert_eq!(
        out,
        format!(
            "exported 1790 items as of 2026-11-23 to {}\n",
            shown("e.xlsx")
        )
    );

    // Compact, backup, dump, load.
    let out = quiet_ok(&db, &["compact"]);
    assert_eq!(
        without_timing(&out),
        format!("compacted {}: X MB → Y MB in T s\n", db.path.display())
    );
    let out = quiet_ok(&db, &["backup", &shown("copy.db")]);
    assert_eq!(
        out,
        format!(
            "backed up {} to {} (integrity check: ok)\n",
            db.path.display(),
            shown("copy.db")
        )
    );
    quiet_ok(&db, &["set", "3", "--progress", "40"]);
    let out = quiet_ok(&db, &["dump", "-o", &shown("dump.json")]);
    assert_eq!(
        out,
        format!(
            "dumped 1790 items, 25 milestones, 0 notes, 0 indicator values, 3 changes to {}\n",
            shown("dump.json")
        )
    );
    let out = quiet_ok(&db, &["load", "--replace", &shown("dump.json")]);
    assert_eq!(
        out,
        format!(
            "loaded 1790 items (0 created, 0 cleared), 65 departments, 3144 links, 25 milestones, \
             0 notes, 0 indicator values, 0 settings, 3 changes (4966 history rows) into {}\n",
            db.path.display()
        )
    );
    // --quiet is a global flag every command takes, and changes nothing without a terminal.
    let list = quiet_ok(&db, &["list", "--text", "czt"]);
    assert_eq!(quiet_ok(&db, &["list", "--text", "czt", "--quiet"]), list);
    assert_eq!(quiet_ok(&db, &["-q", "list", "--text", "czt"]), list);
}

#[test]
fn a_failing_long_command_says_only_its_error() {
    let db = Db::new();
    let dump = db.dir.path().join("not-a-dump.json");
    std::fs::write(&dump, "{\"format\": 1").unwrap();
    let err = db.fails(["load", dump.to_str().unwrap()]);
    assert!(err.starts_with("plantrack: "), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("plantrack")).count(),
        1,
        "{err}"
    );
}
