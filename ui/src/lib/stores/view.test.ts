import { beforeEach, describe, expect, it } from 'vitest';
import { view } from './view.svelte';
import type { AppState } from '../types';
import demo from '../fixtures/demo-state.json';

const state = demo as unknown as AppState;
const [a, b] = state.map.units.map((u) => u.id);

beforeEach(() => {
  view.reset();
  view.tab = 'scores';
});

describe('view.select', () => {
  it('opens the Selection tab for a unit or a relationship', () => {
    view.select({ type: 'pair', a, b });
    expect(view.selection).toEqual({ type: 'pair', a, b });
    expect(view.tab).toBe('selection');
  });

  it('leaves the tab alone when the selection is cleared', () => {
    view.select(null);
    expect(view.selection).toBeNull();
    expect(view.tab).toBe('scores');
  });
});

describe('view.dropStale', () => {
  it('keeps a selection and focus whose units are on the map', () => {
    view.select({ type: 'pair', a, b });
    view.focus = { key: 'f', units: [a, b], links: [[a, b]] };
    view.dropStale(state);
    expect(view.selection).toEqual({ type: 'pair', a, b });
    expect(view.focus?.key).toBe('f');
  });

  it('clears a relationship selection when either unit is gone', () => {
    view.select({ type: 'pair', a, b: 'no-such-unit' });
    view.dropStale(state);
    expect(view.selection).toBeNull();
  });

  it('clears everything on an empty map', () => {
    view.select({ type: 'unit', id: a });
    view.focus = { key: 'f', units: [a], links: [] };
    view.dropStale({ ...state, map: { ...state.map, units: [] } });
    expect(view.selection).toBeNull();
    expect(view.focus).toBeNull();
  });
});

describe('view.reset', () => {
  it('clears selection and focus and opens the findings', () => {
    view.select({ type: 'unit', id: a });
    view.focus = { key: 'f', units: [a], links: [] };
    view.reset();
    expect([view.selection, view.focus, view.tab]).toEqual([null, null, 'findings']);
  });
});
