//! The edit operations, one function per [`Edit`] variant: each checks what
//! the edit names, changes the map in place and returns the [`Undo`] holding
//! the parts it replaced. Grouped by what they edit: units, links, the map's
//! details (title, questionnaire, weights, hidden findings), ambassadors.
//! [`super::apply`] then checks the edited map for new validation problems.

use super::{EditError, Undo, UnitMove};
use crate::model::{
    Ambassador, Answer, DimensionWeights, Link, Map, MaturityStage, Position, Unit, UnitId,
};

// Units.

/// [`super::Edit::AddUnit`]: the id must be new and any position finite.
pub(super) fn add_unit(map: &mut Map, unit: &Unit) -> Result<Undo, EditError> {
    if map.unit(&unit.id).is_some() {
        return Err(EditError::UnitExists(unit.id.clone()));
    }
    if let Some(p) = unit.position {
        check_position(&unit.id, p)?;
    }
    map.units.push(unit.clone());
    Ok(Undo::RemoveLastUnit)
}

/// [`super::Edit::UpdateUnit`]: replaces the unit but keeps its position.
pub(super) fn update_unit(map: &mut Map, unit: &Unit) -> Result<Undo, EditError> {
    let index = unit_index(map, &unit.id)?;
    let old = std::mem::replace(&mut map.units[index], unit.clone());
    map.units[index].position = old.position;
    Ok(Undo::ReplaceUnit { index, unit: old })
}

/// [`super::Edit::DeleteUnit`]: the unit, its links both ways and its ambassadors.
pub(super) fn delete_unit(map: &mut Map, id: &UnitId) -> Result<Undo, EditError> {
    let index = unit_index(map, id)?;
    let unit = map.units.remove(index);
    let links = take_where(&mut map.links, |l| &l.source == id || &l.target == id);
    let ambassadors = take_where(&mut map.ambassadors, |a| &a.unit == id);
    Ok(Undo::RestoreUnit {
        index,
        unit,
        links,
        ambassadors,
    })
}

/// [`super::Edit::MoveUnits`]: every unit must be on the map and every
/// position finite.
pub(super) fn move_units(map: &mut Map, moves: &[UnitMove]) -> Result<Undo, EditError> {
    let mut old = Vec::with_capacity(moves.len());
    for m in moves {
        let index = unit_index(map, &m.id)?;
        check_position(&m.id, m.position)?;
        old.push((index, map.units[index].position));
        map.units[index].position = Some(m.position);
    }
    // Restore in reverse so a unit moved twice in one edit ends where it began.
    old.reverse();
    Ok(Undo::Positions(old))
}

// Links.

/// [`super::Edit::SetLink`]: replaces the direction if the map has it, else adds it.
pub(super) fn set_link(map: &mut Map, link: &Link) -> Undo {
    match map
        .links
        .iter()
        .position(|l| l.source == link.source && l.target == link.target)
    {
        Some(index) => Undo::ReplaceLink {
            index,
            link: std::mem::replace(&mut map.links[index], link.clone()),
        },
        None => {
            map.links.push(link.clone());
            Undo::RemoveLastLink
        }
    }
}

/// [`super::Edit::DeleteLink`]: the direction must be on the map.
pub(super) fn delete_link(
    map: &mut Map,
    source: &UnitId,
    target: &UnitId,
) -> Result<Undo, EditError> {
    let index = map
        .links
        .iter()
        .position(|l| &l.source == source && &l.target == target)
        .ok_or_else(|| EditError::NoSuchLink {
            from: source.clone(),
            to: target.clone(),
        })?;
    Ok(Undo::InsertLink {
        index,
        link: map.links.remove(index),
    })
}

// The map's details.

/// [`super::Edit::SetMapInfo`].
pub(super) fn set_map_info(
    map: &mut Map,
    title: &str,
    organisation: &str,
    notes: &str,
    maturity: Option<MaturityStage>,
) -> Undo {
    Undo::MapInfo {
        title: std::mem::replace(&mut map.title, title.to_owned()),
        organisation: std::mem::replace(&mut map.organisation, organisation.to_owned()),
        notes: std::mem::replace(&mut map.notes, notes.to_owned()),
        maturity: std::mem::replace(&mut map.maturity, maturity),
    }
}

/// [`super::Edit::SetAnswer`]: sets, replaces or (with an empty answer)
/// clears the answer to a question; the question key must not be empty.
pub(super) fn set_answer(map: &mut Map, question: &str, answer: &str) -> Result<Undo, EditError> {
    let question = question.trim();
    if question.is_empty() {
        return Err(EditError::EmptyQuestion);
    }
    let old = map.questionnaire.clone();
    let existing = map
        .questionnaire
        .iter()
        .position(|a| a.question == question);
    match (existing, answer.trim().is_empty()) {
        (Some(i), true) => {
            map.questionnaire.remove(i);
        }
        (Some(i), false) => map.questionnaire[i].answer = answer.to_owned(),
        (None, true) => {}
        (None, false) => map.questionnaire.push(Answer {
            question: question.to_owned(),
            answer: answer.to_owned(),
        }),
    }
    Ok(Undo::Questionnaire(old))
}

/// [`super::Edit::SetDimensionWeights`].
pub(super) fn set_dimension_weights(map: &mut Map, weights: DimensionWeights) -> Undo {
    Undo::DimensionWeights(std::mem::replace(&mut map.dimension_weights, weights))
}

/// [`super::Edit::SetFindingHidden`]: hiding a hidden finding, or showing a
/// shown one, changes nothing.
pub(super) fn set_finding_hidden(map: &mut Map, key: &str, hidden: bool) -> Undo {
    let old = map.hidden_findings.clone();
    let present = map.hidden_findings.iter().any(|k| k == key);
    if hidden && !present {
        map.hidden_findings.push(key.to_owned());
    } else if !hidden {
        map.hidden_findings.retain(|k| k != key);
    }
    Undo::HiddenFindings(old)
}

// Ambassadors.

/// [`super::Edit::AddAmbassador`]: the unit must be on the map (a repeated id
/// is caught by validation).
pub(super) fn add_ambassador(map: &mut Map, ambassador: &Ambassador) -> Result<Undo, EditError> {
    if map.unit(&ambassador.unit).is_none() {
        return Err(EditError::UnknownUnit(ambassador.unit.clone()));
    }
    map.ambassadors.push(ambassador.clone());
    Ok(Undo::RemoveLastAmbassador)
}

/// [`super::Edit::RemoveAmbassador`]: the ambassador must be on the map.
pub(super) fn remove_ambassador(map: &mut Map, id: &str) -> Result<Undo, EditError> {
    let index = map
        .ambassadors
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| EditError::NoSuchAmbassador(id.to_owned()))?;
    Ok(Undo::InsertAmbassador {
        index,
        ambassador: map.ambassadors.remove(index),
    })
}

// Shared checks.

fn unit_index(map: &Map, id: &UnitId) -> Result<usize, EditError> {
    map.units
        .iter()
        .position(|u| &u.id == id)
        .ok_or_else(|| EditError::UnknownUnit(id.clone()))
}

fn check_position(id: &UnitId, p: Position) -> Result<(), EditError> {
    if p.x.is_finite() && p.y.is_finite() {
        Ok(())
    } else {
        Err(EditError::BadPosition(id.clone()))
    }
}

/// Removes the items matching `pred`, returning them with their former indices.
fn take_where<T>(items: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(items.len());
    for (i, item) in std::mem::take(items).into_iter().enumerate() {
        if pred(&item) {
            taken.push((i, item));
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    taken
}
