//! Schema migrations: the list validates, and a checked-in file written with
//! schema version 1 (`tests/fixtures/store/v1.recimap`, made by
//! `write_v1_fixture` below with the version-1 migrations) opens in this
//! build, is upgraded in place after a backup copy is kept beside it, and ends
//! up with the same schema as a freshly written file; and a saved file has
//! exactly the schema the migrations make, with every index complete.

use std::path::Path;

use recimap_core::Document;
use recimap_formats::project_json;
use recimap_store::{self as store, schema};
use rusqlite::Connection;

fn v1_file() -> std::path::PathBuf {
    crate::fixtures().join("store/v1.recimap")
}

fn v1_json() -> std::path::PathBuf {
    crate::fixtures().join("store/v1.json")
}

fn expected() -> Document {
    project_json::read(&v1_json()).expect("v1.json reads")
}

fn user_version(path: &Path) -> u32 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

fn schema_sql(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT type || ' ' || name || ': ' || sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn migrations_validate() {
    schema::migrations().validate().unwrap();
    schema::migrations_up_to(1).validate().unwrap();
}

#[test]
fn the_v1_fixture_is_a_version_1_file() {
    assert_eq!(user_version(&v1_file()), 1);
    assert!(
        !schema_sql(&v1_file())
            .iter()
            .any(|s| s.starts_with("index links_target")),
        "version 1 has no links_target index"
    );
}

#[test]
fn a_saved_file_has_exactly_the_migrated_schema_and_complete_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let migrated = dir.path().join("migrated.sqlite");
    schema::migrations()
        .to_latest(&mut Connection::open(&migrated).unwrap())
        .unwrap();
    let saved = dir.path().join("saved.recimap");
    let doc = expected();
    store::save(&saved, &doc).unwrap();
    let objects = schema_sql(&saved);
    assert_eq!(objects, schema_sql(&migrated));
    assert!(
        objects
            .contains(&"index links_target: CREATE INDEX links_target ON links(target)".to_owned()),
        "{objects:#?}"
    );
    // integrity_check compares every index with its table, row by row.
    let conn = Connection::open(&saved).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let indexed: i64 = conn
        .query_row(
            "SELECT count(*) FROM links INDEXED BY links_target WHERE target > ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!doc.map.links.is_empty());
    assert_eq!(indexed, doc.map.links.len() as i64);
}

#[test]
fn a_version_1_file_is_upgraded_after_a_backup_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old project.recimap");
    std::fs::copy(v1_file(), &path).unwrap();
    let original = std::fs::read(&path).unwrap();

    let doc = store::open(&path).unwrap();
    assert_eq!(doc, expected());

    let backup = dir.path().join("old project.v1-backup.recimap");
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        original,
        "backup is the old file"
    );
    assert_eq!(user_version(&path), store::SCHEMA_VERSION);

    // The upgraded file has exactly the schema of a new file.
    let fresh = dir.path().join("fresh.recimap");
    store::save(&fresh, &doc).unwrap();
    assert_eq!(schema_sql(&path), schema_sql(&fresh));

    // Opening again changes nothing and keeps no second backup.
    let upgraded = std::fs::read(&path).unwrap();
    assert_eq!(store::open(&path).unwrap(), doc);
    assert_eq!(std::fs::read(&path).unwrap(), upgraded);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "fresh.recimap",
            "old project.recimap",
            "old project.v1-backup.recimap"
        ]
    );
}

#[test]
fn a_second_upgrade_does_not_overwrite_an_earlier_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.recimap");
    std::fs::write(dir.path().join("p.v1-backup.recimap"), b"earlier").unwrap();
    std::fs::copy(v1_file(), &path).unwrap();
    store::open(&path).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("p.v1-backup.recimap")).unwrap(),
        b"earlier"
    );
    assert_eq!(
        std::fs::read(dir.path().join("p.v1-backup-2.recimap")).unwrap(),
        std::fs::read(v1_file()).unwrap()
    );
}

/// Regenerates the version-1 fixture from `v1.json`. Run only when the
/// fixture must be remade (it never should: it stands for files users have):
/// `cargo test -p recimap-store --test it -- --ignored write_v1_fixture`.
#[test]
#[ignore = "writes the checked-in fixture"]
fn write_v1_fixture() {
    let _ = std::fs::remove_file(v1_file());
    store::save_as_version(&v1_file(), &expected(), 1).unwrap();
}
