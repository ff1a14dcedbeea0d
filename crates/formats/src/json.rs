//! A map as plain JSON: the serde shape of [`Map`] (what `recimap demo`
//! writes and what the desktop app sends over IPC).
//!
//! Reading checks, in order: the file can be read, is text and not some other
//! kind of file, is UTF-8, parses as JSON of a map (a syntax or shape error is
//! reported at its line and column), and the map passes
//! [`Map::problems`] (all problems are listed). The versioned, full-fidelity
//! document is [`crate::project_json`].

use std::path::Path;

use super::{ImportError, Sniffed, read_file, sniff, utf8_text, wrong_kind};
use recimap_core::model::Map;

/// Reads and validates a map JSON file.
pub fn read_map_json(path: &Path) -> Result<Map, ImportError> {
    let bytes = read_file(path)?;
    read_map_json_bytes(&bytes, &path.display().to_string())
}

/// Reads and validates a map from JSON text; `file` names it in messages.
pub fn read_map_json_str(text: &str, file: &str) -> Result<Map, ImportError> {
    read_map_json_bytes(text.as_bytes(), file)
}

/// Reads and validates a map from the bytes of a JSON file.
pub fn read_map_json_bytes(bytes: &[u8], file: &str) -> Result<Map, ImportError> {
    let kind = sniff(bytes);
    if let Some(problem) = wrong_kind(kind, "a map JSON file") {
        return Err(ImportError::at(file, None, problem));
    }
    match kind {
        Sniffed::Xml => {
            return Err(ImportError::at(
                file,
                Some(1),
                "this looks like XML or HTML (GraphML? a web page?), not a map JSON file",
            ));
        }
        Sniffed::Text => {
            return Err(ImportError::at(
                file,
                Some(1),
                "this is not JSON (it does not start with '{') — for CSV use \
                 `recimap analyze --units UNITS.csv --links LINKS.csv`",
            ));
        }
        _ => {}
    }
    let text = utf8_text(bytes, file)?;
    let map: Map = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    let problems = map.problems();
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(ImportError::InvalidMap {
            file: file.to_owned(),
            problems,
        })
    }
}

/// A serde_json error as a file/line/column message; `what` names the
/// expected document ("map", "project").
pub(crate) fn json_error_for(file: &str, e: &serde_json::Error, what: &str) -> ImportError {
    use serde_json::error::Category;
    // serde_json appends " at line L column C" to its message; we say it our way.
    let raw = e.to_string();
    let detail = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(msg, _)| msg);
    let problem = match e.classify() {
        Category::Eof => {
            format!("the JSON ends too early ({detail}) — the file is truncated or incomplete")
        }
        Category::Syntax => format!("this is not valid JSON: {detail}"),
        Category::Data => format!("this JSON is not a Recimap {what}: {detail}"),
        Category::Io => format!("cannot be read: {detail}"),
    };
    ImportError::Bad {
        file: file.to_owned(),
        line: (e.line() > 0).then_some(e.line() as u64),
        column: (e.column() > 0).then_some(e.column() as u64),
        problem,
    }
}

fn json_error(file: &str, e: &serde_json::Error) -> ImportError {
    json_error_for(file, e, "map")
}

/// The map as pretty-printed JSON, ending in a newline.
pub fn map_to_json(map: &Map) -> String {
    // A Map is plain data (strings, numbers, lists): serialising cannot fail.
    let mut text = serde_json::to_string_pretty(map).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use recimap_core::model::{Link, Unit, UnitKind};

    fn small_map() -> Map {
        Map {
            title: "Two".into(),
            units: vec![
                Unit::new("fin", "Finance", UnitKind::Business),
                Unit::new("it", "IT", UnitKind::It),
            ],
            links: vec![Link::weighted("fin", "it", 2.5)],
            ..Map::default()
        }
    }

    #[test]
    fn a_map_round_trips_through_json() {
        let map = small_map();
        assert_eq!(
            read_map_json_str(&map_to_json(&map), "m.json").unwrap(),
            map
        );
    }

    #[test]
    fn bad_json_is_reported_with_file_line_and_problem() {
        let cases = [
            ("", "m.json: the file is empty"),
            (
                "{\n  \"units\": [\n",
                "m.json line 3: the JSON ends too early",
            ),
            (
                "{\n  \"units\": 3\n}",
                "m.json line 2, column 12: this JSON is not a Recimap map: invalid type: integer `3`",
            ),
            (
                "{\"title\": \"x\",,}",
                "m.json line 1, column 15: this is not valid JSON",
            ),
            ("id,name\n", "m.json line 1: this is not JSON"),
            (
                "{\"units\":[{\"id\":\"a\",\"name\":\"A\"}],\"links\":[{\"source\":\"a\",\"target\":\"b\"}]}",
                "m.json holds a map with 1 problem: link a → b names unit 'b'",
            ),
        ];
        for (text, expected) in cases {
            let err = read_map_json_str(text, "m.json").unwrap_err().to_string();
            assert!(
                err.starts_with(expected),
                "{err:?} should start with {expected:?}"
            );
        }
    }
}
