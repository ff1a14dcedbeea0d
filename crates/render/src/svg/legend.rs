//! The key below the map, in three columns: the unit kinds (UNITS), what a
//! line's colour, dash, width and arrow mean (RELATIONSHIPS — the balance
//! scale, or in a before/after picture the trend colours), and the badges
//! (FLAGS), framed on [`Style::paper`].

use std::fmt::Write;

use super::map::pill;
use crate::fonts::text_width;
use crate::geometry::{Pt, shape_path};
use crate::style::Style;
use crate::xml::{escape, num};
use recimap_core::analysis::Badge;
use recimap_core::compare::Trend;
use recimap_core::model::{Map, UnitKind};

/// Room inside the frame.
const PAD: f64 = 14.0;
/// Distance between two rows of the key.
const ROW: f64 = 19.0;
/// The baseline of the column captions.
const TOP: f64 = PAD + 12.0;
/// Where the RELATIONSHIPS column starts.
const LINES_X: f64 = PAD + 170.0;
/// Where the FLAGS column starts.
const FLAGS_X: f64 = LINES_X + 290.0;
/// Where a badge's hint starts, from the left of its pill.
const HINT_X: f64 = 86.0;

/// The key: unit kinds, line colour and width, badges.
pub(super) struct Legend {
    pub body: String,
    pub width: f64,
    pub height: f64,
}

/// The key's SVG, written column by column.
struct Key<'a> {
    style: &'a Style,
    body: String,
}

impl Key<'_> {
    /// A column's caption.
    fn caption(&mut self, x: f64, y: f64, text: &str) {
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" font-weight=\"700\" letter-spacing=\"0.5\" fill=\"{}\">{}</text>",
            num(x),
            num(y),
            escape(&self.style.ink_soft),
            escape(text)
        );
    }

    /// What a swatch means.
    fn label(&mut self, x: f64, y: f64, text: &str) {
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"11.5\" fill=\"{}\">{}</text>",
            num(x),
            num(y),
            escape(&self.style.ink),
            escape(text)
        );
    }

    /// A small note at one end of the balance scale.
    fn small(&mut self, x: f64, y: f64, anchor: &str, text: &str) {
        let _ = write!(
            self.body,
            "<text x=\"{}\" y=\"{}\" font-size=\"10.5\" text-anchor=\"{anchor}\" fill=\"{}\">{}</text>",
            num(x),
            num(y),
            escape(&self.style.ink_soft),
            escape(text)
        );
    }
}

/// `changes`: the key of a before/after picture (trend colours instead of
/// the balance scale).
pub(super) fn legend(map: &Map, style: &Style, changes: bool) -> Legend {
    let mut key = Key {
        style,
        body: String::new(),
    };
    unit_kinds(&mut key);
    if changes {
        trend_colours(&mut key);
    } else {
        balance_scale(&mut key);
    }
    let has_raw = map.links.iter().any(|l| l.weight.is_some());
    line_examples(&mut key, has_raw);
    let width = flags(&mut key) + PAD;
    let height = TOP + 14.0 + 3.0 * ROW + 10.0 + PAD - 4.0;
    let frame = format!(
        "<rect x=\"0.5\" y=\"0.5\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{}\" stroke=\"{}\"/>",
        num(width - 1.0),
        num(height - 1.0),
        escape(&style.paper),
        escape(&style.rule)
    );
    Legend {
        body: format!("{frame}{}\n", key.body),
        width,
        height,
    }
}

/// UNITS: each kind's shape and name.
fn unit_kinds(key: &mut Key) {
    let x = PAD;
    key.caption(x, TOP, "UNITS");
    for (i, k) in UnitKind::ALL.iter().enumerate() {
        let ks = key.style.kind(*k);
        let cy = TOP + 14.0 + i as f64 * ROW;
        let _ = write!(
            key.body,
            "<path d=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.2\"/>",
            shape_path(ks.shape, Pt::new(x + 8.0, cy), 7.5),
            escape(&ks.colour),
            escape(&ks.border)
        );
        key.label(x + 22.0, cy + 4.0, &ks.label);
    }
}

