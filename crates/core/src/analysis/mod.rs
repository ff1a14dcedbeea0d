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

/// What [`crate::analyze_with`] computes.
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
    let ids = |nodes: &[usize]| ids_of(&g, nodes);

    let pair_figures = reciprocity::pairs(&g);
    let weak = structure::weak_components(&g);
    let strong = structure::strong_components(&g);
    let isolates = structure::isolates(&g);
    let (cut_points, bridges) = structure::cut_points(&g);
    let community_lists = communities::louvain(&g);
    let community_of = membership(&community_lists, g.len());
    let (network_ei, group_ei) = groups::ei(map, &g);

    let per_unit = PerUnit {
        betweenness: if options.betweenness {
            structure::betweenness(&g)
        } else {
            vec![0.0; g.len()]
        },
        articulation_point: marked(g.len(), &cut_points),
        community: community_of,
        reciprocated_tech_tie: reciprocated_tech_ties(map, &pair_figures),
    };

    Figures {
        organisation: organisation_scores(&g, &per_unit.community, &network_ei),
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
        units: unit_scores(map, reciprocity::units(&g), &per_unit),
        pairs: pair_scores(&g, pair_figures),
        groups: group_scores(&g, &group_ei),
        communities: community_lists.iter().map(|c| ids(c)).collect(),
        coverage: coverage::coverage(map),
    }
}

/// The ids of these graph nodes, in the same order.
fn ids_of(g: &MapGraph, nodes: &[usize]) -> Vec<UnitId> {
    nodes.iter().map(|&i| g.ids[i].clone()).collect()
}

/// For each of `len` nodes, the index of its community in `communities`.
fn membership(communities: &[Vec<usize>], len: usize) -> Vec<usize> {
    let mut community_of = vec![0; len];
    for (c, members) in communities.iter().enumerate() {
        for &i in members {
            community_of[i] = c;
        }
    }
    community_of
}

/// For each of `len` nodes, whether it is one of `nodes`.
fn marked(len: usize, nodes: &[usize]) -> Vec<bool> {
    let mut is_marked = vec![false; len];
    for &i in nodes {
        is_marked[i] = true;
    }
    is_marked
}

/// For each unit, whether it has a reciprocated tie to an IT or digital unit.
///
/// A reciprocated tie needs strength both ways: a pair linked both ways but
/// rated 0 (or unrated) in one direction is not a working two-way tie.
fn reciprocated_tech_ties(map: &Map, pairs: &[reciprocity::PairFigures]) -> Vec<bool> {
    let mut tech_tie = vec![false; map.units.len()];
    for p in pairs {
        if p.reciprocated > 0.0 {
            if map.units[p.b].kind.is_technology() {
                tech_tie[p.a] = true;
            }
            if map.units[p.a].kind.is_technology() {
                tech_tie[p.b] = true;
            }
        }
    }
    tech_tie
}

/// The figures of each unit that come from the whole graph, indexed like the
/// map's units.
struct PerUnit {
    betweenness: Vec<f64>,
    articulation_point: Vec<bool>,
    community: Vec<usize>,
    reciprocated_tech_tie: Vec<bool>,
}

/// Whole-organisation figures: reciprocity, the network E-I index and the
/// modularity of the `community` partition.
fn organisation_scores(
    g: &MapGraph,
    community: &[usize],
    network_ei: &groups::NetworkEi,
) -> OrganisationScores {
    let org = reciprocity::organisation(g);
    OrganisationScores {
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
        modularity: communities::modularity(g, community),
    }
}

/// One [`UnitScores`] per unit, in map order, badges left empty.
fn unit_scores(
    map: &Map,
    unit_figures: Vec<reciprocity::UnitFigures>,
    per_unit: &PerUnit,
) -> Vec<UnitScores> {
    map.units
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
            betweenness: per_unit.betweenness[i],
            articulation_point: per_unit.articulation_point[i],
            community: per_unit.community[i],
            reciprocated_tech_tie: per_unit.reciprocated_tech_tie[i],
            badges: Vec::new(),
        })
        .collect()
}

/// One [`PairScores`] per related pair, with unit ids for graph indices.
fn pair_scores(g: &MapGraph, pair_figures: Vec<reciprocity::PairFigures>) -> Vec<PairScores> {
    pair_figures
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
        .collect()
}

/// One [`GroupScores`] per group, with unit ids for graph indices.
fn group_scores(g: &MapGraph, group_ei: &[groups::GroupEi]) -> Vec<GroupScores> {
    group_ei
        .iter()
        .map(|ge| GroupScores {
            name: ge.name.clone(),
            units: ids_of(g, &ge.members),
            internal_ties: ge.internal,
            external_ties: ge.external(),
            external_out: ge.external_out,
            external_in: ge.external_in,
            ei_index: ge.ei(),
            ei_weighted: ge.ei_weighted(),
            ei_out: ge.ei_out(),
            ei_in: ge.ei_in(),
        })
        .collect()
}
