/**
 * Soft hulls around groups and communities: the convex hull of circles around
 * the member units, drawn as a smooth closed path. Pure geometry, tested.
 */
import { RENDER_STYLE } from './ipc/renderStyle';

export type Point = { x: number; y: number };

/** Convex hull (Andrew's monotone chain), counter-clockwise, no repeated point. */
export function convexHull(points: Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length <= 2) return pts;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/**
 * An SVG path around circles of radius `pad` at each point: the convex hull of
 * 12 points on each circle, its corners rounded by quadratic curves through the
 * edge midpoints. Empty string for no points.
 */
export function hullPath(points: Point[], pad: number): string {
  if (points.length === 0) return '';
  const ring: Point[] = [];
  for (const p of points)
    for (let i = 0; i < 12; i++) {
      const a = (i * Math.PI) / 6;
      ring.push({ x: p.x + pad * Math.cos(a), y: p.y + pad * Math.sin(a) });
    }
  const h = convexHull(ring);
  const n = h.length;
  const mid = (a: Point, b: Point) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  const f = (v: number) => v.toFixed(1);
  const start = mid(h[n - 1], h[0]);
  let d = `M${f(start.x)},${f(start.y)}`;
  for (let i = 0; i < n; i++) {
    const m = mid(h[i], h[(i + 1) % n]);
    d += ` Q${f(h[i].x)},${f(h[i].y)} ${f(m.x)},${f(m.y)}`;
  }
  return d + ' Z';
}

/** Soft, distinguishable hull colours (fill is drawn with low opacity): the core's `Style::hull_colours`. */
export const HULL_COLOURS = RENDER_STYLE.hull_colours;

export function hullColour(i: number): string {
  return HULL_COLOURS[i % HULL_COLOURS.length];
}
