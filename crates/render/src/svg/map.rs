//! The map itself, in canvas coordinates, as layers drawn bottom to top:
//! group hulls, faded links, faded units, links, hull labels, units with
//! their labels, badge pills ([`Layers`]). Each layer is drawn by its own
//! function from one [`Scene`]; the links are drawn in [`super::links`].
//! Every drawn thing adds its box to the map's [`Bounds`].

use std::collections::HashMap;
use std::fmt::Write;

use super::links::link_layers;
use super::scene::{Bounds, Scene};
use super::{SvgOptions, fit};
use crate::fonts::{text_width, wrap};
use crate::geometry::{Pt, hull_path, shape_path};
use crate::style::{Style, is_css_hex};
use crate::xml::{escape, num};
use recimap_core::Analysis;
use recimap_core::analysis::{Badge, GroupScores};
use recimap_core::model::{Map, Unit, UnitId};

/// Line height of unit labels, as a multiple of the font size.
const LINE_HEIGHT: f64 = 1.25;
/// Room kept around everything drawn on the map.
const PAD: f64 = 12.0;

/// The map's layers, each a run of SVG elements.
#[derive(Default)]
pub(super) struct Layers {
    hulls: String,
    edges_faded: String,
    nodes_faded: String,
    edges: String,
    hull_labels: String,
    nodes: String,
    pills: String,
}

impl Layers {
    /// The layers bottom to top: faded things under bright ones, hull labels
    /// over the links, badges over everything.
    fn stack(self) -> String {
        [
            self.hulls,
            self.edges_faded,
            self.nodes_faded,
            self.edges,
            self.hull_labels,
            self.nodes,
            self.pills,
        ]
        .concat()
    }
}

/// The map's units, links, hulls and badges in canvas coordinates, and their bounds.
pub(super) fn draw_map(map: &Map, analysis: &Analysis, opts: &SvgOptions) -> (String, Bounds) {
    let scene = Scene::new(map, analysis, opts);
    let mut layers = Layers::default();
    let mut bounds = Bounds::new();
    if opts.hulls {
        hull_layers(&scene, &analysis.groups, &mut layers, &mut bounds);
    }
    (layers.edges, layers.edges_faded) = link_layers(&scene, opts.changes.as_deref(), &mut bounds);
    unit_layers(&scene, analysis, &mut layers, &mut bounds);
    (layers.stack(), bounds.padded(PAD))
}

/// A soft hull around each group's units, under everything, and the group's
/// name above it.
fn hull_layers(scene: &Scene, groups: &[GroupScores], layers: &mut Layers, bounds: &mut Bounds) {
    let style = scene.style;
    let pad = style.node_size * style.hull_padding;
    for (i, g) in groups.iter().enumerate() {
        let pts: Vec<Pt> = g
            .units
            .iter()
            .filter_map(|id| scene.index.get(id).map(|&k| scene.pos[k]))
            .collect();
        if pts.is_empty() {
            continue;
        }
        let colour = escape(style.hull_colour(i));
        let (d, corners) = hull_path(&pts, pad);
        corners.iter().for_each(|&p| bounds.add(p));
        let _ = writeln!(
            layers.hulls,
            "<path class=\"hull\" d=\"{d}\" fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-opacity=\"{}\" stroke-width=\"1.5\"/>",
            num(style.hull_fill_opacity),
            num(style.hull_stroke_opacity),
        );
        layers
            .hull_labels
            .push_str(&hull_label(style, &g.name, &colour, &pts, pad, bounds));
    }
}

/// A group's name above its hull's top, centred on the members within `pad`
/// of the topmost one (the UI's `hullShapes` places it the same way).
fn hull_label(
    style: &Style,
    name: &str,
    colour: &str,
    pts: &[Pt],
    pad: f64,
    bounds: &mut Bounds,
) -> String {
    let top = pts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
    let top_row: Vec<f64> = pts
        .iter()
        .filter(|p| p.y <= top + pad)
        .map(|p| p.x)
        .collect();
    let cx = top_row.iter().sum::<f64>() / top_row.len() as f64;
    let label = fit(name, 13.0, 650, 260.0);
    let lw = text_width(&label, 13.0, 650);
    let ly = top - pad - 6.0;
    bounds.add_rect(cx - lw / 2.0, ly - 13.0, lw, 16.0);
    format!(
        "<text class=\"hull-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"650\" letter-spacing=\"0.26\" fill=\"{colour}\" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\" paint-order=\"stroke\">{}</text>\n",
        num(cx),
        num(ly),
        escape(&style.paper),
        escape(&label)
    )
}

