//! [`analyze`]: a map's figures ([`crate::analysis`]), then the assessment
//! read off them ([`crate::findings`]: the findings and each unit's badges),
//! as one [`Analysis`] — what the command line prints with `--json`, the
//! reports show and the app draws.

use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Serialize};

use crate::analysis::{AnalysisOptions, Figures};
use crate::findings::{self, Finding};
use crate::model::Map;

/// The figures of a map and what they say. In JSON the figures' fields come
/// first, then `findings`, then `betweenness_computed`; in Rust the figures
/// are reached through [`Deref`] (`analysis.units`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Analysis {
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub figures: Figures,
    /// Ranked, most important first.
    pub findings: Vec<Finding>,
    /// Whether `units[].betweenness` was computed (see
    /// [`AnalysisOptions::betweenness`]); when `false` every betweenness is 0.
    #[serde(default)]
    pub betweenness_computed: bool,
}

impl Deref for Analysis {
    type Target = Figures;

    fn deref(&self) -> &Figures {
        &self.figures
    }
}

impl DerefMut for Analysis {
    fn deref_mut(&mut self) -> &mut Figures {
        &mut self.figures
    }
}

/// Analyses a map with every figure ([`AnalysisOptions::default`]). The map
/// should be valid ([`Map::validate`]); links naming unknown units and
/// self-links are ignored rather than trusted.
pub fn analyze(map: &Map) -> Analysis {
    analyze_with(map, &AnalysisOptions::default())
}

/// Analyses a map with the given options: the figures first, then the
/// findings read off them, then each unit's badges read off both.
pub fn analyze_with(map: &Map, options: &AnalysisOptions) -> Analysis {
    let mut figures = crate::analysis::figures(map, options);
    let findings = findings::find(map, &figures);
    findings::badges::add_badges(&mut figures, &findings);
    Analysis {
        figures,
        findings,
        betweenness_computed: options.betweenness,
    }
}
