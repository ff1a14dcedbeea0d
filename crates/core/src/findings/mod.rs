//! Findings: the assessment made after the figures. Each rule reads a map and
//! its [`Figures`] and says, in plain language, what stands out — pointing at
//! the units and links it is about, the figure that triggered it, and a small
//! concrete recommendation in the spirit of "start small".
//!
//! One module per rule; [`find`] runs them all and ranks the result
//! deterministically (severity, then kind, then how strong the signal is,
//! then key). Every threshold is a documented constant beside its rule, so a
//! reader can tell why a finding appeared. [`badges`] reads the flags drawn
//! beside units off the figures and the findings.
//!
//! - [`one_way`] — relationships where one side tells and the other does not answer;
//! - [`silos`] — groups that keep to themselves, units with no two-way tie to IT or digital;
//! - [`digital`] — digital work that sits in one silo;
//! - [`single_points`] — units whose loss cuts others off;
//! - [`bottlenecks`] — IT or digital units that much goes through, or that take orders;
//! - [`ambassadors`] — departments without an ambassador, missing roles;
//! - [`isolates`] — units with no relationship;
//! - [`organisation`] — low reciprocity overall, a map in separate parts.

pub mod ambassadors;
pub mod badges;
pub mod bottlenecks;
mod context;
pub mod digital;
pub mod isolates;
pub mod one_way;
pub mod organisation;
pub mod silos;
pub mod single_points;

pub use bottlenecks::{
    BOTTLENECK_BETWEENNESS, BOTTLENECK_MIN_IN_LINKS, BOTTLENECK_UNRECIPROCATED_SHARE,
};
pub use one_way::TELLS_A_LOT;
pub use organisation::{LOW_RECIPROCITY, VERY_LOW_RECIPROCITY};
pub use silos::{SILO_EI, STRONG_SILO_EI};

use serde::{Deserialize, Serialize};

use crate::analysis::Figures;
use crate::model::{Map, UnitId};
use context::Context;

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Finding {
    /// Stable key (kind and the ids it is about), used to hide a finding from a deck.
    pub key: String,
    pub kind: FindingKind,
    pub severity: Severity,
    pub units: Vec<UnitId>,
    /// Links `[source, target]` the finding is about.
    pub links: Vec<(UnitId, UnitId)>,
    /// The figure that triggered it.
    pub figure: Figure,
    pub message: String,
    pub recommendation: String,
}

/// A named figure and its value, e.g. `balance = 0.25`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Figure {
    pub name: String,
    pub value: f64,
}

/// What a finding is about. The order is the tie-break order within a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// One side of a relationship tells, the other does not answer.
    OneWayRelationship,
    /// A group that keeps to itself, or has no two-way tie to IT or digital.
    SiloGroup,
    /// The digital team's two-way ties to the business are all in one group.
    DigitalInOneSilo,
    /// A business unit with no two-way tie to IT or digital.
    NoTechTie,
    /// A unit whose removal cuts others off (articulation point).
    SinglePointOfFailure,
    /// An IT or digital unit many requests go through, or that is told more than it answers.
    TechBottleneck,
    /// Business units with no ambassador, or ambassadors missing a role.
    AmbassadorGap,
    /// A unit with no relationship at all.
    IsolatedUnit,
    /// Little of the organisation's communication is returned.
    LowReciprocity,
    /// The map falls apart into separate parts.
    DisconnectedMap,
}

impl FindingKind {
    /// Every kind, in tie-break order.
    pub const ALL: [FindingKind; 10] = [
        FindingKind::OneWayRelationship,
        FindingKind::SiloGroup,
        FindingKind::DigitalInOneSilo,
        FindingKind::NoTechTie,
        FindingKind::SinglePointOfFailure,
        FindingKind::TechBottleneck,
        FindingKind::AmbassadorGap,
        FindingKind::IsolatedUnit,
        FindingKind::LowReciprocity,
        FindingKind::DisconnectedMap,
    ];

    /// The snake_case name used in JSON and in finding keys.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::OneWayRelationship => "one_way_relationship",
            FindingKind::SiloGroup => "silo_group",
            FindingKind::DigitalInOneSilo => "digital_in_one_silo",
            FindingKind::NoTechTie => "no_tech_tie",
            FindingKind::SinglePointOfFailure => "single_point_of_failure",
            FindingKind::TechBottleneck => "tech_bottleneck",
            FindingKind::AmbassadorGap => "ambassador_gap",
            FindingKind::IsolatedUnit => "isolated_unit",
            FindingKind::LowReciprocity => "low_reciprocity",
            FindingKind::DisconnectedMap => "disconnected_map",
        }
    }
}

/// Most severe first when sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}

/// At most this many findings of one kind are listed one by one (large imported
/// networks would otherwise give thousands); the rest are counted in the last one.
pub const MAX_PER_KIND: usize = 8;

/// The findings for a map and its analysis, ranked.
pub fn find(map: &Map, analysis: &Figures) -> Vec<Finding> {
    let ctx = Context::new(map, analysis);
    let mut findings = Vec::new();
    findings.extend(one_way::one_way(&ctx));
    findings.extend(silos::silos_and_tech_ties(&ctx));
    findings.extend(digital::digital_in_one_silo(&ctx));
    findings.extend(single_points::single_points_of_failure(&ctx));
    findings.extend(bottlenecks::tech_bottlenecks(&ctx));
    findings.extend(ambassadors::ambassador_gaps(&ctx));
    findings.extend(isolates::isolates(&ctx));
    findings.extend(organisation::organisation(&ctx));
    findings.sort_by(|a, b| {
        (a.severity, a.kind)
            .cmp(&(b.severity, b.kind))
            .then(rank_signal(b).total_cmp(&rank_signal(a)))
            .then_with(|| a.key.cmp(&b.key))
    });
    findings
}

/// How strong a finding's signal is, for ordering within a kind (higher first).
fn rank_signal(f: &Finding) -> f64 {
    match f.kind {
        // low balance, E-I, reciprocity: lower is worse
        FindingKind::OneWayRelationship | FindingKind::SiloGroup | FindingKind::LowReciprocity => {
            -f.figure.value
        }
        _ => f.figure.value,
    }
}