/// Each unit as its kind's shape with its label, and the badge pills of the
/// units in focus.
fn unit_layers(scene: &Scene, analysis: &Analysis, layers: &mut Layers, bounds: &mut Bounds) {
    let badges: HashMap<&UnitId, &[Badge]> = analysis
        .units
        .iter()
        .map(|u| (&u.id, u.badges.as_slice()))
        .collect();
    for (k, u) in scene.map.units.iter().enumerate() {
        let p = scene.pos[k];
        let faded = scene.unit_faded(&u.id);
        let out = if faded {
            &mut layers.nodes_faded
        } else {
            &mut layers.nodes
        };
        out.push_str(&unit(scene, u, p, faded, bounds));
        if faded {
            continue;
        }
        let half = scene.half;
        for (i, b) in badges.get(&u.id).copied().into_iter().flatten().enumerate() {
            let (w, at) = pill(
                scene.style,
                *b,
                p.x + half + 3.0,
                p.y - half + 7.0 + i as f64 * 17.0,
            );
            layers.pills.push_str(&at);
            bounds.add_rect(
                p.x + half + 3.0,
                p.y - half + i as f64 * 17.0 - 1.0,
                w,
                16.0,
            );
        }
    }
}

/// One unit at `p`: its shape, filled with the unit's own colour when it has
/// a valid one, and its label.
fn unit(scene: &Scene, u: &Unit, p: Pt, faded: bool, bounds: &mut Bounds) -> String {
    let style = scene.style;
    let half = scene.half;
    let ks = style.kind(u.kind);
    let fill = u
        .colour
        .as_deref()
        .filter(|c| is_css_hex(c))
        .unwrap_or(&ks.colour);
    let label = unit_label(style, &u.name, Pt::new(p.x, p.y + half), bounds);
    bounds.add_rect(p.x - half, p.y - half, style.node_size, style.node_size);
    format!(
        "<g class=\"unit kind-{}\" data-id=\"{}\"{}><title>{}</title><path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>{label}</g>\n",
        u.kind.as_str(),
        escape(u.id.as_str()),
        if faded {
            format!(" opacity=\"{}\"", num(style.faded_opacity))
        } else {
            String::new()
        },
        escape(&u.name),
        shape_path(ks.shape, p, half),
        escape(fill),
        escape(&ks.border),
        num(style.node_border_width),
    )
}

/// A unit's name wrapped under its shape, whose bottom middle is `below`, on
/// a soft label background; empty for an empty name.
fn unit_label(style: &Style, name: &str, below: Pt, bounds: &mut Bounds) -> String {
    let fs = style.label_font_size;
    let lh = fs * LINE_HEIGHT;
    let lines = wrap(name, fs, style.label_font_weight, style.label_max_width);
    if lines.is_empty() {
        return String::new();
    }
    let text_w = lines
        .iter()
        .map(|l| text_width(l, fs, style.label_font_weight))
        .fold(0.0, f64::max);
    let x = below.x;
    let top = below.y + style.label_margin;
    let mut label = String::new();
    let _ = write!(
        label,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\" fill-opacity=\"{}\"/><text x=\"{x}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\">",
        num(x - text_w / 2.0 - 2.0),
        num(top - 2.0),
        num(text_w + 4.0),
        num(lines.len() as f64 * lh + 4.0),
        escape(&style.label_background),
        num(style.label_background_opacity),
        num(fs),
        style.label_font_weight,
        escape(&style.label_colour),
        x = num(x),
    );
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            label,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(x),
            num(top + i as f64 * lh + fs * 0.98),
            escape(line)
        );
    }
    label.push_str("</text>");
    bounds.add_rect(
        x - text_w / 2.0 - 2.0,
        top - 2.0,
        text_w + 4.0,
        lines.len() as f64 * lh + 4.0,
    );
    label
}

/// A badge pill whose left middle is at (`x`, `y`): its width and the SVG.
pub(super) fn pill(style: &Style, badge: Badge, x: f64, y: f64) -> (f64, String) {
    let b = style.badge(badge);
    let w = text_width(&b.text, 9.5, 700) + 12.0;
    let svg = format!(
        "<g class=\"badge badge-{}\" transform=\"translate({} {})\"><title>{}</title><rect x=\"0\" y=\"-7.5\" width=\"{}\" height=\"15\" rx=\"7.5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/><text x=\"6\" y=\"3.4\" font-size=\"9.5\" font-weight=\"700\" letter-spacing=\"0.19\" fill=\"{}\">{}</text></g>\n",
        super::serde_name(badge),
        num(x),
        num(y),
        escape(&b.hint),
        num(w),
        escape(&b.colour),
        escape(&style.paper),
        escape(&style.ink_on_colour),
        escape(&b.text)
    );
    (w, svg)
}
