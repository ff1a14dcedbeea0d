//! The [`Badge`] type: the flags the map draws as pills beside a unit (in the
//! app, the pictures and the reports). Which unit carries which is an
//! assessment, made after the figures by [`crate::findings::badges`].

use serde::{Deserialize, Serialize};

/// A flag drawn as a pill beside a unit, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "kebab-case")]
pub enum Badge {
    /// Articulation point: others are cut off if the unit stops talking.
    Spof,
    /// In a group that keeps to itself (a silo finding).
    Silo,
    /// No two-way relationship with IT or digital.
    NoTechTie,
    /// No relationship at all.
    Isolated,
}

impl Badge {
    /// In the order they are stacked beside a unit.
    pub const ALL: [Badge; 4] = [Badge::Spof, Badge::Silo, Badge::NoTechTie, Badge::Isolated];
}
