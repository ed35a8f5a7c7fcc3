//! The budgets table: each line's figure against its budget, the same figure normalised
//! to the reference machine's speed (`speed.rs`), and its margin — budget / measured for
//! times and memory, measured / budget for rates — with lines under a 2× margin flagged:
//! a budget must hold with margin, not only on the fastest machine of the pool.
#![allow(dead_code)]

/// Margin below which a line is flagged.
pub const WANTED_MARGIN: f64 = 2.0;

/// What a line's figure is, which says how it scales with the machine's speed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A duration (lower is better): scales with the machine's speed.
    Time,
    /// A throughput (higher is better): scales with the machine's speed.
    Rate,
    /// Memory (lower is better): does not depend on speed.
    Memory,
    /// No budget: reported only.
    Info,
}

pub struct Row {
    pub what: String,
    pub budget: String,
    pub measured: String,
    pub value: f64,
    pub limit: f64,
    pub unit: String,
    pub kind: Kind,
}

impl Row {
    /// A time (unit `ms`) or memory (unit `MiB`) line: `value` must stay at or below
    /// `limit`.
    pub fn new(what: &str, budget: &str, value: f64, limit: f64, unit: &str) -> Row {
        Row {
            what: what.to_string(),
            budget: budget.to_string(),
            measured: format!("{value:.2} {unit}"),
            value,
            limit,
            unit: unit.to_string(),
            kind: if unit == "MiB" {
                Kind::Memory
            } else {
                Kind::Time
            },
        }
    }

    /// A throughput line (`value` in `unit` must reach `limit`), shown as `measured`.
    pub fn rate(
        what: &str,
        budget: &str,
        value: f64,
        limit: f64,
        unit: &str,
        measured: String,
    ) -> Row {
        Row {
            what: what.to_string(),
            budget: budget.to_string(),
            measured,
            value,
            limit,
            unit: unit.to_string(),
            kind: Kind::Rate,
        }
    }

    /// A figure without a budget.
    pub fn info(what: &str, budget: &str, measured: String) -> Row {
        Row {
            what: what.to_string(),
            budget: budget.to_string(),
            measured,
            value: f64::NAN,
            limit: f64::NAN,
            unit: String::new(),
            kind: Kind::Info,
        }
    }

    /// Within budget as measured here.
    pub fn ok(&self) -> bool {
        self.ok_at(self.value)
    }

    fn ok_at(&self, value: f64) -> bool {
        match self.kind {
            Kind::Time | Kind::Memory => value <= self.limit,
            Kind::Rate => value >= self.limit,
            Kind::Info => true,
        }
    }

    /// How many times over the budget holds (budget / measured; measured / budget for
    /// rates); none for a line without a budget.
    pub fn margin(&self) -> Option<f64> {
        match self.kind {
            Kind::Time | Kind::Memory => Some(self.limit / self.value),
            Kind::Rate => Some(self.value / self.limit),
            Kind::Info => None,
        }
    }

    /// The figure on the reference machine, given this machine's `speed` (1.0: as fast).
    pub fn normalised(&self, speed: f64) -> Option<f64> {
        match self.kind {
            Kind::Time => Some(self.value * speed),
            Kind::Rate => Some(self.value / speed),
            Kind::Memory | Kind::Info => None,
        }
    }

    fn verdict(&self, speed: f64) -> &'static str {
        match (self.ok(), self.normalised(speed).map(|v| self.ok_at(v))) {
            (true, _) => "ok",
            (false, Some(true)) => "MISSED (ok at reference speed: the machine)",
            (false, _) => "MISSED",
        }
    }
}

/// Print the table; `speed` is this machine's speed against the reference.
pub fn print_table(rows: &[Row], speed: f64) {
    println!();
    println!("| what | budget | measured | at reference speed | margin | ok/MISSED |");
    println!("|---|---|---|---|---|---|");
    for r in rows {
        let normalised = r
            .normalised(speed)
            .map_or("—".to_string(), |v| format!("{v:.2} {}", r.unit));
        let margin = match r.margin() {
            None => "—".to_string(),
            Some(m) if m < WANTED_MARGIN => format!("{m:.1}× (< {WANTED_MARGIN:.0}×)"),
            Some(m) => format!("{m:.1}×"),
        };
        println!(
            "| {} | {} | {} | {normalised} | {margin} | {} |",
            r.what,
            r.budget,
            r.measured,
            r.verdict(speed)
        );
    }
    let thin: Vec<&str> = rows
        .iter()
        .filter(|r| r.margin().is_some_and(|m| m < WANTED_MARGIN))
        .map(|r| r.what.as_str())
        .collect();
    println!();
    println!(
        "{} of {} budget lines hold with less than {WANTED_MARGIN:.0}× margin{}",
        thin.len(),
        rows.iter().filter(|r| r.kind != Kind::Info).count(),
        if thin.is_empty() {
            String::new()
        } else {
            format!(": {}", thin.join("; "))
        }
    );
}
