//! The integration tests of `recimap-core`, in one binary: the analysis on
//! hand-made edge cases, random maps and eight real networks against
//! NetworkX and igraph; the findings rule by rule; snapshots and the
//! comparison of two maps; and the demo map's analysis, byte for byte.

mod analysis_edge_cases;
mod analysis_props;
mod findings;
mod golden;
mod reference;
mod snapshots;

pub use recimap_testkit::{fixture_map, fixtures};
