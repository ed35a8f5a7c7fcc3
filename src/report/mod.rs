//! Output formats. No SQL, no terminal control: writers take plain data and a `Write`.
pub mod dry_run;
