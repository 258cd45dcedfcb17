// What the read cache derives from a timeline (history, changes, chart counts, span) is extended
// from what it derived from the timeline before, when a move only placed claims among the others
// (placedClaims), anywhere in the claim order. Over a long pseudo-random log moved a few events at
// a time, with claims said on earlier days and rejections, every extension must equal the value
// computed from scratch, and the cheap path must be the one a live log mostly takes.
import { describe, expect, it } from '@jest/globals';
import type { Stance } from '../../domain/vocabulary.js';
import {
  bucketClaims,
  bucketPeriodEnds,
  extendBucketClaims,
  extendBucketPeriodEnds,
  extendSaidOnSpan,
  saidOnSpan,
  type BucketUnit,
} from './claim-buckets.js';
import { day, recorded, WATCH } from './russia-seed.fixture.js';
import {
  claimHistory,
  entryOf,
  extendClaimHistory,
  extendStanceChanges,
  extendTimeline,
  initialTimeline,
  placedClaims,
  remarkedClaims,
  stanceChanges,
  type ActorTimeline,
  type RecordedDrop,
} from './timeline.js';
import { compareClaims, type TimelineEntry } from './claim-order.js';

const STANCES: Stance[] = ['deny', 'neither', 'confirm'];
const UNITS: BucketUnit[] = ['day', 'week', 'month'];

/** A small deterministic generator (mulberry32), so a failure names its step and replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(n: number): string {
  return new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Moves of a log, a few events each: mostly claims said on the newest day or later, some late ones and some rejections. */
function moves(seed: number, count: number): { claims: TimelineEntry[]; drops: RecordedDrop[] }[] {
  const next = random(seed);
  const logged: TimelineEntry[] = [];
  let position = 0;
  let newestDay = 0;
  return Array.from({ length: count }, () => {
    const claims: TimelineEntry[] = [];
    const drops: RecordedDrop[] = [];
    for (let i = 1 + Math.floor(next() * 4); i > 0; i--) {
      position += 1;
      const roll = next();
      if (roll < 0.06 && logged.length > 0) {
        const claim = logged[Math.floor(next() * logged.length)]!;
        drops.push({ claimId: claim.claimId, kind: 'rejected', reason: 'misread', by: 'analyst:ana', position });
        continue;
      }
      const late = roll < 0.12;
      newestDay = late ? newestDay : newestDay + Math.floor(next() * 3);
      const saidOn = day(isoDay(late ? Math.floor(next() * (newestDay + 1)) : newestDay));
      const event = recorded({ claimId: `c${position}`, stance: STANCES[Math.floor(next() * 3)]!, saidOn, position });
      const entry = entryOf(event as Parameters<typeof entryOf>[0]);
      claims.push(entry);
      logged.push(entry);
    }
    return { claims, drops };
  });
}

describe('values derived from a timeline, extended after a move', () => {
  it.each([1, 2])('equal the values computed anew, at every move of a long log (seed %i)', (seed) => {
    let t: ActorTimeline = initialTimeline(WATCH, 'russia');
    let extended = 0;
    let computedAnew = 0;
    let placedAmongOthers = 0;
    for (const [step, move] of moves(seed, 150).entries()) {
      const next = extendTimeline(t, move.claims, move.drops);
      const placed = placedClaims(t, move.claims, move.drops);
      t = ((before) => {
        if (placed === null) {
          computedAnew += 1;
          return next;
        }
        extended += 1;
        const remarked = remarkedClaims(next, placed);
        const history = claimHistory(next);
        const changes = stanceChanges(next);
        const historyBefore = claimHistory(before);
        const newest = historyBefore.at(-1)?.claim;
        if (newest && placed.some((claim) => compareClaims(claim, newest) < 0)) placedAmongOthers += 1;
        expect({ step, history: extendClaimHistory(historyBefore, placed) }).toEqual({ step, history });
        expect({ step, changes: extendStanceChanges(stanceChanges(before), next, remarked) }).toEqual({ step, changes });
        for (const unit of UNITS) {
          const marks = extendBucketClaims(bucketClaims(historyBefore, before.changeAt, unit), history, next.changeAt, unit, remarked);
          expect({ step, unit, marks }).toEqual({ step, unit, marks: bucketClaims(history, next.changeAt, unit) });
          for (const dayLevelUpTo of [5, 40]) {
            const periods = extendBucketPeriodEnds(bucketPeriodEnds(stanceChanges(before), unit, dayLevelUpTo), changes, unit, dayLevelUpTo, remarked);
            if (periods) expect({ step, unit, periods }).toEqual({ step, unit, periods: bucketPeriodEnds(changes, unit, dayLevelUpTo) });
          }
        }
        const span = extendSaidOnSpan(saidOnSpan(historyBefore), placed.map((claim) => ({ claim })));
        expect({ step, span }).toEqual({ step, span: saidOnSpan(history) });
        return next;
      })(t);
    }
    // Most moves of a live log only place claims; drops are counted anew. Some claims land among the earlier ones.
    expect(extended).toBeGreaterThan(100);
    expect(computedAnew).toBeGreaterThan(5);
    expect(placedAmongOthers).toBeGreaterThan(10);
  });

  it('are counted anew after a drop or a claim logged before the newest of the timeline', () => {
    const claim = (n: number, saidOn: string, stance: Stance = 'deny') =>
      entryOf(recorded({ claimId: `c${n}`, stance, saidOn: day(saidOn), position: n }) as Parameters<typeof entryOf>[0]);
    const t = extendTimeline(initialTimeline(WATCH, 'russia'), [claim(1, '2024-01-01'), claim(5, '2024-01-05', 'confirm')], []);
    expect(placedClaims(t, [claim(7, '2024-01-03'), claim(6, '2024-01-09')], [])?.map((c) => c.claimId)).toEqual(['c7', 'c6']);
    expect(placedClaims(t, [claim(3, '2024-01-09')], [])).toBeNull();
    expect(placedClaims(t, [], [{ claimId: 'c1', kind: 'rejected', reason: 'r', by: 'analyst:ana', position: 6 }])).toBeNull();
    // Placing c7 on the 3rd re-marks it and the claim after it.
    const next = extendTimeline(t, [claim(7, '2024-01-03', 'confirm')], []);
    expect(remarkedClaims(next, [claim(7, '2024-01-03', 'confirm')]).map((c) => c.claimId)).toEqual(['c7', 'c5']);
  });
});
