//! Criterion benchmarks of what a person waits for, at 1k and 10k items (100k with
//! `PLANTRACK_BENCH_FULL=1`). Names are `SIZE/what`, so `cargo bench --bench plantrack --
//! 10000/` runs one size. Databases are built once and cached under `target/bench-data/`
//! (see `support/fixture.rs`); the budgets at 100k are checked by `cargo bench --bench
//! budgets` (BENCHMARKS.md).
//!
//! Measured:
//! - `import`: parse the plan texts and import them into a new database (throughput in
//!   bytes of plan text);
//! - `first_frame`: `Store::open` + `tui::start` (the whole snapshot) + one 200×60 frame;
//! - `keypress/SCREEN`: `j` → the next frame on each of the six screens;
//! - `filter/apply`: Enter on `dept:省发展改革委` in the filter bar → frame;
//! - `search_typing/长株潭` and `search_typing/czt`: each keystroke of search-as-you-type →
//!   frame (mean per keystroke);
//! - `edit/commit_to_frame`: `+`/`-` on an item (saved, the changed row re-read) → frame;
//! - `rollups/workbench_after_edit`: one edit committed, then what the workbench does on
//!   `Saved` (re-read the changed item, move its counts in the live roll-ups, every
//!   roll-up row re-derived);
//! - `rollups/after_edit`: one edit, then every roll-up from scratch through the store
//!   (`Store::summaries` + `rollup` by plan, chapter, lead, co, owner + total), as
//!   `plantrack summary` does; `rollups/in_memory`: those roll-ups alone over rows
//!   already loaded;
//! - `search/…`: `Store::search_ids` for a 3-character Chinese term (FTS5 trigram), a
//!   2-character one (scan) and a pinyin query;
//! - `export/json`: `report::export::collect` + the JSON writer (what `plantrack export
//!   -o x.json` does).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/generate.rs"]
mod generate;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use plantrack::store::{ItemQuery, Store};
use plantrack::track::rollup::{RollupBy, rollup, total};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn full() -> bool {
    std::env::var("PLANTRACK_BENCH_FULL").is_ok_and(|v| v == "1")
}

fn sizes() -> Vec<usize> {
    if full() {
        vec![1_000, 10_000, 100_000]
    } else {
        vec![1_000, 10_000]
    }
}

fn benches(c: &mut Criterion) {
    let temp = tempfile::tempdir().unwrap();
    for n in sizes() {
        // Import has a throughput (bytes of plan text); the rest do not: two groups.
        let mut group = c.benchmark_group(n.to_string());
        if n >= 100_000 {
            group.measurement_time(Duration::from_secs(10));
        }
        import(&mut group, n, temp.path());
        group.finish();
        let mut group = c.benchmark_group(n.to_string());
        if n >= 100_000 {
            group.measurement_time(Duration::from_secs(10));
        }
        let db = fixture::working_copy(n, fixture::SEED, temp.path());
        first_frame(&mut group, &db);
        workbench(&mut group, &db);
        store_level(&mut group, &db, n);
        group.finish();
        fixture::remove_db(&db);
    }
}

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

fn import(group: &mut Group<'_>, n: usize, dir: &std::path::Path) {
    let (files, bytes) = fixture::plan_texts(n, fixture::SEED);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("import", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                let path = dir.join("import.db");
                fixture::remove_db(&path);
                // A new database is seeded with the embedded plans: not timed.
                let mut store = Store::open(&path, "bench").unwrap();
                let started = Instant::now();
                black_box(fixture::parse_and_import(&mut store, &files));
                spent += started.elapsed();
                drop(store);
                fixture::remove_db(&path);
            }
            spent
        });
    });
}

fn first_frame(group: &mut Group<'_>, db: &std::path::Path) {
    group.bench_function("first_frame", |b| {
        b.iter(|| {
            let mut store = Store::open(db, "bench").unwrap();
            let app = fixture::start(&mut store);
            let mut terminal = fixture::terminal();
            fixture::draw(&mut terminal, &app);
            black_box(&terminal);
        });
    });
}

