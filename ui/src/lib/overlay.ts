/**
 * What the SVG overlay above the canvas draws, in model coordinates: a soft
 * hull with a name per group (or per detected community) and the badges of
 * flagged units. Pure: positions in, shapes out.
 */
import type { Badge } from './graph';
import { hullColour, hullPath, type Point } from './hull';
import { RENDER_STYLE } from './ipc/renderStyle';

export interface HullShape {
  key: string;
  label: string;
  path: string;
  colour: string;
  labelAt: Point;
}

export interface BadgeShape {
  key: string;
  at: Point;
  badge: Badge;
  text: string;
}

const byBadge = <K extends 'text' | 'hint' | 'colour'>(k: K) =>
  Object.fromEntries(RENDER_STYLE.badges.map((b) => [b.badge, b[k]])) as Record<Badge, string>;

/** A badge's pill text, explanation and colour: the core's `Style::badges`. */
export const BADGE_TEXT = byBadge('text');
export const BADGE_HINT = byBadge('hint');
export const BADGE_COLOUR = byBadge('colour');

/**
 * Hulls around each set of at least `minSize` members that are drawn, padded
 * by `pad` around the node centres. The label sits above the hull's top: over
 * the members within `pad` of the topmost one, centred on them (the whole
 * top row of a group laid out in rows, the top unit of a group along an arc).
 * The core's SVG places it by the same rule.
 */
export function hullShapes(
  sets: { key: string; label: string; members: string[] }[],
  positions: globalThis.Map<string, Point>,
  pad: number,
  minSize = 1,
): HullShape[] {
  const out: HullShape[] = [];
  sets.forEach((s, i) => {
    const pts = s.members.map((m) => positions.get(m)).filter((p): p is Point => !!p);
    if (pts.length < minSize || pts.length === 0) return;
    const top = Math.min(...pts.map((p) => p.y));
    const topRow = pts.filter((p) => p.y <= top + pad);
    const cx = topRow.reduce((a, p) => a + p.x, 0) / topRow.length;
    out.push({
      key: s.key,
      label: s.label,
      path: hullPath(pts, pad),
      colour: hullColour(i),
      labelAt: { x: cx, y: top - pad - 6 },
    });
  });
  return out;
}

/**
 * Badges stacked down the right-hand side of each flagged node (node half-size
 * `half`), starting level with its top edge, so they never cover the node, its
 * label below it or a hull label above it. `at` is the badge's left middle.
 */
export function badgeShapes(
  badges: { id: string; badges: Badge[] }[],
  positions: globalThis.Map<string, Point>,
  half: number,
): BadgeShape[] {
  const out: BadgeShape[] = [];
  for (const { id, badges: list } of badges) {
    const p = positions.get(id);
    if (!p) continue;
    list.forEach((b, i) => {
      out.push({ key: `${id}:${b}`, badge: b, text: BADGE_TEXT[b], at: { x: p.x + half + 3, y: p.y - half + 7 + i * 17 } });
    });
  }
  return out;
}
