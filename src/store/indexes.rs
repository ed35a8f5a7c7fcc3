//! The workbench's covering indexes (migration 002), by name and definition, so a bulk
//! import can drop them and build them again once at the end: one sorted build is
//! cheaper than keeping them current row by row, and leaves them in order on disk.
//! `tests` checks these definitions are the ones the migration created.

/// (name, CREATE statement), as in `sql/002_workbench.sql`.
pub const WORKBENCH_INDEXES: &[(&str, &str)] = &[
    (
        "item_row",
        "CREATE INDEX item_row ON item(
    plan_id, position, box_id, chapter, number, title,
    owner, status, progress, in_plan, start_on, due_on
)",
    ),
    (
        "milestone_facts",
        "CREATE INDEX milestone_facts ON milestone(item_id, due_on, done_on) WHERE removed = 0",
    ),
    (
        "item_department_facts",
        "CREATE INDEX item_department_facts ON item_department(item_id, position, role, department_id)",
    ),
];

/// An import of this many items or more, and at least as many as the database holds,
/// rebuilds the workbench indexes once at its end instead of row by row.
pub const BULK_IMPORT_ITEMS: usize = 1_000;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::WORKBENCH_INDEXES;

    fn words(sql: &str) -> String {
        sql.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_definitions_are_the_migrations() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::super::migrations::to_latest(&mut conn).unwrap();
        for (name, create) in WORKBENCH_INDEXES {
            let sql: String = conn
                .query_row(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(words(&sql), words(create), "{name}");
        }
    }
}
