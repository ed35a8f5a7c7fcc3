//! Reusable drawing pieces: they take plain data and draw; they know no screen or store.

pub mod cells;
pub mod help;
pub mod input;
pub mod item_table;
pub mod outline_tree;
pub mod popup;
pub mod rollup_chart;
pub mod rollup_table;
pub mod status_line;
pub mod tab_bar;
pub mod too_small;
