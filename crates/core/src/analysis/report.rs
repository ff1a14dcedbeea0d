//! The shape of the figures: what [`super::figures`] returns, and with the
//! findings ([`crate::Analysis`]) what the CLI prints with `--json` and what
//! the UI draws. Plain serde data, no logic.
//!
//! Undefined figures (a ratio over nothing, such as the reciprocity of a map
//! with no links) are `None` (`null` in JSON), never NaN.

use serde::{Deserialize, Serialize};

use super::Badge;
use crate::model::{UnitId, UnitKind};

/// Every figure of one map (the findings are read off them afterwards, see
/// [`crate::assess`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Figures {
    pub organisation: OrganisationScores,
    pub components: Components,
    /// Units with no link at all.
    pub isolates: Vec<UnitId>,
    /// Cut vertices of the undirected graph, in map order.
    pub articulation_points: Vec<UnitId>,
    /// Cut edges of the undirected graph, each as `[a, b]` in map order.
    pub bridges: Vec<(UnitId, UnitId)>,
    /// One entry per unit, in map order.
    pub units: Vec<UnitScores>,
    /// One entry per related pair (a link in at least one direction).
    pub pairs: Vec<PairScores>,
    /// One entry per group of units (units with no group are left out), by name.
    pub groups: Vec<GroupScores>,
    /// Detected communities, each a list of unit ids; largest first.
    pub communities: Vec<Vec<UnitId>>,
    pub coverage: AmbassadorCoverage,
}

/// Whole-organisation figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct OrganisationScores {
    pub units: usize,
    pub links: usize,
    /// Pairs linked in both directions.
    pub mutual_pairs: usize,
    pub total_strength: f64,
    pub weighted_reciprocity: Option<f64>,
    pub dyadic_reciprocity: Option<f64>,
    pub rho: Option<f64>,
    pub density: Option<f64>,
    pub ei_index: Option<f64>,
    /// The network E-I index over strengths instead of tie counts.
    #[serde(default)]
    pub ei_weighted: Option<f64>,
    pub modularity: Option<f64>,
}

/// Connected components, each a list of unit ids (map order), largest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Components {
    pub weak: Vec<Vec<UnitId>>,
    pub strong: Vec<Vec<UnitId>>,
}

/// Figures of one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct UnitScores {
    pub id: UnitId,
    pub name: String,
    pub kind: UnitKind,
    pub group: Option<String>,
    pub strength_out: f64,
    pub strength_in: f64,
    pub reciprocated_strength: f64,
    pub unreciprocated_out: f64,
    pub unreciprocated_in: f64,
    pub reciprocity: Option<f64>,
    pub betweenness: f64,
    pub articulation_point: bool,
    /// Index into `Analysis::communities`.
    pub community: usize,
    /// Whether the unit has a reciprocated tie to an IT or digital unit.
    pub reciprocated_tech_tie: bool,
    /// The flags drawn beside the unit, most serious first
    /// ([`crate::analysis::badges`] says which and why).
    #[serde(default)]
    pub badges: Vec<Badge>,
}

/// Figures of one relationship `a ↔ b` (`a` before `b` in map order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct PairScores {
    pub a: UnitId,
    pub b: UnitId,
    /// Strength of `a → b`; `None` if there is no such link.
    pub a_to_b: Option<f64>,
    pub b_to_a: Option<f64>,
    pub reciprocated: f64,
    pub balance: Option<f64>,
    /// The side that tells without being heard, if the pair is one-sided.
    pub unheard: Option<UnitId>,
}

/// E-I index and ties of one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct GroupScores {
    pub name: String,
    pub units: Vec<UnitId>,
    pub internal_ties: usize,
    /// `external_out + external_in`.
    pub external_ties: usize,
    /// Arcs from the group to units of other groups.
    #[serde(default)]
    pub external_out: usize,
    /// Arcs from units of other groups into the group.
    #[serde(default)]
    pub external_in: usize,
    pub ei_index: Option<f64>,
    pub ei_weighted: Option<f64>,
    pub ei_out: Option<f64>,
    pub ei_in: Option<f64>,
}

/// Which units lack ambassadors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AmbassadorCoverage {
    /// Business units with no ambassador at all.
    pub without_ambassador: Vec<UnitId>,
    /// Units with at least one ambassador but not all three roles.
    pub missing_roles: Vec<MissingRoles>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct MissingRoles {
    pub unit: UnitId,
    pub roles: Vec<crate::model::AmbassadorRole>,
}
