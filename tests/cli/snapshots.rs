//! `recimap snapshot FILE add|list|diff|restore`, as a user runs them.

use std::process::Command;

use recimap_core::Document;
use recimap_store as store;

use crate::fixture_map;

#[test]
fn the_cli_takes_lists_diffs_and_restores_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.recimap");
    store::save(&file, &Document::new(fixture_map("compare/before.json"))).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_recimap"))
            .arg("snapshot")
            .arg(&file)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["add", "before workshop", "--at", "2026-03-01T09:00:00Z"]);
    let mut doc = store::open(&file).unwrap();
    doc.map = fixture_map("compare/after.json");
    store::save(&file, &doc).unwrap();
    run(&["add", "after workshop", "--at", "2026-03-01T17:00:00Z"]);

    let list = run(&["list"]);
    assert!(
        list.contains("   1  2026-03-01T09:00:00Z      3      3  before workshop\n"),
        "{list}"
    );
    assert!(
        list.contains("   2  2026-03-01T17:00:00Z      4      4  after workshop\n"),
        "{list}"
    );

    let diff = run(&["diff", "before workshop", "2"]);
    assert!(diff.starts_with("From snapshot 1 'before workshop' to snapshot 2 'after workshop'"));
    assert!(
        diff.contains("+ IT → Finance: strength 1.00 → 3.00"),
        "{diff}"
    );
    assert!(
        diff.contains("- relationship IT ↔ Operations is gone"),
        "{diff}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["diff", "1", "current", "--json"])).unwrap();
    assert_eq!(
        json["relationships_added"],
        serde_json::json!([["hr", "it"]])
    );

    run(&["restore", "1"]);
    let doc = store::open(&file).unwrap();
    assert_eq!(doc.map, fixture_map("compare/before.json"));
    assert_eq!(doc.snapshots.len(), 3);
    assert_eq!(doc.snapshots[2].map, fixture_map("compare/after.json"));
}
