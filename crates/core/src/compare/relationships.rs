//! Relationships — unordered pairs of units linked in at least one direction —
//! gained and lost between two maps, and the change of balance `min/max`
//! (as [`crate::analysis::PairScores::balance`]) of pairs present in both.
//! A gained relationship counts +1 and is better; a lost one counts −1 and is
//! worse; more balance is better.

use std::collections::{BTreeSet, HashMap};

use super::{Change, Judged, NOTICEABLE, Names, Subject, values};
use crate::Analysis;
use crate::analysis::PairScores;
use crate::model::{Map, UnitId};

/// A relationship: two unit ids, in ascending order.
type Pair = (UnitId, UnitId);

/// The pairs linked after but not before, and those linked before but not
/// after, each in ascending order; judges each one (all gained ones first).
pub(super) fn gained_and_lost(
    before: &Map,
    after: &Map,
    names: &Names,
    judged: &mut Judged,
) -> (Vec<Pair>, Vec<Pair>) {
    let pairs_before = pairs(before);
    let pairs_after = pairs(after);
    let mut added = Vec::new();
    for (a, b) in pairs_after.difference(&pairs_before) {
        let message = format!("new relationship {} ↔ {}", names.of(a), names.of(b));
        judged.add(relationship_change(a, b, 1.0, message), true);
        added.push((a.clone(), b.clone()));
    }
    let mut removed = Vec::new();
    for (a, b) in pairs_before.difference(&pairs_after) {
        let message = format!("relationship {} ↔ {} is gone", names.of(a), names.of(b));
        judged.add(relationship_change(a, b, -1.0, message), false);
        removed.push((a.clone(), b.clone()));
    }
    (added, removed)
}

/// A relationship gained (`delta` +1) or lost (−1).
fn relationship_change(a: &UnitId, b: &UnitId, delta: f64, message: String) -> Change {
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
    }
}

/// Judges the change of balance of every pair with a balance in both
/// analyses, in the after analysis's order; changes smaller than
/// [`NOTICEABLE`] are not judged.
pub(super) fn balance_changes(ab: &Analysis, aa: &Analysis, names: &Names, judged: &mut Judged) {
    let balance_before = balances(&ab.pairs);
    for p in &aa.pairs {
        let key = ordered(&p.a, &p.b);
        if let (Some(Some(was)), Some(now)) = (balance_before.get(&key), p.balance) {
            let d = now - was;
            if d.abs() >= NOTICEABLE {
                judged.add(
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
                            "{} ↔ {}: balance {}",
                            names.of(&key.0),
                            names.of(&key.1),
                            values("balance", Some(*was), Some(now))
                        ),
                    },
                    d > 0.0,
                );
            }
        }
    }
}

fn ordered(a: &UnitId, b: &UnitId) -> Pair {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

/// The relationships of a map (self-links are none).
fn pairs(map: &Map) -> BTreeSet<Pair> {
    map.links
        .iter()
        .filter(|l| l.source != l.target)
        .map(|l| ordered(&l.source, &l.target))
        .collect()
}

/// The balance of each related pair of an analysis.
fn balances(pairs: &[PairScores]) -> HashMap<Pair, Option<f64>> {
    pairs
        .iter()
        .map(|p| (ordered(&p.a, &p.b), p.balance))
        .collect()
}
