import { describe, expect, it } from 'vitest';
import { filterUnits, fold, groupNames, isFiltering, NO_FILTER, type UnitFilter } from './filter';
import type { Unit } from './types';

const units: Unit[] = [
  { id: 'fin', name: 'Finance', kind: 'business', group: 'Corporate', lead: 'Marcus Lee' },
  { id: 'ops', name: 'Operações', kind: 'business', group: 'Operations' },
  { id: 'it', name: 'IT Service Desk', kind: 'it', group: 'Technology' },
  { id: 'dig', name: 'Digital Team', kind: 'digital', group: 'Technology' },
  { id: 'cust', name: 'Key Customers', kind: 'external' },
];

const f = (p: Partial<UnitFilter>): UnitFilter => ({ ...NO_FILTER, ...p });

describe('filterUnits', () => {
  it.each<[string, UnitFilter, string[]]>([
    ['no filter', NO_FILTER, ['fin', 'ops', 'it', 'dig', 'cust']],
    ['name, any case', f({ query: 'fIn' }), ['fin']],
    ['accents folded', f({ query: 'operacoes' }), ['ops']],
    ['lead', f({ query: 'marcus' }), ['fin']],
    ['group text', f({ query: 'technology' }), ['it', 'dig']],
    ['all words must match', f({ query: 'team tech' }), ['dig']],
    ['kinds', f({ kinds: ['it', 'digital'] }), ['it', 'dig']],
    ['group', f({ group: 'Technology' }), ['it', 'dig']],
    ['no group', f({ group: null }), ['cust']],
    ['kind and text', f({ kinds: ['business'], query: 'a' }), ['fin', 'ops']],
    ['nothing matches', f({ query: 'zzz' }), []],
  ])('%s', (_, filter, expected) => {
    expect(filterUnits(units, filter)).toEqual(expected);
  });
});

describe('helpers', () => {
  it('knows when a filter is active', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering(f({ query: '  ' }))).toBe(false);
    expect(isFiltering(f({ query: 'x' }))).toBe(true);
    expect(isFiltering(f({ group: null }))).toBe(true);
    expect(isFiltering(f({ kinds: ['it'] }))).toBe(true);
  });
  it('lists distinct groups sorted', () => {
    expect(groupNames(units)).toEqual(['Corporate', 'Operations', 'Technology']);
  });
  it('folds accents and case', () => {
    expect(fold('ÉTÉ Ça')).toBe('ete ca');
  });
});
