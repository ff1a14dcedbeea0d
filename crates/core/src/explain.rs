//! Figures as the reports print them: the organisation scores with their
//! names and one-sentence meanings from [`crate::vocabulary`], and values
//! rounded the same way on every surface (the command line's readable
//! report, the HTML and PDF reports). Definitions and sources of the figures
//! are in [`crate::analysis`].

use crate::analysis::OrganisationScores;
use crate::vocabulary;

/// One organisation figure as a report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// Field name in [`OrganisationScores`].
    pub key: String,
    pub label: String,
    pub value: Option<f64>,
    /// The value as printed: two decimals, signed on −1…+1 scales, "n/a"
    /// when undefined.
    pub text: String,
    /// What the figure means, in one sentence.
    pub meaning: String,
}

/// What the E-I index of a group means, in one line.
pub const GROUP_EI_MEANING: &str =
    "Openness of groups (E-I index): −1 = all ties inside the group, +1 = all ties across";

/// A figure with two decimals, or "n/a" when it is undefined.
pub fn fixed(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.2}"))
}

/// A figure on a −1…+1 scale, always signed, or "n/a".
pub fn signed(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |x| format!("{x:+.2}"))
}

/// The headline organisation figures, in reading order, named and explained
/// by [`crate::vocabulary`].
pub fn organisation_rows(o: &OrganisationScores) -> Vec<FigureRow> {
    let value = |key: &str| match key {
        "weighted_reciprocity" => o.weighted_reciprocity,
        "dyadic_reciprocity" => o.dyadic_reciprocity,
        "rho" => o.rho,
        "density" => o.density,
        "ei_index" => o.ei_index,
        "modularity" => o.modularity,
        _ => None,
    };
    vocabulary::headline()
        .into_iter()
        .map(|f| {
            let v = value(&f.key);
            FigureRow {
                text: if f.signed { signed(v) } else { fixed(v) },
                value: v,
                key: f.key,
                label: f.label,
                meaning: f.meaning,
            }
        })
        .collect()
}

/// The name of a figure in a comparison ([`crate::compare::FigureChange::name`]).
pub fn figure_label(key: &str) -> String {
    vocabulary::figure(key).label
}

/// A comparison figure's value as printed: counts (units, links, two-way
/// relationships, components, isolates) as whole numbers, other figures with
/// two decimals; "n/a" when undefined.
pub fn figure_value(key: &str, v: Option<f64>) -> String {
    let count = vocabulary::figure(key).count;
    match v {
        None => "n/a".to_owned(),
        Some(x) if count => format!("{x:.0}"),
        Some(x) => format!("{x:.2}"),
    }
}

/// A change of a comparison figure, signed, in the figure's own format.
pub fn figure_delta(key: &str, d: Option<f64>) -> String {
    match d {
        None => "n/a".to_owned(),
        Some(d) if d.abs() <= crate::compare::TOLERANCE => "no change".to_owned(),
        Some(d) => {
            let v = figure_value(key, Some(d.abs()));
            format!("{}{v}", if d > 0.0 { '+' } else { '−' })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_printed_by_their_scale() {
        let o = OrganisationScores {
            weighted_reciprocity: Some(0.6251),
            rho: Some(0.1),
            ei_index: Some(-0.5),
            ..OrganisationScores::default()
        };
        let rows = organisation_rows(&o);
        let text = |k: &str| rows.iter().find(|r| r.key == k).unwrap().text.clone();
        assert_eq!(text("weighted_reciprocity"), "0.63");
        assert_eq!(text("rho"), "+0.10");
        assert_eq!(text("ei_index"), "-0.50");
        assert_eq!(text("density"), "n/a");
        assert!(rows.iter().all(|r| r.meaning.ends_with('.')));
    }

    #[test]
    fn comparison_figures_get_readable_names() {
        assert_eq!(figure_value("mutual_pairs", Some(24.0)), "24");
        assert_eq!(figure_value("density", Some(0.149)), "0.15");
        assert_eq!(figure_delta("links", Some(-2.0)), "−2");
        assert_eq!(figure_delta("rho", Some(0.1)), "+0.10");
        assert_eq!(figure_delta("rho", Some(0.0)), "no change");
    }
}
