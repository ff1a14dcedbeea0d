/**
 * Presentation mode's deck: which slides a board presentation shows, in which
 * order, and how the arrow keys move through them. Pure (no Svelte, no DOM),
 * so the deck is tested; `Presentation.svelte` shows it and `App.svelte`
 * focuses the map for each step.
 *
 * Every figure on a slide comes from the core's `Analysis`; nothing here
 * computes a score. Findings keep the core's ranked order (most important
 * first) and those whose key is in `map.hidden_findings` are left out.
 */
import { MATURITY_LABEL, ORG_FIGURES } from './text';
import type { Analysis, Finding, Map } from './types';

/** One headline figure on the overview slide. */
export interface Headline {
  label: string;
  /** The core's value, `null` when the figure is undefined for this map. */
  value: number | null;
  /** One plain-language sentence next to the figure. */
  hint: string;
}

export type Step =
  | { kind: 'title'; title: string; organisation: string; date: string; maturity: string | null }
  | { kind: 'overview'; title: string; headlines: Headline[]; units: number; links: number }
  | { kind: 'finding'; finding: Finding; number: number; of: number }
  | { kind: 'summary'; title: string; recommendations: string[] };

export type StepKind = Step['kind'];

/** The headline figures the overview slide shows, by key. */
const SLIDE_FIGURES = ['weighted_reciprocity', 'dyadic_reciprocity', 'ei_index', 'modularity'];

/**
 * The headline scores of the overview slide, read from
 * `analysis.organisation`, with the core's names and short explanations.
 */
export function headlines(analysis: Analysis): Headline[] {
  const o = analysis.organisation;
  return ORG_FIGURES.filter((f) => SLIDE_FIGURES.includes(f.key)).map((f) => ({
    label: f.label,
    value: o[f.key] as number | null,
    hint: f.short,
  }));
}

/** The findings the deck shows: the core's ranked order, hidden ones left out. */
export function shownFindings(map: Map, analysis: Analysis): Finding[] {
  const hidden = new Set(map.hidden_findings);
  return analysis.findings.filter((f) => !hidden.has(f.key));
}

/**
 * The deck: a title slide, the whole map with its headline scores, one step
 * per shown finding, and a summary listing the recommendations (each distinct
 * recommendation once, in the findings' order). `date` is today's date as it
 * should read on the title slide.
 */
export function buildDeck(map: Map, analysis: Analysis, date: string): Step[] {
  const title = map.title.trim() || 'Reciprocity map';
  const findings = shownFindings(map, analysis);
  const recommendations: string[] = [];
  for (const f of findings) if (f.recommendation && !recommendations.includes(f.recommendation)) recommendations.push(f.recommendation);
  return [
    { kind: 'title', title, organisation: map.organisation.trim(), date, maturity: map.maturity ? MATURITY_LABEL[map.maturity] : null },
    { kind: 'overview', title, headlines: headlines(analysis), units: analysis.organisation.units, links: analysis.organisation.links },
    ...findings.map((finding, i): Step => ({ kind: 'finding', finding, number: i + 1, of: findings.length })),
    { kind: 'summary', title, recommendations },
  ];
}

/** The next step's index, staying on the last step. */
export function nextStep(index: number, length: number): number {
  return Math.max(0, Math.min(index + 1, length - 1));
}

/** The previous step's index, staying on the first step. */
export function prevStep(index: number, length: number): number {
  return Math.max(0, Math.min(index - 1, length - 1));
}

/** "3 / 12": the step's number (from 1) and the deck's length. */
export function counter(index: number, length: number): string {
  return `${index + 1} / ${length}`;
}

export type DeckMove = 'next' | 'prev' | 'first' | 'last' | 'exit';

/**
 * What a key does in presentation mode: →, Space, PageDown and ↓ go forward;
 * ←, PageUp and ↑ go back; Home and End jump; Esc leaves. Other keys do nothing
 * (no editing shortcut reaches the map while presenting).
 */
export function moveFor(key: string, shiftKey = false): DeckMove | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
    case 'Spacebar':
      return shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Escape':
      return 'exit';
    default:
      return null;
  }
}

/** The index after a move (`exit` leaves the index alone). */
export function applyMove(index: number, length: number, move: DeckMove): number {
  if (move === 'next') return nextStep(index, length);
  if (move === 'prev') return prevStep(index, length);
  if (move === 'first') return 0;
  if (move === 'last') return Math.max(0, length - 1);
  return index;
}

/** Today's date as the title slide shows it: "24 November 2026". */
export function longDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
