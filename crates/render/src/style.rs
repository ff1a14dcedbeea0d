//! The drawing rules of a map, owned by the core so that every picture of a map
//! — the app's canvas, the SVG/PNG exports, the HTML and PDF reports — looks
//! the same: shape and colours per unit kind, line width from a direction's
//! strength, line colour from the pair's balance, the badge pills, the group
//! hull colours, the label font, and the colours of the text and chrome around
//! a map (the title block, the legend, the reports' pages: [`Style::ink`] and
//! the fields after it).
//!
//! [`Style`] is serde data (and a ts-rs type with the `ts` feature):
//! `scripts/gen-bindings.sh` writes [`Style::default`] as
//! `ui/src/lib/ipc/renderStyle.ts` (`RENDER_STYLE`), and the UI's canvas,
//! legend and lists draw with those values (`cyStyle.ts`, `graph.ts`,
//! `hull.ts`, `overlay.ts`); the render crate's `export_svg` test checks they
//! write none of their own.

use serde::{Deserialize, Serialize};

use recimap_core::analysis::Badge;
use recimap_core::compare::{Trend, Verdict};
use recimap_core::findings::Severity;
use recimap_core::model::{RATING_MAX, UnitKind};

/// The outline a unit kind is drawn with (Cytoscape.js shape names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "kebab-case")]
pub enum NodeShape {
    Ellipse,
    RoundRectangle,
    Hexagon,
    RoundDiamond,
}

/// How one unit kind is drawn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct KindStyle {
    pub kind: UnitKind,
    /// Legend label, e.g. "Business department".
    pub label: String,
    /// Fill colour (CSS hex).
    pub colour: String,
    /// Outline colour (CSS hex).
    pub border: String,
    pub shape: NodeShape,
}

/// How one badge is drawn and explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct BadgeStyle {
    pub badge: Badge,
    /// The pill's text.
    pub text: String,
    /// One sentence for the legend and the tooltip.
    pub hint: String,
    /// Pill colour (CSS hex); the text is [`Style::ink_on_colour`].
    pub colour: String,
}

/// How findings of one severity are marked in the reports (the stripe and tag
/// of a finding).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SeverityStyle {
    pub severity: Severity,
    /// Stripe and tag colour (CSS hex); the tag's text is [`Style::ink_on_colour`].
    pub colour: String,
}

/// How a direction is drawn in a before/after picture.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct TrendStyle {
    pub trend: Trend,
    /// Legend label, e.g. "stronger".
    pub label: String,
    /// Line colour (CSS hex).
    pub colour: String,
    /// Drawn dashed (a direction that is gone, drawn where it used to be).
    pub dashed: bool,
}

/// One stop of the balance colour scale.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct BalanceStop {
    /// Balance `min/max` of the pair, 0 (one-way) … 1 (balanced).
    pub at: f64,
    /// Colour at that balance, `[r, g, b]`.
    pub rgb: [u8; 3],
}

