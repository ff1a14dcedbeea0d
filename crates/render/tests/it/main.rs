//! The integration tests of `recimap-render`, in one binary: the SVG read
//! back by an independent XML parser and rasterised, hostile names kept as
//! text, the two directions of a pair apart, focus and before/after
//! colouring, the UI drawing with the core's style, the PNG at each scale,
//! and the demo map's picture byte for byte.

mod export_png;
mod export_svg;
mod golden;

pub use recimap_testkit::fixtures;
