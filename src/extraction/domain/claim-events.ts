// From extracted claim drafts to ClaimRecorded events. Claim ids are derived from the claim's
// content, so the same document read by the same extractor version yields the same ids in any
// ingestion order, on any instance.
import { createHash } from 'node:crypto';
import type { ArticleDocument, ClaimDraft, ClaimRecorded, ConfigRevisions } from '../../domain/vocabulary.js';

export function claimId(documentId: string, draft: ClaimDraft, extractorVersion: string): string {
  const key = [documentId, draft.watchId, draft.actorId, draft.stance, draft.evidence.start, draft.evidence.end, extractorVersion].join('|');
  return `claim-${createHash('sha256').update(key).digest('hex').slice(0, 20)}`;
}

/**
 * `revisions`: of the watch and language packs that produced the draft. They are not part of
 * the claim id: the same statement read under an edited watch is the same claim.
 */
export function claimRecorded(doc: ArticleDocument, draft: ClaimDraft, extractorVersion: string, revisions?: ConfigRevisions): ClaimRecorded {
  return {
    type: 'ClaimRecorded',
    data: {
      ...draft,
      claimId: claimId(doc.documentId, draft, extractorVersion),
      documentId: doc.documentId,
      url: doc.url,
      origin: 'extractor',
      recordedBy: extractorVersion,
      reportedAt: doc.published,
      ...revisions,
    },
  };
}

/** The stream and idempotency key of one extractor version's claims on one document. */
export function extractionAppend(documentId: string, extractorVersion: string) {
  return { streamId: `claims:${documentId}`, idempotencyKey: `extract:${documentId}:${extractorVersion}` };
}
