//! Isolated units: units with no relationship on the map.

use super::MAX_PER_KIND;
use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::{UnitId, UnitKind};

/// Units with no link at all: one finding each (low for outside parties), or
/// one finding for all when there are more than [`MAX_PER_KIND`].
pub(super) fn isolates(ctx: &Context) -> Vec<Finding> {
    let ids = &ctx.analysis.isolates;
    if ids.len() > MAX_PER_KIND {
        let refs: Vec<&UnitId> = ids.iter().collect();
        let shown: Vec<UnitId> = ids.iter().take(5).cloned().collect();
        return vec![Finding {
            key: key(FindingKind::IsolatedUnit, &refs),
            kind: FindingKind::IsolatedUnit,
            severity: Severity::Medium,
            units: ids.clone(),
            links: Vec::new(),
            figure: figure("isolated_units", ids.len() as f64),
            message: format!("{} units have no relationship on the map, among them {}.", ids.len(), ctx.names(&shown)),
            recommendation: "Map their relationships in the next workshop, or remove the units that no longer exist."
                .to_owned(),
        }];
    }
    ids.iter()
        .map(|id| {
            let name = ctx.name(id);
            Finding {
                key: key(FindingKind::IsolatedUnit, &[id]),
                kind: FindingKind::IsolatedUnit,
                severity: if ctx.kind(id) == UnitKind::External { Severity::Low } else { Severity::Medium },
                units: vec![id.clone()],
                links: Vec::new(),
                figure: figure("links", 0.0),
                message: format!("{name} has no relationship on the map."),
                recommendation: format!(
                    "Invite {name} to the next workshop and rate its two most important relationships."
                ),
            }
        })
        .collect()
}
