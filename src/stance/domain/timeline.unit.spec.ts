import { describe, expect, it } from '@jest/globals';
import type { Stance } from '../../domain/vocabulary.js';
import { compareClaims } from './claim-order.js';
import {
  before,
  day,
  DOC,
  GARBLED_REASON,
  permutations,
  recorded,
  rejected,
    RUSSIA_LOG,
  russiaLog,
  superseded,
  WATCH,
} from './russia-seed.fixture.js';
import {
  changesAround,
  claimHistory,
  currentStance,
  evolve,
  initialState,
  knownAt,
  stanceAt,
  stanceChanges,
  stanceSince,
  timelineFromRecords,
  timelineOf,
  timelineOfEvent,
  entryOf,
  extendTimeline,
  type RecordedDrop,
  type ActorTimeline,
  type LoggedEvent,
  type StanceChange,
} from './timeline.js';

const fold = (events: readonly LoggedEvent[]) => events.reduce(evolve, initialState());
const timeline = (events: readonly LoggedEvent[], actorId = 'russia'): ActorTimeline => {
  const t = timelineOf(fold(events), WATCH, actorId);
  if (!t) throw new Error(`no timeline for ${actorId}`);
  return t;
};
const steps = (t: ActorTimeline) => stanceChanges(t).map((c) => [c.from, c.to, c.claimId, c.knownAtPosition]);

/** Rows (keyed by claimId) that differ between two lists of changes: what a projection rewrites. */
function diff(before: StanceChange[], after: StanceChange[]) {
  const same = (a: StanceChange, b: StanceChange | undefined) =>
    b !== undefined && a.from === b.from && a.to === b.to && a.knownAtPosition === b.knownAtPosition;
  const byId = (list: StanceChange[]) => new Map(list.map((c) => [c.claimId, c]));
  return {
    removed: before.filter((c) => !same(c, byId(after).get(c.claimId))),
    added: after.filter((c) => !same(c, byId(before).get(c.claimId))),
  };
}

/** Russia's history as the five seeds tell it, from the fixed log (positions in the fixture). */
const RUSSIA_HISTORY: StanceChange[] = [
  {
    watchId: WATCH,
    actorId: 'russia',
    from: null,
    to: 'deny',
    effectiveOn: before('2024-10-21', 'undated; day before publication 2024-10-22'),
    claimId: 'russia-004-deny',
    documentId: DOC.d004,
    knownAtPosition: 50,
  },
  {
    watchId: WATCH,
    actorId: 'russia',
    from: 'deny',
    to: 'neither',
    effectiveOn: day('2024-10-24', 'Kamis (24/10)'),
    claimId: 'russia-002-neither',
    documentId: DOC.d002,
    knownAtPosition: 11,
  },
  {
    watchId: WATCH,
    actorId: 'russia',
    from: 'neither',
    to: 'confirm',
    effectiveOn: day('2025-04-26', 'Pada 26 April'),
    claimId: 'russia-001-confirm',
    documentId: DOC.d001,
    knownAtPosition: 30,
  },
];

/** fixtures/eval/dprk-troops-russia.gold.json: the russia rows of `as_of`, and `final`. */
const GOLD_AS_OF: [string, Stance][] = [
  ['2024-10-23', 'deny'],
  ['2024-10-25', 'neither'],
  ['2025-04-27', 'confirm'],
];
const GOLD_FINAL: Stance = 'confirm';

/** Days on which the answer changes or could be got wrong at a boundary. */
const PROBE_DAYS = ['2024-10-20', '2024-10-21', '2024-10-23', '2024-10-24', '2024-10-25', '2025-04-25', '2025-04-26', '2025-04-27'];
const PROBE_ANSWERS: (Stance | null)[] = [null, 'deny', 'deny', 'neither', 'neither', 'neither', 'confirm', 'confirm'];

