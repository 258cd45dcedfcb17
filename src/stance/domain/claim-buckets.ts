// Claims grouped by said-on day, week, month, quarter or year, for charts that must stay the same
// size however long the history grows: a chart draws one mark per bucket and stance, never one per
// claim. The unit is the finest whose buckets, across the span shown, number at most what the
// chart has room for. bucketClaims and bucketPeriodEnds count an actor's folded timeline into
// those buckets. Pure.

import type { Stance } from '../../domain/vocabulary.js';
import { firstSaidFrom, type TimelineEntry } from './claim-order.js';
import type { HistoryEntry, StanceChange } from './timeline.js';

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

/** The claims of one bucket with one stance, and the claim's id when the bucket holds just one. */
export interface BucketMark extends BucketClaims {
  claimId: string | null;
}

/** The stance the changes of one span of valid time end with, the day of the last one, and how many there are. */
export interface BucketPeriodEnd {
  /** The span: the bucket's first day, or the change's day when each change has its own. */
  bucket: string;
  stance: Stance;
  day: string;
  changes: number;
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

/**
 * An actor's claims (all of them, dropped ones too) counted per bucket and stance, in bucket order
 * then stance order. `history` is in claim order, whose first key is the said-on day, so a
 * bucket's claims are adjacent. `changed` says which claims moved the stance.
 */
export function bucketClaims(history: readonly HistoryEntry[], changed: { has(claimId: string): boolean }, unit: BucketUnit): BucketMark[] {
  const startOf = memoizedBucketStart(unit);
  const marks: BucketMark[] = [];
  let inBucket = new Map<Stance, BucketMark>();
  let bucket = '';
  const close = () => marks.push(...[...inBucket.values()].sort((a, b) => (a.stance < b.stance ? -1 : 1)));
  for (const { claim, status } of history) {
    const day = claim.saidOn.to;
    const start = startOf(day);
    if (start !== bucket) {
      close();
      inBucket = new Map();
      bucket = start;
    }
    const dropped = status === 'active' ? 0 : 1;
    const changes = changed.has(claim.claimId) ? 1 : 0;
    const mark = inBucket.get(claim.stance);
    if (!mark) {
      inBucket.set(claim.stance, { bucket, stance: claim.stance, claims: 1, dropped, changes, firstDay: day, lastDay: day, claimId: claim.claimId });
      continue;
    }
    mark.claims += 1;
    mark.dropped += dropped;
    mark.changes += changes;
    // Adjacent in claim order: the days only grow.
    mark.lastDay = day;
    mark.claimId = null;
  }
  close();
  return marks;
}

/**
 * The stance each span of valid time ends with, from an actor's stance changes in claim order:
 * one span per said-on day while the actor has at most `dayLevelUpTo` changes (every change then
 * shows), else one per bucket (several changes in a bucket draw as the stance it ends with).
 * Bounded either way, by `dayLevelUpTo` or by the number of buckets.
 */
export function bucketPeriodEnds(changes: readonly StanceChange[], unit: BucketUnit, dayLevelUpTo: number): BucketPeriodEnd[] {
  return periodEnds(changes, memoizedBucketStart(changes.length <= dayLevelUpTo ? 'day' : unit));
}

/**
 * bucketClaims(history, …) from `marks`, those of the history before a move that only placed
 * claims, `remarked` being the claims it placed or marked anew (remarkedClaims): the buckets
 * holding one of them are counted again, every other bucket is kept as it was.
 */
export function extendBucketClaims(
  marks: readonly BucketMark[],
  history: readonly HistoryEntry[],
  changed: { has(claimId: string): boolean },
  unit: BucketUnit,
  remarked: readonly TimelineEntry[],
): BucketMark[] {
  const dirty = new Set(remarked.map((entry) => bucketStart(entry.saidOn.to, unit)));
  return recountSpans(marks, dirty, (start) => bucketClaims(entriesSaidWithin(history, start, bucketEnd(start, unit), (h) => h.claim.saidOn.to), changed, unit));
}

/**
 * bucketPeriodEnds(changes, …) from `ends`, those of the changes before a move that only placed
 * claims (`remarked` as for extendBucketClaims): the spans holding one of them are counted again;
 * null when the changes crossed `dayLevelUpTo` (every span is then another one).
 */
export function extendBucketPeriodEnds(
  ends: readonly BucketPeriodEnd[],
  changes: readonly StanceChange[],
  unit: BucketUnit,
  dayLevelUpTo: number,
  remarked: readonly TimelineEntry[],
): BucketPeriodEnd[] | null {
  const before = ends.reduce((sum, end) => sum + end.changes, 0);
  const byDay = changes.length <= dayLevelUpTo;
  if (byDay !== before <= dayLevelUpTo) return null;
  const spanUnit = byDay ? 'day' : unit;
  const dirty = new Set(remarked.map((entry) => bucketStart(entry.saidOn.to, spanUnit)));
  return recountSpans(ends, dirty, (start) =>
    periodEnds(entriesSaidWithin(changes, start, bucketEnd(start, spanUnit), (c) => c.effectiveOn.to), memoizedBucketStart(spanUnit)),
  );
}

/**
 * Rows keyed by span (`bucket`, ascending, a span's rows together) with the `dirty` spans counted
 * again by `count` and the others kept.
 */
function recountSpans<Row extends { bucket: string }>(rows: readonly Row[], dirty: ReadonlySet<string>, count: (start: string) => Row[]): Row[] {
  const again = [...dirty].sort();
  const result: Row[] = [];
  let r = 0;
  let d = 0;
  while (r < rows.length || d < again.length) {
    const kept = rows[r]?.bucket;
    const recount = again[d];
    const span = kept === undefined || (recount !== undefined && recount <= kept) ? recount! : kept;
    const first = r;
    while (r < rows.length && rows[r]!.bucket === span) r++;
    if (span === recount) {
      d++;
      result.push(...count(span));
    } else {
      result.push(...rows.slice(first, r));
    }
  }
  return result;
}

/** The items (in claim order, so by said-on upper bound) whose day is in [from, to). */
function entriesSaidWithin<T>(items: readonly T[], from: string, to: string, dayOf: (item: T) => string): readonly T[] {
  return items.slice(firstSaidFrom(items, dayOf, from), firstSaidFrom(items, dayOf, to));
}

/** saidOnSpan of a history, from the span of its first entries and the entries after them. */
export function extendSaidOnSpan(
  span: { first: string; last: string } | null,
  added: readonly Pick<HistoryEntry, 'claim'>[],
): { first: string; last: string } | null {
  const more = saidOnSpan(added);
  if (!span || !more) return span ?? more;
  return { first: more.first < span.first ? more.first : span.first, last: more.last > span.last ? more.last : span.last };
}

function periodEnds(changes: readonly StanceChange[], startOf: (day: string) => string): BucketPeriodEnd[] {
  const ends: BucketPeriodEnd[] = [];
  for (const change of changes) {
    const day = change.effectiveOn.to;
    const bucket = startOf(day);
    const last = ends.at(-1);
    // Changes come in claim order, whose first key is the said-on day: a span's changes are adjacent.
    if (last?.bucket === bucket) Object.assign(last, { stance: change.to, day, changes: last.changes + 1 });
    else ends.push({ bucket, stance: change.to, day, changes: 1 });
  }
  return ends;
}

/** The said-on span of claims: from the earliest lower bound (or upper, when open) to the latest upper bound. */
export function saidOnSpan(history: readonly Pick<HistoryEntry, 'claim'>[]): { first: string; last: string } | null {
  let first: string | undefined;
  let last: string | undefined;
  for (const { claim } of history) {
    const from = claim.saidOn.from ?? claim.saidOn.to;
    if (first === undefined || from < first) first = from;
    if (last === undefined || claim.saidOn.to > last) last = claim.saidOn.to;
  }
  return first !== undefined && last !== undefined ? { first, last } : null;
}

/** bucketStart for one unit over days in order, remembering the last day's answer. */
function memoizedBucketStart(unit: BucketUnit): (isoDay: string) => string {
  if (unit === 'day') return (isoDay) => isoDay;
  let lastDay = '';
  let lastStart = '';
  return (isoDay) => {
    // Days come in order, most of them repeating the one before.
    if (isoDay !== lastDay) {
      lastDay = isoDay;
      lastStart = bucketStart(isoDay, unit);
    }
    return lastStart;
  };
}
