//! The demo map's analysis, byte for byte as `recimap analyze --json` printed
//! it before the crates were split (`tests/fixtures/golden/demo.analysis.json`):
//! moving code must not move a figure. A change of a figure on purpose
//! updates the fixture in the same commit, with the reason.

use crate::fixtures;

#[test]
fn the_demo_analysis_is_unchanged() {
    let analysis = recimap_core::analyze(&recimap_core::demo::demo_map());
    let mut json = serde_json::to_string_pretty(&analysis).unwrap();
    json.push('\n');
    let expected = std::fs::read_to_string(fixtures().join("golden/demo.analysis.json")).unwrap();
    assert!(json == expected, "the demo map's analysis changed");
}

#[test]
fn the_analysis_json_reads_back_to_the_same_analysis() {
    let analysis = recimap_core::analyze(&recimap_core::demo::demo_map());
    let json = serde_json::to_string(&analysis).unwrap();
    let back: recimap_core::Analysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, analysis);
}
