//! The desktop app's state and what each of its commands does to it,
//! without a window: one [`Desktop`] holds the open [`Session`], the app's
//! folders, the recent-files list and the autosave bookkeeping. The Tauri
//! shell (`src-tauri`) locks it, calls one method per command and does the
//! window side effects; the tests call the methods directly, with temporary
//! folders and no window.

use std::path::{Path, PathBuf};

use recimap_core::MapState;
use recimap_core::edit::Edit;

use crate::error::{Error, Result};
use crate::export::{self, ExportOptions, Picture};
use crate::recent::RecentFiles;
use crate::session::{AppState, ComparisonView, Recovery, Session, SnapshotInfo};

/// Where the app keeps its own files.
#[derive(Debug, Clone)]
pub struct Dirs {
    /// The app's data folder: recovery copies.
    pub data: PathBuf,
    /// The app's config folder: the recent-files list.
    pub config: PathBuf,
}

impl Dirs {
    /// Recovery copies of the document being edited.
    pub fn recovery(&self) -> PathBuf {
        self.data.join("recovery")
    }

    /// A recovery copy left by a run that ended without saving, set aside at
    /// start so that the new run's autosave cannot overwrite it before the
    /// user decides.
    pub fn offered(&self) -> PathBuf {
        self.data.join("recovery-offered")
    }
}

/// The app's state.
#[derive(Debug)]
pub struct Desktop {
    session: Session,
    dirs: Dirs,
    recent: RecentFiles,
    /// Increases with every change; an autosave scheduled for an older
    /// generation is skipped (a newer change has its own).
    generation: u64,
    /// The user confirmed closing with unsaved changes.
    closing: bool,
}

impl Desktop {
    /// Starts on `file` if given (the command line or a double-click), else on
    /// the demo map. A file that cannot be opened leaves the demo map open and
    /// is returned as the error to show. A recovery copy left by a previous
    /// run is set aside for [`Desktop::take_recovery`].
    pub fn start(dirs: Dirs, file: Option<&Path>) -> (Desktop, Option<Error>) {
        set_aside_recovery(&dirs);
        let recent = RecentFiles::load(dirs.config.join("recent.json"));
        let mut shell = Desktop {
            session: Session::demo(),
            dirs,
            recent,
            generation: 0,
            closing: false,
        };
        let problem = file.and_then(|f| shell.open_file(f).err());
        (shell, problem)
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    pub fn state(&self) -> AppState {
        self.session.state()
    }

    /// The window title for the current document.
    pub fn window_title(&self) -> String {
        self.session.window_title()
    }

    /// Marks a change; returns the generation an autosave should check.
    fn touch(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// The generation of the last change (see [`Desktop::autosave`]).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn apply_edit(&mut self, edit: Edit) -> Result<AppState> {
        self.session.apply(edit)?;
        self.touch();
        Ok(self.state())
    }

    /// Undoes the last edit; with nothing to undo the state comes back unchanged.
    pub fn undo(&mut self) -> AppState {
        if self.session.undo() {
            self.touch();
        }
        self.state()
    }

    pub fn redo(&mut self) -> AppState {
        if self.session.redo() {
            self.touch();
        }
        self.state()
    }

    /// Replaces the document (the UI asked about unsaved changes first); its
    /// recovery copy goes with it.
    fn replace(&mut self, session: Session) -> AppState {
        self.session = session;
        let _ = Recovery::discard(&self.dirs.recovery());
        self.touch();
        self.state()
    }

    pub fn new_map(&mut self) -> AppState {
        self.replace(Session::new_map())
    }

    pub fn open_demo(&mut self) -> AppState {
        self.replace(Session::demo())
    }

    /// Opens a project file; on failure the open document stays as it was.
    pub fn open_file(&mut self, path: &Path) -> Result<AppState> {
        if self.session.path() == Some(std::path::absolute(path).unwrap_or_default().as_path()) {
            // Already open here: its lock is ours; reopening means reverting.
            let previous = std::mem::replace(&mut self.session, Session::new_map());
            drop(previous);
        }
        let session = Session::open(path)?;
        let state = self.replace(session);
        self.remember(path);
        Ok(state)
    }

    /// Saves to `path`, or to the current file when `None`.
    pub fn save_file(&mut self, path: Option<&Path>) -> Result<AppState> {
        self.session.save(path)?;
        let _ = Recovery::discard(&self.dirs.recovery());
        if let Some(p) = self.session.path().map(Path::to_path_buf) {
            self.remember(&p);
        }
        self.touch();
        Ok(self.state())
    }

    fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if let Err(e) = self.recent.add(&path) {
            log::warn!("could not update the recent-files list: {e}");
        }
    }

