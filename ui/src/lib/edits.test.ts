import { describe, expect, it } from 'vitest';
import { addAmbassador, addLink, addUnit, answerOf, moveUnits, parseRating, patchUnit, rate, setMapInfo, slug, uniqueId, updateUnit } from './edits';
import type { AppState, Map, Unit } from './types';
import demo from './fixtures/demo-state.json';

const map = (demo as unknown as AppState).map;

describe('ids', () => {
  it.each([
    ['Finance', 'finance'],
    ['People & HR', 'people-hr'],
    ['  Opérations ', 'operations'],
    ['<img src=x onerror=alert(1)>', 'img-src-x-onerror-alert-1'],
    ['!!!', 'unit'],
  ])('slug(%s) = %s', (name, id) => expect(slug(name)).toBe(id));

  it('picks the first free suffix', () => {
    expect(uniqueId('fin', ['x'])).toBe('fin');
    expect(uniqueId('fin', ['fin', 'fin-2'])).toBe('fin-3');
  });

  it('adds a unit with a fresh id at the given position', () => {
    const m: Map = { ...map, units: [...map.units, { id: 'new-unit', name: 'New unit', kind: 'business' }] };
    const e = addUnit(m, 'New unit', 'it', { x: 5, y: 6 });
    expect(e).toMatchObject({ op: 'add_unit', unit: { id: 'new-unit-2', name: 'New unit', kind: 'it', position: { x: 5, y: 6 } } });
  });
});

describe('unit patches', () => {
  const unit: Unit = { id: 'fin', name: 'Finance', kind: 'business', group: 'Corporate', headcount: 24, lead: 'Marcus', notes: '' };
  it.each<[string, Parameters<typeof patchUnit>[1], Partial<Unit> | string]>([
    ['rename, trimmed', { name: '  Group Finance ' }, { name: 'Group Finance' }],
    ['empty name refused', { name: '   ' }, 'A unit needs a name.'],
    ['empty group unsets it', { group: ' ' }, { group: null }],
    ['head count from text', { headcount: '30' }, { headcount: 30 }],
    ['empty head count unsets it', { headcount: '' }, { headcount: null }],
    ['fractional head count refused', { headcount: '2.5' }, 'Head count must be a whole number of people (got “2.5”).'],
    ['negative head count refused', { headcount: -1 }, 'Head count must be a whole number of people (got “-1”).'],
    ['kind', { kind: 'external' }, { kind: 'external' }],
  ])('%s', (_, patch, expected) => {
    const r = patchUnit(unit, patch);
    if (typeof expected === 'string') expect(r).toBe(expected);
    else expect(r).toEqual({ ...unit, ...expected });
  });
  it('sends no edit when nothing changes', () => {
    expect(updateUnit(unit, { name: 'Finance', group: 'Corporate' })).toBeNull();
    expect(updateUnit(unit, { lead: 'Ann' })).toEqual({ op: 'update_unit', unit: { ...unit, lead: 'Ann' } });
  });
});

describe('links and ratings', () => {
  const [l0] = map.links;
  it('adds a new unrated direction, never a duplicate or a loop', () => {
    expect(addLink(map, l0.source, l0.target)).toBeNull();
    expect(addLink(map, 'fin', 'fin')).toBeNull();
    const free = map.units.find((u) => u.id !== l0.source && !map.links.some((l) => l.source === l0.source && l.target === u.id))!;
    expect(addLink(map, l0.source, free.id)).toEqual({
      op: 'set_link',
      link: { source: l0.source, target: free.id, ratings: { frequency: null, why: null, listening: null, trust: null }, weight: null, notes: '' },
    });
  });
  it('changes one rating and keeps the others', () => {
    const e = rate(map, l0.source, l0.target, 'trust', 1);
    expect(e).toEqual({ op: 'set_link', link: { ...l0, ratings: { ...l0.ratings, trust: 1 } } });
    expect(rate(map, l0.source, l0.target, 'why', null)).toMatchObject({ link: { ratings: { why: null } } });
  });
  it('rating a missing direction creates it', () => {
    expect(rate(map, 'legal', 'fin', 'frequency', 2)).toMatchObject({
      op: 'set_link',
      link: { source: 'legal', target: 'fin', ratings: { frequency: 2, why: null, listening: null, trust: null } },
    });
  });
  it.each([
    ['', null],
    ['0', 0],
    ['5', 5],
    ['6', null],
    ['x', null],
  ])('parseRating(%j) = %s', (v, r) => expect(parseRating(v)).toBe(r));
});

describe('moves, map info, ambassadors, answers', () => {
  const u0 = map.units[0];
  it('moves only units that really moved, rounded to 0.1', () => {
    expect(moveUnits(map, [{ id: u0.id, position: { ...u0.position! } }])).toBeNull();
    expect(moveUnits(map, [{ id: u0.id, position: { x: 1.234, y: 2.26 } }, { id: 'nope', position: { x: 0, y: 0 } }])).toEqual({
      op: 'move_units',
      moves: [{ id: u0.id, position: { x: 1.2, y: 2.3 } }],
    });
  });
  it('sets map info with the unchanged fields kept', () => {
    expect(setMapInfo(map, { title: map.title })).toBeNull();
    expect(setMapInfo(map, { maturity: null })).toEqual({ op: 'set_map_info', title: map.title, organisation: map.organisation, notes: map.notes, maturity: null });
  });
  it('adds ambassadors with unique ids, not without a name', () => {
    expect(addAmbassador(map, '  ', 'fin', 'driver')).toBeNull();
    const m: Map = { ...map, ambassadors: [...map.ambassadors, { id: 'amb-jo-park', name: 'Jo Park', unit: 'hr', role: 'driver' }] };
    expect(addAmbassador(m, 'Jo Park', 'fin', 'innovator')).toEqual({
      op: 'add_ambassador',
      ambassador: { id: 'amb-jo-park-2', name: 'Jo Park', unit: 'fin', role: 'innovator' },
    });
  });
  it('reads answers by question key', () => {
    expect(answerOf(map, 'digital_today')).toBe(map.questionnaire.find((a) => a.question === 'digital_today')!.answer);
    expect(answerOf(map, 'no_such_question')).toBe('');
  });
});