/// Every value the pictures of a map are drawn with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Style {
    /// CSS font stack of labels and text.
    pub font_family: String,
    /// Width and height of a unit's shape, in canvas units.
    pub node_size: f64,
    pub node_border_width: f64,
    /// One entry per unit kind, in [`UnitKind::ALL`] order.
    pub kinds: Vec<KindStyle>,
    pub label_font_size: f64,
    pub label_font_weight: u16,
    pub label_colour: String,
    /// Gap between a unit's shape and its label below it.
    pub label_margin: f64,
    /// Labels wrap at this width.
    pub label_max_width: f64,
    pub label_background: String,
    pub label_background_opacity: f64,
    /// The balance colour scale, ascending `at` from 0 to 1; colours are
    /// blended linearly between stops ([`Style::balance_colour`]).
    pub balance_stops: Vec<BalanceStop>,
    /// Colour of a direction with no strength yet, or of a pair with no balance.
    pub unrated_colour: String,
    /// Line width of strength 0 (and of an unrated direction).
    pub min_width: f64,
    /// Line width at the top of the scale ([`Style::edge_width`]).
    pub max_width: f64,
    /// Dash pattern of an unrated direction.
    pub unrated_dash: [f64; 2],
    pub edge_opacity: f64,
    /// Arrowhead size factor (Cytoscape's `arrow-scale`).
    pub arrow_scale: f64,
    /// Distance between the two curves of a two-way relationship at their
    /// middle (Cytoscape's `control-point-step-size`).
    pub control_point_step: f64,
    /// Opacity of units and links outside a focus.
    pub faded_opacity: f64,
    pub badges: Vec<BadgeStyle>,
    /// Line colours of a before/after picture, one per [`Trend`] in
    /// [`Trend::ALL`] order; they replace the balance colours there.
    pub trends: Vec<TrendStyle>,
    /// Group hull colours, used in turn by group order.
    pub hull_colours: Vec<String>,
    pub hull_fill_opacity: f64,
    pub hull_stroke_opacity: f64,
    /// Padding of a hull around its members' centres, as a share of `node_size`.
    pub hull_padding: f64,
    /// Text: the title of a picture and a report, the legend's labels, report
    /// text and table cells.
    pub ink: String,
    /// Secondary text: subtitles, captions, the meaning of a figure, the
    /// legend's headings, table headings.
    pub ink_soft: String,
    /// Faint text: page footers, the numbers of findings, a finding's kind and
    /// figure, a comparison figure that did not change.
    pub ink_faint: String,
    /// Text on a coloured ground: badge pills, severity tags, the current
    /// maturity stage.
    pub ink_on_colour: String,
    /// Rules and outlines: the rule under a picture's title, the legend's
    /// frame, table rules, the outline of cards and findings.
    pub rule: String,
    /// The ground of table headings, chips and maturity stages not reached.
    pub panel: String,
    /// The page: the background of a picture and of report pages, the ground
    /// of the legend and of cards, the halo around hull labels and pills.
    pub paper: String,
    /// Around the page of the HTML report on screen.
    pub desk: String,
    /// The reports' accent: the line above the title, the rule under the
    /// title block, the current maturity stage, the arrow before a
    /// recommendation.
    pub accent: String,
    /// Ground of a maturity stage already passed.
    pub accent_pale: String,
    /// Outline of a maturity stage already passed.
    pub accent_pale_border: String,
    /// The legend's example lines for width and direction (a neutral grey, so
    /// they read as examples and not as a balance).
    pub key_line: String,
    /// Finding colours, one per [`Severity`] (high, medium, low).
    pub severities: Vec<SeverityStyle>,
    /// A comparison figure that changed for the better.
    pub better: String,
    /// A comparison figure that changed for the worse.
    pub worse: String,
}

fn kind_style(kind: UnitKind, colour: &str, border: &str, shape: NodeShape) -> KindStyle {
    KindStyle {
        kind,
        label: kind.label().into(),
        colour: colour.into(),
        border: border.into(),
        shape,
    }
}

fn badge_style(badge: Badge, colour: &str) -> BadgeStyle {
    BadgeStyle {
        badge,
        text: badge.label().into(),
        hint: badge.hint().into(),
        colour: colour.into(),
    }
}

fn trend_style(trend: Trend, colour: &str, dashed: bool) -> TrendStyle {
    TrendStyle {
        trend,
        label: trend.label().into(),
        colour: colour.into(),
        dashed,
    }
}

fn severity_style(severity: Severity, colour: &str) -> SeverityStyle {
    SeverityStyle {
        severity,
        colour: colour.into(),
    }
}

impl Default for Style {
    fn default() -> Self {
        Style {
            font_family: "\"Inter Variable\", \"Inter\", \"Segoe UI\", system-ui, -apple-system, \"Noto Sans\", \"DejaVu Sans\", sans-serif".into(),
            node_size: 42.0,
            node_border_width: 2.0,
            kinds: vec![
                kind_style(UnitKind::Business, "#7f93ab", "#55697f", NodeShape::Ellipse),
                kind_style(UnitKind::It, "#2f5f9e", "#1d3f6e", NodeShape::RoundRectangle),
                kind_style(UnitKind::Digital, "#7b5ea7", "#563f7a", NodeShape::Hexagon),
                kind_style(UnitKind::External, "#c28f45", "#8f6428", NodeShape::RoundDiamond),
            ],
            label_font_size: 12.0,
            label_font_weight: 600,
            label_colour: "#1f2933".into(),
            label_margin: 6.0,
            label_max_width: 120.0,
            label_background: "#ffffff".into(),
            label_background_opacity: 0.85,
            balance_stops: vec![
                BalanceStop { at: 0.0, rgb: [214, 76, 76] },
                BalanceStop { at: 0.5, rgb: [230, 160, 50] },
                BalanceStop { at: 1.0, rgb: [46, 158, 110] },
            ],
            unrated_colour: "#a3acb9".into(),
            min_width: 1.5,
            max_width: 9.0,
            unrated_dash: [6.0, 4.0],
            edge_opacity: 0.92,
            arrow_scale: 0.85,
            control_point_step: 36.0,
            faded_opacity: 0.12,
            badges: vec![
                badge_style(Badge::Spof, "#9a3412"),
                badge_style(Badge::Silo, "#be185d"),
                badge_style(Badge::NoTechTie, "#a16207"),
                badge_style(Badge::Isolated, "#64748b"),
            ],
            trends: vec![
                trend_style(Trend::Stronger, "#1f9d55", false),
                trend_style(Trend::Weaker, "#d64545", false),
                trend_style(Trend::New, "#2f6fd6", false),
                trend_style(Trend::Gone, "#d64545", true),
                trend_style(Trend::Same, "#a3acb9", false),
            ],
            hull_colours: [
                "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
                "#9c755f", "#e15759", "#bab0ac",
            ]
            .map(String::from)
            .to_vec(),
            hull_fill_opacity: 0.09,
            hull_stroke_opacity: 0.45,
            hull_padding: 0.9,
            ink: "#1f2933".into(),
            ink_soft: "#52606d".into(),
            ink_faint: "#7b8794".into(),
            ink_on_colour: "#ffffff".into(),
            rule: "#d9dee5".into(),
            panel: "#f5f7fa".into(),
            paper: "#ffffff".into(),
            desk: "#eef1f5".into(),
            accent: "#2f5f9e".into(),
            accent_pale: "#e8eef7".into(),
            accent_pale_border: "#c7d4e8".into(),
            key_line: "#8895a7".into(),
            severities: vec![
                severity_style(Severity::High, "#c0392b"),
                severity_style(Severity::Medium, "#d68910"),
                severity_style(Severity::Low, "#8895a7"),
            ],
            better: "#1e8449".into(),
            worse: "#c0392b".into(),
        }
    }
}

