/**
 * From an `AppState` to what Cytoscape draws: one node per unit, one edge per
 * direction, with data the stylesheet maps to shape, colour and width, and the
 * classes that mark silos and single points of failure. Pure functions only:
 * no Cytoscape here, so every rule is unit-tested.
 *
 * Nothing is scored here: strengths, balance and the flags all come from the
 * core's `Analysis`; this module only turns them into pixels and colours.
 */
import type { Analysis, DirectionChange, Map, PairScores, Trend, Unit, UnitId, UnitKind } from './types';
import { RENDER_STYLE } from './ipc/renderStyle';
import type { Badge } from './bindings/Badge';

/** Badge shown on a unit, most serious first (the core's `analysis::Badge`). */
export type { Badge };

export interface NodeData {
  id: string;
  label: string;
  kind: UnitKind;
  group: string;
  badges: Badge[];
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  /** Strength from the analysis, `null` when the direction is unrated. */
  strength: number | null;
  /** Line width in pixels. */
  width: number;
  /** Line colour from the pair's balance (or, before/after, from the trend). */
  colour: string;
  balance: number | null;
  /** Before/after only: how the direction changed, as the core judged it. */
  trend?: Trend;
  before?: number | null;
  after?: number | null;
}

export interface NodeDef {
  group: 'nodes';
  data: NodeData;
  classes: string;
  position: { x: number; y: number } | null;
}

export interface EdgeDef {
  group: 'edges';
  data: EdgeData;
  classes: string;
}

export interface Elements {
  nodes: NodeDef[];
  edges: EdgeDef[];
}

/** The id of the edge drawing `source → target`. */
export function edgeId(source: UnitId, target: UnitId): string {
  return `${source}\u2192${target}`;
}

/** Unordered key of the pair `{a, b}`. */
export function pairKey(a: UnitId, b: UnitId): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Colours of the balance scale, from one-way (0) to balanced (1): the core's `Style::balance_stops`. */
export const BALANCE_STOPS: [number, number[]][] = RENDER_STYLE.balance_stops.map((s) => [s.at, s.rgb]);

/** Colour of an edge whose pair has no balance (nothing rated yet). */
export const UNRATED_COLOUR = RENDER_STYLE.unrated_colour;

