import { describe, expect, it } from '@jest/globals';
import { before, day, DOC, GARBLED_REASON, recorded, rejected, RUSSIA_LOG, span, WATCH } from './russia-seed.fixture.js';
import { evolve, initialState, initialTimeline, timelineOf, type LoggedEvent } from './timeline.js';
import { explainStance } from './why.js';

const timeline = (events: readonly LoggedEvent[]) => timelineOf(events.reduce(evolve, initialState()), WATCH, 'russia')!;

describe('explainStance', () => {
  it('names the watch and language-pack revisions the claim behind the stance was read with', () => {
    const log = RUSSIA_LOG.map((event) =>
      event.type === 'ClaimRecorded' && event.data.claimId === 'russia-001-confirm'
        ? { ...event, data: { ...event.data, watchRevision: 'watch-rev-2', packsRevision: 'packs-rev-7' } }
        : event,
    );
    const why = explainStance(timeline(log));
    expect(why.producedBy).toMatchObject({ claimId: 'russia-001-confirm', watchRevision: 'watch-rev-2', packsRevision: 'packs-rev-7' });
    expect(why.overrode.map((c) => c.watchRevision)).toEqual(why.overrode.map(() => null));
  });

  it('answers "why is Russia at confirm?" with the claim, what it overrode and what was dropped', () => {
    const why = explainStance(timeline(RUSSIA_LOG));

    expect(why.stance).toBe('confirm');
    expect(why.producedBy).toEqual({
      claimId: 'russia-001-confirm',
      stance: 'confirm',
      speaker: null,
      quote:
        'Pada 26 April, Rusia mengkonfirmasi untuk pertama kalinya bahwa pasukan Korea Utara secara aktif terlibat dalam pertempuran di wilayah tersebut.',
      documentId: DOC.d001,
      url: `https://example.org/seeds/${DOC.d001}`,
      saidOn: day('2025-04-26', 'Pada 26 April'),
      position: 30,
      // The fixture's events predate revisions, as old events in a log do.
      watchRevision: null,
      packsRevision: null,
    });
    expect(why.knownAtPosition).toBe(30);
    // Gerasimov's report "pekan lalu" repeats the stance; its span ends a day later.
    expect(why.reaffirmedBy.map((c) => [c.claimId, c.speaker, c.saidOn])).toEqual([
      ['russia-000-confirm', 'Gerasimov', span('2025-04-19', '2025-04-27', 'range', 'pekan lalu')],
    ]);
    expect(why.overrode.map((c) => [c.claimId, c.stance, c.documentId, c.saidOn.to])).toEqual([
      ['russia-004-deny', 'deny', DOC.d004, '2024-10-21'],
      ['russia-002-deny', 'deny', DOC.d002, '2024-10-24'],
      ['russia-002-neither', 'neither', DOC.d002, '2024-10-24'],
      ['russia-003-neither', 'neither', DOC.d003, '2024-10-24'],
    ]);
    expect(why.overrode[1]!.quote).toBe(
      'Kremlin sebelumnya membantah laporan pengerahan pasukan Korea Utara dan menggambarkannya sebagai berita palsu.',
    );
    expect(why.dropped).toHaveLength(1);
    expect(why.dropped[0]).toMatchObject({
      claimId: 'russia-002-confirm-garbled',
      stance: 'confirm',
      status: 'rejected',
      documentId: DOC.d002,
      drops: [{ kind: 'rejected', reason: GARBLED_REASON, by: 'analyst:ana', position: 60 }],
    });
    expect(why.dropped[0]!.quote).toContain('Kami punya bukti kehadiran tentara Korea di Rusia');
  });

  it('names the start of the latest run, not an earlier claim of the same stance', () => {
    const why = explainStance(
      timeline([
        recorded({ claimId: 'deny-1', stance: 'deny', saidOn: before('2024-10-21'), position: 1 }),
        recorded({ claimId: 'neither-1', stance: 'neither', saidOn: day('2024-10-24'), position: 2 }),
        recorded({ claimId: 'deny-2', stance: 'deny', saidOn: day('2024-11-05'), position: 3 }),
        recorded({ claimId: 'deny-3', stance: 'deny', saidOn: day('2024-12-01'), position: 4 }),
      ]),
    );
    expect(why.stance).toBe('deny');
    expect(why.producedBy?.claimId).toBe('deny-2');
    expect(why.reaffirmedBy.map((c) => c.claimId)).toEqual(['deny-3']);
    // deny-1 has the same stance: it is not overridden.
    expect(why.overrode.map((c) => c.claimId)).toEqual(['neither-1']);
    expect(why.knownAtPosition).toBe(3);
  });

  it('after the claim behind the stance is rejected, explains the stance that is left', () => {
    const why = explainStance(
      timeline([
        recorded({ claimId: 'neither-1', stance: 'neither', saidOn: day('2024-10-24'), position: 1 }),
        recorded({ claimId: 'confirm-1', stance: 'confirm', saidOn: day('2024-10-24'), position: 2 }),
        rejected('confirm-1', 3, 'garbled attribution'),
      ]),
    );
    expect(why.stance).toBe('neither');
    expect(why.producedBy?.claimId).toBe('neither-1');
    expect(why.overrode).toEqual([]);
    expect(why.dropped.map((c) => [c.claimId, c.status, c.drops[0]!.reason])).toEqual([
      ['confirm-1', 'rejected', 'garbled attribution'],
    ]);
  });

  it('an actor with no claims has no stance and nothing to explain', () => {
    expect(explainStance(initialTimeline(WATCH, 'usa'))).toEqual({
      watchId: WATCH,
      actorId: 'usa',
      stance: null,
      producedBy: null,
      knownAtPosition: null,
      reaffirmedBy: [],
      overrode: [],
      dropped: [],
    });
  });
});
