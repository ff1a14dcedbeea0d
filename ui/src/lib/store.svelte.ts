/**
 * The UI's state: the `AppState` last returned by the backend, what is
 * selected, focused and filtered, and the toasts. Every change to the map goes
 * through `edit()` (or undo/redo/open/…), which sends it to the backend and
 * shows what comes back; errors become toasts. No score is computed here.
 */
import type { Backend, RecentFile } from './backendApi';
import { NO_FILTER, type UnitFilter } from './filter';
import type { LayoutName } from './layout';
import type { AppState, ComparisonView, Edit, ErrorPayload, UnitId } from './types';

export type Selection = { type: 'unit'; id: UnitId } | { type: 'pair'; a: UnitId; b: UnitId } | null;
export type Tab = 'selection' | 'scores' | 'findings' | 'map' | 'snapshots';
export type HullMode = 'groups' | 'communities' | 'off';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/**
 * A before/after view: two snapshots (`null` = the map now) and what the core
 * says changed between them. While it is set, the canvas shows the later map
 * coloured by change and cannot be edited.
 */
export interface Compared {
  before: number | null;
  after: number | null;
  view: ComparisonView;
}

/** A focus on some units, e.g. from a clicked finding; the rest of the map fades. */
export interface Focus {
  key: string;
  units: UnitId[];
  links: [UnitId, UnitId][];
}

class Store {
  // Replaced whole by every backend call, never mutated: no deep proxy (a
  // 10,000-link map would otherwise be wrapped field by field).
  state = $state.raw<AppState | null>(null);
  selection = $state<Selection>(null);
  focus = $state<Focus | null>(null);
  filter = $state<UnitFilter>({ ...NO_FILTER });
  tab = $state<Tab>('findings');
  hulls = $state<HullMode>('groups');
  layout = $state<LayoutName>('force');
  connectMode = $state(false);
  recent = $state<(string | RecentFile)[]>([]);
  toasts = $state<Toast[]>([]);
  recovery = $state.raw<AppState | null>(null);
  comparison = $state.raw<Compared | null>(null);
  busy = $state(false);
  backend: Backend | null = null;
  private toastSeq = 0;

  /** Shows a message that goes away by itself. */
  toast(text: string, kind: Toast['kind'] = 'error') {
    const id = ++this.toastSeq;
    this.toasts = [...this.toasts, { id, kind, text }];
    setTimeout(() => this.dismiss(id), kind === 'error' ? 8000 : 3500);
  }

  dismiss(id: number) {
    this.toasts = this.toasts.filter((t) => t.id !== id);
  }

  /** Backend calls run one after the other, in the order the user made them. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Runs a backend call that returns the new state, after every call made
   * before it has finished; shows errors as toasts. Resolves `true` when the
   * call succeeded.
   */
  run(call: (b: Backend) => Promise<AppState>): Promise<boolean> {
    const next = this.queue.then(() => this.runNow(call));
    this.queue = next;
    return next;
  }

  private async runNow(call: (b: Backend) => Promise<AppState>): Promise<boolean> {
    if (!this.backend) return false;
    try {
      this.busy = true;
      this.state = await call(this.backend);
      this.dropStaleSelection();
      return true;
    } catch (e) {
      this.toast(errorMessage(e));
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * Applies an edit. Pass a function to build the edit from the map as it is
   * when the edit's turn comes (after earlier edits have landed), so quick
   * successive changes never overwrite each other; it may return `null` (no
   * change) or a message (refused: shown as a toast).
   */
  async edit(edit: Edit | null | ((state: AppState) => Edit | string | null)): Promise<boolean> {
    if (typeof edit !== 'function') return edit ? this.run((b) => b.applyEdit(edit)) : false;
    let applied = false;
    await this.run(async (b) => {
      const cur = this.state!;
      const built = edit(cur);
      if (built === null) return cur;
      if (typeof built === 'string') throw { code: 'refused', message: built };
      const next = await b.applyEdit(built);
      applied = true;
      return next;
    });
    return applied;
  }

  /** Clears a selection or focus that names a unit no longer on the map. */
  private dropStaleSelection() {
    const ids = new Set(this.state?.map.units.map((u) => u.id) ?? []);
    const s = this.selection;
    if (s && ((s.type === 'unit' && !ids.has(s.id)) || (s.type === 'pair' && (!ids.has(s.a) || !ids.has(s.b)))))
      this.selection = null;
    if (this.focus && this.focus.units.some((u) => !ids.has(u))) this.focus = null;
  }

  select(sel: Selection) {
    this.selection = sel;
    if (sel) this.tab = 'selection';
  }

  async refreshRecent() {
    if (!this.backend) return;
    try {
      this.recent = await this.backend.recentFiles();
    } catch {
      this.recent = [];
    }
  }
}

/** The text to show for a rejected backend call. */
export function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const p = e as ErrorPayload;
    return String(p.message);
  }
  if (typeof e === 'string') return e;
  return 'Something went wrong. Try again; if it keeps happening, save your map under a new name.';
}

export const store = new Store();
