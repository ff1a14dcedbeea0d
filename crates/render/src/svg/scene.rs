//! What every layer of the map is drawn from ([`Scene`]: the units'
//! positions, the lookups by id, the focus) and the box around everything
//! drawn ([`Bounds`]).

use std::collections::{HashMap, HashSet};

use super::SvgOptions;
use crate::geometry::Pt;
use crate::layout::positions;
use crate::style::Style;
use recimap_core::Analysis;
use recimap_core::analysis::PairScores;
use recimap_core::model::{Map, UnitId};

/// A running bounding box.
#[derive(Clone, Copy)]
pub(super) struct Bounds {
    pub min: Pt,
    pub max: Pt,
}

impl Bounds {
    pub fn new() -> Self {
        Bounds {
            min: Pt::new(f64::INFINITY, f64::INFINITY),
            max: Pt::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        }
    }
    pub fn add(&mut self, p: Pt) {
        self.min = Pt::new(self.min.x.min(p.x), self.min.y.min(p.y));
        self.max = Pt::new(self.max.x.max(p.x), self.max.y.max(p.y));
    }
    pub fn add_rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        self.add(Pt::new(x, y));
        self.add(Pt::new(x + w, y + h));
    }
    pub fn is_empty(&self) -> bool {
        !self.min.x.is_finite()
    }
    /// The box grown by `pad` on every side (an empty box stays empty).
    pub fn padded(mut self, pad: f64) -> Self {
        if !self.is_empty() {
            self.min = self.min.sub(Pt::new(pad, pad));
            self.max = self.max.add(Pt::new(pad, pad));
        }
        self
    }
}

/// What every layer of the map is drawn from.
pub(super) struct Scene<'a> {
    pub map: &'a Map,
    pub style: &'a Style,
    /// Half a unit's size.
    pub half: f64,
    /// Each unit's centre, by its index in `map.units`.
    pub pos: Vec<Pt>,
    /// A unit's index in `map.units`.
    pub index: HashMap<&'a UnitId, usize>,
    /// The analysis's pair scores, by [`pair_key`].
    pub pairs: HashMap<(&'a UnitId, &'a UnitId), &'a PairScores>,
    /// The focused units, when there is a focus.
    focus_units: Option<HashSet<&'a UnitId>>,
    focus_links: HashSet<(&'a UnitId, &'a UnitId)>,
}

impl<'a> Scene<'a> {
    pub fn new(map: &'a Map, analysis: &'a Analysis, opts: &'a SvgOptions) -> Self {
        let style = &opts.style;
        Scene {
            map,
            style,
            half: style.node_size / 2.0,
            pos: positions(map),
            index: map
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| (&u.id, i))
                .collect(),
            pairs: analysis
                .pairs
                .iter()
                .map(|p| (pair_key(&p.a, &p.b), p))
                .collect(),
            focus_units: opts.focus.as_ref().map(|f| f.units.iter().collect()),
            focus_links: opts
                .focus
                .as_ref()
                .map(|f| f.links.iter().map(|(s, t)| (s, t)).collect())
                .unwrap_or_default(),
        }
    }

    /// A unit outside the focus is faded.
    pub fn unit_faded(&self, id: &UnitId) -> bool {
        self.focus_units.as_ref().is_some_and(|f| !f.contains(id))
    }

    /// A link stays bright if it is listed in the focus, or — when the focus
    /// lists none — if both its ends are focused ([`super::Focus`]).
    pub fn link_faded(&self, source: &UnitId, target: &UnitId) -> bool {
        match (&self.focus_units, self.focus_links.is_empty()) {
            (None, _) => false,
            (Some(f), true) => !(f.contains(source) && f.contains(target)),
            (Some(f), false) => {
                !(self.focus_links.contains(&(source, target))
                    || (f.contains(source) && f.contains(target)))
            }
        }
    }
}

/// The key of a pair of units, whichever way round they are given.
pub(super) fn pair_key<'a>(a: &'a UnitId, b: &'a UnitId) -> (&'a UnitId, &'a UnitId) {
    if a <= b { (a, b) } else { (b, a) }
}
