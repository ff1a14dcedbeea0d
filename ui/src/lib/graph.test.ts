import { describe, expect, it } from 'vitest';
import {
  balanceColour,
  buildElements,
  diffElements,
  edgeId,
  edgeWidth,
  goneEdgeId,
  MAX_WIDTH,
  MIN_WIDTH,
  trendStyle,
  UNRATED_COLOUR,
  type DrawnElement,
} from './graph';
import type { AppState, DirectionChange } from './types';
import demo from './fixtures/demo-state.json';

const state = demo as unknown as AppState;

describe('balanceColour', () => {
  it.each([
    [0, '#d64c4c'],
    [0.5, '#e6a032'],
    [1, '#2e9e6e'],
    [0.25, '#de763f'],
    [-3, '#d64c4c'],
    [7, '#2e9e6e'],
    [null, UNRATED_COLOUR],
    [Number.NaN, UNRATED_COLOUR],
  ])('balance %s → %s', (b, colour) => {
    expect(balanceColour(b as number | null)).toBe(colour);
  });
});

describe('edgeWidth', () => {
  it.each([
    [null, 5, MIN_WIDTH],
    [0, 5, MIN_WIDTH],
    [5, 5, MAX_WIDTH],
    [2.5, 5, 5.25],
    [10, 5, MAX_WIDTH],
    [3, 0, MIN_WIDTH],
  ])('strength %s on scale %s → %s px', (s, scale, w) => {
    expect(edgeWidth(s, scale)).toBeCloseTo(w, 6);
  });
});

describe('buildElements on the demo map (fixture from the recimap CLI)', () => {
  const els = buildElements(state.map, state.analysis);

  it('draws one node per unit and one edge per direction, each direction its own edge', () => {
    expect(els.nodes.map((n) => n.data.id)).toEqual(state.map.units.map((u) => u.id));
    expect(els.edges).toHaveLength(state.map.links.length);
    const ids = new Set(els.edges.map((e) => e.data.id));
    expect(ids.size).toBe(state.map.links.length);
    const mutual = state.map.links.find((l) => state.map.links.some((r) => r.source === l.target && r.target === l.source))!;
    expect(ids.has(edgeId(mutual.source, mutual.target))).toBe(true);
    expect(ids.has(edgeId(mutual.target, mutual.source))).toBe(true);
  });

  it('takes each direction’s strength and the pair’s balance from the analysis', () => {
    for (const e of els.edges) {
      const p = state.analysis.pairs.find(
        (p) => (p.a === e.data.source && p.b === e.data.target) || (p.b === e.data.source && p.a === e.data.target),
      )!;
      expect(e.data.strength).toBe(p.a === e.data.source ? p.a_to_b : p.b_to_a);
      expect(e.data.balance).toBe(p.balance);
      expect(e.data.colour).toBe(balanceColour(p.balance));
      expect(e.data.width).toBe(edgeWidth(e.data.strength, 5));
    }
  });

  it('marks the directions whose reverse is drawn too, and only those', () => {
    const reverse = new Set(state.map.links.map((l) => edgeId(l.target, l.source)));
    const twoWay = els.edges.filter((e) => e.classes.split(' ').includes('two-way'));
    expect(twoWay.length).toBeGreaterThan(0);
    expect(twoWay.length).toBeLessThan(els.edges.length);
    for (const e of els.edges) expect(e.classes.split(' ').includes('two-way')).toBe(reverse.has(e.data.id));
  });

  it('marks the side that tells without being heard', () => {
    const oneSided = state.analysis.pairs.filter((p) => p.unheard);
    expect(oneSided.length).toBeGreaterThan(0);
    for (const p of oneSided) {
      const other = p.unheard === p.a ? p.b : p.a;
      const e = els.edges.find((e) => e.data.id === edgeId(p.unheard!, other));
      if (e) expect(e.classes.split(' ')).toContain('unheard');
    }
  });

  it('gives nodes their kind class and the badges the analysis gives their unit', () => {
    for (const n of els.nodes) expect(n.classes.split(' ')).toContain(`kind-${n.data.kind}`);
    const badges = new Map(els.nodes.map((n) => [n.data.id, n.data.badges]));
    for (const u of state.analysis.units) {
      expect(badges.get(u.id)).toEqual(u.badges);
      for (const b of u.badges) expect(els.nodes.find((n) => n.data.id === u.id)!.classes.split(' ')).toContain(`badge-${b}`);
    }
    // The demo map flags a single point of failure, a silo and an isolated unit.
    for (const id of state.analysis.articulation_points) expect(badges.get(id)).toContain('spof');
    const silo = state.analysis.findings.find((f) => f.kind === 'silo_group')!;
    for (const id of silo.units) expect(badges.get(id)).toContain('silo');
    for (const id of state.analysis.isolates) expect(badges.get(id)).toContain('isolated');
  });
});

