// "Why is Russia at confirm?": the claims behind an actor's current stance, with the evidence an
// auditor checks (quote, document, url, said-on). Pure; reads a timeline, changes nothing.

import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import { compareClaims, type TimelineEntry } from './claim-order.js';
import { currentStance, stanceSince, type ActorTimeline, type Drop } from './timeline.js';

export interface ClaimEvidenceRef {
  claimId: string;
  stance: Stance;
  speaker: string | null;
  quote: string;
  documentId: string | null;
  url: string;
  saidOn: SaidOn;
  /** Log position of the ClaimRecorded event. */
  position: number;
  /** Revisions of the watch file and language packs that produced the claim (null: an analyst's, or older). */
  watchRevision: string | null;
  packsRevision: string | null;
}

export interface DroppedClaimRef extends ClaimEvidenceRef {
  status: Drop['kind'];
  /** In log order; the first one took the claim out. Each has its reason and who. */
  drops: Drop[];
}

export interface StanceExplanation {
  watchId: string;
  actorId: string;
  stance: Stance | null;
  /** The claim that moved the actor to the current stance: the first of the latest run of it. */
  producedBy: ClaimEvidenceRef | null;
  /** When that change became known (see timeline.ts). */
  knownAtPosition: number | null;
  /** Later claims repeating the current stance, in claim order. */
  reaffirmedBy: ClaimEvidenceRef[];
  /** Claims earlier in the order with another stance, which producedBy overrides, in claim order. */
  overrode: ClaimEvidenceRef[];
  /** Claims that no longer count (rejected, superseded), any stance, in claim order. */
  dropped: DroppedClaimRef[];
}

export function explainStance(t: ActorTimeline): StanceExplanation {
  const stance = currentStance(t);
  const producer = stanceSince(t);
  const start = producer ? t.active.indexOf(producer) : t.active.length;
  return {
    watchId: t.watchId,
    actorId: t.actorId,
    stance,
    producedBy: producer ? ref(producer) : null,
    knownAtPosition: producer ? (t.changeAt.get(producer.claimId)?.mark.knownAtPosition ?? null) : null,
    reaffirmedBy: t.active.slice(start + 1).map(ref),
    overrode: t.active.slice(0, start).filter((e) => e.stance !== stance).map(ref),
    dropped: [...t.dropped.values()]
      .sort((a, b) => compareClaims(a.entry, b.entry))
      .map(({ entry, drops }) => ({ ...ref(entry), status: drops[0]!.kind, drops: [...drops] })),
  };
}

function ref(e: TimelineEntry): ClaimEvidenceRef {
  return {
    claimId: e.claimId,
    stance: e.stance,
    speaker: e.speaker,
    quote: e.quote,
    documentId: e.documentId,
    url: e.url,
    saidOn: e.saidOn,
    position: e.position,
    watchRevision: e.watchRevision,
    packsRevision: e.packsRevision,
  };
}
