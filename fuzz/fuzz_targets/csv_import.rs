//! Fuzzes the CSV importer (units + links) and, when it accepts the input,
//! everything downstream of it.
//!
//! Input layout: the first byte picks the options (bit 0: undirected; bit 1:
//! a `--relation` of "advice"), the rest is the units file, a line holding
//! only the byte 0x1E (ASCII record separator), then the links file.
//!
//! Checked: the importer never panics; a map it accepts is valid, survives
//! the JSON round trip unchanged, and can be analysed without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recimap_formats::csv::{CsvOptions, import_csv_bytes};
use recimap_formats::json::{map_to_json, read_map_json_str};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let (units, links) = match rest.windows(3).position(|w| w == b"\n\x1e\n") {
        Some(i) => (&rest[..i], &rest[i + 3..]),
        None => (rest, &b"source,target\n"[..]),
    };
    let opts = CsvOptions {
        undirected: flags & 1 == 1,
        relation: (flags & 2 == 2).then(|| "advice".to_owned()),
    };
    let Ok(import) = import_csv_bytes(units, "units.csv", links, "links.csv", &opts) else {
        return;
    };
    let map = import.map;
    assert!(map.problems().is_empty(), "accepted an invalid map: {:?}", map.problems());
    let back = read_map_json_str(&map_to_json(&map), "round-trip.json")
        .expect("an imported map reads back from its JSON");
    assert_eq!(back, map, "the JSON round trip changed the map");
    let _ = recimap_core::analyze(&map);
});
