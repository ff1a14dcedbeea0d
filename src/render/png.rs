//! PNG export: the map's SVG parsed by usvg (with the bundled fonts, see
//! [`super::fonts`]) and rasterised by resvg at an integer scale.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts;
use super::svg::{SvgOptions, draw, svg};
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
    check_size(f64::from(size.width()), f64::from(size.height()), 1.0)?;
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

/// Refuses a picture of more than [`MAX_PIXELS`], saying what to do instead.
fn check_size(width: f64, height: f64, scale: f64) -> Result<(), Error> {
    let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
    if w * h > MAX_PIXELS as f64 {
        return Err(Error::Export(format!(
            "a {w}×{h} PNG is too large to make ({} megapixels, at most {}): use a smaller --scale, or export SVG",
            (w * h / 1e6).round(),
            MAX_PIXELS / 1_000_000
        )));
    }
    Ok(())
}

/// The map as PNG bytes at `scale` (see [`svg`] and [`rasterise`]); a
/// picture too large is refused before anything is drawn.
pub fn png(
    map: &Map,
    analysis: &Analysis,
    opts: &SvgOptions,
    scale: u32,
) -> Result<Vec<u8>, Error> {
    let d = draw(map, analysis, opts);
    check_size(d.width, d.height, f64::from(scale))?;
    rasterise(&svg(map, analysis, opts), scale as f32)
}
