//! Ambassador gaps: business departments without an IT ambassador, and
//! ambassadors that miss one of the three roles.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::{AmbassadorRole, UnitId, UnitKind};

/// Business units with no ambassador (one finding for all of them: high when
/// more than half of the business units lack one), and units whose
/// ambassadors miss one of the three roles (low).
pub(super) fn ambassador_gaps(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let without = &ctx.analysis.coverage.without_ambassador;
    let business = ctx
        .map
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Business)
        .count();
    if !without.is_empty() && ctx.has_tech {
        let shown: Vec<UnitId> = without.iter().take(8).cloned().collect();
        let more = without.len() - shown.len();
        let names = if more > 0 {
            format!("{} and {more} more", ctx.names(&shown))
        } else {
            ctx.names(&shown)
        };
        let refs: Vec<&UnitId> = without.iter().collect();
        out.push(Finding {
            key: key(FindingKind::AmbassadorGap, &refs),
            kind: FindingKind::AmbassadorGap,
            severity: if 2 * without.len() > business { Severity::High } else { Severity::Medium },
            units: without.clone(),
            links: Vec::new(),
            figure: figure("departments_without_ambassador", without.len() as f64),
            message: format!(
                "{} of {business} departments have no IT ambassador: {names}.",
                without.len()
            ),
            recommendation: format!(
                "Name one ambassador in {}: start with a driver who already runs a project with IT.",
                ctx.name(&without[0])
            ),
        });
    }
    let mut partial = Vec::new();
    for missing in &ctx.analysis.coverage.missing_roles {
        let roles: Vec<String> = missing
            .roles
            .iter()
            .map(|r| r.as_str().to_owned())
            .collect();
        let name = ctx.name(&missing.unit);
        partial.push(Finding {
            key: key(FindingKind::AmbassadorGap, &[&missing.unit]),
            kind: FindingKind::AmbassadorGap,
            severity: Severity::Low,
            units: vec![missing.unit.clone()],
            links: Vec::new(),
            figure: figure("missing_roles", roles.len() as f64),
            message: format!(
                "{} ambassadors include no {}.",
                possessive(name),
                list(roles.clone()).replace(" and ", " or ")
            ),
            recommendation: format!(
                "Look in {name} for {}: {}.",
                article(&missing.roles[0]),
                role_hint(missing.roles[0])
            ),
        });
    }
    out.extend(capped(partial));
    out
}

pub(super) fn article(role: &AmbassadorRole) -> String {
    match role {
        AmbassadorRole::Innovator => "an innovator".to_owned(),
        r => format!("a {}", r.as_str()),
    }
}

pub(super) fn role_hint(role: AmbassadorRole) -> &'static str {
    match role {
        AmbassadorRole::Strategist => {
            "someone who can explain where the department is going and bring people together"
        }
        AmbassadorRole::Innovator => {
            "someone who questions how things are done today and tries new tools first"
        }
        AmbassadorRole::Driver => "someone who runs projects, budgets and timelines",
    }
}
