import { describe, expect, it } from 'vitest';
import { convexHull, hullPath } from './hull';
import { badgeShapes, hullShapes } from './overlay';

describe('convexHull', () => {
  it('drops interior and collinear points', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 2, y: 0 },
      { x: 4, y: 4 },
      { x: 0, y: 4 },
      { x: 2, y: 2 },
    ];
    expect(convexHull(pts)).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 4 },
      { x: 0, y: 4 },
    ]);
  });
  it('keeps one or two points as they are', () => {
    expect(convexHull([{ x: 1, y: 1 }])).toEqual([{ x: 1, y: 1 }]);
  });
});

function bbox(path: string) {
  const nums = path.match(/-?\d+(\.\d+)?/g)!.map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x1: Math.min(...xs), x2: Math.max(...xs), y1: Math.min(...ys), y2: Math.max(...ys) };
}

describe('hullPath', () => {
  it('surrounds every point with the padding', () => {
    const pts = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 50, y: 80 },
    ];
    const b = bbox(hullPath(pts, 20));
    expect(b.x1).toBeCloseTo(-20, 0);
    expect(b.x2).toBeCloseTo(120, 0);
    expect(b.y1).toBeCloseTo(-20, 0);
    expect(b.y2).toBeCloseTo(100, 0);
  });
  it('is a circle-like ring for one point and empty for none', () => {
    const b = bbox(hullPath([{ x: 10, y: 10 }], 5));
    expect(b.x2 - b.x1).toBeCloseTo(10, 0);
    expect(hullPath([], 5)).toBe('');
  });
});

describe('overlay shapes', () => {
  const pos = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 100, y: 50 }],
  ]);
  it('draws a hull per set with drawn members, label above the top member', () => {
    const h = hullShapes(
      [
        { key: 'g1', label: 'Ops', members: ['a', 'b'] },
        { key: 'g2', label: 'Gone', members: ['zz'] },
      ],
      pos,
      30,
    );
    expect(h.map((x) => x.key)).toEqual(['g1']);
    expect(h[0].labelAt).toEqual({ x: 0, y: -36 });
  });
  it.each([
    ['a row: centred over the whole top row', [[0, 0], [100, 10], [50, 120]], { x: 50, y: -36 }],
    ['an arc: over its top end, not over the empty middle', [[300, 0], [200, 80], [100, 120], [0, 130]], { x: 300, y: -36 }],
    ['one unit: over it', [[7, 9]], { x: 7, y: -27 }],
  ])('places the label of %s', (_name, points, at) => {
    const positions = new Map(points.map(([x, y], i) => [`u${i}`, { x, y }]));
    const [h] = hullShapes([{ key: 'g', label: 'G', members: [...positions.keys()] }], positions, 30);
    expect(h.labelAt).toEqual(at);
  });
  it('stacks badges down the right of their node', () => {
    const b = badgeShapes([{ id: 'b', badges: ['spof', 'silo'] }], pos, 20);
    expect(b.map((x) => [x.badge, x.at.x, x.at.y])).toEqual([
      ['spof', 123, 37],
      ['silo', 123, 54],
    ]);
  });
});
