//! The integration tests of `recimap-core`, in one binary: the analysis on
//! hand-made edge cases, random maps and eight real networks against
//! NetworkX and igraph; the findings rule by rule; snapshots and the
//! comparison of two maps; and the demo map's analysis, byte for byte.

mod analysis_edge_cases;
mod analysis_props;
mod findings;
mod golden;
mod reference;
mod snapshots;

use std::path::PathBuf;

/// The workspace's test fixtures (`tests/fixtures` at the repository root),
/// shared by the crates' tests.
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// A map JSON fixture, e.g. `compare/before.json`.
pub fn fixture_map(name: &str) -> recimap_core::Map {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
