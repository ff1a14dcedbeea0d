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
//!
//! Private submodules, one per part of a comparison, called by
//! [`compare_analysed`] in this order (the order the changes are judged in):
//! - `figures` — figures before and after: the organisation's, and the
//!   judged changes among a list of figures;
//! - `relationships` — pairs gained and lost, and changes of balance;
//! - `directions` — every direction's strength before and after;
//! - `units` — units added and removed, and the scores of units in both.

mod directions;
mod figures;
mod relationships;
mod units;

use serde::{Deserialize, Serialize};

use crate::Analysis;
use crate::model::{Map, UnitId};

/// Changes smaller than this are treated as no change (float noise).
pub const TOLERANCE: f64 = 1e-9;

/// A figure's change smaller than this is not judged better or worse: the
/// surfaces show figures with two decimals, and a move of less than one
/// hundredth (a balance going from 0.938 to 0.933) is within the rounding of
/// ratings given in whole steps, not a change to put before a board. One
/// rating step on one dimension moves a direction's strength by a quarter,
/// far above it; direction trends ([`Trend`]) still follow any change.
pub const NOTICEABLE: f64 = 0.01;

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
    /// Moved by at least [`NOTICEABLE`] in its good direction.
    Better,
    /// Moved by at least [`NOTICEABLE`] the other way.
    Worse,
    /// Moved by less than [`NOTICEABLE`].
    Same,
    /// Undefined before or after, or a figure with no better direction.
    Unjudged,
}

impl Verdict {
    /// The verdict on a change of `delta` in a figure where higher is better
    /// (`Some(true)`), lower is (`Some(false)`), or neither is (`None`).
    pub fn of(delta: Option<f64>, higher_is_better: Option<bool>) -> Verdict {
        match (delta, higher_is_better) {
            (Some(d), Some(_)) if d.abs() < NOTICEABLE => Verdict::Same,
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
/// app's comparison view and in the reports (`recimap_render::Style::trends`).
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
    let mut judged = Judged::default();

    let organisation = figures::organisation(ab, aa);
    judged.extend(figures::judged(
        Subject::Organisation,
        &organisation,
        |figure, values| format!("Organisation: {figure} {values}"),
    ));
    let (relationships_added, relationships_removed) =
        relationships::gained_and_lost(before, after, &names, &mut judged);
    relationships::balance_changes(ab, aa, &names, &mut judged);
    let directions = directions::directions(before, after, &names, &mut judged);
    let (units_added, units_removed) = units::added_and_removed(before, after, ab, aa);
    let units = units::changes(ab, aa, &mut judged);

    let (better, worse) = judged.ranked();
    Comparison {
        organisation,
        directions,
        relationships_added,
        relationships_removed,
        units_added,
        units_removed,
        units,
        better,
        worse,
    }
}

/// Every change that is judged, better or worse, in the order the parts of
/// the comparison find them; for relationships, balance and strength more is
/// better.
#[derive(Default)]
struct Judged {
    better: Vec<Change>,
    worse: Vec<Change>,
}

impl Judged {
    fn add(&mut self, change: Change, is_better: bool) {
        if is_better {
            self.better.push(change);
        } else {
            self.worse.push(change);
        }
    }

    fn extend(&mut self, changes: impl IntoIterator<Item = (Change, bool)>) {
        for (change, is_better) in changes {
            self.add(change, is_better);
        }
    }

    /// The better and the worse changes, each [`rank`]ed.
    fn ranked(mut self) -> (Vec<Change>, Vec<Change>) {
        rank(&mut self.better);
        rank(&mut self.worse);
        (self.better, self.worse)
    }
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

/// `before → after` of figure `key`, rounded as every surface shows it
/// ([`crate::terms::value_text`]).
fn values(key: &str, before: Option<f64>, after: Option<f64>) -> String {
    format!(
        "{} → {}",
        crate::terms::value_text(key, before),
        crate::terms::value_text(key, after)
    )
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
