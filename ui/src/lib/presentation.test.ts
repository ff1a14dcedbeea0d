import { describe, expect, it } from 'vitest';
import { VOCABULARY } from './ipc/vocabulary';
import { applyMove, buildDeck, counter, headlines, moveFor, nextStep, prevStep, type Step } from './presentation';
import { commandFor } from './shortcuts';
import type { AppState, Map } from './types';
import demo from './fixtures/demo-state.json';

const state = demo as unknown as AppState;
const withHidden = (keys: string[]): Map => ({ ...state.map, hidden_findings: keys });
const findingKeys = (deck: Step[]) => deck.flatMap((s) => (s.kind === 'finding' ? [s.finding.key] : []));

describe('buildDeck', () => {
  const deck = buildDeck(state.map, state.analysis, '24 November 2026');

  it('opens with the title slide and the overview, ends with the summary', () => {
    expect(deck.map((s) => s.kind).slice(0, 2)).toEqual(['title', 'overview']);
    expect(deck.at(-1)?.kind).toBe('summary');
    expect(deck).toHaveLength(state.analysis.findings.length + 3);
  });

  it('puts the map title, organisation, date and maturity stage label on the title slide', () => {
    expect(deck[0]).toEqual({
      kind: 'title',
      title: 'Northwind Logistics — IT reciprocity map',
      organisation: 'Northwind Logistics',
      date: '24 November 2026',
      maturity: 'Digital Innovation Unit',
    });
  });

  it('shows the core’s headline scores on the overview, never recomputed', () => {
    const o = state.analysis.organisation;
    const overview = deck[1];
    expect(overview.kind).toBe('overview');
    if (overview.kind !== 'overview') return;
    const label = (key: string) => VOCABULARY.headline.find((f) => f.key === key)!.label;
    expect(overview.headlines.map((h) => [h.label, h.value])).toEqual([
      [label('weighted_reciprocity'), o.weighted_reciprocity],
      [label('dyadic_reciprocity'), o.dyadic_reciprocity],
      [label('ei_index'), o.ei_index],
      [label('modularity'), o.modularity],
    ]);
  });

  it('follows the core’s ranked order of findings, numbered from 1', () => {
    expect(findingKeys(deck)).toEqual(state.analysis.findings.map((f) => f.key));
    const numbers = deck.flatMap((s) => (s.kind === 'finding' ? [`${s.number}/${s.of}`] : []));
    expect(numbers[0]).toBe(`1/${state.analysis.findings.length}`);
  });

  it('skips hidden findings and renumbers the rest', () => {
    const all = state.analysis.findings.map((f) => f.key);
    const hide = [all[0], all[3], all[all.length - 1]];
    const d = buildDeck(withHidden(hide), state.analysis, 'today');
    expect(findingKeys(d)).toEqual(all.filter((k) => !hide.includes(k)));
    const first = d[2];
    expect(first.kind === 'finding' && [first.finding.key, first.number, first.of]).toEqual([all[1], 1, all.length - 3]);
  });

  it('lists each distinct recommendation of the shown findings once, in order, on the summary', () => {
    const summary = deck.at(-1)!;
    if (summary.kind !== 'summary') throw new Error('no summary');
    const expected = [...new Set(state.analysis.findings.map((f) => f.recommendation))];
    expect(summary.recommendations).toEqual(expected);
    const hiddenAll = buildDeck(withHidden(state.analysis.findings.map((f) => f.key)), state.analysis, 'today');
    expect(hiddenAll.map((s) => s.kind)).toEqual(['title', 'overview', 'summary']);
    expect(hiddenAll[2].kind === 'summary' && hiddenAll[2].recommendations).toEqual([]);
  });

  it('names an untitled map and leaves out an unset maturity stage', () => {
    const d = buildDeck({ ...state.map, title: '  ', maturity: null }, state.analysis, 'today');
    expect(d[0].kind === 'title' && [d[0].title, d[0].maturity]).toEqual(['Reciprocity map', null]);
  });

  it('keeps undefined figures as null', () => {
    const a = { ...state.analysis, organisation: { ...state.analysis.organisation, modularity: null } };
    expect(headlines(a)[3].value).toBeNull();
  });
});

describe('stepping', () => {
  it.each([
    [0, 5, 1, 0],
    [3, 5, 4, 2],
    [4, 5, 4, 3],
    [0, 1, 0, 0],
  ])('from %i of %i: next %i, previous %i (clamped)', (i, n, next, prev) => {
    expect(nextStep(i, n)).toBe(next);
    expect(prevStep(i, n)).toBe(prev);
  });

  it.each([
    ['ArrowRight', false, 'next'],
    [' ', false, 'next'],
    [' ', true, 'prev'],
    ['PageDown', false, 'next'],
    ['ArrowLeft', false, 'prev'],
    ['PageUp', false, 'prev'],
    ['Home', false, 'first'],
    ['End', false, 'last'],
    ['Escape', false, 'exit'],
    ['Delete', false, null],
    ['a', false, null],
  ])('key %j (shift %s) → %s', (key, shift, move) => {
    expect(moveFor(key as string, shift as boolean)).toBe(move);
  });

  it('applies moves within the deck', () => {
    expect(applyMove(2, 6, 'first')).toBe(0);
    expect(applyMove(2, 6, 'last')).toBe(5);
    expect(applyMove(5, 6, 'next')).toBe(5);
    expect(applyMove(2, 6, 'exit')).toBe(2);
  });

  it('counts from 1', () => {
    expect(counter(2, 12)).toBe('3 / 12');
  });
});

describe('entering', () => {
  it('F5 starts the presentation, also from a text field; Shift+F5 and Ctrl+F5 do not', () => {
    expect(commandFor({ key: 'F5' })).toBe('present');
    expect(commandFor({ key: 'F5', inTextField: true })).toBe('present');
    expect(commandFor({ key: 'F5', shiftKey: true })).toBeNull();
    expect(commandFor({ key: 'F5', ctrlKey: true })).toBeNull();
  });
});