describe('Russia in the seed articles', () => {
  const t = timeline(RUSSIA_LOG);

  it('reads deny -> neither (2024-10-24) -> confirm (2025-04-26)', () => {
    expect(stanceChanges(t)).toEqual(RUSSIA_HISTORY);
    expect(stanceChanges(t).map((c) => [c.to, c.effectiveOn.to])).toEqual([
      ['deny', '2024-10-21'],
      ['neither', '2024-10-24'],
      ['confirm', '2025-04-26'],
    ]);
  });

  it('answers the gold as_of rows and final stance for russia', () => {
    for (const [on, stance] of GOLD_AS_OF) expect([on, stanceAt(t, on)]).toEqual([on, stance]);
    expect(currentStance(t)).toBe(GOLD_FINAL);
  });

  it('stanceAt on boundary days: a claim counts from the upper bound of its said-on', () => {
    // 004's undated denial is bounded by 2024-10-21: nothing before, deny on the bound itself.
    expect(stanceAt(t, '2024-10-20')).toBeNull();
    expect(stanceAt(t, '2024-10-21')).toBe('deny');
    // On 24 Oct both the "earlier" denial (bound 24 Oct) and Putin's words count; the dated one is later.
    expect(stanceAt(t, '2024-10-23')).toBe('deny');
    expect(stanceAt(t, '2024-10-24')).toBe('neither');
    expect(stanceAt(t, '2025-04-25')).toBe('neither');
    expect(stanceAt(t, '2025-04-26')).toBe('confirm');
    expect(stanceAt(t, '2030-01-01')).toBe('confirm');
  });

  it('a span counts only once its upper bound is reached', () => {
    // Without 001, Gerasimov's report "pekan lalu" (19-27 Apr) is the only confirmation.
    const withoutD001 = timeline(RUSSIA_LOG.filter((e) => e.position !== 30));
    expect(stanceAt(withoutD001, '2025-04-19')).toBe('neither');
    expect(stanceAt(withoutD001, '2025-04-26')).toBe('neither');
    expect(stanceAt(withoutD001, '2025-04-27')).toBe('confirm');
    expect(stanceChanges(withoutD001).at(-1)).toMatchObject({ claimId: 'russia-000-confirm', knownAtPosition: 41 });
  });

  it('keeps every claim in the history, in claim order, with its status', () => {
    expect(claimHistory(t).map((h) => [h.claim.claimId, h.status])).toEqual([
      ['russia-004-deny', 'active'],
      ['russia-002-deny', 'active'],
      ['russia-002-neither', 'active'],
      ['russia-002-confirm-garbled', 'rejected'],
      ['russia-003-neither', 'active'],
      ['russia-001-confirm', 'active'],
      ['russia-000-confirm', 'active'],
    ]);
  });
});

describe('a late-arriving old claim', () => {
  it('changes history but not the current stance', () => {
    // Position 50 is doc 004 (published 2024-10-22), ingested after the April articles.
    const beforeIt = timelineOf(knownAt(RUSSIA_LOG, 49), WATCH, 'russia')!;
    const afterIt = timelineOf(knownAt(RUSSIA_LOG, 50), WATCH, 'russia')!;

    expect(currentStance(beforeIt)).toBe('confirm');
    expect(currentStance(afterIt)).toBe('confirm');
    expect(stanceAt(beforeIt, '2024-10-22')).toBeNull();
    expect(stanceAt(afterIt, '2024-10-22')).toBe('deny');
    expect(steps(beforeIt)).toEqual([
      [null, 'deny', 'russia-002-deny', 10],
      ['deny', 'neither', 'russia-002-neither', 11],
      ['neither', 'confirm', 'russia-002-confirm-garbled', 12],
      ['confirm', 'neither', 'russia-003-neither', 20],
      ['neither', 'confirm', 'russia-001-confirm', 30],
    ]);
    expect(steps(afterIt)).toEqual([
      [null, 'deny', 'russia-004-deny', 50],
      ['deny', 'neither', 'russia-002-neither', 11],
      ['neither', 'confirm', 'russia-002-confirm-garbled', 12],
      ['confirm', 'neither', 'russia-003-neither', 20],
      ['neither', 'confirm', 'russia-001-confirm', 30],
    ]);
    // The projection replaces one row: the first deny is now credited to the older statement.
    const { removed, added } = diff(stanceChanges(beforeIt), stanceChanges(afterIt));
    expect(removed.map((c) => c.claimId)).toEqual(['russia-002-deny']);
    expect(added.map((c) => [c.claimId, c.knownAtPosition])).toEqual([['russia-004-deny', 50]]);
    // ... which changesAround names without diffing the whole history.
    const around = changesAround(knownAt(RUSSIA_LOG, 50), RUSSIA_LOG[6]!);
    expect(around.claimIds).toEqual(['russia-004-deny', 'russia-002-deny']);
    expect(around.rows).toEqual([RUSSIA_HISTORY[0]]);
  });

  it('an October denial arriving in May does not flip the May stance back to deny', () => {
    const events = [
      recorded({ claimId: 'confirm-apr', stance: 'confirm', saidOn: day('2025-04-26'), position: 1 }),
      recorded({ claimId: 'deny-oct', stance: 'deny', saidOn: before('2024-10-24'), position: 2 }),
    ];
    const t = timeline(events);
    expect(currentStance(t)).toBe('confirm');
    expect(stanceAt(t, '2025-05-15')).toBe('confirm');
    expect(stanceAt(t, '2024-10-24')).toBe('deny');
    expect(steps(t)).toEqual([
      [null, 'deny', 'deny-oct', 2],
      ['deny', 'confirm', 'confirm-apr', 2],
    ]);
  });

  it('DESIGN rule: "had denied it before finally admitting it on 26 April", reported in May, keeps confirm', () => {
    const events = [
      recorded({ claimId: 'confirm-26-apr', stance: 'confirm', saidOn: day('2025-04-26'), position: 1 }),
      recorded({ claimId: 'deny-earlier', stance: 'deny', saidOn: before('2025-04-26', 'before admitting'), position: 2 }),
    ];
    const t = timeline(events);
    expect(currentStance(t)).toBe('confirm');
    expect(stanceAt(t, '2025-04-26')).toBe('confirm');
    expect(stanceAt(t, '2025-05-10')).toBe('confirm');
    expect(stanceAt(t, '2025-04-25')).toBeNull();
  });
});

