//! Snapshots inside a [`Document`]: take, find, restore. Pure operations on
//! the document; the caller supplies the time and saves the file.
//!
//! A snapshot's map is stored in the `snapshots` table as the versioned JSON
//! of the map, not in copies of the normalised tables: a snapshot is written
//! once, read whole and never queried unit by unit, and keeping it as one
//! self-describing value means a later schema migration of the live tables
//! never has to rewrite history (`map_version` says how to read it).

use super::{Document, Snapshot, StoreError};

impl Document {
    /// Keeps the current map as a new snapshot called `label`, taken at
    /// `taken_at` (RFC 3339, e.g. from [`super::now_rfc3339`]). Returns it.
    pub fn add_snapshot(&mut self, label: &str, taken_at: &str) -> Result<&Snapshot, StoreError> {
        let parsed =
            time::OffsetDateTime::parse(taken_at, &time::format_description::well_known::Rfc3339)
                .map_err(|_| StoreError::BadTime(taken_at.to_owned()))?;
        let taken_at = parsed
            .to_offset(time::UtcOffset::UTC)
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(|_| StoreError::BadTime(taken_at.to_owned()))?;
        let id = self.snapshots.iter().map(|s| s.id).max().unwrap_or(0) + 1;
        self.snapshots.push(Snapshot {
            id,
            label: label.trim().to_owned(),
            taken_at,
            map: self.map.clone(),
        });
        Ok(self.snapshots.last().expect("just pushed"))
    }

    /// The snapshot named by `wanted`: its id (`3`), or its label (exact,
    /// then case-insensitive; the newest if several share it).
    pub fn snapshot(&self, wanted: &str) -> Result<&Snapshot, StoreError> {
        let wanted_t = wanted.trim();
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
        found.ok_or_else(|| StoreError::NoSnapshot {
            wanted: wanted.to_owned(),
            available: self
                .snapshots
                .iter()
                .map(|s| format!("{} '{}'", s.id, s.label))
                .collect(),
        })
    }

    /// Makes snapshot `wanted` the current map. The map it replaces is kept
    /// first as a snapshot labelled "before restoring …" taken at `now`, so a
    /// restore never loses work. Returns the id of that safety snapshot.
    pub fn restore_snapshot(&mut self, wanted: &str, now: &str) -> Result<i64, StoreError> {
        let (map, label) = {
            let s = self.snapshot(wanted)?;
            (s.map.clone(), s.label.clone())
        };
        let safety = self
            .add_snapshot(&format!("before restoring '{label}'"), now)?
            .id;
        self.map = map;
        Ok(safety)
    }
}
