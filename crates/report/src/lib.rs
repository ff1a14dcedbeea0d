//! Reports of a map for the people who were not in the workshop: the map, the
//! organisation scores with what they mean, the groups and their E-I index,
//! the findings with their recommendations, the ambassadors, the maturity
//! stage, the questionnaire, and optionally what changed between two
//! snapshots.
//!
//! - [`html()`] — one self-contained HTML file (no external resource, no
//!   script, a strict Content-Security-Policy).
//! - [`pdf()`] — the same report as PDF pages (A4 or Letter) with real,
//!   extractable text.
//!
//! The sentences next to the figures are the core's ([`recimap_core::explain`]),
//! shared with the command line and the app.
//!
//! The renderers are pure: the date is passed in, never read from the clock;
//! findings the presenter hid (`Map::hidden_findings`) are left out.

mod html;
mod pdf;

pub use html::html;

/// Why a PDF report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Render(#[from] recimap_render::RenderError),
    #[error("the paper size is not valid")]
    PaperSize,
    #[error("cannot draw a report page into the PDF")]
    Page,
    /// krilla's error, which has no `Display` of its own.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
}
pub use pdf::{Paper, pdf};

use recimap_core::Analysis;
use recimap_core::compare::Comparison;
use recimap_core::findings::Finding;
use recimap_core::model::Map;
use recimap_render::{Style, SvgOptions};

/// What a report shows besides the map's own contents.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportOptions {
    /// The report's date as it should be printed ("24 November 2026").
    pub date: Option<String>,
    /// A before/after section.
    pub comparison: Option<BeforeAfter>,
    pub style: Style,
}

/// Two states of the map and what changed between them.
#[derive(Debug, Clone, PartialEq)]
pub struct BeforeAfter {
    /// What the earlier state is called ("snapshot 1 'before workshop'").
    pub before: String,
    /// What the later state is called ("the current map").
    pub after: String,
    /// The later map itself: the section draws it with every direction
    /// coloured by how it changed.
    pub after_map: Map,
    /// The analysis of `after_map`, to draw it.
    pub after_analysis: Analysis,
    pub comparison: Comparison,
}

impl BeforeAfter {
    /// The after map, each direction coloured by its change, no title block.
    fn picture_options(&self, style: &Style) -> SvgOptions {
        SvgOptions {
            style: style.clone(),
            header: false,
            background: None,
            changes: Some(self.comparison.directions.clone()),
            ..SvgOptions::default()
        }
    }
}

/// The caption under a before/after picture. The colours are named by the
/// picture's own key ([`Style::trends`]), not here, so the words cannot drift
/// from them.
const CHANGES_CAPTION: &str = "The map after, each direction coloured by how its strength changed (the key under the map says which colour is which); a dashed line is a direction that is gone.";

/// The findings a report lists: all but the ones hidden from the deck.
pub fn visible_findings<'a>(map: &Map, analysis: &'a Analysis) -> Vec<&'a Finding> {
    analysis
        .findings
        .iter()
        .filter(|f| !map.hidden_findings.contains(&f.key))
        .collect()
}

/// The report's title: the map's title, or the organisation's name, or a
/// default.
pub fn title(map: &Map) -> String {
    match (map.title.trim(), map.organisation.trim()) {
        ("", "") => "Reciprocity map".to_owned(),
        ("", o) => format!("{o} — reciprocity map"),
        (t, _) => t.to_owned(),
    }
}
