//! Which units carry which [`Badge`]s: the flags the map draws as pills
//! beside a unit (in the app, the pictures and the reports), read off the
//! figures and findings — the cut-vertex flags and the silo, no-tech-tie and
//! isolated findings. Nothing is scored here.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
#[cfg(feature = "ts")]
use ts_rs::TS;

use super::Analysis;
use crate::findings::FindingKind;
use crate::model::UnitId;

/// A flag drawn as a pill beside a unit, most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS), ts(export))]
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

/// Gives every unit its badges ([`super::UnitScores::badges`]), each list in
/// [`Badge::ALL`] order. Runs last, on the finished figures and findings.
///
/// - single point: the unit is an articulation point (the finding of that
///   kind also names the units that would be cut off, so it is not used);
/// - silo: named by a silo-group finding;
/// - no IT tie: named by a no-tech-tie finding;
/// - isolated: an isolate, or named by an isolated-unit finding.
pub(super) fn add_badges(analysis: &mut Analysis) {
    let mut flagged: HashMap<UnitId, Vec<Badge>> = HashMap::new();
    let mut add = |id: &UnitId, b: Badge| flagged.entry(id.clone()).or_default().push(b);
    for id in &analysis.articulation_points {
        add(id, Badge::Spof);
    }
    for f in &analysis.findings {
        let badge = match f.kind {
            FindingKind::SiloGroup => Badge::Silo,
            FindingKind::NoTechTie => Badge::NoTechTie,
            FindingKind::IsolatedUnit => Badge::Isolated,
            _ => continue,
        };
        for id in &f.units {
            add(id, badge);
        }
    }
    for id in &analysis.isolates {
        add(id, Badge::Isolated);
    }
    for u in &mut analysis.units {
        let mut list = flagged.remove(&u.id).unwrap_or_default();
        list.sort();
        list.dedup();
        u.badges = list;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Link, Map, Unit, UnitKind};

    #[test]
    fn cut_vertices_and_isolates_are_flagged_in_order() {
        // a — b — c in a line (b is a cut vertex), d alone
        let map = Map {
            units: vec![
                Unit::new("a", "A", UnitKind::Business),
                Unit::new("b", "B", UnitKind::It),
                Unit::new("c", "C", UnitKind::Business),
                Unit::new("d", "D", UnitKind::Business),
            ],
            links: vec![
                Link::weighted("a", "b", 1.0),
                Link::weighted("b", "a", 1.0),
                Link::weighted("c", "b", 1.0),
            ],
            ..Map::default()
        };
        let analysis = crate::analyze(&map);
        let badges = |id: &str| {
            &analysis
                .units
                .iter()
                .find(|u| u.id.as_str() == id)
                .unwrap()
                .badges
        };
        assert_eq!(badges("b"), &vec![Badge::Spof]);
        assert!(badges("d").contains(&Badge::Isolated));
        assert!(badges("a").is_empty());
        for u in &analysis.units {
            let mut sorted = u.badges.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted, u.badges);
        }
    }
}
