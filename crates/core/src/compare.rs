//! Comparing two maps — two snapshots, or a snapshot and the current map: what
//! got better and what got worse. Pure: no I/O, no clock; the same two maps
//! always give the same comparison. The app and the CLI (`recimap snapshot
//! FILE diff A B`) both call [`compare`].
//!
//! What is compared:
//! - every direction `source → target` present in either map: its strength
//!   ([`crate::Link::strength`] under each map's own dimension weights) before
//!   and after, and the change;
//! - relationships (unordered pairs linked in at least one direction) added
//!   and removed, and the balance `min/max` of pairs present in both
//!   (as [`crate::analysis::PairScores::balance`]);
//! - units added and removed, and the scores of units present in both;
//! - the organisation scores of [`crate::analyze`].
//!
//! "Better" and "worse" follow the ideas of the product: more reciprocity,
//! balance, strength and external (cross-group) ties are better; telling
//! without being heard (unreciprocated out-strength) is worse. Figures with no
//! agreed direction (modularity, betweenness) are reported but not judged.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::Analysis;
use crate::analysis::{PairScores, UnitScores};
use crate::model::{Map, UnitId};

/// Changes smaller than this are treated as no change (float noise).
pub const TOLERANCE: f64 = 1e-9;

/// Everything that changed between two maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Comparison {
    /// The organisation scores, before and after, in a fixed order.
    pub organisation: Vec<FigureChange>,
    /// Every direction present in either map: the after map's order first,
    /// then directions only the before map has.
    pub directions: Vec<DirectionChange>,
    /// Pairs `[a, b]` (ids in ascending order) linked after but not before.
    pub relationships_added: Vec<(UnitId, UnitId)>,
    /// Pairs linked before but not after.
    pub relationships_removed: Vec<(UnitId, UnitId)>,
    pub units_added: Vec<UnitId>,
    pub units_removed: Vec<UnitId>,
    /// Units present in both maps (after map's order) and their scores.
    pub units: Vec<UnitChange>,
    /// Changes for the better, most important first.
    pub better: Vec<Change>,
    /// Changes for the worse, most important first.
    pub worse: Vec<Change>,
}

