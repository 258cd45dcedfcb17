// What a projection batch adds to the feeds' announcement log (migrations/0010): entries are
// announced once and never edited, so a change that a later event withdrew or altered is not
// rewritten but followed by a new entry that says what it corrects. Pure: the projection hands in
// the batch's claims, drops and alerts (with their outbox ids), the latest announced alert of each
// claim, and each timeline's current stance after the batch.
import type { Stance } from '../../domain/vocabulary.js';
import type { StanceAlert } from './alerts.js';
import { timelineKey } from './timeline.js';

export type AnnouncementKind = 'change' | 'correction' | 'withdrawal' | 'claim' | 'claim-dropped';

export interface AnnouncementDraft {
  kind: AnnouncementKind;
  watchId: string;
  actorId: string;
  claimId: string;
  position: number;
  alertId: number | null;
  correctsAlertId: number | null;
  changedCurrent: boolean;
  currentStance: Stance | null;
}

export interface BatchRecords {
  claims: readonly { claimId: string; watchId: string; actorId: string; position: number }[];
  drops: readonly { claimId: string; watchId: string; actorId: string; position: number }[];
  alerts: readonly (StanceAlert & { alertId: number })[];
  /** Per claim id, the alert of its latest announced change, correction or withdrawal before this batch. */
  announcedBefore: ReadonlyMap<string, { alertId: number; kind: 'changed' | 'withdrawn' }>;
  /** Per timeline (by timelineKey), the current stance after the batch and the claim it rests on. */
  current: ReadonlyMap<string, { stance: Stance | null; sinceClaimId: string | null }>;
}

/**
 * The batch's entries in announcement order: by log position; at one position, claims and drops
 * first (what happened), then per timeline the withdrawals and changes they caused. A withdrawal
 * and a change of one timeline at one position with the same from and to (the change now rests
 * on another claim, e.g. a re-attributed statement) are one correction, not a withdrawal and a
 * second entry that repeats the first one's title.
 */
export function announcementsOf(batch: BatchRecords): AnnouncementDraft[] {
  const latest = new Map(batch.announcedBefore);
  const now = (watchId: string, actorId: string) => batch.current.get(timelineKey(watchId, actorId)) ?? { stance: null, sinceClaimId: null };
  const draft = (kind: AnnouncementKind, r: { watchId: string; actorId: string; claimId: string; position: number }, alertId: number | null, correctsAlertId: number | null): AnnouncementDraft => {
    const current = now(r.watchId, r.actorId);
    return {
      kind,
      watchId: r.watchId,
      actorId: r.actorId,
      claimId: r.claimId,
      position: r.position,
      alertId,
      correctsAlertId,
      changedCurrent: kind !== 'withdrawal' && kind !== 'claim-dropped' && current.sinceClaimId === r.claimId,
      currentStance: current.stance,
    };
  };

  const positions = [...new Set([...batch.claims, ...batch.drops, ...batch.alerts].map((r) => r.position))].sort((a, b) => a - b);
  const drafts: AnnouncementDraft[] = [];
  for (const position of positions) {
    for (const claim of batch.claims) if (claim.position === position) drafts.push(draft('claim', claim, null, null));
    for (const drop of batch.drops) if (drop.position === position) drafts.push(draft('claim-dropped', drop, null, null));
    const alerts = batch.alerts.filter((a) => a.position === position).sort((a, b) => a.alertId - b.alertId);
    const paired = new Set<number>();
    for (const withdrawn of alerts.filter((a) => a.kind === 'withdrawn')) {
      // Without an earlier entry (a change announced before the log existed) the entry still says
      // what no longer holds; it only cannot point at what it corrects.
      const earlier = latest.get(withdrawn.claimId);
      const replacement = alerts.find(
        (a) => a.kind === 'changed' && !paired.has(a.alertId) && a.watchId === withdrawn.watchId && a.actorId === withdrawn.actorId && a.from === withdrawn.from && a.to === withdrawn.to && !latest.has(a.claimId),
      );
      if (replacement) {
        paired.add(replacement.alertId);
        drafts.push(draft('correction', replacement, replacement.alertId, earlier?.alertId ?? null));
        latest.set(replacement.claimId, { alertId: replacement.alertId, kind: 'changed' });
      } else {
        drafts.push(draft('withdrawal', withdrawn, withdrawn.alertId, earlier?.alertId ?? null));
      }
      latest.set(withdrawn.claimId, { alertId: withdrawn.alertId, kind: 'withdrawn' });
    }
    for (const changed of alerts.filter((a) => a.kind === 'changed' && !paired.has(a.alertId))) {
      const earlier = latest.get(changed.claimId);
      drafts.push(draft(earlier ? 'correction' : 'change', changed, changed.alertId, earlier?.alertId ?? null));
      latest.set(changed.claimId, { alertId: changed.alertId, kind: 'changed' });
    }
  }
  return drafts;
}

/** The feeds an entry appears in: the keys of feed_versions. */
export function feedsOf(entry: Pick<AnnouncementDraft, 'kind' | 'watchId' | 'actorId'>): string[] {
  if (entry.kind === 'claim' || entry.kind === 'claim-dropped') return [`watch-claims:${entry.watchId}`];
  return ['changes', `watch-changes:${entry.watchId}`, `actor-changes:${entry.watchId}:${entry.actorId}`];
}

/**
 * Each entry's `updated`: its log time, or a millisecond after the entry before it when that is
 * not earlier, so that `updated` is unique and increasing over the whole log.
 */
export function announcementTimes(recordedAt: readonly Date[], previous: Date | null): Date[] {
  let last = previous?.getTime() ?? -Infinity;
  return recordedAt.map((at) => {
    last = Math.max(at.getTime(), last + 1);
    return new Date(last);
  });
}

/**
 * A feed's next Last-Modified: now at whole seconds, or a second after its previous one when that
 * is not earlier. HTTP dates have whole seconds, so two versions within one second must not share one.
 */
export function nextLastModified(now: Date, previous: Date | null): Date {
  const second = Math.floor(now.getTime() / 1000) * 1000;
  return new Date(previous === null ? second : Math.max(second, previous.getTime() + 1000));
}
