//! The domain model: a [`Map`] of [`Unit`]s joined by directed [`Link`]s, with
//! [`Ambassador`]s, a maturity stage and the workshop questionnaire.
//!
//! This module owns the serde shape of a map (the JSON exchange format and the
//! IPC payloads are this shape) and its validation ([`Map::validate`]). It owns
//! no graph: the analysis builds petgraph graphs from a validated map and maps
//! node indices back to our own [`UnitId`]s, which are the only ids that are
//! ever written to a file.

mod strength;
mod validate;

pub use strength::{Dimension, DimensionWeights, RATING_MAX, Ratings};
pub use validate::{ValidationError, blocks_saving};

use serde::{Deserialize, Serialize};

/// A unit's stable id, chosen by us or by the imported file, never a graph
/// index. A newtype: in JSON it is the string itself.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct UnitId(pub String);

impl UnitId {
    pub fn new(id: impl Into<String>) -> Self {
        UnitId(id.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for UnitId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for UnitId {
    fn from(s: &str) -> Self {
        UnitId(s.to_owned())
    }
}

/// The version of the JSON shape of a [`Map`] (its serde form). Stored
/// snapshots are stamped with it (the `map_version` column of a project
/// file), independently of the project JSON's version, which also covers the
/// document around the map: bumping that must not make stored snapshots
/// unreadable. Bump this only when a map's JSON would no longer read as
/// before, and teach the readers the old shape.
pub const MAP_SHAPE_VERSION: u32 = 1;

/// One project: the organisation's map as it stands now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct Map {
    pub title: String,
    pub organisation: String,
    pub notes: String,
    /// Where the organisation stands on the digital maturity path.
    pub maturity: Option<MaturityStage>,
    /// Answers to the workshop questions (see [`QUESTIONS`]).
    pub questionnaire: Vec<Answer>,
    /// How the rated dimensions weigh in a direction's strength.
    pub dimension_weights: DimensionWeights,
    pub units: Vec<Unit>,
    pub links: Vec<Link>,
    pub ambassadors: Vec<Ambassador>,
    /// Finding keys the presenter chose to hide from the presentation deck.
    pub hidden_findings: Vec<String>,
}

/// A node of the map: a department, the IT team, the digital team or an outside party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Unit {
    pub id: UnitId,
    pub name: String,
    #[serde(default)]
    pub kind: UnitKind,
    /// Division or group the unit belongs to; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Position on the canvas, in canvas units; `None` until laid out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Display colour chosen by the user (CSS hex), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

impl Unit {
    /// A unit with only an id, a name and a kind; everything else empty.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: UnitKind) -> Self {
        Unit {
            id: UnitId(id.into()),
            name: name.into(),
            kind,
            group: None,
            headcount: None,
            lead: None,
            notes: String::new(),
            position: None,
            colour: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// What a unit is. IT and digital are both on the map: the split between
/// internal infrastructure (IT) and outward-facing work (digital) is often unclear.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    #[default]
    Business,
    It,
    Digital,
    External,
}

impl UnitKind {
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Business,
        UnitKind::It,
        UnitKind::Digital,
        UnitKind::External,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Business => "business",
            UnitKind::It => "it",
            UnitKind::Digital => "digital",
            UnitKind::External => "external",
        }
    }

    /// Parses the spellings a spreadsheet is likely to use (case-insensitive).
    pub fn parse(s: &str) -> Option<UnitKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "business" | "department" | "dept" | "" => Some(UnitKind::Business),
            "it" | "ict" | "is" => Some(UnitKind::It),
            "digital" => Some(UnitKind::Digital),
            "external" | "customer" | "client" | "vendor" | "supplier" | "partner" => {
                Some(UnitKind::External)
            }
            _ => None,
        }
    }

    /// IT and digital are the technology side whose reciprocity the map is about.
    pub fn is_technology(self) -> bool {
        matches!(self, UnitKind::It | UnitKind::Digital)
    }
}

/// One direction of a relationship, `source → target`: how well the source tells
/// the target the why of its work, and how the target listens and responds.
///
/// A link carries either [`Ratings`] (workshop data) or a raw `weight` (survey or
/// e-mail data); when both are present the raw weight wins. See
/// [`Link::strength`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Link {
    pub source: UnitId,
    pub target: UnitId,
    #[serde(default)]
    pub ratings: Ratings,
    /// A raw numeric weight (finite, ≥ 0) used as the strength as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Link {
    /// A link with no ratings and no weight yet.
    pub fn new(source: impl Into<String>, target: impl Into<String>) -> Self {
        Link {
            source: UnitId(source.into()),
            target: UnitId(target.into()),
            ratings: Ratings::default(),
            weight: None,
            notes: String::new(),
        }
    }

    /// A link with a raw weight.
    pub fn weighted(source: impl Into<String>, target: impl Into<String>, weight: f64) -> Self {
        Link {
            weight: Some(weight),
            ..Link::new(source, target)
        }
    }

    /// The direction's strength: the raw weight if there is one, otherwise the
    /// weighted mean of the rated dimensions (see [`Ratings::strength`]);
    /// `None` when the link is neither weighted nor rated.
    pub fn strength(&self, weights: &DimensionWeights) -> Option<f64> {
        self.weight.or_else(|| self.ratings.strength(weights))
    }
}

/// A person in a unit who carries digital knowledge across.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Ambassador {
    pub id: String,
    pub name: String,
    pub unit: UnitId,
    pub role: AmbassadorRole,
}

/// The three ambassador roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum AmbassadorRole {
    /// Visionaries and facilitators.
    Strategist,
    /// Rule breakers who see beyond the status quo.
    Innovator,
    /// Pragmatists who run projects, budgets and timelines.
    Driver,
}

impl AmbassadorRole {
    pub const ALL: [AmbassadorRole; 3] = [
        AmbassadorRole::Strategist,
        AmbassadorRole::Innovator,
        AmbassadorRole::Driver,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AmbassadorRole::Strategist => "strategist",
            AmbassadorRole::Innovator => "innovator",
            AmbassadorRole::Driver => "driver",
        }
    }
}

/// The maturity stages an organisation moves through, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum MaturityStage {
    DigitalInnovationProject,
    DigitalInnovationUnit,
    IntegratedMedia,
    DigitallyIntegratedOrganisation,
}

impl MaturityStage {
    pub const ALL: [MaturityStage; 4] = [
        MaturityStage::DigitalInnovationProject,
        MaturityStage::DigitalInnovationUnit,
        MaturityStage::IntegratedMedia,
        MaturityStage::DigitallyIntegratedOrganisation,
    ];
}

/// An answer to one workshop question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Answer {
    /// Key of the question in [`QUESTIONS`] (or a custom key).
    pub question: String,
    pub answer: String,
}

/// The workshop questions: `(key, question)`.
pub const QUESTIONS: [(&str, &str); 6] = [
    (
        "digital_today",
        "How does the organisation manage digital today?",
    ),
    (
        "digital_silo",
        "Is digital focused in one silo, or does it integrate all silos?",
    ),
    ("support", "Do internal departments feel well supported?"),
    ("strategy", "Is there an agreed digital strategy?"),
    ("resistance", "Is there resistance to change?"),
    ("speed", "Can you innovate and respond fast enough?"),
];

impl Map {
    /// The unit with this id.
    pub fn unit(&self, id: &UnitId) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    /// The link `source → target`.
    pub fn link(&self, source: &UnitId, target: &UnitId) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| &l.source == source && &l.target == target)
    }
}
