import { describe, expect, it } from '@jest/globals';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { asOfAccuracy, finalAccuracy, isInside, scoreExtraction, type GoldFile, type ScoredClaim } from './score.js';

const gold: GoldFile = {
  watch: 'w',
  documents: [
    {
      id: 'a',
      claims: [
        { actor: 'russia', stance: 'deny', said_on: '2024-10-21' },
        { actor: 'dprk', stance: 'deny', said_on: { from: '2024-10-14', to: '2024-10-20' } },
        { actor: 'usa', stance: 'neither' },
      ],
      optional: [{ actor: 'nato', stance: 'confirm', why: 'presupposed' }],
    },
    { id: 'b', claims: [{ actor: 'russia', stance: 'confirm', said_on: '2025-04-26' }], optional: [] },
  ],
  final: { russia: 'confirm', dprk: 'confirm' },
  as_of: [
    { actor: 'russia', on: '2024-10-23', stance: 'deny' },
    { actor: 'russia', on: '2025-04-27', stance: 'confirm' },
  ],
};

function day(from: string | null, to: string, precision: SaidOn['precision'] = 'day'): SaidOn {
  return { from, to, precision, basis: 'test' };
}

function claim(actorId: string, stance: Stance, saidOn: SaidOn): ScoredClaim {
  return { actorId, stance, saidOn };
}

describe('scoreExtraction', () => {
  it('counts pairs once per document, ignores optional pairs and scores dates of matched claims', () => {
    const extracted = new Map([
      [
        'a',
        [
          claim('russia', 'deny', day('2024-10-25', '2024-10-25')),
          claim('russia', 'deny', day('2024-10-21', '2024-10-21')),
          claim('dprk', 'deny', day(null, '2024-10-24', 'before')),
          claim('nato', 'confirm', day('2024-10-25', '2024-10-25')),
          claim('ukraine', 'confirm', day('2024-10-25', '2024-10-25')),
        ],
      ],
    ]);
    const score = scoreExtraction(gold, extracted);
    expect([score.truePositives, score.falsePositives, score.falseNegatives]).toEqual([2, 1, 2]);
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 4);
    expect(score.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
    expect([score.datesHit, score.datesScored]).toEqual([1, 2]);
    expect(score.documents).toEqual([
      {
        documentId: 'a',
        truePositives: 2,
        missed: [{ actor: 'usa', stance: 'neither' }],
        spurious: [{ actor: 'ukraine', stance: 'confirm' }],
        dateMisses: [
          { actor: 'dprk', stance: 'deny', gold: { from: '2024-10-14', to: '2024-10-20' }, extracted: [day(null, '2024-10-24', 'before')] },
        ],
      },
      { documentId: 'b', truePositives: 0, missed: [{ actor: 'russia', stance: 'confirm' }], spurious: [], dateMisses: [] },
    ]);
  });

  it('is perfect when everything required is found with its date', () => {
    const extracted = new Map([
      ['a', [claim('russia', 'deny', day('2024-10-21', '2024-10-21')), claim('dprk', 'deny', day('2024-10-14', '2024-10-20', 'range')), claim('usa', 'neither', day('2024-10-25', '2024-10-25'))]],
      ['b', [claim('russia', 'confirm', day('2025-04-26', '2025-04-26'))]],
      ['not-in-gold', [claim('russia', 'deny', day('2024-10-21', '2024-10-21'))]],
    ]);
    const score = scoreExtraction(gold, extracted);
    expect([score.precision, score.recall, score.f1, score.dateAccuracy]).toEqual([1, 1, 1, 1]);
  });
});

describe('isInside: an estimate is tested by its upper bound', () => {
  it.each([
    [day('2024-10-21', '2024-10-21'), '2024-10-21', true],
    [day('2024-10-14', '2024-10-20', 'range'), { from: '2024-10-14', to: '2024-10-20' }, true],
    [day('2024-10-21', '2024-10-27', 'range'), { from: '2024-10-19', to: '2024-10-27' }, true],
    [day(null, '2024-10-25', 'before'), { from: '2024-10-23', to: '2024-10-25' }, true],
    [day(null, '2024-10-28', 'before'), '2024-10-22', false],
    [day('2024-10-22', '2024-10-29', 'range'), '2024-10-22', false],
  ] as const)('%j in %j: %s', (saidOn, goldSaidOn, expected) => {
    expect(isInside(saidOn, goldSaidOn)).toBe(expected);
  });
});

describe('finalAccuracy and asOfAccuracy take the projection as a callback', () => {
  it('scores the current stance of each actor in final', () => {
    const current: Record<string, Stance> = { russia: 'confirm', dprk: 'deny' };
    expect(finalAccuracy(gold, (actor) => current[actor] ?? null)).toEqual({
      accuracy: 0.5,
      misses: [{ actor: 'dprk', stance: 'confirm', got: 'deny' }],
    });
  });

  it('scores each as-of row', () => {
    const answer = (actor: string, on: string): Stance | null => (actor === 'russia' && on < '2025-04-26' ? 'deny' : null);
    expect(asOfAccuracy(gold, answer)).toEqual({
      accuracy: 0.5,
      misses: [{ actor: 'russia', on: '2025-04-27', stance: 'confirm', got: null }],
    });
  });
});
