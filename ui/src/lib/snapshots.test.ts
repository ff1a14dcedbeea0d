import { describe, expect, it } from 'vitest';
import { figureDelta, figureLabel, figureValue, shortDate, trendSummary } from './snapshots';
import type { DirectionChange } from './types';
import { VOCABULARY } from './ipc/vocabulary';

describe('snapshots', () => {
  it.each([
    ['weighted_reciprocity', VOCABULARY.headline[0].label],
    ['mutual_pairs', VOCABULARY.figures.find((f) => f.key === 'mutual_pairs')!.label],
    ['some_new_figure', 'Some new figure'],
  ])('figureLabel(%s)', (n, l) => expect(figureLabel(n)).toBe(l));

  it('formats dates and leaves unreadable ones as they are', () => {
    expect(shortDate('2026-03-05T09:30:00Z', 'en-GB')).toMatch(/2026/);
    expect(shortDate('yesterday')).toBe('yesterday');
  });

  const dir = (trend: DirectionChange['trend']): DirectionChange => ({
    source: 'a',
    target: 'b',
    status: trend === 'new' ? 'added' : trend === 'gone' ? 'removed' : 'changed',
    before: null,
    after: null,
    delta: null,
    trend,
  });

  it.each([
    [['stronger', 'stronger', 'same', 'gone'], '2 stronger · 1 gone'],
    [['weaker', 'new', 'stronger'], '1 stronger · 1 weaker · 1 new'],
    [['same', 'same'], 'no relationship changed'],
    [[], 'no relationship changed'],
  ] as [DirectionChange['trend'][], string][])('summarises %j as “%s”', (trends, text) => {
    expect(trendSummary(trends.map(dir), (t) => t)).toBe(text);
  });
});

describe('comparison figures', () => {
  it.each([
    ['mutual_pairs', 24, '24'],
    ['units', 19, '19'],
    ['weighted_reciprocity', 0.8537, '0.85'],
    ['rho', null, '—'],
  ])('%s = %s is shown as %s', (name, v, text) => expect(figureValue(name, v)).toBe(text));

  it.each([
    ['weighted_reciprocity', 0.0034, '+0.003'],
    ['weighted_reciprocity', -0.0212, '−0.02'],
    ['mutual_pairs', -1, '−1'],
    ['density', 1e-12, 'same'],
    ['modularity', 0.0002, '+<0.001'],
    ['modularity', -0.0002, '−<0.001'],
    ['rho', null, ''],
  ])('a change of %s by %s is shown as %s', (name, d, text) => expect(figureDelta(name, d)).toBe(text));
});
