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

pub use crate::terms::{FigureTerm, figure, headline};

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
        figures: crate::terms::others(),
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
