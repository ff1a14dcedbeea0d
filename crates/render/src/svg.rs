//! The map as an SVG document, drawn by our own code from [`Style`]: units as
//! kind shapes at their positions with wrapped labels and badges, each
//! direction of a relationship as its own line with an arrowhead (the two
//! directions of a two-way relationship as two curves bending to opposite
//! sides, so they never lie on top of each other), group hulls, an optional
//! title block and legend, an optional focus that fades everything else, and
//! an optional before/after colouring ([`SvgOptions::changes`]).
//!
//! Text stays text (`<text>`), and every string from the map is escaped
//! ([`escape`]). Pure: the same map, analysis and options always give the same
//! bytes.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::fonts::{text_width, wrap};
use super::geometry::{Pt, boundary_distance, hull_path, shape_path};
use super::layout::positions;
use super::style::{Style, is_css_hex};
use super::xml::{escape, num};
use recimap_core::Analysis;
use recimap_core::analysis::{Badge, PairScores};
use recimap_core::compare::{DirectionChange, Trend};
use recimap_core::findings::Finding;
use recimap_core::model::{Map, UnitId, UnitKind};

/// What to draw besides the map itself.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgOptions {
    pub style: Style,
    /// A title block above the map: the map's title, then organisation,
    /// maturity stage and [`SvgOptions::date`].
    pub header: bool,
    /// The date to show in the title block, as the caller wants it written
    /// (the renderer never reads the clock).
    pub date: Option<String>,
    /// A line of text under the title (for example the finding a focused
    /// picture shows); wrapped to the picture's width. Only with `header`.
    pub note: Option<String>,
    /// The key below the map.
    pub legend: bool,
    /// Soft hulls around the units of each group.
    pub hulls: bool,
    /// Units and links to highlight; everything else is faded.
    pub focus: Option<Focus>,
    /// Page colour behind the drawing ([`Style::paper`] by default); `None`
    /// leaves it transparent.
    pub background: Option<String>,
    /// A before/after picture of the map drawn (the "after" map): the
    /// directions of a comparison ([`recimap_core::compare::Comparison::directions`]).
    /// Each link is coloured by its [`Trend`] instead of its balance, and a
    /// direction that is gone is drawn dashed where it used to be, when both
    /// its units are still on the map.
    pub changes: Option<Vec<DirectionChange>>,
}

impl Default for SvgOptions {
    fn default() -> Self {
        let style = Style::default();
        SvgOptions {
            background: Some(style.paper.clone()),
            style,
            header: true,
            date: None,
            note: None,
            legend: true,
            hulls: true,
            focus: None,
            changes: None,
        }
    }
}

/// Units and links to highlight, as the app focuses a finding: a link stays
/// bright if it is listed, or — when none are listed — if both its ends are.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Focus {
    pub units: Vec<UnitId>,
    pub links: Vec<(UnitId, UnitId)>,
}

impl Focus {
    /// The units and links a finding is about.
    pub fn finding(f: &Finding) -> Self {
        Focus {
            units: f.units.clone(),
            links: f.links.clone(),
        }
    }
}

/// Outer margin of the document.
const MARGIN: f64 = 24.0;
/// Height of the title block.
const HEADER_HEIGHT: f64 = 62.0;
/// Font size of the note under the title.
const NOTE_SIZE: f64 = 15.0;
/// Gap between the map and the legend.
const GAP: f64 = 18.0;
/// Line height of unit labels, as a multiple of the font size.
const LINE_HEIGHT: f64 = 1.25;

/// A drawn map: SVG elements in a `width` × `height` box from the origin.
pub struct Drawing {
    pub body: String,
    pub width: f64,
    pub height: f64,
}

/// The map as a standalone SVG document (see the module docs).
pub fn svg(map: &Map, analysis: &Analysis, opts: &SvgOptions) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
        svg_element(map, analysis, opts, "")
    )
}

