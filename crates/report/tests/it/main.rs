//! The integration tests of `recimap-report`, in one binary: the HTML
//! report self-contained and drawn by Chromium without building any script
//! from hostile names; the PDF read back by poppler with its text.

mod export_html;
mod export_pdf;

use std::path::PathBuf;

/// The workspace's test fixtures (`tests/fixtures` at the repository root).
pub fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}
