//! The embedded demo organisation: Northwind Logistics, a fictional mid-sized
//! company mapped in a first workshop (19 units: ten business departments,
//! three IT teams, a digital team and a data team, four outside parties; 53
//! rated directions; five ambassadors).
//!
//! It is built to show what Recimap finds: Operations and the Warehouse form a
//! silo with no reciprocated tie to IT or digital; the digital team sits with
//! Marketing only; Finance tells Business Applications a lot but hears little
//! back; the IT Service Desk takes tickets without answering the why; Legal has
//! not been mapped yet; most departments have no ambassador.
//!
//! The map is data (`demo.json`), so the app, the CLI and the tests share it.

use crate::model::Map;

const DEMO_JSON: &str = include_str!("demo.json");

/// The demo map, valid and ready to analyse.
pub fn demo_map() -> Map {
    serde_json::from_str(DEMO_JSON)
        .expect("the embedded demo map is valid JSON (checked by a test)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitKind;

    #[test]
    fn the_demo_map_is_valid_and_has_every_kind_of_unit() {
        let map = demo_map();
        assert_eq!(map.problems(), vec![]);
        assert!(
            (15..=25).contains(&map.units.len()),
            "{} units",
            map.units.len()
        );
        for kind in UnitKind::ALL {
            assert!(map.units.iter().any(|u| u.kind == kind), "no {kind:?} unit");
        }
        assert!(
            map.links.iter().all(|l| !l.ratings.is_unrated()),
            "every demo link is rated"
        );
        assert!(!map.ambassadors.is_empty());
    }
}
