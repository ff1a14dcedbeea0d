//! One-way relationships: one side tells, the other does not answer.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::analysis::PairScores;
use crate::model::UnitId;

/// A one-way relationship is high severity when the unheard side tells at
/// least this much (on the 0–5 rating scale: "tells a lot") and IT or digital
/// is the side not answering.
pub const TELLS_A_LOT: f64 = 3.0;

/// One-way relationships: pairs the analysis marks `unheard` (balance below
/// [`crate::analysis::UNHEARD_BALANCE`]).
/// High when IT or digital is the side that does not answer and the other side
/// tells at least [`TELLS_A_LOT`]; low when even the telling side is weak.
pub(super) fn one_way(ctx: &Context) -> Vec<Finding> {
    let candidates: Vec<(Severity, f64, &PairScores, &UnitId)> = ctx
        .analysis
        .pairs
        .iter()
        .filter_map(|pair| {
            let teller = pair.unheard.as_ref()?;
            let (told, told_strength, _) = sides(pair, teller);
            let silent_is_tech = ctx.kind(told).is_technology();
            let severity = if silent_is_tech && (!ctx.rated || told_strength >= TELLS_A_LOT) {
                Severity::High
            } else if ctx.rated && told_strength < 2.0 {
                Severity::Low
            } else {
                Severity::Medium
            };
            Some((severity, pair.balance.unwrap_or(0.0), pair, teller))
        })
        .collect();
    let (kept, more) = top(candidates, |a, b| {
        (a.0.cmp(&b.0))
            .then(a.1.total_cmp(&b.1))
            .then_with(|| (&a.2.a, &a.2.b).cmp(&(&b.2.a, &b.2.b)))
    });
    let mut out = Vec::new();
    for (severity, balance, pair, teller) in kept {
        let (told, told_strength, answer) = sides(pair, teller);
        let silent_is_tech = ctx.kind(told).is_technology();
        let (t, s) = (ctx.name(teller), ctx.name(told));
        let message = match answer {
            Some(back) => format!(
                "{t} → {s} is rated {}, but {s} → {t} only {}: {t} tells without being heard.",
                ctx.strength(told_strength),
                ctx.strength(back)
            ),
            None => format!(
                "{t} → {s} is rated {}, but nothing comes back from {s}: {t} tells without being heard.",
                ctx.strength(told_strength)
            ),
        };
        let recommendation = if silent_is_tech {
            format!(
                "Run a listening session: {s} visits {t} to hear the why behind its requests, then agrees one small joint project."
            )
        } else {
            format!(
                "Ask {s} to brief {t} on its own priorities, and agree one thing each side will do for the other this quarter."
            )
        };
        let mut links = vec![(teller.clone(), told.clone())];
        if answer.is_some() {
            links.push((told.clone(), teller.clone()));
        }
        out.push(Finding {
            key: key(FindingKind::OneWayRelationship, &[teller, told]),
            kind: FindingKind::OneWayRelationship,
            severity,
            units: vec![teller.clone(), told.clone()],
            links,
            figure: figure("balance", balance),
            message,
            recommendation,
        });
    }
    note_more(&mut out, more);
    out
}

/// `(the silent side, the teller's strength, the answer's strength)` of a one-sided pair.
pub(super) fn sides<'p>(pair: &'p PairScores, teller: &UnitId) -> (&'p UnitId, f64, Option<f64>) {
    if &pair.a == teller {
        (&pair.b, pair.a_to_b.unwrap_or(0.0), pair.b_to_a)
    } else {
        (&pair.a, pair.b_to_a.unwrap_or(0.0), pair.a_to_b)
    }
}
