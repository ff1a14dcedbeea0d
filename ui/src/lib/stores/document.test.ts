import { beforeEach, describe, expect, it } from 'vitest';
import { doc } from './document.svelte';
import { view } from './view.svelte';
import { notifications } from './notifications.svelte';
import { createMockBackend } from '../mockBackend';
import { rate } from '../edits';
import type { AppState, Edit } from '../types';
import demo from '../fixtures/demo-state.json';

const initial = demo as unknown as AppState;
let sent: Edit[] = [];

beforeEach(async () => {
  const backend = createMockBackend(initial);
  sent = [];
  doc.backend = {
    ...backend,
    // A slow backend: quick successive edits would race without the queue.
    applyEdit: async (e) => {
      sent.push(e);
      await new Promise((r) => setTimeout(r, 5));
      return backend.applyEdit(e);
    },
  };
  doc.state = await backend.loadState();
  notifications.toasts = [];
  view.selection = null;
  view.focus = null;
});

describe('doc.edit', () => {
  it('builds each edit from the map left by the previous one, in order', async () => {
    const [l] = initial.map.links;
    const a = doc.edit((s) => rate(s.map, l.source, l.target, 'frequency', 0));
    const b = doc.edit((s) => rate(s.map, l.source, l.target, 'trust', 1));
    const c = doc.edit((s) => rate(s.map, l.source, l.target, 'why', null));
    expect(await Promise.all([a, b, c])).toEqual([true, true, true]);
    const link = doc.state!.map.links.find((x) => x.source === l.source && x.target === l.target)!;
    expect(link.ratings).toEqual({ ...l.ratings, frequency: 0, trust: 1, why: null });
    expect(sent).toHaveLength(3);
    expect(doc.state!.can_undo).toBe(true);
  });

  it('sends nothing for a null edit and shows a refusal as a toast', async () => {
    expect(await doc.edit(() => null)).toBe(false);
    expect(await doc.edit(() => 'A unit needs a name.')).toBe(false);
    expect(sent).toEqual([]);
    expect(notifications.toasts.map((t) => t.text)).toEqual(['A unit needs a name.']);
  });

  it('shows a backend rejection as a toast and keeps the state', async () => {
    const before = doc.state;
    const ok = await doc.edit({ op: 'add_unit', unit: { ...initial.map.units[0] } });
    expect(ok).toBe(false);
    expect(doc.state).toBe(before);
    expect(notifications.toasts[0].text).toMatch(/already on the map/);
  });

  it('drops a selection whose unit was deleted', async () => {
    const id = initial.map.units[0].id;
    view.select({ type: 'unit', id });
    await doc.edit({ op: 'delete_unit', id });
    expect(view.selection).toBeNull();
  });

  it('drops a focus on a deleted unit and keeps one on units still there', async () => {
    const [gone, kept] = initial.map.units;
    view.focus = { key: 'k', units: [kept.id], links: [] };
    await doc.edit({ op: 'delete_unit', id: gone.id });
    expect(view.focus?.units).toEqual([kept.id]);
    view.focus = { key: 'k', units: [gone.id, kept.id], links: [] };
    await doc.edit({ op: 'delete_unit', id: kept.id });
    expect(view.focus).toBeNull();
  });
});

describe('doc.run', () => {
  it('does nothing without a backend', async () => {
    doc.backend = null;
    const before = doc.state;
    expect(await doc.run((b) => b.undo())).toBe(false);
    expect(doc.state).toBe(before);
  });
});
