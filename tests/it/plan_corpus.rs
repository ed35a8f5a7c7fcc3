//! The importer against real public documents nobody on the team wrote (`tests/corpus/`,
//! sources in its README.md): 规划, 实施意见, 通知, 要点, 报告, 分工方案 … from many issuers.
//!
//! Each `<slug>.txt` comes with `<slug>.expect.toml`, read by hand (line numbers refer to the
//! text, 1-based): the title, the tasks (number, title, lead and co-responsible departments,
//! deadlines), the 专栏 with their items, indicator rows and glossary terms. The score of a
//! text is the share of these hand-read units the importer finds:
//! - the title (same characters, punctuation aside);
//! - each task, found at its line or by its title, with exactly the lead and co departments
//!   read by hand (a task found with wrong departments does not count);
//! - each deadline of a task (its due date);
//! - each 专栏 (by number, and title when one is written) and each of its items (by title);
//! - each indicator row (name, unit, baseline, target and 属性 all as written);
//! - each glossary term.
//!
//! Texts are in two sets, as the issue measures them: `tasks` (task lists, 意见, 通知, work
//! reports) and `plans` (plans with 专栏 and indicator tables). A few texts of each set were
//! held out: the rules were developed on the others and never looked at these (`HELD_OUT`);
//! their score is reported separately, and only the texts developed on must reach 90% per
//! set. `cargo test --test it plan_corpus:: -- --nocapture` prints the table;
//! `PLANTRACK_CORPUS_VERBOSE=1` also lists every unit missed (`PLANTRACK_CORPUS_ONLY=slug`
//! for some texts only), `PLANTRACK_CORPUS_DUMP=slug` prints what was read, and
//! `PLANTRACK_CORPUS_SKIP_HELD_OUT=1` leaves the held-out texts unscored while working
//! (`PLANTRACK_CORPUS_SHOW_HELD_OUT=1` lists their misses once the round is over).
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use plantrack::plan::{self, ParsedDocument, Role, title_key};

#[path = "../corpus/dump.rs"]
mod dump;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Texts kept out of development (see the module documentation).
const HELD_OUT: &[&str] = &[
    "fujian-2024-gaozhiliang-chongdian-jichu-sheshi-shishi-fangan",
    "hunan-2024-gongxin-lingyu-shebei-gengxin-shishi-fangan",
    "qianjiang-2022-nengyuan-baozhang-shisiwu-guihua",
    "shandong-2026-xinnengyuan-xiaona-xingdong-fangan",
    "shenzhen-2024-tandafeng-shidian-shishi-fangan",
];

/// Lowest score each set may reach (the acceptance bar of the issue).
const SET_FLOOR: f64 = 0.90;

/// Per-text floors (`tests/corpus/floors.toml`): found units over hand-read units today.
fn floors() -> BTreeMap<String, [usize; 2]> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/floors.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Debug, Deserialize)]
struct Expect {
    slug: String,
    set: String,
    title: String,
    #[serde(default)]
    task: Vec<ExpectTask>,
    #[serde(default, rename = "box")]
    boxes: Vec<ExpectBox>,
    #[serde(default)]
    indicator: Vec<ExpectIndicator>,
    #[serde(default)]
    glossary: Vec<ExpectTerm>,
}

