/**
 * The desktop shell's commands, one typed function each. This is the only
 * module that calls Tauri's `invoke` or listens to the shell's events.
 *
 * Every command that changes the document returns the new `AppState` (map,
 * analysis recomputed by the core, path, file name, dirty, can_undo,
 * can_redo). A failed command rejects with an `ErrorPayload` `{code, message}`
 * whose message is written for the user.
 *
 * Events the shell sends:
 * - `state-changed` (payload `AppState`): the document changed without the UI
 *   asking — a second launch handed over a file, for example;
 * - `close-requested` (no payload): the user closed the window with unsaved
 *   changes; the UI asks, then saves and/or calls `confirmClose()` (or does
 *   nothing to stay open);
 * - `open-requested` (payload: path): a second launch asked to open a file
 *   while this document has unsaved changes; the UI asks, then `openFile`.
 *
 * The shell also sets the window title (`name[ •] — Recimap`) after each change.
 */
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { Backend } from './backendApi';
import type { AppState, ComparisonView, Edit, ErrorPayload, ExportOptions, Picture } from './types';
import type { SnapshotInfo } from './bindings/SnapshotInfo';

export type { SnapshotInfo };

/** Calls a command; rejects with an `ErrorPayload` whatever went wrong. */
async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toPayload(e);
  }
}

/** The shell always rejects with `{code, message}`; anything else is a bug in the IPC itself. */
function toPayload(e: unknown): ErrorPayload {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as ErrorPayload;
  return { code: 'ipc', message: String(e) };
}

/** The open document as it stands (first call: the file given on the command line, or the demo map). */
export const loadState = () => call<AppState>('load_state');
/** Applies one edit; rejects with `bad_edit` / `invalid_map` when refused (the map is unchanged). */
export const applyEdit = (edit: Edit) => call<AppState>('apply_edit', { edit });
export const undo = () => call<AppState>('undo');
export const redo = () => call<AppState>('redo');
/** An empty untitled map (the UI asks about unsaved changes first). */
export const newMap = () => call<AppState>('new_map');
/** The embedded demo map, untitled. */
export const openDemo = () => call<AppState>('open_demo');
/** Opens a `.recimap` file (the UI asks about unsaved changes first). */
export const openFile = (path: string) => call<AppState>('open_file', { path });
/** Saves to `path`, or to the current path when `null` (rejects with `no_path` if there is none). */
export const saveFile = (path: string | null) => call<AppState>('save_file', { path });
/** Recently opened or saved files, most recent first, only those that still exist. */
export const recentFiles = () => call<string[]>('recent_files');
/** The unsaved work of a session that crashed, if any; taking it makes it the open document. */
export const takeRecovery = () => call<AppState | null>('take_recovery');
/** Throws the recovery copy away. */
export const discardRecovery = () => call<null>('discard_recovery');
/** Snapshots kept in the open document, oldest first. */
export const listSnapshots = () => call<SnapshotInfo[]>('list_snapshots');
/** Keeps the current map as a snapshot (kept in the file at the next save). */
export const addSnapshot = (label: string) => call<AppState>('add_snapshot', { label });
/**
 * Makes a snapshot the current map, as one undoable step: undo brings back the
 * map it replaced, redo restores again, earlier steps stay undoable. The
 * replaced map is also kept as a snapshot ("before restoring …").
 */
export const restoreSnapshot = (id: number) => call<AppState>('restore_snapshot', { id });
/**
 * Compares two snapshots; `null` stands for the current map. Comes back with
 * the later map and its analysis, to draw it coloured by change.
 */
export const compareSnapshots = (a: number | null, b: number | null) =>
  call<ComparisonView>('compare_snapshots', { a, b });
/**
 * Exports the open map (unsaved changes included) to `path` as a picture
 * (png, svg) or report (html, pdf), dated today; resolves with the size in
 * bytes. Rejects with `export_failed` or `io` and a message for the user.
 */
export const exportMap = (path: string, format: Picture, options: ExportOptions) =>
  call<number>('export_map', { path, format, options });
/** Closes the window even with unsaved changes (after the UI asked the user). */
export const confirmClose = () => call<null>('confirm_close');

/** Calls `handler` with the new state whenever the shell changes the document by itself. */
export function onStateChanged(handler: (state: AppState) => void): Promise<UnlistenFn> {
  return listen<AppState>('state-changed', (e) => handler(e.payload));
}

/** Calls `handler` when the user closes the window with unsaved changes. */
export function onCloseRequested(handler: () => void): Promise<UnlistenFn> {
  return listen('close-requested', () => handler());
}

/** Calls `handler` with the path a second launch asked to open (see the module doc). */
export function onOpenRequested(handler: (path: string) => void): Promise<UnlistenFn> {
  return listen<string>('open-requested', (e) => handler(e.payload));
}

/** The shell as a `Backend` for the UI's store. */
export const tauriBackend: Backend = {
  loadState,
  applyEdit,
  undo,
  redo,
  newMap,
  openDemo,
  openFile,
  saveFile,
  recentFiles,
  takeRecovery,
  discardRecovery,
  listSnapshots,
  addSnapshot,
  restoreSnapshot,
  compareSnapshots,
  exportMap,
  onStateChanged,
  onCloseRequested,
  onOpenRequested,
  confirmClose,
};
