//! CSV export in the import layout: CSV → project file → CSV gives back the
//! same units and links, through the library and through the command line.

use std::process::Command;

use recimap_core::Document;
use recimap_core::model::{Map, Unit};
use recimap_formats::csv::{CsvOptions, import_csv};
use recimap_formats::csv_export::{links_csv, units_csv};
use recimap_store as store;

const BIN: &str = env!("CARGO_BIN_EXE_recimap");

/// What CSV carries of a map: units without canvas position and colour, and links.
fn csv_content(map: &Map) -> (Vec<Unit>, Vec<recimap_core::model::Link>) {
    let units = map
        .units
        .iter()
        .map(|u| Unit {
            position: None,
            colour: None,
            ..u.clone()
        })
        .collect();
    (units, map.links.clone())
}

fn run(args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn rich_map_survives_export_and_import() {
    let map: Map = serde_json::from_str(include_str!("../fixtures/store/rich_map.json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::new(map.clone());
    let (u, l) = recimap_services::export::write_csv_dir(&doc, &dir.path().join("out")).unwrap();
    let back = import_csv(&u, &l, &CsvOptions::default()).unwrap();
    assert_eq!(csv_content(&back.map), csv_content(&map));
    assert_eq!(back.duplicates_merged, 0);
    // And writing the imported map again gives the same text.
    assert_eq!(units_csv(&back.map), std::fs::read_to_string(&u).unwrap());
    assert_eq!(links_csv(&back.map), std::fs::read_to_string(&l).unwrap());
}

#[test]
fn exported_csv_is_in_the_import_layout() {
    let map: Map = serde_json::from_str(include_str!("../fixtures/store/rich_map.json")).unwrap();
    let units = units_csv(&map);
    let links = links_csv(&map);
    assert!(units.starts_with(
        "id,name,kind,group,headcount,lead,notes\nit,IT,it,Technology,42,Ana Ruiz,Runs the ERP\n"
    ));
    // Quotes, commas and line breaks are quoted, not split.
    assert!(units.contains("fin,\"Finance, Treasury \"\"and\"\" Tax\",business,Corporate,7,,\n"));
    assert!(units.contains("hr,\"HR\nand people\",business,,,,\n"));
    assert!(links.starts_with("source,target,weight,frequency,why,listening,trust,notes\n"));
    assert!(links.contains("fin,it,,4,5,1,3,\"weekly; \"\"urgent\"\"\"\n"));
    assert!(links.contains("dig,cust,0.30000000000000004,,,,,\n"));
    assert!(links.contains("cust,dig,0.0000001,,,,,\n"));
    assert!(links.contains("hr,dig,2.5,3,,,,\n"));
}

#[test]
fn csv_to_file_to_csv_on_a_real_network() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = crate::fixtures().join("store/krackhardt");
    let file = dir.path().join("k.recimap");
    run(&[
        "import".as_ref(),
        "--units".as_ref(),
        fixtures.join("nodes.csv").as_os_str(),
        "--links".as_ref(),
        fixtures.join("edges.csv").as_os_str(),
        "--relation".as_ref(),
        "advice".as_ref(),
        "-o".as_ref(),
        file.as_os_str(),
    ]);
    let imported = import_csv(
        &fixtures.join("nodes.csv"),
        &fixtures.join("edges.csv"),
        &CsvOptions {
            relation: Some("advice".into()),
            undirected: false,
        },
    )
    .unwrap();
    let stored = store::open(&file).unwrap().map;
    assert_eq!(stored, imported.map);
    assert_eq!((stored.units.len(), stored.links.len()), (21, 190));

    let out = dir.path().join("csv");
    run(&[
        "export".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let again = import_csv(
        &out.join("units.csv"),
        &out.join("links.csv"),
        &CsvOptions::default(),
    )
    .unwrap();
    assert_eq!(csv_content(&again.map), csv_content(&stored));
    assert_eq!(
        std::fs::read_to_string(out.join("links.csv")).unwrap(),
        links_csv(&stored)
    );
    // The same figures from the file as from the CSV.
    let a = recimap_core::analyze(&stored);
    let b = recimap_core::analyze(&again.map);
    assert_eq!(
        a.organisation.weighted_reciprocity,
        b.organisation.weighted_reciprocity
    );
    assert_eq!(a.units, b.units);
}

#[test]
fn csv_export_needs_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.recimap");
    run(&["new".as_ref(), file.as_os_str(), "--demo".as_ref()]);
    let out = Command::new(BIN)
        .arg("export")
        .arg(&file)
        .args(["--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("give a folder with -o DIR"));
}
