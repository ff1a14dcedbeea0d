//! Silos: groups that keep to themselves (E-I index), groups and units with
//! no two-way relationship with IT or digital.

use std::collections::HashSet;

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::analysis::GroupScores;
use crate::model::{Unit, UnitId, UnitKind};

/// A group is a silo when its E-I index (Krackhardt & Stern 1988) is at most
/// this: more of its ties stay inside than go out.
pub const SILO_EI: f64 = -0.2;

/// … and a strong silo (high severity) at or below this.
pub const STRONG_SILO_EI: f64 = -0.5;

/// Silo groups (E-I at most [`SILO_EI`]), groups whose business units all lack a
/// two-way tie to IT or digital, and the remaining single business units
/// without one ([`FindingKind::NoTechTie`]). Only on maps that have IT or
/// digital units for the tie rules.
pub(super) fn silos_and_tech_ties(ctx: &Context) -> Vec<Finding> {
    let linked: HashSet<&UnitId> = ctx.links_of.keys().copied().collect();
    let (silo_groups, covered) = silo_groups(ctx, &linked);
    let mut out = capped(silo_groups);
    if ctx.has_tech {
        out.extend(units_without_tech_tie(ctx, &linked, &covered));
    }
    out
}

/// For each group of two or more units, in the figures' order: the silo by
/// E-I index, then (on maps with IT or digital) the silo of business units
/// none of which has a two-way tie to IT or digital. Also returns the units
/// such a group finding already names, so they get no finding of their own.
fn silo_groups<'a>(
    ctx: &'a Context,
    linked: &HashSet<&UnitId>,
) -> (Vec<Finding>, HashSet<&'a UnitId>) {
    let mut findings = Vec::new();
    let mut covered: HashSet<&UnitId> = HashSet::new();
    for group in &ctx.analysis.groups {
        if group.units.len() < 2 {
            continue;
        }
        findings.extend(ei_silo(group));
        if !ctx.has_tech {
            continue;
        }
        if let Some((finding, untied)) = untied_group(ctx, group, linked) {
            covered.extend(untied);
            findings.push(finding);
        }
    }
    (findings, covered)
}

/// The group as a silo when its E-I index is at most [`SILO_EI`] (high
/// severity at or below [`STRONG_SILO_EI`]).
fn ei_silo(group: &GroupScores) -> Option<Finding> {
    let ei = group.ei_index.filter(|ei| *ei <= SILO_EI)?;
    let name = &group.name;
    let ids: Vec<&UnitId> = group.units.iter().collect();
    Some(Finding {
        key: key(FindingKind::SiloGroup, &ids),
        kind: FindingKind::SiloGroup,
        severity: if ei <= STRONG_SILO_EI {
            Severity::High
        } else {
            Severity::Medium
        },
        units: group.units.clone(),
        links: Vec::new(),
        figure: figure("ei_index", ei),
        message: format!(
            "{name} keeps to itself: {} of its ties stay inside the group and {} go out (E-I index {}).",
            group.internal_ties,
            group.external_ties,
            number(ei)
        ),
        recommendation: format!(
            "Start small: pick one joint project between {name} and a neighbouring group, with one person from each side."
        ),
    })
}

/// The group as a silo when it has two or more linked business units and none
/// of them has a two-way tie to IT or digital; with those units.
fn untied_group<'a>(
    ctx: &Context,
    group: &'a GroupScores,
    linked: &HashSet<&UnitId>,
) -> Option<(Finding, Vec<&'a UnitId>)> {
    let name = &group.name;
    let business: Vec<&UnitId> = group
        .units
        .iter()
        .filter(|id| ctx.kind(id) == UnitKind::Business && linked.contains(id))
        .collect();
    let untied: Vec<&UnitId> = business
        .iter()
        .copied()
        .filter(|id| !tech_tie(ctx, id))
        .collect();
    if business.len() < 2 || untied.len() != business.len() {
        return None;
    }
    let ids: Vec<UnitId> = untied.iter().map(|id| (*id).clone()).collect();
    let finding = Finding {
        key: key(FindingKind::SiloGroup, &untied),
        kind: FindingKind::SiloGroup,
        severity: Severity::High,
        units: ids.clone(),
        links: one_way_tech_links(ctx, &untied),
        figure: figure("reciprocated_tech_ties", 0.0),
        message: format!(
            "{name} is a silo: none of {} has a two-way relationship with IT or digital.",
            ctx.names(&ids)
        ),
        recommendation: format!(
            "Name an ambassador in {name} and start one small joint project with IT, reviewed together every two weeks."
        ),
    };
    Some((finding, untied))
}

/// Linked business units with no two-way tie to IT or digital that no group
/// finding names (`covered`), by id, at most [`super::MAX_PER_KIND`].
fn units_without_tech_tie(
    ctx: &Context,
    linked: &HashSet<&UnitId>,
    covered: &HashSet<&UnitId>,
) -> Vec<Finding> {
    let candidates: Vec<&Unit> = ctx
        .map
        .units
        .iter()
        .filter(|u| {
            u.kind == UnitKind::Business
                && !covered.contains(&u.id)
                && linked.contains(&u.id)
                && !tech_tie(ctx, &u.id)
        })
        .collect();
    let (kept, more) = top(candidates, |a, b| a.id.cmp(&b.id));
    let mut singles: Vec<Finding> = kept.into_iter().map(|u| no_tech_tie(ctx, u)).collect();
    note_more(&mut singles, more);
    singles
}

/// The finding for one business unit with no two-way tie to IT or digital.
fn no_tech_tie(ctx: &Context, unit: &Unit) -> Finding {
    let id = &unit.id;
    let one_way = one_way_tech_links(ctx, &[id]);
    let how = if one_way.is_empty() {
        "no relationship at all".to_owned()
    } else {
        let others: Vec<UnitId> = one_way
            .iter()
            .map(|(s, t)| if s == id { t.clone() } else { s.clone() })
            .collect();
        format!("only one-way links (with {})", ctx.names(&others))
    };
    Finding {
        key: key(FindingKind::NoTechTie, &[id]),
        kind: FindingKind::NoTechTie,
        severity: Severity::Medium,
        units: vec![id.clone()],
        links: one_way,
        figure: figure("reciprocated_tech_ties", 0.0),
        message: format!("{} has {how} with IT or digital.", unit.name),
        recommendation: format!(
            "Pair {} with one IT or digital person for a month: a short weekly check-in on one live request.",
            unit.name
        ),
    }
}

pub(super) fn tech_tie(ctx: &Context, id: &UnitId) -> bool {
    ctx.scores.get(id).is_some_and(|u| u.reciprocated_tech_tie)
}

/// The links between these units and IT or digital units (all one-way, since
/// the units have no reciprocated tie).
pub(super) fn one_way_tech_links(ctx: &Context, ids: &[&UnitId]) -> Vec<(UnitId, UnitId)> {
    let mut links: Vec<(UnitId, UnitId)> = ids
        .iter()
        .flat_map(|id| ctx.links_of.get(id).into_iter().flatten())
        .map(|&i| &ctx.map.links[i])
        .filter(|l| ctx.kind(&l.source).is_technology() != ctx.kind(&l.target).is_technology())
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect();
    links.sort();
    links.dedup();
    links
}
