import { describe, expect, it } from '@jest/globals';
import type { SaidOn } from '../../domain/vocabulary.js';
import {
  compareClaims,
  compareReportTimes,
  insertionIndex,
  lastIndexSaidBy,
  precisionRank,
  saidOnOrBefore,
  type OrderKey,
} from './claim-order.js';
import { before, day, permutations, span } from './russia-seed.fixture.js';

/**
 * An order key. The third argument is only a label of the claim's place in some log: the order
 * must not read it, so it goes nowhere (tests below put claims at positions that disagree with
 * the order they must take).
 */
const key = (
  claimId: string,
  saidOn: SaidOn,
  _logPosition: number,
  reportedAt: string | null = null,
  documentId: string | null = `doc-${claimId}`,
  statementOffset = 0,
): OrderKey => ({ claimId, saidOn, reportedAt, documentId, statementOffset });
const ids = (keys: OrderKey[]) => keys.map((k) => k.claimId);
const sorted = (keys: OrderKey[]) => ids([...keys].sort(compareClaims));

describe('compareClaims', () => {
  it('orders by the said-on upper bound before anything else', () => {
    // A dated day early in October precedes a vague "earlier" bounded by 24 Oct, whatever the log says.
    const dated = key('dated', day('2024-10-20'), 99);
    const vague = key('vague', before('2024-10-24'), 1);
    expect(compareClaims(dated, vague)).toBeLessThan(0);
    expect(compareClaims(vague, dated)).toBeGreaterThan(0);
  });

  it('DESIGN rule: an undated "earlier denied" reported in May sorts before the dated admission it preceded', () => {
    // "Moscow, which had denied it for months before finally admitting it on 26 April ..." in a
    // May article: the denial is bounded by the admission day and arrives later in the log.
    const admission = key('confirm-26-apr', day('2025-04-26', 'Pada 26 April'), 30);
    const earlierDenial = key('deny-earlier', before('2025-04-26', 'before finally admitting'), 70);
    expect(compareClaims(earlierDenial, admission)).toBeLessThan(0);
    expect(sorted([admission, earlierDenial])).toEqual(['deny-earlier', 'confirm-26-apr']);
  });

  it("a vague 'before' claim precedes a dated one at the same upper bound (seed 002: sebelumnya membantah vs Kamis 24/10)", () => {
    const earlier = key('kremlin-sebelumnya', before('2024-10-24'), 11);
    const thursday = key('putin-kamis', day('2024-10-24', 'Kamis (24/10)'), 10);
    expect(sorted([thursday, earlier])).toEqual(['kremlin-sebelumnya', 'putin-kamis']);
  });

  it('at the same upper bound: before < range/month/year < day', () => {
    const to = '2024-12-31';
    const b = key('before', before(to), 5);
    const r = key('range', span('2024-12-25', to), 4);
    const m = key('month', span('2024-12-01', to, 'month'), 3);
    const y = key('year', span('2024-01-01', to, 'year'), 2);
    const d = key('day', day(to), 1);
    expect(precisionRank(b.saidOn)).toBe(0);
    expect(precisionRank(r.saidOn)).toBe(1);
    expect(precisionRank(m.saidOn)).toBe(1);
    expect(precisionRank(y.saidOn)).toBe(1);
    expect(precisionRank(d.saidOn)).toBe(2);
    // Within the middle tier the narrower interval is later: year, then month, then the 7-day range.
    expect(sorted([d, r, m, y, b])).toEqual(['before', 'year', 'month', 'range', 'day']);
  });

  it('an interval with no lower bound counts as open, whatever its precision label', () => {
    const open: SaidOn = { from: null, to: '2024-10-24', precision: 'range', basis: 'before Thursday' };
    expect(precisionRank(open)).toBe(0);
    expect(sorted([key('ranged', span('2024-10-20', '2024-10-24'), 1), key('open', open, 2)])).toEqual([
      'open',
      'ranged',
    ]);
  });

  it('within the same kind the narrower interval is later', () => {
    const week = key('pekan-lalu', span('2025-04-19', '2025-04-27'), 1);
    const twoDays = key('two-days', span('2025-04-26', '2025-04-27'), 2);
    expect(compareClaims(week, twoDays)).toBeLessThan(0);
    // Position does not override width.
    const twoDaysFirst = key('two-days', span('2025-04-26', '2025-04-27'), 0);
    expect(compareClaims(week, twoDaysFirst)).toBeLessThan(0);
  });

  it('same said-on, precision and report time: the document id decides, then the offset in it, then claimId', () => {
    const b = key('b-claim', day('2024-10-24'), 11, '2024-10-25', 'doc-2');
    const a = key('a-claim', day('2024-10-24'), 20, '2024-10-25', 'doc-1');
    expect(sorted([b, a])).toEqual(['a-claim', 'b-claim']);
    // Two statements of one report: text order, wherever the log put them.
    const later = key('z-later', day('2024-10-24'), 3, '2024-10-25', 'doc-1', 400);
    const earlier = key('z-earlier', day('2024-10-24'), 9, '2024-10-25', 'doc-1', 120);
    expect(sorted([later, earlier])).toEqual(['z-earlier', 'z-later']);
    // An analyst's claims (no document) tie on the document and the offset: claimId decides.
    const analystB = key('analyst-b', day('2024-10-24'), 1, '2024-10-25', null);
    const analystA = key('analyst-a', day('2024-10-24'), 2, '2024-10-25', null);
    expect(sorted([analystB, analystA])).toEqual(['analyst-a', 'analyst-b']);
    expect(compareClaims(a, { ...a })).toBe(0);
  });

  it('never reads the log position: equal keys at different positions compare equal', () => {
    const here = key('same', day('2024-10-24'), 1, '2024-10-25', 'doc-1', 10);
    const there = key('same', day('2024-10-24'), 999, '2024-10-25', 'doc-1', 10);
    expect(compareClaims(here, there)).toBe(0);
    expect(compareClaims({ ...here, position: 1 } as OrderKey, { ...there, position: 999 } as OrderKey)).toBe(0);
  });

  it('same said-on and precision: the later report counts as later, whatever the log position', () => {
    // Seeds 002 (published 25 Oct) and 003 (29 Oct) both report Putin on 24 Oct.
    const tribun = key('tribun', day('2024-10-24'), 40, '2024-10-25', 'z-doc');
    const epoch = key('epoch', day('2024-10-24'), 12, '2024-10-29', 'a-doc');
    expect(sorted([epoch, tribun])).toEqual(['tribun', 'epoch']);
    // A report with no publication time (events from before the field) sorts first.
    expect(sorted([tribun, key('legacy', day('2024-10-24'), 99)])).toEqual(['legacy', 'tribun']);
  });

  it('compares publication times as instants, not as text', () => {
    // 10:00 in Jakarta is 03:00 UTC: earlier than 05:00 UTC, though "10" > "05" as text.
    const jakarta = key('jakarta', day('2024-10-24'), 1, '2024-10-25T10:00:00+07:00', 'z-doc');
    const utc = key('utc', day('2024-10-24'), 2, '2024-10-25T05:00:00Z', 'a-doc');
    expect(sorted([utc, jakarta])).toEqual(['jakarta', 'utc']);
    expect(compareReportTimes('2024-10-25T10:00:00+07:00', '2024-10-25T03:00:00.000Z')).toBe(0);
    // The same instant written two ways: the document id decides, not the spelling.
    const sameInstant = key('same-instant', day('2024-10-24'), 3, '2024-10-25T03:00:00.000Z', 'a-doc');
    expect(sorted([jakarta, sameInstant])).toEqual(['same-instant', 'jakarta']);
    expect(compareReportTimes(null, '2024-10-25')).toBeLessThan(0);
    expect(compareReportTimes('not a date', '2024-10-25')).toBeLessThan(0);
  });

  it('is a total order: antisymmetric, transitive, and every arrival order sorts the same', () => {
    const keys = [
      key('k1', day('2024-10-24'), 20, '2024-10-25', 'doc-1', 5),
      key('k2', day('2024-10-24'), 11, '2024-10-25', 'doc-1', 50),
      key('k3', before('2024-10-24'), 10),
      key('k4', before('2024-10-21'), 50),
      key('k5', span('2024-10-17', '2024-10-24'), 3),
      key('k6', span('2024-10-23', '2024-10-24'), 4),
      key('k7', day('2025-04-26'), 30),
    ];
    for (const a of keys) {
      expect(compareClaims(a, a)).toBe(0);
      for (const b of keys) {
        if (a !== b) expect(Math.sign(compareClaims(a, b))).toBe(-Math.sign(compareClaims(b, a)));
        for (const c of keys) {
          if (compareClaims(a, b) < 0 && compareClaims(b, c) < 0) expect(compareClaims(a, c)).toBeLessThan(0);
        }
      }
    }
    const expected = ['k4', 'k3', 'k5', 'k6', 'k1', 'k2', 'k7'];
    for (const arrival of permutations(keys)) expect(sorted(arrival)).toEqual(expected);
  });
});

