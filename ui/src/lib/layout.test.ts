import { describe, expect, it } from 'vitest';
import { concentricLayout, FOCUS_MAX_ZOOM, focusView, groupLayout, initialLayout, ringsAroundIt } from './layout';
import type { Link, Unit } from './types';

const u = (id: string, kind: Unit['kind'], group?: string): Unit => ({ id, name: id, kind, group });
const l = (source: string, target: string): Link => ({
  source,
  target,
  ratings: { frequency: 3, why: null, listening: null, trust: null },
});

const units = [u('it', 'it', 'Tech'), u('dig', 'digital', 'Tech'), u('fin', 'business', 'Corp'), u('hr', 'business', 'Corp'), u('wh', 'business', 'Ops'), u('cust', 'external')];
const links = [l('fin', 'it'), l('it', 'dig'), l('hr', 'fin'), l('wh', 'hr')];

describe('ringsAroundIt', () => {
  it('counts steps to the nearest IT unit along links either way; unlinked units go outside', () => {
    expect(Object.fromEntries(ringsAroundIt(units, links))).toEqual({ it: 0, dig: 1, fin: 1, hr: 2, wh: 3, cust: 4 });
  });
  it('centres on digital when there is no IT unit', () => {
    const noIt = units.filter((x) => x.kind !== 'it');
    expect(ringsAroundIt(noIt, links.filter((x) => x.source !== 'it' && x.target !== 'it')).get('dig')).toBe(0);
  });
});

describe('concentricLayout', () => {
  it('puts every ring outside the previous one, neighbours on a ring apart', () => {
    const pos = concentricLayout(units, links, 100, 80);
    const ring = ringsAroundIt(units, links);
    const r = (id: string) => Math.hypot(pos.get(id)!.x, pos.get(id)!.y);
    expect(r('it')).toBe(0);
    for (const a of units)
      for (const b of units)
        if (ring.get(a.id)! < ring.get(b.id)!) expect(r(b.id) - r(a.id)).toBeGreaterThanOrEqual(99);
    const many = Array.from({ length: 12 }, (_, i) => u(`b${i}`, 'business'));
    const p2 = concentricLayout([u('it', 'it'), ...many], many.map((m) => l(m.id, 'it')), 100, 80);
    const d = Math.hypot(p2.get('b0')!.x - p2.get('b1')!.x, p2.get('b0')!.y - p2.get('b1')!.y);
    expect(d).toBeGreaterThanOrEqual(78);
  });
});

describe('groupLayout', () => {
  it('keeps every unit closer to its own group than to any other group', () => {
    const pos = groupLayout(units);
    const d = (a: string, b: string) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    expect(d('it', 'dig')).toBeLessThan(Math.min(d('it', 'fin'), d('it', 'wh'), d('it', 'cust')));
    expect(d('fin', 'hr')).toBeLessThan(Math.min(d('fin', 'dig'), d('fin', 'wh'), d('fin', 'cust')));
    expect(pos.size).toBe(units.length);
    const distinct = new Set([...pos.values()].map((p) => `${p.x},${p.y}`));
    expect(distinct.size).toBe(units.length);
  });
});

describe('focusView', () => {
  it.each([
    ['small box: zoom capped, box centred', { x1: 0, y1: 0, w: 40, h: 200 }, 1000, 800, 10, FOCUS_MAX_ZOOM],
    ['large box: fits with padding', { x1: -500, y1: -100, w: 2000, h: 400 }, 1000, 800, 10, 0.49],
    ['per-side padding keeps the box clear of the legend', { x1: 0, y1: 0, w: 400, h: 400 }, 500, 400, { top: 0, right: 0, bottom: 200, left: 0 }, 0.5],
  ])('%s', (_, box, w, h, pad, zoom) => {
    const v = focusView(box, w, h, pad);
    expect(v.zoom).toBeCloseTo(zoom, 6);
    // the box centre lands on the centre of the padded viewport
    const p = typeof pad === 'number' ? { top: pad, right: pad, bottom: pad, left: pad } : pad;
    expect(v.pan.x + v.zoom * (box.x1 + box.w / 2)).toBeCloseTo(p.left + (w - p.left - p.right) / 2, 6);
    expect(v.pan.y + v.zoom * (box.y1 + box.h / 2)).toBeCloseTo(p.top + (h - p.top - p.bottom) / 2, 6);
  });
  it('zooms out no further than 0.1, or than the floor it is given', () => {
    const huge = { x1: 0, y1: 0, w: 20_000, h: 10_000 };
    expect(focusView(huge, 1000, 800, 0, 2).zoom).toBe(0.1);
    expect(focusView(huge, 1000, 800, 0, 2, 0.01).zoom).toBeCloseTo(0.05, 6);
    expect(focusView(huge, 1000, 800, 0, 2, 0.08).zoom).toBe(0.08);
  });
});

describe('initialLayout', () => {
  it('clusters by group when there are groups', () => {
    expect(initialLayout(units)).toEqual(groupLayout(units));
  });
  it('puts ungrouped units on a square grid', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => u(id, 'business'));
    expect(Object.fromEntries(initialLayout(five, 10))).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 10, y: 0 },
      c: { x: 20, y: 0 },
      d: { x: 0, y: 10 },
      e: { x: 10, y: 10 },
    });
  });
});
