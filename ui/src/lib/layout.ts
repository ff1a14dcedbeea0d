/**
 * Layouts beyond Cytoscape's force-directed one: units clustered by group, and
 * rings around IT. Both are pure functions of the units (and, for the rings,
 * of the links), so they are tested and deterministic.
 */
import type { Link, Unit, UnitId, UnitKind } from './types';

export type LayoutName = 'force' | 'groups' | 'concentric';

export const LAYOUT_LABEL: Record<LayoutName, string> = {
  force: 'Force-directed',
  groups: 'By group',
  concentric: 'Around IT',
};

type Point = { x: number; y: number };

/**
 * Units clustered by group: each group on a small circle (radius grows with
 * its size), the groups on a grid in name order, units without a group last.
 */
export function groupLayout(units: Unit[], spacing = 130): globalThis.Map<UnitId, Point> {
  const groups = new globalThis.Map<string, Unit[]>();
  for (const u of units) {
    const g = u.group ?? '';
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(u);
  }
  const names = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const radius = (n: number) => (n <= 1 ? 0 : Math.max(spacing * 0.8, (n * spacing) / (2 * Math.PI)));
  const cell = 2 * Math.max(...names.map((g) => radius(groups.get(g)!.length))) + spacing * 2;
  const cols = Math.max(1, Math.ceil(Math.sqrt(names.length)));
  const out = new globalThis.Map<UnitId, Point>();
  names.forEach((g, gi) => {
    const members = groups.get(g)!;
    const cx = (gi % cols) * cell;
    const cy = Math.floor(gi / cols) * cell;
    const r = radius(members.length);
    members.forEach((u, i) => {
      const a = (2 * Math.PI * i) / members.length - Math.PI / 2;
      out.set(u.id, { x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)) });
    });
  });
  return out;
}

/**
 * Where units without a stored position go on a large imported map, in linear
 * time: clustered by group when the map has groups, on a square grid
 * `spacing` apart otherwise.
 */
export function initialLayout(units: Unit[], spacing = 130): globalThis.Map<UnitId, Point> {
  if (units.some((u) => u.group)) return groupLayout(units, spacing);
  const cols = Math.max(1, Math.ceil(Math.sqrt(units.length)));
  return new globalThis.Map(units.map((u, i) => [u.id, { x: (i % cols) * spacing, y: Math.floor(i / cols) * spacing }]));
}

/**
 * Ring of each unit around IT: 0 for IT units, then the number of steps (along
 * links in either direction) to the nearest IT unit; units not connected to
 * IT go on the outermost ring. Without IT units, digital units are the centre.
 */
export function ringsAroundIt(units: Unit[], links: Link[]): globalThis.Map<UnitId, number> {
  const centreKind: UnitKind = units.some((u) => u.kind === 'it') ? 'it' : 'digital';
  const adj = new globalThis.Map<UnitId, UnitId[]>(units.map((u) => [u.id, []]));
  for (const l of links) {
    adj.get(l.source)?.push(l.target);
    adj.get(l.target)?.push(l.source);
  }
  const ring = new globalThis.Map<UnitId, number>();
  let frontier = units.filter((u) => u.kind === centreKind).map((u) => u.id);
  frontier.forEach((id) => ring.set(id, 0));
  for (let d = 1; frontier.length; d++) {
    const next: UnitId[] = [];
    for (const id of frontier)
      for (const n of adj.get(id) ?? [])
        if (!ring.has(n)) {
          ring.set(n, d);
          next.push(n);
        }
    frontier = next;
  }
  const outer = Math.max(0, ...ring.values()) + 1;
  for (const u of units) if (!ring.has(u.id)) ring.set(u.id, outer);
  return ring;
}

/**
 * Positions on concentric rings from `ringsAroundIt`: each ring at least
 * `step` outside the previous one and wide enough to leave `arc` between
 * neighbours on it.
 */
export function concentricLayout(units: Unit[], links: Link[], step = 150, arc = 120): globalThis.Map<UnitId, Point> {
  const ring = ringsAroundIt(units, links);
  const byRing = new globalThis.Map<number, Unit[]>();
  for (const u of units) {
    const k = ring.get(u.id)!;
    if (!byRing.has(k)) byRing.set(k, []);
    byRing.get(k)!.push(u);
  }
  const out = new globalThis.Map<UnitId, Point>();
  const rings = [...byRing.keys()].sort((a, b) => a - b);
  let prev = -step;
  for (const k of rings) {
    const members = byRing.get(k)!;
    // The centre ring holds several units when there are several IT teams.
    const wide = members.length > 1 ? (members.length * arc) / (2 * Math.PI) : 0;
    const r = Math.max(prev + step, wide, 0);
    prev = r;
    members.forEach((u, i) => {
      const a = (2 * Math.PI * i) / members.length - Math.PI / 2 + k * 0.3;
      out.set(u.id, { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a)) });
    });
  }
  return out;
}

/** Most a focus zooms in, so a finding about two units still shows their surroundings. */
export const FOCUS_MAX_ZOOM = 1.25;

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The zoom and pan that show a bounding box in a `width × height` viewport
 * with `padding` pixels around it (a number, or per side — the legend covers
 * the bottom), never zooming in beyond `maxZoom` nor out beyond `minZoom`
 * (the canvas's own limit when fitting a whole map: a large one needs it).
 */
export function focusView(
  box: { x1: number; y1: number; w: number; h: number },
  width: number,
  height: number,
  padding: number | Padding = 110,
  maxZoom = FOCUS_MAX_ZOOM,
  minZoom = 0.1,
): { zoom: number; pan: Point } {
  const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
  const availW = Math.max(1, width - p.left - p.right);
  const availH = Math.max(1, height - p.top - p.bottom);
  const fit = Math.min(availW / Math.max(box.w, 1), availH / Math.max(box.h, 1));
  const zoom = Math.max(minZoom, Math.min(maxZoom, fit));
  const cx = box.x1 + box.w / 2;
  const cy = box.y1 + box.h / 2;
  return { zoom, pan: { x: p.left + availW / 2 - zoom * cx, y: p.top + availH / 2 - zoom * cy } };
}
