//! The integration tests of `recimap-formats`, in one binary: the CSV
//! importer on good and bad files, and GraphML and GEXF read back by an
//! independent XML parser and by NetworkX.

mod exchange_xml;
mod formats_csv;

use std::path::PathBuf;

/// The workspace's test fixtures (`tests/fixtures` at the repository root).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}