describe('corrections', () => {
  it('a rejected claim drops out of the stance and stays in the history with its reason', () => {
    // Positions 10-12: at 12 the garbled "Kami punya bukti" line puts Russia at confirm.
    const shown = timeline(RUSSIA_LOG.slice(0, 3));
    expect(currentStance(shown)).toBe('confirm');
    expect(stanceAt(shown, '2024-10-24')).toBe('confirm');

    const corrected = timeline([...RUSSIA_LOG.slice(0, 3), rejected('russia-002-confirm-garbled', 13, GARBLED_REASON)]);
    expect(currentStance(corrected)).toBe('neither');
    expect(stanceAt(corrected, '2024-10-24')).toBe('neither');
    expect(steps(corrected)).toEqual([
      [null, 'deny', 'russia-002-deny', 10],
      ['deny', 'neither', 'russia-002-neither', 11],
    ]);
    const garbled = claimHistory(corrected).find((h) => h.claim.claimId === 'russia-002-confirm-garbled');
    expect(garbled).toMatchObject({
      status: 'rejected',
      drops: [{ kind: 'rejected', reason: GARBLED_REASON, by: 'analyst:ana', position: 13 }],
    });
  });

  it('rejecting the claim behind the current stance moves the stance back, stamped with the rejection', () => {
    const events = [...RUSSIA_LOG, rejected('russia-001-confirm', 70, 'wrong actor'), rejected('russia-000-confirm', 71, 'wrong actor')];
    const t = timeline(events);
    expect(currentStance(t)).toBe('neither');
    expect(steps(t)).toEqual([
      [null, 'deny', 'russia-004-deny', 50],
      ['deny', 'neither', 'russia-002-neither', 11],
    ]);
    // After only the first rejection, the change to confirm moves to 000's claim, known from 70.
    expect(steps(timeline(events.slice(0, -1))).at(-1)).toEqual(['neither', 'confirm', 'russia-000-confirm', 70]);
  });

  it('a superseded claim drops out; the re-extracted claim takes its place', () => {
    // Extractor 1 read the DPRK delegate's "no need to comment on unfounded rumours" as neither;
    // extractor 2 reads it as a denial, supersedes the old claim and records a new one.
    const quote = 'delegasi saya tidak melihat perlunya mengomentari rumor yang tidak berdasar';
    const events = [
      recorded({ claimId: 'dprk-v1', actorId: 'dprk', stance: 'neither', saidOn: day('2024-10-21'), position: 1, quote }),
      recorded({ claimId: 'dprk-confirm', actorId: 'dprk', stance: 'confirm', saidOn: day('2025-04-28'), position: 2 }),
      superseded('dprk-v1', 5, 'not found by extractor@2'),
      recorded({ claimId: 'dprk-v2', actorId: 'dprk', stance: 'deny', saidOn: day('2024-10-21'), position: 6, quote }),
    ];
    expect(stanceAt(timeline(events.slice(0, 2), 'dprk'), '2024-10-22')).toBe('neither');
    const t = timeline(events, 'dprk');
    expect(stanceAt(t, '2024-10-22')).toBe('deny');
    expect(currentStance(t)).toBe('confirm');
    expect(steps(t)).toEqual([
      [null, 'deny', 'dprk-v2', 6],
      ['deny', 'confirm', 'dprk-confirm', 6],
    ]);
    expect(claimHistory(t).map((h) => [h.claim.claimId, h.status, h.drops.map((d) => [d.by, d.reason])])).toEqual([
      ['dprk-v1', 'superseded', [['extractor@2', 'not found by extractor@2']]],
      ['dprk-v2', 'active', []],
      ['dprk-confirm', 'active', []],
    ]);
  });
});

