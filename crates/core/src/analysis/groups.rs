//! Silos by group: the Krackhardt–Stern E-I index of the whole map and of each
//! group of units.
//!
//! Krackhardt & Stern (1988), "Informal networks and organizational crises: an
//! experimental simulation", Social Psychology Quarterly 51(2):123–140:
//! `EI = (E − I) / (E + I)`, with `E` the ties that cross a group boundary and
//! `I` the ties inside a group. −1 means all ties stay inside (a silo), +1 all
//! ties go outside.
//!
//! Conventions (those of the reference figures): every arc is one tie, counted
//! once; a unit whose group is missing, empty or `"NA"` is in no group and the
//! arcs touching it are ignored. Weighted variants sum strengths instead of
//! counting arcs.

use std::collections::BTreeMap;

use super::graph::MapGraph;
use crate::model::Map;

/// The group of a unit, `None` if missing, blank or `"NA"`.
pub fn group_of(unit: &crate::model::Unit) -> Option<&str> {
    let g = unit.group.as_deref()?.trim();
    (!g.is_empty() && g != "NA").then_some(g)
}

/// Network-level E-I counts.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NetworkEi {
    /// Arcs between units of different groups.
    pub external: usize,
    /// Arcs between units of the same group.
    pub internal: usize,
    pub external_strength: f64,
    pub internal_strength: f64,
}

impl NetworkEi {
    /// `(E − I)/(E + I)` over arcs; `None` with no arc between grouped units.
    pub fn ei(&self) -> Option<f64> {
        ratio(self.external as f64, self.internal as f64)
    }
    /// The same over strengths; `None` when they sum to 0.
    pub fn ei_weighted(&self) -> Option<f64> {
        ratio(self.external_strength, self.internal_strength)
    }
}

/// E-I counts of one group `g`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupEi {
    pub name: String,
    /// Member node indices, ascending.
    pub members: Vec<usize>,
    /// `I_g`: arcs with both ends in `g`.
    pub internal: usize,
    /// Arcs from `g` to a unit of another group.
    pub external_out: usize,
    /// Arcs from a unit of another group into `g`.
    pub external_in: usize,
    pub internal_strength: f64,
    pub external_strength: f64,
}

impl GroupEi {
    /// `E_g = external_out + external_in`: arcs with exactly one end in `g`.
    pub fn external(&self) -> usize {
        self.external_out + self.external_in
    }
    /// `EI_g = (E_g − I_g)/(E_g + I_g)`; `None` when the group has no tie.
    pub fn ei(&self) -> Option<f64> {
        ratio(self.external() as f64, self.internal as f64)
    }
    /// The same over strengths.
    pub fn ei_weighted(&self) -> Option<f64> {
        ratio(self.external_strength, self.internal_strength)
    }
    /// `EI_out_g`: `E` counts only arcs leaving `g`.
    pub fn ei_out(&self) -> Option<f64> {
        ratio(self.external_out as f64, self.internal as f64)
    }
    /// `EI_in_g`: `E` counts only arcs entering `g`.
    pub fn ei_in(&self) -> Option<f64> {
        ratio(self.external_in as f64, self.internal as f64)
    }
}

fn ratio(e: f64, i: f64) -> Option<f64> {
    (e + i > 0.0).then(|| (e - i) / (e + i))
}

/// The network E-I counts and every group's, groups ordered by name.
pub fn ei(map: &Map, g: &MapGraph) -> (NetworkEi, Vec<GroupEi>) {
    let mut by_name: BTreeMap<&str, usize> = BTreeMap::new();
    for unit in &map.units {
        if let Some(name) = group_of(unit) {
            by_name.insert(name, 0);
        }
    }
    let mut groups: Vec<GroupEi> = by_name
        .iter_mut()
        .enumerate()
        .map(|(k, (name, slot))| {
            *slot = k;
            GroupEi {
                name: (*name).to_owned(),
                ..GroupEi::default()
            }
        })
        .collect();
    let node_group: Vec<Option<usize>> = map
        .units
        .iter()
        .map(|u| group_of(u).map(|name| by_name[name]))
        .collect();
    for (i, k) in node_group.iter().enumerate() {
        if let Some(k) = k {
            groups[*k].members.push(i);
        }
    }
    let mut network = NetworkEi::default();
    for (i, j, w) in g.arcs() {
        let (Some(gi), Some(gj)) = (node_group[i], node_group[j]) else {
            continue;
        };
        if gi == gj {
            network.internal += 1;
            network.internal_strength += w;
            groups[gi].internal += 1;
            groups[gi].internal_strength += w;
        } else {
            network.external += 1;
            network.external_strength += w;
            groups[gi].external_out += 1;
            groups[gi].external_strength += w;
            groups[gj].external_in += 1;
            groups[gj].external_strength += w;
        }
    }
    (network, groups)
}
