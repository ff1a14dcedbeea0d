import { describe, expect, it } from 'vitest';
import { figureLabel, isComparison, shortDate, trend } from './snapshots';
import type { FigureChange } from './types';

const fc = (delta: number | null, higher: boolean | null): FigureChange => ({
  name: 'x',
  before: 0,
  after: delta,
  delta,
  higher_is_better: higher,
});

describe('snapshots', () => {
  it.each([
    [fc(0.2, true), 'better'],
    [fc(-0.2, true), 'worse'],
    [fc(-0.2, false), 'better'],
    [fc(0.2, false), 'worse'],
    [fc(0, true), 'same'],
    [fc(null, true), 'unjudged'],
    [fc(0.5, null), 'unjudged'],
  ])('trend %#', (c, t) => expect(trend(c)).toBe(t));

  it.each([
    ['weighted_reciprocity', 'Weighted reciprocity'],
    ['mutual_pairs', 'Two-way pairs'],
    ['some_new_figure', 'Some new figure'],
  ])('figureLabel(%s)', (n, l) => expect(figureLabel(n)).toBe(l));

  it('formats dates and leaves unreadable ones as they are', () => {
    expect(shortDate('2026-03-05T09:30:00Z', 'en-GB')).toMatch(/2026/);
    expect(shortDate('yesterday')).toBe('yesterday');
  });

  it('recognises a comparison', () => {
    expect(isComparison({ organisation: [], better: [], worse: [], directions: [] })).toBe(true);
    expect(isComparison({ organisation: [] })).toBe(false);
    expect(isComparison(null)).toBe(false);
  });
});
