//! The parts of a map an edit replaced ([`Undo`]), enough to put them back
//! exactly, and [`Undo::revert`], which does.

use crate::model::{
    Ambassador, Answer, DimensionWeights, Link, Map, MaturityStage, Position, Unit,
};

/// The parts of a map an edit replaced, enough to put them back exactly.
#[derive(Debug, Clone)]
pub(super) enum Undo {
    RemoveLastUnit,
    ReplaceUnit {
        index: usize,
        unit: Unit,
    },
    RestoreUnit {
        index: usize,
        unit: Unit,
        links: Vec<(usize, Link)>,
        ambassadors: Vec<(usize, Ambassador)>,
    },
    /// `(unit index, old position)`, in the order to restore them.
    Positions(Vec<(usize, Option<Position>)>),
    RemoveLastLink,
    ReplaceLink {
        index: usize,
        link: Link,
    },
    InsertLink {
        index: usize,
        link: Link,
    },
    MapInfo {
        title: String,
        organisation: String,
        notes: String,
        maturity: Option<MaturityStage>,
    },
    Questionnaire(Vec<Answer>),
    RemoveLastAmbassador,
    InsertAmbassador {
        index: usize,
        ambassador: Ambassador,
    },
    DimensionWeights(DimensionWeights),
    HiddenFindings(Vec<String>),
    /// The whole map as it was (before [`super::History::replace`]).
    WholeMap(Box<Map>),
}

impl Undo {
    /// Puts the replaced parts back into the map the edit produced.
    pub(super) fn revert(self, map: &mut Map) {
        match self {
            Undo::RemoveLastUnit => {
                map.units.pop();
            }
            Undo::ReplaceUnit { index, unit } => map.units[index] = unit,
            Undo::RestoreUnit {
                index,
                unit,
                links,
                ambassadors,
            } => {
                map.units.insert(index, unit);
                for (i, link) in links {
                    map.links.insert(i, link);
                }
                for (i, a) in ambassadors {
                    map.ambassadors.insert(i, a);
                }
            }
            Undo::Positions(old) => {
                for (index, position) in old {
                    map.units[index].position = position;
                }
            }
            Undo::RemoveLastLink => {
                map.links.pop();
            }
            Undo::ReplaceLink { index, link } => map.links[index] = link,
            Undo::InsertLink { index, link } => map.links.insert(index, link),
            Undo::MapInfo {
                title,
                organisation,
                notes,
                maturity,
            } => {
                map.title = title;
                map.organisation = organisation;
                map.notes = notes;
                map.maturity = maturity;
            }
            Undo::Questionnaire(q) => map.questionnaire = q,
            Undo::RemoveLastAmbassador => {
                map.ambassadors.pop();
            }
            Undo::InsertAmbassador { index, ambassador } => {
                map.ambassadors.insert(index, ambassador)
            }
            Undo::DimensionWeights(w) => map.dimension_weights = w,
            Undo::HiddenFindings(h) => map.hidden_findings = h,
            Undo::WholeMap(m) => *map = *m,
        }
    }
}
