//! The links of the map: one line per direction with its arrowhead. The two
//! directions of a two-way relationship bend to opposite sides of the line
//! between their units (a quadratic curve whose control point is
//! [`Style::control_point_step`] off the middle), so they never lie on top of
//! each other; a one-way direction is straight. Width from the direction's
//! strength ([`Style::edge_width`]), colour from the pair's balance
//! ([`Style::balance_colour`]) — or, in a before/after picture, from the
//! direction's [`Trend`], with the directions that are gone drawn dashed
//! where they used to be.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use super::scene::{Bounds, Scene, pair_key};
use super::serde_name;
use crate::geometry::{Pt, boundary_distance};
use crate::style::Style;
use crate::xml::{escape, num};
use recimap_core::analysis::PairScores;
use recimap_core::compare::{DirectionChange, Trend};
use recimap_core::model::{Map, UnitId};

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

/// Where one direction runs, between the outlines of its two units.
struct Curve {
    /// The indices of its source and target in `map.units`.
    source: usize,
    target: usize,
    /// Centre of the source unit.
    from: Pt,
    /// Where the line leaves the source's outline.
    start: Pt,
    /// The quadratic curve's control point (the middle for a straight line).
    control: Pt,
    /// Middle of the two units' centres.
    mid: Pt,
    /// The arrow's tip, on the target's outline.
    end: Pt,
    two_way: bool,
}

/// Every direction, as two layers: the bright ones and the faded ones.
pub(super) fn link_layers(
    scene: &Scene,
    changes: Option<&[DirectionChange]>,
    bounds: &mut Bounds,
) -> (String, String) {
    let (mut edges, mut edges_faded) = (String::new(), String::new());
    let style = scene.style;
    let lines = drawn_links(scene.map, &scene.pairs, &scene.index, changes);
    let directed: HashSet<(&UnitId, &UnitId)> =
        lines.iter().map(|l| (l.source, l.target)).collect();
    let has_raw = scene.map.links.iter().any(|l| l.weight.is_some());
    let scale = style.width_scale(lines.iter().filter_map(|l| l.strength), has_raw);
    for l in &lines {
        let Some(curve) = curve(scene, l, &directed) else {
            continue;
        };
        let faded = scene.link_faded(l.source, l.target);
        let (out, opacity) = if faded {
            (&mut edges_faded, style.edge_opacity * style.faded_opacity)
        } else {
            (&mut edges, style.edge_opacity)
        };
        out.push_str(&link(scene, l, &curve, scale, opacity));
        bounds.add(curve.from);
        bounds.add(curve.control.scale(0.5).add(curve.mid.scale(0.5)));
    }
    (edges, edges_faded)
}

/// The curve of `l`, or `None` when it cannot be drawn: an end that is not on
/// the map, a loop, or two units at the same place.
fn curve(scene: &Scene, l: &DrawnLink, directed: &HashSet<(&UnitId, &UnitId)>) -> Option<Curve> {
    let (&si, &ti) = (scene.index.get(l.source)?, scene.index.get(l.target)?);
    if si == ti {
        return None;
    }
    let style = scene.style;
    let (s, t) = (scene.pos[si], scene.pos[ti]);
    let dir = t.sub(s);
    if dir.len() < 1e-6 {
        return None;
    }
    let two_way = directed.contains(&(l.target, l.source));
    let mid = s.add(dir.scale(0.5));
    let c = if two_way {
        mid.add(dir.unit().perp().scale(style.control_point_step))
    } else {
        mid
    };
    let shape = |k: usize| style.kind(scene.map.units[k].kind).shape;
    let edge = style.node_border_width / 2.0;
    let half = scene.half;
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
    Some(Curve {
        source: si,
        target: ti,
        from: s,
        start,
        control: c,
        mid,
        end,
        two_way,
    })
}

/// One direction as a `<g class="link">`: its tooltip, its line and its
/// arrowhead, at `opacity`.
fn link(scene: &Scene, l: &DrawnLink, curve: &Curve, scale: f64, opacity: f64) -> String {
    let style = scene.style;
    let width = style.edge_width(l.strength, scale);
    let colour = link_colour(scene, l);
    let size = style.arrow_size(width);
    let (length, half_w) = (0.3 * size, 0.15 * size);
    let (start, c, end) = (curve.start, curve.control, curve.end);
    let u = end.sub(c).unit();
    let room = end.sub(start).len();
    let base = if room > length * 1.2 {
        end.sub(u.scale(length))
    } else {
        end
    };
    let line = if curve.two_way {
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
    let dash = if l.strength.is_none() || dashed {
        format!(
            " stroke-dasharray=\"{} {}\"",
            num(style.unrated_dash[0]),
            num(style.unrated_dash[1])
        )
    } else {
        String::new()
    };
    // A faded link multiplies the faded opacity into its line's and
    // arrowhead's own opacity rather than taking a group `opacity`: resvg
    // draws a group with opacity through a layer the size of its bounding
    // box, which for 19,000 long links took minutes.
    // Four decimals: `num`'s two would round 0.92 × 0.12 to 0.11.
    let opacity = (opacity * 1e4).round() / 1e4;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<g class=\"link\" data-source=\"{}\" data-target=\"{}\"{}><title>{}</title><path d=\"{line}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-opacity=\"{}\" stroke-linecap=\"round\"{dash}/><path d=\"M{},{}L{},{}L{},{}Z\" fill=\"{colour}\" fill-opacity=\"{}\"/></g>",
        escape(l.source.as_str()),
        escape(l.target.as_str()),
        l.change.map_or(String::new(), |c| format!(
            " data-trend=\"{}\"",
            serde_name(c.trend)
        )),
        escape(&tooltip(scene.map, style, l, curve)),
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
    out
}

/// A direction's colour: its trend's in a before/after picture, the unrated
/// colour when it has no strength, else its pair's balance colour.
fn link_colour(scene: &Scene, l: &DrawnLink) -> String {
    let style = scene.style;
    match (l.change, l.strength) {
        (Some(c), _) => style.trend(c.trend).colour.clone(),
        (None, None) => style.unrated_colour.clone(),
        (None, Some(_)) => {
            let pair = scene.pairs.get(&pair_key(l.source, l.target));
            style.balance_colour(pair.and_then(|p| p.balance))
        }
    }
}

/// A direction's tooltip: its units, and its strength or how it changed.
fn tooltip(map: &Map, style: &Style, l: &DrawnLink, curve: &Curve) -> String {
    let (s, t) = (&map.units[curve.source].name, &map.units[curve.target].name);
    match (l.change, l.strength) {
        (Some(c), _) => format!(
            "{s} → {t}: {}, strength {} → {}",
            style.trend(c.trend).label,
            num_or_dash(c.before),
            num_or_dash(c.after)
        ),
        (None, Some(v)) => format!("{s} → {t}: strength {}", num(v)),
        (None, None) => format!("{s} → {t}: not rated yet"),
    }
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

/// A strength for a tooltip, or "–" when there is none.
fn num_or_dash(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_owned(), num)
}

/// The strength of `source → target` as the analysis reports it.
fn direction_strength(p: Option<&&PairScores>, source: &UnitId) -> Option<f64> {
    let p = p?;
    if &p.a == source { p.a_to_b } else { p.b_to_a }
}
