//! Editing a map: the [`Edit`] operations the app sends, [`apply`] which checks
//! an edit and returns the edited map, and the undo/redo [`History`].
//!
//! Every change the user makes to an open map is one [`Edit`]. [`apply`] never
//! changes the map it is given: it returns a new map, or an error saying why the
//! edit was refused (an unknown unit, a rating out of range, …). An edit may not
//! add a validation problem ([`Map::problems`]) that the map did not already
//! have, so a map that was valid stays valid through any sequence of edits.
//!
//! [`History`] keeps, for each applied edit, the edit itself (to redo it) and
//! only the parts of the map it replaced (to undo it), so a long history of a
//! large map stays small. It holds at most [`History::CAP`] steps and merges
//! consecutive moves of the same units made within [`History::MOVE_MERGE_WINDOW`]
//! into one step, so a drag undoes in one go. A change that is not an edit —
//! restoring a snapshot replaces the whole map — is recorded as a step too
//! ([`History::replace`]), keeping both whole maps.
//!
//! Submodules:
//! - `operations` — each [`Edit`] made in place, what it checks and what it
//!   replaces, grouped by what the edit is about (units, links, map details,
//!   ambassadors);
//! - `labels` — what an edit did, in words for the undo menu;
//! - `undo` — the parts of a map an edit replaced, and putting them back;
//! - `history` — [`History`], the undo and redo steps of one open map;
//! - `tests` — every operation applied, undone and redone, and the history.

mod history;
mod labels;
mod operations;
mod undo;

pub use history::History;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{
    Ambassador, DimensionWeights, Link, Map, MaturityStage, Position, Unit, UnitId, ValidationError,
};
use undo::Undo;

/// One change to a map, as the UI sends it (`{"op": "add_unit", "unit": {…}}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Adds a new unit; its id must not be on the map yet.
    AddUnit { unit: Unit },
    /// Replaces the unit with the same id (name, kind, group, head count, lead,
    /// notes, colour). The unit keeps its position: moves go through `move_units`.
    UpdateUnit { unit: Unit },
    /// Deletes a unit with its links (both directions) and its ambassadors.
    DeleteUnit { id: UnitId },
    /// Moves units on the canvas.
    MoveUnits { moves: Vec<UnitMove> },
    /// Inserts the link `source → target`, or replaces it if it exists.
    SetLink { link: Link },
    /// Deletes the link `source → target`.
    DeleteLink { source: UnitId, target: UnitId },
    /// Sets the map's title, organisation, notes and maturity stage.
    SetMapInfo {
        title: String,
        organisation: String,
        notes: String,
        maturity: Option<MaturityStage>,
    },
    /// Answers a workshop question; an empty answer clears it.
    SetAnswer { question: String, answer: String },
    /// Adds an ambassador; the id must be new and the unit on the map.
    AddAmbassador { ambassador: Ambassador },
    /// Removes the ambassador with this id.
    RemoveAmbassador { id: String },
    /// Sets how much each rated dimension counts in a direction's strength.
    SetDimensionWeights { weights: DimensionWeights },
    /// Hides a finding from (or shows it again in) the presentation deck.
    SetFindingHidden { key: String, hidden: bool },
}

/// A unit's new position in a [`Edit::MoveUnits`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct UnitMove {
    pub id: UnitId,
    pub position: Position,
}

impl Edit {
    /// What this edit does to `map`, for menus and logs ("rename unit 'Fin'
    /// to 'Finance'", "rate Finance → IT", "move 3 units").
    pub fn describe(&self, map: &Map) -> String {
        labels::describe(self, map)
    }
}

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edited map would have a validation problem the map did not have.
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error(
        "there is no unit '{0}' on the map — it may have been deleted; pick a unit that is shown"
    )]
    UnknownUnit(UnitId),
    #[error("a unit with id '{0}' is already on the map — give the new unit another id")]
    UnitExists(UnitId),
    #[error("there is no link {from} → {to} on the map, so there is nothing to delete")]
    NoSuchLink { from: UnitId, to: UnitId },
    #[error("there is no ambassador '{0}' on the map, so there is nothing to remove")]
    NoSuchAmbassador(String),
    #[error("unit '{0}' cannot move to a position that is not a finite number")]
    BadPosition(UnitId),
    #[error("a workshop answer needs a question key — pick one of the listed questions")]
    EmptyQuestion,
}

/// Applies `edit` to `map` and returns the edited map; `map` itself is unchanged.
///
/// Fails when the edit names something that is not on the map, and with
/// [`EditError::Invalid`] when the result would have a validation problem
/// that `map` did not have.
pub fn apply(map: &Map, edit: &Edit) -> Result<Map, EditError> {
    apply_with_undo(map, edit).map(|(map, _)| map)
}

/// [`apply`], also returning what undoes the edit.
fn apply_with_undo(map: &Map, edit: &Edit) -> Result<(Map, Undo), EditError> {
    let mut next = map.clone();
    let undo = mutate(&mut next, edit)?;
    let before: HashSet<String> = map.problems().iter().map(ToString::to_string).collect();
    if let Some(problem) = next
        .problems()
        .into_iter()
        .find(|p| !before.contains(&p.to_string()))
    {
        return Err(EditError::Invalid(problem));
    }
    Ok((next, undo))
}

/// Makes the change in place and returns the parts of the map it replaced.
///
/// One arm per operation, each handing over to its function in
/// `operations`, so the match reads as the list of operations.
fn mutate(map: &mut Map, edit: &Edit) -> Result<Undo, EditError> {
    use operations as op;
    match edit {
        Edit::AddUnit { unit } => op::add_unit(map, unit),
        Edit::UpdateUnit { unit } => op::update_unit(map, unit),
        Edit::DeleteUnit { id } => op::delete_unit(map, id),
        Edit::MoveUnits { moves } => op::move_units(map, moves),
        Edit::SetLink { link } => Ok(op::set_link(map, link)),
        Edit::DeleteLink { source, target } => op::delete_link(map, source, target),
        Edit::SetMapInfo {
            title,
            organisation,
            notes,
            maturity,
        } => Ok(op::set_map_info(map, title, organisation, notes, *maturity)),
        Edit::SetAnswer { question, answer } => op::set_answer(map, question, answer),
        Edit::AddAmbassador { ambassador } => op::add_ambassador(map, ambassador),
        Edit::RemoveAmbassador { id } => op::remove_ambassador(map, id),
        Edit::SetDimensionWeights { weights } => Ok(op::set_dimension_weights(map, *weights)),
        Edit::SetFindingHidden { key, hidden } => Ok(op::set_finding_hidden(map, key, *hidden)),
    }
}

#[cfg(test)]
mod tests;
