//! The synthetic data as files, for the comparison script and for checking the generator.
//!
//! ```sh
//! cargo bench --bench datagen -- verify 10000        # plan_text parses back to the model
//! cargo bench --bench datagen -- stats 100000        # sizes, chapters, departments, 长株潭 hits
//! cargo bench --bench datagen -- db 10000            # build (or reuse) the cached tracked db; prints its path
//! cargo bench --bench datagen -- texts 10000         # write the plan texts; prints their directory
//! cargo bench --bench datagen -- taskwarrior 10000   # the items as `task import` JSON lines
//! ```
//!
//! A seed may follow the size (default 42).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/fixture.rs"]
mod fixture;
#[path = "support/generate.rs"]
mod generate;

use std::io::Write;

fn main() {
    // `cargo bench` passes `--bench`; ignore flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(command) = args.first() else {
        eprintln!("usage: datagen verify|stats|db|texts|taskwarrior ITEMS [SEED]");
        return;
    };
    let items: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(fixture::SEED);
    match command.as_str() {
        "verify" => verify(items, seed),
        "stats" => stats(items, seed),
        "db" => println!("{}", fixture::tracked_db(items, seed).display()),
        "texts" => {
            let (files, bytes) = fixture::plan_texts(items, seed);
            eprintln!("{} files, {bytes} bytes", files.len());
            if let Some(dir) = files.first().and_then(|f| f.parent()) {
                println!("{}", dir.display());
            }
        }
        "taskwarrior" => taskwarrior(items, seed),
        other => {
            eprintln!("unknown command {other}");
            std::process::exit(2);
        }
    }
}

/// Every plan written as text and parsed back gives the same items.
fn verify(items: usize, seed: u64) {
    let plans = generate::plans(items, seed);
    let mut bad = 0;
    for plan in &plans {
        let text = generate::plan_text(plan);
        let source = plan.sources[0].clone();
        let doc = plantrack::plan::parse_text(&text, plantrack::plan::TextEncoding::Utf8, &source)
            .unwrap_or_else(|e| panic!("{source}: {e}"));
        let parsed = plantrack::plan::merge_renditions(vec![doc]);
        let want = generate::item_facts(plan);
        let got = generate::item_facts(&parsed[0]);
        if parsed[0].plan.title != plan.plan.title {
            eprintln!(
                "{source}: title {} ≠ {}",
                parsed[0].plan.title, plan.plan.title
            );
            bad += 1;
        }
        if want.len() != got.len() {
            eprintln!(
                "{source}: {} items parsed, {} generated",
                got.len(),
                want.len()
            );
            bad += 1;
        }
        for (i, (w, g)) in want.iter().zip(&got).enumerate() {
            if w != g {
                eprintln!("{source} item {i}:\n  generated {w:?}\n  parsed    {g:?}");
                bad += 1;
                break;
            }
        }
        if !parsed[0].warnings.is_empty() {
            eprintln!(
                "{source}: {} warnings, first: {:?}",
                parsed[0].warnings.len(),
                parsed[0].warnings[0]
            );
        }
    }
    println!(
        "verify: {} plans, {} items, {bad} differences",
        plans.len(),
        generate::item_count(&plans)
    );
    if bad > 0 {
        std::process::exit(1);
    }
}

fn stats(items: usize, seed: u64) {
    let started = std::time::Instant::now();
    let plans = generate::plans(items, seed);
    let generated = started.elapsed();
    let facts: Vec<_> = plans.iter().flat_map(generate::item_facts).collect();
    let chapters: std::collections::HashSet<(usize, Option<String>)> = plans
        .iter()
        .enumerate()
        .flat_map(|(i, p)| generate::item_facts(p).into_iter().map(move |f| (i, f.0)))
        .collect();
    let title_chars: usize = facts.iter().map(|f| f.1.chars().count()).sum();
    let body_chars: usize = facts.iter().map(|f| f.2.chars().count()).sum();
    let czt = facts.iter().filter(|f| f.1.contains("长株潭")).count();
    let with_depts = facts.iter().filter(|f| !f.3.is_empty()).count();
    let links: usize = facts.iter().map(|f| f.3.len()).sum();
    let milestones: usize = facts.iter().map(|f| f.4.len()).sum();
    let several = facts.iter().filter(|f| f.4.len() >= 2).count();
    let text_bytes: usize = plans.iter().map(|p| generate::plan_text(p).len()).sum();
    println!("items {}", facts.len());
    println!("plans {}", plans.len());
    println!("chapters {}", chapters.len());
    println!(
        "title chars mean {:.1}, body chars mean {:.1}",
        title_chars as f64 / facts.len() as f64,
        body_chars as f64 / facts.len() as f64
    );
    println!("titles with 长株潭 {czt}");
    println!("items with departments (key tasks) {with_depts}, links {links}");
    println!("milestones {milestones}, items with 2+ {several}");
    println!("plan text {:.1} MB", text_bytes as f64 / 1e6);
    println!("generated in {:.2} s", generated.as_secs_f64());
}

/// Taskwarrior `task import` lines: description = title, project = plan.chapter,
/// tags = departments, due = the first milestone.
fn taskwarrior(items: usize, seed: u64) {
    let plans = generate::plans(items, seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rng = generate::Rng::new(seed ^ 0x7477);
    for (i, item) in generate::flat_items(&plans).iter().enumerate() {
        let priority = ["H", "M", "L"][rng.below(3)];
        let mut task = serde_json::json!({
            "uuid": uuid(i, seed),
            "status": "pending",
            "entry": "20250101T000000Z",
            "description": item.title,
            "project": item.chapter,
            "priority": priority,
        });
        if !item.departments.is_empty() {
            task["tags"] = serde_json::json!(item.departments);
        }
        if let Some(due) = item.due {
            task["due"] = serde_json::json!(due.format("%Y%m%dT000000Z").to_string());
        }
        writeln!(out, "{task}").unwrap();
    }
}

/// A deterministic v4-shaped UUID.
fn uuid(i: usize, seed: u64) -> String {
    let mut rng = generate::Rng::new(seed.wrapping_add(i as u64 * 0x9E37));
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}
