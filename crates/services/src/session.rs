//! The open document of the desktop app, without the desktop: a map with its
//! snapshots, where it lives on disk, the lock on that file, the undo
//! history, whether it has unsaved changes, and its recovery copy.
//!
//! The shell (`src-tauri`) keeps one [`Session`] behind a mutex and turns each
//! command into one call here; everything the UI sees comes back as an
//! [`AppState`], with the analysis recomputed by the core after every change.
//!
//! Recovery: after edits the shell calls [`Session::write_recovery`] (a couple
//! of seconds after the last one). The recovery copy is a normal project file
//! plus a small JSON note saying which document it belongs to; it is removed
//! when the document is saved, closed or replaced. So a recovery copy found at
//! start ([`Recovery::find`]) means the previous run ended without saving.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use recimap_core::edit::{Edit, History};
use recimap_core::model::Map;
use recimap_core::{Analysis, Document, MapState, analyze};
use recimap_store::{self as store, ProjectLock};

use crate::error::{Error, Result};

/// What the UI shows: the document as it stands after the last command.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct AppState {
    pub map: Map,
    /// Recomputed by the core after every change; the UI never recomputes it.
    pub analysis: Analysis,
    /// The file the document is saved in; `null` until first saved.
    pub path: Option<String>,
    /// The name to show in the title bar (`Northwind.recimap`, `Untitled`).
    pub file_name: String,
    /// Whether there are changes that are not saved.
    pub dirty: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// What undo would undo ("add unit 'Finance'"), for menus and tooltips.
    pub undo_label: Option<String>,
    pub redo_label: Option<String>,
}

/// Two states of the document side by side, for the app's before/after view:
/// what changed, and the later map with its analysis to draw it (each
/// direction coloured by its [`recimap_core::compare::Trend`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct ComparisonView {
    /// What the earlier state is called ("snapshot “Before” (1 March 2026)").
    pub before: String,
    /// What the later state is called ("the current map").
    pub after: String,
    pub comparison: recimap_core::compare::Comparison,
    /// The later map and its analysis.
    pub map: Map,
    pub analysis: Analysis,
}

/// One snapshot as listed in the UI (the map itself stays in the core).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(export))]
pub struct SnapshotInfo {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub label: String,
    /// RFC 3339, UTC.
    pub taken_at: String,
    pub units: usize,
    pub links: usize,
}

/// The name shown for a document that has no file yet.
pub const UNTITLED: &str = "Untitled";

/// The open document.
#[derive(Debug)]
pub struct Session {
    doc: Document,
    analysis: Analysis,
    path: Option<PathBuf>,
    lock: Option<ProjectLock>,
    history: History,
    /// The history revision that matches the file on disk (or the fresh map).
    saved_revision: u64,
    /// Changes the history does not track (snapshots added or restored,
    /// recovered work) since the last save.
    changed_outside_history: bool,
    /// Whether the recovery copy is behind the document.
    recovery_due: bool,
}

impl Session {
    /// A session on `doc`, not yet saved anywhere and not dirty.
    pub fn untitled(doc: Document) -> Session {
        let history = History::new();
        Session {
            analysis: analyze(&doc.map),
            saved_revision: history.revision(),
            doc,
            path: None,
            lock: None,
            history,
            changed_outside_history: false,
            recovery_due: false,
        }
    }

    /// An empty map.
    pub fn new_map() -> Session {
        Session::untitled(Document::default())
    }

    /// The embedded demo organisation, untitled.
    pub fn demo() -> Session {
        Session::untitled(Document::new(recimap_core::demo::demo_map()))
    }

    /// Opens a project file and takes its lock; fails (and changes nothing)
    /// if the file is bad or another Recimap has it open.
    pub fn open(path: &Path) -> Result<Session> {
        let path = absolute(path);
        let lock = ProjectLock::acquire(&path)?;
        let doc = store::open(&path)?;
        let mut session = Session::untitled(doc);
        session.path = Some(path);
        session.lock = Some(lock);
        Ok(session)
    }

    pub fn map(&self) -> &Map {
        &self.doc.map
    }

