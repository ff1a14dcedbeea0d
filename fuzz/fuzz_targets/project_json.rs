//! Fuzzes the versioned project JSON reader (`recimap export --format json`)
//! and, when it accepts the input, the project file behind it.
//!
//! Checked: the reader never panics; a document it accepts is written back to
//! project JSON that reads to the same document; and it can be saved to a
//! `.recimap` file that opens to the same document, unless it breaks one of
//! the file's own bounds (a 1,001-character name), which the save refuses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recimap_formats::project_json::{from_bytes, to_json};

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = from_bytes(data, "fuzz.json") else {
        return;
    };
    let back = from_bytes(to_json(&doc).as_bytes(), "round-trip.json")
        .expect("an accepted document reads back from its JSON");
    assert_eq!(back, doc, "the JSON round trip changed the document");
    let dir = std::env::temp_dir().join(format!("recimap-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("fuzz.recimap");
    match recimap_store::save(&path, &doc) {
        Ok(()) => {}
        // The file's own bounds (text lengths, counts; `recimap_store::bounds`)
        // are not the JSON reader's: such a document is refused, never
        // written, and that is all.
        Err(recimap_store::StoreError::Unsaveable { .. }) => return,
        Err(e) => panic!("an accepted document does not save: {e}"),
    }
    let opened = recimap_store::open(&path).expect("a saved document opens");
    assert_eq!(opened, doc, "the project file changed the document");
});
