//! Pictures of a map, drawn by the core so that the app, the exports and the
//! reports look the same.
//!
//! - [`style`] — the drawing rules as data ([`Style`]): shapes and colours per
//!   unit kind, width from strength, colour from balance, badges, hulls.
//! - [`svg()`] — the map as a vector SVG document (text stays text).
//! - [`png()`] — that SVG rasterised by resvg at 1×, 2× or 4×.
//! - [`fonts`] — the bundled Inter faces, the font database and text measuring.
//!
//! Everything here is pure except [`fonts::database`], which reads the
//! system's fonts once.

pub mod fonts;
mod geometry;
mod layout;
mod png;
pub mod style;
mod svg;
pub(crate) mod xml;

pub use crate::analysis::Badge;
pub use png::{MAX_PIXELS, png, rasterise};
pub use style::{NodeShape, Style};
pub use svg::{Focus, SvgOptions, svg};

pub(crate) use png::parse;
pub(crate) use svg::{draw, fit, svg_element};
