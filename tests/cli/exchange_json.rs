//! The versioned project JSON: JSON → file → JSON is byte-identical, bare map
//! JSON is accepted, bad input is rejected with the file, line and column, and
//! no input — random bytes or a mangled valid file — makes the reader panic.

use proptest::prelude::*;
use recimap_core::Document;
use recimap_formats::ImportError;
use recimap_formats::project_json::{self, FORMAT_VERSION};
use recimap_store as store;

const V1_JSON: &str = include_str!("../fixtures/store/v1.json");

#[test]
fn json_to_file_to_json_is_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.recimap");
    let doc = project_json::from_bytes(V1_JSON.as_bytes(), "v1.json").unwrap();
    assert_eq!(doc.snapshots.len(), 2);
    store::save(&path, &doc).unwrap();
    let back = project_json::to_json(&store::open(&path).unwrap());
    let canonical = project_json::to_json(&doc);
    assert_eq!(back, canonical);
    assert!(canonical.starts_with("{\n  \"format\": \"recimap\",\n  \"version\": 1,"));
}

#[test]
fn a_bare_map_json_reads_as_a_document_without_snapshots() {
    let map = recimap_core::demo::demo_map();
    let text = serde_json::to_string(&map).unwrap();
    let doc = project_json::from_bytes(text.as_bytes(), "demo.json").unwrap();
    assert_eq!(doc, Document::new(map));
}

#[test]
fn the_cli_imports_and_exports_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.json");
    std::fs::write(&input, V1_JSON).unwrap();
    let file = dir.path().join("p.recimap");
    let bin = env!("CARGO_BIN_EXE_recimap");
    let run = |args: &[&std::ffi::OsStr]| {
        let out = std::process::Command::new(bin).args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    run(&[
        "import".as_ref(),
        "--json".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        file.as_os_str(),
    ]);
    let exported = run(&[
        "export".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let expected =
        project_json::to_json(&project_json::from_bytes(V1_JSON.as_bytes(), "x").unwrap());
    assert_eq!(String::from_utf8(exported).unwrap(), expected);
    // Importing over an existing file needs --force.
    let out = std::process::Command::new(bin)
        .args([
            "import".as_ref(),
            "--json".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            file.as_os_str(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("already exists — choose another name, or add --force")
    );
}

fn error(text: &str) -> String {
    match project_json::from_bytes(text.as_bytes(), "bad.json") {
        Ok(doc) => panic!("accepted: {doc:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_input_is_rejected_with_file_line_and_column() {
    let cases: Vec<(String, &str)> = vec![
        ("".into(), "bad.json: the file is empty"),
        ("id,name\n".into(), "bad.json line 1: this is not JSON"),
        (
            "{\"format\": \"recimap\", \"version\": 1,\n \"map\": {\"units\": [}\n}".into(),
            "bad.json line 2, column 20: this is not valid JSON",
        ),
        (
            "{\"format\": \"recimap\", \"version\": 1, \"map\": {\"units\": [{\"id\": \"a\"}]}}".into(),
            "this JSON is not a Recimap project: missing field `name`",
        ),
        (
            format!("{{\"format\": \"recimap\", \"version\": {}, \"map\": {{}}}}", FORMAT_VERSION + 1),
            "written by a newer Recimap (JSON version 2)",
        ),
        (
            "{\"format\": \"recimap\", \"version\": \"one\", \"map\": {}}".into(),
            "\"version\" must be a whole number from 1 to 1, found \"one\"",
        ),
        (
            "{\"format\": \"gephi\", \"version\": 1, \"map\": {}}".into(),
            "\"format\" is \"gephi\", not \"recimap\"",
        ),
        (
            "{\"format\": \"recimap\", \"version\": 1, \"map\": {\"units\": [{\"id\": \"a\", \"name\": \"A\"}], \"links\": [{\"source\": \"a\", \"target\": \"zz\"}]}}".into(),
            "names unit 'zz', which is not on the map",
        ),
        (
            "{\"format\": \"recimap\", \"version\": 1, \"map\": {}, \"snapshots\": [{\"id\": 1, \"label\": \"a\", \"taken_at\": \"2026-01-01T00:00:00Z\", \"map\": {}}, {\"id\": 1, \"label\": \"b\", \"taken_at\": \"2026-01-01T00:00:00Z\", \"map\": {}}]}".into(),
            "snapshot id 1 is used twice",
        ),
        (
            "{\"format\": \"recimap\", \"version\": 1, \"map\": {}, \"extra\": 1}".into(),
            "unknown field `extra`",
        ),
        (
            "{\"format\": \"recimap\", \"version\": 1, \"map\": {\"units\": [{\"id\": \"a\", \"name\": \"A\", \"headcount\": -3}]}}".into(),
            "invalid value: integer `-3`",
        ),
    ];
    for (text, expected) in cases {
        let got = error(&text);
        assert!(got.contains(expected), "expected '{expected}' in '{got}'");
    }
    let truncated = &V1_JSON[..V1_JSON.len() / 2];
    let got = error(truncated);
    assert!(got.contains("the JSON ends too early"), "{got}");
    assert!(matches!(
        project_json::from_bytes(truncated.as_bytes(), "t.json"),
        Err(ImportError::Bad {
            line: Some(_),
            column: Some(_),
            ..
        })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = project_json::from_bytes(&bytes, "fuzz.json");
    }

    /// A valid file with a slice cut out, or a byte replaced, is read or
    /// rejected with a message — never a panic.
    #[test]
    fn mangled_valid_files_never_panic(at in 0usize..V1_JSON.len(), len in 0usize..64, byte in any::<u8>()) {
        let bytes = V1_JSON.as_bytes();
        let end = (at + len).min(bytes.len());
        let mut cut = bytes[..at].to_vec();
        cut.extend_from_slice(&bytes[end..]);
        if let Err(e) = project_json::from_bytes(&cut, "cut.json") {
            prop_assert!(e.to_string().starts_with("cut.json"));
        }
        let mut changed = bytes.to_vec();
        changed[at] = byte;
        let _ = project_json::from_bytes(&changed, "changed.json");
    }
}