describe('stance changes', () => {
  it('repeated same-stance claims make no change', () => {
    const events = [
      recorded({ claimId: 'n1', stance: 'neither', saidOn: day('2024-10-24'), position: 1 }),
      recorded({ claimId: 'n2', stance: 'neither', saidOn: day('2024-10-24'), position: 2 }),
      recorded({ claimId: 'n3', stance: 'neither', saidOn: before('2025-04-25'), position: 3 }),
      recorded({ claimId: 'c1', stance: 'confirm', saidOn: day('2025-04-26'), position: 4 }),
      recorded({ claimId: 'c2', stance: 'confirm', saidOn: day('2025-04-28'), position: 5 }),
    ];
    expect(steps(timeline(events))).toEqual([
      [null, 'neither', 'n1', 1],
      ['neither', 'confirm', 'c1', 4],
    ]);
  });

  it('a claim landing in the middle replaces only the rows at it and at its successor', () => {
    const base = stanceChanges(timeline(RUSSIA_LOG));
    // A redundant neither in January changes no row at all.
    const redundant = recorded({ claimId: 'jan-neither', stance: 'neither', saidOn: day('2025-01-15'), position: 70 });
    const withRedundant = fold([...RUSSIA_LOG, redundant]);
    expect(diff(base, stanceChanges(timelineOf(withRedundant, WATCH, 'russia')!))).toEqual({ removed: [], added: [] });
    expect(changesAround(withRedundant, redundant)).toEqual({
      claimIds: ['jan-neither', 'russia-001-confirm'],
      rows: [RUSSIA_HISTORY[2]],
    });
    // A denial in January: a new row at it, and 001's row now starts from deny.
    const denial = recorded({ claimId: 'jan-deny', stance: 'deny', saidOn: day('2025-01-15'), position: 70 });
    const withDenial = fold([...RUSSIA_LOG, denial]);
    const { removed, added } = diff(base, stanceChanges(timelineOf(withDenial, WATCH, 'russia')!));
    expect(removed.map((c) => [c.from, c.to, c.claimId, c.knownAtPosition])).toEqual([
      ['neither', 'confirm', 'russia-001-confirm', 30],
    ]);
    expect(added.map((c) => [c.from, c.to, c.claimId, c.knownAtPosition])).toEqual([
      ['neither', 'deny', 'jan-deny', 70],
      ['deny', 'confirm', 'russia-001-confirm', 70],
    ]);
    expect(changesAround(withDenial, denial)).toEqual({ claimIds: ['jan-deny', 'russia-001-confirm'], rows: added });
  });

  it('a live projection rewriting only the rows changesAround names holds the rows a rebuild derives', () => {
    const events = [
      ...RUSSIA_LOG,
      recorded({ claimId: 'jan-deny', stance: 'deny', saidOn: day('2025-01-15'), position: 70 }),
      rejected('jan-deny', 80, 'misread'),
      recorded({ claimId: 'nov-deny', stance: 'deny', saidOn: before('2024-11-30'), position: 90 }),
      recorded({ claimId: 'may-confirm', stance: 'confirm', saidOn: day('2025-05-02'), position: 91 }),
    ];
    const state = initialState();
    const rows = new Map<string, StanceChange>();
    for (const event of events) {
      evolve(state, event);
      const { claimIds, rows: fresh } = changesAround(state, event);
      expect(claimIds.length).toBeLessThanOrEqual(2);
      for (const id of claimIds) rows.delete(id);
      for (const c of fresh) rows.set(c.claimId, c);
    }
    const rebuilt = stanceChanges(timeline([...events].reverse()));
    const byPosition = (a: StanceChange, b: StanceChange) => a.knownAtPosition - b.knownAtPosition || (a.claimId < b.claimId ? -1 : 1);
    expect([...rows.values()].sort(byPosition)).toEqual([...rebuilt].sort(byPosition));
    expect(rebuilt.map((c) => [c.from, c.to, c.claimId, c.knownAtPosition])).toEqual([
      [null, 'deny', 'russia-004-deny', 50],
      ['deny', 'neither', 'russia-002-neither', 11],
      ['neither', 'deny', 'nov-deny', 90],
      ['deny', 'confirm', 'russia-001-confirm', 90],
    ]);
  });
});