/// The `<svg>` element alone (for inlining in HTML), with `attrs` added to
/// the root element (trusted markup written by the caller, not user text).
pub fn svg_element(map: &Map, analysis: &Analysis, opts: &SvgOptions, attrs: &str) -> String {
    let d = draw(map, analysis, opts);
    let title = match map.title.trim() {
        "" => "Recimap map".to_owned(),
        t => t.to_owned(),
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\" role=\"img\" aria-label=\"{t}\"{attrs}>\n<title>{t}</title>\n{body}</svg>\n",
        w = num(d.width),
        h = num(d.height),
        font = escape(&opts.style.font_family),
        t = escape(&title),
        body = d.body
    )
}

/// A running bounding box.
#[derive(Clone, Copy)]
struct Bounds {
    min: Pt,
    max: Pt,
}

impl Bounds {
    fn new() -> Self {
        Bounds {
            min: Pt::new(f64::INFINITY, f64::INFINITY),
            max: Pt::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        }
    }
    fn add(&mut self, p: Pt) {
        self.min = Pt::new(self.min.x.min(p.x), self.min.y.min(p.y));
        self.max = Pt::new(self.max.x.max(p.x), self.max.y.max(p.y));
    }
    fn add_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.add(Pt::new(x, y));
        self.add(Pt::new(x + w, y + h));
    }
    fn is_empty(&self) -> bool {
        !self.min.x.is_finite()
    }
}

/// The drawing of the whole document (title block, map, legend).
pub fn draw(map: &Map, analysis: &Analysis, opts: &SvgOptions) -> Drawing {
    let style = &opts.style;
    let (map_body, bounds) = draw_map(map, analysis, opts);
    let (map_w, map_h) = if bounds.is_empty() {
        (420.0, 120.0)
    } else {
        (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y)
    };
    let legend = opts
        .legend
        .then(|| legend(map, style, opts.changes.is_some()));
    let legend_w = legend.as_ref().map_or(0.0, |l| l.width);
    // Whole numbers, so that a PNG at scale k is exactly k × the SVG's size.
    let width = (map_w.max(legend_w) + 2.0 * MARGIN).ceil();
    let note_lines = match (&opts.note, opts.header) {
        (Some(n), true) => wrap(n, NOTE_SIZE, 600, width - 2.0 * MARGIN),
        _ => Vec::new(),
    };
    let note_h = if note_lines.is_empty() {
        0.0
    } else {
        note_lines.len() as f64 * NOTE_SIZE * 1.35 + 10.0
    };
    let top = if opts.header {
        MARGIN + HEADER_HEIGHT + note_h
    } else {
        MARGIN
    };
    let mut height = top + map_h + MARGIN;
    if let Some(l) = &legend {
        height += GAP + l.height;
    }
    let height = height.ceil();

    let mut body = String::new();
    // The balance scale's gradient, for the legend (a before/after legend
    // has none, so two pictures in one HTML page never share an id).
    if opts.legend && opts.changes.is_none() {
        body.push_str(&defs(style));
    }
    if let Some(bg) = &opts.background {
        let _ = writeln!(
            body,
            "<rect width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            num(width),
            num(height),
            escape(bg)
        );
    }
    if opts.header {
        body.push_str(&header(map, opts, width));
        for (i, line) in note_lines.iter().enumerate() {
            let _ = writeln!(
                body,
                "<text class=\"note\" x=\"{}\" y=\"{}\" font-size=\"{NOTE_SIZE}\" font-weight=\"600\" fill=\"{}\">{}</text>",
                num(MARGIN),
                num(MARGIN + HEADER_HEIGHT + 4.0 + NOTE_SIZE + i as f64 * NOTE_SIZE * 1.35),
                escape(&style.ink),
                escape(line)
            );
        }
    }
    let dx = MARGIN + (width - 2.0 * MARGIN - map_w) / 2.0;
    if bounds.is_empty() {
        let _ = writeln!(
            body,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{}\">No units on this map yet.</text>",
            num(width / 2.0),
            num(top + map_h / 2.0),
            escape(&style.ink_soft)
        );
    } else {
        let _ = writeln!(
            body,
            "<g class=\"map\" transform=\"translate({} {})\">\n{map_body}</g>",
            num(dx - bounds.min.x),
            num(top - bounds.min.y)
        );
    }
    if let Some(l) = legend {
        let _ = writeln!(
            body,
            "<g class=\"legend\" transform=\"translate({} {})\">\n{}</g>",
            num((width - l.width) / 2.0),
            num(top + map_h + GAP),
            l.body
        );
    }
    Drawing {
        body,
        width,
        height,
    }
}

