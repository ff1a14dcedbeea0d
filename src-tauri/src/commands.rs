//! The Tauri commands: each locks the [`Desktop`], calls one method and, after
//! a change, updates the window title and schedules the recovery copy. A
//! failure becomes the one IPC error type, [`ErrorPayload`], in [`fail`]. The
//! command names and argument names are the IPC contract of
//! `ui/src/lib/backend.ts`.

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
pub fn changed(app: &AppHandle, shell: &Desktop) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&shell.window_title());
    }
    let generation = shell.generation();
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(AUTOSAVE_DELAY);
        let state = app.state::<Managed>();
        if let Err(e) = lock(&state).autosave(generation) {
            log::error!("could not write the recovery copy: {e}");
        }
    });
}

/// Runs `f` on the locked state and reports the change.
fn change<T>(
    app: &AppHandle,
    state: &State<'_, Managed>,
    f: impl FnOnce(&mut Desktop) -> Result<T, Error>,
) -> CommandResult<T> {
    let mut shell = lock(state);
    let out = f(&mut shell).map_err(fail)?;
    changed(app, &shell);
    Ok(out)
}

#[tauri::command]
pub fn load_state(app: AppHandle, state: State<'_, Managed>) -> AppState {
    let shell = lock(&state);
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.set_title(&shell.window_title());
    }
    shell.state()
}

#[tauri::command]
pub fn apply_edit(
    app: AppHandle,
    state: State<'_, Managed>,
    edit: Edit,
) -> CommandResult<AppState> {
    change(&app, &state, |s| s.apply_edit(edit))
}

#[tauri::command]
pub fn undo(app: AppHandle, state: State<'_, Managed>) -> CommandResult<AppState> {
    change(&app, &state, |s| Ok(s.undo()))
}

#[tauri::command]
pub fn redo(app: AppHandle, state: State<'_, Managed>) -> CommandResult<AppState> {
    change(&app, &state, |s| Ok(s.redo()))
}

#[tauri::command]
pub fn new_map(app: AppHandle, state: State<'_, Managed>) -> CommandResult<AppState> {
    change(&app, &state, |s| Ok(s.new_map()))
}

#[tauri::command]
pub fn open_demo(app: AppHandle, state: State<'_, Managed>) -> CommandResult<AppState> {
    change(&app, &state, |s| Ok(s.open_demo()))
}

#[tauri::command]
pub fn open_file(
    app: AppHandle,
    state: State<'_, Managed>,
    path: PathBuf,
) -> CommandResult<AppState> {
    change(&app, &state, |s| s.open_file(&path))
}

#[tauri::command]
pub fn save_file(
    app: AppHandle,
    state: State<'_, Managed>,
    path: Option<PathBuf>,
) -> CommandResult<AppState> {
    change(&app, &state, |s| s.save_file(path.as_deref()))
}

#[tauri::command]
pub fn recent_files(state: State<'_, Managed>) -> Vec<String> {
    lock(&state).recent_files()
}

#[tauri::command]
pub fn take_recovery(app: AppHandle, state: State<'_, Managed>) -> CommandResult<Option<AppState>> {
    change(&app, &state, |s| s.take_recovery())
}

#[tauri::command]
pub fn discard_recovery(state: State<'_, Managed>) -> CommandResult<()> {
    lock(&state).discard_recovery().map_err(fail)
}

#[tauri::command]
pub fn list_snapshots(state: State<'_, Managed>) -> Vec<SnapshotInfo> {
    lock(&state).list_snapshots()
}

#[tauri::command]
pub fn add_snapshot(
    app: AppHandle,
    state: State<'_, Managed>,
    label: String,
) -> CommandResult<AppState> {
    change(&app, &state, |s| s.add_snapshot(&label))
}

#[tauri::command]
pub fn restore_snapshot(
    app: AppHandle,
    state: State<'_, Managed>,
    id: i64,
) -> CommandResult<AppState> {
    change(&app, &state, |s| s.restore_snapshot(id))
}

#[tauri::command]
pub fn compare_snapshots(
    state: State<'_, Managed>,
    a: MapState,
    b: MapState,
) -> CommandResult<ComparisonView> {
    lock(&state).compare_snapshots(a, b).map_err(fail)
}

/// Exports the open document to `path` (chosen in the save dialog), dated today.
#[tauri::command]
pub fn export_map(
    state: State<'_, Managed>,
    path: PathBuf,
    format: Picture,
    options: ExportOptions,
) -> CommandResult<u64> {
    lock(&state)
        .export(&path, format, options, today())
        .map_err(fail)
}

/// Closes the main window even with unsaved changes (the UI asked the user).
#[tauri::command]
pub fn confirm_close(app: AppHandle, state: State<'_, Managed>) -> CommandResult<()> {
    lock(&state).confirm_close();
    if let Some(window) = app.get_webview_window("main") {
        window
            .close()
            .map_err(|e| fail(Error::Window(format!("could not close the window: {e}"))))?;
    }
    Ok(())
}
