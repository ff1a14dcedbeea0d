//! Fuzzes the project-file reader, `recimap_store::open`, on a temporary file
//! holding the input: the header check, the defensive SQLite connection, the
//! schema check, `quick_check`, the typed reading and the validation of the
//! map and its snapshots, and the migration of a version-1 file.
//!
//! The first byte chooses how the rest becomes the file:
//! - bit 0 clear: as it is, so the header check sees every kind of file;
//! - bit 0 set: with a valid Recimap header written over bytes 0–99 of it
//!   (the SQLite magic, our application id, schema version 1 or 2 from bit 1,
//!   rollback journal mode, a database size in pages that matches the
//!   length), so that mutations reach SQLite and our checks instead of
//!   stopping at the header.
//!
//! Checked: no panic; no hang (run with libFuzzer's `-timeout`); and a
//! document that opens is a document Recimap can save, which opens again to
//! the same document.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// This process's own folder for the file (migrations write beside it).
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("recimap-fuzz-file-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    })
}

/// The input as a file's bytes (see the module doc).
fn file_bytes(data: &[u8]) -> Vec<u8> {
    let Some((&mode, rest)) = data.split_first() else {
        return Vec::new();
    };
    let mut bytes = rest.to_vec();
    if mode & 1 == 0 {
        return bytes;
    }
    if bytes.len() < 100 {
        bytes.resize(100, 0);
    }
    bytes[..16].copy_from_slice(b"SQLite format 3\0");
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65536,
        n if (512..=32768).contains(&n) && n.is_power_of_two() => usize::from(n),
        _ => {
            bytes[16..18].copy_from_slice(&4096u16.to_be_bytes());
            4096
        }
    };
    bytes[18] = 1;
    bytes[19] = 1;
    let pages = bytes.len().div_ceil(page_size).max(1);
    bytes.resize(pages * page_size, 0);
    let version = if mode & 2 == 0 { 2u32 } else { 1 };
    let change_counter = [bytes[24], bytes[25], bytes[26], bytes[27]];
    bytes[28..32].copy_from_slice(&(pages as u32).to_be_bytes());
    bytes[60..64].copy_from_slice(&version.to_be_bytes());
    bytes[68..72].copy_from_slice(&recimap_store::APPLICATION_ID.to_be_bytes());
    bytes[92..96].copy_from_slice(&change_counter);
    bytes
}

fuzz_target!(|data: &[u8]| {
    let dir = folder();
    // A migration leaves a backup copy and the upgraded file: start clean.
    for entry in std::fs::read_dir(dir).unwrap() {
        let _ = std::fs::remove_file(entry.unwrap().path());
    }
    let path = dir.join("fuzz.recimap");
    std::fs::write(&path, file_bytes(data)).unwrap();
    let Ok(doc) = recimap_store::open(&path) else {
        return;
    };
    let again = dir.join("again.recimap");
    recimap_store::save(&again, &doc).expect("a document that opens saves");
    let reopened = recimap_store::open(&again).expect("a saved document opens");
    assert_eq!(reopened, doc, "save and open changed the document");
});
