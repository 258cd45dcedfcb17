import { describe, expect, it } from '@jest/globals';
import { analystClaim, ClaimInputError, rejectionOf } from './analyst-claim.js';

const watch = { id: 'dprk-troops-russia', actors: [{ id: 'russia' }, { id: 'dprk' }] };
const now = new Date('2025-05-02T09:00:00Z');
const valid = {
  actor: 'russia',
  stance: 'confirm',
  saidOn: '2025-04-26',
  quote: 'Russia confirmed for the first time that North Korean troops fought in Kursk.',
  url: 'https://example.org/report',
  analyst: 'ana',
};

describe('analystClaim', () => {
  it('makes the ClaimRecorded event the extractor would, marked as the analyst’s', () => {
    const event = analystClaim(valid, watch, now);
    expect(event.type).toBe('ClaimRecorded');
    expect(event.data).toMatchObject({
      watchId: 'dprk-troops-russia',
      actorId: 'russia',
      stance: 'confirm',
      saidOn: { from: '2025-04-26', to: '2025-04-26', precision: 'day' },
      evidence: { sentence: valid.quote, start: 0, end: valid.quote.length, cues: [] },
      documentId: null,
      origin: 'analyst',
      recordedBy: 'analyst:ana',
      reportedAt: '2025-05-02T09:00:00.000Z',
      speaker: null,
    });
    expect(event.data.claimId).toMatch(/^claim-[0-9a-f]{20}$/);
  });

  it('gives the same content the same id (a retried POST records nothing new) and other content another', () => {
    expect(analystClaim(valid, watch, now).data.claimId).toBe(analystClaim(valid, watch, new Date()).data.claimId);
    expect(analystClaim({ ...valid, stance: 'deny' }, watch, now).data.claimId).not.toBe(analystClaim(valid, watch, now).data.claimId);
  });

  it('takes a span or an upper bound as said-on', () => {
    expect(analystClaim({ ...valid, saidOn: { from: '2025-04-19', to: '2025-04-27' } }, watch, now).data.saidOn).toMatchObject({
      from: '2025-04-19',
      to: '2025-04-27',
      precision: 'range',
    });
    expect(analystClaim({ ...valid, saidOn: { to: '2024-10-21' } }, watch, now).data.saidOn).toMatchObject({
      from: null,
      precision: 'before',
    });
  });

  it.each([
    [{ actor: 'ukraine' }, /actor must be one of the watch's actors \(russia, dprk\)/],
    [{ stance: 'maybe' }, /stance must be one of deny, neither, confirm/],
    [{ saidOn: '26 April' }, /saidOn must be a day/],
    [{ saidOn: { from: '2025-05-01', to: '2025-04-01' } }, /is after saidOn.to/],
    [{ saidOn: undefined }, /saidOn is required/],
    [{ quote: '  ' }, /quote must be a non-empty string/],
    [{ url: 'javascript:alert(1)' }, /url must be an http\(s\) URL/],
    [{ analyst: undefined }, /analyst is required/],
  ])('refuses %j naming the field', (change, message) => {
    expect(() => analystClaim({ ...valid, ...change }, watch, now)).toThrow(ClaimInputError);
    expect(() => analystClaim({ ...valid, ...change }, watch, now)).toThrow(message);
  });
});

describe('rejectionOf', () => {
  it('needs a reason and who rejects', () => {
    expect(rejectionOf({ reason: ' garbled attribution ', analyst: 'ana' })).toEqual({ reason: 'garbled attribution', analyst: 'ana' });
    expect(() => rejectionOf({ analyst: 'ana' })).toThrow(/reason is required/);
    expect(() => rejectionOf({ reason: 'x' })).toThrow(/analyst is required/);
    expect(() => rejectionOf(null)).toThrow(ClaimInputError);
  });
});
