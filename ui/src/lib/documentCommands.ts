/**
 * The document commands: new map, open (a file, the demo, a recent file),
 * save, save as, the question before unsaved changes are lost, start-up (the
 * map, the recovery copy after a crash, the shell's events), recovery, exports
 * and keeping a before/after view of "the map now" up to date. Native dialogs
 * ask; the backend does the work; errors become toasts.
 */
import { mapState } from './backendApi';
import { askUnsaved, pickExportPath, pickOpenPath, pickSavePath } from './dialogs';
import { exportName, type ExportChoice } from './exports';
import { doc } from './stores/document.svelte';
import { errorMessage, notifications } from './stores/notifications.svelte';
import { view } from './stores/view.svelte';

/**
 * True when there is nothing unsaved, or the user saved it or agreed to lose
 * it; false when the user cancelled (or the save did not happen).
 */
export async function confirmDiscard(action = 'going on'): Promise<boolean> {
  const cur = doc.state;
  if (!cur?.dirty) return true;
  let choice;
  try {
    choice = await askUnsaved(cur.file_name, action);
  } catch (e) {
    notifications.toast(String(e));
    return false;
  }
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  await save();
  return !doc.state?.dirty;
}

export async function newMap() {
  if (!(await confirmDiscard('starting a new map'))) return;
  if (await doc.run((b) => b.newMap())) view.reset();
}

export async function openDemo() {
  if (!(await confirmDiscard('opening the demo map'))) return;
  if (await doc.run((b) => b.openDemo())) view.reset();
}

/** Opens the map at `path`; resolves `true` when it opened (the caller fits it to the window). */
export async function openPath(path: string): Promise<boolean> {
  if (!(await confirmDiscard('opening another map'))) return false;
  if (!(await doc.run((b) => b.openFile(path)))) return false;
  view.reset();
  doc.refreshRecent();
  return true;
}

/** Asks for a file and opens it; resolves `true` when a map was opened. */
export async function open(): Promise<boolean> {
  let path: string | null = null;
  try {
    path = await pickOpenPath();
  } catch (e) {
    notifications.toast(String(e));
  }
  return path ? openPath(path) : false;
}

export async function saveAs() {
  const st = doc.state;
  if (!st) return;
  let path: string | null = null;
  try {
    path = await pickSavePath(st.path ?? st.file_name.replace(/\.recimap$/i, ''));
  } catch (e) {
    notifications.toast(String(e));
  }
  if (!path) return;
  if (await doc.run((b) => b.saveFile(path))) {
    notifications.toast(`Saved as ${doc.state?.file_name}.`, 'info');
    doc.refreshRecent();
  }
}

/** Saves to the map's file, or asks where when it has none yet. */
export async function save() {
  const st = doc.state;
  if (!st) return;
  if (!st.path) return saveAs();
  if (await doc.run((b) => b.saveFile(null))) notifications.toast(`Saved ${doc.state?.file_name}.`, 'info');
}

/**
 * Loads the map on start, offers the recovery copy after a crash, and follows
 * the shell: a state changed elsewhere, a close asked for (after the unsaved
 * question), a file to open from a second launch (`openFile`).
 */
export async function startDocument(openFile: (path: string) => void) {
  const b = doc.backend;
  if (!b) return;
  try {
    doc.state = await b.loadState();
  } catch (e) {
    notifications.toast(e && typeof e === 'object' && 'message' in e ? String(e.message) : 'The map could not be loaded.');
  }
  doc.refreshRecent();
  try {
    // Taking the recovery copy makes it the open document; the dialog lets
    // the user keep it or go back to the last saved version.
    const rec = await b.takeRecovery();
    if (rec) {
      doc.state = rec;
      doc.recovery = rec;
    }
  } catch {
    /* no recovery to offer */
  }
  b.onStateChanged((s) => {
    doc.state = s;
    doc.refreshRecent();
  });
  b.onCloseRequested(async () => {
    if (await confirmDiscard('closing')) await b.confirmClose();
  });
  // The shell asks only when there are unsaved changes: confirmDiscard asks them.
  b.onOpenRequested(openFile);
}

/** The recovery dialog's answer: keep the recovered work, or go back to the last saved version. */
export async function recover(keep: boolean) {
  const rec = doc.recovery;
  doc.recovery = null;
  if (!rec) return;
  if (keep) {
    notifications.toast('Your unsaved work is back. Save it to keep it.', 'info');
    return;
  }
  try {
    await doc.backend?.discardRecovery();
  } catch {
    /* nothing left to discard */
  }
  // Back to the last saved version, or to the demo map for an unsaved one.
  const path = rec.path;
  await doc.run((b) => (path ? b.openFile(path) : b.openDemo()));
  view.reset();
}

/** Asks where to export, then has the core write the picture or report. */
export async function exportAs(c: ExportChoice) {
  const cur = doc.state;
  const b = doc.backend;
  if (!cur || !b) return;
  let path: string | null = null;
  try {
    path = await pickExportPath(exportName(cur.file_name, cur.map.title, c), c.format);
  } catch (e) {
    notifications.toast(String(e));
  }
  if (!path) return;
  try {
    const size = await b.exportMap(path, c.format, c.options);
    notifications.toast(`Exported ${path.split(/[\\/]/).pop()} (${Math.max(1, Math.round(size / 1024))} KB).`, 'info');
  } catch (e) {
    notifications.toast(errorMessage(e));
  }
}

/** Compares again when a before/after view shows "the map now" (it follows the map as it changes). */
export async function refreshComparison() {
  const c = view.comparison;
  const b = doc.backend;
  if (!c || !b || (c.before != null && c.after != null)) return;
  try {
    const result = await b.compareSnapshots(mapState(c.before), mapState(c.after));
    if (view.comparison === c) view.comparison = { ...c, view: result };
  } catch {
    view.comparison = null;
  }
}