fn defs(style: &Style) -> String {
    let stops: String = [0.0, 0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|&b| {
            format!(
                "<stop offset=\"{}\" stop-color=\"{}\"/>",
                num(b),
                style.balance_colour(Some(b))
            )
        })
        .collect();
    format!(
        "<defs><linearGradient id=\"rm-balance\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"0\">{stops}</linearGradient></defs>\n"
    )
}

fn header(map: &Map, opts: &SvgOptions, width: f64) -> String {
    let title = match map.title.trim() {
        "" => "Untitled map",
        t => t,
    };
    let mut sub: Vec<String> = Vec::new();
    if !map.organisation.trim().is_empty() && !title.contains(map.organisation.trim()) {
        sub.push(map.organisation.trim().to_owned());
    }
    if let Some(m) = map.maturity {
        sub.push(format!("Maturity: {}", m.label()));
    }
    if let Some(d) = opts.date.as_deref().filter(|d| !d.trim().is_empty()) {
        sub.push(d.trim().to_owned());
    }
    let max = width - 2.0 * MARGIN;
    let title = fit(title, 22.0, 700, max);
    let sub = fit(&sub.join("  ·  "), 13.0, 400, max);
    format!(
        "<g class=\"header\"><text x=\"{m}\" y=\"{y1}\" font-size=\"22\" font-weight=\"700\" fill=\"{ink}\">{}</text><text x=\"{m}\" y=\"{y2}\" font-size=\"13\" fill=\"{ink_soft}\">{}</text><line x1=\"{m}\" y1=\"{y3}\" x2=\"{x2}\" y2=\"{y3}\" stroke=\"{rule}\" stroke-width=\"1\"/></g>\n",
        escape(&title),
        escape(&sub),
        ink = escape(&opts.style.ink),
        ink_soft = escape(&opts.style.ink_soft),
        rule = escape(&opts.style.rule),
        m = num(MARGIN),
        y1 = num(MARGIN + 20.0),
        y2 = num(MARGIN + 40.0),
        y3 = num(MARGIN + 52.0),
        x2 = num(width - MARGIN)
    )
}

/// `text` cut with an ellipsis to fit `max` wide.
pub fn fit(text: &str, size: f64, weight: u16, max: f64) -> String {
    if text_width(text, size, weight) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&format!("{out}…"), size, weight) > max {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// One direction to draw.
struct DrawnLink<'a> {
    source: &'a UnitId,
    target: &'a UnitId,
    /// The width comes from this: the analysis's strength, or for a
    /// direction that is gone, its strength before.
    strength: Option<f64>,
    /// Its before/after change, in a before/after picture.
    change: Option<&'a DirectionChange>,
}

/// The map's links, and in a before/after picture the directions that are
/// gone between units still on the map.
fn drawn_links<'a>(
    map: &'a Map,
    pairs: &HashMap<(&UnitId, &UnitId), &PairScores>,
    index: &HashMap<&UnitId, usize>,
    changes: Option<&'a [DirectionChange]>,
) -> Vec<DrawnLink<'a>> {
    let by_direction: HashMap<(&UnitId, &UnitId), &DirectionChange> = changes
        .unwrap_or_default()
        .iter()
        .map(|c| ((&c.source, &c.target), c))
        .collect();
    let mut out: Vec<DrawnLink> = map
        .links
        .iter()
        .map(|l| DrawnLink {
            source: &l.source,
            target: &l.target,
            strength: direction_strength(pairs.get(&pair_key(&l.source, &l.target)), &l.source),
            change: by_direction.get(&(&l.source, &l.target)).copied(),
        })
        .collect();
    let on_map = |id: &UnitId| index.contains_key(id);
    out.extend(
        changes
            .unwrap_or_default()
            .iter()
            .filter(|c| c.trend == Trend::Gone && on_map(&c.source) && on_map(&c.target))
            .map(|c| DrawnLink {
                source: &c.source,
                target: &c.target,
                strength: c.before,
                change: Some(c),
            }),
    );
    out
}