    pub fn analysis(&self) -> &Analysis {
        &self.analysis
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Whether anything changed since the last save (or since opening).
    pub fn dirty(&self) -> bool {
        self.history.revision() != self.saved_revision || self.changed_outside_history
    }

    /// Whether the recovery copy should be rewritten.
    pub fn recovery_due(&self) -> bool {
        self.recovery_due
    }

    /// The file name for the title bar.
    pub fn file_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| UNTITLED.to_owned())
    }

    /// The window title: `Northwind.recimap • — Recimap` (`•` when unsaved).
    pub fn window_title(&self) -> String {
        let mark = if self.dirty() { " •" } else { "" };
        format!("{}{mark} — Recimap", self.file_name())
    }

    /// The state the UI shows.
    pub fn state(&self) -> AppState {
        AppState {
            map: self.doc.map.clone(),
            analysis: self.analysis.clone(),
            path: self.path.as_ref().map(|p| p.to_string_lossy().into_owned()),
            file_name: self.file_name(),
            dirty: self.dirty(),
            can_undo: self.history.can_undo(),
            can_redo: self.history.can_redo(),
            undo_label: self.history.undo_label(),
            redo_label: self.history.redo_label(),
        }
    }

    fn set_map(&mut self, map: Map) {
        self.analysis = analyze(&map);
        self.doc.map = map;
        self.recovery_due = true;
    }

    /// Applies one edit (see [`crate::edit`]); on error nothing changes.
    pub fn apply(&mut self, edit: Edit) -> Result<()> {
        let next = self
            .history
            .apply(&self.doc.map, edit, std::time::Instant::now())?;
        self.set_map(next);
        Ok(())
    }

    /// Undoes the last edit; returns whether there was one.
    pub fn undo(&mut self) -> bool {
        match self.history.undo(&self.doc.map) {
            Some(map) => {
                self.set_map(map);
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; returns whether there was one.
    pub fn redo(&mut self) -> bool {
        match self.history.redo(&self.doc.map) {
            Some(map) => {
                self.set_map(map);
                true
            }
            None => false,
        }
    }

    /// Saves to `path`, or to the current file when `None`. Saving to another
    /// file takes that file's lock and makes it the document's file.
    pub fn save(&mut self, path: Option<&Path>) -> Result<()> {
        let target = match path {
            Some(p) => absolute(p),
            None => self.path.clone().ok_or(Error::NoPath)?,
        };
        let new_lock = if self.path.as_deref() == Some(target.as_path()) && self.lock.is_some() {
            None
        } else {
            Some(ProjectLock::acquire(&target)?)
        };
        store::save(&target, &self.doc)?;
        if let Some(lock) = new_lock {
            self.lock = Some(lock);
        }
        self.path = Some(target);
        self.saved_revision = self.history.revision();
        self.changed_outside_history = false;
        Ok(())
    }

    /// The snapshots kept in the document, oldest first.
    pub fn snapshots(&self) -> Vec<SnapshotInfo> {
        self.doc
            .snapshots
            .iter()
            .map(|s| SnapshotInfo {
                id: s.id,
                label: s.label.clone(),
                taken_at: s.taken_at.clone(),
                units: s.map.units.len(),
                links: s.map.links.len(),
            })
            .collect()
    }

    /// Keeps the current map as a snapshot labelled `label`, taken now.
    pub fn add_snapshot(&mut self, label: &str) -> Result<()> {
        self.doc.add_snapshot(label, &store::now_rfc3339())?;
        self.changed_outside_history = true;
        self.recovery_due = true;
        Ok(())
    }

    /// Makes snapshot `id` the current map, as one step of the undo history:
    /// undo brings back the map it replaced, redo restores the snapshot again,
    /// and the steps before it stay undoable. The replaced map is also kept as
    /// a snapshot ("before restoring …"), because the undo history ends with
    /// the session while the file keeps its snapshots; undo and redo leave the
    /// list of snapshots as it is. On error nothing changes.
    pub fn restore_snapshot(&mut self, id: i64) -> Result<()> {
        let label = format!("restore snapshot '{}'", self.doc.snapshot(id)?.label);
        let before = self.doc.map.clone();
        self.doc.restore_snapshot(id, &store::now_rfc3339())?;
        let restored = std::mem::replace(&mut self.doc.map, before);
        let next = self.history.replace(&self.doc.map, restored, label);
        self.set_map(next);
        self.changed_outside_history = true;
        Ok(())
    }

    /// Compares two states of the document.
    pub fn comparison_view(&self, before: MapState, after: MapState) -> Result<ComparisonView> {
        let ba = crate::export::before_after(&self.doc, before, after)?;
        Ok(ComparisonView {
            before: ba.before,
            after: ba.after,
            comparison: ba.comparison,
            analysis: ba.after_analysis,
            map: ba.after_map,
        })
    }

    /// Writes the recovery copy into `dir` (or removes it when nothing is
    /// unsaved) and clears [`Session::recovery_due`].
    pub fn write_recovery(&mut self, dir: &Path) -> Result<()> {
        if !self.dirty() {
            Recovery::discard(dir)?;
            self.recovery_due = false;
            return Ok(());
        }
        let recovery = Recovery::in_dir(dir);
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "be created", e))?;
        store::save(&recovery.file, &self.doc)?;
        let note = RecoveryNote {
            path: self.path.clone(),
        };
        // A path and an optional path: serialising cannot fail.
        let json = serde_json::to_vec_pretty(&note).unwrap_or_default();
        crate::export::write_file(&recovery.note, &json)?;
        self.recovery_due = false;
        Ok(())
    }

    /// Replaces this session by the recovered one in `dir`: the recovered map,
    /// dirty, on the file it belonged to (if that file can be locked).
    pub fn take_recovery(dir: &Path) -> Result<Session> {
        let recovery = Recovery::find(dir).ok_or(Error::NoRecovery)?;
        let doc = store::open(&recovery.file)?;
        let mut session = Session::untitled(doc);
        if let Some(path) = recovery.original
            && let Ok(lock) = ProjectLock::acquire(&path)
        {
            session.lock = Some(lock);
            session.path = Some(path);
        }
        session.changed_outside_history = true;
        session.recovery_due = true;
        Ok(session)
    }
}

