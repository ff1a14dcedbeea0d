//! PNG export: the map's SVG parsed by usvg (with the bundled fonts, see
//! [`super::fonts`]) and rasterised by resvg at an integer scale.
//!
//! Large maps are mostly anti-aliased lines, which resvg draws on one thread
//! at a few hundred nanoseconds per pixel row of each line (polblogs, 19,022
//! links: 8.7 s for a 4478 × 9170 picture). So the picture is drawn in bands
//! of [`BAND_ROWS`] rows on all cores, each band by resvg into its own rows,
//! and encoded with a light zlib level ([`encode`]).

use rayon::prelude::*;
use resvg::tiny_skia::{Pixmap, PixmapMut, Transform};
use resvg::usvg;

use super::svg::{SvgOptions, draw, svg};
use super::{RenderError, fonts};
use recimap_core::Analysis;
use recimap_core::model::Map;

/// The largest picture [`rasterise`] makes, in pixels (width × height): 100
/// megapixels, 400 MB of memory while drawing.
pub const MAX_PIXELS: u64 = 100_000_000;

/// Height of the bands the picture is drawn in, in pixels. Fixed rather than
/// taken from the number of threads, so the same SVG always gives the same
/// pixels (a line cut at a band's edge is anti-aliased from the cut, which can
/// differ from an undivided drawing in the last bit; it never depends on the
/// machine). On polblogs 1,024 rows took 4.3 s on two cores, 256 rows 5.1 s
/// (each band walks every element), 2,048 rows 6.0 s (too few bands to share).
pub const BAND_ROWS: u32 = 1024;

/// The zlib level of the PNG: 2 of 9. On polblogs (41 megapixels) it took
/// 0.87 s against 3.1 s for the default 6, for a file 6 % larger (3 % on the
/// demo map); fdeflate's fastest mode took 0.33 s but made files 16–48 %
/// larger.
const ZLIB_LEVEL: u8 = 2;

/// Parses an SVG document with the bundled and system fonts.
pub fn parse(svg: &str) -> Result<usvg::Tree, RenderError> {
    let opts = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::FAMILY.into(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &opts).map_err(RenderError::Svg)
}

/// An SVG document as PNG bytes, `scale` pixels per SVG unit (1, 2 or 4 for
/// the exports; any positive value works).
pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(RenderError::BadScale(scale));
    }
    let tree = parse(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or(RenderError::NoSize)?;
    check_size(f64::from(size.width()), f64::from(size.height()), 1.0)?;
    let (width, height) = (size.width(), size.height());
    let mut pixmap = Pixmap::new(width, height).ok_or(RenderError::NoMemory)?;
    let row_bytes = width as usize * 4;
    pixmap
        .data_mut()
        .par_chunks_mut(BAND_ROWS as usize * row_bytes)
        .enumerate()
        .for_each(|(i, band)| {
            let rows = (band.len() / row_bytes) as u32;
            let top = i as f32 * BAND_ROWS as f32;
            if let Some(mut band) = PixmapMut::from_bytes(band, width, rows) {
                let shift = Transform::from_scale(scale, scale).post_translate(0.0, -top);
                resvg::render(&tree, shift, &mut band);
            }
        });
    encode(pixmap)
}

/// A drawn picture as PNG bytes: 8-bit RGBA, not premultiplied, adaptive
/// row filters, zlib level [`ZLIB_LEVEL`].
fn encode(pixmap: Pixmap) -> Result<Vec<u8>, RenderError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, width, height);
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    encoder.set_deflate_compression(::png::DeflateCompression::Level(ZLIB_LEVEL));
    encoder.set_filter(::png::Filter::Adaptive);
    let failed = RenderError::Encode;
    let mut writer = encoder.write_header().map_err(failed)?;
    writer
        .write_image_data(&pixmap.take_demultiplied())
        .map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}

/// Refuses a picture of more than [`MAX_PIXELS`], saying what to do instead.
fn check_size(width: f64, height: f64, scale: f64) -> Result<(), RenderError> {
    let (w, h) = ((width * scale).ceil(), (height * scale).ceil());
    if w * h > MAX_PIXELS as f64 {
        return Err(RenderError::TooLarge {
            width: w,
            height: h,
        });
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
) -> Result<Vec<u8>, RenderError> {
    let d = draw(map, analysis, opts);
    check_size(d.width, d.height, f64::from(scale))?;
    rasterise(&svg(map, analysis, opts), scale as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The RGBA pixels of PNG bytes.
    fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let mut reader = ::png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, ::png::ColorType::Rgba);
        buf.truncate(info.buffer_size());
        (info.width, info.height, buf)
    }

    #[test]
    fn each_band_is_drawn_in_its_own_rows() {
        // A bar across the first band's edge, one in the last (short) band,
        // half-transparent red in between: at 2×, so the scale applies too.
        let band = BAND_ROWS as f64 / 2.0;
        let height = 2.5 * band;
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"{height}\">\
             <rect x=\"0\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#0000ff\"/>\
             <rect x=\"0\" y=\"{}\" width=\"10\" height=\"4\" fill=\"#00ff00\"/>\
             <rect x=\"0\" y=\"{}\" width=\"10\" height=\"10\" fill=\"#ff0000\" fill-opacity=\"0.5\"/></svg>",
            band - 5.0,
            height - 4.0,
            band + 100.0
        );
        let (w, h, px) = decode(&rasterise(&svg, 2.0).unwrap());
        assert_eq!((w, h), (20, 5 * BAND_ROWS / 2));
        let at = |y: u32| {
            let k = (y * w + 7) as usize * 4;
            [px[k], px[k + 1], px[k + 2], px[k + 3]]
        };
        let edge = BAND_ROWS;
        for y in edge - 10..edge + 10 {
            assert_eq!(at(y), [0, 0, 255, 255], "row {y}");
        }
        assert_eq!(at(edge - 11), [0, 0, 0, 0]);
        assert_eq!(at(edge + 10), [0, 0, 0, 0]);
        for y in h - 8..h {
            assert_eq!(at(y), [0, 255, 0, 255], "row {y}");
        }
        assert_eq!(at(h - 9), [0, 0, 0, 0]);
        // Not premultiplied: half-transparent red stays full red.
        assert_eq!(at(edge + 210), [255, 0, 0, 128]);
    }
}