fn workbench(group: &mut Group<'_>, db: &std::path::Path) {
    let mut store = Store::open(db, "bench").unwrap();
    let mut app = fixture::start(&mut store);
    let mut terminal = fixture::terminal();
    fixture::draw(&mut terminal, &app);
    let j = fixture::events("j").remove(0);

    // `j` → frame on every screen. Detail is reached with Enter from Items.
    for (name, setup) in [
        ("overview", "1"),
        ("items", "2"),
        ("detail", "2<Enter>"),
        ("by_chapter", "4"),
        ("by_department", "5"),
        ("indicators", "6"),
    ] {
        fixture::keys(&mut app, &mut store, setup);
        fixture::draw(&mut terminal, &app);
        group.bench_function(format!("keypress/{name}"), |b| {
            b.iter(|| fixture::key_to_frame(&mut app, &mut store, &mut terminal, j.clone()));
        });
    }

    // Filter bar: Enter applies `dept:省发展改革委`; cleared (untimed) after each.
    fixture::keys(&mut app, &mut store, "2");
    let enter = fixture::events("<Enter>").remove(0);
    group.bench_function("filter/apply", |b| {
        b.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                fixture::keys(&mut app, &mut store, "fdept:省发展改革委");
                let started = Instant::now();
                fixture::key_to_frame(&mut app, &mut store, &mut terminal, enter.clone());
                spent += started.elapsed();
                fixture::keys(&mut app, &mut store, ":clear<Enter>");
            }
            spent
        });
    });

    // Search as you type: each keystroke → frame; the search is cleared (untimed) after
    // the last character.
    for query in ["长株潭", "czt"] {
        let typed = fixture::events(query);
        group.bench_function(format!("search_typing/{query}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                let mut done = 0;
                while done < iters {
                    fixture::keys(&mut app, &mut store, "/");
                    for event in &typed {
                        if done == iters {
                            break;
                        }
                        let started = Instant::now();
                        fixture::key_to_frame(&mut app, &mut store, &mut terminal, event.clone());
                        spent += started.elapsed();
                        done += 1;
                    }
                    fixture::keys(&mut app, &mut store, "<Esc>:clear<Enter>");
                }
                spent
            });
        });
    }

    // An edit: `+` then `-` on the current item, so every press writes.
    let plus = fixture::events("+").remove(0);
    let minus = fixture::events("-").remove(0);
    let mut up = true;
    group.bench_function("edit/commit_to_frame", |b| {
        b.iter(|| {
            let key = if up { plus.clone() } else { minus.clone() };
            up = !up;
            fixture::key_to_frame(&mut app, &mut store, &mut terminal, key);
        });
    });

    // Every roll-up after an edit, in the workbench: the edit is committed outside the
    // timing, then `Saved` is handled (the changed row re-read, the live roll-ups moved).
    let id = app.data.items[app.data.items.len() / 2].id;
    let mut progress = 10u8;
    group.bench_function("rollups/workbench_after_edit", |b| {
        b.iter_custom(|iterations| {
            let mut spent = Duration::ZERO;
            for _ in 0..iterations {
                progress = if progress == 10 { 20 } else { 10 };
                fixture::set_progress(&mut store, id, progress);
                let started = Instant::now();
                plantrack::tui::dispatch(
                    &mut app,
                    &mut store,
                    plantrack::tui::Action::Saved(plantrack::tui::Saved::text(format!("#{id}"))),
                );
                spent += started.elapsed();
            }
            spent
        });
    });
}

fn store_level(group: &mut Group<'_>, db: &std::path::Path, n: usize) {
    let mut store = Store::open(db, "bench").unwrap();
    let today = fixture::today();
    let all = ItemQuery::default();
    let id = store.list(&all, today).unwrap()[n / 2].id;
    let mut progress = 10u8;
    group.bench_function("rollups/after_edit", |b| {
        b.iter(|| {
            progress = if progress == 10 { 20 } else { 10 };
            fixture::set_progress(&mut store, id, progress);
            let summaries = store.summaries(&all, today).unwrap();
            for by in RollupBy::ALL {
                black_box(rollup(&summaries, by));
            }
            black_box(total(&summaries));
        });
    });
    let summaries = store.summaries(&all, today).unwrap();
    group.bench_function("rollups/in_memory", |b| {
        b.iter(|| {
            for by in RollupBy::ALL {
                black_box(rollup(&summaries, by));
            }
            black_box(total(&summaries));
        });
    });
    for (name, query) in [
        ("substring_3char", "长株潭"),
        ("substring_2char", "株潭"),
        ("pinyin", "czt"),
    ] {
        group.bench_function(format!("search/{name}"), |b| {
            b.iter(|| black_box(store.search_ids(query).unwrap()));
        });
    }
    {
        group.bench_function("export/json", |b| {
            b.iter(|| {
                let export =
                    plantrack::report::export::collect(&store, &all, today, "全部事项").unwrap();
                let mut out = Vec::new();
                plantrack::report::export::write(
                    plantrack::report::export::Format::Json,
                    &export,
                    &mut out,
                )
                .unwrap();
                black_box(out.len())
            });
        });
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
}

criterion_group! {
    name = group;
    config = config();
    targets = benches
}
criterion_main!(group);