impl Style {
    /// How units of `kind` are drawn.
    pub fn kind(&self, kind: UnitKind) -> &KindStyle {
        self.kinds
            .iter()
            .find(|k| k.kind == kind)
            .unwrap_or(&self.kinds[0])
    }

    /// How `badge` is drawn.
    pub fn badge(&self, badge: Badge) -> &BadgeStyle {
        self.badges
            .iter()
            .find(|b| b.badge == badge)
            .unwrap_or(&self.badges[0])
    }

    /// How a direction with `trend` is drawn in a before/after picture.
    pub fn trend(&self, trend: Trend) -> &TrendStyle {
        self.trends
            .iter()
            .find(|t| t.trend == trend)
            .unwrap_or(&self.trends[0])
    }

    /// The colour findings of `severity` are marked with.
    pub fn severity(&self, severity: Severity) -> &str {
        &self
            .severities
            .iter()
            .find(|s| s.severity == severity)
            .unwrap_or(&self.severities[0])
            .colour
    }

    /// The colour of a comparison figure's change: [`Style::better`],
    /// [`Style::worse`], or [`Style::ink_faint`] when it did not change or
    /// is not judged.
    pub fn verdict(&self, verdict: Verdict) -> &str {
        match verdict {
            Verdict::Better => &self.better,
            Verdict::Worse => &self.worse,
            Verdict::Same | Verdict::Unjudged => &self.ink_faint,
        }
    }

    /// The `i`-th group's hull colour (colours repeat after the last).
    pub fn hull_colour(&self, i: usize) -> &str {
        &self.hull_colours[i % self.hull_colours.len()]
    }

    /// The colour of a pair's balance `min/max` (0 = one-way, 1 = balanced): a
    /// linear blend between the two [`Style::balance_stops`] around it, each
    /// channel rounded to the nearest integer (as `Math.round` in the UI);
    /// [`Style::unrated_colour`] when the balance is undefined or not finite.
    pub fn balance_colour(&self, balance: Option<f64>) -> String {
        let Some(b) = balance.filter(|b| b.is_finite()) else {
            return self.unrated_colour.clone();
        };
        let b = b.clamp(0.0, 1.0);
        let stops = &self.balance_stops;
        for w in stops.windows(2) {
            let (s0, s1) = (w[0], w[1]);
            if b <= s1.at {
                let t = (b - s0.at) / (s1.at - s0.at);
                let c: Vec<u8> = (0..3)
                    .map(|k| {
                        let (v0, v1) = (f64::from(s0.rgb[k]), f64::from(s1.rgb[k]));
                        // JavaScript's Math.round rounds halves up.
                        (v0 + t * (v1 - v0) + 0.5).floor() as u8
                    })
                    .collect();
                return format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
            }
        }
        let last = stops.last().map_or([0, 0, 0], |s| s.rgb);
        format!("#{:02x}{:02x}{:02x}", last[0], last[1], last[2])
    }

    /// The top of the width scale for a map: the top of the rating scale
    /// ([`RATING_MAX`]) for rated maps, or the largest strength on the map when
    /// it has raw weights or a strength above the rating scale.
    pub fn width_scale(&self, strengths: impl IntoIterator<Item = f64>, has_raw: bool) -> f64 {
        let max = strengths.into_iter().fold(0.0_f64, f64::max);
        if has_raw {
            max
        } else {
            max.max(f64::from(RATING_MAX))
        }
    }

