//! The names of the figures: what each figure is called on every surface,
//! what it means (plain words first, the technical name and its source in
//! the explanation), and how its value is written. Below the analysis, the
//! comparison and the vocabulary, which all name figures by these words.

use serde::Serialize;

/// A figure: its key (a field of the analysis or a compared figure), what it
/// is called, what it means, and how its value is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct FigureTerm {
    pub key: String,
    pub label: String,
    /// A few words for a tile or a slide (empty for figures that have none).
    pub short: String,
    pub meaning: String,
    /// A −1…+1 figure, written with its sign (`+0.12`).
    pub signed: bool,
    /// A count, written as a whole number.
    pub count: bool,
}

/// `(key, label, short, meaning, signed, count)` of the headline figures, in reading order.
const HEADLINE: [(&str, &str, &str, &str, bool, bool); 6] = [
    (
        "weighted_reciprocity",
        "Reciprocity",
        "Share of communication strength returned in kind",
        "Share of all communication strength that comes back the other way: 1 means every tie is fully returned (weighted reciprocity, Squartini et al. 2013).",
        false,
        false,
    ),
    (
        "dyadic_reciprocity",
        "Two-way links",
        "Share of links answered by a link back",
        "Share of links whose reverse link exists too (dyadic reciprocity).",
        false,
        false,
    ),
    (
        "rho",
        "Reciprocity beyond chance",
        "Two-way ties beyond what chance gives",
        "Above 0: more two-way ties than a random map of the same density would have; 0 is chance (Garlaschelli and Loffredo's ρ).",
        true,
        false,
    ),
    (
        "density",
        "Density",
        "Share of possible links that exist",
        "Share of all possible directed links that exist.",
        false,
        false,
    ),
    (
        "ei_index",
        "Openness of groups",
        "−1 every tie inside its group · +1 every tie across",
        "From −1, every tie stays inside its group (silos), to +1, every tie crosses groups (E-I index, Krackhardt and Stern 1988).",
        true,
        false,
    ),
    (
        "modularity",
        "Clustering",
        "How strongly the map splits into communities",
        "How sharply the map splits into communities: above 0.3 the clusters are clear (modularity of the Louvain communities).",
        false,
        false,
    ),
];

/// `(key, label, meaning, signed, count)` of the other figures a screen names
/// (comparisons, unit scores, the figure behind each finding).
const OTHER_FIGURES: [(&str, &str, &str, bool, bool); 24] = [
    ("units", "Units", "Units on the map.", false, true),
    (
        "links",
        "Directed links",
        "Directions rated or weighted on the map.",
        false,
        true,
    ),
    (
        "mutual_pairs",
        "Two-way relationships",
        "Pairs of units linked in both directions.",
        false,
        true,
    ),
    (
        "total_strength",
        "Total strength",
        "The strength of every direction, added up.",
        false,
        false,
    ),
    (
        "ei_weighted",
        "Openness of groups, by strength",
        "The E-I index counted over strengths instead of ties.",
        true,
        false,
    ),
    (
        "weak_components",
        "Connected parts",
        "Parts of the map with no link between them.",
        false,
        true,
    ),
    (
        "strong_components",
        "Strongly connected parts",
        "Parts in which every unit can reach every other along the arrows.",
        false,
        true,
    ),
    (
        "isolates",
        "Units with no link",
        "Units that have no relationship on the map.",
        false,
        true,
    ),
    (
        "strength",
        "Strength",
        "How strong a direction is, from its ratings (0–5) or its raw weight.",
        false,
        false,
    ),
    (
        "balance",
        "Balance",
        "The weaker direction of a relationship over the stronger: 1 is even, 0 one-way.",
        false,
        false,
    ),
    (
        "reciprocity",
        "Reciprocity",
        "Share of the unit's communication strength that comes back (Squartini et al. 2013).",
        false,
        false,
    ),
    (
        "strength_out",
        "Tells",
        "The strength of everything the unit tells others.",
        false,
        false,
    ),
    (
        "strength_in",
        "Is told",
        "The strength of everything others tell the unit.",
        false,
        false,
    ),
    (
        "reciprocated_strength",
        "Returned",
        "The part of the unit's strength that comes back in kind (reciprocated strength).",
        false,
        false,
    ),
    (
        "unreciprocated_out",
        "Tells without an answer",
        "What the unit tells that is not returned (unreciprocated out-strength).",
        false,
        false,
    ),
    (
        "unreciprocated_in",
        "Is told without answering",
        "What the unit is told and does not return (unreciprocated in-strength).",
        false,
        false,
    ),
    (
        "units_cut_off",
        "Units cut off",
        "Units that lose every path to the rest if this unit stops talking.",
        false,
        true,
    ),
    (
        "departments_without_ambassador",
        "Departments without an ambassador",
        "Business departments where nobody carries digital knowledge across.",
        false,
        true,
    ),
    (
        "departments_missing_roles",
        "Departments missing ambassador roles",
        "Departments whose ambassadors do not cover strategist, innovator and driver.",
        false,
        true,
    ),
    (
        "isolated_units",
        "Isolated units",
        "Units with no relationship on the map.",
        false,
        true,
    ),
    (
        "reciprocated_tech_ties",
        "Two-way ties to IT or digital",
        "Relationships with IT or digital units that are rated both ways.",
        false,
        true,
    ),
    (
        "business_groups_reached",
        "Business groups reached",
        "Groups of business units with which the unit has a two-way relationship.",
        false,
        true,
    ),
    (
        "unreciprocated_in_share",
        "Told without answering, share",
        "Share of the strength a unit is told that it does not return.",
        false,
        false,
    ),
    (
        "betweenness",
        "Go-between share",
        "Share of the shortest paths between other units that pass through this one (betweenness).",
        false,
        false,
    ),
];