    pub fn recent_files(&self) -> Vec<String> {
        self.recent.existing()
    }

    /// Whether a recovery copy from a previous run waits to be taken.
    pub fn recovery_offered(&self) -> bool {
        Recovery::find(&self.dirs.offered()).is_some()
    }

    /// Makes the work recovered from a previous run the open document (dirty),
    /// or returns `None` if there is none.
    pub fn take_recovery(&mut self) -> Result<Option<AppState>> {
        let offered = self.dirs.offered();
        if Recovery::find(&offered).is_none() {
            return Ok(None);
        }
        // Release the current document's lock first: it may be the very file
        // the recovered work belongs to.
        let previous = std::mem::replace(&mut self.session, Session::new_map());
        let recovered = match Session::take_recovery(&offered) {
            Ok(s) => s,
            Err(e) => {
                self.session = previous;
                return Err(e);
            }
        };
        drop(previous);
        self.session = recovered;
        let _ = Recovery::discard(&offered);
        self.touch();
        Ok(Some(self.state()))
    }

    pub fn discard_recovery(&mut self) -> Result<()> {
        Recovery::discard(&self.dirs.offered())
    }

    pub fn list_snapshots(&self) -> Vec<SnapshotInfo> {
        self.session.snapshots()
    }

    pub fn add_snapshot(&mut self, label: &str) -> Result<AppState> {
        self.session.add_snapshot(label)?;
        self.touch();
        Ok(self.state())
    }

    pub fn restore_snapshot(&mut self, id: i64) -> Result<AppState> {
        self.session.restore_snapshot(id)?;
        self.touch();
        Ok(self.state())
    }

    /// Compares two states of the document.
    pub fn compare_snapshots(&self, a: MapState, b: MapState) -> Result<ComparisonView> {
        self.session.comparison_view(a, b)
    }

    /// Exports the open document (unsaved changes included) as a picture or
    /// report dated `date`, the way `recimap export` does; returns the size
    /// written in bytes.
    pub fn export(
        &self,
        path: &Path,
        format: Picture,
        mut options: ExportOptions,
        date: String,
    ) -> Result<u64> {
        options.date = Some(date);
        let size = export::write(self.session.document(), format, &options, path)?;
        log::info!("exported {} ({size} bytes)", path.display());
        Ok(size as u64)
    }

    /// Writes the recovery copy if `generation` is still the latest change
    /// and something is unsaved; returns whether it wrote (or removed) it.
    pub fn autosave(&mut self, generation: u64) -> Result<bool> {
        if generation != self.generation || !self.session.recovery_due() {
            return Ok(false);
        }
        self.session.write_recovery(&self.dirs.recovery())?;
        Ok(true)
    }

    /// Whether closing the window must wait for the user (unsaved changes).
    pub fn must_ask_before_closing(&self) -> bool {
        self.session.dirty() && !self.closing
    }

    /// The user chose to close without saving: close, and drop the recovery copy.
    pub fn confirm_close(&mut self) {
        self.closing = true;
        let _ = Recovery::discard(&self.dirs.recovery());
    }

    /// The app is exiting normally: a recovery copy of a saved document is not needed.
    pub fn exiting(&mut self) {
        if !self.session.dirty() || self.closing {
            let _ = Recovery::discard(&self.dirs.recovery());
        }
    }
}

/// Moves a recovery copy left by the previous run to [`Dirs::offered`].
fn set_aside_recovery(dirs: &Dirs) {
    let (from, to) = (dirs.recovery(), dirs.offered());
    if Recovery::find(&from).is_none() {
        return;
    }
    let _ = std::fs::remove_dir_all(&to);
    if let Err(e) = std::fs::rename(&from, &to) {
        log::warn!(
            "could not set the recovery copy {} aside: {e}",
            from.display()
        );
    }
}

/// The document named on a command line (`recimap-app FILE.recimap`): the
/// first argument after the program that is not an option.
pub fn file_argument<I: IntoIterator<Item = String>>(args: I) -> Option<PathBuf> {
    args.into_iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && !a.is_empty())
        .map(PathBuf::from)
}
