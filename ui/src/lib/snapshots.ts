/**
 * Showing snapshots and their comparison: figure labels and values, dates, a
 * summary line. The comparison and its verdicts (which change is for the
 * better) come from the core (`compare_snapshots`); nothing is scored or
 * judged here.
 */
import type { DirectionChange, Trend as DirectionTrend } from './types';
import { fmt } from './format';
import { isCount } from './text';

export { figureLabel } from './text';

/** A snapshot's RFC 3339 time as a short local date and time; the text itself if unreadable. */
export function shortDate(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The order a summary lists trends in (unchanged ones are not mentioned). */
const SUMMARY: DirectionTrend[] = ['stronger', 'weaker', 'new', 'gone'];

/**
 * One line saying how many directions changed which way, from the core's
 * verdicts ("2 stronger · 1 weaker · 1 gone"); `labels` are the legend's
 * words for each trend.
 */
export function trendSummary(directions: DirectionChange[], labels: (t: DirectionTrend) => string): string {
  const counts = new Map<DirectionTrend, number>();
  for (const d of directions) counts.set(d.trend, (counts.get(d.trend) ?? 0) + 1);
  const parts = SUMMARY.filter((t) => counts.get(t)).map((t) => `${counts.get(t)} ${labels(t)}`);
  return parts.length ? parts.join(' · ') : 'no relationship changed';
}

/** A comparison figure's value: whole for counts, else two decimals; `—` when undefined. */
export function figureValue(name: string, v: number | null | undefined): string {
  return fmt(v, isCount(name) ? 0 : 2);
}

/**
 * A comparison figure's change, signed: `same`, or in the figure's own
 * format — with three decimals when two would round a real change to zero,
 * and `+<0.001` for a change smaller than that.
 */
export function figureDelta(name: string, d: number | null | undefined): string {
  if (d == null || !Number.isFinite(d)) return '';
  if (Math.abs(d) <= 1e-9) return 'same';
  const sign = d > 0 ? '+' : '−';
  if (!isCount(name) && Math.abs(d) < 0.0005) return `${sign}<0.001`;
  const digits = isCount(name) ? 0 : Math.abs(d) < 0.005 ? 3 : 2;
  return `${d > 0 ? '+' : ''}${fmt(d, digits)}`;
}
