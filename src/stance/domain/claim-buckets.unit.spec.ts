import { describe, expect, it } from '@jest/globals';
import type { Stance } from '../../domain/vocabulary.js';
import { day, recorded, rejected, span, WATCH } from './russia-seed.fixture.js';
import { bucketClaims, bucketPeriodEnds, bucketStart, bucketUnitFor, saidOnSpan } from './claim-buckets.js';
import { claimHistory, entryOf, stanceChanges, timelineFromRecords, type LoggedClaimEvent } from './timeline.js';

/** A timeline from claims given as [id, stance, said-on], logged in that order, and drops. */
function timelineOf(claims: [string, Stance, ReturnType<typeof day>][], drops: LoggedClaimEvent[] = []) {
  const events = claims.map(([claimId, stance, saidOn], i) => recorded({ claimId, stance, saidOn, position: i + 1 }));
  const t = timelineFromRecords(
    WATCH,
    'russia',
    events.map((e) => entryOf(e as Parameters<typeof entryOf>[0])),
    drops.map((d) => ({ claimId: d.data.claimId, kind: 'rejected' as const, reason: 'r', by: 'analyst:ana', position: d.position })),
  );
  return t;
}

describe('bucketStart', () => {
  it('starts weeks on Monday, months, quarters and years on their first day', () => {
    expect(bucketStart('2024-10-24', 'week')).toBe('2024-10-21'); // a Thursday
    expect(bucketStart('2024-10-21', 'week')).toBe('2024-10-21');
    expect(bucketStart('2024-10-24', 'month')).toBe('2024-10-01');
    expect(bucketStart('2024-11-30', 'quarter')).toBe('2024-10-01');
    expect(bucketStart('2024-02-29', 'year')).toBe('2024-01-01');
  });

  it('chooses the finest unit the chart has room for', () => {
    expect(bucketUnitFor(20, 32)).toBe('day');
    expect(bucketUnitFor(200, 32)).toBe('week');
    expect(bucketUnitFor(729, 32)).toBe('month');
  });
});

describe('bucketClaims', () => {
  it('counts claims per bucket and stance, with drops and changes, and names the claim of a bucket holding one', () => {
    const t = timelineOf(
      [
        ['a', 'deny', day('2024-01-03')],
        ['b', 'deny', day('2024-01-20')],
        ['c', 'confirm', day('2024-01-25')],
        ['d', 'deny', day('2024-02-02')],
        ['e', 'neither', day('2024-03-15')],
      ],
      [rejected('d', 10, 'misread')],
    );
    const marks = bucketClaims(claimHistory(t), t.changeAt, 'month');
    expect(marks).toEqual([
      { bucket: '2024-01-01', stance: 'confirm', claims: 1, dropped: 0, changes: 1, firstDay: '2024-01-25', lastDay: '2024-01-25', claimId: 'c' },
      { bucket: '2024-01-01', stance: 'deny', claims: 2, dropped: 0, changes: 1, firstDay: '2024-01-03', lastDay: '2024-01-20', claimId: null },
      { bucket: '2024-02-01', stance: 'deny', claims: 1, dropped: 1, changes: 0, firstDay: '2024-02-02', lastDay: '2024-02-02', claimId: 'd' },
      { bucket: '2024-03-01', stance: 'neither', claims: 1, dropped: 0, changes: 1, firstDay: '2024-03-15', lastDay: '2024-03-15', claimId: 'e' },
    ]);
  });
});

describe('bucketPeriodEnds', () => {
  const t = timelineOf([
    ['a', 'deny', day('2024-01-03')],
    ['b', 'confirm', day('2024-01-20')],
    ['c', 'neither', day('2024-01-20')],
    ['d', 'deny', day('2024-03-02')],
  ]);

  it('gives each change its own day while there are few', () => {
    const ends = bucketPeriodEnds(stanceChanges(t), 'month', 10);
    expect(ends.map((e) => [e.bucket, e.stance, e.changes])).toEqual([
      ['2024-01-03', 'deny', 1],
      ['2024-01-20', 'neither', 2],
      ['2024-03-02', 'deny', 1],
    ]);
  });

  it('draws several changes in one bucket as the stance the bucket ends with, once there are many', () => {
    const ends = bucketPeriodEnds(stanceChanges(t), 'month', 3);
    expect(ends).toEqual([
      { bucket: '2024-01-01', stance: 'neither', day: '2024-01-20', changes: 3 },
      { bucket: '2024-03-01', stance: 'deny', day: '2024-03-02', changes: 1 },
    ]);
  });
});

describe('saidOnSpan', () => {
  it('runs from the earliest lower bound to the latest upper bound, and is null without claims', () => {
    const t = timelineOf([
      ['a', 'deny', day('2024-05-03')],
      ['b', 'deny', span('2024-01-01', '2024-06-30')],
      ['c', 'deny', day('2024-07-04')],
    ]);
    expect(saidOnSpan(claimHistory(t))).toEqual({ first: '2024-01-01', last: '2024-07-04' });
    expect(saidOnSpan([])).toBeNull();
  });
});
