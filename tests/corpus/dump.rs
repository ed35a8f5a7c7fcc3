//! `PLANTRACK_CORPUS_DUMP=part-of-a-slug` for `tests/plan_corpus.rs`: what the importer read
//! from a text, printed while working on it.

use plantrack::plan::{ParsedDocument, Role};

/// `PLANTRACK_CORPUS_DUMP=part-of-a-slug`: print what the importer read from the text.
pub fn dump(doc: &ParsedDocument) {
    println!("== {} — {:?}", doc.source, doc.plan.title);
    for b in &doc.plan.boxes {
        println!("专栏{} l.{:?} {:?} {:?}", b.number, b.line, b.title, b.kind);
        for item in &b.items {
            println!(
                "    item l.{:?} {:?} {}",
                item.line, item.number, item.title
            );
        }
    }
    for task in &doc.plan.tasks {
        let who: Vec<String> = task
            .departments
            .iter()
            .map(|d| format!("{}{}", if d.role == Role::Lead { "*" } else { "" }, d.name))
            .collect();
        let due: Vec<String> = task.deadlines.iter().map(|d| d.due.to_string()).collect();
        println!(
            "task l.{:?} {} {} {who:?} {due:?}",
            task.line, task.number, task.title
        );
    }
    for i in &doc.plan.indicators {
        println!("indicator {i:?}");
    }
    for g in &doc.plan.glossary {
        println!("glossary l.{:?} {}", g.line, g.term);
    }
    for w in &doc.warnings {
        println!("warning {w:?}");
    }
    for m in &doc.coverage.missed {
        println!("not placed l.{} {} {}", m.line, m.reason, m.text);
    }
}
