//! Directions: every `source → target` present in either map, its strength
//! ([`crate::Link::strength`] under each map's own dimension weights) before
//! and after, its [`DirectionStatus`] and [`Trend`]. A stronger direction is
//! better, a weaker one worse.

use std::collections::HashMap;

use super::{
    Change, DirectionChange, DirectionStatus, Judged, NOTICEABLE, Names, Subject, TOLERANCE, Trend,
    values,
};
use crate::model::{Link, Map, UnitId};

/// The strength of each direction of a map (`None` if unrated).
type Strengths<'a> = HashMap<(&'a UnitId, &'a UnitId), Option<f64>>;

/// Every direction of `after`, in its order, then those only `before` has;
/// judges each change of strength of at least [`NOTICEABLE`].
pub(super) fn directions(
    before: &Map,
    after: &Map,
    names: &Names,
    judged: &mut Judged,
) -> Vec<DirectionChange> {
    let strength_before = strengths(before);
    let strength_after = strengths(after);
    let mut directions = Vec::new();
    for l in &after.links {
        let now = l.strength(&after.dimension_weights);
        let (status, was, delta) = status(strength_before.get(&(&l.source, &l.target)), now);
        if let Some(d) = delta.filter(|d| d.abs() >= NOTICEABLE) {
            judged.add(strength_change(l, was, now, d, names), d > 0.0);
        }
        directions.push(DirectionChange {
            source: l.source.clone(),
            target: l.target.clone(),
            status,
            before: was,
            after: now,
            delta,
            trend: Trend::of(status, delta),
        });
    }
    for l in &before.links {
        if !strength_after.contains_key(&(&l.source, &l.target)) {
            directions.push(DirectionChange {
                source: l.source.clone(),
                target: l.target.clone(),
                status: DirectionStatus::Removed,
                before: l.strength(&before.dimension_weights),
                after: None,
                delta: None,
                trend: Trend::Gone,
            });
        }
    }
    directions
}

fn strengths(map: &Map) -> Strengths<'_> {
    map.links
        .iter()
        .map(|l| ((&l.source, &l.target), l.strength(&map.dimension_weights)))
        .collect()
}

/// The status, strength before and change of a direction of the after map
/// whose strength is `now`; `was` is its strength in the before map, `None`
/// if the before map does not have it. Unrated on both sides is unchanged;
/// rated on one side only is changed, with no delta.
fn status(
    was: Option<&Option<f64>>,
    now: Option<f64>,
) -> (DirectionStatus, Option<f64>, Option<f64>) {
    let Some(was) = was else {
        return (DirectionStatus::Added, None, None);
    };
    let delta = match (was, now) {
        (Some(w), Some(n)) => Some(n - w),
        _ => None,
    };
    let same = match delta {
        Some(d) => d.abs() <= TOLERANCE,
        None => was.is_none() && now.is_none(),
    };
    let status = if same {
        DirectionStatus::Unchanged
    } else {
        DirectionStatus::Changed
    };
    (status, *was, delta)
}

/// The judged change of strength `d` of the direction `l`.
fn strength_change(l: &Link, was: Option<f64>, now: Option<f64>, d: f64, names: &Names) -> Change {
    Change {
        subject: Subject::Direction {
            source: l.source.clone(),
            target: l.target.clone(),
        },
        figure: "strength".into(),
        before: was,
        after: now,
        delta: d,
        message: format!(
            "{} → {}: strength {}",
            names.of(&l.source),
            names.of(&l.target),
            values("strength", was, now)
        ),
    }
}
