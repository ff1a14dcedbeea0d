//! The document: a map as it stands and the snapshots kept with it (the map
//! as it stood at a moment, for before/after comparisons). What a project
//! file holds, as plain data; the store reads and writes it, this module only
//! takes, finds and restores snapshots. The caller supplies the time.

use serde::{Deserialize, Serialize};

use crate::model::Map;

/// Everything a project file holds: the map as it stands and its snapshots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Document {
    pub map: Map,
    /// Oldest first (by id).
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
}

/// The map as it stood at a moment, kept inside the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct Snapshot {
    /// Unique within the file, never reused, increasing with each snapshot.
    pub id: i64,
    /// What the user called it ("before workshop", "March 2026").
    pub label: String,
    /// When it was taken, RFC 3339 in UTC (`2026-03-01T09:30:00Z`).
    pub taken_at: String,
    pub map: Map,
}

/// One state of a document: a snapshot by its id, or the map as it is now.
/// The app and the reports name states this way; the command line turns what
/// the user typed (an id, a label, `current`) into one with
/// [`Document::find_state`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
#[serde(rename_all = "snake_case")]
pub enum MapState {
    /// The map as it is now, unsaved changes included.
    Current,
    /// The snapshot with this id.
    Snapshot(#[cfg_attr(feature = "ts", ts(type = "number"))] i64),
}

/// Why a snapshot could not be taken or found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SnapshotError {
    #[error("no snapshot '{wanted}' in this file{}", if available.is_empty() { " (it has no snapshots)".to_owned() } else { format!(" — it has: {}", available.join(", ")) })]
    NoSnapshot {
        wanted: String,
        available: Vec<String>,
    },
    #[error("'{0}' is not an RFC 3339 time such as 2026-03-01T09:30:00Z")]
    BadTime(String),
}

impl Document {
    pub fn new(map: Map) -> Self {
        Document {
            map,
            snapshots: Vec::new(),
        }
    }

    /// Keeps the current map as a new snapshot called `label`, taken at
    /// `taken_at` (RFC 3339; stored in UTC). Returns it.
    pub fn add_snapshot(
        &mut self,
        label: &str,
        taken_at: &str,
    ) -> Result<&Snapshot, SnapshotError> {
        let bad = || SnapshotError::BadTime(taken_at.to_owned());
        let rfc3339 = &time::format_description::well_known::Rfc3339;
        let taken_at = time::OffsetDateTime::parse(taken_at, rfc3339)
            .map_err(|_| bad())?
            .to_offset(time::UtcOffset::UTC)
            .format(rfc3339)
            .map_err(|_| bad())?;
        let id = self.snapshots.iter().map(|s| s.id).max().unwrap_or(0) + 1;
        self.snapshots.push(Snapshot {
            id,
            label: label.trim().to_owned(),
            taken_at,
            map: self.map.clone(),
        });
        Ok(self.snapshots.last().expect("just pushed"))
    }

    /// The snapshot with this id.
    pub fn snapshot(&self, id: i64) -> Result<&Snapshot, SnapshotError> {
        self.snapshots
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| self.no_snapshot(&id.to_string()))
    }

    /// The map in state `state`.
    pub fn map_at(&self, state: MapState) -> Result<&Map, SnapshotError> {
        match state {
            MapState::Current => Ok(&self.map),
            MapState::Snapshot(id) => Ok(&self.snapshot(id)?.map),
        }
    }

    /// The state a person named: `current`, a snapshot id (`3`), or a
    /// snapshot label (exact, then case-insensitive; the newest if several
    /// share it).
    pub fn find_state(&self, wanted: &str) -> Result<MapState, SnapshotError> {
        let wanted_t = wanted.trim();
        if wanted_t.eq_ignore_ascii_case("current") {
            return Ok(MapState::Current);
        }
        let found = wanted_t
            .parse::<i64>()
            .ok()
            .and_then(|id| self.snapshots.iter().find(|s| s.id == id))
            .or_else(|| self.snapshots.iter().rev().find(|s| s.label == wanted_t))
            .or_else(|| {
                self.snapshots
                    .iter()
                    .rev()
                    .find(|s| s.label.eq_ignore_ascii_case(wanted_t))
            });
        found
            .map(|s| MapState::Snapshot(s.id))
            .ok_or_else(|| self.no_snapshot(wanted))
    }

    /// Makes snapshot `id` the current map. The map it replaces is kept
    /// first as a snapshot labelled "before restoring …" taken at `now`, so a
    /// restore never loses work. Returns the id of that safety snapshot.
    pub fn restore_snapshot(&mut self, id: i64, now: &str) -> Result<i64, SnapshotError> {
        let (map, label) = {
            let s = self.snapshot(id)?;
            (s.map.clone(), s.label.clone())
        };
        let safety = self
            .add_snapshot(&format!("before restoring '{label}'"), now)?
            .id;
        self.map = map;
        Ok(safety)
    }

    fn no_snapshot(&self, wanted: &str) -> SnapshotError {
        SnapshotError::NoSnapshot {
            wanted: wanted.to_owned(),
            available: self
                .snapshots
                .iter()
                .map(|s| format!("{} '{}'", s.id, s.label))
                .collect(),
        }
    }
}
