//! A test that cannot run here (no tmux, not root, no `setpriv`, no tmpfs): skipped with
//! the reason printed when run locally, but a failure under CI (`CI=true`), where
//! `.ci/run` provides everything: a test that skips in CI would be a test that passes
//! without testing.
#![allow(dead_code, clippy::panic)]

/// Say why the test cannot run; fails it under `CI=true`.
pub fn skipped(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!(
            "{reason}: under CI=true every test must run (.ci/run installs and starts what tests need)"
        );
    }
    println!("SKIPPED: {reason}");
}
