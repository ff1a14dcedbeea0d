//! The PNG export decoded by an independent reader — ImageMagick, not the
//! `png` crate that wrote it: the pixel size is the SVG's size times the
//! scale at 1×, 2× and 4×, and the picture is not blank.

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

/// The picture as ImageMagick reads it (`identify` for the size, `convert`
/// to raw 8-bit RGBA for the pixels); `None` when ImageMagick is missing
/// outside CI.
fn decode(bytes: &[u8]) -> Option<Decoded> {
    if !recimap_testkit::outside_tool("identify", &["-version"], "apt install imagemagick") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.png");
    std::fs::write(&file, bytes).unwrap();
    let run = |program: &str, args: &[&str]| {
        let out = std::process::Command::new(program)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let path = format!("png:{}", file.display());
    let size = String::from_utf8(run("identify", &["-format", "%w %h", &path])).unwrap();
    let (w, h) = size.trim().split_once(' ').expect("width and height");
    let rgba = run("convert", &[&path, "-depth", "8", "rgba:-"]);
    let d = Decoded {
        width: w.parse().unwrap(),
        height: h.parse().unwrap(),
        rgba,
    };
    assert_eq!(d.rgba.len(), 4 * d.width as usize * d.height as usize);
    Some(d)
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
        let Some(d) = decode(&png(&map, &analysis, &opts, scale).unwrap()) else {
            return;
        };
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
    let Some(d) = decode(&png(&map, &analyze(&map), &SvgOptions::default(), 1).unwrap()) else {
        return;
    };
    assert!(d.width > 100 && d.height > 100);
    let (colours, _) = variety(&d);
    assert!(colours > 2, "the legend and the message are drawn");
}
