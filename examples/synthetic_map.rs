//! Writes a synthetic organisation as a `.recimap` project file, for trying
//! and measuring the desktop app on a large map (`tests/e2e/measure.sh` opens
//! one of 2,000 units and 8,000 links):
//!
//! ```sh
//! cargo run --release --example synthetic_map -- 2000 8000 big.recimap [SEED]
//! ```
//!
//! The map is `recimap_core::analysis::synthetic_map` (the benchmarks' map: groups
//! of about 50 units, raw weights 1–5, no positions — as an imported network
//! arrives), seed 7 unless given. An existing file is replaced.

use std::path::PathBuf;
use std::process::ExitCode;

use recimap_core::Document;
use recimap_core::analysis::synthetic_map;
use recimap_store as store;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [units, links, file] => Some((units, links, file, "7")),
        [units, links, file, seed] => Some((units, links, file, seed.as_str())),
        _ => None,
    };
    let Some((units, links, file, seed)) = parsed else {
        eprintln!("usage: synthetic_map UNITS LINKS FILE.recimap [SEED]");
        return ExitCode::from(2);
    };
    let (Ok(units), Ok(links), Ok(seed)) = (units.parse(), links.parse(), seed.parse()) else {
        eprintln!("synthetic_map: UNITS, LINKS and SEED must be whole numbers");
        return ExitCode::from(2);
    };
    let file = PathBuf::from(file);
    let map = synthetic_map(units, links, seed);
    let (units, links) = (map.units.len(), map.links.len());
    if let Err(e) = store::save(&file, &Document::new(map)) {
        eprintln!("synthetic_map: {}: {e}", file.display());
        return ExitCode::from(2);
    }
    println!("{}: {units} units, {links} links", file.display());
    ExitCode::SUCCESS
}
