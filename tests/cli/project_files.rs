//! `recimap new` and `recimap analyze` on project files.

use recimap_core::Document;
use recimap_store as store;

#[test]
fn the_cli_creates_and_analyses_project_files() {
    let bin = env!("CARGO_BIN_EXE_recimap");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.recimap");
    let out = std::process::Command::new(bin)
        .arg("new")
        .arg(&file)
        .arg("--demo")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        store::open(&file).unwrap(),
        Document::new(recimap_core::demo::demo_map())
    );
    let out = std::process::Command::new(bin)
        .arg("analyze")
        .arg(&file)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let from_file: recimap_core::Analysis = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        from_file,
        recimap_core::analyze(&recimap_core::demo::demo_map())
    );

    // An empty project takes its title from the file name.
    let empty = dir.path().join("Board review.recimap");
    let out = std::process::Command::new(bin)
        .arg("new")
        .arg(&empty)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc = store::open(&empty).unwrap();
    assert_eq!(doc.map.title, "Board review");
    assert!(doc.map.units.is_empty());
    // `new` never replaces a file without --force.
    let out = std::process::Command::new(bin)
        .arg("new")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        store::open(&file).unwrap(),
        Document::new(recimap_core::demo::demo_map())
    );
}
