//! Recimap's desktop shell (Tauri 2): thin commands over the core, the app's
//! state behind a mutex, native document handling (command-line file, a
//! second launch handing its file over, recent files, recovery copies,
//! closing with unsaved changes) and the official plugins (dialog,
//! single-instance, window-state, log). No scoring and no SQL here.
//!
//! - [`commands`] — the Tauri commands over the app's state,
//!   [`recimap_services::desktop::Desktop`] (which is testable without a window);
//! - [`ipc`] — the commands and events declared once, for Tauri and as the
//!   UI's TypeScript.

pub mod commands;
pub mod ipc;

use std::sync::Mutex;

use tauri::{Manager, RunEvent, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use recimap_services::desktop::{Desktop, Dirs, file_argument};

use crate::commands::{Managed, changed, lock};
use crate::ipc::{CLOSE_REQUESTED, OPEN_REQUESTED, STATE_CHANGED};

/// Starts the app: `recimap-app [FILE.recimap]`.
pub fn run() {
    let app = tauri::Builder::default()
        // First, so a second launch hands over its file before anything else starts.
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
            let Some(file) = file_argument(argv) else {
                return;
            };
            let file = std::path::Path::new(&cwd).join(file);
            hand_over(app, &file);
        }))
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::new().build())
        .setup(move |app| {
            let dirs = Dirs {
                data: app.path().app_data_dir()?,
                config: app.path().app_config_dir()?,
            };
            let file = file_argument(std::env::args());
            let (shell, problem) = Desktop::start(dirs, file.as_deref());
            log::info!("started on {}", shell.window_title());
            app.manage::<Managed>(Mutex::new(shell));
            if let Some(problem) = problem {
                app.dialog()
                    .message(problem.to_string())
                    .kind(MessageDialogKind::Error)
                    .title("Could not open the file")
                    .show(|_| {});
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<Managed>();
                if lock(&state).must_ask_before_closing() {
                    api.prevent_close();
                    CLOSE_REQUESTED.emit(window, ());
                }
            }
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the Tauri app could not be built");
    app.run(|app, event| {
        if let RunEvent::Exit = event {
            lock(&app.state::<Managed>()).exiting();
        }
    });
}

/// A second launch asked to open `file`: open it unless that would drop
/// unsaved changes, in which case the UI is asked (`open-requested`).
fn hand_over(app: &tauri::AppHandle, file: &std::path::Path) {
    let state = app.state::<Managed>();
    let mut shell = lock(&state);
    if shell.must_ask_before_closing() {
        OPEN_REQUESTED.emit(app, file.to_string_lossy().into_owned());
        return;
    }
    match shell.open_file(file) {
        Ok(new_state) => {
            changed(app, &shell);
            STATE_CHANGED.emit(app, new_state);
        }
        Err(problem) => {
            app.dialog()
                .message(problem.to_string())
                .kind(MessageDialogKind::Error)
                .title("Could not open the file")
                .show(|_| {});
        }
    }
}
