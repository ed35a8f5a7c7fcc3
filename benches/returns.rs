//! Department returns at scale (issue 15): 100 department workbooks covering 10,000 items,
//! exported, filled in (every row: progress and 本期进展), and collected back, by the
//! `plantrack` binary itself (`returns export --dept`, once per department, then one
//! `returns collect` of all 100 files: what an office runs).
//!
//! ```sh
//! cargo bench --bench returns                              # 10k items, 100 departments
//! PLANTRACK_RETURNS_ITEMS=2000 cargo bench --bench returns # fewer items, for a quick look
//! ```
//!
//! Uses the cached tracked database of `benches/support/fixture.rs`, gives its first 10k
//! items to 100 departments (100 each, as lead), and prints how long exporting and
//! collecting took. It always exits 0: it reports (BENCHMARKS.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/generate.rs"]
mod generate;
#[path = "../tests/it/support/workbook.rs"]
mod workbook;

use plantrack::plan::Role;
use plantrack::store::{ItemQuery, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use workbook::{Book, Cell};

const DEPARTMENTS: usize = 100;

/// Run `plantrack` on `db` with `args`; its stdout (failing the bench on exit ≠ 0).
fn plantrack(db: &Path, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_plantrack"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env("PLANTRACK_USER", "督查处")
        .env("PLANTRACK_TODAY", fixture::today().to_string())
        .output()
        .unwrap();
    if !out.status.success() {
        fixture::fail(&format!(
            "plantrack {args:?}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn main() {
    let items: usize = std::env::var("PLANTRACK_RETURNS_ITEMS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let temp = tempfile::tempdir().unwrap();
    let db = fixture::working_copy(items, fixture::SEED, temp.path());
    let mut store = Store::open(&db, "督查处").unwrap();
    let ids: Vec<i64> = store
        .list(&ItemQuery::default(), fixture::today())
        .unwrap()
        .iter()
        .map(|r| r.id)
        .take(items)
        .collect();
    let per = ids.len().div_ceil(DEPARTMENTS);
    let names: Vec<String> = (1..=DEPARTMENTS)
        .map(|n| format!("督查测试单位{n:03}"))
        .collect();
    for (name, chunk) in names.iter().zip(ids.chunks(per)) {
        store
            .bulk_assign(chunk, None, Some((name, Role::Lead)))
            .unwrap();
    }
    drop(store);
    let dir = temp.path().join("returns");
    std::fs::create_dir_all(&dir).unwrap();
    let started = Instant::now();
    let mut files: Vec<PathBuf> = Vec::new();
    for name in &names {
        let path = dir.join(format!("{name}.xlsx"));
        plantrack(
            &db,
            &["returns", "export", "--dept", name, "-o"]
                .map(std::ffi::OsStr::new)
                .iter()
                .copied()
                .chain([path.as_os_str()])
                .collect::<Vec<_>>(),
        );
        files.push(path);
    }
    let exported = started.elapsed();
    // Fill in every row, as a department would.
    let mut rows = 0;
    for file in &files {
        let mut book = Book::open(file);
        let progress = book.column("事项", "进度(%)");
        let count = book.sheet("事项").len();
        for row in 1..count {
            let Cell::Number(p) = book.sheet("事项")[row][progress].clone() else {
                continue;
            };
            let next = if p >= 90.0 { p - 10.0 } else { p + 5.0 };
            book.set("事项", row, "进度(%)", Cell::Number(next));
            book.set(
                "事项",
                row,
                "本期进展",
                Cell::Text(format!("第{row}项本月推进顺利")),
            );
            rows += 1;
        }
        book.save(file);
    }
    let collect = |files: &[PathBuf]| {
        let mut args: Vec<&std::ffi::OsStr> =
            ["returns", "collect"].map(std::ffi::OsStr::new).to_vec();
        args.extend(files.iter().map(|f| f.as_os_str()));
        plantrack(&db, &args)
    };
    let started = Instant::now();
    let out = collect(&files);
    let collected = started.elapsed();
    let applied = out.matches("applied as change").count();
    println!(
        "returns: {} workbooks, {} items ({rows} rows filled in), seed {}",
        files.len(),
        ids.len(),
        fixture::SEED
    );
    println!(
        "  export, one `returns export --dept` per department: {:.2} s",
        exported.as_secs_f64()
    );
    println!(
        "  one `returns collect` of all {} (read + check + apply, one change each): {:.2} s, {applied} applied",
        files.len(),
        collected.as_secs_f64()
    );
    // Collecting the same files again changes nothing.
    let started = Instant::now();
    let out = collect(&files);
    let again = out.matches("applied as change").count();
    println!(
        "  collect again: {:.2} s, {again} applied (expected 0)",
        started.elapsed().as_secs_f64()
    );
}
