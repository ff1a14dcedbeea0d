//! PNG export: the map's SVG parsed by usvg (with the bundled fonts, see
//! [`super::fonts`]) and rasterised by resvg at an integer scale.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts;
use super::svg::{SvgOptions, svg};
use crate::analysis::Analysis;
use crate::error::Error;
use crate::model::Map;

/// The largest picture [`rasterise`] makes, in pixels (width × height): 100
/// megapixels, 400 MB of memory while drawing.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Parses an SVG document with the bundled and system fonts.
pub(crate) fn parse(svg: &str) -> Result<usvg::Tree, Error> {
    let opts = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILY.into(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opts)
        .map_err(|e| Error::Export(format!("cannot read the SVG drawing: {e}")))
}

/// An SVG document as PNG bytes, `scale` pixels per SVG unit (1, 2 or 4 for
/// the exports; any positive value works).
pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, Error> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(Error::Export(format!(
            "the PNG scale must be a positive number, not {scale}"
        )));
    }
    let tree = parse(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| Error::Export("the picture has no size: is the SVG empty?".into()))?;
    let pixels = u64::from(size.width()) * u64::from(size.height());
    if pixels > MAX_PIXELS {
        return Err(Error::Export(format!(
            "a {}×{} PNG is too large to make ({} megapixels, at most {}): use a smaller --scale, or export SVG",
            size.width(),
            size.height(),
            pixels / 1_000_000,
            MAX_PIXELS / 1_000_000
        )));
    }
    let mut pixmap = Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Export("cannot allocate the picture".into()))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Export(format!("cannot encode the PNG: {e}")))
}

/// The map as PNG bytes at `scale` (see [`svg`] and [`rasterise`]).
pub fn png(
    map: &Map,
    analysis: &Analysis,
    opts: &SvgOptions,
    scale: u32,
) -> Result<Vec<u8>, Error> {
    rasterise(&svg(map, analysis, opts), scale as f32)
}