/// The name a unit-variant enum (a trend, a badge) has in JSON, which the
/// SVG's classes and `data-` attributes use too, so the UI's names match.
fn serde_name(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// A strength for a tooltip, or "–" when there is none.
fn num_or_dash(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), num)
}

/// The strength of `source → target` as the analysis reports it.
fn direction_strength(p: Option<&&PairScores>, source: &UnitId) -> Option<f64> {
    let p = p?;
    if &p.a == source { p.a_to_b } else { p.b_to_a }
}

fn pair_key<'a>(a: &'a UnitId, b: &'a UnitId) -> (&'a UnitId, &'a UnitId) {
    if a <= b { (a, b) } else { (b, a) }
}

/// The map's units, links, hulls and badges in canvas coordinates, and their bounds.
fn draw_map(map: &Map, analysis: &Analysis, opts: &SvgOptions) -> (String, Bounds) {
    let style = &opts.style;
    let half = style.node_size / 2.0;
    let pos = positions(map);
    let index: HashMap<&UnitId, usize> = map
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, i))
        .collect();
    let pairs: HashMap<(&UnitId, &UnitId), &PairScores> = analysis
        .pairs
        .iter()
        .map(|p| (pair_key(&p.a, &p.b), p))
        .collect();
    let focus_units: Option<HashSet<&UnitId>> =
        opts.focus.as_ref().map(|f| f.units.iter().collect());
    let focus_links: HashSet<(&UnitId, &UnitId)> = opts
        .focus
        .as_ref()
        .map(|f| f.links.iter().map(|(s, t)| (s, t)).collect())
        .unwrap_or_default();
    let unit_faded = |id: &UnitId| focus_units.as_ref().is_some_and(|f| !f.contains(id));
    let mut bounds = Bounds::new();

    // Hulls under everything.
    let mut hulls = String::new();
    let mut hull_labels = String::new();
    if opts.hulls {
        let pad = style.node_size * style.hull_padding;
        for (i, g) in analysis.groups.iter().enumerate() {
            let pts: Vec<Pt> = g
                .units
                .iter()
                .filter_map(|id| index.get(id).map(|&k| pos[k]))
                .collect();
            if pts.is_empty() {
                continue;
            }
            let colour = escape(style.hull_colour(i));
            let (d, corners) = hull_path(&pts, pad);
            corners.iter().for_each(|&p| bounds.add(p));
            // Above the hull's top, centred on the members within `pad` of
            // the topmost one (the UI's `hullShapes` places it the same way).
            let top = pts.iter().map(|p| p.y).fold(f64::INFINITY, f64::min);
            let top_row: Vec<f64> = pts
                .iter()
                .filter(|p| p.y <= top + pad)
                .map(|p| p.x)
                .collect();
            let cx = top_row.iter().sum::<f64>() / top_row.len() as f64;
            let label = fit(&g.name, 13.0, 650, 260.0);
            let lw = text_width(&label, 13.0, 650);
            let ly = top - pad - 6.0;
            bounds.add_rect(cx - lw / 2.0, ly - 13.0, lw, 16.0);
            let _ = writeln!(
                hulls,
                "<path class=\"hull\" d=\"{d}\" fill=\"{colour}\" fill-opacity=\"{}\" stroke=\"{colour}\" stroke-opacity=\"{}\" stroke-width=\"1.5\"/>",
                num(style.hull_fill_opacity),
                num(style.hull_stroke_opacity),
            );
            let _ = writeln!(
                hull_labels,
                "<text class=\"hull-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"650\" letter-spacing=\"0.26\" fill=\"{colour}\" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-opacity=\"0.9\" paint-order=\"stroke\">{}</text>",
                num(cx),
                num(ly),
                escape(&style.paper),
                escape(&label)
            );
        }
    }

    // Links: one line per direction.
    let lines = drawn_links(map, &pairs, &index, opts.changes.as_deref());
    let directed: HashSet<(&UnitId, &UnitId)> =
        lines.iter().map(|l| (l.source, l.target)).collect();
    let has_raw = map.links.iter().any(|l| l.weight.is_some());
    let scale = style.width_scale(lines.iter().filter_map(|l| l.strength), has_raw);
    let mut edges_faded = String::new();
    let mut edges = String::new();
    for l in &lines {
        let strength = &l.strength;
        let (Some(&si), Some(&ti)) = (index.get(l.source), index.get(l.target)) else {
            continue;
        };
        if si == ti {
            continue;
        }
        let (s, t) = (pos[si], pos[ti]);
        let dir = t.sub(s);
        if dir.len() < 1e-6 {
            continue;
        }
        let two_way = directed.contains(&(l.target, l.source));
        let mid = s.add(dir.scale(0.5));
        let c = if two_way {
            mid.add(dir.unit().perp().scale(style.control_point_step))
        } else {
            mid
        };
        let shape = |k: usize| style.kind(map.units[k].kind).shape;
        let edge = style.node_border_width / 2.0;
        let start = s.add(
            c.sub(s)
                .unit()
                .scale(boundary_distance(shape(si), half, c.sub(s)) + edge),
        );
        let end = t.add(
            c.sub(t)
                .unit()
                .scale(boundary_distance(shape(ti), half, c.sub(t)) + edge),
        );
        let width = style.edge_width(*strength, scale);
        let pair = pairs.get(&pair_key(l.source, l.target));
        let colour = match (l.change, strength) {
            (Some(c), _) => style.trend(c.trend).colour.clone(),
            (None, None) => style.unrated_colour.clone(),
            (None, Some(_)) => style.balance_colour(pair.and_then(|p| p.balance)),
        };
        let size = style.arrow_size(width);
        let (length, half_w) = (0.3 * size, 0.15 * size);
        let u = end.sub(c).unit();
        let room = end.sub(start).len();
        let base = if room > length * 1.2 {
            end.sub(u.scale(length))
        } else {
            end
        };
        let line = if two_way {
            format!(
                "M{},{}Q{},{} {},{}",
                num(start.x),
                num(start.y),
                num(c.x),
                num(c.y),
                num(base.x),
                num(base.y)
            )
        } else {
            format!(
                "M{},{}L{},{}",
                num(start.x),
                num(start.y),
                num(base.x),
                num(base.y)
            )
        };
        let p1 = base.add(u.perp().scale(half_w));
        let p2 = base.sub(u.perp().scale(half_w));
        let dashed = l.change.is_some_and(|c| style.trend(c.trend).dashed);
        let dash = if strength.is_none() || dashed {
            format!(
                " stroke-dasharray=\"{} {}\"",
                num(style.unrated_dash[0]),
                num(style.unrated_dash[1])
            )
        } else {
            String::new()
        };
        let faded = match (&focus_units, focus_links.is_empty()) {
            (None, _) => false,
            (Some(f), true) => !(f.contains(l.source) && f.contains(l.target)),
            (Some(f), false) => {
                !(focus_links.contains(&(l.source, l.target))
                    || (f.contains(l.source) && f.contains(l.target)))
            }
        };
        let name = |k: usize| map.units[k].name.as_str();
        let tip = match (l.change, strength) {
            (Some(c), _) => format!(
                "{} → {}: {}, strength {} → {}",
                name(si),
                name(ti),
                style.trend(c.trend).label,
                num_or_dash(c.before),
                num_or_dash(c.after)
            ),
            (None, Some(v)) => format!("{} → {}: strength {}", name(si), name(ti), num(*v)),
            (None, None) => format!("{} → {}: not rated yet", name(si), name(ti)),
        };
        // A faded link multiplies the faded opacity into its line's and
        // arrowhead's own opacity rather than taking a group `opacity`: resvg
        // draws a group with opacity through a layer the size of its bounding
        // box, which for 19,000 long links took minutes.
        let (out, opacity) = if faded {
            (&mut edges_faded, style.edge_opacity * style.faded_opacity)
        } else {
            (&mut edges, style.edge_opacity)
        };
        // Four decimals: `num`'s two would round 0.92 × 0.12 to 0.11.
        let opacity = (opacity * 1e4).round() / 1e4;
        let _ = writeln!(
            out,
            "<g class=\"link\" data-source=\"{}\" data-target=\"{}\"{}><title>{}</title><path d=\"{line}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-opacity=\"{}\" stroke-linecap=\"round\"{dash}/><path d=\"M{},{}L{},{}L{},{}Z\" fill=\"{colour}\" fill-opacity=\"{}\"/></g>",
            escape(l.source.as_str()),
            escape(l.target.as_str()),
            l.change.map_or(String::new(), |c| format!(
                " data-trend=\"{}\"",
                serde_name(c.trend)
            )),
            escape(&tip),
            num(width),
            opacity,
            num(end.x),
            num(end.y),
            num(p1.x),
            num(p1.y),
            num(p2.x),
            num(p2.y),
            opacity,
        );
        bounds.add(s);
        bounds.add(c.scale(0.5).add(mid.scale(0.5)));
    }

    // Units, their labels and badges.
    let badges: HashMap<&UnitId, &[Badge]> = analysis
        .units
        .iter()
        .map(|u| (&u.id, u.badges.as_slice()))
        .collect();
    let mut nodes_faded = String::new();
    let mut nodes = String::new();
    let mut pills = String::new();
    let fs = style.label_font_size;
    let lh = fs * LINE_HEIGHT;
    for (k, u) in map.units.iter().enumerate() {
        let p = pos[k];
        let ks = style.kind(u.kind);
        let fill = u
            .colour
            .as_deref()
            .filter(|c| is_css_hex(c))
            .unwrap_or(&ks.colour);
        let faded = unit_faded(&u.id);
        let lines = wrap(&u.name, fs, style.label_font_weight, style.label_max_width);
        let text_w = lines
            .iter()
            .map(|l| text_width(l, fs, style.label_font_weight))
            .fold(0.0, f64::max);
        let label_top = p.y + half + style.label_margin;
        let mut label = String::new();
        if !lines.is_empty() {
            let _ = write!(
                label,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\" fill-opacity=\"{}\"/><text x=\"{x}\" text-anchor=\"middle\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\">",
                num(p.x - text_w / 2.0 - 2.0),
                num(label_top - 2.0),
                num(text_w + 4.0),
                num(lines.len() as f64 * lh + 4.0),
                escape(&style.label_background),
                num(style.label_background_opacity),
                num(fs),
                style.label_font_weight,
                escape(&style.label_colour),
                x = num(p.x),
            );
            for (i, line) in lines.iter().enumerate() {
                let _ = write!(
                    label,
                    "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
                    num(p.x),
                    num(label_top + i as f64 * lh + fs * 0.98),
                    escape(line)
                );
            }
            label.push_str("</text>");
            bounds.add_rect(
                p.x - text_w / 2.0 - 2.0,
                label_top - 2.0,
                text_w + 4.0,
                lines.len() as f64 * lh + 4.0,
            );
        }
        bounds.add_rect(p.x - half, p.y - half, style.node_size, style.node_size);
        let out = if faded { &mut nodes_faded } else { &mut nodes };
        let _ = writeln!(
            out,
            "<g class=\"unit kind-{}\" data-id=\"{}\"{}><title>{}</title><path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>{label}</g>",
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
        );
        if faded {
            continue;
        }
        for (i, b) in badges.get(&u.id).copied().into_iter().flatten().enumerate() {
            let (w, at) = pill(
                style,
                *b,
                p.x + half + 3.0,
                p.y - half + 7.0 + i as f64 * 17.0,
            );
            pills.push_str(&at);
            bounds.add_rect(
                p.x + half + 3.0,
                p.y - half + i as f64 * 17.0 - 1.0,
                w,
                16.0,
            );
        }
    }
    let mut body = String::new();
    for layer in [
        hulls,
        edges_faded,
        nodes_faded,
        edges,
        hull_labels,
        nodes,
        pills,
    ] {
        body.push_str(&layer);
    }
    if !bounds.is_empty() {
        bounds.min = bounds.min.sub(Pt::new(12.0, 12.0));
        bounds.max = bounds.max.add(Pt::new(12.0, 12.0));
    }
    (body, bounds)
}