describe('buildElements rules', () => {
  const base = structuredClone(state);
  base.map.units = [
    { id: 'a', name: '<img src=x onerror=alert(1)>', kind: 'business' },
    { id: 'b', name: 'IT', kind: 'it', position: { x: 10, y: 20 } },
  ];
  base.map.links = [
    { source: 'a', target: 'b', ratings: { frequency: null, why: null, listening: null, trust: null } },
    { source: 'b', target: 'a', ratings: { frequency: null, why: null, listening: null, trust: null }, weight: 40 },
  ];
  base.analysis.pairs = [{ a: 'a', b: 'b', a_to_b: null, b_to_a: 40, reciprocated: 0, balance: 0, unheard: 'b' }];
  base.analysis.findings = [];
  base.analysis.articulation_points = [];
  base.analysis.isolates = [];
  base.analysis.units = [];
  const els = buildElements(base.map, base.analysis);

  it('keeps names verbatim as labels (drawn as canvas text, never parsed)', () => {
    expect(els.nodes[0].data.label).toBe('<img src=x onerror=alert(1)>');
  });
  it('draws unrated directions grey and dashed at minimum width', () => {
    const e = els.edges.find((e) => e.data.id === edgeId('a', 'b'))!;
    expect(e.classes).toContain('unrated');
    expect(e.data.colour).toBe(UNRATED_COLOUR);
    expect(e.data.width).toBe(MIN_WIDTH);
  });
  it('scales raw weights to the largest on the map', () => {
    expect(els.edges.find((e) => e.data.id === edgeId('b', 'a'))!.data.width).toBe(MAX_WIDTH);
  });
  it('passes stored positions and leaves unplaced units to the canvas', () => {
    expect(els.nodes[0].position).toBeNull();
    expect(els.nodes[1].position).toEqual({ x: 10, y: 20 });
  });
});

describe('diffElements', () => {
  const els = buildElements(state.map, state.analysis);
  const drawnFrom = (e: typeof els) => {
    const m = new Map<string, DrawnElement>();
    for (const n of e.nodes) m.set(n.data.id, { data: { ...n.data }, classes: n.classes, position: n.position ?? undefined });
    for (const x of e.edges) m.set(x.data.id, { data: { ...x.data }, classes: x.classes });
    return m;
  };

  it('changes nothing when the picture is current', () => {
    expect(diffElements(drawnFrom(els), els)).toEqual({ addNodes: [], addEdges: [], remove: [], update: [], move: [] });
  });

  it('adds, removes, updates and moves only what changed', () => {
    const drawn = drawnFrom(els);
    const next = structuredClone(els);
    const removed = next.nodes.pop()!;
    next.edges = next.edges.filter((e) => e.data.source !== removed.data.id && e.data.target !== removed.data.id);
    next.nodes[0].data.label = 'Renamed';
    next.nodes[1].position = { x: next.nodes[1].position!.x + 50, y: next.nodes[1].position!.y };
    next.nodes.push({ group: 'nodes', data: { id: 'new', label: 'New', kind: 'it', group: '', badges: [] }, classes: 'kind-it', position: null });
    const d = diffElements(drawn, next);
    expect(d.addNodes.map((n) => n.data.id)).toEqual(['new']);
    expect(d.remove).toContain(removed.data.id);
    expect(d.remove.length).toBe(1 + els.edges.length - next.edges.length);
    expect(d.update.map((u) => u.data.id)).toEqual([next.nodes[0].data.id]);
    expect(d.move).toEqual([{ id: next.nodes[1].data.id, position: next.nodes[1].position }]);
  });

  it('ignores sub-pixel position differences', () => {
    const drawn = drawnFrom(els);
    const first = drawn.get(els.nodes[0].data.id)!;
    first.position = { x: first.position!.x + 0.2, y: first.position!.y - 0.2 };
    expect(diffElements(drawn, els).move).toEqual([]);
  });
});

describe('buildElements in a before/after view', () => {
  // The demo map as "after", with changes as the core reports them: the
  // first direction stronger, the second new, and a direction that is gone
  // between two units still on the map (the reverse of the third link, when
  // the map has none).
  const [l0, l1] = state.map.links;
  const goneLink = state.map.links.find((l) => !state.map.links.some((m) => m.source === l.target && m.target === l.source))!;
  const change = (source: string, target: string, trend: DirectionChange['trend'], before: number | null, after: number | null): DirectionChange => ({
    source,
    target,
    status: trend === 'new' ? 'added' : trend === 'gone' ? 'removed' : 'changed',
    before,
    after,
    delta: before != null && after != null ? after - before : null,
    trend,
  });
  const changes = [
    change(l0.source, l0.target, 'stronger', 1, 4),
    change(l1.source, l1.target, 'new', null, 3),
    change(goneLink.target, goneLink.source, 'gone', 5, null),
  ];
  const els = buildElements(state.map, state.analysis, changes);
  const byId = new Map(els.edges.map((e) => [e.data.id, e]));

  it('colours each direction by its trend, with the core style’s colours', () => {
    const stronger = byId.get(edgeId(l0.source, l0.target))!;
    expect(stronger.data).toMatchObject({ trend: 'stronger', colour: trendStyle('stronger').colour, before: 1, after: 4 });
    expect(stronger.classes).toContain('trend-stronger');
    expect(byId.get(edgeId(l1.source, l1.target))!.data.colour).toBe(trendStyle('new').colour);
    // Directions the comparison does not mention are unchanged.
    const others = els.edges.filter((e) => e.data.trend === 'same');
    expect(others.length).toBe(state.map.links.length - 2);
    expect(new Set(others.map((e) => e.data.colour))).toEqual(new Set([trendStyle('same').colour]));
  });

  it('draws a direction that is gone where it was, dashed, as wide as it was', () => {
    const gone = byId.get(goneEdgeId(goneLink.target, goneLink.source))!;
    expect(gone).toBeDefined();
    expect(gone.data).toMatchObject({ source: goneLink.target, target: goneLink.source, trend: 'gone', strength: null, width: MAX_WIDTH });
    expect(gone.classes.split(' ')).toEqual(['two-way', 'trend-gone']);
    expect(els.edges.length).toBe(state.map.links.length + 1);
  });

  it('leaves out a gone direction whose unit is gone too', () => {
    const without = buildElements(state.map, state.analysis, [change('no-such-unit', l0.source, 'gone', 2, null)]);
    expect(without.edges.length).toBe(state.map.links.length);
  });

  it('without changes, draws balance colours as before', () => {
    expect(buildElements(state.map, state.analysis).edges.every((e) => e.data.trend === undefined)).toBe(true);
  });
});
