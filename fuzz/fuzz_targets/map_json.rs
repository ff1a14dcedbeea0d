//! Fuzzes the map JSON reader and, when it accepts the input, everything
//! downstream of it.
//!
//! Checked: the reader never panics; a map it accepts is valid, is written
//! back to JSON that reads to the same map, and can be analysed without a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recimap_formats::json::{map_to_json, read_map_json_bytes, read_map_json_str};

fuzz_target!(|data: &[u8]| {
    let Ok(map) = read_map_json_bytes(data, "fuzz.json") else {
        return;
    };
    assert!(map.problems().is_empty(), "accepted an invalid map: {:?}", map.problems());
    let back = read_map_json_str(&map_to_json(&map), "round-trip.json")
        .expect("an accepted map reads back from its JSON");
    assert_eq!(back, map, "the JSON round trip changed the map");
    let _ = recimap_core::analyze(&map);
});