/** `#rrggbb` for red, green and blue 0–255. */
const hex = (rgb: number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/**
 * The colour of a pair's balance `min/max` (0 = one-way, 1 = balanced):
 * a linear blend between the `BALANCE_STOPS`; grey when undefined.
 */
export function balanceColour(balance: number | null | undefined): string {
  if (balance == null || !Number.isFinite(balance)) return UNRATED_COLOUR;
  const b = Math.min(1, Math.max(0, balance));
  for (let i = 1; i < BALANCE_STOPS.length; i++) {
    const [b1, c1] = BALANCE_STOPS[i];
    if (b <= b1) {
      const [b0, c0] = BALANCE_STOPS[i - 1];
      const t = (b - b0) / (b1 - b0);
      return hex(c0.map((v, k) => Math.round(v + t * (c1[k] - v))));
    }
  }
  return hex(BALANCE_STOPS[BALANCE_STOPS.length - 1][1]);
}

/** Above this many units the canvas switches to its fast mode (edges hidden while panning, 1× pixels). */
export const LARGE_MAP = 400;

export const MIN_WIDTH = RENDER_STYLE.min_width;
export const MAX_WIDTH = RENDER_STYLE.max_width;
/** Top of the rating scale: rated strengths run 0–5. */
export const RATING_MAX = 5;

/**
 * Line width for a strength: linear from `MIN_WIDTH` (0) to `MAX_WIDTH` at
 * `scale`, where `scale` is the top of the rating scale, or the largest
 * strength on the map when raw weights exceed it.
 */
export function edgeWidth(strength: number | null, scale: number): number {
  if (strength == null || !(scale > 0)) return MIN_WIDTH;
  const t = Math.min(1, Math.max(0, strength / scale));
  return Math.round((MIN_WIDTH + t * (MAX_WIDTH - MIN_WIDTH)) * 100) / 100;
}

/** The pair scores of `{a, b}` whichever way round they were stored. */
export function pairIndex(analysis: Analysis): globalThis.Map<string, PairScores> {
  const m = new globalThis.Map<string, PairScores>();
  for (const p of analysis.pairs) m.set(pairKey(p.a, p.b), p);
  return m;
}

/** Strength of `source → target` as the analysis reports it. */
export function directionStrength(p: PairScores | undefined, source: UnitId): number | null {
  if (!p) return null;
  return (p.a === source ? p.a_to_b : p.b_to_a) ?? null;
}

function nodeClasses(u: Unit, badges: Badge[]): string {
  return [`kind-${u.kind}`, ...badges.map((b) => `badge-${b}`)].join(' ');
}

/** The id of the dashed line drawn where a direction used to be (before/after). */
export function goneEdgeId(source: UnitId, target: UnitId): string {
  return `gone:${edgeId(source, target)}`;
}

/** How a trend is drawn (the core's `Style::trends`). */
export function trendStyle(t: Trend) {
  return RENDER_STYLE.trends.find((s) => s.trend === t) ?? RENDER_STYLE.trends[0];
}

/**
 * Every element to draw for this map and its analysis. With `changes` (the
 * directions of a before/after comparison whose "after" is this map) each
 * line takes its trend's colour instead of the balance colour, and a
 * direction that is gone is drawn dashed where it used to be, as the
 * exported pictures do.
 */
export function buildElements(map: Map, analysis: Analysis, changes: DirectionChange[] | null = null): Elements {
  const badges = new globalThis.Map(analysis.units.map((u) => [u.id, u.badges]));
  const pairs = pairIndex(analysis);
  const unitIds = new Set(map.units.map((u) => u.id));
  const nodes: NodeDef[] = map.units.map((u) => {
    const b = badges.get(u.id) ?? [];
    return {
      group: 'nodes',
      data: { id: u.id, label: u.name, kind: u.kind, group: u.group ?? '', badges: b },
      classes: nodeClasses(u, b),
      position: u.position ? { x: u.position.x, y: u.position.y } : null,
    };
  });
  const links = map.links.filter((l) => unitIds.has(l.source) && unitIds.has(l.target));
  const byDirection = new globalThis.Map((changes ?? []).map((c) => [edgeId(c.source, c.target), c]));
  const gone = (changes ?? []).filter((c) => c.trend === 'gone' && unitIds.has(c.source) && unitIds.has(c.target));
  const strengths = links.map((l) => directionStrength(pairs.get(pairKey(l.source, l.target)), l.source));
  const hasRaw = links.some((l) => l.weight != null);
  const maxStrength = Math.max(0, ...strengths.map((s) => s ?? 0), ...gone.map((c) => c.before ?? 0));
  const scale = hasRaw ? maxStrength : Math.max(RATING_MAX, maxStrength);
  // Directions whose reverse is drawn too (the comparison's gone ones included).
  const drawnDirections = new Set([...links, ...gone].map((d) => edgeId(d.source, d.target)));
  const twoWay = (source: UnitId, target: UnitId) => drawnDirections.has(edgeId(target, source));
  const edges: EdgeDef[] = links.map((l, i) => {
    const p = pairs.get(pairKey(l.source, l.target));
    const strength = strengths[i];
    const balance = p?.balance ?? null;
    const classes: string[] = [];
    if (twoWay(l.source, l.target)) classes.push('two-way');
    if (strength == null) classes.push('unrated');
    if (p && p.unheard != null && p.unheard === l.source) classes.push('unheard');
    const data: EdgeData = {
      id: edgeId(l.source, l.target),
      source: l.source,
      target: l.target,
      strength,
      width: edgeWidth(strength, scale),
      colour: strength == null ? UNRATED_COLOUR : balanceColour(balance),
      balance,
    };
    const change = byDirection.get(data.id);
    if (changes) {
      const trend = change?.trend ?? 'same';
      Object.assign(data, { colour: trendStyle(trend).colour, trend, before: change?.before ?? null, after: change?.after ?? null });
      classes.push(`trend-${trend}`);
    }
    return { group: 'edges', data, classes: classes.join(' ') };
  });
  for (const c of gone)
    edges.push({
      group: 'edges',
      data: {
        id: goneEdgeId(c.source, c.target),
        source: c.source,
        target: c.target,
        strength: null,
        width: edgeWidth(c.before, scale),
        colour: trendStyle('gone').colour,
        balance: null,
        trend: 'gone',
        before: c.before,
        after: null,
      },
      classes: twoWay(c.source, c.target) ? 'two-way trend-gone' : 'trend-gone',
    });
  return { nodes, edges };
}

/** What changed between the drawn elements and the wanted ones. */
export interface ElementDiff {
  addNodes: NodeDef[];
  addEdges: EdgeDef[];
  remove: string[];
  /** Existing elements whose data or classes changed. */
  update: (NodeDef | EdgeDef)[];
  /** Existing nodes whose stored position differs from where they are drawn. */
  move: { id: string; position: { x: number; y: number } }[];
}

export interface DrawnElement {
  data: Record<string, unknown>;
  classes: string;
  position?: { x: number; y: number };
}

/** Whether two field values are equal: primitives by value, arrays item by item. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

/** Whether every field of `wanted` has the same value in `drawn` (key order ignored). */
function sameData(drawn: Record<string, unknown>, wanted: object): boolean {
  for (const k in wanted) if (!sameValue(drawn[k], (wanted as Record<string, unknown>)[k])) return false;
  return true;
}

/**
 * The smallest set of changes that turns the drawn elements into the wanted
 * ones, so an edit never redraws the whole map nor loses positions. A node
 * moves only when the map stores a position more than half a pixel away from
 * where it is drawn (for example after undoing a drag).
 */
export function diffElements(
  drawn: globalThis.Map<string, DrawnElement>,
  wanted: Elements,
): ElementDiff {
  const diff: ElementDiff = { addNodes: [], addEdges: [], remove: [], update: [], move: [] };
  const keep = new Set<string>();
  for (const n of wanted.nodes) {
    keep.add(n.data.id);
    const d = drawn.get(n.data.id);
    if (!d) {
      diff.addNodes.push(n);
      continue;
    }
    if (!sameData(d.data, n.data) || d.classes !== n.classes) diff.update.push(n);
    if (n.position && d.position) {
      const dx = n.position.x - d.position.x;
      const dy = n.position.y - d.position.y;
      if (Math.hypot(dx, dy) > 0.5) diff.move.push({ id: n.data.id, position: n.position });
    }
  }
  for (const e of wanted.edges) {
    keep.add(e.data.id);
    const d = drawn.get(e.data.id);
    if (!d) diff.addEdges.push(e);
    else if (!sameData(d.data, e.data) || d.classes !== e.classes) diff.update.push(e);
  }
  for (const id of drawn.keys()) if (!keep.has(id)) diff.remove.push(id);
  return diff;
}
