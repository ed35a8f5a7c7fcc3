//! Shared helpers for integration tests.
#![allow(dead_code)]

pub mod cli;
pub mod pane;
pub mod privileges;
pub mod skip;
pub mod tmux;
pub mod tui;
pub mod workbook;

use plantrack::plan::{self, ParsedDocument};
use std::path::PathBuf;

/// Path of a file in the repository's `seed/` directory.
pub fn seed_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("seed")
        .join(name)
}

/// Parse one seed file from disk, failing the test with the parser's message.
pub fn parse_seed(name: &str) -> ParsedDocument {
    let bytes = std::fs::read(seed_path(name)).unwrap_or_else(|e| panic!("read {name}: {e}"));
    plan::parse_bytes(&bytes, name).unwrap_or_else(|e| panic!("parse {name}: {e}"))
}

pub const HN_CZH_14: &str = "hunan-urbanization-14th-fyp.txt";
pub const HN_CZH_14_HANT: &str = "hunan-urbanization-14th-fyp.zh-hant.txt";
pub const HN_ACTION_2024: &str = "hunan-urbanization-action-plan-2024.txt";
pub const ZZ_CZH_14: &str = "zhuzhou-urbanization-14th-fyp.txt";
pub const HN_15TH_FYP: &str = "hunan-15th-fyp-outline.txt";

/// The name the test harness gives test `function` of module `module` (`module_path!()`
/// there), for running this test binary again with only that test.
pub fn test_name(module: &str, function: &str) -> String {
    let module = module.split_once("::").map_or(module, |(_, inside)| inside);
    format!("{module}::{function}")
}
