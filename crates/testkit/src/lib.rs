//! What the crates' integration tests share (a dev-dependency only): the
//! workspace's fixtures folder, fixture maps, and [`outside_tool`] — how a
//! test asks for a program that is not ours (python with NetworkX, Chromium,
//! poppler, ImageMagick). Honest tests: under `CI=true` a missing tool fails
//! the test instead of letting it pass by skipping.

use std::path::PathBuf;
use std::process::Command;

/// The workspace's test fixtures (`tests/fixtures` at the repository root).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// A map JSON fixture, e.g. `compare/before.json`.
pub fn fixture_map(name: &str) -> recimap_core::Map {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether this run is CI's (`CI=true`), where every outside tool must be there.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Whether `program` runs (`program probe…` exits 0). When it does not: under
/// `CI=true` the test fails, saying what to install; elsewhere the test is
/// told to skip, with a note on standard error.
pub fn outside_tool(program: &str, probe: &[&str], install: &str) -> bool {
    let runs = Command::new(program)
        .args(probe)
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        missing(&format!("{program} is not installed ({install})"));
    }
    runs
}

/// An outside tool the test needs is missing or broken: fail under CI, else
/// note it (the caller then skips).
pub fn missing(what: &str) {
    assert!(
        !in_ci(),
        "{what}; CI=true, so this test fails instead of skipping"
    );
    eprintln!("SKIPPED: {what}");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test, because it sets `CI` for the whole process.
    #[test]
    fn a_missing_tool_skips_outside_ci_and_fails_under_ci() {
        let tool = "recimap-no-such-tool";
        // SAFETY: no other test of this crate reads or writes the environment.
        unsafe { std::env::set_var("CI", "false") };
        assert!(!outside_tool(tool, &[], "nothing to install"));
        unsafe { std::env::set_var("CI", "true") };
        let failed = std::panic::catch_unwind(|| outside_tool(tool, &[], "nothing to install"));
        assert!(
            failed.is_err(),
            "under CI=true a missing tool fails the test"
        );
        assert!(outside_tool("cargo", &["--version"], "rustup"));
    }
}