describe('transaction time: knownAt', () => {
  const at = (position: number) => timelineOf(knownAt(RUSSIA_LOG, position), WATCH, 'russia');

  it('shows what the service knew at each log position', () => {
    expect(at(9)).toBeUndefined();
    expect([currentStance(at(10)!), currentStance(at(11)!), currentStance(at(15)!), currentStance(at(25)!)]).toEqual([
      'deny',
      'neither',
      'confirm', // the garbled line, not yet rejected
      'neither',
    ]);
    expect(steps(at(11)!)).toEqual([
      [null, 'deny', 'russia-002-deny', 10],
      ['deny', 'neither', 'russia-002-neither', 11],
    ]);
    expect(claimHistory(at(59)!).find((h) => h.claim.claimId === 'russia-002-confirm-garbled')?.status).toBe('active');
    expect(claimHistory(at(60)!).find((h) => h.claim.claimId === 'russia-002-confirm-garbled')?.status).toBe('rejected');
    expect(stanceChanges(at(60)!)).toEqual(RUSSIA_HISTORY);
  });

  it('does not depend on the order the events are handed in', () => {
    expect(steps(timelineOf(knownAt([...RUSSIA_LOG].reverse(), 45), WATCH, 'russia')!)).toEqual(steps(at(45)!));
  });
});

// ---- Order independence ----------------------------------------------------------------------

/** Sorted-key JSON: equal values give equal strings, whatever their key order. */
const canon = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

/**
 * knownAtPosition straight from its definition, without the projection: for every log position,
 * rebuild the active claims by brute force and look for the change; the answer is where its last
 * uninterrupted run of presence starts.
 */
function knownAtByDefinition(events: readonly LoggedEvent[], change: StanceChange): number | undefined {
  const present = (upTo: number) => {
    const seen = events.filter((e) => e.position <= upTo);
    const dropped = new Set<string>();
    for (const e of seen) if (e.type === 'ClaimRejected' || e.type === 'ClaimSuperseded') dropped.add(e.data.claimId);
    const active = seen
      .flatMap((e) => (e.type === 'ClaimRecorded' ? [entryOf(e)] : []))
      .filter((c) => c.actorId === change.actorId && !dropped.has(c.claimId))
      .sort(compareClaims);
    const i = active.findIndex((c) => c.claimId === change.claimId);
    return i >= 0 && active[i]!.stance === change.to && (i === 0 ? null : active[i - 1]!.stance) === change.from;
  };
  let since: number | undefined;
  for (const p of [...new Set(events.map((e) => e.position))].sort((a, b) => a - b)) {
    since = present(p) ? (since ?? p) : undefined;
  }
  return since;
}

