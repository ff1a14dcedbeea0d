//! The demo map's SVG, byte for byte as `recimap export --format svg` wrote
//! it before the crates were split (`tests/fixtures/golden/demo.svg`, dated
//! 1 December 2026): moving code must not move a pixel. A change of the
//! drawing on purpose updates the fixture in the same commit.

use recimap_core::{analyze, demo::demo_map};
use recimap_render::{SvgOptions, svg};

use crate::fixtures;

#[test]
fn the_demo_picture_is_unchanged() {
    let map = demo_map();
    let opts = SvgOptions {
        date: Some("1 December 2026".into()),
        ..SvgOptions::default()
    };
    let drawn = svg(&map, &analyze(&map), &opts);
    let expected = std::fs::read_to_string(fixtures().join("golden/demo.svg")).unwrap();
    assert!(drawn == expected, "the demo map's picture changed");
}
