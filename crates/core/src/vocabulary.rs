//! The words of Recimap, in one place: what each unit kind, role, maturity
//! stage, rated dimension, workshop question, severity, finding kind, badge
//! and trend is called, what each figure is called and means, and the
//! thresholds the screens mark. Written for a CIO: plain words first, the
//! technical name and its source in the explanation.
//!
//! Every surface reads them from here: the command line's report, the HTML
//! and PDF reports, the pictures (through `recimap_render::Style`), and the
//! app, which receives [`vocabulary()`] as generated TypeScript
//! (`ui/src/lib/ipc/vocabulary.ts`) instead of keeping copies that drift.

use serde::Serialize;

use crate::analysis::Badge;
use crate::compare::Trend;
use crate::findings::{FindingKind, SILO_EI, Severity};
use crate::model::{AmbassadorRole, Dimension, MaturityStage, QUESTIONS, UnitKind};

/// A named thing: its key as the JSON says it, what it is called, and one
/// sentence about it (empty where the label says it all).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Term<K> {
    pub key: K,
    pub label: String,
    pub hint: String,
}

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

/// The values the screens mark, from the rules that define them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Thresholds {
    /// A group whose E-I index is at most this keeps to itself (a silo
    /// finding; [`SILO_EI`]).
    pub silo_ei: f64,
    /// A group whose E-I index is at least this looks mostly outward.
    pub open_ei: f64,
    /// Modularity above which the map splits into clear clusters.
    pub clear_modularity: f64,
}

/// Every word the app shows that the core owns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Vocabulary {
    pub kinds: Vec<Term<UnitKind>>,
    pub roles: Vec<Term<AmbassadorRole>>,
    pub maturity: Vec<Term<MaturityStage>>,
    pub dimensions: Vec<Term<Dimension>>,
    /// The workshop questions, keyed as answers store them.
    pub questions: Vec<Term<String>>,
    pub severities: Vec<Term<Severity>>,
    pub finding_kinds: Vec<Term<FindingKind>>,
    pub badges: Vec<Term<Badge>>,
    pub trends: Vec<Term<Trend>>,
    /// The organisation's headline figures, in reading order.
    pub headline: Vec<FigureTerm>,
    /// Every other figure that is named on a screen (comparisons, unit scores).
    pub figures: Vec<FigureTerm>,
    pub thresholds: Thresholds,
    pub messages: Messages,
}

/// What the screens say where there is nothing to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Messages {
    /// A map with units and no finding.
    pub no_findings: String,
    /// A map with no unit yet.
    pub empty_map: String,
}

/// The messages for maps with nothing to report.
pub fn messages() -> Messages {
    Messages {
        no_findings: "No findings: nothing stands out on this map.".to_owned(),
        empty_map: "The map is empty: add the units of the organisation, then rate their relationships in both directions, and the findings will follow.".to_owned(),
    }
}

/// A group whose E-I index is at least this looks mostly outward (the
/// counterpart of [`SILO_EI`], marked on the scores panel).
pub const OPEN_EI: f64 = 0.2;
/// Modularity above which communities are clear (Newman 2004 calls 0.3 and
/// above significant community structure in practice).
pub const CLEAR_MODULARITY: f64 = 0.3;

fn term<K>(key: K, label: &str, hint: &str) -> Term<K> {
    Term {
        key,
        label: label.to_owned(),
        hint: hint.to_owned(),
    }
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Business => "Business department",
            UnitKind::It => "IT",
            UnitKind::Digital => "Digital",
            UnitKind::External => "External party",
        }
    }
}

impl AmbassadorRole {
    pub fn label(self) -> &'static str {
        match self {
            AmbassadorRole::Strategist => "Strategist",
            AmbassadorRole::Innovator => "Innovator",
            AmbassadorRole::Driver => "Driver",
        }
    }

    /// Who makes a good ambassador in this role.
    pub fn hint(self) -> &'static str {
        match self {
            AmbassadorRole::Strategist => "Visionary and facilitator",
            AmbassadorRole::Innovator => "Rule breaker who sees beyond the status quo",
            AmbassadorRole::Driver => "Pragmatist who runs projects, budgets and timelines",
        }
    }
}

impl MaturityStage {
    pub fn label(self) -> &'static str {
        match self {
            MaturityStage::DigitalInnovationProject => "Digital Innovation Project",
            MaturityStage::DigitalInnovationUnit => "Digital Innovation Unit",
            MaturityStage::IntegratedMedia => "Integrated Media",
            MaturityStage::DigitallyIntegratedOrganisation => "Digitally Integrated Organisation",
        }
    }
}

