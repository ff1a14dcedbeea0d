/**
 * How numbers and titles are shown: figures with two decimals, undefined
 * figures as an em dash, and the window title with its unsaved mark.
 */

/** A figure for display: fixed decimals, `—` when undefined. */
export function fmt(v: number | null | undefined, digits = 2): string {
  if (v == null || !Number.isFinite(v)) return '—';
  const s = v.toFixed(digits);
  return s === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : s.replace('-', '−');
}

/** A ratio as a whole percentage, `—` when undefined. */
export function pct(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  return `${Math.round(v * 100)}%`;
}

/** The document's name with an unsaved-changes mark: `Northwind.recimap •`. */
export function docName(fileName: string, dirty: boolean): string {
  return `${fileName || 'Untitled'}${dirty ? ' •' : ''}`;
}

/** The window title: `<file name>[ •] — Recimap`. */
export function windowTitle(fileName: string, dirty: boolean): string {
  return `${docName(fileName, dirty)} — Recimap`;
}
