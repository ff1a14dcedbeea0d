/**
 * Searching and filtering units by name, kind and group: which units the list
 * shows and which the canvas keeps bright (the rest fade).
 */
import type { Unit, UnitId, UnitKind } from './types';

export interface UnitFilter {
  /** Free text matched against name, lead and group, case- and accent-insensitive. */
  query: string;
  /** Kinds to show; empty means all. */
  kinds: UnitKind[];
  /** Group to show; `''` means all, `null` means units with no group. */
  group: string | null;
}

export const NO_FILTER: UnitFilter = { query: '', kinds: [], group: '' };

/** Lower case without diacritics, so "operações" matches "operacoes". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function isFiltering(f: UnitFilter): boolean {
  return f.query.trim() !== '' || f.kinds.length > 0 || f.group !== '';
}

export function matchesFilter(u: Unit, f: UnitFilter): boolean {
  if (f.kinds.length > 0 && !f.kinds.includes(u.kind)) return false;
  if (f.group === null && u.group) return false;
  if (f.group && (u.group ?? '') !== f.group) return false;
  const words = fold(f.query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([u.name, u.lead ?? '', u.group ?? ''].join(' '));
  return words.every((w) => hay.includes(w));
}

/** Ids of the units that pass the filter, in map order. */
export function filterUnits(units: Unit[], f: UnitFilter): UnitId[] {
  return units.filter((u) => matchesFilter(u, f)).map((u) => u.id);
}

/** The distinct groups of the map, sorted for a menu. */
export function groupNames(units: Unit[]): string[] {
  const set = new Set<string>();
  for (const u of units) if (u.group) set.add(u.group);
  return [...set].sort((a, b) => a.localeCompare(b));
}
