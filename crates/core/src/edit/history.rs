//! [`History`]: undo and redo for one open map, with the steps it keeps
//! ([`Change`] to redo, [`Undo`] to undo), its cap and the merging of
//! consecutive moves (module docs of [`super`]).

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

use super::{Edit, EditError, Undo, UnitMove, apply_with_undo};
use crate::model::Map;

/// What one step of the history did, enough to do it again.
#[derive(Debug, Clone)]
enum Change {
    /// An edit, and what it did in words (read off the map it was applied to).
    Edit(Edit, String),
    /// The whole map replaced by `map` (restoring a snapshot), described by `label`.
    Replace { map: Box<Map>, label: String },
}

impl Change {
    fn describe(&self) -> String {
        match self {
            Change::Edit(_, label) => label.clone(),
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
            && let Change::Edit(last_edit, _) = &last.change
            && same_moved_units(last_edit, &edit)
            && at.saturating_duration_since(last.at) <= Self::MOVE_MERGE_WINDOW
        {
            // Keep the first move's undo (the positions before the drag).
            self.redo.clear();
            self.next_revision += 1;
            let label = edit.describe(map);
            last.change = Change::Edit(edit, label);
            last.after = after;
            last.at = at;
            self.revision = after;
        } else {
            let label = edit.describe(map);
            self.record(Change::Edit(edit, label), undo, at);
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
            Change::Edit(edit, _) => apply_with_undo(map, edit).ok()?,
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
