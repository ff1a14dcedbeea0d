//! IT or digital bottlenecks: units that much communication goes through, or
//! that are told much more than they answer.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::UnitId;

/// An IT or digital unit is a bottleneck when its betweenness (normalised, as
/// networkx) is at least this …
pub const BOTTLENECK_BETWEENNESS: f64 = 0.15;

/// … or when at least this share of the strength it receives is not returned
/// (unreciprocated in / strength in, Squartini et al. 2013), with at least
/// [`BOTTLENECK_MIN_IN_LINKS`] incoming links.
pub const BOTTLENECK_UNRECIPROCATED_SHARE: f64 = 0.35;
pub const BOTTLENECK_MIN_IN_LINKS: usize = 3;

/// IT or digital units that are bottlenecks: high betweenness
/// ([`BOTTLENECK_BETWEENNESS`]) or told much more than they answer
/// ([`BOTTLENECK_UNRECIPROCATED_SHARE`]).
pub(super) fn tech_bottlenecks(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for unit in ctx.analysis.units.iter().filter(|u| u.kind.is_technology()) {
        let incoming: Vec<&crate::model::Link> = ctx
            .links_of
            .get(&unit.id)
            .into_iter()
            .flatten()
            .map(|&i| &ctx.map.links[i])
            .filter(|l| l.target == unit.id)
            .collect();
        let share = if unit.strength_in > 0.0 {
            unit.unreciprocated_in / unit.strength_in
        } else {
            0.0
        };
        let (name, value, message, recommendation) = if share >= BOTTLENECK_UNRECIPROCATED_SHARE
            && incoming.len() >= BOTTLENECK_MIN_IN_LINKS
        {
            (
                "unreciprocated_in_share",
                share,
                format!(
                    "{} receives {} requests but {:.0}% of what it is told is not returned: it takes orders without explaining back.",
                    unit.name,
                    incoming.len(),
                    share * 100.0
                ),
                format!(
                    "Have {} reply to each department's next request with the why of its own plan, and review three tickets together with the requesters.",
                    unit.name
                ),
            )
        } else if unit.betweenness >= BOTTLENECK_BETWEENNESS {
            (
                "betweenness",
                unit.betweenness,
                format!(
                    "{} sits on {:.0}% of the shortest paths between other units: when it is busy or absent, that share of their communication waits for it.",
                    unit.name,
                    unit.betweenness * 100.0
                ),
                format!(
                    "Let departments talk to each other directly on one topic that now goes through {}.",
                    unit.name
                ),
            )
        } else {
            continue;
        };
        let mut links: Vec<(UnitId, UnitId)> = incoming
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect();
        links.sort();
        out.push(Finding {
            key: key(FindingKind::TechBottleneck, &[&unit.id]),
            kind: FindingKind::TechBottleneck,
            severity: Severity::Medium,
            units: vec![unit.id.clone()],
            links,
            figure: figure(name, value),
            message,
            recommendation,
        });
    }
    capped(out)
}
