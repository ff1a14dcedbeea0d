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

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::model::{
    Ambassador, Answer, DimensionWeights, Link, Map, MaturityStage, Position, Unit, UnitId,
    ValidationError,
};

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
    /// A short description for menus and logs ("add unit", "move 3 units").
    pub fn describe(&self) -> String {
        match self {
            Edit::AddUnit { unit } => format!("add unit '{}'", unit.name),
            Edit::UpdateUnit { unit } => format!("edit unit '{}'", unit.name),
            Edit::DeleteUnit { id } => format!("delete unit '{id}'"),
            Edit::MoveUnits { moves } if moves.len() == 1 => "move unit".to_owned(),
            Edit::MoveUnits { moves } => format!("move {} units", moves.len()),
            Edit::SetLink { link } => format!("set link {} → {}", link.source, link.target),
            Edit::DeleteLink { source, target } => format!("delete link {source} → {target}"),
            Edit::SetMapInfo { .. } => "edit map details".to_owned(),
            Edit::SetAnswer { .. } => "answer a workshop question".to_owned(),
            Edit::AddAmbassador { ambassador } => format!("add ambassador '{}'", ambassador.name),
            Edit::RemoveAmbassador { id } => format!("remove ambassador '{id}'"),
            Edit::SetDimensionWeights { .. } => "change dimension weights".to_owned(),
            Edit::SetFindingHidden { hidden: true, .. } => "hide a finding".to_owned(),
            Edit::SetFindingHidden { hidden: false, .. } => "show a finding".to_owned(),
        }
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

fn unit_index(map: &Map, id: &UnitId) -> Result<usize, EditError> {
    map.units
        .iter()
        .position(|u| &u.id == id)
        .ok_or_else(|| EditError::UnknownUnit(id.clone()))
}

/// Makes the change in place and returns the parts of the map it replaced.
fn mutate(map: &mut Map, edit: &Edit) -> Result<Undo, EditError> {
    Ok(match edit {
        Edit::AddUnit { unit } => {
            if map.unit(&unit.id).is_some() {
                return Err(EditError::UnitExists(unit.id.clone()));
            }
            if let Some(p) = unit.position {
                check_position(&unit.id, p)?;
            }
            map.units.push(unit.clone());
            Undo::RemoveLastUnit
        }
        Edit::UpdateUnit { unit } => {
            let index = unit_index(map, &unit.id)?;
            let old = std::mem::replace(&mut map.units[index], unit.clone());
            map.units[index].position = old.position;
            Undo::ReplaceUnit { index, unit: old }
        }
        Edit::DeleteUnit { id } => {
            let index = unit_index(map, id)?;
            let unit = map.units.remove(index);
            let links = take_where(&mut map.links, |l| &l.source == id || &l.target == id);
            let ambassadors = take_where(&mut map.ambassadors, |a| &a.unit == id);
            Undo::RestoreUnit {
                index,
                unit,
                links,
                ambassadors,
            }
        }
        Edit::MoveUnits { moves } => {
            let mut old = Vec::with_capacity(moves.len());
            for m in moves {
                let index = unit_index(map, &m.id)?;
                check_position(&m.id, m.position)?;
                old.push((index, map.units[index].position));
                map.units[index].position = Some(m.position);
            }
            // Restore in reverse so a unit moved twice in one edit ends where it began.
            old.reverse();
            Undo::Positions(old)
        }
        Edit::SetLink { link } => {
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
        Edit::DeleteLink { source, target } => {
            let index = map
                .links
                .iter()
                .position(|l| &l.source == source && &l.target == target)
                .ok_or_else(|| EditError::NoSuchLink {
                    from: source.clone(),
                    to: target.clone(),
                })?;
            Undo::InsertLink {
                index,
                link: map.links.remove(index),
            }
        }
        Edit::SetMapInfo {
            title,
            organisation,
            notes,
            maturity,
        } => Undo::MapInfo {
            title: std::mem::replace(&mut map.title, title.clone()),
            organisation: std::mem::replace(&mut map.organisation, organisation.clone()),
            notes: std::mem::replace(&mut map.notes, notes.clone()),
            maturity: std::mem::replace(&mut map.maturity, *maturity),
        },
        Edit::SetAnswer { question, answer } => {
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
                (Some(i), false) => map.questionnaire[i].answer = answer.clone(),
                (None, true) => {}
                (None, false) => map.questionnaire.push(Answer {
                    question: question.to_owned(),
                    answer: answer.clone(),
                }),
            }
            Undo::Questionnaire(old)
        }
        Edit::AddAmbassador { ambassador } => {
            if map.unit(&ambassador.unit).is_none() {
                return Err(EditError::UnknownUnit(ambassador.unit.clone()));
            }
            map.ambassadors.push(ambassador.clone());
            Undo::RemoveLastAmbassador
        }
        Edit::RemoveAmbassador { id } => {
            let index = map
                .ambassadors
                .iter()
                .position(|a| &a.id == id)
                .ok_or_else(|| EditError::NoSuchAmbassador(id.clone()))?;
            Undo::InsertAmbassador {
                index,
                ambassador: map.ambassadors.remove(index),
            }
        }
        Edit::SetDimensionWeights { weights } => {
            Undo::DimensionWeights(std::mem::replace(&mut map.dimension_weights, *weights))
        }
        Edit::SetFindingHidden { key, hidden } => {
            let old = map.hidden_findings.clone();
            let present = map.hidden_findings.iter().any(|k| k == key);
            if *hidden && !present {
                map.hidden_findings.push(key.clone());
            } else if !*hidden {
                map.hidden_findings.retain(|k| k != key);
            }
            Undo::HiddenFindings(old)
        }
    })
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

/// The parts of a map an edit replaced, enough to put them back exactly.
#[derive(Debug, Clone)]
enum Undo {
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
    /// The whole map as it was (before a [`Change::Replace`]).
    WholeMap(Box<Map>),
}

impl Undo {
    /// Puts the replaced parts back into the map the edit produced.
    fn revert(self, map: &mut Map) {
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

/// What one step of the history did, enough to do it again.
#[derive(Debug, Clone)]
enum Change {
    Edit(Edit),
    /// The whole map replaced by `map` (restoring a snapshot), described by `label`.
    Replace {
        map: Box<Map>,
        label: String,
    },
}

impl Change {
    fn describe(&self) -> String {
        match self {
            Change::Edit(edit) => edit.describe(),
            Change::Replace { label, .. } => label.clone(),
        }
    }
}

/// One applied change: the change (to redo it), what undoes it, and the
/// revisions of the map before and after it.
#[derive(Debug, Clone)]
struct Step {
    change: Change,
    undo: Undo,
    before: u64,
    after: u64,
    at: Instant,
}

/// Undo and redo for one open map.
///
/// Each state of the map has a revision number; [`History::revision`] tells
/// which one is current, so a document can tell whether it differs from the
/// state last saved (undoing back to it makes the document clean again).
#[derive(Debug, Clone)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    revision: u64,
    next_revision: u64,
}

impl Default for History {
    fn default() -> Self {
        History::new()
    }
}

impl History {
    /// At most this many steps can be undone; older ones are forgotten.
    pub const CAP: usize = 200;
    /// Consecutive moves of the same units closer together than this are one step.
    pub const MOVE_MERGE_WINDOW: Duration = Duration::from_secs(2);

    /// An empty history at revision 0.
    pub fn new() -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            revision: 0,
            next_revision: 1,
        }
    }

    /// The revision of the current state of the map.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would undo, e.g. "add unit 'Finance'".
    pub fn undo_label(&self) -> Option<String> {
        self.undo.back().map(|s| s.change.describe())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(|s| s.change.describe())
    }

    /// Applies `edit` to `map` at time `at` (the caller reads the clock; moves
    /// close in time merge), records it and returns the edited map; on error
    /// nothing is recorded. Clears the redo list.
    pub fn apply(&mut self, map: &Map, edit: Edit, at: Instant) -> Result<Map, EditError> {
        let (next, undo) = apply_with_undo(map, &edit)?;
        let after = self.next_revision;
        if let Some(last) = self.undo.back_mut()
            && last.after == self.revision
            && let Change::Edit(last_edit) = &last.change
            && same_moved_units(last_edit, &edit)
            && at.saturating_duration_since(last.at) <= Self::MOVE_MERGE_WINDOW
        {
            // Keep the first move's undo (the positions before the drag).
            self.redo.clear();
            self.next_revision += 1;
            last.change = Change::Edit(edit);
            last.after = after;
            last.at = at;
            self.revision = after;
        } else {
            self.record(Change::Edit(edit), undo, at);
        }
        Ok(next)
    }

    /// Records replacing the whole of `map` by `replacement` (restoring a
    /// snapshot) as one step that [`History::undo_label`] calls `label`, and
    /// returns the new map. Undo gives `map` back exactly; redo gives
    /// `replacement` again. Clears the redo list. The map is not validated: a
    /// snapshot is taken back as it was kept.
    pub fn replace(&mut self, map: &Map, replacement: Map, label: impl Into<String>) -> Map {
        let change = Change::Replace {
            map: Box::new(replacement.clone()),
            label: label.into(),
        };
        self.record(
            change,
            Undo::WholeMap(Box::new(map.clone())),
            Instant::now(),
        );
        replacement
    }

    /// Pushes a new step that leads from the current revision to a new one.
    fn record(&mut self, change: Change, undo: Undo, at: Instant) {
        self.redo.clear();
        let after = self.next_revision;
        self.next_revision += 1;
        self.undo.push_back(Step {
            change,
            undo,
            before: self.revision,
            after,
            at,
        });
        if self.undo.len() > Self::CAP {
            self.undo.pop_front();
        }
        self.revision = after;
    }

    /// Undoes the last step: returns the map as it was before it, or `None` if
    /// there is nothing to undo. `map` must be the current map.
    pub fn undo(&mut self, map: &Map) -> Option<Map> {
        let step = self.undo.pop_back()?;
        let mut previous = map.clone();
        step.undo.clone().revert(&mut previous);
        self.revision = step.before;
        self.redo.push(step);
        Some(previous)
    }

    /// Redoes the last undone step, or returns `None` if there is none.
    /// `map` must be the current map.
    pub fn redo(&mut self, map: &Map) -> Option<Map> {
        let mut step = self.redo.pop()?;
        // The map is exactly as it was when the edit was first applied, so it applies again.
        let (next, undo) = match &step.change {
            Change::Edit(edit) => apply_with_undo(map, edit).ok()?,
            Change::Replace {
                map: replacement, ..
            } => (
                (**replacement).clone(),
                Undo::WholeMap(Box::new(map.clone())),
            ),
        };
        step.undo = undo;
        self.revision = step.after;
        self.undo.push_back(step);
        Some(next)
    }
}

/// Whether two edits are both moves of the same set of units.
fn same_moved_units(a: &Edit, b: &Edit) -> bool {
    match (a, b) {
        (Edit::MoveUnits { moves: ma }, Edit::MoveUnits { moves: mb }) => {
            let ids = |m: &Vec<UnitMove>| m.iter().map(|m| m.id.clone()).collect::<HashSet<_>>();
            !ma.is_empty() && ids(ma) == ids(mb)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`History::apply`] now.
    trait ApplyNow {
        fn apply_now(&mut self, map: &Map, edit: Edit) -> Result<Map, EditError>;
    }

    impl ApplyNow for History {
        fn apply_now(&mut self, map: &Map, edit: Edit) -> Result<Map, EditError> {
            self.apply(map, edit, Instant::now())
        }
    }
    use crate::model::{AmbassadorRole, Ratings, UnitKind};

    fn id(s: &str) -> UnitId {
        UnitId::from(s)
    }

    fn rated(source: &str, target: &str, r: u8) -> Link {
        Link {
            ratings: Ratings {
                frequency: Some(r),
                why: Some(r),
                listening: None,
                trust: None,
            },
            ..Link::new(source, target)
        }
    }

    /// Finance, IT and Sales; fin ⇄ it, sales → it, one ambassador in Finance.
    fn base() -> Map {
        let mut fin = Unit::new("fin", "Finance", UnitKind::Business);
        fin.position = Some(Position { x: 0.0, y: 0.0 });
        Map {
            title: "Test".into(),
            units: vec![
                fin,
                Unit::new("it", "IT", UnitKind::It),
                Unit::new("sales", "Sales", UnitKind::Business),
            ],
            links: vec![
                rated("fin", "it", 4),
                rated("it", "fin", 1),
                rated("sales", "it", 3),
            ],
            ambassadors: vec![Ambassador {
                id: "a1".into(),
                name: "Ann".into(),
                unit: id("fin"),
                role: AmbassadorRole::Driver,
            }],
            questionnaire: vec![Answer {
                question: "strategy".into(),
                answer: "No".into(),
            }],
            hidden_findings: vec!["k1".into()],
            ..Map::default()
        }
    }

    fn pos(x: f64, y: f64) -> Position {
        Position { x, y }
    }

    fn mv(unit: &str, x: f64, y: f64) -> Edit {
        Edit::MoveUnits {
            moves: vec![UnitMove {
                id: id(unit),
                position: pos(x, y),
            }],
        }
    }

    /// Every operation: the edit, and the map it must produce from [`base`].
    fn cases() -> Vec<(Edit, Map)> {
        let b = base();
        let with = |f: &dyn Fn(&mut Map)| {
            let mut m = base();
            f(&mut m);
            m
        };
        let mut renamed = b.units[0].clone();
        renamed.name = "Finance & Control".into();
        renamed.kind = UnitKind::External;
        renamed.group = Some("Back office".into());
        renamed.headcount = Some(12);
        renamed.lead = Some("Kim".into());
        renamed.notes = "n".into();
        renamed.colour = Some("#ff0000".into());
        renamed.position = Some(pos(99.0, 99.0)); // ignored: update keeps the position
        let hr = Unit::new("hr", "HR", UnitKind::Business);
        let bob = Ambassador {
            id: "a2".into(),
            name: "Bob".into(),
            unit: id("sales"),
            role: AmbassadorRole::Innovator,
        };
        let weights = DimensionWeights {
            listening: 3.0,
            ..DimensionWeights::default()
        };
        vec![
            (
                Edit::AddUnit { unit: hr.clone() },
                with(&|m| m.units.push(hr.clone())),
            ),
            (
                Edit::UpdateUnit {
                    unit: renamed.clone(),
                },
                with(&|m| {
                    m.units[0] = Unit {
                        position: Some(pos(0.0, 0.0)),
                        ..renamed.clone()
                    }
                }),
            ),
            (
                Edit::DeleteUnit { id: id("fin") },
                with(&|m| {
                    m.units.remove(0);
                    m.links = vec![rated("sales", "it", 3)];
                    m.ambassadors.clear();
                }),
            ),
            (
                Edit::MoveUnits {
                    moves: vec![
                        UnitMove {
                            id: id("fin"),
                            position: pos(10.0, -5.5),
                        },
                        UnitMove {
                            id: id("it"),
                            position: pos(3.0, 4.0),
                        },
                    ],
                },
                with(&|m| {
                    m.units[0].position = Some(pos(10.0, -5.5));
                    m.units[1].position = Some(pos(3.0, 4.0));
                }),
            ),
            (
                Edit::SetLink {
                    link: rated("it", "sales", 2),
                },
                with(&|m| m.links.push(rated("it", "sales", 2))),
            ),
            (
                Edit::SetLink {
                    link: rated("it", "fin", 5),
                },
                with(&|m| m.links[1] = rated("it", "fin", 5)),
            ),
            (
                Edit::DeleteLink {
                    source: id("fin"),
                    target: id("it"),
                },
                with(&|m| {
                    m.links.remove(0);
                }),
            ),
            (
                Edit::SetMapInfo {
                    title: "Northwind".into(),
                    organisation: "Northwind Ltd".into(),
                    notes: "Workshop 1".into(),
                    maturity: Some(MaturityStage::IntegratedMedia),
                },
                with(&|m| {
                    m.title = "Northwind".into();
                    m.organisation = "Northwind Ltd".into();
                    m.notes = "Workshop 1".into();
                    m.maturity = Some(MaturityStage::IntegratedMedia);
                }),
            ),
            (
                Edit::SetAnswer {
                    question: "speed".into(),
                    answer: "Too slow".into(),
                },
                with(&|m| {
                    m.questionnaire.push(Answer {
                        question: "speed".into(),
                        answer: "Too slow".into(),
                    })
                }),
            ),
            (
                Edit::SetAnswer {
                    question: "strategy".into(),
                    answer: "Yes, since 2024".into(),
                },
                with(&|m| m.questionnaire[0].answer = "Yes, since 2024".into()),
            ),
            (
                Edit::SetAnswer {
                    question: "strategy".into(),
                    answer: "  ".into(),
                },
                with(&|m| m.questionnaire.clear()),
            ),
            (
                Edit::AddAmbassador {
                    ambassador: bob.clone(),
                },
                with(&|m| m.ambassadors.push(bob.clone())),
            ),
            (
                Edit::RemoveAmbassador { id: "a1".into() },
                with(&|m| m.ambassadors.clear()),
            ),
            (
                Edit::SetDimensionWeights { weights },
                with(&|m| m.dimension_weights = weights),
            ),
            (
                Edit::SetFindingHidden {
                    key: "k2".into(),
                    hidden: true,
                },
                with(&|m| m.hidden_findings.push("k2".into())),
            ),
            (
                Edit::SetFindingHidden {
                    key: "k1".into(),
                    hidden: true,
                },
                base(),
            ),
            (
                Edit::SetFindingHidden {
                    key: "k1".into(),
                    hidden: false,
                },
                with(&|m| m.hidden_findings.clear()),
            ),
        ]
    }

    #[test]
    fn every_op_gives_the_expected_map_and_undoes_and_redoes_exactly() {
        for (edit, expected) in cases() {
            let before = base();
            let mut history = History::new();
            let after = history.apply_now(&before, edit.clone()).unwrap();
            assert_eq!(after, expected, "{edit:?}");
            assert_eq!(before, base(), "apply must not change its input");
            assert!(history.can_undo() && !history.can_redo());
            let undone = history.undo(&after).unwrap();
            assert_eq!(undone, before, "undo of {edit:?}");
            assert_eq!(history.revision(), 0);
            let redone = history.redo(&undone).unwrap();
            assert_eq!(redone, expected, "redo of {edit:?}");
            assert_eq!(apply(&before, &edit).unwrap(), expected);
        }
    }

    #[test]
    fn a_sequence_of_edits_undoes_back_to_the_start() {
        let mut history = History::new();
        let mut map = base();
        let mut states = vec![map.clone()];
        for (edit, _) in cases() {
            // Each case is written against `base`; some no longer apply later
            // in the sequence (e.g. the unit was deleted) and must be refused.
            if let Ok(next) = history.apply_now(&map, edit) {
                map = next;
                states.push(map.clone());
            }
        }
        assert!(states.len() > 10, "most edits apply in sequence");
        while let Some(previous) = history.undo(&map) {
            states.pop();
            map = previous;
            assert_eq!(&map, states.last().unwrap());
        }
        assert_eq!(map, base());
    }

    #[test]
    fn invalid_edits_are_refused_with_a_clear_error() {
        let fin = base().units[0].clone();
        let cases: Vec<(Edit, &str, &str)> = vec![
            (
                Edit::AddUnit { unit: fin.clone() },
                "bad_edit",
                "a unit with id 'fin' is already on the map",
            ),
            (
                Edit::AddUnit {
                    unit: Unit::new("hr", " ", UnitKind::Business),
                },
                "invalid_map",
                "unit 'hr' has an empty name",
            ),
            (
                Edit::AddUnit {
                    unit: Unit::new("", "HR", UnitKind::Business),
                },
                "invalid_map",
                "empty id",
            ),
            (
                Edit::UpdateUnit {
                    unit: Unit::new("nope", "Nope", UnitKind::Business),
                },
                "bad_edit",
                "no unit 'nope'",
            ),
            (
                Edit::UpdateUnit {
                    unit: Unit {
                        name: String::new(),
                        ..fin
                    },
                },
                "invalid_map",
                "unit 'fin' has an empty name",
            ),
            (
                Edit::DeleteUnit { id: id("nope") },
                "bad_edit",
                "no unit 'nope'",
            ),
            (mv("nope", 1.0, 1.0), "bad_edit", "no unit 'nope'"),
            (mv("fin", f64::NAN, 1.0), "bad_edit", "not a finite number"),
            (
                Edit::SetLink {
                    link: Link::new("fin", "fin"),
                },
                "invalid_map",
                "points at its own unit",
            ),
            (
                Edit::SetLink {
                    link: Link::new("fin", "hr"),
                },
                "invalid_map",
                "'hr', which is not on the map",
            ),
            (
                Edit::SetLink {
                    link: rated("fin", "sales", 6),
                },
                "invalid_map",
                "rated 6",
            ),
            (
                Edit::SetLink {
                    link: Link::weighted("fin", "sales", -1.0),
                },
                "invalid_map",
                "weight -1",
            ),
            (
                Edit::DeleteLink {
                    source: id("it"),
                    target: id("sales"),
                },
                "bad_edit",
                "no link it → sales",
            ),
            (
                Edit::SetAnswer {
                    question: " ".into(),
                    answer: "x".into(),
                },
                "bad_edit",
                "needs a question key",
            ),
            (
                Edit::AddAmbassador {
                    ambassador: Ambassador {
                        id: "a1".into(),
                        name: "Again".into(),
                        unit: id("it"),
                        role: AmbassadorRole::Strategist,
                    },
                },
                "invalid_map",
                "ambassador id 'a1' is used twice",
            ),
            (
                Edit::AddAmbassador {
                    ambassador: Ambassador {
                        id: "a9".into(),
                        name: "Ghost".into(),
                        unit: id("nope"),
                        role: AmbassadorRole::Strategist,
                    },
                },
                "bad_edit",
                "no unit 'nope'",
            ),
            (
                Edit::RemoveAmbassador { id: "a9".into() },
                "bad_edit",
                "no ambassador 'a9'",
            ),
            (
                Edit::SetDimensionWeights {
                    weights: DimensionWeights {
                        trust: f64::INFINITY,
                        ..DimensionWeights::default()
                    },
                },
                "invalid_map",
                "dimension trust",
            ),
        ];
        for (edit, code, message) in cases {
            let mut history = History::new();
            let err = history.apply_now(&base(), edit.clone()).unwrap_err();
            let invalid = matches!(err, EditError::Invalid(_));
            assert_eq!(invalid, code == "invalid_map", "{edit:?}: {err:?}");
            assert!(
                err.to_string().contains(message),
                "{edit:?}: {err} should contain {message:?}"
            );
            assert!(!history.can_undo(), "a refused edit is not recorded");
            assert_eq!(history.revision(), 0);
        }
    }

    #[test]
    fn an_edit_may_leave_an_existing_problem_but_not_add_one() {
        // A map read from an older file with a self-link still takes unrelated edits.
        let mut broken = base();
        broken.links.push(Link::new("it", "it"));
        let renamed = apply(
            &broken,
            &Edit::SetMapInfo {
                title: "Renamed".into(),
                organisation: String::new(),
                notes: String::new(),
                maturity: None,
            },
        )
        .unwrap();
        assert_eq!(renamed.title, "Renamed");
        let err = apply(
            &broken,
            &Edit::SetLink {
                link: Link::new("sales", "sales"),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("sales → sales"), "{err}");
    }

    #[test]
    fn moves_of_the_same_units_close_in_time_undo_as_one_step() {
        let t0 = Instant::now();
        let later = |ms: u64| t0 + Duration::from_millis(ms);
        // (moves with their times, number of undo steps, where fin ends after one undo)
        type Case = (Vec<(Edit, u64)>, usize, Option<Position>);
        let cases: Vec<Case> = vec![
            (
                vec![
                    (mv("fin", 1.0, 1.0), 0),
                    (mv("fin", 2.0, 2.0), 100),
                    (mv("fin", 3.0, 3.0), 200),
                ],
                1,
                Some(pos(0.0, 0.0)),
            ),
            (
                vec![(mv("fin", 1.0, 1.0), 0), (mv("fin", 2.0, 2.0), 5_000)],
                2,
                Some(pos(1.0, 1.0)),
            ),
            (
                vec![(mv("fin", 1.0, 1.0), 0), (mv("it", 2.0, 2.0), 100)],
                2,
                Some(pos(1.0, 1.0)),
            ),
        ];
        for (moves, steps, fin_after_one_undo) in cases {
            let mut history = History::new();
            let mut map = base();
            for (edit, ms) in &moves {
                map = history.apply(&map, edit.clone(), later(*ms)).unwrap();
            }
            let once = history.undo(&map).unwrap();
            assert_eq!(once.units[0].position, fin_after_one_undo, "{moves:?}");
            let mut count = 1;
            let mut m = once;
            while let Some(prev) = history.undo(&m) {
                m = prev;
                count += 1;
            }
            assert_eq!(count, steps, "{moves:?}");
            assert_eq!(m, base());
        }
    }

    #[test]
    fn history_keeps_at_most_cap_steps() {
        let mut history = History::new();
        let mut map = base();
        let total = History::CAP + 50;
        for i in 0..total {
            map = history
                .apply_now(
                    &map,
                    Edit::SetMapInfo {
                        title: format!("v{i}"),
                        organisation: String::new(),
                        notes: String::new(),
                        maturity: None,
                    },
                )
                .unwrap();
        }
        let mut undone = 0;
        while let Some(prev) = history.undo(&map) {
            map = prev;
            undone += 1;
        }
        assert_eq!(undone, History::CAP);
        assert_eq!(map.title, format!("v{}", total - History::CAP - 1));
    }

    #[test]
    fn revisions_tell_whether_the_map_is_back_where_it_was() {
        let mut history = History::new();
        let m0 = base();
        let saved = history.revision();
        let m1 = history.apply_now(&m0, mv("fin", 5.0, 5.0)).unwrap();
        assert_ne!(history.revision(), saved);
        let back = history.undo(&m1).unwrap();
        assert_eq!(history.revision(), saved);
        // A new edit after an undo drops the redo list and gets a new revision.
        let m2 = history
            .apply_now(
                &back,
                Edit::DeleteLink {
                    source: id("sales"),
                    target: id("it"),
                },
            )
            .unwrap();
        assert!(!history.can_redo());
        assert_ne!(history.revision(), saved);
        assert_eq!(
            history.undo_label().as_deref(),
            Some("delete link sales → it")
        );
        history.undo(&m2).unwrap();
        assert_eq!(history.revision(), saved);
        assert_eq!(
            history.redo_label().as_deref(),
            Some("delete link sales → it")
        );
    }

    #[test]
    fn edits_read_from_the_ipc_json_shape() {
        let cases = [
            (
                r#"{"op":"add_unit","unit":{"id":"hr","name":"HR","kind":"business"}}"#,
                Edit::AddUnit {
                    unit: Unit::new("hr", "HR", UnitKind::Business),
                },
            ),
            (
                r#"{"op":"move_units","moves":[{"id":"fin","position":{"x":1.5,"y":2}}]}"#,
                mv("fin", 1.5, 2.0),
            ),
            (
                r#"{"op":"delete_link","source":"fin","target":"it"}"#,
                Edit::DeleteLink {
                    source: id("fin"),
                    target: id("it"),
                },
            ),
            (
                r#"{"op":"set_finding_hidden","key":"k","hidden":true}"#,
                Edit::SetFindingHidden {
                    key: "k".into(),
                    hidden: true,
                },
            ),
        ];
        for (json, expected) in cases {
            let edit: Edit = serde_json::from_str(json).unwrap();
            assert_eq!(edit, expected);
            let back: Edit = serde_json::from_str(&serde_json::to_string(&edit).unwrap()).unwrap();
            assert_eq!(back, expected);
        }
        assert!(serde_json::from_str::<Edit>(r#"{"op":"explode"}"#).is_err());
    }

    #[test]
    fn a_replaced_map_undoes_and_redoes_as_one_step_between_edits() {
        let mut history = History::new();
        let m0 = base();
        let m1 = history.apply_now(&m0, mv("fin", 5.0, 5.0)).unwrap();
        let mut other = base();
        other.title = "Snapshot".into();
        other.units.truncate(1);
        other.links.clear();
        other.ambassadors.clear();
        let m2 = history.replace(&m1, other.clone(), "restore snapshot 'S'");
        assert_eq!(m2, other);
        assert_eq!(
            history.undo_label().as_deref(),
            Some("restore snapshot 'S'")
        );
        let r2 = history.revision();
        // A move right after the replacement is a step of its own, not merged
        // with the move before it.
        let m3 = history.apply_now(&m2, mv("fin", 6.0, 6.0)).unwrap();

        let back2 = history.undo(&m3).unwrap();
        assert_eq!(back2, m2);
        assert_eq!(history.revision(), r2);
        let back1 = history.undo(&back2).unwrap();
        assert_eq!(back1, m1, "undo gives the replaced map back exactly");
        assert_eq!(
            history.redo_label().as_deref(),
            Some("restore snapshot 'S'")
        );
        let back0 = history.undo(&back1).unwrap();
        assert_eq!(back0, m0, "the edits before the replacement still undo");
        assert!(!history.can_undo());

        let fwd1 = history.redo(&back0).unwrap();
        assert_eq!(fwd1, m1);
        let fwd2 = history.redo(&fwd1).unwrap();
        assert_eq!(fwd2, other, "redo replaces the map again");
        assert_eq!(history.revision(), r2);
        let fwd3 = history.redo(&fwd2).unwrap();
        assert_eq!(fwd3, m3);

        // Undoing the replacement and editing drops its redo.
        let at2 = history.undo(&fwd3).unwrap();
        let at1 = history.undo(&at2).unwrap();
        history
            .apply_now(&at1, Edit::RemoveAmbassador { id: "a1".into() })
            .unwrap();
        assert!(!history.can_redo());
        assert_ne!(history.revision(), r2);
    }
}
