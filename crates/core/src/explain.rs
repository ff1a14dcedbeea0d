//! The words next to the figures: the organisation scores with a one-sentence
//! meaning each, written once for every surface that prints them (the CLI's
//! readable report, the HTML and PDF reports). Definitions and sources of the
//! figures are in [`crate::analysis`]; these are the plain-language sentences
//! a CIO reads.

use crate::analysis::OrganisationScores;
use crate::findings::{FindingKind, Severity};

/// One organisation figure as a report shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// Field name in [`OrganisationScores`].
    pub key: &'static str,
    pub label: &'static str,
    pub value: Option<f64>,
    /// The value as printed: two decimals, signed on −1…+1 scales, "n/a"
    /// when undefined.
    pub text: String,
    /// What the figure means, in one sentence.
    pub meaning: &'static str,
}

/// What the E-I index of a group means, in one line.
pub const GROUP_EI_MEANING: &str =
    "E-I index: −1 = all ties inside the group, +1 = all ties across";

/// A figure with two decimals, or "n/a" when it is undefined.
pub fn fixed(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |x| format!("{x:.2}"))
}

/// A figure on a −1…+1 scale, always signed, or "n/a".
pub fn signed(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_owned(), |x| format!("{x:+.2}"))
}

/// The headline organisation figures, in reading order.
pub fn organisation_rows(o: &OrganisationScores) -> Vec<FigureRow> {
    let row = |key, label, value: Option<f64>, is_signed: bool, meaning| FigureRow {
        key,
        label,
        value,
        text: if is_signed {
            signed(value)
        } else {
            fixed(value)
        },
        meaning,
    };
    vec![
        row(
            "weighted_reciprocity",
            "Weighted reciprocity",
            o.weighted_reciprocity,
            false,
            "Share of all link strength that comes back the other way (1 = every tie fully returned).",
        ),
        row(
            "dyadic_reciprocity",
            "Dyadic reciprocity",
            o.dyadic_reciprocity,
            false,
            "Share of links whose reverse link exists.",
        ),
        row(
            "rho",
            "Rho",
            o.rho,
            true,
            "Reciprocity beyond what density alone gives (0 = chance, above 0 = more two-way ties).",
        ),
        row(
            "density",
            "Density",
            o.density,
            false,
            "Share of all possible directed links that exist.",
        ),
        row(
            "ei_index",
            "E-I index",
            o.ei_index,
            true,
            "−1 = every tie stays inside its group (silos), +1 = every tie crosses groups.",
        ),
        row(
            "modularity",
            "Modularity",
            o.modularity,
            false,
            "How sharply the map splits into communities (above 0.3 = clear clusters).",
        ),
    ]
}

/// The name of a figure in a comparison ([`crate::compare::FigureChange::name`]).
pub fn figure_label(key: &str) -> String {
    let label = match key {
        "weighted_reciprocity" => "Weighted reciprocity",
        "dyadic_reciprocity" => "Dyadic reciprocity",
        "rho" => "Rho",
        "density" => "Density",
        "ei_index" => "E-I index",
        "ei_weighted" => "E-I index (weighted)",
        "modularity" => "Modularity",
        "mutual_pairs" => "Two-way relationships",
        "total_strength" => "Total strength",
        "units" => "Units",
        "links" => "Links",
        "weak_components" => "Connected parts",
        "strong_components" => "Strongly connected parts",
        "isolates" => "Units with no link",
        "strength" => "Strength",
        "balance" => "Balance",
        "reciprocity" => "Reciprocity",
        other => {
            let mut s = other.replace('_', " ");
            if let Some(first) = s.get(0..1) {
                s.replace_range(0..1, &first.to_uppercase());
            }
            return s;
        }
    };
    label.to_owned()
}

/// A comparison figure's value as printed: counts (units, links, two-way
/// relationships, components, isolates) as whole numbers, other figures with
/// two decimals; "n/a" when undefined.
pub fn figure_value(key: &str, v: Option<f64>) -> String {
    let count = matches!(
        key,
        "units" | "links" | "mutual_pairs" | "weak_components" | "strong_components" | "isolates"
    );
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

/// A finding kind as a heading (the UI's words, `ui/src/lib/text.ts`).
pub fn finding_kind_label(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::OneWayRelationship => "One-way relationship",
        FindingKind::SiloGroup => "Silo",
        FindingKind::DigitalInOneSilo => "Digital in one silo",
        FindingKind::NoTechTie => "No two-way tie to IT",
        FindingKind::SinglePointOfFailure => "Single point of failure",
        FindingKind::TechBottleneck => "IT bottleneck",
        FindingKind::AmbassadorGap => "Ambassador gap",
        FindingKind::IsolatedUnit => "Isolated unit",
        FindingKind::LowReciprocity => "Low reciprocity",
        FindingKind::DisconnectedMap => "Disconnected map",
    }
}

/// A severity as a word.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
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
        assert_eq!(figure_label("mutual_pairs"), "Two-way relationships");
        assert_eq!(figure_label("some_new_figure"), "Some new figure");
        assert_eq!(figure_value("mutual_pairs", Some(24.0)), "24");
        assert_eq!(figure_value("density", Some(0.149)), "0.15");
        assert_eq!(figure_delta("links", Some(-2.0)), "−2");
        assert_eq!(figure_delta("rho", Some(0.1)), "+0.10");
        assert_eq!(figure_delta("rho", Some(0.0)), "no change");
    }
}
