//! Versioned, forward-only schema migrations, tracked in `PRAGMA user_version`.
//! Add a new `M::up(include_str!("sql/00N_….sql"))` at the end; never edit an old one.

use rusqlite_migration::{M, Migrations};

const MIGRATION_LIST: &[M<'static>] = &[M::up(include_str!("sql/001_init.sql"))];

/// Every migration in order.
pub const MIGRATIONS: Migrations<'static> = Migrations::from_slice(MIGRATION_LIST);

/// The schema version this build writes.
pub fn latest_version() -> u32 {
    MIGRATION_LIST.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(MIGRATIONS.validate().is_ok());
    }
}
