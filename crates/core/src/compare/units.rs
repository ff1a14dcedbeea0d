//! Units: those added and removed between two maps, and the scores of units
//! present in both — reciprocity and reciprocated strength (higher is
//! better), unreciprocated out-strength (telling without being heard: lower
//! is better), unreciprocated in-strength and betweenness (not judged).

use std::collections::{BTreeSet, HashMap};

use super::figures::{figure, judged};
use super::{FigureChange, Judged, Subject, UnitChange};
use crate::Analysis;
use crate::analysis::UnitScores;
use crate::model::{Map, UnitId};

/// The units of `after` (in its order) that `before` lacks, and the units of
/// `before` (in its order) that `after` lacks; `ab` and `aa` are their
/// analyses.
pub(super) fn added_and_removed(
    before: &Map,
    after: &Map,
    ab: &Analysis,
    aa: &Analysis,
) -> (Vec<UnitId>, Vec<UnitId>) {
    let before_ids = by_id(ab);
    let after_ids: BTreeSet<&UnitId> = aa.units.iter().map(|u| &u.id).collect();
    let added = after
        .units
        .iter()
        .filter(|u| !before_ids.contains_key(&u.id))
        .map(|u| u.id.clone())
        .collect();
    let removed = before
        .units
        .iter()
        .filter(|u| !after_ids.contains(&u.id))
        .map(|u| u.id.clone())
        .collect();
    (added, removed)
}

/// The scores before and after of every unit in both analyses, in the after
/// analysis's order; judges each figure that got better or worse.
pub(super) fn changes(
    ab: &Analysis,
    aa: &Analysis,
    judged_changes: &mut Judged,
) -> Vec<UnitChange> {
    let before_ids = by_id(ab);
    let mut units = Vec::new();
    for now in &aa.units {
        let Some(was) = before_ids.get(&now.id) else {
            continue;
        };
        let figures = unit_figures(was, now);
        let subject = Subject::Unit { id: now.id.clone() };
        judged_changes.extend(judged(subject, &figures, |figure, values| {
            format!("{}: {figure} {values}", now.name)
        }));
        units.push(UnitChange {
            id: now.id.clone(),
            name: now.name.clone(),
            figures,
        });
    }
    units
}

fn by_id(analysis: &Analysis) -> HashMap<&UnitId, &UnitScores> {
    analysis.units.iter().map(|u| (&u.id, u)).collect()
}

/// reciprocity, reciprocated_strength, unreciprocated_out,
/// unreciprocated_in, betweenness — in that order (as [`UnitChange::figures`]).
fn unit_figures(was: &UnitScores, now: &UnitScores) -> Vec<FigureChange> {
    vec![
        figure("reciprocity", was.reciprocity, now.reciprocity, Some(true)),
        figure(
            "reciprocated_strength",
            Some(was.reciprocated_strength),
            Some(now.reciprocated_strength),
            Some(true),
        ),
        figure(
            "unreciprocated_out",
            Some(was.unreciprocated_out),
            Some(now.unreciprocated_out),
            Some(false),
        ),
        figure(
            "unreciprocated_in",
            Some(was.unreciprocated_in),
            Some(now.unreciprocated_in),
            None,
        ),
        figure(
            "betweenness",
            Some(was.betweenness),
            Some(now.betweenness),
            None,
        ),
    ]
}
