//! Output formats. No SQL, no terminal control: writers take plain data and a `Write`.
//!
//! Exports (`plantrack export`): `export` collects the items and roll-ups every format
//! shares; `listing` writes CSV and JSON, `xlsx` the Excel workbook, `markdown` the brief.
//! `columns` names the item list's columns once for the exports, `list` and the workbench.
pub mod columns;
pub mod coverage;
pub mod csv;
pub mod dry_run;
pub mod export;
pub mod file;
pub mod json;
pub mod listing;
pub mod mapping;
pub mod markdown;
pub mod period;
pub mod returns;
pub mod summary;
pub mod table;
pub mod views;
pub mod xlsx;