#[derive(Debug, Deserialize)]
struct ExpectTask {
    line: usize,
    #[serde(default)]
    number: String,
    title: String,
    #[serde(default)]
    lead: Vec<String>,
    #[serde(default)]
    co: Vec<String>,
    #[serde(default)]
    deadlines: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectBox {
    number: u32,
    #[serde(default)]
    title: String,
    #[serde(default)]
    items: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ExpectIndicator {
    name: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    baseline: String,
    #[serde(default)]
    target: String,
    #[serde(default)]
    attribute: String,
}

#[derive(Debug, Deserialize)]
struct ExpectTerm {
    term: String,
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("PLANTRACK_CORPUS_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus"),
        PathBuf::from,
    )
}

fn verbose() -> bool {
    std::env::var_os("PLANTRACK_CORPUS_VERBOSE").is_some()
}

/// `PLANTRACK_CORPUS_ONLY=part-of-a-slug`: list the misses of the matching texts only.
fn listed(slug: &str) -> bool {
    std::env::var("PLANTRACK_CORPUS_ONLY").map_or(true, |only| slug.contains(&only))
}

/// `PLANTRACK_CORPUS_SKIP_HELD_OUT=1`: leave the held-out texts unparsed and unscored, so
/// that working on the others does not show their scores.
fn skip_held_out() -> bool {
    std::env::var_os("PLANTRACK_CORPUS_SKIP_HELD_OUT").is_some()
}

/// `PLANTRACK_CORPUS_SHOW_HELD_OUT=1`: list the held-out texts' misses too — for the report
/// at the end of a round, once their score has been taken.
fn show_held_out() -> bool {
    std::env::var_os("PLANTRACK_CORPUS_SHOW_HELD_OUT").is_some()
}

/// Characters only: titles compare without punctuation, spaces or brackets.
fn key(text: &str) -> String {
    title_key(text)
}

/// Two titles name the same thing: equal, or one starts with the other (a title read up to
/// the first comma against one read up to the first full stop).
fn same_title(found: &str, expected: &str) -> bool {
    let (a, b) = (key(found), key(expected));
    if a.is_empty() || b.is_empty() {
        return a == b;
    }
    let shorter = a.chars().count().min(b.chars().count());
    a == b || (shorter >= 4 && (a.starts_with(&b) || b.starts_with(&a)))
}

/// A value cell as compared: "-" and "—" stand for no value.
fn value(text: &str) -> String {
    let squashed: String = text.split_whitespace().collect();
    match squashed.as_str() {
        "-" | "—" | "－" | "/" | "——" => String::new(),
        _ => squashed,
    }
}

/// Hand-read units of one text, and which were found.
#[derive(Default)]
struct Score {
    found: usize,
    total: usize,
    missed: Vec<String>,
    /// What the importer found beyond the hand-read units (tasks only).
    extra: Vec<String>,
}

impl Score {
    fn unit(&mut self, ok: bool, what: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.found += 1;
        } else {
            self.missed.push(what());
        }
    }

    fn ratio(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.found as f64 / self.total as f64
        }
    }
}

fn names(task: &plan::Task, role: Role) -> Vec<String> {
    let mut names: Vec<String> = task
        .departments
        .iter()
        .filter(|d| d.role == role)
        .map(|d| d.name.clone())
        .collect();
    names.sort();
    names
}

fn sorted(list: &[String]) -> Vec<String> {
    let mut list = list.to_vec();
    list.sort();
    list
}

fn score_tasks(doc: &ParsedDocument, expect: &Expect, score: &mut Score) {
    let tasks = &doc.plan.tasks;
    let mut used = vec![false; tasks.len()];
    for e in &expect.task {
        let at_line = (0..tasks.len()).find(|&i| {
            !used[i] && tasks[i].line == Some(e.line) && same_title(&tasks[i].title, &e.title)
        });
        let by_title =
            || (0..tasks.len()).find(|&i| !used[i] && same_title(&tasks[i].title, &e.title));
        let by_line = || (0..tasks.len()).find(|&i| !used[i] && tasks[i].line == Some(e.line));
        let found = at_line.or_else(by_title).or_else(by_line);
        let Some(i) = found else {
            score.unit(false, || {
                format!("task l.{} {} {}: not found", e.line, e.number, e.title)
            });
            for d in &e.deadlines {
                score.unit(false, || format!("task l.{}: deadline {d}", e.line));
            }
            continue;
        };
        used[i] = true;
        let task = &tasks[i];
        let (lead, co) = (names(task, Role::Lead), names(task, Role::Co));
        let departments_ok = lead == sorted(&e.lead) && co == sorted(&e.co);
        score.unit(departments_ok, || {
            format!(
                "task l.{} {}: departments {lead:?} / {co:?}, expected {:?} / {:?}",
                e.line, e.title, e.lead, e.co
            )
        });
        for d in &e.deadlines {
            let ok = task.deadlines.iter().any(|x| x.due.to_string() == *d);
            score.unit(ok, || {
                let found: Vec<String> = task.deadlines.iter().map(|x| x.due.to_string()).collect();
                format!(
                    "task l.{} {}: deadline {d} (found {found:?})",
                    e.line, e.title
                )
            });
        }
    }
    for (task, used) in tasks.iter().zip(&used) {
        if !used {
            score.extra.push(format!(
                "task l.{} {} {}",
                task.line.unwrap_or(0),
                task.number,
                task.title
            ));
        }
    }
}

