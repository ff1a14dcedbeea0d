//! Figures as the reports print them: the organisation scores with their
//! names and one-sentence meanings from [`crate::vocabulary`], and values
//! rounded the same way on every surface (the command line's readable
//! report, the HTML and PDF reports), and the tables the reports share
//! ([`groups_table`]): their content is made here, the renderers only lay it
//! out. Definitions and sources of the figures are in [`crate::analysis`].

use crate::Analysis;
use crate::analysis::OrganisationScores;
use crate::terms;

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

/// One column of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The heading, as written (a renderer may set it in capitals).
    pub heading: String,
    /// The column holds numbers: aligned to the right.
    pub numeric: bool,
}

/// A table as every report prints it: its columns, then its rows of cells
/// already formatted, in order, one cell per column. The text, HTML and PDF
/// reports only lay it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// The column of [`groups_table`] that holds the E-I index (the HTML report
/// draws a small bar of it after that column).
pub const GROUPS_EI_COLUMN: usize = 4;

/// The groups and their E-I indices (Krackhardt and Stern 1988; definitions
/// in [`crate::analysis`]), one row per group in the analysis's order (row
/// `i` is `analysis.groups[i]`): Group (its name), Units (members), Inside
/// (ties within the group), Across (ties with other groups, both ways), E-I,
/// E-I out (ties leaving the group only), E-I in (ties entering it only). The
/// counts are whole numbers, the indices [`signed`] with two decimals, "n/a"
/// when undefined. Read with [`GROUP_EI_MEANING`].
pub fn groups_table(analysis: &Analysis) -> Table {
    let columns = [
        "Group", "Units", "Inside", "Across", "E-I", "E-I out", "E-I in",
    ]
    .iter()
    .enumerate()
    .map(|(i, h)| Column {
        heading: (*h).to_owned(),
        numeric: i > 0,
    })
    .collect();
    let rows = analysis
        .groups
        .iter()
        .map(|g| {
            vec![
                g.name.clone(),
                g.units.len().to_string(),
                g.internal_ties.to_string(),
                g.external_ties.to_string(),
                signed(g.ei_index),
                signed(g.ei_out),
                signed(g.ei_in),
            ]
        })
        .collect();
    Table { columns, rows }
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
    terms::headline()
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
    terms::figure(key).label
}

/// A comparison figure's value as printed: counts (units, links, two-way
/// relationships, components, isolates) as whole numbers, other figures with
/// two decimals; "n/a" when undefined.
pub fn figure_value(key: &str, v: Option<f64>) -> String {
    match v {
        // a change's value is written unsigned; its delta carries the sign
        Some(x) if !terms::figure(key).count => format!("{x:.2}"),
        _ => terms::value_text(key, v),
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
    fn the_groups_table_keeps_the_analysis_order_and_formats_each_cell() {
        use crate::model::{Link, Map, Unit, UnitKind};
        let mut units = vec![
            Unit::new("z1", "Zürich Büro", UnitKind::Business),
            Unit::new("z2", "Zürich IT", UnitKind::It),
            Unit::new("b1", "Boston", UnitKind::Business),
            Unit::new("lone", "Lone", UnitKind::External),
        ];
        for (u, g) in units
            .iter_mut()
            .zip(["Zürich", "Zürich", "Boston", "Alone"])
        {
            u.group = Some(g.to_owned());
        }
        let map = Map {
            units,
            links: vec![
                Link::weighted("z1", "z2", 2.0),
                Link::weighted("z2", "z1", 1.0),
                Link::weighted("b1", "z2", 1.0),
            ],
            ..Map::default()
        };
        let analysis = crate::analyze(&map);
        let t = groups_table(&analysis);
        let headings: Vec<&str> = t.columns.iter().map(|c| c.heading.as_str()).collect();
        assert_eq!(
            headings,
            [
                "Group", "Units", "Inside", "Across", "E-I", "E-I out", "E-I in"
            ]
        );
        assert_eq!(headings[GROUPS_EI_COLUMN], "E-I");
        assert!(!t.columns[0].numeric && t.columns[1..].iter().all(|c| c.numeric));
        let names: Vec<&str> = analysis.groups.iter().map(|g| g.name.as_str()).collect();
        let first: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(first, names, "one row per group, in the analysis's order");
        let row = |name: &str| t.rows.iter().find(|r| r[0] == name).unwrap().clone();
        // Zürich: 2 members, z1 ⇄ z2 inside (2 arcs), b1 → z2 across (into the
        // group): E-I = (1 − 2)/3, E-I out = (0 − 2)/2, E-I in = (1 − 2)/3.
        assert_eq!(
            row("Zürich"),
            ["Zürich", "2", "2", "1", "-0.33", "-1.00", "-0.33"]
        );
        assert_eq!(row("Alone")[1..], ["1", "0", "0", "n/a", "n/a", "n/a"]);
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