describe('order independence', () => {
  it('every arrival order of the Russia log (8! = 40320) gives the same stances, changes and history', () => {
    const expected = canon({
      current: GOLD_FINAL,
      changes: RUSSIA_HISTORY,
      answers: PROBE_ANSWERS,
      history: [
        'russia-004-deny',
        'russia-002-deny',
        'russia-002-neither',
        'russia-002-confirm-garbled:rejected',
        'russia-003-neither',
        'russia-001-confirm',
        'russia-000-confirm',
      ],
    });
    let orders = 0;
    const differing: number[][] = [];
    for (const arrival of permutations(RUSSIA_LOG)) {
      const t = timeline(arrival);
      const got = canon({
        current: currentStance(t),
        changes: stanceChanges(t),
        answers: PROBE_DAYS.map((d) => stanceAt(t, d)),
        history: claimHistory(t).map((h) => (h.status === 'active' ? h.claim.claimId : `${h.claim.claimId}:${h.status}`)),
      });
      if (got !== expected && differing.length < 3) differing.push(arrival.map((e) => e.position));
      orders++;
    }
    expect(orders).toBe(40320);
    expect(differing).toEqual([]);
  });

  it('knownAtPosition is the start of the uninterrupted presence, as defined', () => {
    const changes = stanceChanges(timeline(RUSSIA_LOG));
    expect(changes.map((c) => knownAtByDefinition(RUSSIA_LOG, c))).toEqual([50, 11, 30]);
    expect(changes.map((c) => c.knownAtPosition)).toEqual([50, 11, 30]);
  });

  it('any ingestion order of the five documents (5! = 120): same stances, history and credited claims', () => {
    for (const order of permutations(Object.keys(DOC) as (keyof typeof DOC)[])) {
      const events = russiaLog(order);
      const t = timeline(events);
      expect(currentStance(t)).toBe('confirm');
      expect(PROBE_DAYS.map((d) => stanceAt(t, d))).toEqual(PROBE_ANSWERS);
      const changes = stanceChanges(t);
      expect(changes.map((c) => [c.from, c.to, c.effectiveOn.to])).toEqual([
        [null, 'deny', '2024-10-21'],
        ['deny', 'neither', '2024-10-24'],
        ['neither', 'confirm', '2025-04-26'],
      ]);
      // 002 (published 25 Oct) and 003 (29 Oct) both date Putin's "urusan kami" to 24 Oct: the
      // earlier report is credited, whichever was logged first.
      expect(changes.map((c) => c.claimId)).toEqual(['russia-004-deny', 'russia-002-neither', 'russia-001-confirm']);
      // knownAtPosition is transaction time, so it follows the ingestion order, as defined.
      expect(changes.map((c) => c.knownAtPosition)).toEqual(changes.map((c) => knownAtByDefinition(events, c)));
    }
  });
});

describe('timelineFromRecords (what the projection stores, folded back)', () => {
  /** The log split the way the projection's tables hold it: claim rows and drop rows. */
  const records = (events: readonly LoggedEvent[]) => {
    const claims = events.flatMap((e) => (e.type === 'ClaimRecorded' ? [entryOf(e)] : []));
    const drops = events.flatMap((e): RecordedDrop[] =>
      e.type === 'ClaimRejected'
        ? [{ claimId: e.data.claimId, kind: 'rejected', reason: e.data.reason, by: e.data.by, position: e.position }]
        : e.type === 'ClaimSuperseded'
          ? [{ claimId: e.data.claimId, kind: 'superseded', reason: e.data.reason, by: e.data.byExtractorVersion, position: e.position }]
          : [],
    );
    return { claims, drops };
  };

  it('gives the same timeline as folding the events, whatever order the rows come in', () => {
    const { claims, drops } = records(RUSSIA_LOG);
    const expected = timeline(RUSSIA_LOG);
    for (const rows of [claims, [...claims].reverse()]) {
      const t = timelineFromRecords(WATCH, 'russia', rows, [...drops].reverse());
      expect(stanceChanges(t)).toEqual(RUSSIA_HISTORY);
      expect(claimHistory(t)).toEqual(claimHistory(expected));
      expect(stanceSince(t)?.claimId).toBe('russia-001-confirm');
    }
  });

  it('a drop row logged before its claim (no real log does that) leaves the claim out, as evolve does', () => {
    const events = [
      recorded({ claimId: 'deny-1', stance: 'deny', saidOn: day('2024-10-21'), position: 1 }),
      rejected('confirm-1', 2, 'rejected ahead of the claim'),
      recorded({ claimId: 'confirm-1', stance: 'confirm', saidOn: day('2024-10-24'), position: 3 }),
    ];
    const { claims, drops } = records(events);
    const t = timelineFromRecords(WATCH, 'russia', claims, drops);
    expect(currentStance(t)).toBe('deny');
    expect(steps(t)).toEqual(steps(timeline(events)));
  });
  it('extending a fold of a prefix of the log by the rest gives the fold of the whole log, at every split', () => {
    const log = [...RUSSIA_LOG, rejected('russia-001-confirm', 900, 'not his words'), superseded('russia-002-neither', 901, 'read again')];
    const whole = records(log);
    const expected = timelineFromRecords(WATCH, 'russia', whole.claims, whole.drops);
    const positions = log.map((e) => e.position).sort((a, b) => a - b);
    for (const split of [0, ...positions]) {
      const head = records(log.filter((e) => e.position <= split));
      const tail = records(log.filter((e) => e.position > split));
      const prefix = timelineFromRecords(WATCH, 'russia', head.claims, head.drops);
      const prefixChanges = stanceChanges(prefix);
      const extended = extendTimeline(prefix, tail.claims, tail.drops);
      expect({ split, changes: stanceChanges(extended) }).toEqual({ split, changes: stanceChanges(expected) });
      expect(claimHistory(extended)).toEqual(claimHistory(expected));
      // The prefix is left as it was: an answer still reading it keeps its view.
      expect(stanceChanges(prefix)).toEqual(prefixChanges);
      expect(claimHistory(prefix)).toEqual(claimHistory(timelineFromRecords(WATCH, 'russia', head.claims, head.drops)));
    }
  });

  it('claimHistory lists active and dropped claims together in claim order', () => {
    const log = [...RUSSIA_LOG, rejected('russia-001-confirm', 900, 'not his words'), rejected('russia-004-deny', 901, 'misread')];
    const { claims, drops } = records(log);
    const history = claimHistory(timelineFromRecords(WATCH, 'russia', claims, drops));
    expect(history.map((h) => h.claim.claimId)).toEqual([...claims].sort(compareClaims).map((c) => c.claimId));
    expect(history.filter((h) => h.status === 'rejected').map((h) => h.claim.claimId).sort()).toEqual(['russia-001-confirm', 'russia-002-confirm-garbled', 'russia-004-deny']); // the log already rejects the garbled one
  });
});

