// What a projection batch announces: the stance changes that appeared or were altered, and the
// ones that disappeared. Pure: the projection hands in a timeline's change rows before and after
// it re-folded the timeline.
import type { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import type { TimelineEntry } from './claim-order.js';
import type { StanceChange } from './timeline.js';

export interface StanceAlert extends Omit<StanceChange, 'knownAtPosition'> {
  kind: 'changed' | 'withdrawn';
  /**
   * The log position that made the change known (its knownAtPosition) or withdrew it: server-sent
   * events carry it as their id, and alerts are announced in its order.
   */
  position: number;
}

/**
 * The alerts between a timeline's change rows `before` and `after` an update:
 * - `changed`: a change in `after` that `before` did not hold with the same claim, from and to
 *   (a new change, or one a late claim or a drop altered). Its position is its knownAtPosition;
 * - `withdrawn`: a claim that made a change in `before` and makes none in `after` (rejected,
 *   superseded, or now repeating the stance before it), at `withdrawnAt`: the position of the
 *   newest event applied to the timeline, the one that withdrew it.
 * A change present in both, unaltered, announces nothing: re-folding never re-announces.
 */
export function alertsBetween(before: readonly StanceChange[], after: readonly StanceChange[], withdrawnAt: number): StanceAlert[] {
  // Only the rows that are not the very same objects in both can differ: a timeline extended by
  // a move keeps the change objects it did not recount (extendStanceChanges), and a long history
  // has thousands of them. Among the rest, by claim id (a claim makes at most one change).
  const { removed, added } = differingChanges(before, after);
  const addedByClaim = new Map(added.map((c) => [c.claimId, c]));
  const removedByClaim = new Map(removed.map((c) => [c.claimId, c]));
  const alerts: StanceAlert[] = [];
  for (const change of removed) {
    if (!addedByClaim.has(change.claimId)) alerts.push(alertOf(change, 'withdrawn', withdrawnAt));
  }
  for (const change of added) {
    const was = removedByClaim.get(change.claimId);
    if (!was || was.from !== change.from || was.to !== change.to) alerts.push(alertOf(change, 'changed', change.knownAtPosition));
  }
  return alerts;
}

/**
 * The change rows of `before` that are not in `after` and those of `after` not in `before`, by
 * identity: rows read back from the database share no object with a fold and all differ, then
 * compared by claim and content by the caller. A claim holds at most one row in each list.
 */
export function differingChanges(before: readonly StanceChange[], after: readonly StanceChange[]): { removed: StanceChange[]; added: StanceChange[] } {
  const inBefore = new Set(before);
  const added = after.filter((c) => !inBefore.has(c));
  if (added.length === 0 && after.length === before.length) return { removed: [], added };
  const inAfter = new Set(after);
  return { removed: before.filter((c) => !inAfter.has(c)), added };
}

/** The order alerts are announced in: log position, withdrawals before the changes they make way for. */
export function compareAlerts(a: StanceAlert, b: StanceAlert): number {
  return (
    a.position - b.position ||
    (a.kind === b.kind ? 0 : a.kind === 'withdrawn' ? -1 : 1) ||
    cmp(a.watchId, b.watchId) ||
    cmp(a.actorId, b.actorId) ||
    cmp(a.effectiveOn.to, b.effectiveOn.to) ||
    cmp(a.claimId, b.claimId)
  );
}

function alertOf({ knownAtPosition: _, ...change }: StanceChange, kind: StanceAlert['kind'], position: number): StanceAlert {
  return { ...change, kind, position };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An alert as the outbox stores it, with the claim behind it and that claim's article. */
export interface AlertRecord extends StanceAlert {
  /** The outbox's sequence number: log order, one per alert. */
  alertId: number;
  claim: TimelineEntry | null;
  document: { url: string; outlet: string; title: string; published: string; language: string } | null;
}

/** What a person reads at a glance: "Russia: neither → confirm". */
export function changeTitle(actorName: string, from: Stance | null, to: Stance): string {
  return `${actorName}: ${from ?? 'no stance'} → ${to}`;
}

/**
 * The JSON of an alert, the same for a webhook body and a live-stream event: what changed, the
 * claim and article behind it, and where to read more.
 */
export interface AlertPayload {
  type: 'stance.changed' | 'stance.withdrawn';
  alertId: number;
  position: number;
  watch: string;
  actor: { id: string; name: string };
  title: string;
  from: Stance | null;
  to: Stance;
  effectiveOn: SaidOn;
  claim: {
    claimId: string;
    speaker: string | null;
    quote: string;
    saidOn: SaidOn;
    url: string;
    article: { outlet: string; title: string; published: string; language: string } | null;
  } | null;
  links: { why: string; history: string; feed: string };
}

export function alertPayload(record: AlertRecord, actorName: string, links: PublicLinks): AlertPayload {
  const title = changeTitle(actorName, record.from, record.to);
  const claim = record.claim;
  return {
    type: record.kind === 'changed' ? 'stance.changed' : 'stance.withdrawn',
    alertId: record.alertId,
    position: record.position,
    watch: record.watchId,
    actor: { id: record.actorId, name: actorName },
    title: record.kind === 'changed' ? title : `${title} withdrawn`,
    from: record.from,
    to: record.to,
    effectiveOn: record.effectiveOn,
    claim: claim && {
      claimId: claim.claimId,
      speaker: claim.speaker,
      quote: claim.quote,
      saidOn: claim.saidOn,
      url: claim.url,
      article: record.document && {
        outlet: record.document.outlet,
        title: record.document.title,
        published: record.document.published,
        language: record.document.language,
      },
    },
    links: {
      why: links.why(record.watchId, record.actorId),
      history: links.history(record.watchId, record.actorId),
      feed: `${links.feed({ kind: 'actor-changes', watchId: record.watchId, actorId: record.actorId })}.atom`,
    },
  };
}

/** A claim as the live stream announces it. */
export interface ClaimPayload {
  type: 'claim.recorded';
  position: number;
  claimId: string;
  watch: string;
  actor: { id: string; name: string };
  stance: Stance;
  speaker: string | null;
  quote: string;
  saidOn: SaidOn;
  url: string;
  origin: string;
  article: { outlet: string; title: string; published: string; language: string } | null;
  links: { why: string; document: string | null };
}

export function claimPayload(
  claim: TimelineEntry & { origin: string },
  document: AlertRecord['document'],
  actorName: string,
  links: PublicLinks,
): ClaimPayload {
  return {
    type: 'claim.recorded',
    position: claim.position,
    claimId: claim.claimId,
    watch: claim.watchId,
    actor: { id: claim.actorId, name: actorName },
    stance: claim.stance,
    speaker: claim.speaker,
    quote: claim.quote,
    saidOn: claim.saidOn,
    url: claim.url,
    origin: claim.origin,
    article: document && { outlet: document.outlet, title: document.title, published: document.published, language: document.language },
    links: { why: links.why(claim.watchId, claim.actorId), document: claim.documentId ? links.document(claim.documentId) : null },
  };
}
