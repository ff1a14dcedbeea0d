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
pub mod xml;

pub use png::{MAX_PIXELS, png, rasterise};
pub use recimap_core::analysis::Badge;
pub use style::{NodeShape, Style};
pub use svg::{Focus, SvgOptions, svg};

pub use png::parse;
pub use svg::{draw, fit, svg_element};

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("cannot read the SVG drawing: {0}")]
    Svg(#[source] resvg::usvg::Error),
    #[error("the PNG scale must be a positive number, not {0}")]
    BadScale(f32),
    #[error("the picture has no size: is the SVG empty?")]
    NoSize,
    #[error("cannot allocate the picture")]
    NoMemory,
    #[error(
        "a {width}×{height} PNG is too large to make ({} megapixels, at most {}): use a smaller scale, or export SVG",
        (width * height / 1e6).round(),
        MAX_PIXELS / 1_000_000
    )]
    TooLarge { width: f64, height: f64 },
    #[error("cannot encode the PNG: {0}")]
    Encode(#[source] ::png::EncodingError),
}
