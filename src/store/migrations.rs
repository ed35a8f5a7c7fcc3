//! Versioned, forward-only schema migrations, tracked in `PRAGMA user_version`.
//! Add a new `M::up(include_str!("sql/00N_….sql"))` at the end; never edit an old one.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

const MIGRATION_LIST: &[M<'static>] = &[
    M::up(include_str!("sql/001_init.sql")),
    M::up(include_str!("sql/002_workbench.sql")),
    M::up(include_str!("sql/003_search_text.sql")),
    M::up(include_str!("sql/004_identity.sql")).foreign_key_check(),
    M::up(include_str!("sql/005_projects.sql")),
    M::up(include_str!("sql/006_returns.sql")),
];

/// Every migration in order.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATION_LIST.len() as u32
}

/// Bring the schema up to date.
///
/// `Migrations::to_latest` reads the version before it takes the write lock, so when two
/// processes open a new file at once both read 0, and the second one, once it has the
/// lock, re-runs the first migration on tables that now exist and fails ("table plan
/// already exists"; its transaction is rolled back). That is no error: the other process
/// brought the schema up to date. So a failure is only an error when the schema is still
/// not current afterwards. (A migration must therefore fail when run twice, as
/// `CREATE TABLE` and `ALTER TABLE … ADD COLUMN` do.)
pub fn to_latest(conn: &mut Connection) -> Result<(), rusqlite_migration::Error> {
    match MIGRATIONS.to_latest(conn) {
        Err(rusqlite_migration::Error::MigrationDefinition(definition)) => {
            Err(rusqlite_migration::Error::MigrationDefinition(definition))
        }
        Err(error) => {
            let now: Option<u32> = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .ok();
            if now == Some(latest_version()) {
                Ok(())
            } else {
                Err(error)
            }
        }
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }
}