/// One figure before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FigureChange {
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after − before` when both are defined.
    pub delta: Option<f64>,
    /// `Some(true)` if a higher value is better, `Some(false)` if lower is,
    /// `None` if the figure is not judged.
    pub higher_is_better: Option<bool>,
    /// [`Verdict::of`] the delta and `higher_is_better`: what the app and the
    /// reports colour the change by.
    pub verdict: Verdict,
}

/// Whether a figure's change is for the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Moved by more than [`TOLERANCE`] in its good direction.
    Better,
    /// Moved by more than [`TOLERANCE`] the other way.
    Worse,
    /// Moved by no more than [`TOLERANCE`].
    Same,
    /// Undefined before or after, or a figure with no better direction.
    Unjudged,
}

impl Verdict {
    /// The verdict on a change of `delta` in a figure where higher is better
    /// (`Some(true)`), lower is (`Some(false)`), or neither is (`None`).
    pub fn of(delta: Option<f64>, higher_is_better: Option<bool>) -> Verdict {
        match (delta, higher_is_better) {
            (Some(d), Some(_)) if d.abs() <= TOLERANCE => Verdict::Same,
            (Some(d), Some(h)) if (d > 0.0) == h => Verdict::Better,
            (Some(_), Some(_)) => Verdict::Worse,
            _ => Verdict::Unjudged,
        }
    }
}

/// How one direction changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum DirectionStatus {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// What a before/after picture says about one direction: its colour in the
/// app's comparison view and in the reports ([`crate::render::Style::trends`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Rated both times, stronger after.
    Stronger,
    /// Rated both times, weaker after.
    Weaker,
    /// The same strength, or not rated on one side (nothing to judge).
    Same,
    /// Only the after map has it.
    New,
    /// Only the before map has it.
    Gone,
}

impl Trend {
    /// Every trend, in the order a legend lists them.
    pub const ALL: [Trend; 5] = [
        Trend::Stronger,
        Trend::Weaker,
        Trend::New,
        Trend::Gone,
        Trend::Same,
    ];

    /// The trend of a direction with this status and strength change
    /// (changes within [`TOLERANCE`] are no change).
    pub fn of(status: DirectionStatus, delta: Option<f64>) -> Trend {
        match (status, delta) {
            (DirectionStatus::Added, _) => Trend::New,
            (DirectionStatus::Removed, _) => Trend::Gone,
            (_, Some(d)) if d > TOLERANCE => Trend::Stronger,
            (_, Some(d)) if d < -TOLERANCE => Trend::Weaker,
            _ => Trend::Same,
        }
    }
}

/// One direction `source → target` before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct DirectionChange {
    pub source: UnitId,
    pub target: UnitId,
    pub status: DirectionStatus,
    /// Strength before; `None` if the link was absent or unrated.
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub delta: Option<f64>,
    /// [`Trend::of`] the status and delta.
    pub trend: Trend,
}

/// The scores of a unit present in both maps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct UnitChange {
    pub id: UnitId,
    pub name: String,
    /// reciprocity, reciprocated_strength, unreciprocated_out,
    /// unreciprocated_in, betweenness — in that order.
    pub figures: Vec<FigureChange>,
}

/// What a change is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    Organisation,
    Relationship { a: UnitId, b: UnitId },
    Direction { source: UnitId, target: UnitId },
    Unit { id: UnitId },
}

/// One judged change, for the "better" and "worse" lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Change {
    pub subject: Subject,
    /// The figure that changed (`weighted_reciprocity`, `strength`, `balance`,
    /// `relationship` for one added or removed, …).
    pub figure: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// `after − before`; for an added or removed relationship, ±1.
    pub delta: f64,
    /// A plain-language sentence, e.g. "Finance → IT: strength 2 → 3.5".
    pub message: String,
}

/// Compares `before` with `after` (module docs).
pub fn compare(before: &Map, after: &Map) -> Comparison {
    compare_analysed(
        before,
        &crate::analyze(before),
        after,
        &crate::analyze(after),
    )
}

/// [`compare`] for maps already analysed: `ab` is the analysis of `before`,
/// `aa` that of `after`.
pub fn compare_analysed(before: &Map, ab: &Analysis, after: &Map, aa: &Analysis) -> Comparison {
    let names = Names { before, after };
    let mut c = Comparison {
        organisation: organisation(ab, aa),
        ..Comparison::default()
    };
    let mut better = Vec::new();
    let mut worse = Vec::new();
    // Every change that is judged; for relationships, balance and strength
    // more is better.
    let mut judge = |change: Change, is_better: bool| {
        if is_better {
            better.push(change);
        } else {
            worse.push(change);
        }
    };

    for (change, is_better) in
        figure_changes(Subject::Organisation, &c.organisation, |figure, values| {
            format!("organisation {figure}: {values}")
        })
    {
        judge(change, is_better);
    }

    // Relationships (unordered pairs): gained ones count +1, lost ones −1.
    let pairs_before = pairs(before);
    let pairs_after = pairs(after);
    for (gained, from, to) in [
        (true, &pairs_before, &pairs_after),
        (false, &pairs_after, &pairs_before),
    ] {
        for (a, b) in to.difference(from) {
            let (list, delta, message) = if gained {
                let message = format!("new relationship {} ↔ {}", names.of(a), names.of(b));
                (&mut c.relationships_added, 1.0, message)
            } else {
                let message = format!("relationship {} ↔ {} is gone", names.of(a), names.of(b));
                (&mut c.relationships_removed, -1.0, message)
            };
            list.push((a.clone(), b.clone()));
            judge(
                Change {
                    subject: Subject::Relationship {
                        a: a.clone(),
                        b: b.clone(),
                    },
                    figure: "relationship".into(),
                    before: None,
                    after: None,
                    delta,
                    message,
                },
                gained,
            );
        }
    }
    let balance_before = balances(&ab.pairs);
    for p in &aa.pairs {
        let key = ordered(&p.a, &p.b);
        if let (Some(Some(was)), Some(now)) = (balance_before.get(&key), p.balance) {
            let d = now - was;
            if d.abs() > TOLERANCE {
                judge(
                    Change {
                        subject: Subject::Relationship {
                            a: key.0.clone(),
                            b: key.1.clone(),
                        },
                        figure: "balance".into(),
                        before: Some(*was),
                        after: Some(now),
                        delta: d,
                        message: format!(
                            "{} ↔ {}: balance {} → {}",
                            names.of(&key.0),
                            names.of(&key.1),
                            num(Some(*was)),
                            num(Some(now))
                        ),
                    },
                    d > 0.0,
                );
            }
        }
    }

    // Directions.
    let strength_before: HashMap<(&UnitId, &UnitId), Option<f64>> = before
        .links
        .iter()
        .map(|l| {
            (
                (&l.source, &l.target),
                l.strength(&before.dimension_weights),
            )
        })
        .collect();
    let strength_after: HashMap<(&UnitId, &UnitId), Option<f64>> = after
        .links
        .iter()
        .map(|l| ((&l.source, &l.target), l.strength(&after.dimension_weights)))
        .collect();
    for l in &after.links {
        let now = l.strength(&after.dimension_weights);
        let (status, was, delta) = match strength_before.get(&(&l.source, &l.target)) {
            None => (DirectionStatus::Added, None, None),
            Some(was) => {
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
        };
        if let Some(d) = delta.filter(|d| d.abs() > TOLERANCE) {
            judge(
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
                        "{} → {}: strength {} → {}",
                        names.of(&l.source),
                        names.of(&l.target),
                        num(was),
                        num(now)
                    ),
                },
                d > 0.0,
            );
        }
        c.directions.push(DirectionChange {
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
            c.directions.push(DirectionChange {
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

    // Units.
    let before_ids: HashMap<&UnitId, &UnitScores> = ab.units.iter().map(|u| (&u.id, u)).collect();
    let after_ids: BTreeSet<&UnitId> = aa.units.iter().map(|u| &u.id).collect();
    for u in &after.units {
        if !before_ids.contains_key(&u.id) {
            c.units_added.push(u.id.clone());
        }
    }
    for u in &before.units {
        if !after_ids.contains(&u.id) {
            c.units_removed.push(u.id.clone());
        }
    }
    for now in &aa.units {
        let Some(was) = before_ids.get(&now.id) else {
            continue;
        };
        let figures = vec![
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
        ];
        let subject = Subject::Unit { id: now.id.clone() };
        for (change, is_better) in figure_changes(subject, &figures, |figure, values| {
            format!("{}: {figure} {values}", now.name)
        }) {
            judge(change, is_better);
        }
        c.units.push(UnitChange {
            id: now.id.clone(),
            name: now.name.clone(),
            figures,
        });
    }

    rank(&mut better);
    rank(&mut worse);
    c.better = better;
    c.worse = worse;
    c
}

/// Organisation first, then relationships, directions and units; within a
/// kind, the largest change first; ties by subject and figure.
fn rank(changes: &mut [Change]) {
    changes.sort_by(|x, y| {
        let kind = |s: &Subject| match s {
            Subject::Organisation => 0,
            Subject::Relationship { .. } => 1,
            Subject::Direction { .. } => 2,
            Subject::Unit { .. } => 3,
        };
        kind(&x.subject)
            .cmp(&kind(&y.subject))
            .then(y.delta.abs().total_cmp(&x.delta.abs()))
            .then_with(|| x.subject.cmp(&y.subject))
            .then_with(|| x.figure.cmp(&y.figure))
    });
}

fn organisation(ab: &Analysis, aa: &Analysis) -> Vec<FigureChange> {
    let (b, a) = (&ab.organisation, &aa.organisation);
    let count = |n: usize| Some(n as f64);
    vec![
        figure(
            "weighted_reciprocity",
            b.weighted_reciprocity,
            a.weighted_reciprocity,
            Some(true),
        ),
        figure(
            "dyadic_reciprocity",
            b.dyadic_reciprocity,
            a.dyadic_reciprocity,
            Some(true),
        ),
        figure("rho", b.rho, a.rho, Some(true)),
        figure("density", b.density, a.density, Some(true)),
        figure("ei_index", b.ei_index, a.ei_index, Some(true)),
        figure("modularity", b.modularity, a.modularity, None),
        figure(
            "mutual_pairs",
            count(b.mutual_pairs),
            count(a.mutual_pairs),
            Some(true),
        ),
        figure(
            "total_strength",
            Some(b.total_strength),
            Some(a.total_strength),
            Some(true),
        ),
        figure("units", count(b.units), count(a.units), None),
        figure("links", count(b.links), count(a.links), None),
        figure(
            "weak_components",
            count(ab.components.weak.len()),
            count(aa.components.weak.len()),
            Some(false),
        ),
    ]
}

/// The judged changes among `figures` of `subject`: each figure whose
/// [`Verdict`] is better or worse, with whether it is better.
/// `message(figure in words, "before → after")` writes its sentence.
fn figure_changes<'a>(
    subject: Subject,
    figures: &'a [FigureChange],
    message: impl Fn(&str, &str) -> String + 'a,
) -> impl Iterator<Item = (Change, bool)> + 'a {
    figures.iter().filter_map(move |f| {
        let is_better = match f.verdict {
            Verdict::Better => true,
            Verdict::Worse => false,
            Verdict::Same | Verdict::Unjudged => return None,
        };
        let delta = f.delta?;
        let values = format!("{} → {}", num(f.before), num(f.after));
        let change = Change {
            subject: subject.clone(),
            figure: f.name.clone(),
            before: f.before,
            after: f.after,
            delta,
            message: message(&f.name.replace('_', " "), &values),
        };
        Some((change, is_better))
    })
}

fn figure(
    name: &str,
    before: Option<f64>,
    after: Option<f64>,
    higher_is_better: Option<bool>,
) -> FigureChange {
    let delta = before.zip(after).map(|(b, a)| a - b);
    FigureChange {
        name: name.into(),
        before,
        after,
        delta,
        higher_is_better,
        verdict: Verdict::of(delta, higher_is_better),
    }
}

fn ordered(a: &UnitId, b: &UnitId) -> (UnitId, UnitId) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

fn pairs(map: &Map) -> BTreeSet<(UnitId, UnitId)> {
    map.links
        .iter()
        .filter(|l| l.source != l.target)
        .map(|l| ordered(&l.source, &l.target))
        .collect()
}

fn balances(pairs: &[PairScores]) -> HashMap<(UnitId, UnitId), Option<f64>> {
    pairs
        .iter()
        .map(|p| (ordered(&p.a, &p.b), p.balance))
        .collect()
}

/// Unit names for messages: the after map's name, else the before map's, else the id.
struct Names<'a> {
    before: &'a Map,
    after: &'a Map,
}

impl Names<'_> {
    fn of(&self, id: &UnitId) -> String {
        self.after
            .unit(id)
            .or_else(|| self.before.unit(id))
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

/// A figure for a message: up to three decimals, trailing zeros dropped; "–" if undefined.
fn num(v: Option<f64>) -> String {
    match v {
        None => "–".into(),
        Some(v) => {
            let s = format!("{v:.3}");
            let s = s.trim_end_matches('0').trim_end_matches('.');
            if s == "-0" { "0".into() } else { s.into() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_change_is_judged_by_its_better_direction() {
        for (delta, higher_is_better, verdict) in [
            (Some(0.2), Some(true), Verdict::Better),
            (Some(-0.2), Some(true), Verdict::Worse),
            (Some(-0.2), Some(false), Verdict::Better),
            (Some(0.2), Some(false), Verdict::Worse),
            (Some(TOLERANCE / 2.0), Some(true), Verdict::Same),
            (Some(-TOLERANCE / 2.0), Some(false), Verdict::Same),
            (Some(0.2), None, Verdict::Unjudged),
            (None, Some(true), Verdict::Unjudged),
        ] {
            assert_eq!(
                Verdict::of(delta, higher_is_better),
                verdict,
                "{delta:?} {higher_is_better:?}"
            );
        }
    }
}
