//! Output formats. No SQL, no terminal control: writers take plain data and a `Write`.
pub mod csv;
pub mod dry_run;
pub mod json;
pub mod summary;
pub mod table;
