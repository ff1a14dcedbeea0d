//! The Tauri commands, each declared once with [`commands!`](crate::commands!):
//! its name, arguments, result and body over the locked [`Desktop`]. A
//! `change` command reports the change (window title, recovery copy a little
//! later); a `read` command does not. A failure becomes the one IPC error
//! type, [`ErrorPayload`], in [`fail`]. The UI calls them through the
//! generated `ui/src/lib/ipc/commands.ts` ([`crate::ipc`]).

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use recimap_core::MapState;
use recimap_core::edit::Edit;
use recimap_services::desktop::Desktop;
use recimap_services::export::{ExportOptions, Picture, today};
use recimap_services::session::{AppState, ComparisonView, SnapshotInfo};
use recimap_services::{Error, ErrorPayload};
use tauri::{AppHandle, Manager, State};

/// What a command returns to the UI.
pub type CommandResult<T> = Result<T, ErrorPayload>;

/// A failure as the UI receives it (and as the log records it).
pub fn fail(e: Error) -> ErrorPayload {
    let payload = ErrorPayload::from(e);
    log::warn!("command failed: {} ({})", payload.message, payload.code);
    payload
}

/// How long after the last change the recovery copy is written.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(2);

/// The app state as Tauri manages it.
pub type Managed = Mutex<Desktop>;

/// Locks the state; a panic in another command must not lock the user out
/// of their map, so a poisoned lock is taken over.
pub fn lock(state: &Managed) -> MutexGuard<'_, Desktop> {
    state.lock().unwrap_or_else(|p| p.into_inner())
}

/// After a change: the window title, and the recovery copy a little later.
pub fn changed(app: &AppHandle, desktop: &Desktop) {
    set_title(app, desktop);
    let generation = desktop.generation();
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(AUTOSAVE_DELAY);
        let state = app.state::<Managed>();
        if let Err(e) = lock(&state).autosave(generation) {
            log::error!("could not write the recovery copy: {e}");
        }
    });
}

fn set_title(app: &AppHandle, desktop: &Desktop) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&desktop.window_title());
    }
}

/// Runs `f` on the locked state and reports the change.
fn change<T>(
    app: &AppHandle,
    state: &State<'_, Managed>,
    f: impl FnOnce(&AppHandle, &mut Desktop) -> Result<T, Error>,
) -> CommandResult<T> {
    let mut desktop = lock(state);
    let out = f(app, &mut desktop).map_err(fail)?;
    changed(app, &desktop);
    Ok(out)
}

/// Runs `f` on the locked state; nothing changes.
fn read<T>(
    app: &AppHandle,
    state: &State<'_, Managed>,
    f: impl FnOnce(&AppHandle, &mut Desktop) -> Result<T, Error>,
) -> CommandResult<T> {
    f(app, &mut lock(state)).map_err(fail)
}

crate::commands! {
    /// The open document as it stands (first call: the file given on the
    /// command line, or the demo map); also sets the window title.
    read load_state() -> AppState => |app, d| {
        set_title(app, d);
        Ok(d.state())
    };
    /// Applies one edit; rejects with `bad_edit` or `invalid_map` when it is
    /// refused (the map is unchanged).
    change apply_edit(edit: Edit) -> AppState => |_, d| d.apply_edit(edit);
    /// Undoes the last edit (the state comes back unchanged when there is none).
    change undo() -> AppState => |_, d| Ok(d.undo());
    /// Redoes the last undone edit.
    change redo() -> AppState => |_, d| Ok(d.redo());
    /// An empty untitled map (the UI asks about unsaved changes first).
    change new_map() -> AppState => |_, d| Ok(d.new_map());
    /// The embedded demo map, untitled.
    change open_demo() -> AppState => |_, d| Ok(d.open_demo());
    /// Opens a `.recimap` file (the UI asks about unsaved changes first); on
    /// failure the open document stays as it was.
    change open_file(path: PathBuf) -> AppState => |_, d| d.open_file(&path);
    /// Saves to `path`, or to the current file when `null` (rejects with
    /// `no_path` if there is none).
    change save_file(path: Option<PathBuf>) -> AppState => |_, d| d.save_file(path.as_deref());
    /// Recently opened or saved files, most recent first, only those that
    /// still exist.
    read recent_files() -> Vec<String> => |_, d| Ok(d.recent_files());
    /// The unsaved work of a session that crashed, if any; taking it makes it
    /// the open document.
    change take_recovery() -> Option<AppState> => |_, d| d.take_recovery();
    /// Throws the recovery copy away.
    read discard_recovery() -> () => |_, d| d.discard_recovery();
    /// Snapshots kept in the open document, oldest first.
    read list_snapshots() -> Vec<SnapshotInfo> => |_, d| Ok(d.list_snapshots());
    /// Keeps the current map as a snapshot (kept in the file at the next save).
    change add_snapshot(label: String) -> AppState => |_, d| d.add_snapshot(&label);
    /// Makes a snapshot the current map, as one undoable step; the replaced
    /// map is also kept as a snapshot.
    change restore_snapshot(id: i64) -> AppState => |_, d| d.restore_snapshot(id);
    /// Compares two states of the document; comes back with the later map
    /// and its analysis, to draw it coloured by change.
    read compare_snapshots(a: MapState, b: MapState) -> ComparisonView
        => |_, d| d.compare_snapshots(a, b);
    /// Exports the open map (unsaved changes included) to `path` as a
    /// picture or report, dated today; resolves with the size in bytes.
    read export_map(path: PathBuf, format: Picture, options: ExportOptions) -> u64
        => |_, d| d.export(&path, format, options, today());
    /// Closes the window even with unsaved changes (after the UI asked the user).
    read confirm_close() -> () => |app, d| {
        d.confirm_close();
        match app.get_webview_window("main") {
            Some(window) => window
                .close()
                .map_err(|e| Error::Window(format!("could not close the window: {e}"))),
            None => Ok(()),
        }
    };
}
