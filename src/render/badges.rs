//! Which units carry which [`Badge`]s, from the analysis: the cut-vertex flags
//! and the silo, no-tech-tie and isolated findings. The same rule the UI's
//! `unitBadges` (`ui/src/lib/graph.ts`) applies; nothing is scored here.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::findings::FindingKind;
use crate::model::UnitId;

use super::style::Badge;

/// The badges of every flagged unit, each list in [`Badge::ALL`] order.
///
/// - single point: the unit is an articulation point (the finding of that
///   kind also names the units that would be cut off, so it is not used);
/// - silo: named by a silo-group finding;
/// - no IT tie: named by a no-tech-tie finding;
/// - isolated: an isolate, or named by an isolated-unit finding.
pub fn unit_badges(analysis: &Analysis) -> HashMap<UnitId, Vec<Badge>> {
    let mut out: HashMap<UnitId, Vec<Badge>> = HashMap::new();
    let mut add = |id: &UnitId, b: Badge| {
        let list = out.entry(id.clone()).or_default();
        if !list.contains(&b) {
            list.push(b);
        }
    };
    for u in analysis.units.iter().filter(|u| u.articulation_point) {
        add(&u.id, Badge::Spof);
    }
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
    for list in out.values_mut() {
        list.sort();
    }
    out
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
        let badges = unit_badges(&crate::analyze(&map));
        assert_eq!(badges[&UnitId::from("b")], vec![Badge::Spof]);
        assert!(badges[&UnitId::from("d")].contains(&Badge::Isolated));
        assert!(!badges.contains_key(&UnitId::from("a")));
        for list in badges.values() {
            let mut sorted = list.clone();
            sorted.sort();
            assert_eq!(&sorted, list);
        }
    }
}
