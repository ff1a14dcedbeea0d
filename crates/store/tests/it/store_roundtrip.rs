//! The `.recimap` file holds exactly what was saved: save → open gives an
//! equal document, the file is a real SQLite database with our application id
//! and schema version and the documented tables, and saving leaves no side
//! files.

use std::path::Path;

use recimap_core::Document;
use recimap_core::model::{Link, Map, Unit, UnitKind};
use recimap_formats::project_json;
use recimap_store::{self as store, StoreError};
use rusqlite::Connection;

fn rich_map() -> Map {
    let text = include_str!("../../../../tests/fixtures/store/rich_map.json");
    serde_json::from_str(text).expect("fixture parses")
}

fn rich_doc() -> Document {
    let mut doc = Document::new(rich_map());
    doc.add_snapshot("before workshop", "2026-03-01T09:30:00Z")
        .unwrap();
    doc.map.units[0].name = "IT & Digital Services".into();
    doc.map.links.pop();
    doc.add_snapshot("after workshop — 2 März", "2026-03-02T17:00:00+02:00")
        .unwrap();
    doc.map.title.push_str(" (current)");
    doc
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_then_open_gives_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rich.recimap");
    let docs = [
        Document::default(),
        Document::new(recimap_core::demo::demo_map()),
        rich_doc(),
    ];
    for doc in docs {
        store::save(&path, &doc).unwrap();
        let back = store::open(&path).unwrap();
        assert_eq!(back, doc);
        // Saving over an existing file works the same way.
        store::save(&path, &back).unwrap();
        assert_eq!(store::open(&path).unwrap(), doc);
    }
    assert_eq!(files_in(dir.path()), ["rich.recimap"], "no side files");
}

#[test]
fn snapshot_times_are_kept_in_utc() {
    let doc = rich_doc();
    let times: Vec<&str> = doc.snapshots.iter().map(|s| s.taken_at.as_str()).collect();
    assert_eq!(times, ["2026-03-01T09:30:00Z", "2026-03-02T15:00:00Z"]);
    let mut d = Document::default();
    let err = d.add_snapshot("x", "yesterday").unwrap_err();
    assert_eq!(
        err,
        recimap_core::document::SnapshotError::BadTime("yesterday".into())
    );
}

#[test]
fn file_is_sqlite_with_our_id_version_and_documented_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.recimap");
    store::save(&path, &rich_doc()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let app: i64 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let journal: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app as u32, store::APPLICATION_ID);
    assert_eq!(&(app as u32).to_be_bytes(), b"RCMP");
    assert_eq!(version, store::SCHEMA_VERSION);
    assert_eq!(journal, "delete");
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        tables,
        [
            "ambassadors",
            "answers",
            "hidden_findings",
            "links",
            "map",
            "meta",
            "snapshots",
            "unit_display",
            "units"
        ]
    );
    // Plain SQL reads the map: a client needs nothing of ours.
    let (name, x): (String, f64) = conn
        .query_row(
            "SELECT u.name, d.x FROM units u JOIN unit_display d ON d.unit_id = u.id WHERE u.id = 'it'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((name.as_str(), x), ("IT & Digital Services", 120.5));
    let ratings: (i64, i64, Option<i64>) = conn
        .query_row(
            "SELECT frequency, why, trust FROM links WHERE source = 'it' AND target = 'fin'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(ratings, (2, 1, None));
    let snapshot_title: String = conn
        .query_row(
            "SELECT json_extract(map_json, '$.title') FROM snapshots WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(snapshot_title, rich_map().title);
    // Foreign keys hold.
    conn.pragma_update(None, "foreign_keys", true).unwrap();
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0);
}

#[test]
fn a_map_with_an_unnamed_unit_still_saves() {
    // Nothing the user typed is lost: half-finished edits save.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.recimap");
    let mut map = Map::default();
    map.units.push(Unit::new("u1", "", UnitKind::Business));
    map.units.push(Unit::new("u2", "Sales", UnitKind::Business));
    map.links.push(Link::new("u1", "u1"));
    let doc = Document::new(map);
    store::save(&path, &doc).unwrap();
    assert_eq!(store::open(&path).unwrap(), doc);
}

#[test]
fn a_map_the_schema_cannot_hold_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.recimap");
    store::save(&path, &rich_doc()).unwrap();
    let before = std::fs::read(&path).unwrap();
    type Edit = Box<dyn Fn(&mut Map)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "is used twice",
            Box::new(|m| m.units.push(Unit::new("it", "Again", UnitKind::It))),
        ),
        (
            "not on the map",
            Box::new(|m| m.links.push(Link::new("it", "ghost"))),
        ),
        (
            "appears twice",
            Box::new(|m| {
                let l = m.links[0].clone();
                m.links.push(l)
            }),
        ),
        (
            "not a finite number",
            Box::new(|m| m.links[0].weight = Some(f64::NAN)),
        ),
        (
            "not a point on the canvas",
            Box::new(|m| {
                m.units[0].position = Some(recimap_core::model::Position {
                    x: f64::INFINITY,
                    y: 0.0,
                })
            }),
        ),
    ];
    for (expected, edit) in cases {
        let mut doc = rich_doc();
        edit(&mut doc.map);
        let err = store::save(&path, &doc).unwrap_err();
        assert!(matches!(err, StoreError::Unsaveable { .. }), "{err}");
        assert!(err.to_string().contains(expected), "{expected}: {err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    assert_eq!(files_in(dir.path()), ["keep.recimap"]);
}

#[test]
fn a_leftover_temporary_copy_does_not_stop_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.recimap");
    std::fs::write(store::temp_path(&path), b"half a file from a killed save").unwrap();
    store::save(&path, &rich_doc()).unwrap();
    assert_eq!(store::open(&path).unwrap(), rich_doc());
    assert_eq!(files_in(dir.path()), ["x.recimap"]);
}

#[test]
fn file_to_json_to_file_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.recimap");
    let b = dir.path().join("b.recimap");
    let doc = rich_doc();
    store::save(&a, &doc).unwrap();
    let json = project_json::to_json(&store::open(&a).unwrap());
    let parsed = project_json::from_bytes(json.as_bytes(), "a.json").unwrap();
    assert_eq!(parsed, doc);
    store::save(&b, &parsed).unwrap();
    let back = store::open(&b).unwrap();
    assert_eq!(back, doc);
    assert_eq!(project_json::to_json(&back), json);
}

/// Stored snapshots carry the version of the map's own JSON shape, not the
/// project JSON's: the two move independently (a new field around the map in
/// the project JSON must not make every stored snapshot unreadable), and a
/// snapshot in a shape this build does not know is refused by name.
#[test]
fn snapshots_are_stamped_with_the_map_shape_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.recimap");
    store::save(&path, &rich_doc()).unwrap();
    let conn = Connection::open(&path).unwrap();
    let versions: Vec<i64> = conn
        .prepare("SELECT map_version FROM snapshots ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let shape = i64::from(recimap_core::model::MAP_SHAPE_VERSION);
    assert_eq!(versions, [shape, shape]);

    conn.execute(
        "UPDATE snapshots SET map_version = ?1 WHERE id = 2",
        [shape + 1],
    )
    .unwrap();
    drop(conn);
    let err = store::open(&path).unwrap_err().to_string();
    assert!(
        err.contains(&format!(
            "snapshot 2 holds a map in JSON version {}",
            shape + 1
        )),
        "{err}"
    );
}