describe('binary searches', () => {
  const list = [
    key('a', before('2024-10-21'), 50),
    key('b', before('2024-10-24'), 10),
    key('c', day('2024-10-24'), 11),
    key('d', day('2025-04-26'), 30),
  ];

  it('insertionIndex keeps the list ordered', () => {
    expect(insertionIndex(list, key('x', day('2024-10-24'), 5, null, 'doc-a'))).toBe(2);
    expect(insertionIndex(list, key('x', day('2024-10-24'), 12, null, 'doc-x'))).toBe(3);
    expect(insertionIndex(list, key('x', before('2024-10-01'), 99))).toBe(0);
    expect(insertionIndex(list, key('x', day('2025-05-01'), 1))).toBe(4);
  });

  it('lastIndexSaidBy finds the last claim whose whole interval is on or before the day', () => {
    expect(lastIndexSaidBy(list, '2024-10-20')).toBe(-1);
    expect(lastIndexSaidBy(list, '2024-10-21')).toBe(0);
    expect(lastIndexSaidBy(list, '2024-10-23')).toBe(0);
    expect(lastIndexSaidBy(list, '2024-10-24')).toBe(2);
    expect(lastIndexSaidBy(list, '2025-04-25')).toBe(2);
    expect(lastIndexSaidBy(list, '2025-04-26')).toBe(3);
  });

  it('saidOnOrBefore reads the upper bound, not the start of the span', () => {
    const week = { saidOn: span('2025-04-19', '2025-04-27') };
    expect(saidOnOrBefore(week, '2025-04-26')).toBe(false);
    expect(saidOnOrBefore(week, '2025-04-27')).toBe(true);
  });
});