    /// Line width for a direction's strength: linear from
    /// [`Style::min_width`] at 0 to [`Style::max_width`] at `scale` (strengths
    /// above `scale` are drawn at the maximum), rounded to 1/100; the minimum
    /// for an unrated direction or a scale that is not positive.
    pub fn edge_width(&self, strength: Option<f64>, scale: f64) -> f64 {
        let Some(s) = strength.filter(|_| scale > 0.0) else {
            return self.min_width;
        };
        let t = (s / scale).clamp(0.0, 1.0);
        ((self.min_width + t * (self.max_width - self.min_width)) * 100.0).round() / 100.0
    }

    /// Arrowhead size for a line of width `width`, as Cytoscape.js computes it
    /// (`getArrowWidth`: `max((width · 13.37)^0.9, 29) · arrow-scale`). The
    /// triangle is 0.3 of this long and 0.3 of it wide.
    pub fn arrow_size(&self, width: f64) -> f64 {
        (width * 13.37).powf(0.9).max(29.0) * self.arrow_scale
    }
}

/// Whether `c` is a CSS hex colour (`#rgb` or `#rrggbb`): a user's colour is
/// used only then, and only then is a style colour written into a stylesheet.
pub fn is_css_hex(c: &str) -> bool {
    let hex = c.strip_prefix('#').unwrap_or("");
    matches!(hex.len(), 3 | 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_colours_blend_between_the_stops() {
        let s = Style::default();
        assert_eq!(s.balance_colour(Some(0.0)), "#d64c4c");
        assert_eq!(s.balance_colour(Some(0.5)), "#e6a032");
        assert_eq!(s.balance_colour(Some(1.0)), "#2e9e6e");
        // halfway between red (214,76,76) and amber (230,160,50): 222, 118, 63
        assert_eq!(s.balance_colour(Some(0.25)), "#de763f");
        assert_eq!(s.balance_colour(Some(-3.0)), "#d64c4c");
        assert_eq!(s.balance_colour(None), "#a3acb9");
        assert_eq!(s.balance_colour(Some(f64::NAN)), "#a3acb9");
    }

    #[test]
    fn widths_run_from_min_to_max_over_the_scale() {
        let s = Style::default();
        assert_eq!(s.edge_width(Some(0.0), 5.0), 1.5);
        assert_eq!(s.edge_width(Some(5.0), 5.0), 9.0);
        assert_eq!(s.edge_width(Some(2.5), 5.0), 5.25);
        assert_eq!(s.edge_width(Some(50.0), 5.0), 9.0);
        assert_eq!(s.edge_width(None, 5.0), 1.5);
        assert_eq!(s.edge_width(Some(1.0), 0.0), 1.5);
        assert_eq!(s.width_scale([2.0, 3.0], false), 5.0);
        assert_eq!(s.width_scale([2.0, 30.0], true), 30.0);
    }

    /// The UI draws with this style sent as JSON (`ui/src/lib/ipc/renderStyle.ts`):
    /// it must come back the same.
    #[test]
    fn the_style_round_trips_through_json() {
        let json = serde_json::to_string_pretty(&Style::default()).unwrap();
        let back: Style = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Style::default());
    }

    #[test]
    fn every_kind_and_badge_has_a_style() {
        let s = Style::default();
        for k in UnitKind::ALL {
            assert_eq!(s.kind(k).kind, k);
        }
        for b in Badge::ALL {
            assert_eq!(s.badge(b).badge, b);
        }
        for t in Trend::ALL {
            assert_eq!(s.trend(t).trend, t);
        }
        for (sev, colour) in [
            (Severity::High, "#c0392b"),
            (Severity::Medium, "#d68910"),
            (Severity::Low, "#8895a7"),
        ] {
            assert_eq!(s.severity(sev), colour);
        }
    }

    #[test]
    fn only_hex_colours_are_taken_from_the_user() {
        assert!(is_css_hex("#abc") && is_css_hex("#A0b1C2"));
        assert!(!is_css_hex("red") && !is_css_hex("#12345") && !is_css_hex("\"/><script>"));
    }

    #[test]
    fn every_colour_is_a_css_hex_colour() {
        let s = Style::default();
        let json = serde_json::to_value(&s).unwrap();
        let mut colours = Vec::new();
        collect_colours(&json, &mut colours);
        assert!(colours.len() > 30, "{colours:?}");
        for c in colours {
            assert!(is_css_hex(&c), "{c}");
        }
    }

    /// Every string in the style that starts with `#`.
    fn collect_colours(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if s.starts_with('#') => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect_colours(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| collect_colours(v, out)),
            _ => {}
        }
    }
}