/// The baseline under the RELATIONSHIPS caption where the colour key starts.
const COLOURS_Y: f64 = TOP + 8.0;

/// RELATIONSHIPS: the balance scale's gradient (`#rm-balance`, from
/// [`super::defs`]) from one-way to balanced.
fn balance_scale(key: &mut Key) {
    let (x, y) = (LINES_X, COLOURS_Y);
    key.caption(x, TOP, "RELATIONSHIPS");
    let _ = write!(
        key.body,
        "<rect x=\"{}\" y=\"{}\" width=\"150\" height=\"7\" rx=\"3.5\" fill=\"url(#rm-balance)\"/>",
        num(x),
        num(y)
    );
    key.small(x, y + 19.0, "start", "one-way");
    key.small(x + 150.0, y + 19.0, "end", "balanced");
    key.label(x + 158.0, y + 7.5, "colour: balance");
}

/// RELATIONSHIPS, BEFORE → AFTER: two rows of line swatches, one per trend.
fn trend_colours(key: &mut Key) {
    let (x, y) = (LINES_X, COLOURS_Y);
    key.caption(x, TOP, "RELATIONSHIPS, BEFORE → AFTER");
    for (i, t) in Trend::ALL.iter().enumerate() {
        let ts = key.style.trend(*t);
        let (sx, sy) = (x + (i % 3) as f64 * 84.0, y + 4.0 + (i / 3) as f64 * 17.0);
        let dash = if ts.dashed {
            " stroke-dasharray=\"5 3\""
        } else {
            ""
        };
        let _ = write!(
            key.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"3\"{dash}/>",
            num(sx),
            num(sy),
            num(sx + 20.0),
            num(sy),
            escape(&ts.colour)
        );
        key.label(sx + 26.0, sy + 4.0, &ts.label);
    }
}

/// Under the colours: a dashed line (not rated yet), a thin and a thick line
/// (width is strength, on the rating scale or the raw weights), an arrow
/// (which way a direction runs).
fn line_examples(key: &mut Key, has_raw: bool) {
    let style = key.style;
    let x = LINES_X;
    let y = COLOURS_Y + 38.0;
    let _ = write!(
        key.body,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>",
        num(x),
        num(y),
        num(x + 30.0),
        num(y),
        escape(&style.unrated_colour)
    );
    key.label(x + 38.0, y + 4.0, "not rated yet");
    let y = y + ROW;
    for (dy, w) in [(-3.0, style.min_width), (3.0, 5.0)] {
        let _ = write!(
            key.body,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(x),
            num(y + dy),
            num(x + 30.0),
            num(y + dy),
            escape(&style.key_line),
            num(w)
        );
    }
    key.label(
        x + 38.0,
        y + 4.0,
        if has_raw {
            "width: strength (weight)"
        } else {
            "width: strength (0–5)"
        },
    );
    let y = y + ROW;
    let _ = write!(
        key.body,
        "<path d=\"M{},{}L{},{}\" stroke=\"{key}\" stroke-width=\"2\"/><path d=\"M{},{}L{},{}L{},{}Z\" fill=\"{key}\"/>",
        num(x),
        num(y),
        num(x + 22.0),
        num(y),
        num(x + 30.0),
        num(y),
        num(x + 22.0),
        num(y - 4.0),
        num(x + 22.0),
        num(y + 4.0),
        key = escape(&style.key_line)
    );
    key.label(x + 38.0, y + 4.0, "A → B: how A tells B the why");
}

/// FLAGS: each badge's pill and hint. Returns where the widest one ends.
fn flags(key: &mut Key) -> f64 {
    let x = FLAGS_X;
    key.caption(x, TOP, "FLAGS");
    let mut right = x;
    for (i, badge) in Badge::ALL.iter().enumerate() {
        let cy = TOP + 14.0 + i as f64 * ROW;
        let (w, svg) = pill(key.style, *badge, x, cy);
        key.body.push_str(&svg);
        let hint = &key.style.badge(*badge).hint;
        key.label(x + HINT_X, cy + 4.0, hint);
        right = right
            .max(x + w)
            .max(x + HINT_X + text_width(hint, 11.5, 400));
    }
    right
}
