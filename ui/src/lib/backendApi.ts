/**
 * What the UI needs from a backend: the command set of the desktop shell
 * (`backend.ts`, the only module that calls Tauri) or the in-browser mock
 * (`mockBackend.ts`, for development and screenshots). `main.ts` picks one.
 */
import type { AppState, ComparisonView, Edit, ExportOptions, Picture, SnapshotInfo } from './types';

export interface RecentFile {
  path: string;
  name?: string;
}

export interface Backend {
  loadState(): Promise<AppState>;
  applyEdit(edit: Edit): Promise<AppState>;
  undo(): Promise<AppState>;
  redo(): Promise<AppState>;
  newMap(): Promise<AppState>;
  openDemo(): Promise<AppState>;
  openFile(path: string): Promise<AppState>;
  saveFile(path: string | null): Promise<AppState>;
  recentFiles(): Promise<(string | RecentFile)[]>;
  takeRecovery(): Promise<AppState | null>;
  discardRecovery(): Promise<unknown>;
  /** Snapshots kept in the document, oldest first. */
  listSnapshots?(): Promise<SnapshotInfo[]>;
  /** Keeps the current map as a snapshot; returns the new state (the document changed). */
  addSnapshot?(label: string): Promise<AppState>;
  restoreSnapshot?(id: number): Promise<AppState>;
  /** Compares two snapshots; `null` is the current map. */
  compareSnapshots?(a: number | null, b: number | null): Promise<ComparisonView>;
  /** Writes the open map as a picture or report to `path`; resolves with its size in bytes. */
  exportMap?(path: string, format: Picture, options: ExportOptions): Promise<number>;
  /** Shell events (absent in the browser mock). */
  onStateChanged?(handler: (state: AppState) => void): Promise<() => void>;
  onCloseRequested?(handler: () => void): Promise<() => void>;
  /** A second launch asked to open this file while the document has unsaved changes. */
  onOpenRequested?(handler: (path: string) => void): Promise<() => void>;
  confirmClose?(): Promise<unknown>;
}

/** A recent-file entry as a path and a short name, whatever shape the backend gives. */
export function recentEntry(r: string | RecentFile): { path: string; name: string } {
  const path = typeof r === 'string' ? r : r.path;
  const name = (typeof r === 'string' ? undefined : r.name) ?? path.split(/[\\/]/).pop() ?? path;
  return { path, name };
}
