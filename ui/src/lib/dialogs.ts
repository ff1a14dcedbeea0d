/**
 * Native dialogs (open, save, confirm) through Tauri's dialog plugin, with
 * browser fallbacks for the development preview outside the app.
 */
import { ask, message, open, save } from '@tauri-apps/plugin-dialog';
import type { Picture } from './types';

const FILTERS = [{ name: 'Recimap map', extensions: ['recimap'] }];

export function inTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

/** Asks for a `.recimap` file to open; `null` when cancelled. */
export async function pickOpenPath(): Promise<string | null> {
  if (!inTauri()) return window.prompt('Path of the .recimap file to open') || null;
  const p = await open({ multiple: false, directory: false, filters: FILTERS, title: 'Open map' });
  return typeof p === 'string' ? p : null;
}

/** Asks where to save; `null` when cancelled. Adds `.recimap` if missing. */
export async function pickSavePath(suggested: string): Promise<string | null> {
  const name = suggested.endsWith('.recimap') ? suggested : `${suggested || 'Untitled'}.recimap`;
  const p = inTauri()
    ? await save({ defaultPath: name, filters: FILTERS, title: 'Save map as' })
    : window.prompt('Save as (path)', name);
  if (!p) return null;
  return /\.recimap$/i.test(p) ? p : `${p}.recimap`;
}

/** A yes/no question; resolves `true` for yes. */
export async function confirmDialog(message: string, title: string, okLabel: string, cancelLabel = 'Cancel'): Promise<boolean> {
  if (!inTauri()) return window.confirm(message);
  return ask(message, { title, kind: 'warning', okLabel, cancelLabel });
}

export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export const SAVE_LABEL = 'Save';
export const DISCARD_LABEL = 'Don’t save';

/** Save, don't save, or cancel: the question before unsaved changes are lost. */
export async function askUnsaved(fileName: string, action: string): Promise<UnsavedChoice> {
  const text = `Save the changes to “${fileName}” before ${action}? If you don’t save, your changes are lost.`;
  if (!inTauri()) return window.confirm(`${text}\n\nOK discards the changes.`) ? 'discard' : 'cancel';
  const r = await message(text, {
    title: 'Unsaved changes',
    kind: 'warning',
    buttons: { yes: SAVE_LABEL, no: DISCARD_LABEL, cancel: 'Cancel' },
  });
  return unsavedChoice(r);
}

/** The choice for a message dialog's result (custom label or default button name). */
export function unsavedChoice(result: string): UnsavedChoice {
  if (result === SAVE_LABEL || result === 'Yes') return 'save';
  if (result === DISCARD_LABEL || result === 'No') return 'discard';
  return 'cancel';
}

/** What each export format is called in the save dialog, and its extension. */
export const EXPORT_FILTERS: Record<Picture, { name: string; extension: string }> = {
  png: { name: 'PNG picture', extension: 'png' },
  svg: { name: 'SVG picture', extension: 'svg' },
  html: { name: 'HTML report', extension: 'html' },
  pdf: { name: 'PDF report', extension: 'pdf' },
};

/** Asks where to export; `null` when cancelled. Adds the format's extension if missing. */
export async function pickExportPath(suggested: string, format: Picture): Promise<string | null> {
  const { name, extension } = EXPORT_FILTERS[format];
  const file = `${suggested}.${extension}`;
  const p = inTauri()
    ? await save({ defaultPath: file, filters: [{ name, extensions: [extension] }], title: `Export ${name.toLowerCase()}` })
    : window.prompt(`Export ${name.toLowerCase()} as (path)`, file);
  if (!p) return null;
  return p.toLowerCase().endsWith(`.${extension}`) ? p : `${p}.${extension}`;
}
