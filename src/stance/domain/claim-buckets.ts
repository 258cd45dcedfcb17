// Claims grouped by said-on day, week, month, quarter or year, for charts that must stay the same
// size however long the history grows: a chart draws one mark per bucket and stance, never one per
// claim. The unit is the finest whose buckets, across the span shown, number at most what the
// chart has room for. The repository groups by the same buckets in SQL (bucketStartSql there);
// bucketStart is the same rule in JS. Pure.

import type { Stance } from '../../domain/vocabulary.js';

export const BUCKET_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type BucketUnit = (typeof BUCKET_UNITS)[number];

/** The claims of one bucket with one stance, counted. */
export interface BucketClaims {
  /** First day of the bucket. */
  bucket: string;
  stance: Stance;
  claims: number;
  /** How many of them no longer count. */
  dropped: number;
  /** How many of them changed the stance. */
  changes: number;
  /** The earliest and latest said-on upper bound among them. */
  firstDay: string;
  lastDay: string;
}

/** Roughly how many days one bucket spans, for choosing a unit. */
const UNIT_DAYS: Record<BucketUnit, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366 };

/** The finest unit that cuts `spanDays` into at most `maxBuckets` buckets (years at the coarsest). */
export function bucketUnitFor(spanDays: number, maxBuckets: number): BucketUnit {
  return BUCKET_UNITS.find((unit) => Math.ceil((spanDays + 1) / UNIT_DAYS[unit]) + 1 <= maxBuckets) ?? 'year';
}

/** The first day of the bucket holding `isoDay` (weeks start on Monday, as Postgres' date_trunc). */
export function bucketStart(isoDay: string, unit: BucketUnit): string {
  const [year, month] = isoDay.split('-').map(Number) as [number, number];
  switch (unit) {
    case 'day':
      return isoDay;
    case 'week': {
      const date = new Date(`${isoDay}T00:00:00Z`);
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
    }
    case 'month':
      return `${isoDay.slice(0, 7)}-01`;
    case 'quarter':
      return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${year}-01-01`;
  }
}

/** The first day after the bucket that starts on `start`. */
export function bucketEnd(start: string, unit: BucketUnit): string {
  const date = new Date(`${start}T00:00:00Z`);
  switch (unit) {
    case 'day':
      date.setUTCDate(date.getUTCDate() + 1);
      break;
    case 'week':
      date.setUTCDate(date.getUTCDate() + 7);
      break;
    case 'month':
      date.setUTCMonth(date.getUTCMonth() + 1);
      break;
    case 'quarter':
      date.setUTCMonth(date.getUTCMonth() + 3);
      break;
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() + 1);
      break;
  }
  return date.toISOString().slice(0, 10);
}
