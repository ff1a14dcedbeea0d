/**
 * The core's words as the components look them up: labels and one-line
 * explanations of kinds, roles, maturity stages, rated dimensions, workshop
 * questions, severities, finding kinds and figures, and the thresholds the
 * screens mark. All of it comes from the core's vocabulary
 * (`ipc/vocabulary.ts`, generated from `recimap_core::vocabulary`); nothing
 * here is written twice.
 */
import { VOCABULARY } from './ipc/vocabulary';
import type { FigureTerm, OrganisationScores, Term } from './types';

/** `{key: label}` (or `{key: hint}`) of a list of terms. */
function byKey<K extends string>(terms: Term<K>[], field: 'label' | 'hint' = 'label'): Record<K, string> {
  return Object.fromEntries(terms.map((t) => [t.key, t[field]])) as Record<K, string>;
}

export const KIND_LABEL = byKey(VOCABULARY.kinds);
export const ROLE_LABEL = byKey(VOCABULARY.roles);
export const ROLE_HINT = byKey(VOCABULARY.roles, 'hint');
export const MATURITY_LABEL = byKey(VOCABULARY.maturity);
export const DIMENSION_LABEL = byKey(VOCABULARY.dimensions);
export const DIMENSION_HINT = byKey(VOCABULARY.dimensions, 'hint');
export const SEVERITY_LABEL = byKey(VOCABULARY.severities);
export const FINDING_KIND_LABEL = byKey(VOCABULARY.finding_kinds);

/** The workshop questions: `[key, question]`. */
export const QUESTIONS: [string, string][] = VOCABULARY.questions.map((q) => [q.key, q.label]);

/** The thresholds the screens mark (silo and open groups, clear clusters). */
export const THRESHOLDS = VOCABULARY.thresholds;

/** What the screens say where there is nothing to show. */
export const MESSAGES = VOCABULARY.messages;

/** A headline organisation figure: its key in the scores, with the core's name and meaning. */
export type OrgFigure = FigureTerm & { key: keyof OrganisationScores; testid: string };

/** The organisation's headline figures in the core's reading order. */
export const ORG_FIGURES: OrgFigure[] = VOCABULARY.headline.map((f) => ({
  ...f,
  key: f.key as keyof OrganisationScores,
  testid: `org-${f.key.replace(/_/g, '-')}`,
}));

const FIGURES = new Map([...VOCABULARY.headline, ...VOCABULARY.figures].map((f) => [f.key, f]));

/** A figure's name for people, as the core names it (or its key in words). */
export function figureLabel(key: string): string {
  const known = FIGURES.get(key)?.label;
  if (known) return known;
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Whether the core writes this figure as a whole count. */
export function isCount(key: string): boolean {
  return FIGURES.get(key)?.count ?? false;
}
