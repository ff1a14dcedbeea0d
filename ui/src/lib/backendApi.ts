/**
 * What the UI needs from a backend: the command set of the desktop shell
 * (`backend.ts`, over the generated `ipc/commands.ts`) or the in-browser mock
 * (`mockBackend.ts`, for development and screenshots). `main.ts` picks one.
 * Every method is required: a backend that cannot do something rejects with
 * an `ErrorPayload` saying so, and the UI shows it like any other error.
 */
import type { AppState, ComparisonView, Edit, ExportOptions, MapState, Picture, SnapshotInfo } from './types';

export interface Backend {
  loadState(): Promise<AppState>;
  applyEdit(edit: Edit): Promise<AppState>;
  undo(): Promise<AppState>;
  redo(): Promise<AppState>;
  newMap(): Promise<AppState>;
  openDemo(): Promise<AppState>;
  openFile(path: string): Promise<AppState>;
  saveFile(path: string | null): Promise<AppState>;
  /** Recently opened or saved files (full paths), most recent first. */
  recentFiles(): Promise<string[]>;
  takeRecovery(): Promise<AppState | null>;
  discardRecovery(): Promise<null>;
  /** Snapshots kept in the document, oldest first. */
  listSnapshots(): Promise<SnapshotInfo[]>;
  /** Keeps the current map as a snapshot; returns the new state (the document changed). */
  addSnapshot(label: string): Promise<AppState>;
  restoreSnapshot(id: number): Promise<AppState>;
  /** Compares two states of the document. */
  compareSnapshots(a: MapState, b: MapState): Promise<ComparisonView>;
  /** Writes the open map as a picture or report to `path`; resolves with its size in bytes. */
  exportMap(path: string, format: Picture, options: ExportOptions): Promise<number>;
  /** The shell's events; each resolves with the function that stops listening. */
  onStateChanged(handler: (state: AppState) => void): Promise<() => void>;
  onCloseRequested(handler: () => void): Promise<() => void>;
  /** A second launch asked to open this file while the document has unsaved changes. */
  onOpenRequested(handler: (path: string) => void): Promise<() => void>;
  confirmClose(): Promise<null>;
}

/** A snapshot id, or `null` for the map as it is now, as the backend names a state. */
export function mapState(id: number | null): MapState {
  return id == null ? 'current' : { snapshot: id };
}

/** A recent file as its path and a short name. */
export function recentEntry(path: string): { path: string; name: string } {
  return { path, name: path.split(/[\\/]/).pop() ?? path };
}