fn figure_term(
    (key, label, short, meaning, signed, count): (&str, &str, &str, &str, bool, bool),
) -> FigureTerm {
    FigureTerm {
        key: key.to_owned(),
        label: label.to_owned(),
        short: short.to_owned(),
        meaning: meaning.to_owned(),
        signed,
        count,
    }
}

/// The other figures, without a short form.
fn other_rows() -> impl Iterator<
    Item = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        bool,
        bool,
    ),
> {
    OTHER_FIGURES
        .iter()
        .map(|&(key, label, meaning, signed, count)| (key, label, "", meaning, signed, count))
}

/// Every named figure that is not a headline one.
pub fn others() -> Vec<FigureTerm> {
    other_rows().map(figure_term).collect()
}

/// The headline organisation figures, in reading order.
pub fn headline() -> Vec<FigureTerm> {
    HEADLINE.into_iter().map(figure_term).collect()
}

/// The figure called `key`: a headline or other named figure, or one made
/// from the key's words (`some_new_figure` → "Some new figure").
pub fn figure(key: &str) -> FigureTerm {
    HEADLINE
        .into_iter()
        .chain(other_rows())
        .find(|f| f.0 == key)
        .map(figure_term)
        .unwrap_or_else(|| {
            let mut label = key.replace('_', " ");
            if let Some(first) = label.get(0..1) {
                label.replace_range(0..1, &first.to_uppercase());
            }
            FigureTerm {
                key: key.to_owned(),
                label,
                short: String::new(),
                meaning: String::new(),
                signed: false,
                count: false,
            }
        })
}

/// A figure's value as every surface writes it: counts whole, −1…+1 figures
/// signed with two decimals, others with two decimals; "n/a" when undefined.
pub fn value_text(key: &str, v: Option<f64>) -> String {
    let f = figure(key);
    // −0.004 would print as "-0.00"
    let v = v.map(|x| if x.abs() < 0.005 { 0.0 } else { x });
    match v {
        None => "n/a".to_owned(),
        Some(x) if f.count => format!("{x:.0}"),
        Some(x) if f.signed => format!("{x:+.2}"),
        Some(x) => format!("{x:.2}"),
    }
}

/// A figure's name inside a sentence ("reciprocity", "E-I index"): the label
/// with its first letter in lower case, unless the label starts with an
/// abbreviation.
pub fn name_in_text(key: &str) -> String {
    let label = figure(key).label;
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() && second != '-' => first
            .to_lowercase()
            .chain(label[first.len_utf8()..].chars())
            .collect(),
        _ => label,
    }
}
