//! Figures before and after: the organisation scores of two analyses as
//! [`FigureChange`]s, how one figure's change is built and judged, and the
//! judged changes among a list of figures (used for the organisation and for
//! each unit).

use super::{Change, FigureChange, Subject, Verdict, values};
use crate::Analysis;

/// The organisation scores of `ab` (before) and `aa` (after), in a fixed
/// order, each with the direction that is better.
pub(super) fn organisation(ab: &Analysis, aa: &Analysis) -> Vec<FigureChange> {
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
pub(super) fn judged<'a>(
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
        let values = values(&f.name, f.before, f.after);
        let change = Change {
            subject: subject.clone(),
            figure: f.name.clone(),
            before: f.before,
            after: f.after,
            delta,
            message: message(&crate::terms::name_in_text(&f.name), &values),
        };
        Some((change, is_better))
    })
}

/// One figure before and after, its change and [`Verdict`].
pub(super) fn figure(
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
