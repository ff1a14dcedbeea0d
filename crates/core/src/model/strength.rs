//! A direction's strength from its ratings.
//!
//! Definition: each link may be rated 0–5 on four dimensions (frequency, clarity
//! of the why, listening/response, trust); any dimension may be left unrated.
//! The strength is the weighted mean of the *rated* dimensions,
//! `s = Σ_d w_d·r_d / Σ_d w_d` over rated `d` with `w_d > 0`, so it stays on
//! the 0–5 scale whatever the weights. All weights default to 1 (plain mean) and
//! are adjustable per map. A link with no rated dimension (or whose rated
//! dimensions all weigh 0) has no strength. Raw imported weights bypass this
//! (see `Link::strength`).

use serde::{Deserialize, Serialize};

/// The top of the rating scale (ratings run 0..=RATING_MAX).
pub const RATING_MAX: u8 = 5;

/// The rated dimensions of a direction, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "lowercase")]
pub enum Dimension {
    Frequency,
    Why,
    Listening,
    Trust,
}

impl Dimension {
    pub const ALL: [Dimension; 4] = [
        Dimension::Frequency,
        Dimension::Why,
        Dimension::Listening,
        Dimension::Trust,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Frequency => "frequency",
            Dimension::Why => "why",
            Dimension::Listening => "listening",
            Dimension::Trust => "trust",
        }
    }

    /// One line a workshop participant can rate against.
    pub fn explanation(self) -> &'static str {
        match self {
            Dimension::Frequency => {
                "How often the source talks to the target about its work (0 never, 5 daily)."
            }
            Dimension::Why => "How clearly the source explains why it needs what it asks for.",
            Dimension::Listening => "How well the target listens and acts on what it hears.",
            Dimension::Trust => "How much the target trusts what the source tells it.",
        }
    }
}

/// Ratings of one direction, each 0..=5 or unrated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct Ratings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frequency: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listening: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust: Option<u8>,
}

impl Ratings {
    pub fn get(&self, d: Dimension) -> Option<u8> {
        match d {
            Dimension::Frequency => self.frequency,
            Dimension::Why => self.why,
            Dimension::Listening => self.listening,
            Dimension::Trust => self.trust,
        }
    }

    pub fn set(&mut self, d: Dimension, value: Option<u8>) {
        let slot = match d {
            Dimension::Frequency => &mut self.frequency,
            Dimension::Why => &mut self.why,
            Dimension::Listening => &mut self.listening,
            Dimension::Trust => &mut self.trust,
        };
        *slot = value;
    }

    pub fn is_unrated(&self) -> bool {
        Dimension::ALL.iter().all(|d| self.get(*d).is_none())
    }

    /// The weighted mean of the rated dimensions (module docs); `None` if none counts.
    pub fn strength(&self, weights: &DimensionWeights) -> Option<f64> {
        let (mut sum, mut total) = (0.0, 0.0);
        for d in Dimension::ALL {
            if let Some(r) = self.get(d) {
                let w = weights.get(d);
                if w > 0.0 {
                    sum += w * f64::from(r);
                    total += w;
                }
            }
        }
        (total > 0.0).then(|| sum / total)
    }
}

/// How much each dimension counts in a direction's strength (≥ 0, default 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(default)]
pub struct DimensionWeights {
    pub frequency: f64,
    pub why: f64,
    pub listening: f64,
    pub trust: f64,
}

impl Default for DimensionWeights {
    fn default() -> Self {
        DimensionWeights {
            frequency: 1.0,
            why: 1.0,
            listening: 1.0,
            trust: 1.0,
        }
    }
}

impl DimensionWeights {
    pub fn get(&self, d: Dimension) -> f64 {
        match d {
            Dimension::Frequency => self.frequency,
            Dimension::Why => self.why,
            Dimension::Listening => self.listening,
            Dimension::Trust => self.trust,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(f: Option<u8>, w: Option<u8>, l: Option<u8>, t: Option<u8>) -> Ratings {
        Ratings {
            frequency: f,
            why: w,
            listening: l,
            trust: t,
        }
    }

    #[test]
    fn strength_is_the_weighted_mean_of_rated_dimensions() {
        let even = DimensionWeights::default();
        let cases = [
            (r(None, None, None, None), even, None),
            (r(Some(4), None, None, None), even, Some(4.0)),
            (r(Some(4), Some(2), None, None), even, Some(3.0)),
            (r(Some(5), Some(1), Some(0), Some(2)), even, Some(2.0)),
            // listening counts three times: (1*4 + 3*1) / 4
            (
                r(None, Some(4), Some(1), None),
                DimensionWeights {
                    listening: 3.0,
                    ..even
                },
                Some(1.75),
            ),
            // a rated dimension that weighs 0 does not count
            (
                r(Some(5), None, None, None),
                DimensionWeights {
                    frequency: 0.0,
                    ..even
                },
                None,
            ),
        ];
        for (ratings, weights, expected) in cases {
            assert_eq!(
                ratings.strength(&weights),
                expected,
                "{ratings:?} {weights:?}"
            );
        }
    }
}
