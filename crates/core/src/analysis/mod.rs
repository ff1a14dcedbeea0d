//! The figures of a map: pure functions from a validated [`Map`] to its
//! [`Figures`]. No I/O, no clock, no randomness beyond fixed seeds: the same
//! map gives the same output, byte for byte. Nothing here reads a finding:
//! the findings are an assessment made afterwards ([`crate::findings`]).
//!
//! Submodules, each owning a family of figures:
//! - [`graph`] — the petgraph graph built from the map (node order = map order);
//! - [`reciprocity`] — organisation, pair and unit reciprocity;
//! - [`structure`] — components, isolates, articulation points, bridges, betweenness;
//! - [`communities`] — Louvain communities and modularity;
//! - [`groups`] — Krackhardt–Stern E-I indices;
//! - [`coverage`] — ambassador coverage;
//! - [`badges`] — the flags drawn beside units (the type; the findings set them);
//! - [`synthetic`] — a seeded synthetic map for benchmarks.

pub mod badges;
pub mod communities;
pub mod coverage;
pub mod graph;
pub mod groups;
pub mod reciprocity;
mod report;
pub mod structure;
pub mod synthetic;

pub use badges::Badge;
pub use communities::modularity;
pub use graph::MapGraph;
pub use reciprocity::UNHEARD_BALANCE;
pub use report::*;
pub use structure::CutOff;
pub use synthetic::synthetic_map;

use serde::{Deserialize, Serialize};

use crate::model::{Map, UnitId};

/// What [`analyze_with`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct AnalysisOptions {
    /// Compute betweenness, the only figure that grows faster than the map
    /// (`O(n·L)`): microseconds for a workshop map, about 0.15 s for polblogs
    /// (1,490 units), but some 20 s for 10,000 units / 100,000 links on two
    /// cores (see BENCHMARKS.md). When `false`, every unit's betweenness is 0
    /// and [`crate::Analysis::betweenness_computed`] is `false`; interactive callers
    /// should turn it off for large imported maps. Everything else is linear
    /// or near-linear.
    pub betweenness: bool,
}

impl Default for AnalysisOptions {
    /// Everything, betweenness included.
    fn default() -> Self {
        AnalysisOptions { betweenness: true }
    }
}

/// Every figure of a map, computed with the given options. The map should be
/// valid ([`Map::validate`]); links naming unknown units and self-links are
/// ignored rather than trusted. Each unit's badges are left empty: they are
/// an assessment ([`crate::findings::badges`]).
pub fn figures(map: &Map, options: &AnalysisOptions) -> Figures {
    let g = MapGraph::new(map);
    let ids =
        |nodes: &[usize]| -> Vec<UnitId> { nodes.iter().map(|&i| g.ids[i].clone()).collect() };

    let org = reciprocity::organisation(&g);
    let unit_figures = reciprocity::units(&g);
    let pair_figures = reciprocity::pairs(&g);

    let weak = structure::weak_components(&g);
    let strong = structure::strong_components(&g);
    let isolates = structure::isolates(&g);
    let (cut_points, bridges) = structure::cut_points(&g);
    let betweenness = if options.betweenness {
        structure::betweenness(&g)
    } else {
        vec![0.0; g.len()]
    };

    let community_lists = communities::louvain(&g);
    let mut community_of = vec![0; g.len()];
    for (c, members) in community_lists.iter().enumerate() {
        for &i in members {
            community_of[i] = c;
        }
    }
    let modularity = communities::modularity(&g, &community_of);

    let (network_ei, group_ei) = groups::ei(map, &g);

    let mut is_cut = vec![false; g.len()];
    for &i in &cut_points {
        is_cut[i] = true;
    }
    // A reciprocated tie needs strength both ways: a pair linked both ways but
    // rated 0 (or unrated) in one direction is not a working two-way tie.
    let mut tech_tie = vec![false; g.len()];
    for p in &pair_figures {
        if p.reciprocated > 0.0 {
            if map.units[p.b].kind.is_technology() {
                tech_tie[p.a] = true;
            }
            if map.units[p.a].kind.is_technology() {
                tech_tie[p.b] = true;
            }
        }
    }

    let units = map
        .units
        .iter()
        .zip(unit_figures)
        .enumerate()
        .map(|(i, (unit, f))| UnitScores {
            id: unit.id.clone(),
            name: unit.name.clone(),
            kind: unit.kind,
            group: groups::group_of(unit).map(str::to_owned),
            strength_out: f.strength_out,
            strength_in: f.strength_in,
            reciprocated_strength: f.reciprocated,
            unreciprocated_out: f.unreciprocated_out,
            unreciprocated_in: f.unreciprocated_in,
            reciprocity: f.reciprocity,
            betweenness: betweenness[i],
            articulation_point: is_cut[i],
            community: community_of[i],
            reciprocated_tech_tie: tech_tie[i],
            badges: Vec::new(),
        })
        .collect();

    let pairs = pair_figures
        .into_iter()
        .map(|p| PairScores {
            a: g.ids[p.a].clone(),
            b: g.ids[p.b].clone(),
            a_to_b: p.a_to_b,
            b_to_a: p.b_to_a,
            reciprocated: p.reciprocated,
            balance: p.balance,
            unheard: p.unheard.map(|i| g.ids[i].clone()),
        })
        .collect();

    let groups = group_ei
        .iter()
        .map(|ge| GroupScores {
            name: ge.name.clone(),
            units: ids(&ge.members),
            internal_ties: ge.internal,
            external_ties: ge.external(),
            external_out: ge.external_out,
            external_in: ge.external_in,
            ei_index: ge.ei(),
            ei_weighted: ge.ei_weighted(),
            ei_out: ge.ei_out(),
            ei_in: ge.ei_in(),
        })
        .collect();

    Figures {
        organisation: OrganisationScores {
            units: g.len(),
            links: org.links,
            mutual_pairs: org.mutual_pairs,
            total_strength: org.total_strength,
            weighted_reciprocity: org.weighted_reciprocity,
            dyadic_reciprocity: org.dyadic_reciprocity,
            rho: org.rho,
            density: org.density,
            ei_index: network_ei.ei(),
            ei_weighted: network_ei.ei_weighted(),
            modularity,
        },
        components: Components {
            weak: weak.iter().map(|c| ids(c)).collect(),
            strong: strong.iter().map(|c| ids(c)).collect(),
        },
        isolates: ids(&isolates),
        articulation_points: ids(&cut_points),
        bridges: bridges
            .iter()
            .map(|&(a, b)| (g.ids[a].clone(), g.ids[b].clone()))
            .collect(),
        units,
        pairs,
        groups,
        communities: community_lists.iter().map(|c| ids(c)).collect(),
        coverage: coverage::coverage(map),
    }
}
