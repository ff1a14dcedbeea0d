//! The analysis of a map: pure functions from a validated [`Map`] to an
//! [`Analysis`]. No I/O, no clock, no randomness beyond fixed seeds: the same
//! map gives the same output, byte for byte.

mod report;

pub use report::*;

use crate::model::Map;

/// Analyses a map. The map should be valid ([`Map::validate`]); links naming
/// unknown units are ignored rather than trusted.
pub fn analyze(map: &Map) -> Analysis {
    let _ = map;
    unimplemented!("analysis is being written")
}
