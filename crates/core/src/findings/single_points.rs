//! Single points of failure: units whose loss cuts others off.

use super::context::*;
use super::{Finding, FindingKind, MAX_PER_KIND, Severity};
use crate::analysis::CutOff;
use crate::model::UnitId;

/// Articulation points: units whose removal cuts other units off. Only the
/// units with the highest betweenness are examined (at most 4 × MAX_PER_KIND),
/// so the rule stays fast on large imported networks.
pub(super) fn single_points_of_failure(ctx: &Context) -> Vec<Finding> {
    let cut_off = CutOff::new(ctx.map);
    let mut candidates: Vec<&crate::analysis::UnitScores> = ctx
        .analysis
        .units
        .iter()
        .filter(|u| u.articulation_point)
        .collect();
    candidates.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then_with(|| a.id.cmp(&b.id))
    });
    candidates.truncate(4 * MAX_PER_KIND);
    let mut out = Vec::new();
    for unit in candidates {
        let ids = cut_off.of(&unit.id);
        if ids.is_empty() {
            continue;
        }
        let tech =
            ids.iter().any(|id| ctx.kind(id).is_technology()) || ctx.kind(&unit.id).is_technology();
        let mut units = vec![unit.id.clone()];
        units.extend(ids.iter().cloned());
        let shown: Vec<UnitId> = ids.iter().take(5).cloned().collect();
        let others = if ids.len() > shown.len() {
            format!(
                "{} and {} more",
                ctx.names(&shown).replacen(" and ", ", ", 1),
                ids.len() - shown.len()
            )
        } else {
            ctx.names(&shown)
        };
        out.push(Finding {
            key: key(FindingKind::SinglePointOfFailure, &[&unit.id]),
            kind: FindingKind::SinglePointOfFailure,
            severity: if ids.len() >= 2 || tech { Severity::High } else { Severity::Medium },
            units,
            links: Vec::new(),
            figure: figure("units_cut_off", ids.len() as f64),
            message: format!(
                "{} is the only bridge to {others}: if it stops talking, {} cut off from the rest of the organisation.",
                unit.name,
                if ids.len() == 1 { "that unit is" } else { "they are" }
            ),
            recommendation: format!(
                "Give {} a second relationship that does not go through {}: one introduction meeting is a start.",
                ctx.name(&ids[0]),
                unit.name
            ),
        });
    }
    capped(out)
}
