// What the stance API answers about claims, changes and current stances: the shapes the JSON
// API returns and the board renders. Pure types.
import type { SaidOn, Stance } from '../../domain/vocabulary.js';
import type { TimelineEntry } from './claim-order.js';
import type { DocumentRef } from './document-page.js';

export interface ClaimView {
  claimId: string;
  stance: Stance;
  speaker: string | null;
  quote: string;
  saidOn: SaidOn;
  url: string;
  documentId: string | null;
  /** Outlet, title and publication date of the article, for a claim read from one. */
  document: Omit<DocumentRef, 'documentId'> | null;
  reportedAt: string | null;
  /** Log position of the ClaimRecorded event. */
  position: number;
  /** Content hashes of the watch file and the language packs that produced the claim (null: an analyst's, or recorded before they were kept). */
  watchRevision: string | null;
  packsRevision: string | null;
}

export interface ChangeView {
  from: Stance | null;
  to: Stance;
  effectiveOn: SaidOn;
  /** The log position from which the service has shown this change. */
  knownAtPosition: number;
  claim: ClaimView;
}

export interface ActorStanceView {
  actor: string;
  name: string;
  stance: Stance | null;
  /** The change that put the actor at this stance. */
  since: ChangeView | null;
  /** The latest claim counted (it may only repeat the stance). */
  latestClaim: ClaimView | null;
}

/** The article of a claim, as the views show it (without its id, which the claim has). */
export function documentOf(documentId: string | null, documents: Map<string, DocumentRef>) {
  const doc = documentId ? documents.get(documentId) : undefined;
  if (!doc) return null;
  const { documentId: _id, ...rest } = doc;
  return rest;
}

/** A claim as the API answers it, with its article from `documents`. */
export function claimView(claim: TimelineEntry, documents: Map<string, DocumentRef>): ClaimView {
  return {
    claimId: claim.claimId,
    stance: claim.stance,
    speaker: claim.speaker,
    quote: claim.quote,
    saidOn: claim.saidOn,
    url: claim.url,
    documentId: claim.documentId,
    document: documentOf(claim.documentId, documents),
    reportedAt: claim.reportedAt,
    position: claim.position,
    watchRevision: claim.watchRevision,
    packsRevision: claim.packsRevision,
  };
}

