//! Which units carry which [`Badge`]s: the cut-vertex flags of the figures,
//! and the units named by silo, no-tech-tie and isolated-unit findings, so
//! the canvas, the pictures and the reports show the same badges without the
//! UI applying a rule of its own. Nothing is scored here.

use std::collections::HashMap;

use super::{Finding, FindingKind};
use crate::analysis::{Badge, Figures};
use crate::model::UnitId;

/// Gives every unit its badges ([`crate::analysis::UnitScores::badges`]), each list in
/// [`Badge::ALL`] order, read off the figures and the findings.
///
/// - single point: the unit is an articulation point (the finding of that
///   kind also names the units that would be cut off, so it is not used);
/// - silo: named by a silo-group finding;
/// - no IT tie: named by a no-tech-tie finding;
/// - isolated: an isolate, or named by an isolated-unit finding.
pub fn add_badges(figures: &mut Figures, findings: &[Finding]) {
    let mut flagged: HashMap<UnitId, Vec<Badge>> = HashMap::new();
    let mut add = |id: &UnitId, b: Badge| flagged.entry(id.clone()).or_default().push(b);
    for id in &figures.articulation_points {
        add(id, Badge::Spof);
    }
    for f in findings {
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
    for id in &figures.isolates {
        add(id, Badge::Isolated);
    }
    for u in &mut figures.units {
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
