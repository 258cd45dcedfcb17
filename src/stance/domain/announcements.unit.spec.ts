import { describe, expect, it } from '@jest/globals';
import type { SaidOn } from '../../domain/vocabulary.js';
import type { StanceAlert } from './alerts.js';
import { announcementTimes, announcementsOf, feedsOf, nextLastModified, type BatchRecords } from './announcements.js';
import { timelineKey } from './timeline.js';

const day: SaidOn = { from: '2025-04-26', to: '2025-04-26', precision: 'day', basis: '' };
const alert = (alertId: number, kind: StanceAlert['kind'], claimId: string, position: number, from: StanceAlert['from'], to: StanceAlert['to']) => ({
  alertId, kind, claimId, position, from, to, watchId: 'w', actorId: 'russia', effectiveOn: day, documentId: null,
});
const batch = (overrides: Partial<BatchRecords>): BatchRecords => ({
  claims: [],
  drops: [],
  alerts: [],
  announcedBefore: new Map(),
  current: new Map([[timelineKey('w', 'russia'), { stance: 'confirm', sinceClaimId: 'b' }]]),
  ...overrides,
});

describe('announcementsOf', () => {
  it('announces claims before the changes they make, and whether each moved the current stance', () => {
    const drafts = announcementsOf(batch({
      claims: [{ claimId: 'a', watchId: 'w', actorId: 'russia', position: 5 }, { claimId: 'b', watchId: 'w', actorId: 'russia', position: 6 }],
      alerts: [alert(2, 'changed', 'b', 6, 'deny', 'confirm'), alert(1, 'changed', 'a', 5, null, 'deny')],
    }));
    expect(drafts.map((d) => [d.kind, d.claimId, d.changedCurrent, d.currentStance])).toEqual([
      ['claim', 'a', false, 'confirm'],
      ['change', 'a', false, 'confirm'],
      ['claim', 'b', true, 'confirm'],
      ['change', 'b', true, 'confirm'],
    ]);
  });

  it('makes a withdrawal and the change that replaces it at one position one correction of the announced entry', () => {
    const drafts = announcementsOf(batch({
      drops: [{ claimId: 'old', watchId: 'w', actorId: 'russia', position: 9 }],
      alerts: [alert(7, 'withdrawn', 'old', 9, 'deny', 'confirm'), alert(8, 'changed', 'b', 9, 'deny', 'confirm')],
      announcedBefore: new Map([['old', { alertId: 3, kind: 'changed' as const }]]),
    }));
    expect(drafts.map((d) => [d.kind, d.claimId, d.alertId, d.correctsAlertId])).toEqual([
      ['claim-dropped', 'old', null, null],
      ['correction', 'b', 8, 3],
    ]);
  });

  it('announces a withdrawal without a replacement, and a change of an announced claim as a correction', () => {
    const drafts = announcementsOf(batch({
      alerts: [alert(7, 'withdrawn', 'old', 9, 'deny', 'confirm'), alert(8, 'changed', 'b', 9, 'neither', 'confirm')],
      announcedBefore: new Map([['old', { alertId: 3, kind: 'changed' as const }], ['b', { alertId: 4, kind: 'changed' as const }]]),
    }));
    expect(drafts.map((d) => [d.kind, d.claimId, d.correctsAlertId])).toEqual([
      ['withdrawal', 'old', 3],
      ['correction', 'b', 4],
    ]);
  });

  it('names the feeds an entry is in', () => {
    expect(feedsOf({ kind: 'change', watchId: 'w', actorId: 'a' })).toEqual(['changes', 'watch-changes:w', 'actor-changes:w:a']);
    expect(feedsOf({ kind: 'claim-dropped', watchId: 'w', actorId: 'a' })).toEqual(['watch-claims:w']);
  });
});

describe('announcement dates', () => {
  it('makes updated unique and increasing, even for entries recorded at one instant', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    const times = announcementTimes([at, at, new Date(at.getTime() - 5000), new Date(at.getTime() + 60_000)], new Date(at.getTime() - 1));
    expect(times.map((t) => t.toISOString())).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00.001Z',
      '2026-01-01T00:00:00.002Z',
      '2026-01-01T00:01:00.000Z',
    ]);
  });

  it('moves a feed’s Last-Modified on by a whole second at least, so two versions within one second differ', () => {
    const now = new Date('2026-01-01T10:00:00.700Z');
    const first = nextLastModified(now, null);
    expect(first.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    const second = nextLastModified(new Date('2026-01-01T10:00:00.900Z'), first);
    expect(second.toUTCString()).not.toBe(first.toUTCString());
    expect(nextLastModified(new Date('2026-01-01T10:05:00.100Z'), second).toISOString()).toBe('2026-01-01T10:05:00.000Z');
  });
});
