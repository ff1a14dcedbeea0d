//! Validation of a map: what must hold before a map is analysed, saved or shown.
//!
//! [`Map::validate`] reports every problem it finds (not just the first), each as
//! a typed [`ValidationError`] whose message says what is wrong and how to fix it.

use std::collections::HashSet;

use super::{Dimension, Map, RATING_MAX, UnitId};

/// One problem with a map.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ValidationError {
    #[error("a unit has an empty id — give every unit a short unique id")]
    EmptyUnitId,
    #[error("unit '{0}' has an empty name — give it a name")]
    EmptyUnitName(UnitId),
    #[error("unit id '{0}' is used twice — unit ids must be unique")]
    DuplicateUnit(UnitId),
    #[error("link {0} → {0} points at its own unit — remove it")]
    SelfLink(UnitId),
    #[error(
        "link {from} → {to} names unit '{missing}', which is not on the map — add the unit or fix the id"
    )]
    UnknownUnit {
        from: UnitId,
        to: UnitId,
        missing: UnitId,
    },
    #[error("link {from} → {to} appears twice — keep one link per direction")]
    DuplicateLink { from: UnitId, to: UnitId },
    #[error("link {from} → {to}: {dimension} is rated {value}, but ratings run 0–{max}")]
    RatingOutOfRange {
        from: UnitId,
        to: UnitId,
        dimension: &'static str,
        value: u8,
        max: u8,
    },
    #[error("link {from} → {to}: weight {weight} is not a finite number ≥ 0")]
    BadWeight {
        from: UnitId,
        to: UnitId,
        weight: f64,
    },
    #[error(
        "the weight of dimension {dimension} is {weight}; dimension weights must be finite and ≥ 0"
    )]
    BadDimensionWeight {
        dimension: &'static str,
        weight: f64,
    },
    #[error("ambassador '{name}' has an empty name or id — name the person")]
    EmptyAmbassadorName { name: String },
    #[error("ambassador id '{0}' is used twice — ambassador ids must be unique")]
    DuplicateAmbassador(String),
    #[error("ambassador '{name}' belongs to unit '{unit}', which is not on the map")]
    AmbassadorUnknownUnit { name: String, unit: UnitId },
}

impl Map {
    /// Every problem with this map, in the order of the map's lists; empty if valid.
    pub fn problems(&self) -> Vec<ValidationError> {
        let mut problems = Vec::new();
        let ids = self.unit_problems(&mut problems);
        self.dimension_weight_problems(&mut problems);
        self.link_problems(&ids, &mut problems);
        self.ambassador_problems(&ids, &mut problems);
        problems
    }

    /// Units with an empty id or name, and ids used twice. Returns the set of
    /// unit ids, which the link and ambassador rules check against.
    fn unit_problems(&self, problems: &mut Vec<ValidationError>) -> HashSet<&UnitId> {
        let mut ids = HashSet::with_capacity(self.units.len());
        for unit in &self.units {
            if unit.id.0.trim().is_empty() {
                problems.push(ValidationError::EmptyUnitId);
            } else if unit.name.trim().is_empty() {
                problems.push(ValidationError::EmptyUnitName(unit.id.clone()));
            }
            if !ids.insert(&unit.id) {
                problems.push(ValidationError::DuplicateUnit(unit.id.clone()));
            }
        }
        ids
    }

    /// Dimension weights that are negative or not finite.
    fn dimension_weight_problems(&self, problems: &mut Vec<ValidationError>) {
        for d in Dimension::ALL {
            let w = self.dimension_weights.get(d);
            if !w.is_finite() || w < 0.0 {
                problems.push(ValidationError::BadDimensionWeight {
                    dimension: d.as_str(),
                    weight: w,
                });
            }
        }
    }

    /// Self-links, links to units not in `ids`, repeated directions, ratings
    /// above [`RATING_MAX`] and weights that are negative or not finite.
    fn link_problems(&self, ids: &HashSet<&UnitId>, problems: &mut Vec<ValidationError>) {
        let mut pairs = HashSet::with_capacity(self.links.len());
        for link in &self.links {
            let (source, target) = (&link.source, &link.target);
            if source == target {
                problems.push(ValidationError::SelfLink(source.clone()));
            }
            for end in [source, target] {
                if !ids.contains(end) {
                    problems.push(ValidationError::UnknownUnit {
                        from: source.clone(),
                        to: target.clone(),
                        missing: end.clone(),
                    });
                }
            }
            if !pairs.insert((source, target)) {
                problems.push(ValidationError::DuplicateLink {
                    from: source.clone(),
                    to: target.clone(),
                });
            }
            for d in Dimension::ALL {
                if let Some(value) = link.ratings.get(d).filter(|v| *v > RATING_MAX) {
                    problems.push(ValidationError::RatingOutOfRange {
                        from: source.clone(),
                        to: target.clone(),
                        dimension: d.as_str(),
                        value,
                        max: RATING_MAX,
                    });
                }
            }
            if let Some(weight) = link.weight.filter(|w| !w.is_finite() || *w < 0.0) {
                problems.push(ValidationError::BadWeight {
                    from: source.clone(),
                    to: target.clone(),
                    weight,
                });
            }
        }
    }

