//! The integration tests, one crate (one binary to link): each module is the tests of
//! one subject; `support` holds what they share (running the binary, tmux panes, a
//! workbench on a test terminal, privileges, failing skips under CI).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod backup_dump;
mod backup_snapshot;
mod cli_as_of;
mod cli_copies;
mod cli_hardening;
mod cli_import;
mod cli_progress;
mod cli_reimport;
mod cli_tracking;
mod cli_trust;
mod export_cli;
mod export_files;
mod faults_permissions;
mod faults_store;
mod filter_one_rule;
mod formats_corpus;
mod formats_forms;
mod formats_hostile;
mod formats_mutations;
mod formats_renditions;
mod hostile_terminal;
mod plan_corpus;
mod plan_encoding;
mod plan_forms;
mod plan_forms_deadlines;
mod plan_forms_drafts;
mod plan_forms_markdown;
mod plan_forms_measures;
mod plan_forms_plans;
mod plan_forms_print;
mod plan_forms_task_tables;
mod plan_hn_15th_fyp;
mod plan_hn_action_2024;
mod plan_hn_czh_14;
mod plan_robustness;
mod plan_zz_czh_14;
mod report_period;
mod returns;
mod signals_suspend;
mod signals_terminal;
mod store_compact;
mod store_concurrency;
mod store_errors;
mod store_load_validation;
mod store_migrations;
mod store_reimport;
mod store_reimport_search;
mod store_rules;
mod store_search;
mod store_seed;
mod store_undo;
mod tmux_e2e;
mod tmux_pending;
mod tmux_progress;
mod tmux_small;
mod tui_behaviour;
mod tui_changes;
mod tui_keys;
mod tui_paste;
mod tui_project;
mod tui_reach;
mod tui_screens;
