//! Opening whatever file a user hands over, by one path for the command
//! line and the app: a `.recimap` project file (by its name, or by its
//! SQLite signature whatever its name), or a map JSON file as `recimap demo`
//! writes it. A file named `.recimap` that is not one gets the project
//! file's own diagnosis (truncated, not SQLite, another program's database…)
//! rather than a JSON parse error.

use std::path::Path;

use recimap_core::Document;
use recimap_files::{Sniffed, sniff};
use recimap_formats::json::read_map_json_bytes;
use recimap_formats::read_file;

use crate::error::Result;

/// Whether the path names a project file (`.recimap`, any case).
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("recimap"))
}

/// Opens a project file or a map JSON file as a document (a map JSON file
/// has no snapshots). Nothing is locked: this is for reading.
pub fn document(path: &Path) -> Result<Document> {
    if is_project_path(path) {
        return Ok(recimap_store::open(path)?);
    }
    let bytes = read_file(path)?;
    match sniff(&bytes) {
        Sniffed::Sqlite => Ok(recimap_store::open(path)?),
        _ => Ok(Document::new(read_map_json_bytes(
            &bytes,
            &path.display().to_string(),
        )?)),
    }
}
