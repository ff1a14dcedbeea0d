//! Digital in one silo: a digital unit whose two-way ties to the business all
//! fall in one group.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::{UnitId, UnitKind};

/// The digital units whose two-way ties to business units all fall in a single
/// group: digital work that sits in one silo instead of joining them up.
pub(super) fn digital_in_one_silo(ctx: &Context) -> Vec<Finding> {
    let business_groups: HashSet<&str> = ctx
        .map
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Business)
        .filter_map(|u| u.group.as_deref())
        .collect();
    if business_groups.len() < 2 {
        return Vec::new();
    }
    // Two-way partners of each digital unit, by business group, in one pass.
    let mut partners_of: HashMap<&UnitId, BTreeMap<&str, Vec<UnitId>>> = HashMap::new();
    for pair in ctx
        .analysis
        .pairs
        .iter()
        .filter(|p| p.a_to_b.is_some() && p.b_to_a.is_some())
    {
        for (digital, other) in [(&pair.a, &pair.b), (&pair.b, &pair.a)] {
            if ctx.kind(digital) != UnitKind::Digital || ctx.kind(other) != UnitKind::Business {
                continue;
            }
            if let Some(group) = ctx.units.get(other).and_then(|u| u.group.as_deref()) {
                partners_of
                    .entry(digital)
                    .or_default()
                    .entry(group)
                    .or_default()
                    .push(other.clone());
            }
        }
    }
    let mut out = Vec::new();
    for unit in ctx.map.units.iter().filter(|u| u.kind == UnitKind::Digital) {
        let Some(partners) = partners_of.remove(&unit.id) else {
            continue;
        };
        if partners.len() != 1 {
            continue;
        }
        let Some((group, ids)) = partners.into_iter().next() else {
            continue;
        };
        let mut units = vec![unit.id.clone()];
        units.extend(ids.iter().cloned());
        let refs: Vec<&UnitId> = units.iter().collect();
        out.push(Finding {
            key: key(FindingKind::DigitalInOneSilo, &refs),
            kind: FindingKind::DigitalInOneSilo,
            severity: Severity::Medium,
            units: units.clone(),
            links: Vec::new(),
            figure: figure("business_groups_reached", 1.0),
            message: format!(
                "{} two-way relationships with the business are all in {group} ({}): digital sits in one silo instead of joining them up.",
                possessive(&unit.name),
                ctx.names(&ids)
            ),
            recommendation: format!(
                "Give {} one small project with a department outside {group}, chosen with that department's head.",
                unit.name
            ),
        });
    }
    capped(out)
}
