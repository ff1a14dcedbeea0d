// Generated from src-tauri/src/commands.rs by scripts/gen-bindings.sh. Do not edit.
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { AppState } from '../bindings/AppState';
import type { ComparisonView } from '../bindings/ComparisonView';
import type { Edit } from '../bindings/Edit';
import type { ExportOptions } from '../bindings/ExportOptions';
import type { MapState } from '../bindings/MapState';
import type { Picture } from '../bindings/Picture';
import type { SnapshotInfo } from '../bindings/SnapshotInfo';

/** The shell's commands; each rejects with an `ErrorPayload` when it fails. */
export const commands = {
  /**
   * The open document as it stands (first call: the file given on the
   * command line, or the demo map); also sets the window title.
   */
  loadState: (): Promise<AppState> => invoke<AppState>('load_state'),
  /**
   * Applies one edit; rejects with `bad_edit` or `invalid_map` when it is
   * refused (the map is unchanged).
   */
  applyEdit: (edit: Edit): Promise<AppState> => invoke<AppState>('apply_edit', { edit }),
  /**
   * Undoes the last edit (the state comes back unchanged when there is none).
   */
  undo: (): Promise<AppState> => invoke<AppState>('undo'),
  /**
   * Redoes the last undone edit.
   */
  redo: (): Promise<AppState> => invoke<AppState>('redo'),
  /**
   * An empty untitled map (the UI asks about unsaved changes first).
   */
  newMap: (): Promise<AppState> => invoke<AppState>('new_map'),
  /**
   * The embedded demo map, untitled.
   */
  openDemo: (): Promise<AppState> => invoke<AppState>('open_demo'),
  /**
   * Opens a `.recimap` file (the UI asks about unsaved changes first); on
   * failure the open document stays as it was.
   */
  openFile: (path: string): Promise<AppState> => invoke<AppState>('open_file', { path }),
  /**
   * Saves to `path`, or to the current file when `null` (rejects with
   * `no_path` if there is none).
   */
  saveFile: (path: string | null): Promise<AppState> => invoke<AppState>('save_file', { path }),
  /**
   * Recently opened or saved files, most recent first, only those that
   * still exist.
   */
  recentFiles: (): Promise<Array<string>> => invoke<Array<string>>('recent_files'),
  /**
   * The unsaved work of a session that crashed, if any; taking it makes it
   * the open document.
   */
  takeRecovery: (): Promise<AppState | null> => invoke<AppState | null>('take_recovery'),
  /**
   * Throws the recovery copy away.
   */
  discardRecovery: (): Promise<null> => invoke<null>('discard_recovery'),
  /**
   * Snapshots kept in the open document, oldest first.
   */
  listSnapshots: (): Promise<Array<SnapshotInfo>> => invoke<Array<SnapshotInfo>>('list_snapshots'),
  /**
   * Keeps the current map as a snapshot (kept in the file at the next save).
   */
  addSnapshot: (label: string): Promise<AppState> => invoke<AppState>('add_snapshot', { label }),
  /**
   * Makes a snapshot the current map, as one undoable step; the replaced
   * map is also kept as a snapshot.
   */
  restoreSnapshot: (id: number): Promise<AppState> => invoke<AppState>('restore_snapshot', { id }),
  /**
   * Compares two states of the document; comes back with the later map
   * and its analysis, to draw it coloured by change.
   */
  compareSnapshots: (a: MapState, b: MapState): Promise<ComparisonView> => invoke<ComparisonView>('compare_snapshots', { a, b }),
  /**
   * Exports the open map (unsaved changes included) to `path` as a
   * picture or report, dated today; resolves with the size in bytes.
   */
  exportMap: (path: string, format: Picture, options: ExportOptions): Promise<number> => invoke<number>('export_map', { path, format, options }),
  /**
   * Closes the window even with unsaved changes (after the UI asked the user).
   */
  confirmClose: (): Promise<null> => invoke<null>('confirm_close'),
};

/** The events the shell sends; each returns the function that stops listening. */
export const events = {
  /** The document changed without the UI asking (a second launch handed over a file): the new state. */
  stateChanged: (handler: (payload: AppState) => void): Promise<UnlistenFn> =>
    listen<AppState>('state-changed', (e) => handler(e.payload)),
  /** The user closed the window with unsaved changes: ask, then save and/or `confirmClose()` (or do nothing to stay open). */
  closeRequested: (handler: (payload: null) => void): Promise<UnlistenFn> =>
    listen<null>('close-requested', (e) => handler(e.payload)),
  /** A second launch asked to open this file while the document has unsaved changes: ask, then `openFile`. */
  openRequested: (handler: (payload: string) => void): Promise<UnlistenFn> =>
    listen<string>('open-requested', (e) => handler(e.payload)),
};
