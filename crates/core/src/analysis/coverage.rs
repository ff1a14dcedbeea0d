//! Ambassador coverage: which business units have no IT ambassador, and which
//! units with ambassadors lack one of the three roles (strategist, innovator,
//! driver). A department with no ambassador is at risk of not hearing — or not
//! being heard by — IT and digital.

use std::collections::HashMap;

use super::report::{AmbassadorCoverage, MissingRoles};
use crate::model::{AmbassadorRole, Map, UnitId, UnitKind};

/// Coverage of the map's units, both lists in map order; missing roles in the
/// order of [`AmbassadorRole::ALL`]. Ambassadors naming a unit that is not on
/// the map are ignored.
pub fn coverage(map: &Map) -> AmbassadorCoverage {
    let mut by_unit: HashMap<&UnitId, Vec<AmbassadorRole>> = HashMap::new();
    for a in &map.ambassadors {
        by_unit.entry(&a.unit).or_default().push(a.role);
    }
    let mut coverage = AmbassadorCoverage::default();
    for unit in &map.units {
        let roles = by_unit.get(&unit.id).map(Vec::as_slice).unwrap_or(&[]);
        if roles.is_empty() {
            if unit.kind == UnitKind::Business {
                coverage.without_ambassador.push(unit.id.clone());
            }
            continue;
        }
        let missing: Vec<AmbassadorRole> = AmbassadorRole::ALL
            .into_iter()
            .filter(|r| !roles.contains(r))
            .collect();
        if !missing.is_empty() {
            coverage.missing_roles.push(MissingRoles {
                unit: unit.id.clone(),
                roles: missing,
            });
        }
    }
    coverage
}