fn score_boxes(doc: &ParsedDocument, expect: &Expect, score: &mut Score) {
    for e in &expect.boxes {
        // Boxes without a number (0) are told apart by their titles.
        let titled = |b: &&plan::PlanBox| {
            e.title.is_empty() || b.title.as_deref().is_some_and(|t| same_title(t, &e.title))
        };
        let numbered = || doc.plan.boxes.iter().find(|b| b.number == e.number);
        let found = doc
            .plan
            .boxes
            .iter()
            .find(|b| b.number == e.number && titled(b))
            .or_else(numbered);
        let title_ok = found.is_some_and(|b| titled(&b));
        score.unit(title_ok, || {
            format!("专栏{} {}: not found", e.number, e.title)
        });
        let items = found.map(|b| b.items.as_slice()).unwrap_or_default();
        let mut used = vec![false; items.len()];
        for title in &e.items {
            let hit = (0..items.len()).find(|&i| !used[i] && same_title(&items[i].title, title));
            if let Some(i) = hit {
                used[i] = true;
            }
            score.unit(hit.is_some(), || format!("专栏{} item {title}", e.number));
        }
    }
}

fn score_indicators(doc: &ParsedDocument, expect: &Expect, score: &mut Score) {
    let indicators = &doc.plan.indicators;
    let mut used = vec![false; indicators.len()];
    for e in &expect.indicator {
        let hit =
            (0..indicators.len()).find(|&i| !used[i] && key(&indicators[i].name) == key(&e.name));
        let ok = hit.is_some_and(|i| {
            let x = &indicators[i];
            let measure =
                |m: &Option<plan::Measure>| value(m.as_ref().map_or("", |m| m.value.as_str()));
            let attribute = match x.attribute {
                Some(plan::Attribute::Expected) => "预期性",
                Some(plan::Attribute::Binding) => "约束性",
                None => "",
            };
            value(x.unit.as_deref().unwrap_or("")) == value(&e.unit)
                && measure(&x.baseline) == value(&e.baseline)
                && measure(&x.target) == value(&e.target)
                && attribute == e.attribute
        });
        if let Some(i) = hit {
            used[i] = true;
        }
        score.unit(ok, || {
            let found = hit
                .map(|i| format!("{:?}", indicators[i]))
                .unwrap_or_default();
            format!("indicator {}: {found}", e.name)
        });
    }
}

/// A title without a trailing bracketed status or edition ("(征求意见稿V2.2)", "（2025年版）").
fn without_trailing_brackets(title: &str) -> &str {
    let title = title.trim();
    match title.rfind(['（', '(']) {
        Some(open) if open > 0 && title.ends_with(['）', ')']) => &title[..open],
        _ => title,
    }
}

/// A title without the annex label written before it on the same line ("附件2：").
fn without_annex_label(title: &str) -> &str {
    let title = title.trim();
    let Some(rest) = title.strip_prefix("附件") else {
        return title;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    rest.strip_prefix(['：', ':']).map_or(title, str::trim)
}

/// The document's title: the same characters, with or without a trailing bracketed part or
/// a leading annex label.
fn same_document_title(found: &str, expected: &str) -> bool {
    let (found, expected) = (without_annex_label(found), without_annex_label(expected));
    key(found) == key(expected)
        || key(without_trailing_brackets(found)) == key(without_trailing_brackets(expected))
}

fn score_text(doc: &ParsedDocument, expect: &Expect) -> Score {
    let mut score = Score::default();
    score.unit(same_document_title(&doc.plan.title, &expect.title), || {
        format!("title {:?}, expected {:?}", doc.plan.title, expect.title)
    });
    score_tasks(doc, expect, &mut score);
    score_boxes(doc, expect, &mut score);
    score_indicators(doc, expect, &mut score);
    for e in &expect.glossary {
        let ok = doc
            .plan
            .glossary
            .iter()
            .any(|g| key(&g.term) == key(&e.term));
        score.unit(ok, || format!("glossary {}", e.term));
    }
    score
}

struct Row {
    slug: String,
    set: String,
    held_out: bool,
    score: Score,
    extra_tasks: usize,
}

fn load(dir: &Path) -> Vec<(Expect, Vec<u8>)> {
    let mut slugs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expect.toml"))
        .collect();
    slugs.sort();
    slugs
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            let expect: Expect =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let bytes = std::fs::read(dir.join(format!("{}.txt", expect.slug))).unwrap();
            (expect, bytes)
        })
        .collect()
}

