//! The PNG export decoded by an independent reader (the `png` crate): the
//! pixel size is the SVG's size times the scale at 1×, 2× and 4×, and the
//! picture is not blank. Also through the CLI, as a user runs it.

use std::collections::HashSet;

use recimap_core::{Map, analyze};
use recimap_render::{SvgOptions, png, svg};

/// Width and height of an SVG document from its root attributes.
fn svg_size(text: &str) -> (u32, u32) {
    let doc = roxmltree::Document::parse(text).unwrap();
    let root = doc.root_element();
    let n = |a: &str| root.attribute(a).unwrap().parse::<f64>().unwrap();
    let (w, h) = (n("width"), n("height"));
    assert!(
        w.fract() == 0.0 && h.fract() == 0.0,
        "whole-pixel size: {w} × {h}"
    );
    (w as u32, h as u32)
}

struct Decoded {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn decode(bytes: &[u8]) -> Decoded {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    Decoded {
        width: info.width,
        height: info.height,
        rgba: buf,
    }
}

/// How many distinct colours, and the share of pixels that are not white,
/// over about a million pixels spread evenly over the picture.
fn variety(d: &Decoded) -> (usize, f64) {
    let step = (d.rgba.len() / 4 / 1_000_000).max(1);
    let px: Vec<&[u8]> = d.rgba.chunks_exact(4).step_by(step).collect();
    let colours: HashSet<&[u8]> = px.iter().copied().collect();
    let inked = px
        .iter()
        .filter(|p| p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
        .count();
    (colours.len(), inked as f64 / px.len() as f64)
}

#[test]
fn the_demo_map_at_1x_2x_and_4x_has_the_right_size_and_is_not_blank() {
    let map = recimap_core::demo::demo_map();
    let analysis = analyze(&map);
    let opts = SvgOptions::default();
    let (w, h) = svg_size(&svg(&map, &analysis, &opts));
    for scale in [1, 2, 4] {
        let d = decode(&png(&map, &analysis, &opts, scale).unwrap());
        assert_eq!((d.width, d.height), (w * scale, h * scale), "at {scale}×");
        let (colours, inked) = variety(&d);
        assert!(colours > 200, "{colours} colours at {scale}×");
        assert!(
            inked > 0.05 && inked < 0.9,
            "inked share {inked} at {scale}×"
        );
    }
}

#[test]
fn an_empty_map_still_makes_a_picture() {
    let map = Map::default();
    let d = decode(&png(&map, &analyze(&map), &SvgOptions::default(), 1).unwrap());
    assert!(d.width > 100 && d.height > 100);
    let (colours, _) = variety(&d);
    assert!(colours > 2, "the legend and the message are drawn");
}