impl Dimension {
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Frequency => "Frequency",
            Dimension::Why => "The why",
            Dimension::Listening => "Listening",
            Dimension::Trust => "Trust",
        }
    }
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::High => "High",
            Severity::Medium => "Medium",
            Severity::Low => "Low",
        }
    }
}

impl FindingKind {
    /// The kind as a heading.
    pub fn label(self) -> &'static str {
        match self {
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
}

impl Badge {
    /// The word on the pill.
    pub fn label(self) -> &'static str {
        match self {
            Badge::Spof => "Single point",
            Badge::Silo => "Silo",
            Badge::NoTechTie => "No IT tie",
            Badge::Isolated => "Isolated",
        }
    }

    /// What the pill means.
    pub fn hint(self) -> &'static str {
        match self {
            Badge::Spof => {
                "Single point of failure: others are cut off if this unit stops talking."
            }
            Badge::Silo => "In a group that keeps to itself.",
            Badge::NoTechTie => "No two-way relationship with IT or digital.",
            Badge::Isolated => "No relationship on the map yet.",
        }
    }
}

impl Trend {
    /// How a direction changed, in a word.
    pub fn label(self) -> &'static str {
        match self {
            Trend::Stronger => "stronger",
            Trend::Weaker => "weaker",
            Trend::New => "new",
            Trend::Gone => "gone",
            Trend::Same => "unchanged",
        }
    }
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
fn others() -> impl Iterator<
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

/// The headline organisation figures, in reading order.
pub fn headline() -> Vec<FigureTerm> {
    HEADLINE.into_iter().map(figure_term).collect()
}

/// The figure called `key`: a headline or other named figure, or one made
/// from the key's words (`some_new_figure` → "Some new figure").
pub fn figure(key: &str) -> FigureTerm {
    HEADLINE
        .into_iter()
        .chain(others())
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

/// Every word the app shows that the core owns.
pub fn vocabulary() -> Vocabulary {
    Vocabulary {
        kinds: UnitKind::ALL.map(|k| term(k, k.label(), "")).to_vec(),
        roles: AmbassadorRole::ALL
            .map(|r| term(r, r.label(), r.hint()))
            .to_vec(),
        maturity: MaturityStage::ALL.map(|m| term(m, m.label(), "")).to_vec(),
        dimensions: Dimension::ALL
            .map(|d| term(d, d.label(), d.explanation()))
            .to_vec(),
        questions: QUESTIONS
            .iter()
            .map(|&(key, text)| term(key.to_owned(), text, ""))
            .collect(),
        severities: [Severity::High, Severity::Medium, Severity::Low]
            .map(|s| term(s, s.label(), ""))
            .to_vec(),
        finding_kinds: FindingKind::ALL.map(|k| term(k, k.label(), "")).to_vec(),
        badges: Badge::ALL.map(|b| term(b, b.label(), b.hint())).to_vec(),
        trends: Trend::ALL.map(|t| term(t, t.label(), "")).to_vec(),
        headline: headline(),
        figures: others().map(figure_term).collect(),
        thresholds: Thresholds {
            silo_ei: SILO_EI,
            open_ei: OPEN_EI,
            clear_modularity: CLEAR_MODULARITY,
        },
        messages: messages(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_named_once() {
        let v = vocabulary();
        let mut keys: Vec<&str> = v
            .headline
            .iter()
            .chain(&v.figures)
            .map(|f| f.key.as_str())
            .collect();
        let n = keys.len();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), n, "a figure is named twice");
        assert_eq!(v.finding_kinds.len(), FindingKind::ALL.len());
        assert!(v.headline.iter().all(|f| f.meaning.ends_with('.')));
        // Every figure a finding names is named here too.
        for key in [
            "departments_without_ambassador",
            "departments_missing_roles",
            "balance",
            "business_groups_reached",
            "ei_index",
            "isolated_units",
            "links",
            "reciprocated_tech_ties",
            "units_cut_off",
            "weak_components",
            "weighted_reciprocity",
            "unreciprocated_in_share",
            "betweenness",
        ] {
            assert!(!figure(key).meaning.is_empty(), "{key} has no meaning");
        }
    }

    #[test]
    fn unknown_figures_are_named_from_their_key() {
        assert_eq!(figure("mutual_pairs").label, "Two-way relationships");
        assert_eq!(figure("some_new_figure").label, "Some new figure");
    }
}