#[test]
fn corpus_scores() {
    let dir = corpus_dir();
    let texts = load(&dir);
    assert!(!texts.is_empty(), "no texts in {}", dir.display());
    let mut rows = Vec::new();
    for (expect, bytes) in &texts {
        let held_out = HELD_OUT.contains(&expect.slug.as_str());
        if held_out && skip_held_out() {
            continue;
        }
        let name = format!("{}.txt", expect.slug);
        let doc = plan::parse_bytes(bytes, &name)
            .unwrap_or_else(|e| panic!("{name} does not import: {e}"));
        if std::env::var("PLANTRACK_CORPUS_DUMP").is_ok_and(|d| expect.slug.contains(&d))
            && !held_out
        {
            dump::dump(&doc);
        }
        let score = score_text(&doc, expect);
        rows.push(Row {
            slug: expect.slug.clone(),
            set: expect.set.clone(),
            held_out,
            extra_tasks: 0,
            score,
        });
    }
    println!(
        "\n{:<44} {:<6} {:>9} {:>7} {:>6}",
        "text", "set", "found", "score", "extra"
    );
    for row in &mut rows {
        row.extra_tasks = row.score.extra.len();
    }
    for row in &rows {
        println!(
            "{:<44} {:<6} {:>4}/{:<4} {:>6.1}% {:>6}{}",
            row.slug,
            row.set,
            row.score.found,
            row.score.total,
            100.0 * row.score.ratio(),
            row.extra_tasks,
            if row.held_out { "  (held out)" } else { "" }
        );
        if verbose() && (!row.held_out || show_held_out()) && listed(&row.slug) {
            for missed in &row.score.missed {
                println!("    missed: {missed}");
            }
            for extra in &row.score.extra {
                println!("    extra: {extra}");
            }
        }
    }
    // Each set scored over the texts developed on, and over the held-out texts apart.
    let mut sets: BTreeMap<(String, bool), (usize, usize)> = BTreeMap::new();
    for row in &rows {
        let entry = sets.entry((row.set.clone(), row.held_out)).or_default();
        entry.0 += row.score.found;
        entry.1 += row.score.total;
    }
    println!();
    let mut failures = Vec::new();
    for ((set, held_out), (found, total)) in &sets {
        let ratio = *found as f64 / (*total).max(1) as f64;
        let label = if *held_out { "held out" } else { "developed" };
        println!(
            "set {set:<6} {label:<9} {found:>4}/{total:<4} {:>6.1}%",
            100.0 * ratio
        );
        if !held_out && ratio < SET_FLOOR {
            failures.push(format!(
                "set {set}: {:.1}% < {:.0}%",
                100.0 * ratio,
                100.0 * SET_FLOOR
            ));
        }
    }
    let floors = floors();
    for (slug, [found, total]) in &floors {
        match rows.iter().find(|r| r.slug == *slug) {
            Some(row) if row.score.total != *total => failures.push(format!(
                "{slug}: {} hand-read units, the floor was set for {total} (update the floor)",
                row.score.total
            )),
            Some(row) if row.score.found < *found => failures.push(format!(
                "{slug}: {}/{total} found, below its floor {found}/{total}",
                row.score.found
            )),
            Some(_) => {}
            None if skip_held_out() && HELD_OUT.contains(&slug.as_str()) => {}
            None => failures.push(format!("{slug}: has a floor but is not in the corpus")),
        }
    }
    for row in &rows {
        if !floors.contains_key(&row.slug) {
            failures.push(format!(
                "{}: no floor in tests/corpus/floors.toml",
                row.slug
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
