/**
 * Keyboard shortcuts: which key press runs which command. Pure, so the table is
 * tested; `App.svelte` listens to keydown and runs the command.
 */

export type Command =
  | 'undo'
  | 'redo'
  | 'new'
  | 'open'
  | 'save'
  | 'save-as'
  | 'delete'
  | 'fit'
  | 'add-unit'
  | 'escape'
  | 'search'
  | 'present';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
  /** Whether focus is in a text field, where plain keys belong to the field. */
  inTextField?: boolean;
}

/**
 * The command for a key press, or `null`. Ctrl and ⌘ are the same modifier.
 * Plain keys (Delete, F, A) only act outside text fields; Ctrl+Z in a text
 * field is left to the field's own undo.
 */
export function commandFor(e: KeyPress): Command | null {
  const mod = !!(e.ctrlKey || e.metaKey);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.altKey) return null;
  if (mod) {
    if (key === 'z') return e.inTextField ? null : e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && !e.shiftKey) return e.inTextField ? null : 'redo';
    if (key === 'n' && !e.shiftKey) return 'new';
    if (key === 'o' && !e.shiftKey) return 'open';
    if (key === 's') return e.shiftKey ? 'save-as' : 'save';
    if (key === 'f' && !e.shiftKey) return 'search';
    return null;
  }
  if (key === 'Escape') return 'escape';
  if (key === 'F5' && !e.shiftKey) return 'present';
  if (e.inTextField) return null;
  if (key === 'Delete' || key === 'Backspace') return 'delete';
  if (key === 'f' && !e.shiftKey) return 'fit';
  if (key === 'a' && !e.shiftKey) return 'add-unit';
  return null;
}

/** Shortcut hints for tooltips. */
export const SHORTCUT_HINT: Partial<Record<Command, string>> = {
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Shift+Z',
  new: 'Ctrl+N',
  open: 'Ctrl+O',
  save: 'Ctrl+S',
  'save-as': 'Ctrl+Shift+S',
  delete: 'Delete',
  fit: 'F',
  'add-unit': 'A',
  search: 'Ctrl+F',
  present: 'F5',
};
