/**
 * The open document: the `AppState` last returned by the backend, the queue
 * that sends backend calls one after the other, the recent files and the
 * recovery copy offered after a crash. Every change to the map goes through
 * `edit()` (or `run()` for undo/redo/open/save/…), which sends it to the
 * backend and shows what comes back; errors become toasts. No score is
 * computed here.
 */
import type { Backend } from '../backendApi';
import type { AppState, Edit } from '../types';
import { errorMessage, notifications } from './notifications.svelte';
import { view } from './view.svelte';

class DocumentStore {
  // Replaced whole by every backend call, never mutated: no deep proxy (a
  // 10,000-link map would otherwise be wrapped field by field).
  state = $state.raw<AppState | null>(null);
  recent = $state<string[]>([]);
  recovery = $state.raw<AppState | null>(null);
  busy = $state(false);
  backend: Backend | null = null;

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
      view.dropStale(this.state);
      return true;
    } catch (e) {
      notifications.toast(errorMessage(e));
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

  async refreshRecent() {
    if (!this.backend) return;
    try {
      this.recent = await this.backend.recentFiles();
    } catch {
      this.recent = [];
    }
  }
}

export const doc = new DocumentStore();