/// A badge pill whose left middle is at (`x`, `y`): its width and the SVG.
fn pill(style: &Style, badge: Badge, x: f64, y: f64) -> (f64, String) {
    let b = style.badge(badge);
    let w = text_width(&b.text, 9.5, 700) + 12.0;
    let svg = format!(
        "<g class=\"badge badge-{}\" transform=\"translate({} {})\"><title>{}</title><rect x=\"0\" y=\"-7.5\" width=\"{}\" height=\"15\" rx=\"7.5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/><text x=\"6\" y=\"3.4\" font-size=\"9.5\" font-weight=\"700\" letter-spacing=\"0.19\" fill=\"{}\">{}</text></g>\n",
        serde_name(badge),
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

/// The key: unit kinds, line colour and width, badges.
struct Legend {
    body: String,
    width: f64,
    height: f64,
}

/// `changes`: the key of a before/after picture (trend colours instead of
/// the balance scale).
fn legend(map: &Map, style: &Style, changes: bool) -> Legend {
    let mut b = String::new();
    let caption = |b: &mut String, x: f64, y: f64, text: &str| {
        let _ = write!(
            b,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"700\" letter-spacing=\"0.5\" fill=\"{}\">{}</text>",
            num(x),
            num(y),
            escape(&style.ink_soft),
            escape(text)
        );
    };
    let label = |b: &mut String, x: f64, y: f64, text: &str| {
        let _ = write!(
            b,
            "<text x=\"{}\" y=\"{}\" font-size=\"11.5\" fill=\"{}\">{}</text>",
            num(x),
            num(y),
            escape(&style.ink),
            escape(text)
        );
    };
    let (pad, row) = (14.0, 19.0);
    let top = pad + 12.0;
    // Kinds.
    let x0 = pad;
    caption(&mut b, x0, top, "UNITS");
    for (i, k) in UnitKind::ALL.iter().enumerate() {
        let ks = style.kind(*k);
        let cy = top + 14.0 + i as f64 * row;
        let _ = write!(
            b,
            "<path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"/>",
            shape_path(ks.shape, Pt::new(x0 + 8.0, cy), 7.5),
            escape(&ks.colour),
            escape(&ks.border)
        );
        label(&mut b, x0 + 22.0, cy + 4.0, &ks.label);
    }
    // Lines.
    let x1 = x0 + 170.0;
    caption(
        &mut b,
        x1,
        top,
        if changes {
            "RELATIONSHIPS, BEFORE → AFTER"
        } else {
            "RELATIONSHIPS"
        },
    );
    let y = top + 8.0;
    if changes {
        // Two rows of line swatches, one per trend.
        for (i, t) in Trend::ALL.iter().enumerate() {
            let ts = style.trend(*t);
            let (sx, sy) = (x1 + (i % 3) as f64 * 84.0, y + 4.0 + (i / 3) as f64 * 17.0);
            let dash = if ts.dashed {
                " stroke-dasharray=\"5 3\""
            } else {
                ""
            };
            let _ = write!(
                b,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"{dash}/>",
                num(sx),
                num(sy),
                num(sx + 20.0),
                num(sy),
                escape(&ts.colour)
            );
            label(&mut b, sx + 26.0, sy + 4.0, &ts.label);
        }
    } else {
        let _ = write!(
            b,
            "<rect x=\"{}\" y=\"{}\" width=\"150\" height=\"7\" rx=\"3.5\" fill=\"url(#rm-balance)\"/>",
            num(x1),
            num(y)
        );
        let small = |b: &mut String, x: f64, y: f64, anchor: &str, text: &str| {
            let _ = write!(
                b,
                "<text x=\"{}\" y=\"{}\" font-size=\"10.5\" text-anchor=\"{anchor}\" fill=\"{}\">{}</text>",
                num(x),
                num(y),
                escape(&style.ink_soft),
                escape(text)
            );
        };
        small(&mut b, x1, y + 19.0, "start", "one-way");
        small(&mut b, x1 + 150.0, y + 19.0, "end", "balanced");
        label(&mut b, x1 + 158.0, y + 7.5, "colour: balance");
    }
    let y2 = y + 38.0;
    let _ = write!(
        b,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
        num(x1),
        num(y2),
        num(x1 + 30.0),
        num(y2),
        escape(&style.unrated_colour)
    );
    label(&mut b, x1 + 38.0, y2 + 4.0, "not rated yet");
    let y3 = y2 + row;
    let has_raw = map.links.iter().any(|l| l.weight.is_some());
    for (dy, w) in [(-3.0, style.min_width), (3.0, 5.0)] {
        let _ = write!(
            b,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(x1),
            num(y3 + dy),
            num(x1 + 30.0),
            num(y3 + dy),
            escape(&style.key_line),
            num(w)
        );
    }
    label(
        &mut b,
        x1 + 38.0,
        y3 + 4.0,
        if has_raw {
            "width: strength (weight)"
        } else {
            "width: strength (0–5)"
        },
    );
    let y4 = y3 + row;
    let _ = write!(
        b,
        "<path d=\"M{},{}L{},{}\" stroke=\"{key}\" stroke-width=\"2\"/><path d=\"M{},{}L{},{}L{},{}Z\" fill=\"{key}\"/>",
        num(x1),
        num(y4),
        num(x1 + 22.0),
        num(y4),
        num(x1 + 30.0),
        num(y4),
        num(x1 + 22.0),
        num(y4 - 4.0),
        num(x1 + 22.0),
        num(y4 + 4.0),
        key = escape(&style.key_line)
    );
    label(&mut b, x1 + 38.0, y4 + 4.0, "A → B: how A tells B the why");
    // Badges.
    let x2 = x1 + 290.0;
    caption(&mut b, x2, top, "FLAGS");
    let mut width = x2;
    for (i, badge) in Badge::ALL.iter().enumerate() {
        let cy = top + 14.0 + i as f64 * row;
        let (w, svg) = pill(style, *badge, x2, cy);
        b.push_str(&svg);
        let hint = &style.badge(*badge).hint;
        label(&mut b, x2 + 86.0, cy + 4.0, hint);
        width = width
            .max(x2 + w)
            .max(x2 + 86.0 + text_width(hint, 11.5, 400));
    }
    let width = width + pad;
    let height = top + 14.0 + 3.0 * row + 10.0 + pad - 4.0;
    let frame = format!(
        "<rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{}\" stroke=\"{}\"/>",
        num(width - 1.0),
        num(height - 1.0),
        escape(&style.paper),
        escape(&style.rule)
    );
    Legend {
        body: format!("{frame}{b}\n"),
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_fit() {
        let long = "A very long organisation name that will not fit in the space";
        let cut = fit(long, 13.0, 400, 120.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 13.0, 400) <= 120.0,
            "{cut}"
        );
        assert_eq!(fit("Short", 13.0, 400, 120.0), "Short");
    }

    #[test]
    fn only_hex_colours_are_taken_from_the_user() {
        assert!(is_css_hex("#abc") && is_css_hex("#A0b1C2"));
        assert!(!is_css_hex("red") && !is_css_hex("#12345") && !is_css_hex("\"/><script>"));
    }
}
