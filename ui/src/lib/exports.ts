/**
 * What the Export menu offers: each entry is a format and the options the
 * core's `recimap export` takes (`ExportOptions`), plus the file name it
 * suggests. The pictures and reports themselves are made by the core.
 */
import { mapState } from './backendApi';
import type { ExportOptions, Finding, MapState, Picture } from './types';

export interface ExportChoice {
  id: string;
  label: string;
  format: Picture;
  options: ExportOptions;
  /** Added to the map's name for the suggested file name. */
  suffix: string;
}

const NONE: ExportOptions = { scale: null, paper: null, compare: null, finding: null };

const choice = (id: string, label: string, format: Picture, options: Partial<ExportOptions>, suffix = ''): ExportChoice => ({
  id,
  label,
  format,
  options: { ...NONE, ...options },
  suffix,
});

/** The Export menu, pictures first. */
export const EXPORT_CHOICES: ExportChoice[] = [
  choice('png-1', 'Picture (PNG)', 'png', { scale: 1 }),
  choice('png-2', 'Picture for slides (PNG, 2×)', 'png', { scale: 2 }, '@2x'),
  choice('png-4', 'Picture for print (PNG, 4×)', 'png', { scale: 4 }, '@4x'),
  choice('svg', 'Picture as vectors (SVG)', 'svg', {}),
  choice('html', 'Report (HTML, one file)', 'html', {}, ' report'),
  choice('pdf-a4', 'Report (PDF, A4)', 'pdf', { paper: 'a4' }, ' report'),
  choice('pdf-letter', 'Report (PDF, Letter)', 'pdf', { paper: 'letter' }, ' report'),
];


/** The reports with a before/after section comparing snapshot `before` with `after` (`null` = the map now). */
export function comparisonChoices(before: number | null, after: number | null): ExportChoice[] {
  const compare: [MapState, MapState] = [mapState(before), mapState(after)];
  return [
    choice('cmp-html', 'Report with before/after (HTML)', 'html', { compare }, ' before-after'),
    choice('cmp-pdf', 'Report with before/after (PDF, A4)', 'pdf', { compare, paper: 'a4' }, ' before-after'),
  ];
}

/**
 * A picture of one finding: the map focused on it, named by the finding's
 * stable key (`index` counts from 0 in the analysis's order, for the file name).
 */
export function findingChoice(finding: Finding, index: number): ExportChoice {
  return choice(`finding-${index}`, 'Picture of this finding (PNG, 2×)', 'png', { scale: 2, finding: finding.key }, ` finding ${index + 1}`);
}

/** The suggested file name, without extension: the map's file name, or its title for an unsaved map. */
export function exportName(fileName: string, title: string, c: ExportChoice): string {
  const saved = fileName.replace(/\.recimap$/i, '');
  const base = saved && saved !== 'Untitled' ? saved : title.trim() || 'Recimap map';
  return `${base.replace(/[\\/:*?"<>|]+/g, '-')}${c.suffix}`;
}
