import { describe, expect, it } from '@jest/globals';
import type { ArticleDocument, ClaimDraft } from '../../domain/vocabulary.js';
import { claimRecorded } from './claim-events.js';
import { claimsInForce, reextractionEvents } from './reextraction.js';

const doc = { documentId: 'doc-1', url: 'https://example.org/1', published: '2024-10-25' } as ArticleDocument;
const draft = (stance: ClaimDraft['stance'], start: number, actorId = 'russia'): ClaimDraft => ({
  watchId: 'w',
  actorId,
  speaker: 'Peskov',
  stance,
  saidOn: { from: '2024-10-24', to: '2024-10-24', precision: 'day', basis: 'Kamis (24/10)' },
  evidence: { sentence: `sentence at ${start}`, start, end: start + 20, cues: ['membantah'] },
});

describe('reextractionEvents', () => {
  const old = [draft('deny', 0), draft('confirm', 100), draft('neither', 200, 'dprk')].map((d) => claimRecorded(doc, d, 'rules-1').data);

  it('supersedes what the new version no longer finds, records what it newly finds, leaves the rest', () => {
    // rules-2 reads the sentence at 100 as "neither" and finds a new claim at 300.
    const fresh = [draft('deny', 0), draft('neither', 100), draft('neither', 200, 'dprk'), draft('deny', 300, 'dprk')];
    const events = reextractionEvents(doc, old, fresh, 'rules-2');
    expect(events.map((e) => [e.type, e.type === 'ClaimSuperseded' ? e.data.claimId : `${e.data.actorId}/${e.data.stance}@${e.data.evidence.start}`])).toEqual([
      ['ClaimSuperseded', old[1]!.claimId],
      ['ClaimRecorded', 'russia/neither@100'],
      ['ClaimRecorded', 'dprk/deny@300'],
    ]);
    const superseded = events[0]!;
    expect(superseded.data).toMatchObject({ byExtractorVersion: 'rules-2', reason: expect.stringContaining('recorded by rules-1') });
    const added = events[1]!;
    expect(added.type === 'ClaimRecorded' && added.data).toMatchObject({ recordedBy: 'rules-2', documentId: 'doc-1', reportedAt: '2024-10-25' });
  });

  it('records nothing when the new version finds the same claims', () => {
    expect(reextractionEvents(doc, old, [draft('deny', 0), draft('confirm', 100), draft('neither', 200, 'dprk')], 'rules-2')).toEqual([]);
  });

  it('claimsInForce leaves out claims superseded in the stream', () => {
    const stream = [
      ...old.map((data) => ({ type: 'ClaimRecorded', data })),
      { type: 'ClaimSuperseded', data: { claimId: old[1]!.claimId, byExtractorVersion: 'rules-2', reason: 'x' } },
    ];
    expect(claimsInForce(stream).map((c) => c.claimId)).toEqual([old[0]!.claimId, old[2]!.claimId]);
  });
});
