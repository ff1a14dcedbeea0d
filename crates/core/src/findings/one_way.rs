//! One-way relationships: one direction is much stronger than the other.
//! The finding says why in the words of the ratings — who explains little of
//! the why, who listens little, who seldom talks — and words a bare strength
//! imbalance neutrally, blaming no side the ratings do not blame.

use super::context::*;
use super::{Finding, FindingKind, Severity};
use crate::analysis::PairScores;
use crate::model::{Dimension, Link, UnitId};

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
        let (t, s) = (ctx.name(teller), ctx.name(told));
        let gaps = Gaps::read(ctx.link(teller, told), ctx.link(told, teller));
        let rated = match answer {
            Some(back) => format!(
                "{t} → {s} is rated {}, but {s} → {t} only {}",
                ctx.strength(told_strength),
                ctx.strength(back)
            ),
            None => format!(
                "{t} → {s} is rated {}, but nothing comes back from {s}",
                ctx.strength(told_strength)
            ),
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
            message: format!("{rated}: {}.", gaps.diagnosis(t, s, answer.is_some())),
            recommendation: gaps.recommendation(t, s),
        });
    }
    note_more(&mut out, more);
    out
}

/// A rating at or below this is low ("explains little", "listens little"):
/// 0 or 1 on the 0–5 scale.
pub const LOW_RATING: u8 = 1;
/// A rating at or above this is high ("listens well"): 4 or 5.
pub const HIGH_RATING: u8 = 4;

/// What the rated dimensions of a one-sided relationship say, for the
/// teller T (the strong direction T → S) and the silent side S (S → T). Each
/// is `Some(rating)` when that dimension is rated and low (or, for
/// `s_listens_well`, high).
#[derive(Debug, Default)]
struct Gaps {
    /// S → T `why`: how clearly S explains the why of its work to T.
    s_explains_little: Option<u8>,
    /// S → T `frequency`: how often S talks to T about its work.
    s_talks_seldom: Option<u8>,
    /// T → S `listening`: how well S listens to what T tells it.
    s_listens_little: Option<u8>,
    s_listens_well: Option<u8>,
    /// S → T `listening`: how well T listens to what S tells it.
    t_listens_little: Option<u8>,
}

impl Gaps {
    fn read(strong: Option<&Link>, weak: Option<&Link>) -> Gaps {
        let low = |l: Option<&Link>, d| {
            l.and_then(|l| l.ratings.get(d))
                .filter(|&r| r <= LOW_RATING)
        };
        let high = |l: Option<&Link>, d| {
            l.and_then(|l| l.ratings.get(d))
                .filter(|&r| r >= HIGH_RATING)
        };
        Gaps {
            s_explains_little: low(weak, Dimension::Why),
            s_talks_seldom: low(weak, Dimension::Frequency),
            s_listens_little: low(strong, Dimension::Listening),
            s_listens_well: high(strong, Dimension::Listening),
            t_listens_little: low(weak, Dimension::Listening),
        }
    }

    /// Why little comes back, in the ratings' own words — or, when no rated
    /// dimension says why, only that little comes back (no side blamed).
    fn diagnosis(&self, t: &str, s: &str, answered: bool) -> String {
        let mut said = Vec::new();
        if let Some(r) = self.s_listens_little {
            said.push(format!("{s} is rated as listening little to {t} (listening {r}/5), so {t} tells without being heard"));
        }
        if let Some(r) = self.s_explains_little {
            let well = self
                .s_listens_well
                .map(|l| format!(", though it listens well (listening {l}/5)"))
                .unwrap_or_default();
            said.push(format!(
                "{s} explains little of the why of its own work to {t} (why {r}/5){well}"
            ));
        } else if let Some(r) = self.s_talks_seldom {
            said.push(format!(
                "{s} seldom talks to {t} about its work (frequency {r}/5)"
            ));
        }
        if let Some(r) = self.t_listens_little {
            said.push(format!(
                "{t} in turn listens little to {s} (listening {r}/5)"
            ));
        }
        match (said.is_empty(), answered) {
            (false, _) => said.join("; "),
            (true, true) => "little comes back the other way".to_owned(),
            (true, false) => format!("{s} tells {t} nothing on the map"),
        }
    }

    /// One small step for the gap the ratings show.
    fn recommendation(&self, t: &str, s: &str) -> String {
        if self.s_listens_little.is_some() {
            format!(
                "Run a listening session: {s} visits {t} to hear the why behind its requests, then agrees one small joint project."
            )
        } else if self.s_explains_little.is_some() || self.s_talks_seldom.is_some() {
            format!(
                "Ask {s} to brief {t} on the why of its own priorities — fifteen minutes a month — and agree one thing each side will do for the other this quarter."
            )
        } else if self.t_listens_little.is_some() {
            format!(
                "Ask {t} to hear {s} out on one request of its own, and agree one thing each side will do for the other this quarter."
            )
        } else {
            format!(
                "Meet once to ask what {s} and {t} need from each other, and agree one thing each side will do for the other this quarter."
            )
        }
    }
}

/// `(the silent side, the teller's strength, the answer's strength)` of a one-sided pair.
pub(super) fn sides<'p>(pair: &'p PairScores, teller: &UnitId) -> (&'p UnitId, f64, Option<f64>) {
    if &pair.a == teller {
        (&pair.b, pair.a_to_b.unwrap_or(0.0), pair.b_to_a)
    } else {
        (&pair.a, pair.b_to_a.unwrap_or(0.0), pair.a_to_b)
    }
}
