//! Findings: the analysis turned into ranked, plain-language statements, each
//! pointing at the units and links it is about, the figure that triggered it,
//! and a small concrete recommendation.

use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::model::UnitId;

/// One finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
pub struct Figure {
    pub name: String,
    pub value: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    OneWayRelationship,
    SiloGroup,
    NoTechTie,
    SinglePointOfFailure,
    TechBottleneck,
    AmbassadorGap,
    IsolatedUnit,
    LowReciprocity,
    DisconnectedMap,
}

/// Most severe first when sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    High,
    Medium,
    Low,
}
