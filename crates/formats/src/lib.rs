//! Exchange formats: reading and writing maps as JSON and CSV, exporting
//! GraphML and GEXF. Every reader reports bad input with the file, the line and
//! the problem, and never panics.
//!
//! This crate owns [`ImportError`], the one error type of every reader. Each
//! reader first asks [`recimap_files::sniff`] what kind of file it was handed,
//! so that an Excel workbook, a project file or a JSON file given where CSV is
//! expected gets a message saying so rather than a confusing parse error.

mod attributes;
pub mod csv;
pub mod csv_export;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod project_json;

use std::path::Path;

use recimap_core::model::ValidationError;
pub use recimap_files::{Sniffed, UTF8_BOM, sniff};

/// A problem with an input file. Every variant names the file; [`ImportError::Bad`]
/// also names the line (and column when known) and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read at all (missing, no permission, a directory…).
    #[error("{file}: {message}")]
    Io { file: String, message: String },
    /// `file line N, column C: problem` — the content is wrong.
    #[error("{file}{}: {problem}", location(*line, *column))]
    Bad {
        file: String,
        line: Option<u64>,
        column: Option<u64>,
        problem: String,
    },
    /// The links file holds several relations and none was chosen.
    #[error(
        "{file} holds {} relations ({}) — choose one with --relation NAME, e.g. --relation {}",
        relations.len(),
        relations.join(", "),
        relations.first().map(String::as_str).unwrap_or("")
    )]
    AmbiguousRelation {
        file: String,
        relations: Vec<String>,
    },
    /// The file parsed, but the map in it breaks the model's rules.
    #[error("{file} holds a map with {} problem{}: {}", problems.len(), if problems.len() == 1 { "" } else { "s" }, list_problems(problems))]
    InvalidMap {
        file: String,
        problems: Vec<ValidationError>,
    },
}

fn location(line: Option<u64>, column: Option<u64>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" line {l}, column {c}"),
        (Some(l), None) => format!(" line {l}"),
        _ => String::new(),
    }
}

/// At most ten problems, then a count of the rest, so a broken file of
/// thousands of links still gives a readable message.
fn list_problems(problems: &[ValidationError]) -> String {
    const SHOWN: usize = 10;
    let mut text: Vec<String> = problems.iter().take(SHOWN).map(|p| p.to_string()).collect();
    if problems.len() > SHOWN {
        text.push(format!("and {} more", problems.len() - SHOWN));
    }
    text.join("; ")
}

impl ImportError {
    /// A content problem at a line (1-based) of a file.
    pub fn at(file: &str, line: Option<u64>, problem: impl Into<String>) -> Self {
        ImportError::Bad {
            file: file.to_owned(),
            line,
            column: None,
            problem: problem.into(),
        }
    }

    /// The file named by the error.
    pub fn file(&self) -> &str {
        match self {
            ImportError::Io { file, .. }
            | ImportError::Bad { file, .. }
            | ImportError::AmbiguousRelation { file, .. }
            | ImportError::InvalidMap { file, .. } => file,
        }
    }
}

/// Reads a whole file, turning I/O failures into a message that names the file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(ImportError::Io {
            file,
            message: "is a folder, not a file — give the path of a file inside it".into(),
        });
    }
    std::fs::read(path).map_err(|e| {
        let message = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file — check the path".to_owned(),
            std::io::ErrorKind::PermissionDenied => {
                "permission denied — check that you may read this file".to_owned()
            }
            _ => format!("cannot be read: {e}"),
        };
        ImportError::Io { file, message }
    })
}

/// Why a file of this kind cannot be read as `expected` (e.g. "CSV"), or
/// `None` if the kind is plausible. Text kinds other than the expected one are
/// judged by the caller.
pub(crate) fn wrong_kind(kind: Sniffed, expected: &str) -> Option<String> {
    Some(match kind {
        Sniffed::Empty => format!("the file is empty — expected {expected}"),
        Sniffed::Sqlite => format!(
            "this is an SQLite database (a .recimap project file?), not {expected} — \
             open it with `recimap analyze FILE.recimap` or export it first"
        ),
        Sniffed::Zip => format!(
            "this is a ZIP container (an Excel .xlsx or OpenDocument spreadsheet?), not {expected} — \
             save the sheet as \"CSV UTF-8\" and use that file"
        ),
        Sniffed::Ole => format!(
            "this is an old Excel (.xls) or Office file, not {expected} — save the sheet as \"CSV UTF-8\""
        ),
        Sniffed::Pdf => format!("this is a PDF document, not {expected}"),
        Sniffed::Binary => format!("this is a binary file, not {expected} text"),
        Sniffed::Json | Sniffed::Xml | Sniffed::Text => return None,
    })
}

/// The bytes as UTF-8 text without a leading BOM, or an error naming the
/// first line that is not valid UTF-8.
pub(crate) fn utf8_text<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ImportError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() as u64 + 1;
        ImportError::at(
            file,
            Some(line),
            "the text is not UTF-8 (perhaps saved as Windows-1252 or Latin-1) — \
             save the file with UTF-8 encoding (in Excel: \"CSV UTF-8\")",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_recognises_file_kinds() {
        let cases: [(&[u8], Sniffed); 11] = [
            (b"", Sniffed::Empty),
            (b" \n\t", Sniffed::Empty),
            (b"SQLite format 3\0rest", Sniffed::Sqlite),
            (b"PK\x03\x04xl/workbook", Sniffed::Zip),
            (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Sniffed::Ole),
            (b"%PDF-1.7", Sniffed::Pdf),
            (b"id,na\0me", Sniffed::Binary),
            (b"\xEF\xBB\xBF  {\"units\": []}", Sniffed::Json),
            (b"[1,2]", Sniffed::Json),
            (b"<?xml version=\"1.0\"?><graphml>", Sniffed::Xml),
            (b"id,name\n1,a\n", Sniffed::Text),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sniff(bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn non_utf8_is_reported_at_its_line() {
        let err = utf8_text(b"id,name\n1,ok\n2,Caf\xe9\n", "u.csv").unwrap_err();
        assert_eq!(
            err.to_string().split(':').next().unwrap(),
            "u.csv line 3",
            "{err}"
        );
        assert_eq!(utf8_text(b"\xEF\xBB\xBFid", "u.csv").unwrap(), "id");
    }
}
