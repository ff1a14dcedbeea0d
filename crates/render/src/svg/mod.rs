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
//!
//! - [`scene`] — what the map is drawn from, and the box around it;
//! - [`map`] — the map itself, layer by layer (hulls, units, labels, badges);
//! - [`links`] — one line per direction;
//! - [`legend`](mod@legend) — the key below the map.
//!
//! This file lays them out on the page, under the optional title block.

mod legend;
mod links;
mod map;
mod scene;

use std::fmt::Write;

use crate::fonts::{text_width, wrap};
use crate::style::Style;
use crate::xml::{escape, num};
use legend::{Legend, legend};
use map::draw_map;
use recimap_core::Analysis;
use recimap_core::compare::DirectionChange;
use recimap_core::findings::Finding;
use recimap_core::model::{Map, UnitId};
use scene::Bounds;

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
    /// Each link is coloured by its [`Trend`](recimap_core::compare::Trend) instead of its balance, and a
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

/// Where the parts of a document go: its size, the map's size, the top of
/// the map, and the note's lines.
struct Page {
    width: f64,
    height: f64,
    /// The map's size (a placeholder size when it has no units).
    map_w: f64,
    map_h: f64,
    /// Where the map starts, under the title block and the note.
    top: f64,
    /// The note under the title, wrapped to the page.
    note_lines: Vec<String>,
}

impl Page {
    fn new(opts: &SvgOptions, bounds: &Bounds, legend: Option<&Legend>) -> Self {
        let (map_w, map_h) = if bounds.is_empty() {
            (420.0, 120.0)
        } else {
            (bounds.max.x - bounds.min.x, bounds.max.y - bounds.min.y)
        };
        let legend_w = legend.map_or(0.0, |l| l.width);
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
        if let Some(l) = legend {
            height += GAP + l.height;
        }
        Page {
            width,
            height: height.ceil(),
            map_w,
            map_h,
            top,
            note_lines,
        }
    }
}

/// The drawing of the whole document (title block, map, legend).
pub fn draw(map: &Map, analysis: &Analysis, opts: &SvgOptions) -> Drawing {
    let style = &opts.style;
    let (map_body, bounds) = draw_map(map, analysis, opts);
    let legend = opts
        .legend
        .then(|| legend(map, style, opts.changes.is_some()));
    let page = Page::new(opts, &bounds, legend.as_ref());
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
            num(page.width),
            num(page.height),
            escape(bg)
        );
    }
    if opts.header {
        body.push_str(&header(map, opts, page.width));
        body.push_str(&note(style, &page.note_lines));
    }
    body.push_str(&placed_map(style, &page, &bounds, &map_body));
    if let Some(l) = legend {
        let _ = writeln!(
            body,
            "<g class=\"legend\" transform=\"translate({} {})\">\n{}</g>",
            num((page.width - l.width) / 2.0),
            num(page.top + page.map_h + GAP),
            l.body
        );
    }
    Drawing {
        body,
        width: page.width,
        height: page.height,
    }
}

/// The note's lines under the title block.
fn note(style: &Style, lines: &[String]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        let _ = writeln!(
            out,
            "<text class=\"note\" x=\"{}\" y=\"{}\" font-size=\"{NOTE_SIZE}\" font-weight=\"600\" fill=\"{}\">{}</text>",
            num(MARGIN),
            num(MARGIN + HEADER_HEIGHT + 4.0 + NOTE_SIZE + i as f64 * NOTE_SIZE * 1.35),
            escape(&style.ink),
            escape(line)
        );
    }
    out
}

/// The map centred on the page under the title block, moved from its own
/// `bounds`; a line saying so when it has no units.
fn placed_map(style: &Style, page: &Page, bounds: &Bounds, map_body: &str) -> String {
    if bounds.is_empty() {
        return format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{}\">No units on this map yet.</text>\n",
            num(page.width / 2.0),
            num(page.top + page.map_h / 2.0),
            escape(&style.ink_soft)
        );
    }
    let dx = MARGIN + (page.width - 2.0 * MARGIN - page.map_w) / 2.0;
    format!(
        "<g class=\"map\" transform=\"translate({} {})\">\n{map_body}</g>\n",
        num(dx - bounds.min.x),
        num(page.top - bounds.min.y)
    )
}

/// The balance scale as a gradient, for the legend's key.
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

/// The title block: the map's title, then organisation, maturity stage and
/// date, each cut to fit, and a rule.
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

/// The name a unit-variant enum (a trend, a badge) has in JSON, which the
/// SVG's classes and `data-` attributes use too, so the UI's names match.
fn serde_name(v: impl serde::Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
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
}
