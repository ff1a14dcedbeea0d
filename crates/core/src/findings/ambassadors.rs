//! Ambassador gaps: departments with no IT ambassador, and ambassadors that
//! miss some of the three roles — one finding for the map, naming each.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::model::{AmbassadorRole, UnitId, UnitKind};

/// One finding for the whole map's ambassador coverage, naming every
/// department it is about: business units with no ambassador (on maps with
/// IT or digital units, whose knowledge the ambassadors carry) and units
/// whose ambassadors miss some of the three roles. High when more than half
/// of the business units have no ambassador, medium when some have none,
/// low when only roles are missing. One finding, whatever the number of
/// departments, so naming an ambassador can only lighten it, never add
/// findings; its key stays the same, so hiding it from the deck holds.
pub(super) fn ambassador_gaps(ctx: &Context) -> Vec<Finding> {
    let coverage = &ctx.analysis.coverage;
    let without: &[UnitId] = if ctx.has_tech {
        &coverage.without_ambassador
    } else {
        &[]
    };
    if without.is_empty() && coverage.missing_roles.is_empty() {
        return Vec::new();
    }
    let business = ctx
        .map
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Business)
        .count();
    let severity = if 2 * without.len() > business {
        Severity::High
    } else if !without.is_empty() {
        Severity::Medium
    } else {
        Severity::Low
    };
    let mut sentences = Vec::new();
    if !without.is_empty() {
        sentences.push(format!(
            "{} of {business} departments have no IT ambassador: {}.",
            without.len(),
            at_most(ctx, without, 8)
        ));
    }
    let partial: Vec<String> = coverage
        .missing_roles
        .iter()
        .map(|m| {
            let roles: Vec<String> = m.roles.iter().map(|r| r.as_str().to_owned()).collect();
            format!(
                "{} ambassadors include no {}",
                possessive(ctx.name(&m.unit)),
                list(roles).replace(" and ", " or ")
            )
        })
        .collect();
    if !partial.is_empty() {
        sentences.push(format!("{}.", capitalised(&partial.join("; "))));
    }
    let mut units: Vec<UnitId> = without.to_vec();
    units.extend(coverage.missing_roles.iter().map(|m| m.unit.clone()));
    let recommendation = match (without.first(), coverage.missing_roles.first()) {
        (Some(first), _) => format!(
            "Name one ambassador in {}: start with a driver who already runs a project with IT.",
            ctx.name(first)
        ),
        (None, Some(m)) => format!(
            "Look in {} for {}: {}.",
            ctx.name(&m.unit),
            article(&m.roles[0]),
            role_hint(m.roles[0])
        ),
        (None, None) => String::new(),
    };
    let (name, value) = if without.is_empty() {
        ("departments_missing_roles", coverage.missing_roles.len())
    } else {
        ("departments_without_ambassador", without.len())
    };
    vec![Finding {
        key: "ambassador_gap:organisation".to_owned(),
        kind: FindingKind::AmbassadorGap,
        severity,
        units,
        links: Vec::new(),
        figure: figure(name, value as f64),
        message: sentences.join(" "),
        recommendation,
    }]
}

/// "A, B and C", or "A, B … and 4 more" past `shown` names.
fn at_most(ctx: &Context, ids: &[UnitId], shown: usize) -> String {
    let names: Vec<UnitId> = ids.iter().take(shown).cloned().collect();
    match ids.len() - names.len() {
        0 => ctx.names(&names),
        more => format!(
            "{} and {more} more",
            ctx.names(&names).replacen(" and ", ", ", 1)
        ),
    }
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn article(role: &AmbassadorRole) -> String {
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
