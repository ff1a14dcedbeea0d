/**
 * The words of the UI: labels and one-line explanations for kinds, roles,
 * maturity stages, rated dimensions, workshop questions and the organisation
 * figures. Definitions of the figures live in the Rust core's docs; these are
 * the plain-language sentences a CIO reads next to them.
 */
import type { AmbassadorRole, Dimension, FindingKind, MaturityStage, Severity, UnitKind } from './types';

export const KIND_LABEL: Record<UnitKind, string> = {
  business: 'Business department',
  it: 'IT',
  digital: 'Digital',
  external: 'External party',
};

export const ROLE_LABEL: Record<AmbassadorRole, string> = {
  strategist: 'Strategist',
  innovator: 'Innovator',
  driver: 'Driver',
};

export const ROLE_HINT: Record<AmbassadorRole, string> = {
  strategist: 'Visionary and facilitator',
  innovator: 'Rule breaker who sees beyond the status quo',
  driver: 'Pragmatist who runs projects, budgets and timelines',
};

export const MATURITY_LABEL: Record<MaturityStage, string> = {
  digital_innovation_project: 'Digital Innovation Project',
  digital_innovation_unit: 'Digital Innovation Unit',
  integrated_media: 'Integrated Media',
  digitally_integrated_organisation: 'Digitally Integrated Organisation',
};

export const DIMENSION_LABEL: Record<Dimension, string> = {
  frequency: 'Frequency',
  why: 'The why',
  listening: 'Listening',
  trust: 'Trust',
};

/** Same sentences as `Dimension::explanation` in the core. */
export const DIMENSION_HINT: Record<Dimension, string> = {
  frequency: 'How often the source talks to the target about its work (0 never, 5 daily).',
  why: 'How clearly the source explains why it needs what it asks for.',
  listening: 'How well the target listens and acts on what it hears.',
  trust: 'How much the target trusts what the source tells it.',
};

/** The workshop questions, keyed as `QUESTIONS` in the core. */
export const QUESTIONS: [string, string][] = [
  ['digital_today', 'How does the organisation manage digital today?'],
  ['digital_silo', 'Is digital focused in one silo, or does it integrate all silos?'],
  ['support', 'Do internal departments feel well supported?'],
  ['strategy', 'Is there an agreed digital strategy?'],
  ['resistance', 'Is there resistance to change?'],
  ['speed', 'Can you innovate and respond fast enough?'],
];

export const SEVERITY_LABEL: Record<Severity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const FINDING_KIND_LABEL: Record<FindingKind, string> = {
  one_way_relationship: 'One-way relationship',
  silo_group: 'Silo',
  digital_in_one_silo: 'Digital in one silo',
  no_tech_tie: 'No two-way tie to IT',
  single_point_of_failure: 'Single point of failure',
  tech_bottleneck: 'IT bottleneck',
  ambassador_gap: 'Ambassador gap',
  isolated_unit: 'Isolated unit',
  low_reciprocity: 'Low reciprocity',
  disconnected_map: 'Disconnected map',
};

/** The organisation figures in display order, each with one sentence. */
export const ORG_FIGURES: {
  key: 'weighted_reciprocity' | 'dyadic_reciprocity' | 'rho' | 'density' | 'ei_index' | 'modularity';
  label: string;
  testid: string;
  hint: string;
}[] = [
  {
    key: 'weighted_reciprocity',
    label: 'Weighted reciprocity',
    testid: 'org-weighted-reciprocity',
    hint: 'Share of all communication strength that is returned in kind (1 = every tie fully two-way).',
  },
  {
    key: 'dyadic_reciprocity',
    label: 'Two-way relationships',
    testid: 'org-dyadic-reciprocity',
    hint: 'Share of directed links whose reverse direction exists too.',
  },
  {
    key: 'rho',
    label: 'Reciprocity vs. chance (ρ)',
    testid: 'org-rho',
    hint: 'Above 0: more two-way ties than a random map of the same density would have.',
  },
  {
    key: 'density',
    label: 'Density',
    testid: 'org-density',
    hint: 'Share of all possible directed links that exist.',
  },
  {
    key: 'ei_index',
    label: 'E-I index',
    testid: 'org-ei-index',
    hint: 'From −1 (all ties stay inside groups: silos) to +1 (all ties cross groups).',
  },
  {
    key: 'modularity',
    label: 'Modularity',
    testid: 'org-modularity',
    hint: 'How strongly the map splits into separate communities (above 0.3 is marked).',
  },
];
