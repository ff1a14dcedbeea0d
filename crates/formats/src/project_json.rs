//! The versioned project JSON: a whole [`Document`] (the map and its
//! snapshots) as one JSON file, full fidelity — file → JSON → file gives an
//! equal document.
//!
//! Shape: `{"format": "recimap", "version": 1, "map": {…}, "snapshots": [{"id",
//! "label", "taken_at", "map"}…]}`, where each map is the serde shape of
//! [`recimap_core::Map`]. `version` is this shape's version, independent of the
//! SQLite schema version: readers refuse a newer one and name it.
//!
//! Reading reports problems with the file, line and column and never panics.
//! It accepts exactly the maps a project file can hold (see
//! [`recimap_core::model::blocks_saving`]): a unit not yet named is kept, a link to a
//! unit that is not on the map is refused. A bare map JSON (no `format` key, as `recimap demo` writes) is accepted as
//! a document without snapshots.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{ImportError, Sniffed, read_file, sniff, utf8_text, wrong_kind};
use recimap_core::model::Map;
use recimap_core::{Document, Snapshot};

/// The value of the `format` key.
pub const FORMAT_NAME: &str = "recimap";
/// The version of the JSON shape this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    map: &'a Map,
    snapshots: &'a [Snapshot],
}

#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct In {
    #[allow(dead_code)]
    format: String,
    #[allow(dead_code)]
    version: u32,
    map: Map,
    #[serde(default)]
    snapshots: Vec<Snapshot>,
}

/// The document as pretty-printed project JSON, ending in a newline.
pub fn to_json(doc: &Document) -> String {
    let out = Out {
        format: FORMAT_NAME,
        version: FORMAT_VERSION,
        map: &doc.map,
        snapshots: &doc.snapshots,
    };
    // Plain data of strings, numbers and lists: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a project JSON file (or a bare map JSON file).
pub fn read(path: &Path) -> Result<Document, ImportError> {
    let bytes = read_file(path)?;
    from_bytes(&bytes, &path.display().to_string())
}

/// Reads a document from the bytes of a project JSON file; `file` names it in
/// messages. Checks the file kind, UTF-8, the `format` and `version` keys,
/// the shape, unique snapshot ids, and the validity of the map.
pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Document, ImportError> {
    let kind = sniff(bytes);
    if let Some(problem) = wrong_kind(kind, "a Recimap JSON file") {
        return Err(ImportError::at(file, None, problem));
    }
    if kind != Sniffed::Json {
        return Err(ImportError::at(
            file,
            Some(1),
            "this is not JSON (it does not start with '{') — give a file written by `recimap export --format json`",
        ));
    }
    let text = utf8_text(bytes, file)?;
    let head: Head = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    let doc = match head.format {
        None => {
            // A bare map, as `recimap demo` writes it.
            let map: Map = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
            Document::new(map)
        }
        Some(serde_json::Value::String(f)) if f == FORMAT_NAME => {
            let version = head.version.as_ref().and_then(serde_json::Value::as_u64);
            match version {
                Some(v) if v >= 1 && v <= u64::from(FORMAT_VERSION) => {}
                Some(v) if v > u64::from(FORMAT_VERSION) => {
                    return Err(ImportError::at(
                        file,
                        None,
                        format!(
                            "written by a newer Recimap (JSON version {v}); this Recimap ({}) reads up to version {FORMAT_VERSION} — update Recimap",
                            env!("CARGO_PKG_VERSION")
                        ),
                    ));
                }
                _ => {
                    return Err(ImportError::at(
                        file,
                        None,
                        format!(
                            "\"version\" must be a whole number from 1 to {FORMAT_VERSION}, found {}",
                            head.version.map_or("nothing".to_owned(), |v| v.to_string())
                        ),
                    ));
                }
            }
            let parsed: In = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
            Document {
                map: parsed.map,
                snapshots: parsed.snapshots,
            }
        }
        Some(other) => {
            return Err(ImportError::at(
                file,
                None,
                format!(
                    "\"format\" is {other}, not \"{FORMAT_NAME}\" — this JSON was not written by Recimap"
                ),
            ));
        }
    };
    check(doc, file)
}

fn check(mut doc: Document, file: &str) -> Result<Document, ImportError> {
    let problems = blocking(&doc.map);
    if !problems.is_empty() {
        return Err(ImportError::InvalidMap {
            file: file.to_owned(),
            problems,
        });
    }
    let mut seen = std::collections::HashSet::new();
    for s in &doc.snapshots {
        if !seen.insert(s.id) {
            return Err(ImportError::at(
                file,
                None,
                format!(
                    "snapshot id {} is used twice — snapshot ids must be unique",
                    s.id
                ),
            ));
        }
        let problems = blocking(&s.map);
        if !problems.is_empty() {
            return Err(ImportError::InvalidMap {
                file: format!("{file} (snapshot {} '{}')", s.id, s.label),
                problems,
            });
        }
    }
    doc.snapshots.sort_by_key(|s| s.id);
    Ok(doc)
}

fn blocking(map: &Map) -> Vec<recimap_core::model::ValidationError> {
    let mut problems = map.problems();
    problems.retain(recimap_core::model::blocks_saving);
    problems
}

fn json_error(file: &str, e: &serde_json::Error) -> ImportError {
    super::json::json_error_for(file, e, "project")
}
