//! The tests of the `recimap` command line, in one binary: every command run
//! as a user runs it, on the fixtures, with the files it writes read back by
//! the libraries (and by NetworkX where it counts).

mod commands;
mod exchange_csv;
mod exchange_json;
mod export_png;
mod hostile_files;
mod project_files;
mod snapshots;
mod store_bad_files;

use std::path::PathBuf;

/// The workspace's test fixtures.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A map JSON fixture, e.g. `compare/before.json`.
pub fn fixture_map(name: &str) -> recimap_core::Map {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