describe('event delivery', () => {
  it('the same event delivered twice changes nothing', () => {
    const twice = [...RUSSIA_LOG, ...RUSSIA_LOG];
    expect(stanceChanges(timeline(twice))).toEqual(RUSSIA_HISTORY);
    expect(claimHistory(timeline(twice)).find((h) => h.status === 'rejected')?.drops).toHaveLength(1);
  });

  it('a rejection that arrives before its claim applies when the claim arrives', () => {
    const state = fold([rejected('russia-002-confirm-garbled', 60, GARBLED_REASON)]);
    expect(state.pendingDrops.get('russia-002-confirm-garbled')).toHaveLength(1);
    const t = timelineOf(RUSSIA_LOG.slice(0, 7).reduce(evolve, state), WATCH, 'russia')!;
    expect(state.pendingDrops.size).toBe(0);
    expect(stanceChanges(t)).toEqual(RUSSIA_HISTORY);
  });

  it('a drop positioned before its own claim (no real log does that) means the claim never counted', () => {
    const events = [
      recorded({ claimId: 'deny-1', stance: 'deny', saidOn: day('2024-10-21'), position: 1 }),
      rejected('confirm-1', 2, 'rejected ahead of the claim'),
      recorded({ claimId: 'confirm-1', stance: 'confirm', saidOn: day('2024-10-24'), position: 3 }),
      recorded({ claimId: 'neither-1', stance: 'neither', saidOn: day('2025-04-26'), position: 4 }),
    ];
    for (const arrival of permutations(events)) {
      const t = timeline(arrival);
      expect(t.active.map((e) => e.claimId)).toEqual(['deny-1', 'neither-1']);
      expect(steps(t)).toEqual([
        [null, 'deny', 'deny-1', 1],
        ['deny', 'neither', 'neither-1', 4],
      ]);
    }
  });

  it('other event types pass through', () => {
    const state = initialState();
    const ingested = { type: 'DocumentIngested', position: 1, data: {} } as unknown as LoggedEvent;
    expect(evolve(state, ingested)).toBe(state);
    expect(state.timelines.size).toBe(0);
    expect(timelineOfEvent(state, ingested)).toBeUndefined();
  });

  it('changesAround names nothing for events outside the stance', () => {
    const state = fold(RUSSIA_LOG);
    expect(changesAround(state, { type: 'DocumentIngested', position: 99, data: {} } as unknown as LoggedEvent)).toEqual({
      claimIds: [],
      rows: [],
    });
    expect(changesAround(state, rejected('unknown-claim', 100, 'x'))).toEqual({ claimIds: [], rows: [] });
  });
});
