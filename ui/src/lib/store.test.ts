import { beforeEach, describe, expect, it } from 'vitest';
import { store } from './store.svelte';
import { createMockBackend } from './mockBackend';
import { rate } from './edits';
import type { AppState, Edit } from './types';
import demo from './fixtures/demo-state.json';

const initial = demo as unknown as AppState;
let sent: Edit[] = [];

beforeEach(async () => {
  const backend = createMockBackend(initial);
  sent = [];
  store.backend = {
    ...backend,
    // A slow backend: quick successive edits would race without the queue.
    applyEdit: async (e) => {
      sent.push(e);
      await new Promise((r) => setTimeout(r, 5));
      return backend.applyEdit(e);
    },
  };
  store.state = await backend.loadState();
  store.toasts = [];
});

describe('store.edit', () => {
  it('builds each edit from the map left by the previous one, in order', async () => {
    const [l] = initial.map.links;
    const a = store.edit((s) => rate(s.map, l.source, l.target, 'frequency', 0));
    const b = store.edit((s) => rate(s.map, l.source, l.target, 'trust', 1));
    const c = store.edit((s) => rate(s.map, l.source, l.target, 'why', null));
    expect(await Promise.all([a, b, c])).toEqual([true, true, true]);
    const link = store.state!.map.links.find((x) => x.source === l.source && x.target === l.target)!;
    expect(link.ratings).toEqual({ ...l.ratings, frequency: 0, trust: 1, why: null });
    expect(sent).toHaveLength(3);
    expect(store.state!.can_undo).toBe(true);
  });

  it('sends nothing for a null edit and shows a refusal as a toast', async () => {
    expect(await store.edit(() => null)).toBe(false);
    expect(await store.edit(() => 'A unit needs a name.')).toBe(false);
    expect(sent).toEqual([]);
    expect(store.toasts.map((t) => t.text)).toEqual(['A unit needs a name.']);
  });

  it('shows a backend rejection as a toast and keeps the state', async () => {
    const before = store.state;
    const ok = await store.edit({ op: 'add_unit', unit: { ...initial.map.units[0] } });
    expect(ok).toBe(false);
    expect(store.state).toBe(before);
    expect(store.toasts[0].text).toMatch(/already on the map/);
  });

  it('drops a selection whose unit was deleted', async () => {
    const id = initial.map.units[0].id;
    store.select({ type: 'unit', id });
    await store.edit({ op: 'delete_unit', id });
    expect(store.selection).toBeNull();
  });
});
