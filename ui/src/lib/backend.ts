/**
 * The desktop shell as the UI's `Backend`: the generated commands and events
 * (`ipc/commands.ts`, written from `src-tauri/src/commands.rs` by
 * `scripts/gen-bindings.sh`), with every rejection turned into an
 * `ErrorPayload`. The generated module is the only one that calls Tauri's
 * `invoke` or listens to the shell's events.
 *
 * Every command that changes the document returns the new `AppState` (map,
 * analysis recomputed by the core, path, file name, dirty, can_undo,
 * can_redo). The shell also sets the window title (`name[ •] — Recimap`)
 * after each change.
 */
import { commands, events } from './ipc/commands';
import type { Backend } from './backendApi';
import type { ErrorPayload } from './types';

/** Runs a command; rejects with an `ErrorPayload` whatever went wrong. */
function call<A extends unknown[], T>(command: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return async (...args: A) => {
    try {
      return await command(...args);
    } catch (e) {
      throw toPayload(e);
    }
  };
}

/** The shell always rejects with `{code, message}`; anything else is a bug in the IPC itself. */
function toPayload(e: unknown): ErrorPayload {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as ErrorPayload;
  return { code: 'ipc', message: String(e) };
}

/** The shell as a `Backend` for the UI's store. */
export const tauriBackend: Backend = {
  loadState: call(commands.loadState),
  applyEdit: call(commands.applyEdit),
  undo: call(commands.undo),
  redo: call(commands.redo),
  newMap: call(commands.newMap),
  openDemo: call(commands.openDemo),
  openFile: call(commands.openFile),
  saveFile: call(commands.saveFile),
  recentFiles: call(commands.recentFiles),
  takeRecovery: call(commands.takeRecovery),
  discardRecovery: call(commands.discardRecovery),
  listSnapshots: call(commands.listSnapshots),
  addSnapshot: call(commands.addSnapshot),
  restoreSnapshot: call(commands.restoreSnapshot),
  compareSnapshots: call(commands.compareSnapshots),
  exportMap: call(commands.exportMap),
  confirmClose: call(commands.confirmClose),
  onStateChanged: (handler) => events.stateChanged(handler),
  onCloseRequested: (handler) => events.closeRequested(() => handler()),
  onOpenRequested: (handler) => events.openRequested(handler),
};