/// Turns a relative path into an absolute one (for locks, titles and recent files).
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The note beside a recovery copy: which document it belongs to.
#[derive(Debug, Serialize, Deserialize)]
struct RecoveryNote {
    path: Option<PathBuf>,
}

/// A recovery copy in a folder (the app's data folder).
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The copy itself, a project file.
    pub file: PathBuf,
    /// The JSON note saying which document it belongs to.
    pub note: PathBuf,
    /// The document's file, if it had one.
    pub original: Option<PathBuf>,
}

impl Recovery {
    fn in_dir(dir: &Path) -> Recovery {
        Recovery {
            file: dir.join("recovery.recimap"),
            note: dir.join("recovery.json"),
            original: None,
        }
    }

    /// The recovery copy in `dir` worth offering: there is one, and the
    /// document it belongs to was not saved after it was written.
    pub fn find(dir: &Path) -> Option<Recovery> {
        let mut recovery = Recovery::in_dir(dir);
        let written = std::fs::metadata(&recovery.file).ok()?.modified().ok()?;
        let note: Option<RecoveryNote> = std::fs::read(&recovery.note)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        recovery.original = note.and_then(|n| n.path);
        if let Some(original) = &recovery.original {
            let saved = std::fs::metadata(original).and_then(|m| m.modified());
            if matches!(saved, Ok(saved) if saved > written) {
                return None;
            }
        }
        Some(recovery)
    }

    /// Removes the recovery copy in `dir`, if any (after a save, a clean close
    /// or when the user discards it).
    pub fn discard(dir: &Path) -> Result<()> {
        let recovery = Recovery::in_dir(dir);
        for file in [&recovery.file, &recovery.note] {
            match std::fs::remove_file(file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(file, "be removed", e)),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recimap_core::model::{Unit, UnitKind};

    /// Adds a unit the demo map does not have.
    fn add(name: &str) -> Edit {
        Edit::AddUnit {
            unit: Unit::new(format!("test-{name}"), name, UnitKind::Business),
        }
    }

    fn labels(session: &Session) -> Vec<String> {
        session.snapshots().into_iter().map(|s| s.label).collect()
    }

    #[test]
    fn restoring_a_snapshot_is_one_undoable_step() {
        let mut session = Session::demo();
        let start = session.map().clone();
        session.apply(add("Legal")).unwrap();
        let kept = session.map().clone();
        session.add_snapshot("before workshop").unwrap();
        let id = session.snapshots()[0].id;
        session.apply(add("Audit")).unwrap();
        let worked_on = session.map().clone();

        session.restore_snapshot(id).unwrap();
        assert_eq!(session.map(), &kept);
        assert_eq!(session.analysis(), &analyze(&kept));
        let state = session.state();
        assert!(state.can_undo && !state.can_redo);
        assert_eq!(
            state.undo_label.as_deref(),
            Some("restore snapshot 'before workshop'")
        );
        assert_eq!(
            labels(&session),
            ["before workshop", "before restoring 'before workshop'"]
        );
        assert_eq!(session.document().snapshots[1].map, worked_on);

        // Undo brings back the map as it was before the restore, then the edits before it.
        assert!(session.undo());
        assert_eq!(session.map(), &worked_on);
        assert_eq!(session.analysis(), &analyze(&worked_on));
        assert_eq!(
            session.state().redo_label.as_deref(),
            Some("restore snapshot 'before workshop'")
        );
        assert!(session.undo());
        assert_eq!(session.map(), &kept);
        assert!(session.undo());
        assert_eq!(session.map(), &start);
        assert!(!session.undo());

        // Redo replays the edits and the restore; no second safety snapshot.
        assert!(session.redo() && session.redo());
        assert_eq!(session.map(), &worked_on);
        assert!(session.redo());
        assert_eq!(session.map(), &kept);
        assert!(!session.redo());
        assert_eq!(labels(&session).len(), 2);
    }

    #[test]
    fn an_undone_restore_still_leaves_the_document_unsaved() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("s.recimap");
        let mut session = Session::demo();
        session.add_snapshot("kept").unwrap();
        session.save(Some(&file)).unwrap();
        assert!(!session.dirty());
        session.restore_snapshot(1).unwrap();
        assert!(session.dirty());
        assert!(session.undo());
        assert_eq!(session.map(), &recimap_core::demo::demo_map());
        assert!(
            session.dirty(),
            "the safety snapshot is not in the file yet"
        );
        session.save(None).unwrap();
        let reopened = store::open(&file).unwrap();
        assert_eq!(reopened.snapshots.len(), 2);
        assert_eq!(reopened.map, recimap_core::demo::demo_map());
    }

    #[test]
    fn restoring_an_unknown_snapshot_changes_nothing() {
        let mut session = Session::demo();
        session.apply(add("Legal")).unwrap();
        let before = session.state();
        let err = session.restore_snapshot(7).unwrap_err();
        assert_eq!(err.payload().code, "no_snapshot", "{err}");
        assert_eq!(session.state(), before);
        assert!(session.snapshots().is_empty());
    }
}