    /// Ambassadors without a name or id, ids used twice, and ambassadors of
    /// units not in `ids`.
    fn ambassador_problems(&self, ids: &HashSet<&UnitId>, problems: &mut Vec<ValidationError>) {
        let mut ambassador_ids = HashSet::new();
        for a in &self.ambassadors {
            if a.name.trim().is_empty() || a.id.trim().is_empty() {
                problems.push(ValidationError::EmptyAmbassadorName {
                    name: a.name.clone(),
                });
            }
            if !ambassador_ids.insert(&a.id) {
                problems.push(ValidationError::DuplicateAmbassador(a.id.clone()));
            }
            if !ids.contains(&a.unit) {
                problems.push(ValidationError::AmbassadorUnknownUnit {
                    name: a.name.clone(),
                    unit: a.unit.clone(),
                });
            }
        }
    }

    /// `Ok` if the map is valid, otherwise the first problem (see [`Map::problems`] for all).
    pub fn validate(&self) -> Result<(), ValidationError> {
        match self.problems().into_iter().next() {
            None => Ok(()),
            Some(p) => Err(p),
        }
    }
}

/// Whether a validation problem makes a map impossible to store faithfully
/// (a project file's keys and checks would reject it, or a value would change
/// on the way). Other problems, such as a unit still without a name, do not
/// stop a save: nothing the user typed is lost.
pub fn blocks_saving(problem: &ValidationError) -> bool {
    matches!(
        problem,
        ValidationError::DuplicateUnit(_)
            | ValidationError::UnknownUnit { .. }
            | ValidationError::DuplicateLink { .. }
            | ValidationError::RatingOutOfRange { .. }
            | ValidationError::BadWeight { .. }
            | ValidationError::BadDimensionWeight { .. }
            | ValidationError::DuplicateAmbassador(_)
            | ValidationError::AmbassadorUnknownUnit { .. }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Ambassador, AmbassadorRole, Link, Ratings, Unit, UnitKind};

    fn two_units() -> Map {
        Map {
            units: vec![
                Unit::new("fin", "Finance", UnitKind::Business),
                Unit::new("it", "IT", UnitKind::It),
            ],
            links: vec![Link::new("fin", "it")],
            ..Map::default()
        }
    }

    #[test]
    fn a_valid_map_has_no_problems() {
        assert_eq!(two_units().problems(), vec![]);
        assert_eq!(Map::default().validate(), Ok(()));
    }

    #[test]
    fn each_broken_rule_is_reported() {
        type Breaker = fn(&mut Map);
        let cases: Vec<(Breaker, &str)> = vec![
            (|m| m.units[0].name = " ".into(), "empty name"),
            (|m| m.units[0].id = UnitId::from(""), "empty id"),
            (|m| m.units[1].id = UnitId::from("fin"), "used twice"),
            (|m| m.links.push(Link::new("it", "it")), "its own unit"),
            (
                |m| m.links.push(Link::new("it", "hr")),
                "'hr', which is not on the map",
            ),
            (|m| m.links.push(Link::new("fin", "it")), "appears twice"),
            (
                |m| {
                    m.links[0].ratings = Ratings {
                        trust: Some(6),
                        ..Ratings::default()
                    }
                },
                "trust is rated 6",
            ),
            (|m| m.links[0].weight = Some(-1.0), "weight -1"),
            (|m| m.links[0].weight = Some(f64::NAN), "weight NaN"),
            (|m| m.links[0].weight = Some(f64::INFINITY), "weight inf"),
            (|m| m.dimension_weights.why = -2.0, "dimension why"),
            (
                |m| {
                    m.ambassadors.push(Ambassador {
                        id: "a1".into(),
                        name: "Ann".into(),
                        unit: UnitId::from("ops"),
                        role: AmbassadorRole::Driver,
                    })
                },
                "unit 'ops'",
            ),
        ];
        for (breaker, expected) in cases {
            let mut map = two_units();
            breaker(&mut map);
            let problems = map.problems();
            let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
            assert!(
                messages.iter().any(|m| m.contains(expected)),
                "{messages:?} should mention {expected:?}"
            );
        }
    }
}
