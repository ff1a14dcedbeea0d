//! Organisation-wide findings: little of what units tell each other comes
//! back, or the map falls into separate parts.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::UnitId;

/// The organisation's weighted reciprocity below which a finding is raised …
pub const LOW_RECIPROCITY: f64 = 0.6;

/// … and below which it is high severity.
pub const VERY_LOW_RECIPROCITY: f64 = 0.4;

/// Organisation-wide: low weighted reciprocity ([`LOW_RECIPROCITY`]) and a map
/// that falls into separate parts (more than one weak component with links).
pub(super) fn organisation(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let org = &ctx.analysis.organisation;
    if let Some(r) = org.weighted_reciprocity.filter(|r| *r < LOW_RECIPROCITY) {
        out.push(Finding {
            key: "low_reciprocity:organisation".to_owned(),
            kind: FindingKind::LowReciprocity,
            severity: if r < VERY_LOW_RECIPROCITY { Severity::High } else { Severity::Medium },
            units: Vec::new(),
            links: Vec::new(),
            figure: figure("weighted_reciprocity", r),
            message: format!(
                "Only {:.0}% of what units tell each other is returned (weighted reciprocity {}).",
                r * 100.0,
                number(r)
            ),
            recommendation: "Take the three most one-sided relationships below and give each a monthly two-way review."
                .to_owned(),
        });
    }
    let parts: Vec<&Vec<UnitId>> = ctx
        .analysis
        .components
        .weak
        .iter()
        .filter(|c| c.len() > 1)
        .collect();
    if parts.len() > 1 {
        let smaller: Vec<UnitId> = parts[1..].iter().flat_map(|c| c.iter().cloned()).collect();
        out.push(Finding {
            key: "disconnected_map:organisation".to_owned(),
            kind: FindingKind::DisconnectedMap,
            severity: Severity::High,
            units: smaller.clone(),
            links: Vec::new(),
            figure: figure("weak_components", parts.len() as f64),
            message: format!(
                "The map falls into {} separate parts: {} have no path at all to the rest.",
                parts.len(),
                ctx.names(&smaller.iter().take(6).cloned().collect::<Vec<_>>())
            ),
            recommendation:
                "Find one person who can introduce the two sides, and map that relationship."
                    .to_owned(),
        });
    }
    out
}
