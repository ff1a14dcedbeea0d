//! The integration tests of `recimap-store`, in one binary: save and open
//! give the same document, the file's schema is what the migrations make, an
//! older file is upgraded after a backup copy, a save killed at any
//! moment leaves the old document or the new one, and hostile files are
//! refused without being changed.

mod corpus;
mod crash_save;
mod hostile_files;
mod store_migration;
mod store_roundtrip;

use std::path::PathBuf;

/// The workspace's test fixtures (`tests/fixtures` at the repository root).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}
